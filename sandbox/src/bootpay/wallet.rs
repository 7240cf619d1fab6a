//! `GET wallet?user_id=…&sandbox=…`: a member's wallets (saved payment methods, spec §4.7 #30, §6.8).
//!
//! Here a wallet is a card billing key issued with `user.id` = the member: issuing one adds a wallet,
//! destroying the key removes it, and a charge on it (direct or reserved) sets its `latest_purchased_at`.
//! Every sandbox wallet is a test-mode one (`sandbox: 1`), so `sandbox=false` lists none.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::Json;
use serde_json::{json, Value};

use super::{ApiError, ApiResult};
use crate::clock::format_time;
use crate::state::App;

/// The wallet `type` the sandbox gives a saved card (Bootpay does not publish the values).
const CARD_WALLET: i64 = 1;

/// Lists the member's wallets in the order they were saved (`order` 1 first).
pub async fn list(
    State(app): State<Arc<App>>,
    Query(query): Query<HashMap<String, String>>,
) -> ApiResult {
    let user_id = query
        .get("user_id")
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| ApiError::invalid("user_id is required"))?;
    let sandbox = match query.get("sandbox").map(String::as_str) {
        Some("true") => true,
        Some("false") => false,
        Some(_) => return Err(ApiError::invalid("sandbox must be true or false")),
        None => return Err(ApiError::invalid("sandbox is required")),
    };
    if !sandbox {
        return Ok(Json(json!([])));
    }
    let state = app.lock();
    let mut keys: Vec<_> = state
        .billing_keys
        .values()
        .filter(|key| key.card.is_some() && key.owner().as_deref() == Some(user_id))
        .collect();
    keys.sort_by(|a, b| (a.published_at, &a.wallet_id).cmp(&(b.published_at, &b.wallet_id)));
    let wallets: Vec<Value> = keys
        .iter()
        .zip(1..)
        .filter_map(|(key, order)| {
            let card = key.card.as_ref()?;
            Some(json!({
                "wallet_id": key.wallet_id,
                "type": CARD_WALLET,
                "sandbox": 1,
                "order": order,
                "payment_status": 1,
                "batch_data": {
                    "card_no": card.card_no,
                    "card_company": card.company,
                    "card_company_code": card.company_code,
                    "card_type": 0,
                },
                "card_code": card.company_code,
                "expired_at": format_time(&key.expire_at),
                "latest_purchased_at": key.last_charged_at.as_ref().map(format_time),
            }))
        })
        .collect();
    Ok(Json(Value::Array(wallets)))
}
