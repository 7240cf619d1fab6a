//! The emulated Bootpay REST v2 API under `/v2`: routing, the auth check and the error shape.
//!
//! Every answer that is not a success is `{"error_code", "message"}` (plus `data` for PG
//! failures) with a 4xx/5xx status, so clients can be tested on Bootpay's error handling.

mod billing;
mod cash_receipt;
mod escrow;
mod identity;
pub mod params;
pub mod payments;
mod token;
mod user;
mod wallet;

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};
use base64::Engine;
use serde_json::{json, Value};

use crate::faults::fault_layer;
use crate::record::{record_layer, relative_path};
use crate::state::App;

pub use payments::link_page;

/// A Bootpay-style failure.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: Value,
}

/// What every Bootpay handler returns.
pub type ApiResult = Result<Json<Value>, ApiError>;

impl ApiError {
    /// A failure with any status and code (string codes, or numbers as PGs use).
    pub fn new(status: StatusCode, code: impl Into<Value>, message: impl Into<String>) -> Self {
        ApiError {
            status,
            body: json!({ "error_code": code.into(), "message": message.into() }),
        }
    }

    /// `400 RC_INVALID_PARAMETER`; the message names the field.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "RC_INVALID_PARAMETER", message)
    }

    /// A `400` with the given code.
    pub fn bad_request(code: &str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// `404 RC_NOT_FOUND` for an unknown id.
    pub fn not_found(what: &str, id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "RC_NOT_FOUND",
            format!("{what} not found: {id}"),
        )
    }

    /// Adds the `field` member: the name of the bad input (admin API).
    pub fn with_field(mut self, field: &str) -> Self {
        if let Some(m) = self.body.as_object_mut() {
            m.insert("field".into(), Value::String(field.into()));
        }
        self
    }

    /// Adds the `data` member (PG raw error data).
    pub fn with_data(mut self, data: Value) -> Self {
        if let Some(m) = self.body.as_object_mut() {
            m.insert("data".into(), data);
        }
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}

/// NICEPAY's refusal of a card charge under 100 KRW (the PG failure rule of SANDBOX.md).
pub fn pg_amount_error(raw_data: bool) -> ApiError {
    const MESSAGE: &str = "금액오류(100원 또는 1달러 미만 신용카드 승인 불가)";
    let err = ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, -15006, MESSAGE);
    if raw_data {
        err.with_data(json!({ "ResultCode": "3041", "ResultMsg": MESSAGE }))
    } else {
        err
    }
}

/// The route pattern counters use, relative to `/v2`. Two endpoints share one axum route
/// (GET by receipt id, DELETE by billing key), so they get back their own names here.
pub fn route_pattern(method: &str, matched: &str) -> String {
    match (method, matched) {
        ("GET", "subscribe/billing_key/{id}") => "subscribe/billing_key/{receipt_id}".into(),
        ("DELETE", "subscribe/billing_key/{id}") => "subscribe/billing_key/{billing_key}".into(),
        _ => matched.to_string(),
    }
}

/// All `/v2` routes, wrapped (outermost first) in recording, faults and the auth check.
pub fn router(app: &Arc<App>) -> Router<Arc<App>> {
    Router::new()
        .route("/v2/request/token", post(token::issue))
        .route("/v2/receipt/{receipt_id}", get(payments::receipt))
        .route("/v2/lookup/order/{order_id}", get(payments::lookup_order))
        .route("/v2/confirm", post(payments::confirm))
        .route("/v2/cancel", post(payments::cancel))
        .route("/v2/request/payment", post(payments::link))
        .route("/v2/seller/payment/method", get(payments::methods))
        .route("/v2/certificate/{receipt_id}", get(identity::certificate))
        .route("/v2/request/subscribe", post(billing::issue_card_key))
        .route(
            "/v2/subscribe/billing_key/{id}",
            get(billing::key_by_receipt).delete(billing::destroy_key),
        )
        .route("/v2/billing_key/{billing_key}", get(billing::key_by_key))
        .route(
            "/v2/subscribe/sequential_billing_key/{billing_key}",
            get(billing::sequential_key),
        )
        .route("/v2/subscribe/payment", post(billing::pay))
        .route("/v2/subscribe/payment/reserve", post(billing::reserve))
        .route(
            "/v2/subscribe/payment/reserve/{reserve_id}",
            get(billing::reserve_lookup).delete(billing::reserve_cancel),
        )
        .route(
            "/v2/request/subscribe/automatic-transfer",
            post(billing::transfer_request),
        )
        .route(
            "/v2/request/subscribe/automatic-transfer/publish",
            post(billing::transfer_publish),
        )
        .route("/v2/request/user/token", post(user::token))
        .route("/v2/wallet", get(wallet::list))
        .route(
            "/v2/escrow/shipping/start/{receipt_id}",
            put(escrow::shipping_start),
        )
        .route(
            "/v2/request/receipt/cash/publish",
            post(cash_receipt::publish),
        )
        .route(
            "/v2/request/receipt/cash/cancel/{receipt_id}",
            delete(cash_receipt::cancel_on_receipt),
        )
        .route("/v2/request/cash/receipt", post(cash_receipt::request))
        .route(
            "/v2/request/cash/receipt/{receipt_id}",
            delete(cash_receipt::cancel),
        )
        .route("/v2/request/authentication", post(identity::request))
        .route("/v2/authenticate/confirm", post(identity::confirm))
        .route("/v2/authenticate/realarm", post(identity::realarm))
        // route_layer: these run after routing, so MatchedPath is known to the recorder.
        .route_layer(from_fn_with_state(app.clone(), auth_layer))
        .route_layer(from_fn_with_state(app.clone(), fault_layer))
        .route_layer(from_fn_with_state(app.clone(), record_layer))
}

/// Unknown paths answer in Bootpay's error shape too.
pub async fn not_found_fallback(req: Request) -> ApiError {
    ApiError::not_found("endpoint", req.uri().path())
}

async fn auth_layer(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    if relative_path(req.uri().path()) == "request/token" {
        return next.run(req).await;
    }
    match authorize(&app, req.headers()) {
        Ok(()) => next.run(req).await,
        Err(e) => e.into_response(),
    }
}

fn authorize(app: &App, headers: &HeaderMap) -> Result<(), ApiError> {
    let value = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .unwrap_or("");
    let (scheme, credential) = value.split_once(' ').unwrap_or((value, ""));
    let credential = credential.trim();
    let invalid = || {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "AUTH_TOKEN_INVALID",
            "missing or unknown access token",
        )
    };
    {
        let state = app.lock();
        if scheme.eq_ignore_ascii_case("bearer") {
            let expires_at = state.tokens.get(credential).ok_or_else(invalid)?;
            if *expires_at <= state.now() {
                return Err(ApiError::new(
                    StatusCode::UNAUTHORIZED,
                    "AUTH_TOKEN_EXPIRED",
                    "the access token has expired",
                ));
            }
        } else if scheme.eq_ignore_ascii_case("basic") {
            let decoded = base64::engine::general_purpose::STANDARD
                .decode(credential)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
                .ok_or_else(invalid)?;
            let accepted = &state.config.credentials;
            let expected = format!("{}:{}", accepted.client_key, accepted.secret_key);
            if decoded != expected {
                return Err(ApiError::new(
                    StatusCode::UNAUTHORIZED,
                    "AUTH_INVALID_KEY",
                    "client_key/secret_key do not match",
                ));
            }
        } else {
            return Err(invalid());
        }
    }
    let has_version = headers
        .get("bootpay-api-version")
        .is_some_and(|v| !v.as_bytes().is_empty());
    if !has_version {
        return Err(ApiError::bad_request(
            "RC_API_VERSION_REQUIRED",
            "the BOOTPAY-API-VERSION header is required",
        ));
    }
    Ok(())
}
