//! iamport response objects (spec §6) and the request sub-objects shared by several operations.
//!
//! Amounts are JSON numbers (`f64`: non-KRW payments may be fractional) and serialize back as integers
//! when whole. Timestamps are unix seconds where 0 means "has not happened": they decode to `None`.
//! Unknown fields are kept in `extra`.

use super::enums::{PaymentStatus, ScheduleStatus};
use crate::secret::Secret;
use crate::wire;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::time::SystemTime;

/// The answer of `users/getToken`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AccessToken {
    /// The token (redacted in `Debug`).
    #[serde(default)]
    pub access_token: Secret,
    /// Server clock when issued (unix s; a fractional `1796095844.881` is read as whole seconds).
    #[serde(default, deserialize_with = "wire::unix_seconds")]
    pub now: i64,
    /// Server clock at expiry (unix s, read like `now`).
    #[serde(default, deserialize_with = "wire::unix_seconds")]
    pub expired_at: i64,
}

/// The token a client currently holds.
#[derive(Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct IamportToken {
    /// The token (redacted in `Debug`).
    pub access_token: Secret,
    /// Seconds it has left by the local clock (skew-corrected).
    pub expire_in: i64,
}

/// `IamportToken` under its Rust name (the struct is named for the foreign languages, where Bootpay has one too).
pub type CurrentToken = IamportToken;

/// One (partial) cancellation of a payment.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct PaymentCancel {
    /// PG cancel id.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pg_tid: Option<String>,
    /// Amount cancelled.
    #[serde(
        default,
        deserialize_with = "wire::number",
        serialize_with = "wire::ser_number"
    )]
    pub amount: f64,
    /// When (unix s).
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancelled_at: Option<SystemTime>,
    /// Reason.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reason: Option<String>,
    /// Id of this cancellation (also in cancel webhooks).
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancellation_id: Option<String>,
    /// Cancel slip URL.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub receipt_url: Option<String>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// A payment (spec §6.1).
///
/// ```
/// use paywire::iamport::{Payment, PaymentStatus};
/// let p: Payment = serde_json::from_str(r#"{"imp_uid":"imp_1","merchant_uid":"o1","amount":1000,"status":"paid","paid_at":1700000000,"cancelled_at":0}"#).unwrap_or_default();
/// assert_eq!(p.status, PaymentStatus::Paid);
/// assert_eq!(p.cancelled_at, None);
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct Payment {
    /// PortOne's id.
    #[serde(default)]
    pub imp_uid: String,
    /// The merchant's order id.
    #[serde(default)]
    pub merchant_uid: String,
    /// `card`, `vbank`, `trans`, …
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pay_method: Option<String>,
    /// `pc`, `mobile`, `api`.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub channel: Option<String>,
    /// PG code (`html5_inicis`, `nice`, …).
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pg_provider: Option<String>,
    /// PG transaction id.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pg_tid: Option<String>,
    /// Paid through a test channel.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub sandbox: bool,
    /// Card approval number.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub apply_num: Option<String>,
    /// Card company code.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_code: Option<String>,
    /// Card company name.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_name: Option<String>,
    /// Instalment months (0 = lump sum).
    #[serde(
        default,
        deserialize_with = "wire::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_quota: Option<i64>,
    /// Masked card number.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_number: Option<String>,
    /// 0 credit, 1 check; `None` when the PG does not say.
    #[serde(
        default,
        deserialize_with = "wire::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_type: Option<i64>,
    /// Virtual account bank code.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub vbank_code: Option<String>,
    /// Virtual account bank name.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub vbank_name: Option<String>,
    /// Virtual account number.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub vbank_num: Option<String>,
    /// Virtual account holder.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub vbank_holder: Option<String>,
    /// Deposit deadline (unix s).
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub vbank_date: Option<SystemTime>,
    /// When the virtual account was issued.
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub vbank_issued_at: Option<SystemTime>,
    /// Order name.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// Amount ordered / paid (for a vbank: due).
    #[serde(
        default,
        deserialize_with = "wire::number",
        serialize_with = "wire::ser_number"
    )]
    pub amount: f64,
    /// Total cancelled so far.
    #[serde(
        default,
        deserialize_with = "wire::number",
        serialize_with = "wire::ser_number"
    )]
    pub cancel_amount: f64,
    /// Currency (`KRW`, `USD`, …).
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub currency: Option<String>,
    /// Buyer name.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub buyer_name: Option<String>,
    /// Buyer e-mail.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub buyer_email: Option<String>,
    /// Buyer phone.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub buyer_tel: Option<String>,
    /// Merchant data as JSON text.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub custom_data: Option<String>,
    /// State.
    #[serde(default)]
    pub status: PaymentStatus,
    /// When the window opened.
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub started_at: Option<SystemTime>,
    /// When it was paid.
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub paid_at: Option<SystemTime>,
    /// When it failed.
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub failed_at: Option<SystemTime>,
    /// When it was (last) cancelled.
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancelled_at: Option<SystemTime>,
    /// Why it failed.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub fail_reason: Option<String>,
    /// Why it was cancelled.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancel_reason: Option<String>,
    /// Sales slip.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub receipt_url: Option<String>,
    /// One entry per (partial) cancel.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancel_history: Vec<PaymentCancel>,
    /// The billing key used.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer_uid: Option<String>,
    /// Unknown fields (escrow, bank_code, promotion, deposit_history, …).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

impl Payment {
    /// What can still be cancelled: the value to send as a cancel `checksum`.
    pub fn cancellable_amount(&self) -> f64 {
        self.amount - self.cancel_amount
    }
}

/// Declares a concrete page type (`{total, previous, next, list}`; `next == 0` means the last page).
macro_rules! page {
    ($(#[doc = $doc:literal])* $name:ident of $item:ty) => {
        $(#[doc = $doc])*
        #[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
        pub struct $name {
            /// Items in the whole result.
            #[serde(default)]
            pub total: i64,
            /// The previous page number (0 = none).
            #[serde(default)]
            pub previous: i64,
            /// The next page number (0 = none).
            #[serde(default)]
            pub next: i64,
            /// This page.
            #[serde(default = "Vec::new")]
            pub list: Vec<$item>,
        }
        crate::display_redacted!($name);
    };
}

/// Declares a concrete multi look-up answer. iamport answers 207 when only some ids were found:
/// `complete` is then false and `missing` names the ids that did not come back. Never read a partial
/// answer as the whole set.
macro_rules! partial {
    ($(#[doc = $doc:literal])* $name:ident of $item:ty) => {
        $(#[doc = $doc])*
        #[derive(Clone, Default, PartialEq, Serialize)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
        pub struct $name {
            /// The items found.
            pub items: Vec<$item>,
            /// Ids asked for that are not in `items`.
            pub missing: Vec<String>,
            /// True when everything asked for came back (HTTP 200).
            pub complete: bool,
        }
        crate::display_redacted!($name);
    };
}

page! {
    /// A page of payments (`next == 0`: the last page).
    PaymentPage of Payment
}
page! {
    /// A page of schedules (`next == 0`: the last page).
    SchedulePage of Schedule
}
partial! {
    /// Payments by ids, possibly partial: `complete` false (HTTP 207, or none found) and the ids that did
    /// not come back in `missing`. Never read a partial answer as the whole set.
    PartialPayments of Payment
}
partial! {
    /// Billing keys by ids, possibly partial: `complete` false and the ids that did not come back in
    /// `missing`.
    PartialBillingCustomers of BillingCustomer
}

/// A pre-registered amount (`payments/prepare`).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct Prepared {
    /// The merchant order id.
    #[serde(default)]
    pub merchant_uid: String,
    /// The expected amount.
    #[serde(
        default,
        deserialize_with = "wire::number",
        serialize_with = "wire::ser_number"
    )]
    pub amount: f64,
    /// Currency, when registered.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub currency: Option<String>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// A billing key ("customer", spec §6.2). A smart-routing key (SuperBillingKey) keeps its camelCase
/// fields in `extra`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct BillingCustomer {
    /// The merchant's id for this customer × card.
    #[serde(default)]
    pub customer_uid: String,
    /// PG.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pg_provider: Option<String>,
    /// PG MID.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pg_id: Option<String>,
    /// Card company.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_name: Option<String>,
    /// Card company code.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_code: Option<String>,
    /// Masked card number.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_number: Option<String>,
    /// 0 credit, 1 check.
    #[serde(
        default,
        deserialize_with = "wire::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_type: Option<i64>,
    /// Stored buyer name.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer_name: Option<String>,
    /// Stored buyer phone.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer_tel: Option<String>,
    /// Stored buyer e-mail.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer_email: Option<String>,
    /// When it was issued (unix s).
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub inserted: Option<SystemTime>,
    /// When it was last replaced (unix s).
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub updated: Option<SystemTime>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// A scheduled payment (spec §6.2 ScheduleResult).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct Schedule {
    /// The billing key.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer_uid: Option<String>,
    /// The order id of the scheduled payment.
    #[serde(default)]
    pub merchant_uid: String,
    /// The payment, once executed.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub imp_uid: Option<String>,
    /// When it runs (unix s).
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub schedule_at: Option<SystemTime>,
    /// When it ran.
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub executed_at: Option<SystemTime>,
    /// When it was revoked.
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub revoked_at: Option<SystemTime>,
    /// Amount.
    #[serde(
        default,
        deserialize_with = "wire::number",
        serialize_with = "wire::ser_number"
    )]
    pub amount: f64,
    /// Order name.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// `scheduled`, `executed`, `revoked`.
    #[serde(default)]
    pub schedule_status: ScheduleStatus,
    /// `paid`, `failed`, `cancelled`; `None` before execution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub payment_status: Option<PaymentStatus>,
    /// Why the run failed.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub fail_reason: Option<String>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// An identity verification (spec §6.2 Certification). `unique_key` (CI) and `unique_in_site` (DI) are
/// redacted in `Debug`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct Certification {
    /// PortOne's id.
    #[serde(default)]
    pub imp_uid: String,
    /// The merchant's id.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub merchant_uid: Option<String>,
    /// PG.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pg_provider: Option<String>,
    /// Name.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// `male` / `female`.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub gender: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub birthday: Option<String>,
    /// Foreigner flag.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub foreigner: bool,
    /// Phone.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phone: Option<String>,
    /// Carrier.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub carrier: Option<String>,
    /// Whether verification succeeded.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub certified: bool,
    /// When (unix s).
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub certified_at: Option<SystemTime>,
    /// CI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub unique_key: Option<Secret>,
    /// DI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub unique_in_site: Option<Secret>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// Escrow shipping registration.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct EscrowLogis {
    /// Courier code (`CJGLS`, `HANJIN`, …).
    #[serde(default)]
    pub company: String,
    /// Tracking number.
    #[serde(default)]
    pub invoice: String,
    /// When it was sent.
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub sent_at: Option<SystemTime>,
    /// When it was registered.
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub applied_at: Option<SystemTime>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// A cash receipt (for a PortOne payment: `imp_uid` set; external: `merchant_uid` set).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct CashReceipt {
    /// The payment (PortOne payments).
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub imp_uid: Option<String>,
    /// The sale (external receipts).
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub merchant_uid: Option<String>,
    /// PG receipt id.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub receipt_tid: Option<String>,
    /// NTS approval number.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub apply_num: Option<String>,
    /// `person` or `company`.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub r#type: Option<String>,
    /// Amount.
    #[serde(
        default,
        deserialize_with = "wire::number",
        serialize_with = "wire::ser_number"
    )]
    pub amount: f64,
    /// VAT.
    #[serde(
        default,
        deserialize_with = "wire::number",
        serialize_with = "wire::ser_number"
    )]
    pub vat: f64,
    /// Receipt URL.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub receipt_url: Option<String>,
    /// When issued.
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub applied_at: Option<SystemTime>,
    /// When revoked.
    #[serde(
        default,
        with = "wire::unix_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancelled_at: Option<SystemTime>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// A KFTC bank or card-company code.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct StandardCode {
    /// The code.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub code: Option<String>,
    /// The name.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
}

/// The holder of a bank account (`vbanks/holder`).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct VbankHolder {
    /// Holder name.
    #[serde(default)]
    pub bank_holder: String,
}

/// The answer of an OTP certification request: the id to confirm with.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct CertificationOtp {
    /// PortOne's id of the pending verification.
    #[serde(default)]
    pub imp_uid: String,
}

/// Per-means amount breakdown of a PAYCO payment; kept as returned.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct PaymentBalance {
    /// Total amount.
    #[serde(
        default,
        deserialize_with = "wire::number",
        serialize_with = "wire::ser_number"
    )]
    pub amount: f64,
    /// `cash_receipt`, `primary`, `secondary`, `discount`, `histories`.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

crate::display_redacted!(
    AccessToken,
    IamportToken,
    PaymentCancel,
    Payment,
    Prepared,
    BillingCustomer,
    Schedule,
    Certification,
    EscrowLogis,
    CashReceipt,
    StandardCode,
    VbankHolder,
    CertificationOtp,
    PaymentBalance
);
