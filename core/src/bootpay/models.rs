//! Models shared by several Bootpay operations: the request sub-objects (user, items, refund, extra) and
//! the response shapes (receipt, billing key, certificate).
//!
//! Requests: required fields are plain values, optional ones `Option` and sent only when set, so `""`
//! never stands in for "unset" and `false`/`0` are never dropped. Responses: every field Bootpay may omit
//! is optional, and unknown fields are kept in `extra`, so a field the server adds tomorrow is not lost.

use super::enums::{Pg, ReceiptStatus};
use crate::secret::Secret;
use crate::wire;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::time::SystemTime;

/// Free-form JSON object echoed back on receipts and webhooks.
pub type Metadata = Map<String, Value>;

/// The buyer (`user`).
///
/// ```
/// use paywire::bootpay::User;
/// let user = User { id: Some("member-1".into()), phone: Some("01000000000".into()), ..User::default() };
/// assert_eq!(serde_json::to_value(&user).ok(), Some(serde_json::json!({"id": "member-1", "phone": "01000000000"})));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct User {
    /// Merchant member id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub id: Option<String>,
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub username: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phone: Option<String>,
    /// E-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub email: Option<String>,
    /// 0 female, 1 male (sent only when set: 0 is a real value here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub gender: Option<i64>,
    /// Birth date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub birth: Option<String>,
    /// Region name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub area: Option<String>,
    /// Address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub addr: Option<String>,
}

/// One line of the order (`items[]`). `price` is the discounted unit price; Σ price×qty must equal the total.
///
/// ```
/// use paywire::bootpay::Item;
/// let item = Item::new("sku-1", "T-shirt", 2, 15000);
/// assert_eq!(serde_json::to_value(&item).ok(), Some(serde_json::json!({"id": "sku-1", "name": "T-shirt", "qty": 2, "price": 15000})));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Item id.
    pub id: String,
    /// Item name.
    pub name: String,
    /// Quantity.
    pub qty: i64,
    /// Unit price.
    #[serde(deserialize_with = "wire::amount")]
    pub price: i64,
    /// Category 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cat1: Option<String>,
    /// Category 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cat2: Option<String>,
    /// Category 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cat3: Option<String>,
    /// Naver Pay category type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub category_type: Option<String>,
    /// Naver Pay category code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub category_code: Option<String>,
    /// Service start `yyyyMMdd`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub start_date: Option<String>,
    /// Service end `yyyyMMdd`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub end_date: Option<String>,
}

impl Item {
    /// An item with its four required fields.
    pub fn new(id: impl Into<String>, name: impl Into<String>, qty: i64, price: i64) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            qty,
            price,
            ..Self::default()
        }
    }
}

/// Where a virtual-account (vbank) refund goes.
///
/// ```
/// use paywire::bootpay::Refund;
/// let r = Refund { bank_account: "1234".into(), bank_username: "홍길동".into(), bank_code: "088".into() };
/// assert!(!format!("{r:?}").contains("1234"));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct Refund {
    /// Account number (redacted in `Debug`).
    pub bank_account: Secret,
    /// Account holder.
    pub bank_username: String,
    /// 3-digit bank code (`088` = 신한).
    pub bank_code: String,
}

/// `extra` of billing and subscribe calls.
///
/// ```
/// use paywire::bootpay::SubscribeExtra;
/// let extra = SubscribeExtra { raw_data: Some(true), ..SubscribeExtra::default() };
/// // Sent as the official SDKs send it; read from `1`, `true`, `"1"` alike.
/// assert_eq!(serde_json::to_value(&extra).ok(), Some(serde_json::json!({"raw_data": 1})));
/// let read: SubscribeExtra = serde_json::from_value(serde_json::json!({"raw_data": 1, "subscribe_test_payment": true})).unwrap_or_default();
/// assert_eq!((read.raw_data, read.subscribe_test_payment), (Some(true), Some(true)));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct SubscribeExtra {
    /// Charge 100 KRW to validate the card before issuing the key (sent as `1`/`0`).
    #[serde(
        default,
        deserialize_with = "wire::opt_flag",
        serialize_with = "wire::ser_opt_flag",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub subscribe_test_payment: Option<bool>,
    /// Return the PG's raw error data on failure (seed 000), sent as `1`/`0`. Read it from
    /// [`crate::Error::pg_error`].
    #[serde(
        default,
        deserialize_with = "wire::opt_flag",
        serialize_with = "wire::ser_opt_flag",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub raw_data: Option<bool>,
    /// Installment months (`"00"` lump sum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_quota: Option<String>,
    /// Any other option Bootpay accepts.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub other: Map<String, Value>,
}

/// The token answer of `request/token`; `access_token` is redacted in `Debug`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct AccessToken {
    /// The bearer token (empty with client_key/secret_key).
    #[serde(default)]
    pub access_token: Secret,
    /// Seconds left.
    #[serde(
        default,
        deserialize_with = "wire::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub expire_in: Option<i64>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// Card details of a card payment.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct CardData {
    /// PG transaction id.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tid: Option<String>,
    /// Approval number.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_approve_no: Option<String>,
    /// Masked card number.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_no: Option<String>,
    /// Installment months.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_quota: Option<String>,
    /// Card company code.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_company_code: Option<String>,
    /// Card company name.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_company: Option<String>,
    /// Interest-free flag.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_interest: Option<String>,
    /// Sales slip URL.
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

/// Bank / virtual-account details.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct BankData {
    /// PG transaction id.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tid: Option<String>,
    /// Bank code.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bank_code: Option<String>,
    /// Bank name.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bank_name: Option<String>,
    /// Account holder.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bank_username: Option<String>,
    /// Account number (the virtual account to pay into).
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bank_account: Option<String>,
    /// Depositor name.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub sender_name: Option<String>,
    /// Deposit deadline (ISO-8601).
    #[serde(
        default,
        with = "wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub expired_at: Option<SystemTime>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// Escrow state of a receipt.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct EscrowData {
    /// Escrow status code.
    #[serde(
        default,
        deserialize_with = "wire::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<i64>,
    /// Its Korean label.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status_locale: Option<String>,
    /// When shipping started.
    #[serde(
        default,
        with = "wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub shipping_started_at: Option<SystemTime>,
    /// When the buyer confirmed the purchase.
    #[serde(
        default,
        with = "wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub receipt_confirmed_at: Option<SystemTime>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// Cash receipt issued on a payment.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct CashReceiptData {
    /// PG transaction id.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tid: Option<String>,
    /// 1 income deduction, 2 expense proof (an integer here, a string elsewhere).
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cash_receipt_type: Option<String>,
    /// Cash receipt number.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cash_receipt_no: Option<String>,
    /// Receipt URL.
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

/// A payment as Bootpay reports it (spec §6.1).
///
/// ```
/// use paywire::bootpay::{Receipt, ReceiptStatus};
/// let r: Receipt = serde_json::from_str(r#"{"receipt_id":"r1","order_id":"o1","price":1000,"status":2,"brand_new":true}"#).unwrap_or_default();
/// assert_eq!(r.status, ReceiptStatus::AwaitingConfirm);
/// assert_eq!(r.extra.get("brand_new"), Some(&serde_json::json!(true)));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct Receipt {
    /// Bootpay's id.
    #[serde(default)]
    pub receipt_id: String,
    /// The merchant's order id.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub order_id: Option<String>,
    /// Order name.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub order_name: Option<String>,
    /// Amount paid.
    #[serde(default, deserialize_with = "wire::amount")]
    pub price: i64,
    /// Tax-free part.
    #[serde(default, deserialize_with = "wire::amount")]
    pub tax_free: i64,
    /// Cumulative cancelled amount.
    #[serde(default, deserialize_with = "wire::amount")]
    pub cancelled_price: i64,
    /// Cumulative cancelled tax-free amount.
    #[serde(default, deserialize_with = "wire::amount")]
    pub cancelled_tax_free: i64,
    /// Merchant name.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub company_name: Option<String>,
    /// Echo of the metadata sent with the payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub metadata: Option<Value>,
    /// True for test payments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub sandbox: Option<bool>,
    /// The PG.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pg: Option<Pg>,
    /// Method display name.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub method: Option<String>,
    /// Method symbol (`card`, `vbank`, …).
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub method_symbol: Option<String>,
    /// Original method name.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub method_origin: Option<String>,
    /// Original method symbol.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub method_origin_symbol: Option<String>,
    /// When it was paid (ISO-8601 with offset).
    #[serde(
        default,
        with = "wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub purchased_at: Option<SystemTime>,
    /// When it was requested.
    #[serde(
        default,
        with = "wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub requested_at: Option<SystemTime>,
    /// When it was cancelled.
    #[serde(
        default,
        with = "wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancelled_at: Option<SystemTime>,
    /// State.
    #[serde(default)]
    pub status: ReceiptStatus,
    /// State in Korean.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status_locale: Option<String>,
    /// Sales slip URL.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub receipt_url: Option<String>,
    /// Currency.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub currency: Option<String>,
    /// Card details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_data: Option<CardData>,
    /// Bank transfer details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub bank_data: Option<BankData>,
    /// Virtual account details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub vbank_data: Option<BankData>,
    /// Escrow state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub escrow_data: Option<EscrowData>,
    /// Cash receipt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cash_receipt_data: Option<CashReceiptData>,
    /// Unknown fields (phone_data, point data, user with `lookup_user_data`, …).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

impl Receipt {
    /// What can still be cancelled.
    pub fn remaining_price(&self) -> i64 {
        // Both numbers come from the server: never let them overflow.
        self.price.saturating_sub(self.cancelled_price)
    }
}

/// Card data of a billing key.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct BillingData {
    /// Masked card number.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_no: Option<String>,
    /// Card company.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_company: Option<String>,
    /// Card company code.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_company_code: Option<String>,
    /// Card type.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_type: Option<String>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// A billing key (spec §6.4).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct BillingKey {
    /// The key to charge with.
    #[serde(default)]
    pub billing_key: String,
    /// Card details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub billing_data: Option<BillingData>,
    /// The receipt id it was issued with.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub receipt_id: Option<String>,
    /// The merchant's subscription id.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub subscription_id: Option<String>,
    /// The PG.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pg: Option<Pg>,
    /// Method.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub method: Option<String>,
    /// Metadata echo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub metadata: Option<Value>,
    /// When it was issued.
    #[serde(
        default,
        with = "wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub published_at: Option<SystemTime>,
    /// When it was requested.
    #[serde(
        default,
        with = "wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub requested_at: Option<SystemTime>,
    /// When it expires.
    #[serde(
        default,
        with = "wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub billing_expire_at: Option<SystemTime>,
    /// State (11 = issued).
    #[serde(default)]
    pub status: ReceiptStatus,
    /// State in Korean.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status_locale: Option<String>,
    /// The receipt of the issuing (or first) charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub receipt_data: Option<Box<Receipt>>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// Identity data of a certificate; `unique` (the person's CI) is redacted in `Debug`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct AuthenticateData {
    /// Name.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// Phone.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phone: Option<String>,
    /// The stable person id (CI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub unique: Option<Secret>,
    /// Birth date.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub birth: Option<String>,
    /// 0 female, 1 male.
    #[serde(
        default,
        deserialize_with = "wire::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub gender: Option<i64>,
    /// 0 domestic, 1 foreign.
    #[serde(
        default,
        deserialize_with = "wire::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub foreigner: Option<i64>,
    /// Carrier.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub carrier: Option<String>,
    /// How many times the SMS was re-sent.
    #[serde(
        default,
        deserialize_with = "wire::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub number_of_realarms: Option<i64>,
    /// PG transaction id.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tid: Option<String>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// An identity verification (spec §6.3). Only status 12 ([`ReceiptStatus::Authenticated`]) means verified.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct Certificate {
    /// Bootpay's id (use it for confirm / realarm).
    #[serde(default)]
    pub receipt_id: String,
    /// The merchant's authentication id.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub authenticate_id: Option<String>,
    /// The PG.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pg: Option<Pg>,
    /// Method.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub method: Option<String>,
    /// When it was verified.
    #[serde(
        default,
        with = "wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub authenticated_at: Option<SystemTime>,
    /// When it was requested.
    #[serde(
        default,
        with = "wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub requested_at: Option<SystemTime>,
    /// State (12 = verified).
    #[serde(default)]
    pub status: ReceiptStatus,
    /// State in Korean.
    #[serde(
        default,
        deserialize_with = "wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status_locale: Option<String>,
    /// Identity data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub authenticate_data: Option<AuthenticateData>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

crate::display_redacted!(
    User,
    Item,
    Refund,
    SubscribeExtra,
    AccessToken,
    CardData,
    BankData,
    EscrowData,
    CashReceiptData,
    Receipt,
    BillingData,
    BillingKey,
    AuthenticateData,
    Certificate
);
