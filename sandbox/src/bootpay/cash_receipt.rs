//! Cash receipts: issued on an existing payment, or standalone, and their cancellation.
//!
//! Cancel parameters arrive in the query string (PY/NODE) or a JSON body on DELETE
//! (GO/JAVA); both are read, the query winning.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::Json;
use serde_json::{json, Value};

use super::params::{self, Body};
use super::{ApiError, ApiResult};
use crate::clock::{format_time, parse_time_with_offset, Time};
use crate::model::{digits, hex_id, Receipt};
use crate::state::App;

/// `cash_receipt_type` as the int receipts carry: 1 income deduction, 2 expense proof.
fn cash_receipt_type(body: &Body) -> Result<i64, ApiError> {
    match body.get("cash_receipt_type") {
        Some(Value::String(s)) if s == "소득공제" => Ok(1),
        Some(Value::String(s)) if s == "지출증빙" => Ok(2),
        // RB2 sends the integer form.
        Some(Value::Number(n)) if n.as_i64() == Some(1) || n.as_i64() == Some(2) => {
            Ok(n.as_i64().unwrap_or(1))
        }
        None | Some(Value::Null) => Err(ApiError::invalid("cash_receipt_type is required")),
        Some(_) => Err(ApiError::invalid(
            "cash_receipt_type must be 소득공제 or 지출증빙",
        )),
    }
}

fn cash_receipt_data(base_url: &str, receipt_id: &str, kind: i64) -> Value {
    json!({
        "tid": format!("sandbox-{}", hex_id(8)),
        "cash_receipt_type": kind,
        "cash_receipt_no": digits(9),
        "receipt_url": format!("{base_url}/cash_receipt/{receipt_id}"),
    })
}

fn is_cancelled(data: &Value) -> bool {
    data.get("cancelled").and_then(Value::as_bool) == Some(true)
}

/// Who cancels and why, from the query string or else the JSON body.
fn cancel_reason(query: &HashMap<String, String>, bytes: &Bytes) -> (Value, Value) {
    let body = params::parse(bytes).unwrap_or_default();
    let pick = |key: &str| {
        query
            .get(key)
            .map(|v| json!(v))
            .or_else(|| body.get(key).cloned())
            .unwrap_or(Value::Null)
    };
    (pick("cancel_username"), pick("cancel_message"))
}

fn mark_cancelled(data: &mut Value, now: &Time, who: Value, why: Value) {
    if let Some(m) = data.as_object_mut() {
        m.insert("cancelled".into(), json!(true));
        m.insert("cancelled_at".into(), json!(format_time(now)));
        m.insert("cancel_username".into(), who);
        m.insert("cancel_message".into(), why);
    }
}

/// `POST request/receipt/cash/publish`: a cash receipt on an existing payment.
pub async fn publish(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let receipt_id = params::req_str(&body, "receipt_id")?;
    params::req_str(&body, "identity_no")?;
    let kind = cash_receipt_type(&body)?;
    let mut state = app.lock();
    let base_url = state.base_url.clone();
    let receipt = state
        .receipts
        .get_mut(&receipt_id)
        .ok_or_else(|| ApiError::not_found("receipt", &receipt_id))?;
    if receipt
        .cash_receipt
        .as_ref()
        .is_some_and(|d| !is_cancelled(d))
    {
        return Err(ApiError::bad_request(
            "RC_ALREADY_PUBLISHED",
            "a cash receipt was already issued for this payment",
        ));
    }
    receipt.cash_receipt = Some(cash_receipt_data(&base_url, &receipt_id, kind));
    Ok(Json(receipt.to_json(false)))
}

/// `DELETE request/receipt/cash/cancel/{receipt_id}`: cancels the cash receipt, not the
/// payment.
pub async fn cancel_on_receipt(
    State(app): State<Arc<App>>,
    Path(receipt_id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    bytes: Bytes,
) -> ApiResult {
    let (who, why) = cancel_reason(&query, &bytes);
    let mut state = app.lock();
    let now = state.now();
    let receipt = state
        .receipts
        .get_mut(&receipt_id)
        .ok_or_else(|| ApiError::not_found("receipt", &receipt_id))?;
    let data = receipt
        .cash_receipt
        .as_mut()
        .ok_or_else(|| ApiError::not_found("cash receipt of receipt", &receipt_id))?;
    if is_cancelled(data) {
        return Err(ApiError::bad_request(
            "RC_ALREADY_CANCELLED",
            "the cash receipt is already cancelled",
        ));
    }
    mark_cancelled(data, &now, who, why);
    Ok(Json(receipt.to_json(false)))
}

/// `POST request/cash/receipt`: a standalone cash receipt (a payment made outside Bootpay).
pub async fn request(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let order_id = params::req_str(&body, "order_id")?;
    let order_name = params::req_str(&body, "order_name")?;
    params::req_str(&body, "identity_no")?;
    let kind = cash_receipt_type(&body)?;
    let price = params::req_amount(&body, "price")?;
    let tax_free = params::opt_amount(&body, "tax_free")?.unwrap_or(0);
    let pg = params::opt_str(&body, "pg")?;
    let purchased_at = params::opt_str(&body, "purchased_at")?;
    let metadata = params::opt_obj(&body, "metadata")?.unwrap_or_else(|| json!({}));
    let user = params::opt_obj(&body, "user")?;

    let mut state = app.lock();
    let mut receipt: Receipt = state.new_receipt(order_id, order_name);
    if let Some(pg) = pg {
        receipt.pg = pg;
    }
    receipt.method = "cash_receipt".into();
    receipt.method_origin = "cash_receipt".into();
    receipt.price = price;
    receipt.tax_free = tax_free;
    receipt.metadata = metadata;
    receipt.user = user;
    receipt.status = 1;
    receipt.purchased_at = Some(
        purchased_at
            .as_deref()
            .and_then(parse_time_with_offset)
            .unwrap_or(receipt.requested_at),
    );
    receipt.cash_receipt = Some(cash_receipt_data(
        &state.base_url,
        &receipt.receipt_id,
        kind,
    ));
    Ok(Json(state.insert_receipt(receipt).to_json(false)))
}

/// `DELETE request/cash/receipt/{receipt_id}`: cancels a standalone cash receipt (status 20).
pub async fn cancel(
    State(app): State<Arc<App>>,
    Path(receipt_id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    bytes: Bytes,
) -> ApiResult {
    let (who, why) = cancel_reason(&query, &bytes);
    let mut state = app.lock();
    let now = state.now();
    let receipt = state
        .receipts
        .get_mut(&receipt_id)
        .ok_or_else(|| ApiError::not_found("receipt", &receipt_id))?;
    if receipt.method != "cash_receipt" {
        return Err(ApiError::bad_request(
            "RC_CANCEL_NOT_ALLOWED",
            "only a standalone cash receipt can be cancelled here",
        ));
    }
    if receipt.status == 20 {
        return Err(ApiError::bad_request(
            "RC_ALREADY_CANCELLED",
            "the cash receipt is already cancelled",
        ));
    }
    receipt.status = 20;
    receipt.cancelled_price = receipt.price;
    receipt.cancelled_tax_free = receipt.tax_free;
    receipt.cancelled_at = Some(now);
    receipt.cancel_history.push(json!({
        "cancel_id": null,
        "cancel_price": receipt.price,
        "cancel_tax_free": receipt.tax_free,
        "cancelled_at": format_time(&now),
        "cancel_username": who.clone(),
        "cancel_message": why.clone(),
        "refund": null,
    }));
    if let Some(data) = receipt.cash_receipt.as_mut() {
        mark_cancelled(data, &now, who, why);
    }
    Ok(Json(receipt.to_json(false)))
}
