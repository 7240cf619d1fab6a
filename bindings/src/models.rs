//! Response records, mirroring `paywire::bootpay`'s models field for field.
//!
//! Conventions across the FFI: amounts are `i64` (never unsigned); date-times are the ISO-8601 strings
//! Bootpay sent, with their offset, untouched (parse them with `OffsetDateTime.parse` / `ISO8601DateFormatter`);
//! JSON that paywire does not model (unknown fields, metadata) crosses as JSON text in `*_json` fields,
//! so nothing the server adds is lost. Records holding a secret print it as `***` in `toString()` /
//! `description`.

use crate::enums::{Pg, ReceiptStatus};
use paywire::bootpay as core;
use serde_json::{Map, Value};

/// JSON text of a map of unknown fields (`{}` when empty).
pub(crate) fn map_json(map: &Map<String, Value>) -> String {
    Value::Object(map.clone()).to_string()
}

fn value_json(value: Option<Value>) -> Option<String> {
    value.map(|v| v.to_string())
}

/// Card details of a card payment.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct CardData {
    /// PG transaction id.
    pub tid: Option<String>,
    /// Approval number.
    pub card_approve_no: Option<String>,
    /// Masked card number.
    pub card_no: Option<String>,
    /// Installment months.
    pub card_quota: Option<String>,
    /// Card company code.
    pub card_company_code: Option<String>,
    /// Card company name.
    pub card_company: Option<String>,
    /// Interest-free flag.
    pub card_interest: Option<String>,
    /// Sales slip URL.
    pub receipt_url: Option<String>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::CardData> for CardData {
    fn from(d: core::CardData) -> Self {
        Self {
            extra_json: map_json(&d.extra),
            tid: d.tid,
            card_approve_no: d.card_approve_no,
            card_no: d.card_no,
            card_quota: d.card_quota,
            card_company_code: d.card_company_code,
            card_company: d.card_company,
            card_interest: d.card_interest,
            receipt_url: d.receipt_url,
        }
    }
}

/// Bank transfer / virtual-account details.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct BankData {
    /// PG transaction id.
    pub tid: Option<String>,
    /// Bank code.
    pub bank_code: Option<String>,
    /// Bank name.
    pub bank_name: Option<String>,
    /// Account holder.
    pub bank_username: Option<String>,
    /// Account number (the virtual account to pay into).
    pub bank_account: Option<String>,
    /// Depositor name.
    pub sender_name: Option<String>,
    /// Deposit deadline (ISO-8601).
    pub expired_at: Option<String>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::BankData> for BankData {
    fn from(d: core::BankData) -> Self {
        Self {
            extra_json: map_json(&d.extra),
            tid: d.tid,
            bank_code: d.bank_code,
            bank_name: d.bank_name,
            bank_username: d.bank_username,
            bank_account: d.bank_account,
            sender_name: d.sender_name,
            expired_at: d.expired_at,
        }
    }
}

/// Escrow state of a receipt.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct EscrowData {
    /// Escrow status code.
    pub status: Option<i64>,
    /// Its Korean label.
    pub status_locale: Option<String>,
    /// When shipping started (ISO-8601).
    pub shipping_started_at: Option<String>,
    /// When the buyer confirmed the purchase (ISO-8601).
    pub receipt_confirmed_at: Option<String>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::EscrowData> for EscrowData {
    fn from(d: core::EscrowData) -> Self {
        Self {
            extra_json: map_json(&d.extra),
            status: d.status,
            status_locale: d.status_locale,
            shipping_started_at: d.shipping_started_at,
            receipt_confirmed_at: d.receipt_confirmed_at,
        }
    }
}

/// Cash receipt issued on a payment.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct CashReceiptData {
    /// PG transaction id.
    pub tid: Option<String>,
    /// 1 income deduction, 2 expense proof (as text).
    pub cash_receipt_type: Option<String>,
    /// Cash receipt number.
    pub cash_receipt_no: Option<String>,
    /// Receipt URL.
    pub receipt_url: Option<String>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::CashReceiptData> for CashReceiptData {
    fn from(d: core::CashReceiptData) -> Self {
        Self {
            extra_json: map_json(&d.extra),
            tid: d.tid,
            cash_receipt_type: d.cash_receipt_type,
            cash_receipt_no: d.cash_receipt_no,
            receipt_url: d.receipt_url,
        }
    }
}

/// A payment as Bootpay reports it.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct Receipt {
    /// Bootpay's id.
    pub receipt_id: String,
    /// The merchant's order id.
    pub order_id: Option<String>,
    /// Order name.
    pub order_name: Option<String>,
    /// Amount paid.
    pub price: i64,
    /// Tax-free part.
    pub tax_free: i64,
    /// Cumulative cancelled amount.
    pub cancelled_price: i64,
    /// Cumulative cancelled tax-free amount.
    pub cancelled_tax_free: i64,
    /// Merchant name.
    pub company_name: Option<String>,
    /// Echo of the metadata sent with the payment, as JSON text.
    pub metadata_json: Option<String>,
    /// True for test payments.
    pub sandbox: Option<bool>,
    /// The PG.
    pub pg: Option<Pg>,
    /// Method display name.
    pub method: Option<String>,
    /// Method symbol (`card`, `vbank`, …).
    pub method_symbol: Option<String>,
    /// Original method name.
    pub method_origin: Option<String>,
    /// Original method symbol.
    pub method_origin_symbol: Option<String>,
    /// When it was paid (ISO-8601 with offset).
    pub purchased_at: Option<String>,
    /// When it was requested (ISO-8601 with offset).
    pub requested_at: Option<String>,
    /// When it was cancelled (ISO-8601 with offset).
    pub cancelled_at: Option<String>,
    /// State.
    pub status: ReceiptStatus,
    /// State in Korean.
    pub status_locale: Option<String>,
    /// Sales slip URL.
    pub receipt_url: Option<String>,
    /// Currency.
    pub currency: Option<String>,
    /// Card details.
    pub card_data: Option<CardData>,
    /// Bank transfer details.
    pub bank_data: Option<BankData>,
    /// Virtual account details.
    pub vbank_data: Option<BankData>,
    /// Escrow state.
    pub escrow_data: Option<EscrowData>,
    /// Cash receipt.
    pub cash_receipt_data: Option<CashReceiptData>,
    /// Unknown fields (user data with `lookup_user_data`, cancel history, …), as JSON text.
    pub extra_json: String,
}

impl From<core::Receipt> for Receipt {
    fn from(r: core::Receipt) -> Self {
        Self {
            extra_json: map_json(&r.extra),
            receipt_id: r.receipt_id,
            order_id: r.order_id,
            order_name: r.order_name,
            price: r.price,
            tax_free: r.tax_free,
            cancelled_price: r.cancelled_price,
            cancelled_tax_free: r.cancelled_tax_free,
            company_name: r.company_name,
            metadata_json: value_json(r.metadata),
            sandbox: r.sandbox,
            pg: r.pg.map(Pg::from),
            method: r.method,
            method_symbol: r.method_symbol,
            method_origin: r.method_origin,
            method_origin_symbol: r.method_origin_symbol,
            purchased_at: r.purchased_at,
            requested_at: r.requested_at,
            cancelled_at: r.cancelled_at,
            status: r.status.into(),
            status_locale: r.status_locale,
            receipt_url: r.receipt_url,
            currency: r.currency,
            card_data: r.card_data.map(CardData::from),
            bank_data: r.bank_data.map(BankData::from),
            vbank_data: r.vbank_data.map(BankData::from),
            escrow_data: r.escrow_data.map(EscrowData::from),
            cash_receipt_data: r.cash_receipt_data.map(CashReceiptData::from),
        }
    }
}

/// Card data of a billing key.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct BillingData {
    /// Masked card number.
    pub card_no: Option<String>,
    /// Card company.
    pub card_company: Option<String>,
    /// Card company code.
    pub card_company_code: Option<String>,
    /// Card type.
    pub card_type: Option<String>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::BillingData> for BillingData {
    fn from(d: core::BillingData) -> Self {
        Self {
            extra_json: map_json(&d.extra),
            card_no: d.card_no,
            card_company: d.card_company,
            card_company_code: d.card_company_code,
            card_type: d.card_type,
        }
    }
}

/// A billing key.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct BillingKey {
    /// The key to charge with.
    pub billing_key: String,
    /// Card details.
    pub billing_data: Option<BillingData>,
    /// The receipt id it was issued with.
    pub receipt_id: Option<String>,
    /// The merchant's subscription id.
    pub subscription_id: Option<String>,
    /// The PG.
    pub pg: Option<Pg>,
    /// Method.
    pub method: Option<String>,
    /// Metadata echo, as JSON text.
    pub metadata_json: Option<String>,
    /// When it was issued (ISO-8601).
    pub published_at: Option<String>,
    /// When it was requested (ISO-8601).
    pub requested_at: Option<String>,
    /// When it expires (ISO-8601).
    pub billing_expire_at: Option<String>,
    /// State (11 = issued).
    pub status: ReceiptStatus,
    /// State in Korean.
    pub status_locale: Option<String>,
    /// The receipt of the issuing (or first) charge.
    pub receipt_data: Option<Receipt>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::BillingKey> for BillingKey {
    fn from(k: core::BillingKey) -> Self {
        Self {
            extra_json: map_json(&k.extra),
            billing_key: k.billing_key,
            billing_data: k.billing_data.map(BillingData::from),
            receipt_id: k.receipt_id,
            subscription_id: k.subscription_id,
            pg: k.pg.map(Pg::from),
            method: k.method,
            metadata_json: value_json(k.metadata),
            published_at: k.published_at,
            requested_at: k.requested_at,
            billing_expire_at: k.billing_expire_at,
            status: k.status.into(),
            status_locale: k.status_locale,
            receipt_data: k.receipt_data.map(|r| Receipt::from(*r)),
        }
    }
}

/// Identity data of a certificate. `unique` (the person's CI) prints as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct AuthenticateData {
    /// Name.
    pub name: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// The stable person id (CI). Secret.
    pub unique: Option<String>,
    /// Birth date.
    pub birth: Option<String>,
    /// 0 female, 1 male.
    pub gender: Option<i64>,
    /// 0 domestic, 1 foreign.
    pub foreigner: Option<i64>,
    /// Carrier.
    pub carrier: Option<String>,
    /// How many times the SMS was re-sent.
    pub number_of_realarms: Option<i64>,
    /// PG transaction id.
    pub tid: Option<String>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::AuthenticateData> for AuthenticateData {
    fn from(d: core::AuthenticateData) -> Self {
        Self {
            extra_json: map_json(&d.extra),
            name: d.name,
            phone: d.phone,
            unique: d.unique.map(|s| s.expose().to_owned()),
            birth: d.birth,
            gender: d.gender,
            foreigner: d.foreigner,
            carrier: d.carrier,
            number_of_realarms: d.number_of_realarms,
            tid: d.tid,
        }
    }
}

/// An identity verification. Only status `Authenticated` (12) means verified.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct Certificate {
    /// Bootpay's id (use it for confirm / realarm).
    pub receipt_id: String,
    /// The merchant's authentication id.
    pub authenticate_id: Option<String>,
    /// The PG.
    pub pg: Option<Pg>,
    /// Method.
    pub method: Option<String>,
    /// When it was verified (ISO-8601).
    pub authenticated_at: Option<String>,
    /// When it was requested (ISO-8601).
    pub requested_at: Option<String>,
    /// State (12 = verified).
    pub status: ReceiptStatus,
    /// State in Korean.
    pub status_locale: Option<String>,
    /// Identity data.
    pub authenticate_data: Option<AuthenticateData>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::Certificate> for Certificate {
    fn from(c: core::Certificate) -> Self {
        Self {
            extra_json: map_json(&c.extra),
            receipt_id: c.receipt_id,
            authenticate_id: c.authenticate_id,
            pg: c.pg.map(Pg::from),
            method: c.method,
            authenticated_at: c.authenticated_at,
            requested_at: c.requested_at,
            status: c.status.into(),
            status_locale: c.status_locale,
            authenticate_data: c.authenticate_data.map(AuthenticateData::from),
        }
    }
}

/// The current access token. `access_token` prints as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct AccessToken {
    /// The bearer token (empty with client_key/secret_key). Secret.
    pub access_token: String,
    /// Seconds left.
    pub expire_in: Option<i64>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::AccessToken> for AccessToken {
    fn from(t: core::AccessToken) -> Self {
        Self {
            access_token: t.access_token.expose().to_owned(),
            expire_in: t.expire_in,
            extra_json: map_json(&t.extra),
        }
    }
}

/// A user token for the front end. `user_token` prints as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct UserToken {
    /// The token. Secret.
    pub user_token: String,
    /// When it expires (ISO-8601).
    pub expired_at: Option<String>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::UserToken> for UserToken {
    fn from(t: core::UserToken) -> Self {
        Self {
            user_token: t.user_token.expose().to_owned(),
            expired_at: t.expired_at,
            extra_json: map_json(&t.extra),
        }
    }
}

/// One payment method enabled for the merchant.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct PaymentMethod {
    /// The PG.
    pub pg: Option<String>,
    /// The method.
    pub method: Option<String>,
    /// Everything else Bootpay says about it, as JSON text.
    pub extra_json: String,
}

impl From<core::PaymentMethod> for PaymentMethod {
    fn from(m: core::PaymentMethod) -> Self {
        Self {
            extra_json: map_json(&m.extra),
            pg: m.pg,
            method: m.method,
        }
    }
}

/// The answer to a reservation.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct ReservedPayment {
    /// The reservation id.
    pub reserve_id: String,
    /// When it will run (ISO-8601).
    pub reserve_execute_at: Option<String>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::ReservedPayment> for ReservedPayment {
    fn from(r: core::ReservedPayment) -> Self {
        Self {
            extra_json: map_json(&r.extra),
            reserve_id: r.reserve_id,
            reserve_execute_at: r.reserve_execute_at,
        }
    }
}

/// A reservation as looked up.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct SubscribeReservation {
    /// The reservation id.
    pub reserve_id: String,
    /// The receipt, once executed.
    pub receipt_id: Option<String>,
    /// The order id.
    pub order_id: Option<String>,
    /// Order name.
    pub order_name: Option<String>,
    /// Amount.
    pub price: i64,
    /// Tax-free part.
    pub tax_free: i64,
    /// State (1 reserved, 2 executed, 3 cancelled, 4 failed).
    pub status: Option<i64>,
    /// When it was requested (ISO-8601).
    pub reserve_requested_at: Option<String>,
    /// When it runs (ISO-8601).
    pub reserve_execute_at: Option<String>,
    /// When it was revoked (ISO-8601).
    pub reserve_revoked_at: Option<String>,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::SubscribeReservation> for SubscribeReservation {
    fn from(r: core::SubscribeReservation) -> Self {
        Self {
            extra_json: map_json(&r.extra),
            reserve_id: r.reserve_id,
            receipt_id: r.receipt_id,
            order_id: r.order_id,
            order_name: r.order_name,
            price: r.price,
            tax_free: r.tax_free,
            status: r.status,
            reserve_requested_at: r.reserve_requested_at,
            reserve_execute_at: r.reserve_execute_at,
            reserve_revoked_at: r.reserve_revoked_at,
        }
    }
}

/// The answer to a reservation cancel.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct CancelledReservation {
    /// The reservation id.
    pub reserve_id: String,
    /// Whether it was cancelled.
    pub success: bool,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::CancelledReservation> for CancelledReservation {
    fn from(r: core::CancelledReservation) -> Self {
        Self {
            extra_json: map_json(&r.extra),
            reserve_id: r.reserve_id,
            success: r.success,
        }
    }
}

/// The answer to a billing-key destroy.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct DestroyedBillingKey {
    /// The destroyed key.
    pub billing_key: String,
    /// Unknown fields, as JSON text.
    pub extra_json: String,
}

impl From<core::DestroyedBillingKey> for DestroyedBillingKey {
    fn from(k: core::DestroyedBillingKey) -> Self {
        Self {
            extra_json: map_json(&k.extra),
            billing_key: k.billing_key,
        }
    }
}

/// A payment link.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct PaymentLink {
    /// The URL to send the customer to.
    pub url: Option<String>,
    /// Everything else Bootpay returns, as JSON text.
    pub extra_json: String,
}

impl From<core::PaymentLink> for PaymentLink {
    fn from(l: core::PaymentLink) -> Self {
        Self {
            extra_json: map_json(&l.extra),
            url: l.url,
        }
    }
}

crate::redact::redacted!(
    CardData,
    BankData,
    EscrowData,
    CashReceiptData,
    Receipt,
    BillingData,
    BillingKey,
    AuthenticateData,
    Certificate,
    AccessToken,
    UserToken,
    PaymentMethod,
    ReservedPayment,
    SubscribeReservation,
    CancelledReservation,
    DestroyedBillingKey,
    PaymentLink,
);
