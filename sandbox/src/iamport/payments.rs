//! Payments: look-ups (by imp_uid, merchant_uid, status, several at once), the PAYCO-style
//! balance breakdown, and cancel with iamport's exact partial-cancel arithmetic.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use serde_json::{json, Value};

use super::model::{Money, Payment};
use super::params::{self, Body};
use super::{multi, ok, IamError, IamResult, PAYMENT_NOT_FOUND};
use crate::state::App;

/// The statuses a payment can have.
const STATUSES: [&str; 4] = ["ready", "paid", "cancelled", "failed"];

/// `GET payments/{imp_uid}` (`include_sandbox` is accepted; every sandbox payment is shown).
pub async fn one(State(app): State<Arc<App>>, Path(imp_uid): Path<String>) -> IamResult {
    let state = app.lock();
    let p = state
        .iamport
        .payments
        .get(&imp_uid)
        .ok_or_else(IamError::payment_not_found)?;
    ok(p.to_json())
}

/// `GET payments?imp_uid[]=…&merchant_uid[]=…`: 200 all found, 207 some, 404 none.
pub async fn many(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> IamResult {
    let q = params::query(q.as_deref());
    let imp_uids = params::list(&q, "imp_uid");
    let merchant_uids = params::list(&q, "merchant_uid");
    let asked = imp_uids.len() + merchant_uids.len();
    if asked == 0 {
        return Err(IamError::invalid("imp_uid[] or merchant_uid[] is required"));
    }
    if asked > 100 {
        return Err(IamError::invalid(
            "at most 100 imp_uid[]/merchant_uid[] at once",
        ));
    }
    let state = app.lock();
    let iam = &state.iamport;
    let mut found: Vec<Value> = imp_uids
        .iter()
        .filter_map(|id| iam.payments.get(id))
        .map(Payment::to_json)
        .collect();
    found.extend(
        merchant_uids
            .iter()
            .filter_map(|m| iam.by_merchant(m, None).first().map(|p| p.to_json())),
    );
    multi(found, asked, PAYMENT_NOT_FOUND)
}

fn check_status(status: &str, allow_all: bool) -> Result<(), IamError> {
    if STATUSES.contains(&status) || (allow_all && status == "all") {
        Ok(())
    } else {
        Err(IamError::invalid(format!(
            "payment_status must be one of ready, paid, cancelled, failed{}",
            if allow_all { ", all" } else { "" }
        )))
    }
}

/// Sorts by `sorting` (`-started` default, `started`, `-paid`, `paid`, `-updated`, `updated`).
fn sort(list: &mut [&Payment], query: &Body) -> Result<(), IamError> {
    let sorting = params::opt_str(query, "sorting")?.unwrap_or_else(|| "-started".into());
    let (desc, key) = match sorting.strip_prefix('-') {
        Some(k) => (true, k),
        None => (false, sorting.as_str()),
    };
    let time: fn(&Payment) -> i64 = match key {
        "started" => |p| p.started_at,
        "paid" => |p| p.paid_at,
        "updated" => Payment::updated_at,
        _ => {
            return Err(IamError::invalid(
                "sorting must be -started, started, -paid, paid, -updated or updated",
            ))
        }
    };
    list.sort_by(|a, b| {
        let ord = (time(a), a.seq).cmp(&(time(b), b.seq));
        if desc {
            ord.reverse()
        } else {
            ord
        }
    });
    Ok(())
}

fn find_impl(app: &App, merchant_uid: &str, status: Option<&str>, q: Option<&str>) -> IamResult {
    if let Some(s) = status {
        check_status(s, false)?;
    }
    let q = params::query(q);
    let state = app.lock();
    let mut list = state.iamport.by_merchant(merchant_uid, status);
    sort(&mut list, &q)?;
    let p = list.first().ok_or_else(IamError::payment_not_found)?;
    ok(p.to_json())
}

/// `GET payments/find/{merchant_uid}`: the first by `sorting` (default: the latest).
pub async fn find(
    State(app): State<Arc<App>>,
    Path(merchant_uid): Path<String>,
    RawQuery(q): RawQuery,
) -> IamResult {
    find_impl(&app, &merchant_uid, None, q.as_deref())
}

/// `GET payments/find/{merchant_uid}/{payment_status}`.
pub async fn find_with_status(
    State(app): State<Arc<App>>,
    Path((merchant_uid, status)): Path<(String, String)>,
    RawQuery(q): RawQuery,
) -> IamResult {
    find_impl(&app, &merchant_uid, Some(&status), q.as_deref())
}

fn find_all_impl(
    app: &App,
    merchant_uid: &str,
    status: Option<&str>,
    q: Option<&str>,
) -> IamResult {
    if let Some(s) = status {
        check_status(s, false)?;
    }
    let q = params::query(q);
    let (page, limit) = params::paging(&q)?;
    let state = app.lock();
    let mut list = state.iamport.by_merchant(merchant_uid, status);
    if list.is_empty() {
        return Err(IamError::payment_not_found());
    }
    sort(&mut list, &q)?;
    let items = list.iter().map(|p| p.to_json()).collect();
    ok(params::page(items, page, limit)?)
}

/// `GET payments/findAll/{merchant_uid}`: every payment sharing it, paged (404 if none).
pub async fn find_all(
    State(app): State<Arc<App>>,
    Path(merchant_uid): Path<String>,
    RawQuery(q): RawQuery,
) -> IamResult {
    find_all_impl(&app, &merchant_uid, None, q.as_deref())
}

/// `GET payments/findAll/{merchant_uid}/{payment_status}`.
pub async fn find_all_with_status(
    State(app): State<Arc<App>>,
    Path((merchant_uid, status)): Path<(String, String)>,
    RawQuery(q): RawQuery,
) -> IamResult {
    find_all_impl(&app, &merchant_uid, Some(&status), q.as_deref())
}

/// `GET payments/status/{payment_status}?page&limit&from&to&sorting`: a ≤ 90-day window on
/// the time of each payment's status (started, paid, cancelled or failed).
pub async fn by_status(
    State(app): State<Arc<App>>,
    Path(status): Path<String>,
    RawQuery(q): RawQuery,
) -> IamResult {
    check_status(&status, true)?;
    let q = params::query(q.as_deref());
    let (page, limit) = params::paging(&q)?;
    let state = app.lock();
    let now = state.now().timestamp();
    let to = params::opt_int(&q, "to")?.unwrap_or(now);
    let from = params::opt_int(&q, "from")?.unwrap_or(to - 90 * 86_400);
    if from > to || to - from > 90 * 86_400 {
        return Err(IamError::invalid(
            "from..to must be a window of at most 90 days",
        ));
    }
    let mut list: Vec<&Payment> = state
        .iamport
        .payments
        .values()
        .filter(|p| status == "all" || p.status == status)
        .filter(|p| (from..=to).contains(&p.status_time()))
        .collect();
    sort(&mut list, &q)?;
    let items = list.iter().map(|p| p.to_json()).collect();
    ok(params::page(items, page, limit)?)
}

/// `GET payments/{imp_uid}/balance`: the remaining amount split into supply and VAT (served
/// for every payment, not only PAYCO ones).
pub async fn balance(State(app): State<Arc<App>>, Path(imp_uid): Path<String>) -> IamResult {
    let state = app.lock();
    let p = state
        .iamport
        .payments
        .get(&imp_uid)
        .ok_or_else(IamError::payment_not_found)?;
    let part = |amount: Money, tax_free: Money| {
        let vat = amount.vat_of(tax_free);
        json!({
            "tax_free": tax_free.to_json(),
            "supply": (amount - tax_free - vat).to_json(),
            "vat": vat.to_json(),
            "service": 0,
        })
    };
    let zero = part(Money::ZERO, Money::ZERO);
    let mut histories = vec![{
        let mut h = part(p.amount, p.tax_free);
        h["created"] = json!(p.paid_at.max(p.started_at));
        h
    }];
    for c in &p.cancel_history {
        let mut h = part(Money::ZERO - c.amount, Money::ZERO - c.tax_free);
        h["created"] = json!(c.cancelled_at);
        histories.push(h);
    }
    ok(json!({
        "amount": p.remaining().to_json(),
        "cash_receipt": zero.clone(),
        "primary": part(p.remaining(), p.remaining_tax_free()),
        "secondary": zero.clone(),
        "discount": zero,
        "histories": histories,
    }))
}

/// `POST payments/cancel`: full or partial refund. Business refusals are HTTP 200, code 1.
pub async fn cancel(State(app): State<Arc<App>>, headers: HeaderMap, bytes: Bytes) -> IamResult {
    let body = params::parse(&headers, &bytes)?;
    let imp_uid = params::opt_str(&body, "imp_uid")?;
    let merchant_uid = params::opt_str(&body, "merchant_uid")?;
    if imp_uid.is_none() && merchant_uid.is_none() {
        return Err(IamError::invalid("imp_uid or merchant_uid is required"));
    }
    let amount = params::opt_money(&body, "amount")?.filter(|a| !a.is_zero());
    let tax_free = params::opt_money(&body, "tax_free")?.unwrap_or(Money::ZERO);
    let checksum = params::opt_money(&body, "checksum")?;
    let reason = params::opt_str(&body, "reason")?.unwrap_or_default();
    let refund_ok = ["refund_holder", "refund_bank", "refund_account"]
        .iter()
        .all(|k| matches!(params::opt_str(&body, k), Ok(Some(_))));
    // iamport sends a webhook for an API cancel only when asked (spec iamport-v1 §7.1).
    let enable_webhook = params::opt_bool(&body, "enable_webhook")?.unwrap_or(false);

    let mut state = app.lock();
    let (iam, base_url, now) = state.iam();
    // An imp_uid wins over a merchant_uid, even when it is unknown.
    let target = match (&imp_uid, &merchant_uid) {
        (Some(id), _) => iam.payments.contains_key(id).then(|| id.clone()),
        (None, Some(m)) => {
            let list = iam.by_merchant(m, None);
            let paid = list.iter().find(|p| p.status == "paid");
            paid.or(list.first()).map(|p| p.imp_uid.clone())
        }
        (None, None) => None,
    };
    let not_found = || IamError::business(1, "취소할 결제건이 존재하지 않습니다.");
    let p = target
        .and_then(|id| iam.payments.get_mut(&id))
        .ok_or_else(not_found)?;
    match p.status.as_str() {
        "paid" => {}
        "cancelled" => return Err(IamError::business(1, "이미 전액취소된 주문입니다.")),
        other => {
            return Err(IamError::business(
                1,
                format!("결제완료(paid) 상태가 아니므로 취소할 수 없습니다. (status: {other})"),
            ))
        }
    }
    let remaining = p.remaining();
    if let Some(checksum) = checksum {
        if checksum != remaining {
            return Err(IamError::business(
                1,
                format!(
                    "[checksum] 취소가능잔액 검증에 실패하였습니다. checksum {checksum}, 취소가능잔액 {remaining}"
                ),
            ));
        }
    }
    let amount = amount.unwrap_or(remaining);
    if amount > remaining {
        return Err(IamError::business(
            1,
            format!("취소요청금액({amount})이 취소가능잔액({remaining})보다 큽니다."),
        ));
    }
    if tax_free > amount || tax_free > p.remaining_tax_free() {
        return Err(IamError::business(
            1,
            format!(
                "면세 취소요청금액({tax_free})이 취소가능 면세잔액({})보다 큽니다.",
                p.remaining_tax_free()
            ),
        ));
    }
    if p.pay_method == "vbank" && !refund_ok {
        return Err(IamError::business(
            1,
            "가상계좌 환불에는 refund_holder, refund_bank, refund_account가 필요합니다.",
        ));
    }
    p.apply_cancel(base_url, now, amount, tax_free, &reason);
    let answer = p.to_json();
    if !enable_webhook {
        let imp_uid = p.imp_uid.clone();
        state.webhooks.quiet_iamport_cancels.insert(imp_uid);
    }
    ok(answer)
}
