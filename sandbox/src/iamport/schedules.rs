//! Scheduled payments (`subscribe/payments/schedule…`) and their execution when the sandbox
//! clock passes `schedule_at` (checked whenever the state is locked: every request, and
//! `POST /__admin/clock/advance`).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use serde_json::Value;

use super::billing::{key_from_body, store_key, UNKNOWN_CUSTOMER};
use super::model::{Buyer, Money, Payment, Schedule};
use super::params::{self, Body};
use super::store::{Charge, IamportState};
use super::{ok, IamError, IamResult};
use crate::state::{App, State as Store};

const NOT_FOUND: &str = "예약결제 정보가 존재하지 않습니다.";
/// Longest look-up window: about 3 months.
const MAX_WINDOW: i64 = 93 * 86_400;

impl Store {
    /// Runs every schedule whose `schedule_at` has passed, oldest first.
    pub fn run_due_iamport_schedules(&mut self) {
        let (iam, base_url, now) = self.iam();
        if iam.next_schedule_due.is_none_or(|due| due > now) {
            return;
        }
        let mut due: Vec<(i64, String)> = iam
            .schedules
            .values()
            .filter(|s| s.schedule_status == "scheduled" && s.schedule_at <= now)
            .map(|s| (s.schedule_at, s.merchant_uid.clone()))
            .collect();
        due.sort();
        for (_, merchant_uid) in due {
            execute(iam, base_url, now, &merchant_uid);
        }
        iam.refresh_next_due();
    }
}

/// Charges a schedule now: a paid payment, or a failed one (key deleted, amount under the
/// minimum). The schedule becomes `executed` with the outcome.
fn execute(
    iam: &mut IamportState,
    base_url: &str,
    now: i64,
    merchant_uid: &str,
) -> Option<Payment> {
    let s = iam.schedules.get(merchant_uid)?.clone();
    let key = iam.customers.get(&s.customer_uid).cloned();
    let charge = Charge {
        merchant_uid: s.merchant_uid.clone(),
        amount: s.amount,
        tax_free: s.tax_free,
        currency: s.currency.clone(),
        name: s.name.clone(),
        buyer: s
            .buyer
            .or(&key.as_ref().map(|k| k.contact.clone()).unwrap_or_default()),
        custom_data: s.custom_data.clone(),
        card_quota: 0,
        card: key.as_ref().map_or_else(
            || super::model::CardInfo::from_number(""),
            |k| k.card.clone(),
        ),
        pg_provider: s.pg_provider.clone(),
        pg_id: s.pg_id.clone(),
        customer_uid: Some(s.customer_uid.clone()),
        usage: Some("payment.scheduled"),
    };
    let mut payment = iam.charge(base_url, now, charge);
    if key.is_none() && payment.status == "paid" {
        payment.mark_failed(now, UNKNOWN_CUSTOMER);
        payment.card = None;
        iam.payments
            .insert(payment.imp_uid.clone(), payment.clone());
    }
    if let Some(s) = iam.schedules.get_mut(merchant_uid) {
        s.schedule_status = "executed".into();
        s.executed_at = now;
        s.imp_uid = Some(payment.imp_uid.clone());
        s.payment_status = Some(payment.status.clone());
        s.fail_reason = payment.fail_reason.clone();
    }
    Some(payment)
}

fn read_schedule(item: &Value, key: &super::model::Customer) -> Result<Schedule, IamError> {
    let Value::Object(b) = item else {
        return Err(IamError::invalid("each of schedules must be an object"));
    };
    Ok(Schedule {
        customer_uid: key.customer_uid.clone(),
        merchant_uid: params::req_str(b, "merchant_uid")?,
        imp_uid: None,
        pg_provider: key.pg_provider.clone(),
        pg_id: key.pg_id.clone(),
        customer_id: key.customer_id.clone(),
        schedule_at: params::req_int(b, "schedule_at")?,
        executed_at: 0,
        revoked_at: 0,
        amount: params::req_money(b, "amount")?,
        tax_free: params::opt_money(b, "tax_free")?.unwrap_or(Money::ZERO),
        currency: params::opt_str(b, "currency")?.unwrap_or_else(|| "KRW".into()),
        name: params::opt_str(b, "name")?,
        buyer: Buyer::read(b, "buyer_"),
        custom_data: params::custom_data(b),
        schedule_status: "scheduled".into(),
        payment_status: None,
        fail_reason: None,
        promotion_id: params::opt_str(b, "promotion_id")?,
    })
}

/// `POST subscribe/payments/schedule`: registers schedules on a key (issuing it first from
/// card fields when the customer_uid is unknown). All or nothing.
pub async fn register(State(app): State<Arc<App>>, headers: HeaderMap, bytes: Bytes) -> IamResult {
    let body = params::parse(&headers, &bytes)?;
    let uid = params::req_str(&body, "customer_uid")?;
    let items = match body.get("schedules") {
        Some(Value::Array(items)) if !items.is_empty() => items.clone(),
        _ => {
            return Err(IamError::invalid(
                "schedules is required (a non-empty array)",
            ))
        }
    };
    let mut state = app.lock();
    let (iam, _, now) = state.iam();
    let key = match iam.customers.get(&uid) {
        Some(k) => k.clone(),
        None if body.get("card_number").is_some_and(|v| !v.is_null()) => key_from_body(
            &body,
            &uid,
            now,
            (
                1,
                "카드정보 확인에 실패하였습니다. [PG 8326] 유효하지않은 카드번호",
            ),
        )?,
        None => return Err(IamError::business(1, "등록된 고객정보가 없습니다.")),
    };
    let schedules = items
        .iter()
        .map(|item| read_schedule(item, &key))
        .collect::<Result<Vec<_>, _>>()?;
    for (i, s) in schedules.iter().enumerate() {
        let repeated = schedules[..i]
            .iter()
            .any(|o| o.merchant_uid == s.merchant_uid);
        if repeated
            || iam.schedules.contains_key(&s.merchant_uid)
            || iam.merchant_paid(&s.merchant_uid)
        {
            return Err(IamError::business(
                1,
                format!("이미 사용된 merchant_uid입니다: {}", s.merchant_uid),
            ));
        }
    }
    if !iam.customers.contains_key(&uid) {
        store_key(&mut iam.customers, key);
    }
    let answer: Vec<Value> = schedules.iter().map(Schedule::to_json).collect();
    for s in schedules {
        iam.schedules.insert(s.merchant_uid.clone(), s);
    }
    iam.refresh_next_due();
    ok(Value::Array(answer))
}

/// `POST subscribe/payments/unschedule` `{customer_uid?, merchant_uid?: string | [string]}`.
pub async fn unschedule(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    bytes: Bytes,
) -> IamResult {
    let body = params::parse(&headers, &bytes)?;
    let uid = params::opt_str(&body, "customer_uid")?;
    let merchant_uids = params::list(&body, "merchant_uid");
    if uid.is_none() && merchant_uids.is_empty() {
        return Err(IamError::invalid(
            "customer_uid or merchant_uid is required",
        ));
    }
    let mut state = app.lock();
    let (iam, _, now) = state.iam();
    let mut revoked: Vec<&mut Schedule> = iam
        .schedules
        .values_mut()
        .filter(|s| s.schedule_status == "scheduled")
        .filter(|s| uid.as_ref().is_none_or(|u| *u == s.customer_uid))
        .filter(|s| merchant_uids.is_empty() || merchant_uids.contains(&s.merchant_uid))
        .collect();
    if revoked.is_empty() {
        return Err(IamError::business(
            1,
            "취소할 예약결제 기록이 존재하지 않습니다.",
        ));
    }
    revoked.sort_by_key(|s| s.schedule_at);
    let answer: Vec<Value> = revoked
        .into_iter()
        .map(|s| {
            s.schedule_status = "revoked".into();
            s.revoked_at = now;
            s.to_json()
        })
        .collect();
    iam.refresh_next_due();
    ok(Value::Array(answer))
}

/// A window `[from, to)` of at most ~3 months, a status filter, newest first (or oldest with
/// `sorting=scheduled`), paged.
fn window_list(
    iam: &IamportState,
    q: &Body,
    keys: (&str, &str, &str),
    customer_uid: Option<&str>,
) -> IamResult {
    let from = params::req_int(q, keys.0)?;
    let to = params::req_int(q, keys.1)?;
    if from > to || to - from > MAX_WINDOW {
        return Err(IamError::invalid(format!(
            "{}..{} must be a window of at most 3 months",
            keys.0, keys.1
        )));
    }
    let status = params::opt_str(q, keys.2)?;
    if let Some(s) = &status {
        if !["scheduled", "executed", "revoked"].contains(&s.as_str()) {
            return Err(IamError::invalid(format!(
                "{} must be scheduled, executed or revoked",
                keys.2
            )));
        }
    }
    let (page, limit) = params::paging(q)?;
    let mut list: Vec<&Schedule> = iam
        .schedules
        .values()
        .filter(|s| (from..to).contains(&s.schedule_at))
        .filter(|s| status.as_ref().is_none_or(|st| *st == s.schedule_status))
        .filter(|s| customer_uid.is_none_or(|u| u == s.customer_uid))
        .collect();
    list.sort_by(|a, b| (b.schedule_at, &b.merchant_uid).cmp(&(a.schedule_at, &a.merchant_uid)));
    if params::opt_str(q, "sorting")?.as_deref() == Some("scheduled") {
        list.reverse();
    }
    let items = list.iter().map(|s| s.to_json()).collect();
    ok(params::page(items, page, limit)?)
}

/// `GET subscribe/payments/schedule?schedule_from&schedule_to&schedule_status&page&limit&sorting`.
pub async fn list(State(app): State<Arc<App>>, RawQuery(q): RawQuery) -> IamResult {
    let q = params::query(q.as_deref());
    let state = app.lock();
    window_list(
        &state.iamport,
        &q,
        ("schedule_from", "schedule_to", "schedule_status"),
        None,
    )
}

/// `GET subscribe/customers/{customer_uid}/schedules` and
/// `GET subscribe/payments/schedule/customers/{customer_uid}`: `from`, `to`,
/// `schedule-status`, `page` (JAVA's `schedule_from`/`schedule_to`/`schedule_status` too).
pub async fn by_customer(
    State(app): State<Arc<App>>,
    Path(uid): Path<String>,
    RawQuery(q): RawQuery,
) -> IamResult {
    let q = params::query(q.as_deref());
    let keys = if q.contains_key("from") || q.contains_key("to") {
        ("from", "to", "schedule-status")
    } else if q.contains_key("schedule_from") {
        ("schedule_from", "schedule_to", "schedule_status")
    } else {
        ("from", "to", "schedule-status")
    };
    let state = app.lock();
    window_list(&state.iamport, &q, keys, Some(&uid))
}

/// `GET subscribe/payments/schedule/{merchant_uid}`.
pub async fn one(State(app): State<Arc<App>>, Path(merchant_uid): Path<String>) -> IamResult {
    let state = app.lock();
    let s = state
        .iamport
        .schedules
        .get(&merchant_uid)
        .ok_or_else(|| IamError::not_found(NOT_FOUND))?;
    ok(s.to_json())
}

/// Reads the new `schedule_at`, which must be in the future.
fn future_time(headers: &HeaderMap, bytes: &Bytes, now: i64) -> Result<i64, IamError> {
    let body = params::parse(headers, bytes)?;
    let at = params::req_int(&body, "schedule_at")?;
    if at <= now {
        return Err(IamError::invalid("schedule_at must be in the future"));
    }
    Ok(at)
}

/// `PUT subscribe/payments/schedule/{merchant_uid}` `{schedule_at}`: only while `scheduled`.
pub async fn update(
    State(app): State<Arc<App>>,
    Path(merchant_uid): Path<String>,
    headers: HeaderMap,
    bytes: Bytes,
) -> IamResult {
    let mut state = app.lock();
    let (iam, _, now) = state.iam();
    let at = future_time(&headers, &bytes, now)?;
    let s = iam
        .schedules
        .get_mut(&merchant_uid)
        .ok_or_else(|| IamError::not_found(NOT_FOUND))?;
    if s.schedule_status != "scheduled" {
        return Err(IamError::invalid(format!(
            "only a scheduled payment can be moved (this one is {})",
            s.schedule_status
        )));
    }
    s.schedule_at = at;
    let answer = s.to_json();
    iam.refresh_next_due();
    ok(answer)
}

/// A schedule that failed at execution or was revoked, or a 400.
fn failed_or_revoked<'a>(
    iam: &'a mut IamportState,
    merchant_uid: &str,
) -> Result<&'a mut Schedule, IamError> {
    let s = iam
        .schedules
        .get_mut(merchant_uid)
        .ok_or_else(|| IamError::not_found(NOT_FOUND))?;
    let failed = s.schedule_status == "executed" && s.payment_status.as_deref() == Some("failed");
    if !failed && s.schedule_status != "revoked" {
        return Err(IamError::invalid(
            "only a failed or revoked schedule can be rescheduled or retried",
        ));
    }
    Ok(s)
}

/// `POST subscribe/payments/schedule/{merchant_uid}/reschedule` `{schedule_at}`.
pub async fn reschedule(
    State(app): State<Arc<App>>,
    Path(merchant_uid): Path<String>,
    headers: HeaderMap,
    bytes: Bytes,
) -> IamResult {
    let mut state = app.lock();
    let (iam, _, now) = state.iam();
    let at = future_time(&headers, &bytes, now)?;
    let s = failed_or_revoked(iam, &merchant_uid)?;
    s.schedule_status = "scheduled".into();
    s.schedule_at = at;
    s.executed_at = 0;
    s.revoked_at = 0;
    s.imp_uid = None;
    s.payment_status = None;
    s.fail_reason = None;
    let answer = s.to_json();
    iam.refresh_next_due();
    ok(answer)
}

/// `POST subscribe/payments/schedule/{merchant_uid}/retry`: executes a failed or revoked
/// schedule now and answers the payment (check its `status`).
pub async fn retry(State(app): State<Arc<App>>, Path(merchant_uid): Path<String>) -> IamResult {
    let mut state = app.lock();
    let (iam, base_url, now) = state.iam();
    failed_or_revoked(iam, &merchant_uid)?;
    let payment =
        execute(iam, base_url, now, &merchant_uid).ok_or_else(|| IamError::not_found(NOT_FOUND))?;
    ok(payment.to_json())
}
