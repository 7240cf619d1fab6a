//! Amount pre-registration (`payments/prepare`): the amount a browser payment for a
//! merchant_uid must have. The admin API refuses to create a payment that does not match,
//! as the payment window would.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;

use super::params;
use super::store::Prepared;
use super::{ok, IamError, IamResult};
use crate::state::App;

const NOT_PREPARED: &str = "사전등록된 결제정보가 존재하지 않습니다.";

fn read(headers: &HeaderMap, bytes: &Bytes) -> Result<(String, Prepared), IamError> {
    let body = params::parse(headers, bytes)?;
    let merchant_uid = params::req_str(&body, "merchant_uid")?;
    let amount = params::req_money(&body, "amount")?;
    let currency = params::opt_str(&body, "currency")?;
    Ok((merchant_uid, Prepared { amount, currency }))
}

/// `POST payments/prepare`: registers; an already registered merchant_uid → 200, code 1.
pub async fn register(State(app): State<Arc<App>>, headers: HeaderMap, bytes: Bytes) -> IamResult {
    let (merchant_uid, prepared) = read(&headers, &bytes)?;
    let mut state = app.lock();
    if state.iamport.prepared.contains_key(&merchant_uid) {
        return Err(IamError::business(
            1,
            format!("이미 사전등록된 merchant_uid입니다: {merchant_uid}"),
        ));
    }
    let answer = prepared.to_json(&merchant_uid);
    state.iamport.prepared.insert(merchant_uid, prepared);
    ok(answer)
}

/// `PUT payments/prepare`: changes a registered amount (404 if none).
pub async fn update(State(app): State<Arc<App>>, headers: HeaderMap, bytes: Bytes) -> IamResult {
    let (merchant_uid, prepared) = read(&headers, &bytes)?;
    let mut state = app.lock();
    let slot = state
        .iamport
        .prepared
        .get_mut(&merchant_uid)
        .ok_or_else(|| IamError::not_found(NOT_PREPARED))?;
    *slot = prepared;
    ok(slot.to_json(&merchant_uid))
}

/// `GET payments/prepare/{merchant_uid}` (404 if none).
pub async fn lookup(State(app): State<Arc<App>>, Path(merchant_uid): Path<String>) -> IamResult {
    let state = app.lock();
    let p = state
        .iamport
        .prepared
        .get(&merchant_uid)
        .ok_or_else(|| IamError::not_found(NOT_PREPARED))?;
    ok(p.to_json(&merchant_uid))
}
