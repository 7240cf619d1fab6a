//! Receipts: lookup (by id and by order id), confirm, cancel, payment links and the list of
//! enabled methods.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::{params, ApiError, ApiResult};
use crate::clock::format_time;
use crate::model::hex_id;
use crate::state::App;

/// `GET receipt/{receipt_id}` (`?lookup_user_data=true` adds `user`).
pub async fn receipt(
    State(app): State<Arc<App>>,
    Path(receipt_id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> ApiResult {
    let with_user = query
        .get("lookup_user_data")
        .is_some_and(|v| v == "true" || v == "1");
    let state = app.lock();
    let receipt = state
        .receipts
        .get(&receipt_id)
        .ok_or_else(|| ApiError::not_found("receipt", &receipt_id))?;
    Ok(Json(receipt.to_json(with_user)))
}

/// `GET lookup/order/{order_id}`: every receipt with that order id, oldest first.
pub async fn lookup_order(State(app): State<Arc<App>>, Path(order_id): Path<String>) -> ApiResult {
    let state = app.lock();
    let receipts: Vec<Value> = state
        .orders
        .get(&order_id)
        .into_iter()
        .flatten()
        .filter_map(|id| state.receipts.get(id))
        .map(|r| r.to_json(false))
        .collect();
    Ok(Json(Value::Array(receipts)))
}

/// `POST confirm`: a separately-confirmed payment (status 2) becomes paid (1).
pub async fn confirm(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let receipt_id = params::req_str(&body, "receipt_id")?;
    let mut state = app.lock();
    let now = state.now();
    let receipt = state
        .receipts
        .get_mut(&receipt_id)
        .ok_or_else(|| ApiError::not_found("receipt", &receipt_id))?;
    if receipt.status != 2 {
        return Err(ApiError::bad_request(
            "RC_CONFIRM_NOT_ALLOWED",
            format!("only a receipt awaiting confirmation (status 2) can be confirmed; this one has status {}", receipt.status),
        ));
    }
    receipt.status = 1;
    receipt.purchased_at = Some(now);
    Ok(Json(receipt.to_json(false)))
}

/// `POST cancel`: full or partial, idempotent per `cancel_id`.
pub async fn cancel(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let receipt_id = params::req_str(&body, "receipt_id")?;
    let cancel_id = params::opt_str(&body, "cancel_id")?;
    let cancel_price = params::opt_amount(&body, "cancel_price")?;
    if cancel_price == Some(0) {
        return Err(ApiError::invalid("cancel_price must be greater than 0"));
    }
    let cancel_tax_free = params::opt_amount(&body, "cancel_tax_free")?;
    let username = params::opt_str(&body, "cancel_username")?.unwrap_or_default();
    let message = params::opt_str(&body, "cancel_message")?.unwrap_or_default();
    let refund = params::opt_obj(&body, "refund")?;

    let mut state = app.lock();
    let now = state.now();
    let receipt = state
        .receipts
        .get_mut(&receipt_id)
        .ok_or_else(|| ApiError::not_found("receipt", &receipt_id))?;
    if let Some(id) = &cancel_id {
        if receipt
            .cancel_history
            .iter()
            .any(|h| h.get("cancel_id").and_then(Value::as_str) == Some(id))
        {
            return Err(ApiError::bad_request(
                "RC_CANCEL_ID_DUPLICATE",
                format!("cancel_id {id} was already used on this receipt"),
            ));
        }
    }
    if receipt.fully_cancelled() {
        return Err(ApiError::bad_request(
            "RC_ALREADY_CANCELLED",
            "the payment is already fully cancelled",
        ));
    }
    if receipt.status != 1 && receipt.status != 20 {
        return Err(ApiError::bad_request(
            "RC_CANCEL_NOT_ALLOWED",
            format!("a receipt in status {} cannot be cancelled", receipt.status),
        ));
    }
    let remaining = receipt.remaining_price();
    let price = cancel_price.unwrap_or(remaining);
    if price > remaining {
        return Err(ApiError::bad_request(
            "RC_CANCEL_PRICE_EXCEEDED",
            format!("cancel_price {price} exceeds the cancellable remainder {remaining}"),
        ));
    }
    let remaining_tax_free = receipt.remaining_tax_free();
    // Cancelling the whole remainder takes the remaining tax-free part with it.
    let tax_free = cancel_tax_free.unwrap_or(if price == remaining {
        remaining_tax_free
    } else {
        0
    });
    if tax_free > remaining_tax_free {
        return Err(ApiError::bad_request(
            "RC_CANCEL_TAX_FREE_EXCEEDED",
            format!(
                "cancel_tax_free {tax_free} exceeds the cancellable tax-free remainder {remaining_tax_free}"
            ),
        ));
    }
    receipt.cancelled_price += price;
    receipt.cancelled_tax_free += tax_free;
    receipt.status = 20;
    receipt.cancelled_at = Some(now);
    receipt.cancel_history.push(json!({
        "cancel_id": cancel_id,
        "cancel_price": price,
        "cancel_tax_free": tax_free,
        "cancelled_at": format_time(&now),
        "cancel_username": username,
        "cancel_message": message,
        "refund": refund,
    }));
    Ok(Json(receipt.to_json(false)))
}

/// `POST request/payment`: a payment link the customer would open.
pub async fn link(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let order_name = params::req_str(&body, "order_name")?;
    let order_id = params::req_str(&body, "order_id")?;
    let price = params::req_amount(&body, "price")?;
    let mut state = app.lock();
    let link_id = hex_id(12);
    let url = format!("{}/link/{link_id}", state.base_url);
    let answer = json!({
        "url": url,
        "order_id": order_id,
        "order_name": order_name,
        "price": price,
        "link_id": link_id,
    });
    state.links.insert(link_id, Value::Object(body));
    Ok(Json(answer))
}

/// `GET /link/{link_id}` (outside `/v2`): a page standing in for Bootpay's payment window.
pub async fn link_page(State(app): State<Arc<App>>, Path(link_id): Path<String>) -> Response {
    let state = app.lock();
    let Some(link) = state.links.get(&link_id) else {
        return (
            StatusCode::NOT_FOUND,
            Html("<html><body>unknown link</body></html>"),
        )
            .into_response();
    };
    let text = |k: &str| {
        link.get(k)
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
            .unwrap_or_default()
            .replace('<', "&lt;")
    };
    Html(format!(
        "<html><body><h1>paywire sandbox payment</h1><p>{}</p><p>{} KRW</p><p>order {}</p></body></html>",
        text("order_name"),
        text("price"),
        text("order_id"),
    ))
    .into_response()
}

/// `GET seller/payment/method`: what the sandbox project has enabled.
pub async fn methods() -> ApiResult {
    let entry = |pg: &str, pg_name: &str, method: &str, name: &str| json!({ "pg": pg, "pg_name": pg_name, "method": method, "method_name": name, "sandbox": true });
    Ok(Json(json!([
        entry("nicepay", "나이스페이", "card", "카드"),
        entry("nicepay", "나이스페이", "vbank", "가상계좌"),
        entry("nicepay", "나이스페이", "bank", "계좌이체"),
        entry("nicepay", "나이스페이", "card_rebill", "카드자동결제"),
        entry("nicepay", "나이스페이", "bank_rebill", "계좌자동결제"),
        entry("danal", "다날", "phone", "휴대폰"),
        entry("danal", "다날", "auth", "본인인증"),
    ])))
}
