//! The objects the sandbox keeps (receipts, billing keys, reservations, certificates) and
//! how each renders as the JSON of spec §6.
//!
//! Objects are stored typed and rendered on every read, so a lookup always reflects the
//! latest state (cancellations, escrow, cash receipts) without patching stored JSON.

use rand::Rng;
use serde_json::{json, Map, Value};

use crate::clock::{format_time, Time};

/// `company_name` of every receipt.
pub const COMPANY_NAME: &str = "paywire sandbox";
/// Card number used when a receipt is created without one (admin receipts).
pub const DEFAULT_CARD_NO: &str = "5365101234561234";

/// Random lowercase hex of `bytes` bytes: 12 bytes make Bootpay's 24-char ObjectId-like ids.
pub fn hex_id(bytes: usize) -> String {
    let mut rng = rand::rng();
    (0..bytes)
        .map(|_| format!("{:02x}", rng.random::<u8>()))
        .collect()
}

/// Random decimal digits, for approval and account numbers.
pub fn digits(count: usize) -> String {
    let mut rng = rand::rng();
    (0..count)
        .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
        .collect()
}

/// Masks a card number as Bootpay does: first and last four digits kept.
pub fn mask_card(card_no: &str) -> String {
    let clean: Vec<char> = card_no.chars().filter(char::is_ascii_digit).collect();
    if clean.len() <= 8 {
        return "*".repeat(clean.len());
    }
    let head: String = clean[..4].iter().collect();
    let tail: String = clean[clean.len() - 4..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(clean.len() - 8))
}

/// The Korean label Bootpay puts in `status_locale`.
pub fn status_locale(status: i64) -> &'static str {
    match status {
        0 => "결제대기",
        1 => "결제완료",
        2 => "승인대기",
        5 => "가상계좌 발급완료",
        11 => "빌링키발급완료",
        12 => "본인인증완료",
        20 => "결제취소완료",
        41 => "출금동의완료",
        _ => "알수없음",
    }
}

/// The English symbol of a method, accepting the Korean names SDK examples use.
pub fn method_symbol(method: &str) -> String {
    match method {
        "카드" => "card",
        "가상계좌" => "vbank",
        "계좌이체" => "bank",
        "휴대폰" => "phone",
        "카드자동" | "카드자동결제" => "card_rebill",
        "계좌자동" | "계좌자동결제" => "bank_rebill",
        "현금영수증" => "cash_receipt",
        "본인인증" => "auth",
        other => other,
    }
    .to_string()
}

/// Card details shown in `card_data` and, masked, in a billing key's `billing_data`.
#[derive(Debug, Clone)]
pub struct Card {
    /// Already masked.
    pub card_no: String,
    /// Korean issuer name.
    pub company: String,
    /// Issuer code.
    pub company_code: String,
}

impl Card {
    /// A 신한 card with the given number (masked here).
    pub fn new(card_no: &str) -> Self {
        Card {
            card_no: mask_card(card_no),
            company: "신한".into(),
            company_code: "04".into(),
        }
    }
}

/// A payment as Bootpay stores it (spec §6.1).
#[derive(Debug, Clone)]
pub struct Receipt {
    /// 24 hex chars.
    pub receipt_id: String,
    /// Merchant order id.
    pub order_id: String,
    /// Merchant order name.
    pub order_name: String,
    /// Amount in KRW.
    pub price: i64,
    /// Tax-free part of `price`.
    pub tax_free: i64,
    /// Cumulative cancelled amount.
    pub cancelled_price: i64,
    /// Cumulative cancelled tax-free amount.
    pub cancelled_tax_free: i64,
    /// PG name as sent.
    pub pg: String,
    /// Method as sent.
    pub method: String,
    /// Method the payment really went through (differs for billing payments).
    pub method_origin: String,
    /// Echo of the request's metadata.
    pub metadata: Value,
    /// Buyer data, shown with `lookup_user_data=true`.
    pub user: Option<Value>,
    /// Spec §7.1.
    pub status: i64,
    /// When it was requested.
    pub requested_at: Time,
    /// When it was paid.
    pub purchased_at: Option<Time>,
    /// When it was (last) cancelled.
    pub cancelled_at: Option<Time>,
    /// Base URL of the sandbox, for `receipt_url` and `gateway_url`.
    pub base_url: String,
    /// Card payments only.
    pub card: Option<Card>,
    /// PG transaction id of the card payment.
    pub card_tid: String,
    /// Approval number of the card payment.
    pub card_approve_no: String,
    /// Installment months as sent, `"00"` by default.
    pub card_quota: String,
    /// Virtual-account data (`vbank_data`).
    pub vbank: Option<Value>,
    /// `escrow_data` after shipping started.
    pub escrow: Option<Value>,
    /// `cash_receipt_data` after a cash receipt.
    pub cash_receipt: Option<Value>,
    /// Sandbox extra: one entry per cancel.
    pub cancel_history: Vec<Value>,
    /// Extra top-level fields for receipt-like objects (automatic transfer requests).
    pub extra_fields: Map<String, Value>,
}

impl Receipt {
    /// A fresh receipt in status 0; callers set the status and payment data.
    pub fn new(base_url: &str, now: Time, order_id: String, order_name: String) -> Self {
        Receipt {
            receipt_id: hex_id(12),
            order_id,
            order_name,
            price: 0,
            tax_free: 0,
            cancelled_price: 0,
            cancelled_tax_free: 0,
            pg: "nicepay".into(),
            method: "card".into(),
            method_origin: "card".into(),
            metadata: json!({}),
            user: None,
            status: 0,
            requested_at: now,
            purchased_at: None,
            cancelled_at: None,
            base_url: base_url.to_string(),
            card: None,
            card_tid: format!("sandbox-{}", hex_id(8)),
            card_approve_no: digits(8),
            card_quota: "00".into(),
            vbank: None,
            escrow: None,
            cash_receipt: None,
            cancel_history: Vec::new(),
            extra_fields: Map::new(),
        }
    }

    /// Amount that can still be cancelled.
    pub fn remaining_price(&self) -> i64 {
        self.price - self.cancelled_price
    }

    /// Tax-free amount that can still be cancelled.
    pub fn remaining_tax_free(&self) -> i64 {
        self.tax_free - self.cancelled_tax_free
    }

    /// Whether a cancel has already taken the whole amount.
    pub fn fully_cancelled(&self) -> bool {
        self.status == 20 && self.remaining_price() <= 0
    }

    /// Gives the receipt a virtual account (for `method: vbank`).
    pub fn attach_vbank(&mut self, username: &str) {
        self.vbank = Some(json!({
            "tid": format!("sandbox-{}", hex_id(8)),
            "bank_code": "088",
            "bank_name": "신한",
            "bank_username": username,
            "bank_account": format!("562{}", digits(9)),
            "expired_at": format_time(&(self.requested_at + chrono::TimeDelta::days(3))),
        }));
    }

    /// The Receipt JSON of spec §6.1; `with_user` adds the stored buyer (`lookup_user_data`).
    pub fn to_json(&self, with_user: bool) -> Value {
        let mut m = Map::new();
        m.insert("receipt_id".into(), json!(self.receipt_id));
        m.insert("order_id".into(), json!(self.order_id));
        m.insert("order_name".into(), json!(self.order_name));
        m.insert("price".into(), json!(self.price));
        m.insert("tax_free".into(), json!(self.tax_free));
        m.insert("cancelled_price".into(), json!(self.cancelled_price));
        m.insert("cancelled_tax_free".into(), json!(self.cancelled_tax_free));
        m.insert("company_name".into(), json!(COMPANY_NAME));
        m.insert(
            "gateway_url".into(),
            json!(format!("{}/gateway", self.base_url)),
        );
        m.insert("metadata".into(), self.metadata.clone());
        m.insert("sandbox".into(), json!(true));
        m.insert("pg".into(), json!(self.pg));
        m.insert("method".into(), json!(self.method));
        m.insert("method_symbol".into(), json!(method_symbol(&self.method)));
        m.insert("method_origin".into(), json!(self.method_origin));
        m.insert(
            "method_origin_symbol".into(),
            json!(method_symbol(&self.method_origin)),
        );
        if let Some(t) = &self.purchased_at {
            m.insert("purchased_at".into(), json!(format_time(t)));
        }
        m.insert(
            "requested_at".into(),
            json!(format_time(&self.requested_at)),
        );
        if let Some(t) = &self.cancelled_at {
            m.insert("cancelled_at".into(), json!(format_time(t)));
        }
        m.insert("status".into(), json!(self.status));
        m.insert("status_locale".into(), json!(status_locale(self.status)));
        m.insert(
            "receipt_url".into(),
            json!(format!("{}/receipt/{}", self.base_url, self.receipt_id)),
        );
        m.insert("currency".into(), json!("KRW"));
        if let Some(card) = &self.card {
            m.insert(
                "card_data".into(),
                json!({
                    "tid": self.card_tid,
                    "card_approve_no": self.card_approve_no,
                    "card_no": card.card_no,
                    "card_quota": self.card_quota,
                    "card_company_code": card.company_code,
                    "card_company": card.company,
                    "card_interest": "0",
                }),
            );
        }
        if let Some(v) = &self.vbank {
            m.insert("vbank_data".into(), v.clone());
        }
        if let Some(v) = &self.escrow {
            m.insert("escrow_data".into(), v.clone());
        }
        if let Some(v) = &self.cash_receipt {
            m.insert("cash_receipt_data".into(), v.clone());
        }
        if !self.cancel_history.is_empty() {
            m.insert("cancel_history".into(), json!(self.cancel_history));
        }
        for (k, v) in &self.extra_fields {
            m.insert(k.clone(), v.clone());
        }
        if with_user {
            m.insert(
                "user".into(),
                self.user.clone().unwrap_or_else(|| json!({})),
            );
        }
        Value::Object(m)
    }

    /// The webhook Bootpay would send now: the receipt plus `webhook_type` where one applies.
    pub fn webhook_json(&self) -> Value {
        let mut v = self.to_json(false);
        let kind = match self.status {
            1 => Some("PAYMENT_COMPLETED"),
            5 => Some("PAYMENT_VIRTUAL_ACCOUNT_ISSUED"),
            20 if self.cancelled_price >= self.price => Some("PAYMENT_CANCELLED"),
            20 => Some("PAYMENT_PARTIAL_CANCELLED"),
            _ => None,
        };
        if let (Some(kind), Some(m)) = (kind, v.as_object_mut()) {
            m.insert("webhook_type".into(), json!(kind));
        }
        v
    }
}

/// A billing key (spec §6.4).
#[derive(Debug, Clone)]
pub struct BillingKey {
    /// 24 hex chars.
    pub billing_key: String,
    /// The receipt it was issued with.
    pub receipt_id: String,
    /// Merchant's registration id.
    pub subscription_id: String,
    /// PG name as sent.
    pub pg: String,
    /// `card_rebill` or `bank_rebill`.
    pub method: String,
    /// The card, for card keys (charges reuse it).
    pub card: Option<Card>,
    /// `billing_data` as rendered.
    pub billing_data: Value,
    /// Echo of the request's metadata.
    pub metadata: Value,
    /// The user the key was issued for, if any (sequential lookup checks its `id`).
    pub user: Option<Value>,
    /// When it was requested.
    pub requested_at: Time,
    /// When it was issued.
    pub published_at: Time,
    /// When it stops working.
    pub expire_at: Time,
    /// The wallet a card key is saved as for its user (`GET wallet`): 24 hex chars.
    pub wallet_id: String,
    /// When it was last charged (a wallet's `latest_purchased_at`).
    pub last_charged_at: Option<Time>,
}

impl BillingKey {
    /// The `user.id` the key was issued for, if any (numbers as their text).
    pub fn owner(&self) -> Option<String> {
        match self.user.as_ref()?.get("id")? {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            other => Some(other.to_string()),
        }
    }

    /// BillingKey JSON with its issue receipt as `receipt_data`.
    pub fn to_json(&self, receipt: Option<&Receipt>) -> Value {
        json!({
            "billing_key": self.billing_key,
            "billing_data": self.billing_data,
            "receipt_id": self.receipt_id,
            "subscription_id": self.subscription_id,
            "gateway_url": receipt.map(|r| format!("{}/gateway", r.base_url)),
            "metadata": self.metadata,
            "pg": self.pg,
            "method": self.method,
            "method_symbol": self.method,
            "method_origin": self.method,
            "method_origin_symbol": self.method,
            "published_at": format_time(&self.published_at),
            "requested_at": format_time(&self.requested_at),
            "billing_expire_at": format_time(&self.expire_at),
            "status": 11,
            "status_locale": status_locale(11),
            "receipt_data": receipt.map(|r| r.to_json(false)),
        })
    }
}

/// Reservation states of `Reserve.status`.
pub mod reserve_status {
    /// Waiting for its time.
    pub const RESERVED: i64 = 1;
    /// Charged.
    pub const EXECUTED: i64 = 2;
    /// Cancelled by the merchant.
    pub const CANCELLED: i64 = 3;
    /// Its time came but the charge failed (key destroyed, or under 100 KRW).
    pub const FAILED: i64 = 4;
}

/// A scheduled billing-key payment (spec §6.6).
#[derive(Debug, Clone)]
pub struct Reservation {
    /// 24 hex chars.
    pub reserve_id: String,
    /// Key to charge.
    pub billing_key: String,
    /// Order id of the future receipt.
    pub order_id: String,
    /// Order name of the future receipt.
    pub order_name: String,
    /// Amount to charge.
    pub price: i64,
    /// Tax-free part.
    pub tax_free: i64,
    /// Buyer.
    pub user: Value,
    /// Echoed metadata.
    pub metadata: Value,
    /// Items as sent.
    pub items: Value,
    /// Webhook URL as sent.
    pub feedback_url: String,
    /// Webhook content type as sent.
    pub content_type: String,
    /// See [`reserve_status`].
    pub status: i64,
    /// When it was requested.
    pub requested_at: Time,
    /// When it should run.
    pub execute_at: Time,
    /// When it ran.
    pub finished_at: Option<Time>,
    /// When it was cancelled.
    pub revoked_at: Option<Time>,
    /// Receipt of the charge, once executed.
    pub receipt_id: Option<String>,
}

impl Reservation {
    /// Reserve JSON of spec §6.6.
    pub fn to_json(&self) -> Value {
        let mut v = json!({
            "reserve_id": self.reserve_id,
            "billing_key": self.billing_key,
            "order_id": self.order_id,
            "order_name": self.order_name,
            "price": self.price,
            "tax_free": self.tax_free,
            "user": self.user,
            "metadata": self.metadata,
            "items": self.items,
            "feedback_url": self.feedback_url,
            "content_type": self.content_type,
            "version": 2,
            "extra": {},
            "status": self.status,
            "reserve_requested_at": format_time(&self.requested_at),
            "reserve_execute_at": format_time(&self.execute_at),
        });
        if let Some(m) = v.as_object_mut() {
            if let Some(t) = &self.finished_at {
                m.insert("reserve_started_at".into(), json!(format_time(t)));
                m.insert("reserve_finished_at".into(), json!(format_time(t)));
            }
            if let Some(t) = &self.revoked_at {
                m.insert("reserve_revoked_at".into(), json!(format_time(t)));
            }
            if let Some(id) = &self.receipt_id {
                m.insert("receipt_id".into(), json!(id));
            }
        }
        v
    }
}

/// A REST identity authentication (spec §6.3).
#[derive(Debug, Clone)]
pub struct Authentication {
    /// 24 hex chars.
    pub receipt_id: String,
    /// The merchant's `authentication_id`.
    pub authenticate_id: String,
    /// PG as sent.
    pub pg: String,
    /// Method as sent (`sms`, `pass`).
    pub method: String,
    /// Person's name.
    pub username: String,
    /// `YYMMDD` plus maybe the gender digit.
    pub identity_no: String,
    /// Phone carrier.
    pub carrier: String,
    /// Phone number.
    pub phone: String,
    /// 0 waiting, 12 done.
    pub status: i64,
    /// When it was requested.
    pub requested_at: Time,
    /// When the OTP was confirmed.
    pub authenticated_at: Option<Time>,
    /// SMS resends.
    pub realarms: u32,
    /// PG transaction id.
    pub tid: String,
}

impl Authentication {
    /// Certificate JSON; personal data appears once the OTP is confirmed.
    pub fn to_json(&self) -> Value {
        let mut data = json!({ "tid": self.tid, "number_of_realarms": self.realarms });
        if self.status == 12 {
            if let Some(m) = data.as_object_mut() {
                m.insert("name".into(), json!(self.username));
                m.insert("phone".into(), json!(self.phone));
                m.insert("birth".into(), json!(self.birth()));
                m.insert("unique".into(), json!(self.unique()));
                m.insert("gender".into(), json!(self.gender()));
                m.insert("foreigner".into(), json!(0));
                m.insert("carrier".into(), json!(self.carrier));
            }
        }
        json!({
            "receipt_id": self.receipt_id,
            "authenticate_id": self.authenticate_id,
            "pg": self.pg,
            "method": self.method,
            "method_origin": self.method,
            "method_origin_symbol": self.method,
            "authenticated_at": self.authenticated_at.as_ref().map(format_time),
            "requested_at": format_time(&self.requested_at),
            "status": self.status,
            "status_locale": if self.status == 12 { "본인인증완료" } else { "인증대기" },
            "authenticate_data": data,
        })
    }

    /// Century digit of a Korean RRN: 1/2/5/6 born in the 1900s, 3/4/7/8 in the 2000s.
    fn gender_digit(&self) -> Option<u32> {
        self.identity_no.chars().nth(6).and_then(|c| c.to_digit(10))
    }

    fn birth(&self) -> String {
        let yymmdd: String = self.identity_no.chars().take(6).collect();
        let century = match self.gender_digit() {
            Some(3 | 4 | 7 | 8) => "20",
            Some(_) => "19",
            None if yymmdd.get(..2).is_some_and(|yy| yy < "30") => "20",
            None => "19",
        };
        format!("{century}{yymmdd}")
    }

    fn gender(&self) -> i64 {
        match self.gender_digit() {
            Some(d) if d % 2 == 0 => 0,
            _ => 1,
        }
    }

    /// A stable fake CI: the same person always gets the same value, as with a real CI.
    fn unique(&self) -> String {
        use base64::Engine;
        let seed = format!("{}|{}|{}", self.username, self.birth(), self.phone);
        let mut bytes = Vec::with_capacity(64);
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for round in 0u8..8 {
            for b in seed.bytes().chain([round]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            bytes.extend_from_slice(&h.to_be_bytes());
        }
        base64::engine::general_purpose::STANDARD.encode(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_like_bootpay() {
        assert_eq!(mask_card("5365101234561234"), "5365********1234");
        assert_eq!(mask_card("376512345671234"), "3765*******1234");
    }

    #[test]
    fn ids_are_24_hex() {
        let id = hex_id(12);
        assert_eq!(id.len(), 24);
        assert!(id
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }
}
