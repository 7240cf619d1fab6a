//! Billing keys (`subscribe/customers`) and key-in / billing-key payments (`onetime`,
//! `foreign`, `again`).
//!
//! The sandbox PG refuses cards by the card rule of SANDBOX.md (200, code -1) and fails
//! charges under the minimum as `status: "failed"` with code 0, the two failure styles of
//! spec §3.3.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use serde_json::Value;

use super::model::{
    card_declined, pg_route, Buyer, CardInfo, Customer, Money, Payment, CARD_DECLINED,
};
use super::params::{self, Body};
use super::store::Charge;
use super::{multi, ok, IamError, IamResult};
use crate::state::App;

/// The message for an unknown billing key.
pub const UNKNOWN_CUSTOMER: &str = "등록되지 않은 구매자입니다.";
const NO_CUSTOMER: &str = "등록된 고객정보가 없습니다.";

/// A billing key from `card_number`/`expiry` (+ `pg`, `customer_id`, `customer_*`); a card
/// the PG refuses answers 200 with `code`/`message`.
pub fn key_from_body(
    body: &Body,
    customer_uid: &str,
    now: i64,
    decline: (i64, &str),
) -> Result<Customer, IamError> {
    let number = params::req_str(body, "card_number")?;
    params::req_str(body, "expiry")?;
    if card_declined(&number) {
        return Err(IamError::business(decline.0, decline.1));
    }
    let (pg_provider, pg_id) = pg_route(params::opt_str(body, "pg")?.as_deref(), "nice");
    Ok(Customer {
        customer_uid: customer_uid.to_string(),
        pg_provider,
        pg_id,
        customer_id: params::opt_str(body, "customer_id")?,
        card: CardInfo::from_number(&number),
        contact: Buyer::read(body, "customer_"),
        inserted: now,
        updated: now,
    })
}

/// Stores a key; re-issuing on an existing customer_uid replaces the card, keeps `inserted`.
pub fn store_key(
    customers: &mut std::collections::HashMap<String, Customer>,
    mut key: Customer,
) -> Value {
    if let Some(old) = customers.get(&key.customer_uid) {
        key.inserted = old.inserted;
    }
    let json = key.to_json();
    customers.insert(key.customer_uid.clone(), key);
    json
}

/// `GET subscribe/customers?customer_uid[]=…`: 200 all, 207 some, 404 none.
pub async fn customers(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> IamResult {
    let q = params::query(q.as_deref());
    let uids = params::list(&q, "customer_uid");
    if uids.is_empty() {
        return Err(IamError::invalid("customer_uid[] is required"));
    }
    let state = app.lock();
    let found = uids
        .iter()
        .filter_map(|u| state.iamport.customers.get(u))
        .map(Customer::to_json)
        .collect();
    multi(found, uids.len(), NO_CUSTOMER)
}

/// `GET subscribe/customers/{customer_uid}`.
pub async fn customer(State(app): State<Arc<App>>, Path(uid): Path<String>) -> IamResult {
    let state = app.lock();
    let key = state
        .iamport
        .customers
        .get(&uid)
        .ok_or_else(|| IamError::not_found(NO_CUSTOMER))?;
    ok(key.to_json())
}

/// `POST subscribe/customers/{customer_uid}`: issues (or replaces) a billing key.
pub async fn issue(
    State(app): State<Arc<App>>,
    Path(uid): Path<String>,
    headers: HeaderMap,
    bytes: Bytes,
) -> IamResult {
    let body = params::parse(&headers, &bytes)?;
    let mut state = app.lock();
    let (iam, _, now) = state.iam();
    let key = key_from_body(&body, &uid, now, (-1, CARD_DECLINED))?;
    ok(store_key(&mut iam.customers, key))
}

/// `DELETE subscribe/customers/{customer_uid}` (`reason`, `extra[requester]` accepted):
/// answers the deleted key. Its schedules stay and fail when they run.
pub async fn delete(State(app): State<Arc<App>>, Path(uid): Path<String>) -> IamResult {
    let mut state = app.lock();
    let key = state
        .iamport
        .customers
        .remove(&uid)
        .ok_or_else(|| IamError::not_found(NO_CUSTOMER))?;
    ok(key.to_json())
}

/// `GET subscribe/customers/{customer_uid}/payments?page`: newest first, 20 a page.
pub async fn customer_payments(
    State(app): State<Arc<App>>,
    Path(uid): Path<String>,
    RawQuery(q): RawQuery,
) -> IamResult {
    let q = params::query(q.as_deref());
    let (page, limit) = params::paging(&q)?;
    let state = app.lock();
    let iam = &state.iamport;
    let mut list: Vec<&Payment> = iam
        .payments
        .values()
        .filter(|p| p.customer_uid.as_deref() == Some(uid.as_str()))
        .collect();
    if list.is_empty() && !iam.customers.contains_key(&uid) {
        return Err(IamError::not_found(NO_CUSTOMER));
    }
    list.sort_by_key(|p| std::cmp::Reverse(p.seq));
    let items = list.iter().map(|p| p.to_json()).collect();
    ok(params::page(items, page, limit)?)
}

/// The charge fields shared by onetime and again (card, PG and billing key set by the caller).
fn charge_fields(body: &Body, card: CardInfo) -> Result<Charge, IamError> {
    Ok(Charge {
        merchant_uid: params::req_str(body, "merchant_uid")?,
        amount: params::req_money(body, "amount")?,
        tax_free: params::opt_money(body, "tax_free")?.unwrap_or(Money::ZERO),
        currency: params::opt_str(body, "currency")?.unwrap_or_else(|| "KRW".into()),
        name: params::opt_str(body, "name")?,
        buyer: Buyer::read(body, "buyer_"),
        custom_data: params::custom_data(body),
        card_quota: params::opt_int(body, "card_quota")?.unwrap_or(0),
        card,
        pg_provider: String::new(),
        pg_id: String::new(),
        customer_uid: None,
        usage: None,
    })
}

async fn key_in(app: Arc<App>, headers: HeaderMap, bytes: Bytes, store: bool) -> IamResult {
    let body = params::parse(&headers, &bytes)?;
    let number = params::req_str(&body, "card_number")?;
    params::req_str(&body, "expiry")?;
    let mut charge = charge_fields(&body, CardInfo::from_number(&number))?;
    let customer_uid = if store {
        params::opt_str(&body, "customer_uid")?
    } else {
        None
    };
    let (pg_provider, pg_id) = pg_route(params::opt_str(&body, "pg")?.as_deref(), "nice");
    charge.pg_provider = pg_provider;
    charge.pg_id = pg_id;
    charge.customer_uid = customer_uid.clone();
    charge.usage = customer_uid.as_ref().map(|_| "issue");

    let mut state = app.lock();
    let (iam, base_url, now) = state.iam();
    if iam.merchant_paid(&charge.merchant_uid) {
        return Err(IamError::business(
            1,
            format!(
                "이미 결제완료된 merchant_uid입니다: {}",
                charge.merchant_uid
            ),
        ));
    }
    if card_declined(&number) {
        return Err(IamError::business(-1, CARD_DECLINED));
    }
    let payment = iam.charge(base_url, now, charge);
    if let (Some(uid), "paid") = (customer_uid, payment.status.as_str()) {
        let key = key_from_body(&body, &uid, now, (-1, CARD_DECLINED))?;
        store_key(&mut iam.customers, key);
    }
    ok(payment.to_json())
}

/// `POST subscribe/payments/onetime`: pays with raw card data; with `customer_uid` the key is
/// stored once the payment succeeds.
pub async fn onetime(State(app): State<Arc<App>>, headers: HeaderMap, bytes: Bytes) -> IamResult {
    key_in(app, headers, bytes, true).await
}

/// `POST subscribe/payments/foreign` (legacy): a key-in payment that stores no key.
pub async fn foreign(State(app): State<Arc<App>>, headers: HeaderMap, bytes: Bytes) -> IamResult {
    key_in(app, headers, bytes, false).await
}

/// `POST subscribe/payments/again`: pays with a stored billing key.
pub async fn again(State(app): State<Arc<App>>, headers: HeaderMap, bytes: Bytes) -> IamResult {
    let body = params::parse(&headers, &bytes)?;
    let uid = params::req_str(&body, "customer_uid")?;
    let placeholder = CardInfo::from_number("");
    let mut charge = charge_fields(&body, placeholder)?;
    let mut state = app.lock();
    let (iam, base_url, now) = state.iam();
    let key = iam
        .customers
        .get(&uid)
        .ok_or_else(|| IamError::business(1, UNKNOWN_CUSTOMER))?;
    if iam.merchant_paid(&charge.merchant_uid) {
        return Err(IamError::business(
            1,
            format!(
                "이미 결제완료된 merchant_uid입니다: {}",
                charge.merchant_uid
            ),
        ));
    }
    charge.card = key.card.clone();
    charge.pg_provider = key.pg_provider.clone();
    charge.pg_id = key.pg_id.clone();
    charge.buyer = charge.buyer.or(&key.contact);
    charge.customer_uid = Some(uid);
    charge.usage = Some("payment");
    ok(iam.charge(base_url, now, charge).to_json())
}
