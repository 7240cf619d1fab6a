//! Virtual accounts issued by API (`POST vbanks`), changed or revoked while unpaid, and the
//! hidden holder-name look-up. Deposits are made with `POST /__admin/iamport/vbanks/{imp_uid}/deposit`.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use serde_json::json;

use super::codes::bank_name;
use super::model::{pg_route, Buyer, Money, Payment, Vbank};
use super::params;
use super::{ok, IamError, IamResult};
use crate::model::digits;
use crate::state::App;

/// The holder name every look-up answers.
pub const SANDBOX_HOLDER: &str = "홍길동";

/// Turns a payment into a `ready` virtual-account payment on the given bank.
pub fn attach_vbank(p: &mut Payment, code: &str, holder: Option<String>, due: i64, now: i64) {
    p.pay_method = "vbank".into();
    p.status = "ready".into();
    p.vbank = Some(Vbank {
        code: code.to_string(),
        name: bank_name(code).unwrap_or(code).to_string(),
        num: format!("562{}", digits(11)),
        holder: holder.unwrap_or_else(|| "(주)페이와이어샌드박스".into()),
        date: due,
        issued_at: now,
    });
}

/// `POST vbanks`: a `ready` vbank payment, no PG window.
pub async fn issue(State(app): State<Arc<App>>, headers: HeaderMap, bytes: Bytes) -> IamResult {
    let body = params::parse(&headers, &bytes)?;
    let merchant_uid = params::req_str(&body, "merchant_uid")?;
    let amount = params::req_money(&body, "amount")?;
    let code = params::req_str(&body, "vbank_code")?;
    let due = params::req_int(&body, "vbank_due")?;
    let holder = params::opt_str(&body, "vbank_holder")?;
    let pg = params::opt_str(&body, "pg")?;
    if bank_name(&code).is_none() {
        return Err(IamError::invalid(format!(
            "vbank_code {code} is not a known bank code"
        )));
    }
    let mut state = app.lock();
    let (iam, base_url, now) = state.iam();
    if iam.merchant_paid(&merchant_uid) {
        return Err(IamError::business(
            1,
            format!("이미 결제완료된 merchant_uid입니다: {merchant_uid}"),
        ));
    }
    let mut p = iam.new_payment(base_url, now, &merchant_uid, amount);
    let (pg_provider, pg_id) = pg_route(pg.as_deref(), "html5_inicis");
    p.pg_provider = pg_provider;
    p.pg_id = pg_id;
    p.name = params::opt_str(&body, "name")?;
    p.buyer = Buyer::read(&body, "buyer_");
    p.custom_data = params::custom_data(&body);
    p.tax_free = params::opt_money(&body, "tax_free")?.unwrap_or(Money::ZERO);
    attach_vbank(&mut p, &code, holder, due, now);
    ok(iam.insert(p))
}

fn ready_vbank<'a>(
    payments: &'a mut std::collections::HashMap<String, Payment>,
    imp_uid: &str,
) -> Result<&'a mut Payment, IamError> {
    let p = payments
        .get_mut(imp_uid)
        .ok_or_else(IamError::payment_not_found)?;
    if p.pay_method != "vbank" || p.status != "ready" {
        return Err(IamError::invalid(format!(
            "not an unpaid virtual account (pay_method {}, status {})",
            p.pay_method, p.status
        )));
    }
    Ok(p)
}

/// `PUT vbanks/{imp_uid}` `{amount?, vbank_due?}`: only while `ready`.
pub async fn update(
    State(app): State<Arc<App>>,
    Path(imp_uid): Path<String>,
    headers: HeaderMap,
    bytes: Bytes,
) -> IamResult {
    let body = params::parse(&headers, &bytes)?;
    let amount = params::opt_money(&body, "amount")?;
    let due = params::opt_int(&body, "vbank_due")?;
    let mut state = app.lock();
    let p = ready_vbank(&mut state.iamport.payments, &imp_uid)?;
    if let Some(a) = amount {
        p.amount = a;
    }
    if let (Some(d), Some(v)) = (due, p.vbank.as_mut()) {
        v.date = d;
    }
    ok(p.to_json())
}

/// `DELETE vbanks/{imp_uid}`: revokes an unpaid account (the payment becomes `cancelled`).
pub async fn revoke(State(app): State<Arc<App>>, Path(imp_uid): Path<String>) -> IamResult {
    let mut state = app.lock();
    let (iam, _, now) = state.iam();
    let p = ready_vbank(&mut iam.payments, &imp_uid)?;
    p.status = "cancelled".into();
    p.cancel_amount = p.amount;
    p.cancelled_at = now;
    p.cancel_reason = Some("가상계좌 발급취소".into());
    ok(p.to_json())
}

/// `GET vbanks/holder?bank_code&bank_num` → `{bank_holder}` (404 for an unknown bank).
pub async fn holder(RawQuery(q): RawQuery) -> IamResult {
    let q = params::query(q.as_deref());
    let code = params::req_str(&q, "bank_code")?;
    params::req_str(&q, "bank_num")?;
    if bank_name(&code).is_none() {
        return Err(IamError::not_found(format!(
            "예금주 조회에 실패하였습니다: 은행코드 {code}"
        )));
    }
    ok(json!({ "bank_holder": SANDBOX_HOLDER }))
}
