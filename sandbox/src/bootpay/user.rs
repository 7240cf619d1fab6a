//! `POST request/user/token`: tokens for the front end's easy-pay / biometric flows.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::State;
use axum::Json;
use chrono::TimeDelta;
use serde_json::{json, Value};

use super::{params, ApiResult};
use crate::clock::format_time;
use crate::model::hex_id;
use crate::state::App;

/// Issues a user token valid for one day.
pub async fn token(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let user_id = params::req_str(&body, "user_id")?;
    let mut state = app.lock();
    let expired_at = format_time(&(state.now() + TimeDelta::days(1)));
    let user_token = hex_id(16);
    let mut user = Value::Object(body);
    user["user_id"] = json!(user_id);
    user["expired_at"] = json!(expired_at);
    state.user_tokens.insert(user_token.clone(), user);
    Ok(Json(
        json!({ "user_token": user_token, "expired_at": expired_at }),
    ))
}
