//! The admin API under `/__admin`: seed Bootpay receipts and iamport payments, read
//! webhooks, inject faults, read counters and recorded requests, move the clock, and reset.
//!
//! No auth and no recording: tests in every language drive it over plain HTTP, and its
//! calls must not show up in what they assert about the client's traffic.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header;
use axum::http::HeaderMap;
use axum::response::IntoResponse;
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::bootpay::params;
use crate::bootpay::{ApiError, ApiResult};
use crate::clock::format_time;
use crate::faults::Fault;
use crate::iamport::model::{pg_route, Buyer, CardInfo, Money};
use crate::iamport::{params as iam_params, IamError};
use crate::model::{hex_id, method_symbol, Card, DEFAULT_CARD_NO};
use crate::record::{Provider, Recorded};
use crate::state::App;
use crate::webhooks::{self, valid_url, IamportFormat};

/// The admin API's description (OpenAPI 3.1), served at `/__admin/openapi.json`. The one place
/// the admin API is described; a test checks it against [`ROUTES`].
pub const OPENAPI: &str = include_str!("../openapi/admin.json");

/// Every admin route and its methods. The router is built from this table, and a test checks
/// it equals the paths and methods of [`OPENAPI`].
pub const ROUTES: &[(&str, &[&str])] = &[
    ("/__admin/bootpay/receipts", &["POST"]),
    ("/__admin/bootpay/receipts/{receipt_id}/deposit", &["POST"]),
    ("/__admin/bootpay/webhook/{receipt_id}", &["GET"]),
    ("/__admin/iamport/payments", &["POST"]),
    ("/__admin/iamport/vbanks/{imp_uid}/deposit", &["POST"]),
    ("/__admin/iamport/webhook/{imp_uid}", &["GET"]),
    ("/__admin/faults", &["POST", "GET", "DELETE"]),
    ("/__admin/counters", &["GET"]),
    ("/__admin/requests", &["GET", "DELETE"]),
    ("/__admin/clock/advance", &["POST"]),
    ("/__admin/tokens/expire", &["POST"]),
    ("/__admin/config", &["POST", "GET"]),
    ("/__admin/reset", &["POST"]),
    ("/__admin/webhooks", &["GET"]),
    ("/__admin/webhooks/{id}/resend", &["POST"]),
    ("/__admin/openapi.json", &["GET"]),
];

/// The handlers of one path of [`ROUTES`] (a path missing here answers 405 to everything,
/// which the route test catches).
fn handlers(path: &str) -> MethodRouter<Arc<App>> {
    match path {
        "/__admin/bootpay/receipts" => post(create_receipt),
        "/__admin/bootpay/receipts/{receipt_id}/deposit" => post(bootpay_deposit),
        "/__admin/bootpay/webhook/{receipt_id}" => get(webhook),
        "/__admin/iamport/payments" => post(iamport_payment),
        "/__admin/iamport/vbanks/{imp_uid}/deposit" => post(iamport_deposit),
        "/__admin/iamport/webhook/{imp_uid}" => get(iamport_webhook),
        "/__admin/faults" => post(add_fault).get(list_faults).delete(clear_faults),
        "/__admin/counters" => get(counters),
        "/__admin/requests" => get(list_requests).delete(clear_requests),
        "/__admin/clock/advance" => post(advance_clock),
        "/__admin/tokens/expire" => post(expire_tokens),
        "/__admin/config" => post(configure).get(read_config),
        "/__admin/reset" => post(reset),
        "/__admin/webhooks" => get(list_webhooks),
        "/__admin/webhooks/{id}/resend" => post(resend_webhook),
        "/__admin/openapi.json" => get(openapi),
        _ => MethodRouter::new(),
    }
}

/// The `/__admin` routes.
pub fn router() -> Router<Arc<App>> {
    ROUTES
        .iter()
        .fold(Router::new(), |r, (path, _)| r.route(path, handlers(path)))
}

/// `GET /__admin/openapi.json`.
async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}

/// Largest amount a payment seeded through the admin API may have (one trillion): far above
/// any real payment, far below where sums of amounts could overflow.
const MAX_ADMIN_AMOUNT: i64 = 1_000_000_000_000;

/// `POST /__admin/bootpay/receipts`: a receipt as if a customer had gone through checkout.
pub async fn create_receipt(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let price = params::req_amount(&body, "price").map_err(|e| e.with_field("price"))?;
    if price > MAX_ADMIN_AMOUNT {
        return Err(field_error(
            "price",
            format!("price must be at most {MAX_ADMIN_AMOUNT}"),
        ));
    }
    let status = match body.get("status") {
        None | Some(Value::Null) => 1,
        Some(v) => v
            .as_i64()
            .filter(|s| [1, 2, 5, 20].contains(s))
            .ok_or_else(|| field_error("status", "status must be 1, 2, 5 or 20"))?,
    };
    let tax_free = params::opt_amount(&body, "tax_free")
        .map_err(|e| e.with_field("tax_free"))?
        .unwrap_or(0);
    if tax_free > price {
        return Err(field_error("tax_free", "tax_free must not exceed price"));
    }
    let order_id =
        params::opt_str(&body, "order_id")?.unwrap_or_else(|| format!("order-{}", hex_id(8)));
    let order_name =
        params::opt_str(&body, "order_name")?.unwrap_or_else(|| "sandbox order".into());
    let pg = params::opt_str(&body, "pg")?;
    let default_method = if status == 5 { "vbank" } else { "card" };
    let method = params::opt_str(&body, "method")?.unwrap_or_else(|| default_method.into());
    let metadata = params::opt_obj(&body, "metadata")?.unwrap_or_else(|| json!({}));
    let user = params::opt_obj(&body, "user")?;
    let webhook_url = params::opt_str(&body, "webhook_url")?;
    if webhook_url.as_deref().is_some_and(|u| !valid_url(u)) {
        return Err(field_error(
            "webhook_url",
            "webhook_url must be an absolute http:// or https:// URL",
        ));
    }

    let mut state = app.lock();
    let now = state.now();
    let mut r = state.new_receipt(order_id, order_name);
    if let Some(pg) = pg {
        r.pg = pg;
    }
    r.method_origin = method.clone();
    r.method = method;
    r.price = price;
    r.tax_free = tax_free;
    r.metadata = metadata;
    r.status = status;
    match method_symbol(&r.method).as_str() {
        "vbank" => {
            let holder = user
                .as_ref()
                .and_then(|u| u.get("username"))
                .and_then(Value::as_str)
                .unwrap_or("paywire sandbox")
                .to_string();
            r.attach_vbank(&holder);
        }
        "card" | "card_rebill" => r.card = Some(Card::new(DEFAULT_CARD_NO)),
        _ => {}
    }
    r.user = user;
    if status == 1 || status == 20 {
        r.purchased_at = Some(now);
    }
    if status == 20 {
        r.cancelled_price = price;
        r.cancelled_tax_free = tax_free;
        r.cancelled_at = Some(now);
        r.cancel_history.push(json!({
            "cancel_id": null,
            "cancel_price": price,
            "cancel_tax_free": tax_free,
            "cancelled_at": format_time(&now),
            "cancel_username": "sandbox",
            "cancel_message": "created cancelled by the admin API",
            "refund": null,
        }));
    }
    if let Some(url) = webhook_url {
        state
            .webhooks
            .targets
            .insert((Provider::Bootpay, r.order_id.clone()), vec![url]);
    }
    Ok(Json(state.insert_receipt(r).to_json(false)))
}

/// `POST /__admin/bootpay/receipts/{receipt_id}/deposit`: the customer paid into the virtual
/// account: status 5 → 1.
pub async fn bootpay_deposit(
    State(app): State<Arc<App>>,
    Path(receipt_id): Path<String>,
) -> ApiResult {
    let mut state = app.lock();
    let now = state.now();
    let r = state
        .receipts
        .get_mut(&receipt_id)
        .ok_or_else(|| ApiError::not_found("receipt", &receipt_id))?;
    if r.status != 5 {
        return Err(ApiError::bad_request(
            "RC_DEPOSIT_NOT_ALLOWED",
            format!(
                "only a receipt waiting for a deposit (status 5) takes one; this one has status {}",
                r.status
            ),
        ));
    }
    r.status = 1;
    r.purchased_at = Some(now);
    Ok(Json(r.to_json(false)))
}

/// `GET /__admin/bootpay/webhook/{receipt_id}`.
async fn webhook(State(app): State<Arc<App>>, Path(receipt_id): Path<String>) -> ApiResult {
    let state = app.lock();
    let receipt = state
        .receipts
        .get(&receipt_id)
        .ok_or_else(|| ApiError::not_found("receipt", &receipt_id))?;
    Ok(Json(receipt.webhook_json()))
}

/// What the iamport admin calls return: the bare object, or an iamport envelope error.
type IamAdminResult = Result<Json<Value>, IamError>;

/// `POST /__admin/iamport/payments`: a payment as if the customer had used the browser
/// window. A merchant_uid registered with `payments/prepare` must match its amount (409).
pub async fn iamport_payment(State(app): State<Arc<App>>, bytes: Bytes) -> IamAdminResult {
    let body = iam_params::parse(&HeaderMap::new(), &bytes)?;
    let amount = iam_params::req_money(&body, "amount")?;
    if amount > Money::whole(MAX_ADMIN_AMOUNT) {
        return Err(IamError::invalid(format!(
            "amount must be at most {MAX_ADMIN_AMOUNT}"
        )));
    }
    let status = iam_params::opt_str(&body, "status")?.unwrap_or_else(|| "paid".into());
    if !["paid", "ready", "failed", "cancelled"].contains(&status.as_str()) {
        return Err(IamError::invalid(
            "status must be paid, ready, failed or cancelled",
        ));
    }
    let merchant_uid = iam_params::opt_str(&body, "merchant_uid")?
        .unwrap_or_else(|| format!("order-{}", hex_id(8)));
    let pay_method = iam_params::opt_str(&body, "pay_method")?.unwrap_or_else(|| "card".into());
    let currency = iam_params::opt_str(&body, "currency")?.unwrap_or_else(|| "KRW".into());
    let (pg_provider, pg_id) = pg_route(
        iam_params::opt_str(&body, "pg_provider")?.as_deref(),
        "html5_inicis",
    );
    let fail_reason = iam_params::opt_str(&body, "fail_reason")?;
    let notice_urls = match body.get("notice_url") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(u)) => vec![u.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .map(|u| u.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| IamError::invalid("notice_url must be a URL or a list of URLs"))?,
        Some(_) => {
            return Err(IamError::invalid(
                "notice_url must be a URL or a list of URLs",
            ))
        }
    };
    if notice_urls.iter().any(|u| !valid_url(u)) {
        return Err(IamError::invalid(
            "notice_url must be absolute http:// or https:// URLs",
        ));
    }
    let vbank_code = iam_params::opt_str(&body, "vbank_code")?.unwrap_or_else(|| "088".into());

    let mut state = app.lock();
    let iam = &state.iamport;
    if let Some(prepared) = iam.prepared.get(&merchant_uid) {
        let currency_differs = prepared.currency.as_ref().is_some_and(|c| *c != currency);
        if prepared.amount != amount || currency_differs {
            return Err(IamError::conflict(format!(
                "사전등록된 결제정보와 금액이 일치하지 않습니다. (registered {} {}, requested {amount} {currency})",
                prepared.amount,
                prepared.currency.as_deref().unwrap_or(""),
            )));
        }
    }
    if !notice_urls.is_empty() {
        state
            .webhooks
            .targets
            .insert((Provider::Iamport, merchant_uid.clone()), notice_urls);
    }
    let (iam, base_url, now) = state.iam();
    let mut p = iam.new_payment(base_url, now, &merchant_uid, amount);
    p.channel = "pc".into();
    p.user_agent = "Mozilla/5.0 (paywire sandbox)".into();
    p.pg_provider = pg_provider;
    p.pg_id = pg_id;
    p.currency = currency;
    p.name = iam_params::opt_str(&body, "name")?;
    p.buyer = Buyer::read(&body, "buyer_");
    p.custom_data = iam_params::custom_data(&body);
    p.tax_free = iam_params::opt_money(&body, "tax_free")?.unwrap_or(Money::ZERO);
    p.escrow = iam_params::opt_bool(&body, "escrow")?.unwrap_or(false);
    p.pay_method = pay_method;
    if p.tax_free > amount {
        return Err(IamError::invalid("tax_free must not exceed amount"));
    }
    match p.pay_method.as_str() {
        "card" => p.card = Some(CardInfo::from_number(DEFAULT_CARD_NO)),
        "vbank" => {
            crate::iamport::vbanks::attach_vbank(&mut p, &vbank_code, None, now + 3 * 86_400, now)
        }
        _ => {}
    }
    match status.as_str() {
        "ready" => {}
        "failed" => p.mark_failed(
            now,
            fail_reason
                .as_deref()
                .unwrap_or("사용자가 결제를 취소하셨습니다"),
        ),
        _ => {
            p.apply_num = crate::iamport::model::new_apply_num();
            p.mark_paid(now);
            if status == "cancelled" {
                let (remaining, tax_free) = (p.remaining(), p.tax_free);
                p.apply_cancel(
                    base_url,
                    now,
                    remaining,
                    tax_free,
                    "created cancelled by the admin API",
                );
            }
        }
    }
    Ok(Json(iam.insert(p)))
}

/// `POST /__admin/iamport/vbanks/{imp_uid}/deposit`: the buyer paid into the account.
pub async fn iamport_deposit(
    State(app): State<Arc<App>>,
    Path(imp_uid): Path<String>,
) -> IamAdminResult {
    let mut state = app.lock();
    let (iam, _, now) = state.iam();
    let p = iam
        .payments
        .get_mut(&imp_uid)
        .ok_or_else(IamError::payment_not_found)?;
    if p.pay_method != "vbank" || p.status != "ready" {
        return Err(IamError::invalid(format!(
            "only a ready vbank payment takes a deposit (pay_method {}, status {})",
            p.pay_method, p.status
        )));
    }
    p.mark_paid(now);
    Ok(Json(p.to_json()))
}

/// `GET /__admin/iamport/webhook/{imp_uid}`: `{imp_uid, merchant_uid, status}` (+
/// `cancellation_id` when cancelled).
async fn iamport_webhook(
    State(app): State<Arc<App>>,
    Path(imp_uid): Path<String>,
) -> IamAdminResult {
    let state = app.lock();
    let p = state
        .iamport
        .payments
        .get(&imp_uid)
        .ok_or_else(IamError::payment_not_found)?;
    Ok(Json(p.webhook_json()))
}

/// `POST /__admin/faults`: answers the stored fault with its `id`.
pub async fn add_fault(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = Value::Object(params::parse(&bytes)?);
    let mut state = app.lock();
    let fault = Fault::from_json(state.next_fault_id, &body).map_err(ApiError::invalid)?;
    state.next_fault_id += 1;
    let answer = fault.to_json();
    state.faults.push(fault);
    Ok(Json(answer))
}

/// `GET /__admin/faults`: the faults still armed, in matching order.
async fn list_faults(State(app): State<Arc<App>>) -> ApiResult {
    let state = app.lock();
    Ok(Json(Value::Array(
        state.faults.iter().map(Fault::to_json).collect(),
    )))
}

/// `DELETE /__admin/faults`.
async fn clear_faults(State(app): State<Arc<App>>) -> ApiResult {
    app.lock().faults.clear();
    Ok(Json(json!({ "success": true })))
}

/// `GET /__admin/counters`.
async fn counters(State(app): State<Arc<App>>) -> ApiResult {
    Ok(Json(app.lock().counters_json()))
}

/// `GET /__admin/requests`: oldest first.
async fn list_requests(State(app): State<Arc<App>>) -> ApiResult {
    let state = app.lock();
    Ok(Json(Value::Array(
        state.requests.iter().map(Recorded::to_json).collect(),
    )))
}

/// `DELETE /__admin/requests`.
async fn clear_requests(State(app): State<Arc<App>>) -> ApiResult {
    app.lock().clear_requests();
    Ok(Json(json!({ "success": true })))
}

/// `POST /__admin/clock/advance` `{seconds}`.
async fn advance_clock(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let seconds = match body.get("seconds") {
        Some(Value::Number(n)) => n.as_f64(),
        _ => None,
    }
    .ok_or_else(|| field_error("seconds", "seconds is required and must be a number"))?;
    let answer = advance_clock_by(&app, seconds).map_err(|m| field_error("seconds", m))?;
    Ok(Json(answer))
}

/// Moves the sandbox clock (admin API and dashboard); the error text names the problem.
pub fn advance_clock_by(app: &App, seconds: f64) -> Result<Value, String> {
    // Advance under one lock, then lock again so reservations now due run immediately.
    app.lock().clock.advance(seconds)?;
    let state = app.lock();
    Ok(json!({
        "now": format_time(&state.now()),
        "offset_seconds": state.clock.offset_seconds(),
    }))
}

/// A 400 `RC_INVALID_PARAMETER` whose body also carries `"field"`.
fn field_error(field: &str, message: impl Into<String>) -> ApiError {
    ApiError::invalid(message).with_field(field)
}

/// `POST /__admin/tokens/expire`: every issued token is expired now.
async fn expire_tokens(State(app): State<Arc<App>>) -> ApiResult {
    let mut state = app.lock();
    let now = state.now();
    for expires_at in state.tokens.values_mut() {
        *expires_at = now;
    }
    state.reusable_token = None;
    for expires_at in state.iamport.tokens.values_mut() {
        *expires_at = now;
    }
    state.iamport.current_token = None;
    Ok(Json(json!({
        "expired": state.tokens.len(),
        "iamport_expired": state.iamport.tokens.len(),
    })))
}

/// Longest token lifetime `POST /__admin/config` accepts: 10 years.
const MAX_TOKEN_TTL_SECS: f64 = 10.0 * 365.25 * 86_400.0;

/// Shortest token lifetime it accepts: 1 ms (shorter rounds to nothing).
const MIN_TOKEN_TTL_SECS: f64 = 0.001;

/// `POST /__admin/config` `{token_ttl_secs?, webhook_url?, iamport_webhook_format?}`:
/// answers the configuration in force.
pub async fn configure(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let ttl = match body.get("token_ttl_secs") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let secs = v
                .as_f64()
                .filter(|s| (MIN_TOKEN_TTL_SECS..=MAX_TOKEN_TTL_SECS).contains(s))
                .ok_or_else(|| {
                    field_error(
                        "token_ttl_secs",
                        format!(
                            "token_ttl_secs must be a number from {MIN_TOKEN_TTL_SECS} to {MAX_TOKEN_TTL_SECS:.0} (10 years)"
                        ),
                    )
                })?;
            Some(
                Duration::try_from_secs_f64(secs)
                    .map_err(|_| field_error("token_ttl_secs", "token_ttl_secs is out of range"))?,
            )
        }
    };
    // `webhook_url`: absent = unchanged, null or "" = none, else an http(s) URL.
    let webhook_url = match body.get("webhook_url") {
        None => None,
        Some(Value::Null) => Some(None),
        Some(Value::String(u)) if u.is_empty() => Some(None),
        Some(Value::String(u)) if valid_url(u) => Some(Some(u.clone())),
        Some(_) => {
            return Err(field_error(
                "webhook_url",
                "webhook_url must be an absolute http:// or https:// URL, or null",
            ))
        }
    };
    let format = match body.get("iamport_webhook_format") {
        None | Some(Value::Null) => None,
        Some(Value::String(f)) if f == "json" => Some(IamportFormat::Json),
        Some(Value::String(f)) if f == "form" => Some(IamportFormat::Form),
        Some(_) => {
            return Err(field_error(
                "iamport_webhook_format",
                "iamport_webhook_format must be \"json\" or \"form\"",
            ))
        }
    };
    let mut state = app.lock();
    if let Some(ttl) = ttl {
        state.config.token_ttl = ttl;
        // The next token call must get a token with the new lifetime, not a re-issue.
        state.reusable_token = None;
        state.iamport.current_token = None;
    }
    if let Some(url) = webhook_url {
        // From now on: the receiver hears about changes, not about the past.
        webhooks::mark_all_seen(&mut state);
        state.webhooks.url = url;
    }
    if let Some(format) = format {
        state.webhooks.iamport_format = format;
    }
    Ok(Json(config_json(&state)))
}

/// `GET /__admin/config`.
async fn read_config(State(app): State<Arc<App>>) -> ApiResult {
    Ok(Json(config_json(&app.lock())))
}

fn config_json(state: &crate::state::State) -> Value {
    json!({
        "token_ttl_secs": state.config.token_ttl.as_secs_f64(),
        "webhook_url": state.webhooks.url,
        "iamport_webhook_format": state.webhooks.iamport_format.name(),
    })
}

/// `GET /__admin/webhooks`: the settings and every delivery with its attempts, oldest first.
async fn list_webhooks(State(app): State<Arc<App>>) -> ApiResult {
    Ok(Json(webhooks::deliveries_json(&app.lock())))
}

/// `POST /__admin/webhooks/{id}/resend`: the same payload to the same receiver, as a new
/// delivery (answered).
pub async fn resend_webhook(State(app): State<Arc<App>>, Path(id): Path<String>) -> ApiResult {
    let id: u64 = id
        .parse()
        .map_err(|_| field_error("id", "id must be a delivery number"))?;
    webhooks::resend(&app, id)
        .map(Json)
        .ok_or_else(|| ApiError::not_found("webhook delivery", &id.to_string()))
}

/// `POST /__admin/reset`.
async fn reset(State(app): State<Arc<App>>) -> ApiResult {
    app.reset();
    Ok(Json(json!({ "success": true })))
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use std::collections::BTreeSet;

    use super::{OPENAPI, ROUTES};

    #[test]
    fn the_openapi_document_describes_exactly_the_served_routes() {
        let doc: serde_json::Value = serde_json::from_str(OPENAPI).expect("valid JSON");
        assert_eq!(doc["openapi"], "3.1.0");
        let documented: BTreeSet<(String, String)> = doc["paths"]
            .as_object()
            .expect("paths")
            .iter()
            .flat_map(|(path, ops)| {
                ops.as_object()
                    .expect("operations")
                    .keys()
                    .map(move |m| (path.clone(), m.to_ascii_uppercase()))
            })
            .collect();
        let served: BTreeSet<(String, String)> = ROUTES
            .iter()
            .flat_map(|(path, methods)| methods.iter().map(|m| (path.to_string(), m.to_string())))
            .collect();
        assert_eq!(documented, served);
    }
}
