//! Recurring payments: card and bank-account billing keys, charging a key, and scheduled
//! (reserved) charges.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{Datelike, NaiveDate, TimeDelta, TimeZone};
use serde_json::{json, Value};

use super::params::{self, Body};
use super::{pg_amount_error, ApiError, ApiResult};
use crate::clock::{format_time, parse_time_with_offset, Time, KST};
use crate::model::{hex_id, mask_card, reserve_status, BillingKey, Card, Reservation};
use crate::state::{App, State as Store};

/// Bootpay allows at most this many live reservations per billing key.
const MAX_LIVE_RESERVATIONS: usize = 10;

fn raw_data_requested(body: &Body) -> bool {
    body.get("extra")
        .is_some_and(|extra| params::truthy(extra.get("raw_data")))
}

/// The end of the card's expiry month, or five years on if the fields are not a real date.
fn card_expiry(year: &str, month: &str, now: Time) -> Time {
    let parsed = year
        .trim()
        .parse::<i32>()
        .ok()
        .zip(month.trim().parse::<u32>().ok())
        .map(|(y, m)| (if y < 100 { 2000 + y } else { y }, m))
        .and_then(|(y, m)| {
            let (ny, nm) = if m == 12 {
                (y.checked_add(1)?, 1)
            } else {
                (y, m.checked_add(1)?)
            };
            NaiveDate::from_ymd_opt(ny, nm, 1).filter(|_| (1..=12).contains(&m))
        })
        .and_then(|first_of_next| first_of_next.and_hms_opt(0, 0, 0))
        .and_then(|t| KST.from_local_datetime(&t).single());
    match parsed {
        Some(t) => t - TimeDelta::seconds(1),
        None => now
            .with_year(now.year() + 5)
            .unwrap_or(now + TimeDelta::days(5 * 365)),
    }
}

fn key_not_found(key: &str) -> ApiError {
    ApiError::not_found("billing key", key)
}

/// `POST request/subscribe`: issues a card billing key, charging `price` at once if > 0.
pub async fn issue_card_key(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let pg = params::req_str(&body, "pg")?;
    let order_name = params::req_str(&body, "order_name")?;
    let subscription_id = params::req_str(&body, "subscription_id")?;
    let card_no = params::req_str(&body, "card_no")?;
    params::req_str(&body, "card_pw")?;
    params::req_str(&body, "card_identity_no")?;
    let expire_year = params::req_str(&body, "card_expire_year")?;
    let expire_month = params::req_str(&body, "card_expire_month")?;
    let card_digits: String = card_no.chars().filter(|c| *c != '-' && *c != ' ').collect();
    if !(15..=16).contains(&card_digits.len()) || !card_digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(ApiError::invalid("card_no must be 15 or 16 digits"));
    }
    let price = params::opt_amount(&body, "price")?.unwrap_or(0);
    let tax_free = params::opt_amount(&body, "tax_free")?.unwrap_or(0);
    let metadata = params::opt_obj(&body, "metadata")?.unwrap_or_else(|| json!({}));
    let user = params::opt_obj(&body, "user")?;
    params::opt_obj(&body, "extra")?;
    if price > 0 && price < 100 {
        return Err(pg_amount_error(raw_data_requested(&body)));
    }

    let mut state = app.lock();
    let now = state.now();
    let card = Card::new(&card_digits);
    let mut receipt = state.new_receipt(subscription_id.clone(), order_name);
    receipt.pg = pg.clone();
    receipt.method = "card_rebill".into();
    receipt.method_origin = "card".into();
    receipt.metadata = metadata.clone();
    receipt.user = user.clone();
    receipt.card = Some(card.clone());
    if price > 0 {
        receipt.price = price;
        receipt.tax_free = tax_free;
        receipt.status = 1;
        receipt.purchased_at = Some(now);
    } else {
        receipt.status = 11;
    }
    let key = BillingKey {
        billing_key: hex_id(12),
        receipt_id: receipt.receipt_id.clone(),
        subscription_id,
        pg,
        method: "card_rebill".into(),
        billing_data: json!({
            "card_no": card.card_no,
            "card_company": card.company,
            "card_company_code": card.company_code,
            "card_type": 0,
        }),
        card: Some(card),
        metadata,
        user,
        requested_at: now,
        published_at: now,
        expire_at: card_expiry(&expire_year, &expire_month, now),
        wallet_id: hex_id(12),
        last_charged_at: None,
    };
    Ok(Json(store_key(&mut state, key, receipt)))
}

fn store_key(state: &mut Store, key: BillingKey, receipt: crate::model::Receipt) -> Value {
    let answer = key.to_json(Some(&receipt));
    state
        .billing_by_receipt
        .insert(key.receipt_id.clone(), key.billing_key.clone());
    state.billing_keys.insert(key.billing_key.clone(), key);
    if state.receipts.contains_key(&receipt.receipt_id) {
        state.receipts.insert(receipt.receipt_id.clone(), receipt);
    } else {
        state.insert_receipt(receipt);
    }
    answer
}

fn render_key(state: &Store, key: &BillingKey) -> Value {
    key.to_json(state.receipts.get(&key.receipt_id))
}

/// `GET subscribe/billing_key/{receipt_id}`.
pub async fn key_by_receipt(
    State(app): State<Arc<App>>,
    Path(receipt_id): Path<String>,
) -> ApiResult {
    let state = app.lock();
    let key = state
        .billing_by_receipt
        .get(&receipt_id)
        .and_then(|k| state.billing_keys.get(k))
        .ok_or_else(|| ApiError::not_found("billing key for receipt", &receipt_id))?;
    Ok(Json(render_key(&state, key)))
}

/// `GET billing_key/{billing_key}`.
pub async fn key_by_key(State(app): State<Arc<App>>, Path(billing_key): Path<String>) -> ApiResult {
    let state = app.lock();
    let key = state
        .billing_keys
        .get(&billing_key)
        .ok_or_else(|| key_not_found(&billing_key))?;
    Ok(Json(render_key(&state, key)))
}

/// `GET subscribe/sequential_billing_key/{billing_key}?widget_key=..&user_id=..`: the key
/// only answers to the user it was issued for.
pub async fn sequential_key(
    State(app): State<Arc<App>>,
    Path(billing_key): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> ApiResult {
    let required = |name: &str| {
        query
            .get(name)
            .filter(|v| !v.is_empty())
            .cloned()
            .ok_or_else(|| ApiError::invalid(format!("{name} is required")))
    };
    required("widget_key")?;
    let user_id = required("user_id")?;
    let state = app.lock();
    let key = state
        .billing_keys
        .get(&billing_key)
        .ok_or_else(|| key_not_found(&billing_key))?;
    if key
        .owner()
        .is_some_and(|owner| !owner.is_empty() && owner != user_id)
    {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "RC_FORBIDDEN",
            "this billing key belongs to another user",
        ));
    }
    Ok(Json(render_key(&state, key)))
}

/// `DELETE subscribe/billing_key/{billing_key}`: the key is forgotten (reservations stay).
pub async fn destroy_key(
    State(app): State<Arc<App>>,
    Path(billing_key): Path<String>,
) -> ApiResult {
    let mut state = app.lock();
    let key = state
        .billing_keys
        .remove(&billing_key)
        .ok_or_else(|| key_not_found(&billing_key))?;
    state.billing_by_receipt.remove(&key.receipt_id);
    Ok(Json(json!({ "billing_key": billing_key })))
}

/// `POST subscribe/payment`: one charge on a billing key.
pub async fn pay(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let billing_key = params::req_str(&body, "billing_key")?;
    let order_name = params::req_str(&body, "order_name")?;
    let order_id = params::req_str(&body, "order_id")?;
    let price = params::req_amount(&body, "price")?;
    if price == 0 {
        return Err(ApiError::invalid("price must be greater than 0"));
    }
    let tax_free = params::opt_amount(&body, "tax_free")?.unwrap_or(0);
    let card_quota = params::opt_str(&body, "card_quota")?;
    let metadata = params::opt_obj(&body, "metadata")?.unwrap_or_else(|| json!({}));
    let user = params::opt_obj(&body, "user")?;
    params::opt_obj(&body, "extra")?;

    let mut state = app.lock();
    let key = state
        .billing_keys
        .get(&billing_key)
        .ok_or_else(|| key_not_found(&billing_key))?;
    if state.order_exists(&order_id) {
        return Err(ApiError::bad_request(
            "RC_DUPLICATE_ORDER_ID",
            format!("order_id {order_id} was already paid"),
        ));
    }
    if price < 100 {
        return Err(pg_amount_error(raw_data_requested(&body)));
    }
    let mut receipt = state.billing_receipt(key, order_id, order_name, price, tax_free);
    receipt.metadata = metadata;
    if user.is_some() {
        receipt.user = user;
    }
    if let Some(quota) = card_quota {
        receipt.card_quota = quota;
    }
    if let Some(key) = state.billing_keys.get_mut(&billing_key) {
        key.last_charged_at = receipt.purchased_at;
    }
    Ok(Json(state.insert_receipt(receipt).to_json(false)))
}

/// `POST subscribe/payment/reserve`: schedules a charge; it runs at the first request after
/// the sandbox clock passes `reserve_execute_at`.
pub async fn reserve(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let billing_key = params::req_str(&body, "billing_key")?;
    let order_name = params::req_str(&body, "order_name")?;
    let order_id = params::req_str(&body, "order_id")?;
    let price = params::req_amount(&body, "price")?;
    if price == 0 {
        return Err(ApiError::invalid("price must be greater than 0"));
    }
    let execute_at = params::req_str(&body, "reserve_execute_at")?;
    let execute_at = parse_time_with_offset(&execute_at).ok_or_else(|| {
        ApiError::invalid(
            "reserve_execute_at must be an ISO-8601 date-time with an offset, e.g. 2026-11-23T10:00:00+09:00",
        )
    })?;
    let tax_free = params::opt_amount(&body, "tax_free")?.unwrap_or(0);
    let user = params::opt_obj(&body, "user")?.unwrap_or_else(|| json!({}));
    let metadata = params::opt_obj(&body, "metadata")?.unwrap_or_else(|| json!({}));
    let feedback_url = params::opt_str(&body, "feedback_url")?.unwrap_or_default();
    let content_type = params::opt_str(&body, "content_type")?.unwrap_or_default();
    let items = body.get("items").cloned().unwrap_or_else(|| json!([]));

    let mut state = app.lock();
    if !state.billing_keys.contains_key(&billing_key) {
        return Err(key_not_found(&billing_key));
    }
    let live = state
        .reservations
        .values()
        .filter(|r| r.billing_key == billing_key && r.status == reserve_status::RESERVED)
        .count();
    if live >= MAX_LIVE_RESERVATIONS {
        return Err(ApiError::bad_request(
            "RC_RESERVE_LIMIT",
            format!("a billing key can have at most {MAX_LIVE_RESERVATIONS} live reservations"),
        ));
    }
    let reservation = Reservation {
        reserve_id: hex_id(12),
        billing_key,
        order_id,
        order_name,
        price,
        tax_free,
        user,
        metadata,
        items,
        feedback_url,
        content_type,
        status: reserve_status::RESERVED,
        requested_at: state.now(),
        execute_at,
        finished_at: None,
        revoked_at: None,
        receipt_id: None,
    };
    let answer = json!({
        "reserve_id": reservation.reserve_id,
        "reserve_execute_at": format_time(&execute_at),
    });
    state
        .reservations
        .insert(reservation.reserve_id.clone(), reservation);
    state.next_due = Some(state.next_due.map_or(execute_at, |d| d.min(execute_at)));
    Ok(Json(answer))
}

/// `GET subscribe/payment/reserve/{reserve_id}`.
pub async fn reserve_lookup(
    State(app): State<Arc<App>>,
    Path(reserve_id): Path<String>,
) -> ApiResult {
    let state = app.lock();
    let reservation = state
        .reservations
        .get(&reserve_id)
        .ok_or_else(|| ApiError::not_found("reservation", &reserve_id))?;
    Ok(Json(reservation.to_json()))
}

/// `DELETE subscribe/payment/reserve/{reserve_id}`: only a pending reservation.
pub async fn reserve_cancel(
    State(app): State<Arc<App>>,
    Path(reserve_id): Path<String>,
) -> ApiResult {
    let mut state = app.lock();
    let now = state.now();
    let reservation = state
        .reservations
        .get_mut(&reserve_id)
        .ok_or_else(|| ApiError::not_found("reservation", &reserve_id))?;
    if reservation.status != reserve_status::RESERVED {
        return Err(ApiError::bad_request(
            "RC_RESERVE_NOT_CANCELLABLE",
            format!(
                "the reservation has status {} and can no longer be cancelled",
                reservation.status
            ),
        ));
    }
    reservation.status = reserve_status::CANCELLED;
    reservation.revoked_at = Some(now);
    state.refresh_next_due();
    Ok(Json(json!({ "reserve_id": reserve_id, "success": true })))
}

/// KFTC code of a Korean bank short name (spec §7.4); unknown names get `"000"`.
fn bank_code(name: &str) -> &'static str {
    match name.trim_end_matches("은행") {
        "기업" => "003",
        "국민" => "004",
        "수협" => "007",
        "농협" => "011",
        "우리" => "020",
        "SC제일" => "023",
        "대구" => "031",
        "부산" => "032",
        "경남" => "039",
        "새마을금고" => "045",
        "우체국" => "071",
        "하나" => "081",
        "신한" => "088",
        "케이뱅크" => "089",
        "카카오뱅크" => "090",
        "토스뱅크" => "092",
        _ => "000",
    }
}

/// `POST request/subscribe/automatic-transfer`: the account holder "consented" at once, so
/// the answer is a receipt in status 41 waiting for publish.
pub async fn transfer_request(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let pg = params::req_str(&body, "pg")?;
    let order_name = params::req_str(&body, "order_name")?;
    let subscription_id = params::req_str(&body, "subscription_id")?;
    let auth_type = params::req_str(&body, "auth_type")?;
    let username = params::req_str(&body, "username")?;
    let bank_name = params::req_str(&body, "bank_name")?;
    let bank_account = params::req_str(&body, "bank_account")?;
    params::req_str(&body, "identity_no")?;
    let price = params::opt_amount(&body, "price")?.unwrap_or(0);
    let tax_free = params::opt_amount(&body, "tax_free")?.unwrap_or(0);
    let metadata = params::opt_obj(&body, "metadata")?.unwrap_or_else(|| json!({}));
    let user = params::opt_obj(&body, "user")?;

    let mut state = app.lock();
    let mut receipt = state.new_receipt(subscription_id.clone(), order_name);
    receipt.pg = pg;
    receipt.method = "bank_rebill".into();
    receipt.method_origin = "bank".into();
    receipt.price = price;
    receipt.tax_free = tax_free;
    receipt.metadata = metadata;
    receipt.user = user;
    receipt.status = 41;
    receipt
        .extra_fields
        .insert("subscription_id".into(), json!(subscription_id));
    receipt
        .extra_fields
        .insert("auth_type".into(), json!(auth_type));
    receipt.extra_fields.insert(
        "bank_data".into(),
        json!({
            "tid": format!("sandbox-{}", hex_id(8)),
            "bank_code": bank_code(&bank_name),
            "bank_name": bank_name,
            "bank_username": username,
            "bank_account": mask_card(&bank_account),
        }),
    );
    Ok(Json(state.insert_receipt(receipt).to_json(false)))
}

/// `POST request/subscribe/automatic-transfer/publish`: turns a consented request into a
/// bank-account billing key, once.
pub async fn transfer_publish(State(app): State<Arc<App>>, bytes: Bytes) -> ApiResult {
    let body = params::parse(&bytes)?;
    let receipt_id = params::req_str(&body, "receipt_id")?;
    let mut state = app.lock();
    let now = state.now();
    if state.published_transfers.contains(&receipt_id) {
        return Err(ApiError::bad_request(
            "RC_ALREADY_PUBLISHED",
            "this automatic-transfer request was already published",
        ));
    }
    let mut receipt = state
        .receipts
        .get(&receipt_id)
        .cloned()
        .ok_or_else(|| ApiError::not_found("receipt", &receipt_id))?;
    if receipt.status != 41 {
        return Err(ApiError::invalid(
            "receipt_id is not an automatic-transfer request awaiting publish (status 41)",
        ));
    }
    receipt.status = 11;
    receipt.purchased_at = Some(now);
    let bank = receipt
        .extra_fields
        .get("bank_data")
        .cloned()
        .unwrap_or_else(|| json!({}));
    let key = BillingKey {
        billing_key: hex_id(12),
        receipt_id: receipt_id.clone(),
        subscription_id: receipt
            .extra_fields
            .get("subscription_id")
            .and_then(Value::as_str)
            .unwrap_or(&receipt.order_id)
            .to_string(),
        pg: receipt.pg.clone(),
        method: "bank_rebill".into(),
        card: None,
        billing_data: json!({
            "bank_code": bank.get("bank_code"),
            "bank_name": bank.get("bank_name"),
            "bank_username": bank.get("bank_username"),
            "bank_account": bank.get("bank_account"),
        }),
        metadata: receipt.metadata.clone(),
        user: receipt.user.clone(),
        requested_at: receipt.requested_at,
        published_at: now,
        expire_at: now
            .with_year(now.year() + 5)
            .unwrap_or(now + TimeDelta::days(5 * 365)),
        wallet_id: hex_id(12),
        last_charged_at: None,
    };
    state.published_transfers.insert(receipt_id);
    Ok(Json(store_key(&mut state, key, receipt)))
}
