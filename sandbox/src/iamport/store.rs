//! The iamport part of the sandbox's state, and the shared steps several endpoints take on
//! it (new payments, look-ups by merchant_uid, card charges on a billing key).
//!
//! It lives inside [`crate::state::State`] behind the sandbox's one mutex, so a charge that
//! creates a payment and moves a schedule is atomic.

use std::collections::HashMap;

use serde_json::{json, Value};

use super::model::{
    minimum_charge, new_apply_num, new_pg_tid, Buyer, CardInfo, CashReceipt, Customer, Money,
    Payment, Schedule, AMOUNT_FAIL_REASON,
};
use crate::clock::Time;
use crate::model::digits;
use crate::state::State;

/// An amount registered with `payments/prepare`.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The amount a payment for this merchant_uid must have.
    pub amount: Money,
    /// The currency it must have, when registered with one.
    pub currency: Option<String>,
}

/// Everything the sandbox knows on the iamport side.
#[derive(Debug, Default)]
pub struct IamportState {
    /// Issued access tokens and when each expires.
    pub tokens: HashMap<String, Time>,
    /// The token `users/getToken` hands out again until it expires.
    pub current_token: Option<String>,
    /// Payments by imp_uid.
    pub payments: HashMap<String, Payment>,
    /// Creation counter of payments.
    pub next_seq: u64,
    /// Pre-registered amounts by merchant_uid.
    pub prepared: HashMap<String, Prepared>,
    /// Billing keys by customer_uid.
    pub customers: HashMap<String, Customer>,
    /// Schedules by merchant_uid.
    pub schedules: HashMap<String, Schedule>,
    /// Earliest `schedule_at` still scheduled, so the per-request check is one compare.
    pub next_schedule_due: Option<i64>,
    /// Certifications by imp_uid (rendered JSON; `certified` false until the OTP is confirmed).
    pub certifications: HashMap<String, Value>,
    /// Escrow shipping registrations by imp_uid.
    pub escrows: HashMap<String, Value>,
    /// Cash receipts by imp_uid.
    pub receipts: HashMap<String, CashReceipt>,
    /// Cash receipts of outside sales by merchant_uid.
    pub external_receipts: HashMap<String, CashReceipt>,
}

/// A card charge to make (onetime, again, schedule execution, retry).
#[derive(Debug, Clone)]
pub struct Charge {
    /// Merchant order id.
    pub merchant_uid: String,
    /// Amount.
    pub amount: Money,
    /// Tax-free part.
    pub tax_free: Money,
    /// Currency.
    pub currency: String,
    /// Order name.
    pub name: Option<String>,
    /// Buyer.
    pub buyer: Buyer,
    /// Merchant data.
    pub custom_data: Option<String>,
    /// Installment months.
    pub card_quota: i64,
    /// The card.
    pub card: CardInfo,
    /// PG.
    pub pg_provider: String,
    /// MID.
    pub pg_id: String,
    /// Billing key used or issued.
    pub customer_uid: Option<String>,
    /// `issue`, `payment`, `payment.scheduled`.
    pub usage: Option<&'static str>,
}

impl IamportState {
    fn new_imp_uid(&self) -> String {
        loop {
            let id = format!("imp_{}", digits(12));
            if !self.payments.contains_key(&id) && !self.certifications.contains_key(&id) {
                return id;
            }
        }
    }

    /// A new `ready` payment (not stored) with the sandbox's defaults: card through
    /// `html5_inicis` on the `api` channel, started now.
    pub fn new_payment(
        &mut self,
        base_url: &str,
        now: i64,
        merchant_uid: &str,
        amount: Money,
    ) -> Payment {
        let imp_uid = self.new_imp_uid();
        self.next_seq += 1;
        Payment {
            seq: self.next_seq,
            receipt_url: format!("{base_url}/iamport-receipt/{imp_uid}"),
            imp_uid,
            merchant_uid: merchant_uid.to_string(),
            pay_method: "card".into(),
            channel: "api".into(),
            pg_provider: "html5_inicis".into(),
            pg_tid: new_pg_tid(),
            pg_id: "INIpayTest".into(),
            escrow: false,
            apply_num: String::new(),
            card: None,
            card_quota: 0,
            vbank: None,
            name: None,
            amount,
            tax_free: Money::ZERO,
            cancel_amount: Money::ZERO,
            currency: "KRW".into(),
            buyer: Buyer::default(),
            custom_data: None,
            user_agent: "sorry_not_supported".into(),
            status: "ready".into(),
            started_at: now,
            paid_at: 0,
            failed_at: 0,
            cancelled_at: 0,
            fail_reason: None,
            cancel_reason: None,
            cancel_history: Vec::new(),
            cash_receipt_issued: false,
            customer_uid: None,
            customer_uid_usage: None,
        }
    }

    /// Stores a payment; answers its JSON.
    pub fn insert(&mut self, payment: Payment) -> Value {
        let json = payment.to_json();
        self.payments.insert(payment.imp_uid.clone(), payment);
        json
    }

    /// Payments with this merchant_uid (and status, unless `None`/`all`), newest first.
    pub fn by_merchant(&self, merchant_uid: &str, status: Option<&str>) -> Vec<&Payment> {
        let mut found: Vec<&Payment> = self
            .payments
            .values()
            .filter(|p| p.merchant_uid == merchant_uid)
            .filter(|p| status.is_none_or(|s| s == "all" || p.status == s))
            .collect();
        found.sort_by_key(|p| std::cmp::Reverse(p.seq));
        found
    }

    /// Whether a paid payment already carries this merchant_uid.
    pub fn merchant_paid(&self, merchant_uid: &str) -> bool {
        !self.by_merchant(merchant_uid, Some("paid")).is_empty()
    }

    /// Makes a card charge: paid, or failed when under the PG's minimum (stored either way).
    pub fn charge(&mut self, base_url: &str, now: i64, c: Charge) -> Payment {
        let mut p = self.new_payment(base_url, now, &c.merchant_uid, c.amount);
        p.tax_free = c.tax_free;
        p.currency = c.currency.clone();
        p.name = c.name;
        p.buyer = c.buyer;
        p.custom_data = c.custom_data;
        p.card_quota = c.card_quota;
        p.card = Some(c.card);
        p.pg_provider = c.pg_provider;
        p.pg_id = c.pg_id;
        p.customer_uid = c.customer_uid;
        p.customer_uid_usage = c.usage.map(str::to_string);
        if c.amount < minimum_charge(&c.currency) {
            p.mark_failed(now, AMOUNT_FAIL_REASON);
        } else {
            p.apply_num = new_apply_num();
            p.mark_paid(now);
        }
        self.payments.insert(p.imp_uid.clone(), p.clone());
        p
    }

    /// Recomputes the earliest pending schedule time.
    pub fn refresh_next_due(&mut self) {
        self.next_schedule_due = self
            .schedules
            .values()
            .filter(|s| s.schedule_status == "scheduled")
            .map(|s| s.schedule_at)
            .min();
    }
}

impl Prepared {
    /// The Prepare JSON.
    pub fn to_json(&self, merchant_uid: &str) -> Value {
        json!({
            "merchant_uid": merchant_uid,
            "amount": self.amount.to_json(),
            "currency": self.currency,
        })
    }
}

impl State {
    /// The iamport state, the base URL and now (unix s), borrowed together.
    pub fn iam(&mut self) -> (&mut IamportState, &str, i64) {
        let now = self.now().timestamp();
        (&mut self.iamport, &self.base_url, now)
    }
}
