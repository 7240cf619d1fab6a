//! Cash receipts, on a paid payment (`receipts/{imp_uid}`) or for a cash sale outside
//! iamport (`receipts/external/{merchant_uid}`). One live receipt each; revoked ones stay
//! readable with `cancelled_at` set, and a new one can then be issued.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;

use super::model::{CashReceipt, Money};
use super::params::{self, Body};
use super::{ok, IamError, IamResult};
use crate::model::{digits, hex_id};
use crate::state::App;

const NOT_FOUND: &str = "발급된 현금영수증이 존재하지 않습니다.";

/// `type`: `person` (default) or `company`; `identifier` is required.
fn read_common(body: &Body) -> Result<String, IamError> {
    params::req_str(body, "identifier")?;
    let kind = params::opt_str(body, "type")?.unwrap_or_else(|| "person".into());
    if kind != "person" && kind != "company" {
        return Err(IamError::invalid("type must be person or company"));
    }
    Ok(kind)
}

fn new_receipt(
    base_url: &str,
    key: (&'static str, String),
    kind: String,
    amount: Money,
    tax_free: Money,
    now: i64,
) -> CashReceipt {
    let tid = hex_id(8);
    CashReceipt {
        receipt_url: format!("{base_url}/iamport-receipt/cash/{tid}"),
        receipt_tid: format!("sandbox_cash_{tid}"),
        key,
        apply_num: digits(9),
        kind,
        amount,
        vat: amount.vat_of(tax_free),
        applied_at: now,
        cancelled_at: 0,
    }
}

/// `GET receipts/{imp_uid}`.
pub async fn lookup(State(app): State<Arc<App>>, Path(imp_uid): Path<String>) -> IamResult {
    let state = app.lock();
    let r = state
        .iamport
        .receipts
        .get(&imp_uid)
        .ok_or_else(|| IamError::not_found(NOT_FOUND))?;
    ok(r.to_json())
}

/// `POST receipts/{imp_uid}` `{identifier, type?, tax_free?, …}`: the payment must be `paid`
/// and have no live receipt (400 otherwise); the amount is what is left of the payment.
pub async fn issue(
    State(app): State<Arc<App>>,
    Path(imp_uid): Path<String>,
    headers: HeaderMap,
    bytes: Bytes,
) -> IamResult {
    let body = params::parse(&headers, &bytes)?;
    let kind = read_common(&body)?;
    let tax_free = params::opt_money(&body, "tax_free")?.unwrap_or(Money::ZERO);
    let mut state = app.lock();
    let (iam, base_url, now) = state.iam();
    let p = iam
        .payments
        .get_mut(&imp_uid)
        .ok_or_else(IamError::payment_not_found)?;
    if p.status != "paid" {
        return Err(IamError::invalid(format!(
            "a cash receipt needs a paid payment (status {})",
            p.status
        )));
    }
    if iam
        .receipts
        .get(&imp_uid)
        .is_some_and(|r| r.cancelled_at == 0)
    {
        return Err(IamError::invalid("이미 현금영수증이 발급된 결제건입니다."));
    }
    let r = new_receipt(
        base_url,
        ("imp_uid", imp_uid.clone()),
        kind,
        p.remaining(),
        tax_free,
        now,
    );
    p.cash_receipt_issued = true;
    let answer = r.to_json();
    iam.receipts.insert(imp_uid, r);
    ok(answer)
}

/// `DELETE receipts/{imp_uid}`: 404 if none, 400 if already revoked.
pub async fn revoke(State(app): State<Arc<App>>, Path(imp_uid): Path<String>) -> IamResult {
    let mut state = app.lock();
    let (iam, _, now) = state.iam();
    let r = iam
        .receipts
        .get_mut(&imp_uid)
        .ok_or_else(|| IamError::not_found(NOT_FOUND))?;
    if r.cancelled_at != 0 {
        return Err(IamError::invalid("이미 취소된 현금영수증입니다."));
    }
    r.cancelled_at = now;
    let answer = r.to_json();
    if let Some(p) = iam.payments.get_mut(&imp_uid) {
        p.cash_receipt_issued = false;
    }
    ok(answer)
}

/// `GET receipts/external/{merchant_uid}`.
pub async fn external_lookup(
    State(app): State<Arc<App>>,
    Path(merchant_uid): Path<String>,
) -> IamResult {
    let state = app.lock();
    let r = state
        .iamport
        .external_receipts
        .get(&merchant_uid)
        .ok_or_else(|| IamError::not_found(NOT_FOUND))?;
    ok(r.to_json())
}

/// `POST receipts/external/{merchant_uid}` `{name, amount, identifier, type?, …}`.
pub async fn external_issue(
    State(app): State<Arc<App>>,
    Path(merchant_uid): Path<String>,
    headers: HeaderMap,
    bytes: Bytes,
) -> IamResult {
    let body = params::parse(&headers, &bytes)?;
    params::req_str(&body, "name")?;
    let amount = params::req_money(&body, "amount")?;
    let kind = read_common(&body)?;
    let tax_free = params::opt_money(&body, "tax_free")?.unwrap_or(Money::ZERO);
    let mut state = app.lock();
    let (iam, base_url, now) = state.iam();
    if iam
        .external_receipts
        .get(&merchant_uid)
        .is_some_and(|r| r.cancelled_at == 0)
    {
        return Err(IamError::invalid(
            "이미 현금영수증이 발급된 merchant_uid입니다.",
        ));
    }
    let r = new_receipt(
        base_url,
        ("merchant_uid", merchant_uid.clone()),
        kind,
        amount,
        tax_free,
        now,
    );
    let answer = r.to_json();
    iam.external_receipts.insert(merchant_uid, r);
    ok(answer)
}

/// `DELETE receipts/external/{merchant_uid}`: 404 if none, 400 if already revoked.
pub async fn external_revoke(
    State(app): State<Arc<App>>,
    Path(merchant_uid): Path<String>,
) -> IamResult {
    let mut state = app.lock();
    let (iam, _, now) = state.iam();
    let r = iam
        .external_receipts
        .get_mut(&merchant_uid)
        .ok_or_else(|| IamError::not_found(NOT_FOUND))?;
    if r.cancelled_at != 0 {
        return Err(IamError::invalid("이미 취소된 현금영수증입니다."));
    }
    r.cancelled_at = now;
    ok(r.to_json())
}
