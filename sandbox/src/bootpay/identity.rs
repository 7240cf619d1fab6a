//! Identity verification: REST authentication by SMS OTP, and certificate lookup.
//!
//! The OTP is the sandbox's [`crate::SandboxCredentials::otp`] ([`crate::SANDBOX_OTP`] unless configured),
//! so tests can drive the whole flow.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::Json;
use chrono::TimeDelta;
use serde_json::Value;

use super::{params, ApiError, ApiResult};
use crate::model::{hex_id, Authentication};
use crate::state::App;

/// How long an OTP can be confirmed after the request (spec §4.6 #28).
const OTP_LIFETIME_MINUTES: i64 = 30;

fn already_authenticated() -> ApiError {
    ApiError::bad_request(
        "AUTH_ALREADY_AUTHENTICATED",
        "this authentication is already completed",
    )
}

/// `POST request/authentication`: "sends" the SMS and waits (status 0).
pub async fn request(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let pg = params::req_str(&body, "pg")?;
    let method = params::req_str(&body, "method")?;
    let authentication_id = params::req_str(&body, "authentication_id")?;
    let username = params::req_str(&body, "username")?;
    let identity_no = params::req_str(&body, "identity_no")?;
    let carrier = params::req_str(&body, "carrier")?;
    let phone = params::req_str(&body, "phone")?;

    let mut state = app.lock();
    if state
        .completed_authentication_ids
        .contains(&authentication_id)
    {
        return Err(already_authenticated());
    }
    let auth = Authentication {
        receipt_id: hex_id(12),
        authenticate_id: authentication_id,
        pg,
        method,
        username,
        identity_no,
        carrier,
        phone,
        status: 0,
        requested_at: state.now(),
        authenticated_at: None,
        realarms: 0,
        tid: format!("sandbox-{}", hex_id(8)),
    };
    let answer = auth.to_json();
    state.authentications.insert(auth.receipt_id.clone(), auth);
    Ok(Json(answer))
}

/// `POST authenticate/confirm`: checks the OTP; status 12 on success.
pub async fn confirm(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let receipt_id = params::req_str(&body, "receipt_id")?;
    // Some SDKs let callers pass the OTP as a number.
    let otp = match body.get("otp") {
        Some(Value::Number(n)) => n.to_string(),
        _ => params::req_str(&body, "otp")?,
    };
    let mut state = app.lock();
    let now = state.now();
    let expected_otp = state.config.credentials.otp.clone();
    let auth = state
        .authentications
        .get_mut(&receipt_id)
        .ok_or_else(|| ApiError::not_found("authentication", &receipt_id))?;
    if auth.status == 12 {
        return Err(already_authenticated());
    }
    if now > auth.requested_at + TimeDelta::minutes(OTP_LIFETIME_MINUTES) {
        return Err(ApiError::bad_request(
            "AUTH_EXPIRED",
            "the authentication request expired (30 minutes)",
        ));
    }
    if otp != expected_otp {
        return Err(ApiError::bad_request(
            "AUTH_OTP_MISMATCH",
            "the OTP does not match",
        ));
    }
    auth.status = 12;
    auth.authenticated_at = Some(now);
    let answer = auth.to_json();
    let id = auth.authenticate_id.clone();
    state.completed_authentication_ids.insert(id);
    Ok(Json(answer))
}

/// `POST authenticate/realarm`: "re-sends" the SMS.
pub async fn realarm(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let receipt_id = params::req_str(&body, "receipt_id")?;
    let mut state = app.lock();
    let auth = state
        .authentications
        .get_mut(&receipt_id)
        .ok_or_else(|| ApiError::not_found("authentication", &receipt_id))?;
    if auth.status == 12 {
        return Err(already_authenticated());
    }
    auth.realarms += 1;
    Ok(Json(auth.to_json()))
}

/// `GET certificate/{receipt_id}`.
pub async fn certificate(State(app): State<Arc<App>>, Path(receipt_id): Path<String>) -> ApiResult {
    let state = app.lock();
    let auth = state
        .authentications
        .get(&receipt_id)
        .ok_or_else(|| ApiError::not_found("certificate", &receipt_id))?;
    Ok(Json(auth.to_json()))
}
