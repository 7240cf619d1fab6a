//! The emulated iamport (PortOne V1) REST API under `/iamport`: routing, the auth check and
//! the `{code, message, response}` envelope every answer carries.
//!
//! iamport reports business failures (cancel of an unknown payment, a declined card) as
//! HTTP 200 with a non-zero `code`, and only parameter, auth and lookup failures with 4xx, so
//! clients can be tested on telling those apart.

mod billing;
mod certifications;
mod codes;
mod escrow;
pub mod model;
pub mod params;
pub mod payments;
mod prepare;
mod receipts;
pub mod schedules;
pub mod store;
mod token;
pub mod vbanks;

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::faults::fault_layer;
use crate::record::{record_layer, split_path};
use crate::state::App;

/// The 404 message iamport uses for an unknown payment.
pub const PAYMENT_NOT_FOUND: &str = "존재하지 않는 결제정보입니다.";

/// An iamport failure: an HTTP status plus the envelope's `code` and `message`.
#[derive(Debug)]
pub struct IamError {
    status: StatusCode,
    code: i64,
    message: String,
}

impl IamError {
    /// A failure with any status and code.
    pub fn new(status: StatusCode, code: i64, message: impl Into<String>) -> Self {
        IamError {
            status,
            code,
            message: message.into(),
        }
    }

    /// `400`, code -1: a missing or malformed parameter (the message names it).
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, -1, message)
    }

    /// `404`, code -1.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, -1, message)
    }

    /// `404` for an unknown payment, with iamport's own message.
    pub fn payment_not_found() -> Self {
        Self::not_found(PAYMENT_NOT_FOUND)
    }

    /// `409`, code -1 (escrow registration conflicts, admin amount mismatches).
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, -1, message)
    }

    /// `401`, code -1.
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, -1, message)
    }

    /// HTTP 200 with a non-zero code: how iamport reports business failures.
    pub fn business(code: i64, message: impl Into<String>) -> Self {
        Self::new(StatusCode::OK, code, message)
    }

    /// The envelope this error answers with.
    pub fn envelope(&self) -> Value {
        json!({ "code": self.code, "message": self.message, "response": null })
    }
}

impl IntoResponse for IamError {
    fn into_response(self) -> Response {
        (self.status, Json(self.envelope())).into_response()
    }
}

/// A success: `{code: 0, message: null, response}` with status 200 (207 for partial
/// multi-lookups).
#[derive(Debug)]
pub struct Reply {
    status: StatusCode,
    response: Value,
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let body = json!({ "code": 0, "message": null, "response": self.response });
        (self.status, Json(body)).into_response()
    }
}

/// What every iamport handler returns.
pub type IamResult = Result<Reply, IamError>;

/// A `200 code 0` answer.
pub fn ok(response: Value) -> IamResult {
    Ok(Reply {
        status: StatusCode::OK,
        response,
    })
}

/// A multi-lookup answer: 200 when every id was found, 207 when some were (only the found
/// ones in `response`), 404 when none were.
pub fn multi(found: Vec<Value>, asked: usize, not_found: &str) -> IamResult {
    if found.is_empty() {
        return Err(IamError::not_found(not_found));
    }
    let status = if found.len() < asked {
        StatusCode::MULTI_STATUS
    } else {
        StatusCode::OK
    };
    Ok(Reply {
        status,
        response: Value::Array(found),
    })
}

/// All `/iamport` routes, wrapped (outermost first) in recording, faults and the auth check.
pub fn router(app: &Arc<App>) -> Router<Arc<App>> {
    let r = Router::new()
        .route("/iamport/users/getToken", post(token::issue))
        .route("/iamport/payments", get(payments::many))
        .route("/iamport/payments/{imp_uid}", get(payments::one))
        .route(
            "/iamport/payments/{imp_uid}/balance",
            get(payments::balance),
        )
        .route("/iamport/payments/find/{merchant_uid}", get(payments::find))
        .route(
            "/iamport/payments/find/{merchant_uid}/{payment_status}",
            get(payments::find_with_status),
        )
        .route(
            "/iamport/payments/findAll/{merchant_uid}",
            get(payments::find_all),
        )
        .route(
            "/iamport/payments/findAll/{merchant_uid}/{payment_status}",
            get(payments::find_all_with_status),
        )
        .route(
            "/iamport/payments/status/{payment_status}",
            get(payments::by_status),
        )
        .route("/iamport/payments/cancel", post(payments::cancel))
        .route(
            "/iamport/payments/prepare",
            post(prepare::register).put(prepare::update),
        )
        .route(
            "/iamport/payments/prepare/{merchant_uid}",
            get(prepare::lookup),
        )
        .route("/iamport/subscribe/customers", get(billing::customers))
        .route(
            "/iamport/subscribe/customers/{customer_uid}",
            get(billing::customer)
                .post(billing::issue)
                .delete(billing::delete),
        )
        .route(
            "/iamport/subscribe/customers/{customer_uid}/payments",
            get(billing::customer_payments),
        )
        .route(
            "/iamport/subscribe/customers/{customer_uid}/schedules",
            get(schedules::by_customer),
        )
        .route(
            "/iamport/subscribe/payments/onetime",
            post(billing::onetime),
        )
        .route(
            "/iamport/subscribe/payments/foreign",
            post(billing::foreign),
        )
        .route("/iamport/subscribe/payments/again", post(billing::again))
        .route(
            "/iamport/subscribe/payments/schedule",
            get(schedules::list).post(schedules::register),
        )
        .route(
            "/iamport/subscribe/payments/unschedule",
            post(schedules::unschedule),
        )
        .route(
            "/iamport/subscribe/payments/schedule/{merchant_uid}",
            get(schedules::one).put(schedules::update),
        )
        .route(
            "/iamport/subscribe/payments/schedule/{merchant_uid}/reschedule",
            post(schedules::reschedule),
        )
        .route(
            "/iamport/subscribe/payments/schedule/{merchant_uid}/retry",
            post(schedules::retry),
        )
        .route(
            "/iamport/subscribe/payments/schedule/customers/{customer_uid}",
            get(schedules::by_customer),
        )
        .route("/iamport/vbanks", post(vbanks::issue))
        .route("/iamport/vbanks/holder", get(vbanks::holder))
        .route(
            "/iamport/vbanks/{imp_uid}",
            axum::routing::put(vbanks::update).delete(vbanks::revoke),
        )
        .route(
            "/iamport/certifications/{imp_uid}",
            get(certifications::lookup).delete(certifications::erase),
        )
        .route(
            "/iamport/certifications/otp/request",
            post(certifications::otp_request),
        )
        .route(
            "/iamport/certifications/otp/confirm/{imp_uid}",
            post(certifications::otp_confirm),
        )
        .route(
            "/iamport/escrows/logis/{imp_uid}",
            get(escrow::lookup)
                .post(escrow::register)
                .put(escrow::update),
        )
        .route(
            "/iamport/receipts/{imp_uid}",
            get(receipts::lookup)
                .post(receipts::issue)
                .delete(receipts::revoke),
        )
        .route(
            "/iamport/receipts/external/{merchant_uid}",
            get(receipts::external_lookup)
                .post(receipts::external_issue)
                .delete(receipts::external_revoke),
        )
        .route("/iamport/banks", get(codes::banks))
        .route("/iamport/banks/{code}", get(codes::bank))
        .route("/iamport/cards", get(codes::cards))
        .route("/iamport/cards/{code}", get(codes::card));
    // route_layer: these run after routing, so MatchedPath is known to the recorder.
    r.route_layer(from_fn_with_state(app.clone(), auth_layer))
        .route_layer(from_fn_with_state(app.clone(), fault_layer))
        .route_layer(from_fn_with_state(app.clone(), record_layer))
}

/// `/iamport/payments/cancel/` → `/iamport/payments/cancel`: the PHP client posts with a
/// trailing slash and iamport tolerates it. Other paths are left alone.
pub async fn trim_trailing_slash(mut req: Request) -> Request {
    let path = req.uri().path();
    if path.len() > "/iamport/".len() && path.starts_with("/iamport/") && path.ends_with('/') {
        let trimmed = path.trim_end_matches('/');
        let rewritten = match req.uri().query() {
            Some(q) => format!("{trimmed}?{q}"),
            None => trimmed.to_string(),
        };
        if let Ok(uri) = rewritten.parse() {
            *req.uri_mut() = uri;
        }
    }
    req
}

/// Unknown `/iamport` paths answer a 404 envelope.
pub fn not_found(path: &str) -> Response {
    IamError::not_found(format!("존재하지 않는 API입니다: {path}")).into_response()
}

async fn auth_layer(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    if split_path(req.uri().path()).1 == "users/getToken" {
        return next.run(req).await;
    }
    match authorize(&app, req.headers()) {
        Ok(()) => next.run(req).await,
        Err(e) => e.into_response(),
    }
}

/// `Authorization: Bearer <token>` or the bare token (any other scheme word is ignored too).
fn authorize(app: &App, headers: &HeaderMap) -> Result<(), IamError> {
    let value = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .unwrap_or("");
    let token = value.rsplit(' ').next().unwrap_or("").trim();
    if token.is_empty() {
        return Err(IamError::unauthorized("Unauthorized: no access token"));
    }
    let state = app.lock();
    match state.iamport.tokens.get(token) {
        None => Err(IamError::unauthorized("Unauthorized: unknown access token")),
        Some(expires) if *expires <= state.now() => Err(IamError::unauthorized(
            "Unauthorized: the access token has expired",
        )),
        Some(_) => Ok(()),
    }
}
