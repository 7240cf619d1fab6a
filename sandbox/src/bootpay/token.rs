//! `POST request/token`: the legacy application_id/private_key → Bearer token exchange.
//!
//! Bootpay hands the same token back for 25 minutes of its 30 (spec §2.2); clients that
//! refresh early must see that, and ones that refresh late must get a new token.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::TimeDelta;
use serde_json::json;

use super::{params, ApiError, ApiResult};
use crate::model::hex_id;
use crate::state::{App, ReusableToken};

/// Longest re-issue window: Bootpay's 25 minutes.
const MAX_REUSE_WINDOW_SECS: i64 = 25 * 60;

/// Issues (or re-issues) an access token.
pub async fn issue(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let application_id = params::req_str(&body, "application_id")?;
    let private_key = params::req_str(&body, "private_key")?;

    let mut state = app.lock();
    let accepted = &state.config.credentials;
    if application_id != accepted.application_id || private_key != accepted.private_key {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "AUTH_INVALID_KEY",
            "application_id/private_key do not match",
        ));
    }
    let now = state.now();
    let reusable = state
        .reusable_token
        .as_ref()
        .filter(|t| now < t.reuse_until && state.tokens.get(&t.token).is_some_and(|e| *e > now))
        .map(|t| t.token.clone());
    let token = match reusable {
        Some(token) => token,
        None => {
            let ttl = TimeDelta::from_std(state.config.token_ttl)
                .unwrap_or_else(|_| TimeDelta::seconds(1800));
            let window = std::cmp::min(TimeDelta::seconds(MAX_REUSE_WINDOW_SECS), ttl * 5 / 6);
            let token = hex_id(20);
            // Checked: a lifetime set through `SandboxConfig` is not bounded like the admin one.
            let expires = now.checked_add_signed(ttl).unwrap_or(now);
            state.tokens.insert(token.clone(), expires);
            state.reusable_token = Some(ReusableToken {
                token: token.clone(),
                reuse_until: now.checked_add_signed(window).unwrap_or(now),
            });
            token
        }
    };
    let expires_at = state.tokens.get(&token).copied().unwrap_or(now);
    // Round up so a fresh 1800 s token reports 1800, not 1799.
    let expire_in = ((expires_at - now).num_milliseconds().saturating_add(999))
        .div_euclid(1000)
        .max(0);
    Ok(Json(json!({
        "access_token": token,
        "expire_in": expire_in,
        "server_time": now.timestamp(),
    })))
}
