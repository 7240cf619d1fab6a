//! iamport response records, mirroring `paywire::iamport`'s models field for field.
//!
//! Conventions: amounts are `f64` (iamport amounts are JSON numbers, fractional for non-KRW payments);
//! timestamps are unix seconds as `Option<i64>`, null when iamport sent 0 ("has not happened"); JSON that
//! paywire does not model crosses as JSON text in `extra_json`. Records holding a secret print it as
//! `***` in `toString()` / `description`.

use super::enums::{PaymentStatus, ScheduleStatus, VerifiedState};
use crate::models::map_json;
use crate::ops::all;
use paywire::iamport as core;

/// The token the client currently holds. `access_token` prints as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct IamportToken {
    /// The bearer token. Secret.
    pub access_token: String,
    /// Seconds it has left by the local clock (skew-corrected).
    pub expire_in: i64,
}

impl From<core::CurrentToken> for IamportToken {
    fn from(t: core::CurrentToken) -> Self {
        Self {
            access_token: t.access_token.expose().to_owned(),
            expire_in: t.expire_in,
        }
    }
}

/// One (partial) cancellation of a payment.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct PaymentCancel {
    /// PG cancel id.
    pub pg_tid: Option<String>,
    /// Amount cancelled.
    pub amount: f64,
    /// When (unix s).
    pub cancelled_at: Option<i64>,
    /// Reason.
    pub reason: Option<String>,
    /// Id of this cancellation (also in cancel webhooks).
    pub cancellation_id: Option<String>,
    /// Cancel slip URL.
    pub receipt_url: Option<String>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::PaymentCancel> for PaymentCancel {
    fn from(c: core::PaymentCancel) -> Self {
        Self {
            extra_json: map_json(&c.extra),
            pg_tid: c.pg_tid,
            amount: c.amount,
            cancelled_at: c.cancelled_at,
            reason: c.reason,
            cancellation_id: c.cancellation_id,
            receipt_url: c.receipt_url,
        }
    }
}

/// A payment as iamport reports it.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct Payment {
    /// PortOne's id (`imp_…`).
    pub imp_uid: String,
    /// The merchant's order id.
    pub merchant_uid: String,
    /// `card`, `vbank`, `trans`, …
    pub pay_method: Option<String>,
    /// `pc`, `mobile`, `api`.
    pub channel: Option<String>,
    /// PG code (`html5_inicis`, `nice`, …).
    pub pg_provider: Option<String>,
    /// PG transaction id.
    pub pg_tid: Option<String>,
    /// Paid through a test channel.
    pub sandbox: bool,
    /// Card approval number.
    pub apply_num: Option<String>,
    /// Card company code.
    pub card_code: Option<String>,
    /// Card company name.
    pub card_name: Option<String>,
    /// Instalment months (0 = lump sum).
    pub card_quota: Option<i64>,
    /// Masked card number.
    pub card_number: Option<String>,
    /// 0 credit, 1 check; null when the PG does not say.
    pub card_type: Option<i64>,
    /// Virtual account bank code.
    pub vbank_code: Option<String>,
    /// Virtual account bank name.
    pub vbank_name: Option<String>,
    /// Virtual account number.
    pub vbank_num: Option<String>,
    /// Virtual account holder.
    pub vbank_holder: Option<String>,
    /// Deposit deadline (unix s).
    pub vbank_date: Option<i64>,
    /// When the virtual account was issued (unix s).
    pub vbank_issued_at: Option<i64>,
    /// Order name.
    pub name: Option<String>,
    /// Amount ordered / paid (for a virtual account: due).
    pub amount: f64,
    /// Total cancelled so far; `amount - cancel_amount` is what can still be cancelled.
    pub cancel_amount: f64,
    /// Currency (`KRW`, `USD`, …).
    pub currency: Option<String>,
    /// Buyer name.
    pub buyer_name: Option<String>,
    /// Buyer e-mail.
    pub buyer_email: Option<String>,
    /// Buyer phone.
    pub buyer_tel: Option<String>,
    /// Merchant data, as the JSON text it was stored as.
    pub custom_data: Option<String>,
    /// State.
    pub status: PaymentStatus,
    /// When the window opened (unix s).
    pub started_at: Option<i64>,
    /// When it was paid (unix s).
    pub paid_at: Option<i64>,
    /// When it failed (unix s).
    pub failed_at: Option<i64>,
    /// When it was (last) cancelled (unix s).
    pub cancelled_at: Option<i64>,
    /// Why it failed.
    pub fail_reason: Option<String>,
    /// Why it was cancelled.
    pub cancel_reason: Option<String>,
    /// Sales slip URL.
    pub receipt_url: Option<String>,
    /// One entry per (partial) cancel.
    pub cancel_history: Vec<PaymentCancel>,
    /// The billing key used.
    pub customer_uid: Option<String>,
    /// Unknown fields (escrow, bank_code, promotion, deposit_history, …), as JSON text.
    pub extra_json: String,
}

impl From<core::Payment> for Payment {
    fn from(p: core::Payment) -> Self {
        Self {
            extra_json: map_json(&p.extra),
            imp_uid: p.imp_uid,
            merchant_uid: p.merchant_uid,
            pay_method: p.pay_method,
            channel: p.channel,
            pg_provider: p.pg_provider,
            pg_tid: p.pg_tid,
            sandbox: p.sandbox,
            apply_num: p.apply_num,
            card_code: p.card_code,
            card_name: p.card_name,
            card_quota: p.card_quota,
            card_number: p.card_number,
            card_type: p.card_type,
            vbank_code: p.vbank_code,
            vbank_name: p.vbank_name,
            vbank_num: p.vbank_num,
            vbank_holder: p.vbank_holder,
            vbank_date: p.vbank_date,
            vbank_issued_at: p.vbank_issued_at,
            name: p.name,
            amount: p.amount,
            cancel_amount: p.cancel_amount,
            currency: p.currency,
            buyer_name: p.buyer_name,
            buyer_email: p.buyer_email,
            buyer_tel: p.buyer_tel,
            custom_data: p.custom_data,
            status: p.status.into(),
            started_at: p.started_at,
            paid_at: p.paid_at,
            failed_at: p.failed_at,
            cancelled_at: p.cancelled_at,
            fail_reason: p.fail_reason,
            cancel_reason: p.cancel_reason,
            receipt_url: p.receipt_url,
            cancel_history: all(p.cancel_history),
            customer_uid: p.customer_uid,
        }
    }
}

/// Declares a page record (`{total, previous, next, list}`) for one item type.
macro_rules! page {
    ($(#[doc = $doc:literal])* $page:ident of $item:ident) => {
        $(#[doc = $doc])*
        #[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
        #[uniffi::export(Display, Debug)]
        pub struct $page {
            /// Items in the whole result.
            pub total: i64,
            /// The previous page number (0 = none).
            pub previous: i64,
            /// The next page number (0 = none: this is the last page).
            pub next: i64,
            /// This page.
            pub list: Vec<$item>,
        }

        $crate::redact::redacted!($page);

        impl From<core::Page<core::$item>> for $page {
            fn from(p: core::Page<core::$item>) -> Self {
                Self {
                    total: p.total,
                    previous: p.previous,
                    next: p.next,
                    list: all(p.list),
                }
            }
        }
    };
}

/// Declares a partial multi look-up record (`{items, missing, complete}`) for one item type.
macro_rules! partial {
    ($(#[doc = $doc:literal])* $partial:ident of $item:ident) => {
        $(#[doc = $doc])*
        #[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
        #[uniffi::export(Display, Debug)]
        pub struct $partial {
            /// The items found.
            pub items: Vec<$item>,
            /// Ids asked for that are not in `items`.
            pub missing: Vec<String>,
            /// True only when everything asked for came back (HTTP 200). Never read a partial answer
            /// (HTTP 207, or none found) as the whole set.
            pub complete: bool,
        }

        $crate::redact::redacted!($partial);

        impl From<core::Partial<core::$item>> for $partial {
            fn from(p: core::Partial<core::$item>) -> Self {
                Self {
                    items: all(p.items),
                    missing: p.missing,
                    complete: p.complete,
                }
            }
        }
    };
}

page! {
    /// A page of payments; `next == 0` on the last page.
    PaymentPage of Payment
}

page! {
    /// A page of schedules; `next == 0` on the last page.
    SchedulePage of Schedule
}

partial! {
    /// The answer of `get_payments`: iamport answers HTTP 207 when only some ids were found.
    PartialPayments of Payment
}

partial! {
    /// The answer of `get_billing_keys`: iamport answers HTTP 207 when only some keys were found.
    PartialBillingCustomers of BillingCustomer
}

/// A pre-registered amount (`payments/prepare`).
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct Prepared {
    /// The merchant order id.
    pub merchant_uid: String,
    /// The expected amount.
    pub amount: f64,
    /// Currency, when registered.
    pub currency: Option<String>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::Prepared> for Prepared {
    fn from(p: core::Prepared) -> Self {
        Self {
            extra_json: map_json(&p.extra),
            merchant_uid: p.merchant_uid,
            amount: p.amount,
            currency: p.currency,
        }
    }
}

/// A billing key ("customer"). A smart-routing key keeps its camelCase fields in `extra_json`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct BillingCustomer {
    /// The merchant's id for this customer × card.
    pub customer_uid: String,
    /// PG.
    pub pg_provider: Option<String>,
    /// PG MID.
    pub pg_id: Option<String>,
    /// Card company.
    pub card_name: Option<String>,
    /// Card company code.
    pub card_code: Option<String>,
    /// Masked card number.
    pub card_number: Option<String>,
    /// 0 credit, 1 check.
    pub card_type: Option<i64>,
    /// Stored buyer name.
    pub customer_name: Option<String>,
    /// Stored buyer phone.
    pub customer_tel: Option<String>,
    /// Stored buyer e-mail.
    pub customer_email: Option<String>,
    /// When it was issued (unix s).
    pub inserted: Option<i64>,
    /// When it was last replaced (unix s).
    pub updated: Option<i64>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::BillingCustomer> for BillingCustomer {
    fn from(c: core::BillingCustomer) -> Self {
        Self {
            extra_json: map_json(&c.extra),
            customer_uid: c.customer_uid,
            pg_provider: c.pg_provider,
            pg_id: c.pg_id,
            card_name: c.card_name,
            card_code: c.card_code,
            card_number: c.card_number,
            card_type: c.card_type,
            customer_name: c.customer_name,
            customer_tel: c.customer_tel,
            customer_email: c.customer_email,
            inserted: c.inserted,
            updated: c.updated,
        }
    }
}

/// A scheduled payment.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct Schedule {
    /// The billing key.
    pub customer_uid: Option<String>,
    /// The order id of the scheduled payment.
    pub merchant_uid: String,
    /// The payment, once executed.
    pub imp_uid: Option<String>,
    /// When it runs (unix s).
    pub schedule_at: Option<i64>,
    /// When it ran (unix s).
    pub executed_at: Option<i64>,
    /// When it was revoked (unix s).
    pub revoked_at: Option<i64>,
    /// Amount.
    pub amount: f64,
    /// Order name.
    pub name: Option<String>,
    /// `scheduled`, `executed`, `revoked`.
    pub schedule_status: ScheduleStatus,
    /// `paid`, `failed`, `cancelled`; null before execution.
    pub payment_status: Option<PaymentStatus>,
    /// Why the run failed.
    pub fail_reason: Option<String>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::Schedule> for Schedule {
    fn from(s: core::Schedule) -> Self {
        Self {
            extra_json: map_json(&s.extra),
            customer_uid: s.customer_uid,
            merchant_uid: s.merchant_uid,
            imp_uid: s.imp_uid,
            schedule_at: s.schedule_at,
            executed_at: s.executed_at,
            revoked_at: s.revoked_at,
            amount: s.amount,
            name: s.name,
            schedule_status: s.schedule_status.into(),
            payment_status: s.payment_status.map(PaymentStatus::from),
            fail_reason: s.fail_reason,
        }
    }
}

/// An identity verification. `unique_key` (CI) and `unique_in_site` (DI) print as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct Certification {
    /// PortOne's id.
    pub imp_uid: String,
    /// The merchant's id.
    pub merchant_uid: Option<String>,
    /// PG.
    pub pg_provider: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// `male` / `female`.
    pub gender: Option<String>,
    /// `YYYY-MM-DD`.
    pub birthday: Option<String>,
    /// Foreigner flag.
    pub foreigner: bool,
    /// Phone.
    pub phone: Option<String>,
    /// Carrier.
    pub carrier: Option<String>,
    /// Whether verification succeeded.
    pub certified: bool,
    /// When (unix s).
    pub certified_at: Option<i64>,
    /// CI: the stable person id. Secret.
    pub unique_key: Option<String>,
    /// DI: the person id within this site. Secret.
    pub unique_in_site: Option<String>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::Certification> for Certification {
    fn from(c: core::Certification) -> Self {
        Self {
            extra_json: map_json(&c.extra),
            imp_uid: c.imp_uid,
            merchant_uid: c.merchant_uid,
            pg_provider: c.pg_provider,
            name: c.name,
            gender: c.gender,
            birthday: c.birthday,
            foreigner: c.foreigner,
            phone: c.phone,
            carrier: c.carrier,
            certified: c.certified,
            certified_at: c.certified_at,
            unique_key: c.unique_key.map(|s| s.expose().to_owned()),
            unique_in_site: c.unique_in_site.map(|s| s.expose().to_owned()),
        }
    }
}

/// The answer of an OTP certification request: the id to confirm with.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct CertificationOtp {
    /// PortOne's id of the pending verification.
    pub imp_uid: String,
}

impl From<core::CertificationOtp> for CertificationOtp {
    fn from(c: core::CertificationOtp) -> Self {
        Self { imp_uid: c.imp_uid }
    }
}

/// Escrow shipping registration.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct EscrowLogis {
    /// Courier code (`CJGLS`, `HANJIN`, …).
    pub company: String,
    /// Tracking number.
    pub invoice: String,
    /// When it was sent (unix s).
    pub sent_at: Option<i64>,
    /// When it was registered (unix s).
    pub applied_at: Option<i64>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::EscrowLogis> for EscrowLogis {
    fn from(l: core::EscrowLogis) -> Self {
        Self {
            extra_json: map_json(&l.extra),
            company: l.company,
            invoice: l.invoice,
            sent_at: l.sent_at,
            applied_at: l.applied_at,
        }
    }
}

/// A cash receipt (for a PortOne payment: `imp_uid` set; for an external sale: `merchant_uid` set).
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct CashReceipt {
    /// The payment (PortOne payments).
    pub imp_uid: Option<String>,
    /// The sale (external receipts).
    pub merchant_uid: Option<String>,
    /// PG receipt id.
    pub receipt_tid: Option<String>,
    /// NTS approval number.
    pub apply_num: Option<String>,
    /// `person` (income deduction) or `company` (expense proof).
    pub r#type: Option<String>,
    /// Amount.
    pub amount: f64,
    /// VAT.
    pub vat: f64,
    /// Receipt URL.
    pub receipt_url: Option<String>,
    /// When issued (unix s).
    pub applied_at: Option<i64>,
    /// When revoked (unix s).
    pub cancelled_at: Option<i64>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::CashReceipt> for CashReceipt {
    fn from(r: core::CashReceipt) -> Self {
        Self {
            extra_json: map_json(&r.extra),
            imp_uid: r.imp_uid,
            merchant_uid: r.merchant_uid,
            receipt_tid: r.receipt_tid,
            apply_num: r.apply_num,
            r#type: r.r#type,
            amount: r.amount,
            vat: r.vat,
            receipt_url: r.receipt_url,
            applied_at: r.applied_at,
            cancelled_at: r.cancelled_at,
        }
    }
}

/// A KFTC bank or card-company code.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct StandardCode {
    /// The code.
    pub code: Option<String>,
    /// The name.
    pub name: Option<String>,
}

impl From<core::StandardCode> for StandardCode {
    fn from(c: core::StandardCode) -> Self {
        Self {
            code: c.code,
            name: c.name,
        }
    }
}

/// The holder of a bank account (`vbanks/holder`).
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct VbankHolder {
    /// Holder name.
    pub bank_holder: String,
}

impl From<core::VbankHolder> for VbankHolder {
    fn from(h: core::VbankHolder) -> Self {
        Self {
            bank_holder: h.bank_holder,
        }
    }
}

/// The per-means amount breakdown of a (PAYCO) payment, kept as returned.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct PaymentBalance {
    /// Total amount.
    pub amount: f64,
    /// `cash_receipt`, `primary`, `secondary`, `discount`, `histories`, as JSON text.
    pub extra_json: String,
}

impl From<core::PaymentBalance> for PaymentBalance {
    fn from(b: core::PaymentBalance) -> Self {
        Self {
            extra_json: map_json(&b.extra),
            amount: b.amount,
        }
    }
}

/// A payment that passed `verify_payment`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct VerifiedPayment {
    /// The payment as iamport reports it.
    pub payment: Payment,
    /// Paid, or a virtual account awaiting the deposit.
    pub state: VerifiedState,
}

impl From<core::VerifiedPayment> for VerifiedPayment {
    fn from(v: core::VerifiedPayment) -> Self {
        Self {
            payment: v.payment.into(),
            state: v.state.into(),
        }
    }
}

crate::redact::redacted!(
    IamportToken,
    PaymentCancel,
    Payment,
    Prepared,
    BillingCustomer,
    Schedule,
    Certification,
    CertificationOtp,
    EscrowLogis,
    CashReceipt,
    StandardCode,
    VbankHolder,
    PaymentBalance,
    VerifiedPayment,
);
