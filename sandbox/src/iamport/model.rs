//! The iamport objects the sandbox keeps (payments, billing keys, schedules, certifications,
//! cash receipts) and how each renders as the JSON of spec §6.
//!
//! Amounts are stored as [`Money`] (exact ten-thousandths) so partial-cancel arithmetic and
//! the `checksum` comparison are exact for fractional currencies too; timestamps are unix
//! seconds with 0 meaning "not happened", as iamport answers them.

use serde_json::{json, Value};

use crate::model::{digits, hex_id, mask_card};

/// Ten-thousandths per unit: exact for any amount with up to four decimals.
const SCALE: i64 = 10_000;

/// An amount in exact ten-thousandths of a currency unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Money(i64);

impl Money {
    /// Nothing.
    pub const ZERO: Money = Money(0);

    /// Whole units.
    pub fn whole(units: i64) -> Money {
        Money(units.saturating_mul(SCALE))
    }

    /// A JSON number or numeric text; `None` for anything else or out of range.
    pub fn from_json(v: &Value) -> Option<Money> {
        match v {
            Value::Number(n) => match n.as_i64() {
                Some(i) => i.checked_mul(SCALE).map(Money),
                None => Self::from_f64(n.as_f64()?),
            },
            Value::String(s) => {
                let s = s.trim();
                match s.parse::<i64>() {
                    Ok(i) => i.checked_mul(SCALE).map(Money),
                    Err(_) => Self::from_f64(s.parse::<f64>().ok()?),
                }
            }
            _ => None,
        }
    }

    fn from_f64(f: f64) -> Option<Money> {
        let scaled = (f * SCALE as f64).round();
        (f.is_finite() && scaled.abs() < 9.0e18).then_some(Money(scaled as i64))
    }

    /// A JSON integer when whole, else a JSON float (`10.5`).
    pub fn to_json(self) -> Value {
        if self.0 % SCALE == 0 {
            json!(self.0 / SCALE)
        } else {
            json!(self.0 as f64 / SCALE as f64)
        }
    }

    /// Below zero.
    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Exactly zero.
    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// `(self − tax_free) / 11`, rounded to whole units: the VAT of a taxable amount.
    pub fn vat_of(self, tax_free: Money) -> Money {
        let taxable = (self.0 - tax_free.0).max(0);
        let units = (taxable as f64 / SCALE as f64 / 11.0).round() as i64;
        Money::whole(units)
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0.saturating_add(rhs.0))
    }
}

impl std::ops::Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0.saturating_sub(rhs.0))
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.to_json())
    }
}

/// The smallest card charge a PG approves: 100 KRW, or 1 unit of another currency.
pub fn minimum_charge(currency: &str) -> Money {
    if currency.eq_ignore_ascii_case("KRW") {
        Money::whole(100)
    } else {
        Money::whole(1)
    }
}

/// Why a charge under [`minimum_charge`] fails (NICEPAY's wording).
pub const AMOUNT_FAIL_REASON: &str = "[PG 3041] 금액오류(100원 또는 1달러 미만 신용카드 승인 불가)";

/// `buyer_*` (payments, schedules) or `customer_*` (billing keys) contact fields.
#[derive(Debug, Clone, Default)]
pub struct Buyer {
    /// Name.
    pub name: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub tel: Option<String>,
    /// Address.
    pub addr: Option<String>,
    /// Postcode.
    pub postcode: Option<String>,
}

impl Buyer {
    /// Reads `{prefix}name`, `{prefix}email`, … from a body (non-strings are ignored).
    pub fn read(body: &serde_json::Map<String, Value>, prefix: &str) -> Buyer {
        let get = |k: &str| {
            body.get(&format!("{prefix}{k}"))
                .and_then(Value::as_str)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        Buyer {
            name: get("name"),
            email: get("email"),
            tel: get("tel"),
            addr: get("addr"),
            postcode: get("postcode"),
        }
    }

    /// Each field of `self`, else the one of `fallback`.
    pub fn or(&self, fallback: &Buyer) -> Buyer {
        let pick = |a: &Option<String>, b: &Option<String>| a.clone().or_else(|| b.clone());
        Buyer {
            name: pick(&self.name, &fallback.name),
            email: pick(&self.email, &fallback.email),
            tel: pick(&self.tel, &fallback.tel),
            addr: pick(&self.addr, &fallback.addr),
            postcode: pick(&self.postcode, &fallback.postcode),
        }
    }

    /// Writes the fields as `{prefix}name`, … into a JSON object.
    pub fn write(&self, m: &mut serde_json::Map<String, Value>, prefix: &str) {
        for (k, v) in [
            ("name", &self.name),
            ("email", &self.email),
            ("tel", &self.tel),
            ("addr", &self.addr),
            ("postcode", &self.postcode),
        ] {
            m.insert(format!("{prefix}{k}"), json!(v));
        }
    }
}

/// Card company data of a payment or billing key.
#[derive(Debug, Clone)]
pub struct CardInfo {
    /// KFTC card company code (`366`).
    pub code: String,
    /// Card company name (`신한카드`).
    pub name: String,
    /// Masked number.
    pub number: String,
    /// 0 credit, 1 check.
    pub card_type: i64,
}

impl CardInfo {
    /// Card data for a raw number: the company is guessed from the first digit.
    pub fn from_number(number: &str) -> CardInfo {
        let (code, name) = match number.trim_start().chars().next() {
            Some('4') => ("366", "신한카드"),
            Some('5') => ("381", "KB국민카드"),
            Some('3') => ("365", "삼성카드"),
            _ => ("361", "BC카드"),
        };
        CardInfo {
            code: code.into(),
            name: name.into(),
            number: mask_card(number),
            card_type: 0,
        }
    }
}

/// Whether the sandbox PG refuses a card: not 13–19 digits, or only zeros after the first 4.
pub fn card_declined(number: &str) -> bool {
    let d: Vec<char> = number.chars().filter(char::is_ascii_digit).collect();
    !(13..=19).contains(&d.len()) || d[4..].iter().all(|c| *c == '0')
}

/// The decline message of the card rule (code -1).
pub const CARD_DECLINED: &str = "카드정보 인증에 실패하였습니다. [PG 8326] 유효하지않은 카드번호";

/// A virtual account attached to a payment.
#[derive(Debug, Clone)]
pub struct Vbank {
    /// Bank code.
    pub code: String,
    /// Bank name.
    pub name: String,
    /// Account number.
    pub num: String,
    /// Holder shown to the buyer.
    pub holder: String,
    /// Deposit deadline (unix s).
    pub date: i64,
    /// Issue time (unix s).
    pub issued_at: i64,
}

/// One (partial) cancel of a payment.
#[derive(Debug, Clone)]
pub struct CancelEntry {
    /// PG cancel transaction id.
    pub pg_tid: String,
    /// Amount cancelled.
    pub amount: Money,
    /// Tax-free part of it.
    pub tax_free: Money,
    /// When (unix s).
    pub cancelled_at: i64,
    /// Reason as sent.
    pub reason: String,
    /// Id also sent in cancel webhooks.
    pub cancellation_id: String,
    /// Cancel slip URL.
    pub receipt_url: String,
}

/// A payment (spec §6.1).
#[derive(Debug, Clone)]
pub struct Payment {
    /// Creation order, for sorting ties.
    pub seq: u64,
    /// `imp_` + 12 digits.
    pub imp_uid: String,
    /// Merchant order id (not unique).
    pub merchant_uid: String,
    /// `card`, `vbank`, `trans`, …
    pub pay_method: String,
    /// `pc`, `mobile` or `api`.
    pub channel: String,
    /// PG code.
    pub pg_provider: String,
    /// PG transaction id.
    pub pg_tid: String,
    /// PG MID.
    pub pg_id: String,
    /// Escrow payment.
    pub escrow: bool,
    /// Card approval number.
    pub apply_num: String,
    /// Card data (card payments).
    pub card: Option<CardInfo>,
    /// Installment months.
    pub card_quota: i64,
    /// Virtual account (vbank payments).
    pub vbank: Option<Vbank>,
    /// Order name.
    pub name: Option<String>,
    /// Ordered amount.
    pub amount: Money,
    /// Tax-free part of `amount`.
    pub tax_free: Money,
    /// Cancelled so far.
    pub cancel_amount: Money,
    /// `KRW`, `USD`, …
    pub currency: String,
    /// Buyer fields.
    pub buyer: Buyer,
    /// Merchant data (JSON text).
    pub custom_data: Option<String>,
    /// Buyer's user agent.
    pub user_agent: String,
    /// `ready`, `paid`, `cancelled`, `failed`.
    pub status: String,
    /// Unix seconds, 0 when not happened.
    pub started_at: i64,
    /// Unix seconds, 0 when not happened.
    pub paid_at: i64,
    /// Unix seconds, 0 when not happened.
    pub failed_at: i64,
    /// Unix seconds, 0 when not happened (the last cancel).
    pub cancelled_at: i64,
    /// Why it failed.
    pub fail_reason: Option<String>,
    /// Reason of the last cancel.
    pub cancel_reason: Option<String>,
    /// Sales slip URL.
    pub receipt_url: String,
    /// One entry per cancel.
    pub cancel_history: Vec<CancelEntry>,
    /// A cash receipt was issued for it.
    pub cash_receipt_issued: bool,
    /// Billing key used or issued.
    pub customer_uid: Option<String>,
    /// `issue`, `payment`, `payment.scheduled` or none.
    pub customer_uid_usage: Option<String>,
}

impl Payment {
    /// What can still be cancelled.
    pub fn remaining(&self) -> Money {
        self.amount - self.cancel_amount
    }

    /// Tax-free part that can still be cancelled.
    pub fn remaining_tax_free(&self) -> Money {
        self.tax_free
            - self
                .cancel_history
                .iter()
                .fold(Money::ZERO, |a, c| a + c.tax_free)
    }

    /// The latest of its timestamps (`sorting=updated`).
    pub fn updated_at(&self) -> i64 {
        [
            self.started_at,
            self.paid_at,
            self.failed_at,
            self.cancelled_at,
        ]
        .into_iter()
        .max()
        .unwrap_or(0)
    }

    /// The time `payments/status/{status}` filters on (§5.1 #6).
    pub fn status_time(&self) -> i64 {
        match self.status.as_str() {
            "paid" => self.paid_at,
            "cancelled" => self.cancelled_at,
            "failed" => self.failed_at,
            _ => self.started_at,
        }
    }

    /// Marks the payment paid now: card approval data, `paid_at`.
    pub fn mark_paid(&mut self, now: i64) {
        self.status = "paid".into();
        self.paid_at = now;
    }

    /// Marks the payment failed now with a reason.
    pub fn mark_failed(&mut self, now: i64, reason: &str) {
        self.status = "failed".into();
        self.failed_at = now;
        self.fail_reason = Some(reason.into());
        self.apply_num = String::new();
    }

    /// Records a cancel of `amount` (the caller checked it fits).
    pub fn apply_cancel(
        &mut self,
        base_url: &str,
        now: i64,
        amount: Money,
        tax_free: Money,
        reason: &str,
    ) -> &CancelEntry {
        let id = hex_id(8);
        self.cancel_amount = self.cancel_amount + amount;
        self.cancelled_at = now;
        self.cancel_reason = Some(reason.to_string());
        if self.remaining().is_zero() {
            self.status = "cancelled".into();
        }
        let entry = CancelEntry {
            pg_tid: format!("sandbox_cancel_{id}"),
            amount,
            tax_free,
            cancelled_at: now,
            reason: reason.to_string(),
            cancellation_id: format!("cancel_{}", hex_id(10)),
            receipt_url: format!("{base_url}/iamport-receipt/{}/cancel/{id}", self.imp_uid),
        };
        self.cancel_history.push(entry);
        &self.cancel_history[self.cancel_history.len() - 1]
    }

    /// The Payment JSON of spec §6.1.
    pub fn to_json(&self) -> Value {
        let mut m = serde_json::Map::new();
        let card = self.card.as_ref();
        let vbank = self.vbank.as_ref();
        let nz = |s: &str| (!s.is_empty()).then(|| s.to_string());
        m.insert("imp_uid".into(), json!(self.imp_uid));
        m.insert("merchant_uid".into(), json!(self.merchant_uid));
        m.insert("pay_method".into(), json!(self.pay_method));
        m.insert("channel".into(), json!(self.channel));
        m.insert("pg_provider".into(), json!(self.pg_provider));
        m.insert("emb_pg_provider".into(), Value::Null);
        m.insert("pg_tid".into(), json!(self.pg_tid));
        m.insert("pg_id".into(), json!(self.pg_id));
        m.insert("sandbox".into(), json!(true));
        m.insert("escrow".into(), json!(self.escrow));
        m.insert("apply_num".into(), json!(nz(&self.apply_num)));
        m.insert("bank_code".into(), Value::Null);
        m.insert("bank_name".into(), Value::Null);
        m.insert("card_code".into(), json!(card.map(|c| &c.code)));
        m.insert("card_name".into(), json!(card.map(|c| &c.name)));
        for k in [
            "card_issuer_code",
            "card_issuer_name",
            "card_publisher_code",
            "card_publisher_name",
        ] {
            m.insert(k.into(), Value::Null);
        }
        m.insert("card_quota".into(), json!(self.card_quota));
        m.insert("card_number".into(), json!(card.map(|c| &c.number)));
        m.insert("card_type".into(), json!(card.map(|c| c.card_type)));
        m.insert("vbank_code".into(), json!(vbank.map(|v| &v.code)));
        m.insert("vbank_name".into(), json!(vbank.map(|v| &v.name)));
        m.insert("vbank_num".into(), json!(vbank.map(|v| &v.num)));
        m.insert("vbank_holder".into(), json!(vbank.map(|v| &v.holder)));
        m.insert("vbank_date".into(), json!(vbank.map_or(0, |v| v.date)));
        m.insert(
            "vbank_issued_at".into(),
            json!(vbank.map_or(0, |v| v.issued_at)),
        );
        m.insert("name".into(), json!(self.name));
        m.insert("amount".into(), self.amount.to_json());
        m.insert("cancel_amount".into(), self.cancel_amount.to_json());
        m.insert("currency".into(), json!(self.currency));
        self.buyer.write(&mut m, "buyer_");
        m.insert("custom_data".into(), json!(self.custom_data));
        m.insert("user_agent".into(), json!(self.user_agent));
        m.insert("status".into(), json!(self.status));
        m.insert("started_at".into(), json!(self.started_at));
        m.insert("paid_at".into(), json!(self.paid_at));
        m.insert("failed_at".into(), json!(self.failed_at));
        m.insert("cancelled_at".into(), json!(self.cancelled_at));
        m.insert("fail_reason".into(), json!(self.fail_reason));
        m.insert("cancel_reason".into(), json!(self.cancel_reason));
        m.insert("receipt_url".into(), json!(self.receipt_url));
        let history: Vec<Value> = self
            .cancel_history
            .iter()
            .map(|c| {
                json!({
                    "pg_tid": c.pg_tid,
                    "amount": c.amount.to_json(),
                    "cancelled_at": c.cancelled_at,
                    "reason": c.reason,
                    "cancellation_id": c.cancellation_id,
                    "receipt_url": c.receipt_url,
                })
            })
            .collect();
        let urls: Vec<&str> = self
            .cancel_history
            .iter()
            .map(|c| c.receipt_url.as_str())
            .collect();
        m.insert("cancel_history".into(), Value::Array(history));
        m.insert("cancel_receipt_urls".into(), json!(urls));
        m.insert("deposit_history".into(), json!([]));
        m.insert(
            "cash_receipt_issued".into(),
            json!(self.cash_receipt_issued),
        );
        m.insert("customer_uid".into(), json!(self.customer_uid));
        m.insert("customer_uid_usage".into(), json!(self.customer_uid_usage));
        m.insert("promotion".into(), Value::Null);
        Value::Object(m)
    }

    /// The webhook body iamport would send now (§7.1).
    pub fn webhook_json(&self) -> Value {
        let mut v = json!({
            "imp_uid": self.imp_uid,
            "merchant_uid": self.merchant_uid,
            "status": self.status,
        });
        if self.status == "cancelled" {
            if let Some(last) = self.cancel_history.last() {
                v["cancellation_id"] = json!(last.cancellation_id);
            }
        }
        v
    }
}

/// `{pg}` or `{pg}.{MID}` → (provider, MID), with a default MID per PG.
pub fn pg_route(pg: Option<&str>, default_pg: &str) -> (String, String) {
    let pg = pg.filter(|p| !p.is_empty()).unwrap_or(default_pg);
    let (provider, mid) = match pg.split_once('.') {
        Some((p, m)) => (p.to_string(), m.to_string()),
        None => (pg.to_string(), String::new()),
    };
    let mid = if mid.is_empty() {
        match provider.as_str() {
            "html5_inicis" | "inicis" => "INIpayTest".into(),
            "nice" | "nice_v2" => "nictest04m".into(),
            "kcp" | "kcp_billing" => "T0000".into(),
            _ => "iamport00m".into(),
        }
    } else {
        mid
    };
    (provider, mid)
}

/// A fresh PG transaction id.
pub fn new_pg_tid() -> String {
    format!("sandbox_{}", hex_id(10))
}

/// A fresh card approval number.
pub fn new_apply_num() -> String {
    digits(8)
}

/// A billing key (spec §6.2 Customer).
#[derive(Debug, Clone)]
pub struct Customer {
    /// Merchant-chosen id.
    pub customer_uid: String,
    /// PG it was issued on.
    pub pg_provider: String,
    /// PG MID.
    pub pg_id: String,
    /// tosspayments customer id.
    pub customer_id: Option<String>,
    /// The card.
    pub card: CardInfo,
    /// `customer_*` fields.
    pub contact: Buyer,
    /// First issue (unix s).
    pub inserted: i64,
    /// Last re-issue (unix s).
    pub updated: i64,
}

impl Customer {
    /// The Customer JSON.
    pub fn to_json(&self) -> Value {
        let mut m = serde_json::Map::new();
        m.insert("customer_uid".into(), json!(self.customer_uid));
        m.insert("pg_provider".into(), json!(self.pg_provider));
        m.insert("pg_id".into(), json!(self.pg_id));
        m.insert("sandbox".into(), json!(true));
        m.insert("customer_id".into(), json!(self.customer_id));
        m.insert("card_name".into(), json!(self.card.name));
        m.insert("card_code".into(), json!(self.card.code));
        for k in [
            "card_issuer_code",
            "card_issuer_name",
            "card_publisher_code",
            "card_publisher_name",
        ] {
            m.insert(k.into(), Value::Null);
        }
        m.insert("card_number".into(), json!(self.card.number));
        m.insert("card_type".into(), json!(self.card.card_type));
        self.contact.write(&mut m, "customer_");
        m.insert("inserted".into(), json!(self.inserted));
        m.insert("updated".into(), json!(self.updated));
        Value::Object(m)
    }
}

/// A scheduled payment (spec §6.2 ScheduleResult).
#[derive(Debug, Clone)]
pub struct Schedule {
    /// Billing key.
    pub customer_uid: String,
    /// Merchant order id of the charge.
    pub merchant_uid: String,
    /// Set once executed.
    pub imp_uid: Option<String>,
    /// PG of the key.
    pub pg_provider: String,
    /// MID of the key.
    pub pg_id: String,
    /// tosspayments customer id.
    pub customer_id: Option<String>,
    /// When to charge (unix s).
    pub schedule_at: i64,
    /// When it ran (0 = not yet).
    pub executed_at: i64,
    /// When it was revoked (0 = not).
    pub revoked_at: i64,
    /// Amount.
    pub amount: Money,
    /// Tax-free part.
    pub tax_free: Money,
    /// Currency.
    pub currency: String,
    /// Order name.
    pub name: Option<String>,
    /// Buyer (falls back to the key's contact at execution).
    pub buyer: Buyer,
    /// Merchant data.
    pub custom_data: Option<String>,
    /// `scheduled`, `executed`, `revoked`.
    pub schedule_status: String,
    /// `paid`, `failed`, `cancelled` once executed.
    pub payment_status: Option<String>,
    /// Why the charge failed.
    pub fail_reason: Option<String>,
    /// Promotion id as sent.
    pub promotion_id: Option<String>,
}

impl Schedule {
    /// The ScheduleResult JSON.
    pub fn to_json(&self) -> Value {
        let mut m = serde_json::Map::new();
        m.insert("customer_uid".into(), json!(self.customer_uid));
        m.insert("merchant_uid".into(), json!(self.merchant_uid));
        m.insert("imp_uid".into(), json!(self.imp_uid));
        m.insert("pg_provider".into(), json!(self.pg_provider));
        m.insert("pg_id".into(), json!(self.pg_id));
        m.insert("customer_id".into(), json!(self.customer_id));
        m.insert("schedule_at".into(), json!(self.schedule_at));
        m.insert("executed_at".into(), json!(self.executed_at));
        m.insert("revoked_at".into(), json!(self.revoked_at));
        m.insert("amount".into(), self.amount.to_json());
        m.insert("currency".into(), json!(self.currency));
        m.insert("name".into(), json!(self.name));
        self.buyer.write(&mut m, "buyer_");
        m.insert("custom_data".into(), json!(self.custom_data));
        m.insert("schedule_status".into(), json!(self.schedule_status));
        m.insert("payment_status".into(), json!(self.payment_status));
        m.insert("fail_reason".into(), json!(self.fail_reason));
        m.insert("promotion_id".into(), json!(self.promotion_id));
        Value::Object(m)
    }
}

/// A cash receipt, on a payment (`imp_uid`) or for an outside sale (`merchant_uid`).
#[derive(Debug, Clone)]
pub struct CashReceipt {
    /// `("imp_uid", id)` or `("merchant_uid", id)`.
    pub key: (&'static str, String),
    /// PG receipt id.
    pub receipt_tid: String,
    /// NTS approval number.
    pub apply_num: String,
    /// `person` or `company`.
    pub kind: String,
    /// Amount.
    pub amount: Money,
    /// VAT.
    pub vat: Money,
    /// Receipt page.
    pub receipt_url: String,
    /// Issued (unix s).
    pub applied_at: i64,
    /// Revoked (unix s, 0 = live).
    pub cancelled_at: i64,
}

impl CashReceipt {
    /// The Receipt / ExternalReceipt JSON.
    pub fn to_json(&self) -> Value {
        json!({
            self.key.0: self.key.1,
            "receipt_tid": self.receipt_tid,
            "apply_num": self.apply_num,
            "type": self.kind,
            "amount": self.amount.to_json(),
            "vat": self.vat.to_json(),
            "receipt_url": self.receipt_url,
            "applied_at": self.applied_at,
            "cancelled_at": self.cancelled_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_exact_and_renders_integers_as_integers() {
        let a = Money::from_json(&json!(10.5)).unwrap_or_default();
        let b = Money::from_json(&json!("0.2")).unwrap_or_default();
        assert_eq!((a - b).to_json(), json!(10.3));
        assert_eq!(
            Money::from_json(&json!(1000)).map(Money::to_json),
            Some(json!(1000))
        );
        assert_eq!((a + a).to_json(), json!(21));
        assert_eq!(Money::whole(11_000).vat_of(Money::ZERO), Money::whole(1000));
    }

    #[test]
    fn declines() {
        assert!(card_declined("4000-0000-0000-0000"));
        assert!(!card_declined("4092-0230-1234-5678"));
        assert!(card_declined("1234"));
    }
}
