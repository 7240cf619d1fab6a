//! `POST users/getToken`: imp_key/imp_secret → access token, with iamport's reuse rule.
//!
//! Before expiry the same token comes back with the same `expired_at`; in its last minute it
//! comes back with `expired_at` pushed 5 minutes further (spec §2.2). With a configured
//! lifetime shorter than 30 min both windows shrink in proportion (1/30 and 1/6 of it).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use chrono::TimeDelta;
use serde_json::json;

use super::{ok, params, IamError, IamResult};
use crate::model::hex_id;
use crate::state::App;

/// Issues, re-issues or extends the access token.
pub async fn issue(State(app): State<Arc<App>>, headers: HeaderMap, bytes: Bytes) -> IamResult {
    let body = params::parse(&headers, &bytes)?;
    let key = params::req_str(&body, "imp_key")?;
    let secret = params::req_str(&body, "imp_secret")?;

    let mut state = app.lock();
    let accepted = &state.config.credentials;
    if key != accepted.imp_key || secret != accepted.imp_secret {
        return Err(IamError::unauthorized(
            "imp_key, imp_secret 인증에 실패하였습니다.",
        ));
    }
    let now = state.now();
    let ttl = TimeDelta::from_std(state.config.token_ttl).unwrap_or(TimeDelta::seconds(1800));
    let window = std::cmp::min(TimeDelta::seconds(60), ttl / 30);
    let extension = std::cmp::min(TimeDelta::seconds(300), ttl / 6);
    let iam = &mut state.iamport;
    let live = iam
        .current_token
        .clone()
        .and_then(|t| iam.tokens.get(&t).copied().map(|e| (t, e)))
        .filter(|(_, expires)| *expires > now);
    let (token, expires) = match live {
        Some((token, expires)) if expires - now <= window => {
            let extended = expires.checked_add_signed(extension).unwrap_or(expires);
            iam.tokens.insert(token.clone(), extended);
            (token, extended)
        }
        Some(live) => live,
        None => {
            let token = hex_id(20);
            // Checked: a lifetime set through `SandboxConfig` is not bounded like the admin one.
            let expires = now.checked_add_signed(ttl).unwrap_or(now);
            iam.tokens.insert(token.clone(), expires);
            iam.current_token = Some(token.clone());
            (token, expires)
        }
    };
    ok(json!({
        "access_token": token,
        "now": now.timestamp(),
        "expired_at": expires.timestamp(),
    }))
}
