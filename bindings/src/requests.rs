//! Request records, mirroring `paywire::bootpay`'s request structs. Required fields come first; every
//! optional field defaults to null/nil (`#[uniffi(default = None)]`), so Kotlin and Swift callers name
//! only what they set, and a field added later does not break them.
//!
//! JSON objects paywire does not model (metadata, `extra`, unknown options) are passed as JSON text; text
//! that is not a JSON object fails with `InvalidInput` naming the field, before anything is sent.
//! Records that carry a secret (card data, account and identity numbers) print it as `***`.

use crate::error::PaywireError;
use paywire::bootpay as core;
use paywire::Secret;
use serde_json::{Map, Value};

/// Parses optional JSON-object text.
pub(crate) fn json_object(
    field: &str,
    text: Option<String>,
) -> Result<Option<Map<String, Value>>, PaywireError> {
    match text {
        None => Ok(None),
        Some(text) => match serde_json::from_str::<Value>(&text) {
            Ok(Value::Object(map)) => Ok(Some(map)),
            Ok(_) => Err(PaywireError::invalid_input(field, "must be a JSON object")),
            Err(e) => Err(PaywireError::invalid_input(
                field,
                &format!("is not valid JSON ({e})"),
            )),
        },
    }
}

pub(crate) fn json_map(
    field: &str,
    text: Option<String>,
) -> Result<Map<String, Value>, PaywireError> {
    Ok(json_object(field, text)?.unwrap_or_default())
}

pub(crate) fn list<A, B>(items: Option<Vec<A>>) -> Result<Option<Vec<B>>, PaywireError>
where
    A: TryInto<B, Error = PaywireError>,
{
    items
        .map(|v| {
            v.into_iter()
                .map(TryInto::try_into)
                .collect::<Result<Vec<B>, _>>()
        })
        .transpose()
}

pub(crate) fn opt<A, B>(value: Option<A>) -> Result<Option<B>, PaywireError>
where
    A: TryInto<B, Error = PaywireError>,
{
    value.map(TryInto::try_into).transpose()
}

/// The buyer (`user`).
#[derive(Clone, PartialEq, Default, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct User {
    /// Merchant member id.
    #[uniffi(default = None)]
    pub id: Option<String>,
    /// Name.
    #[uniffi(default = None)]
    pub username: Option<String>,
    /// Phone number.
    #[uniffi(default = None)]
    pub phone: Option<String>,
    /// E-mail.
    #[uniffi(default = None)]
    pub email: Option<String>,
    /// 0 female, 1 male.
    #[uniffi(default = None)]
    pub gender: Option<i64>,
    /// Birth date.
    #[uniffi(default = None)]
    pub birth: Option<String>,
    /// Region name.
    #[uniffi(default = None)]
    pub area: Option<String>,
    /// Address.
    #[uniffi(default = None)]
    pub addr: Option<String>,
}

impl TryFrom<User> for core::User {
    type Error = PaywireError;
    fn try_from(u: User) -> Result<Self, PaywireError> {
        Ok(Self {
            id: u.id,
            username: u.username,
            phone: u.phone,
            email: u.email,
            gender: u.gender,
            birth: u.birth,
            area: u.area,
            addr: u.addr,
        })
    }
}

/// One line of the order. `price` is the discounted unit price; Σ price×qty must equal the total.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct Item {
    /// Item id.
    pub id: String,
    /// Item name.
    pub name: String,
    /// Quantity.
    pub qty: i64,
    /// Unit price.
    pub price: i64,
    /// Category 1.
    #[uniffi(default = None)]
    pub cat1: Option<String>,
    /// Category 2.
    #[uniffi(default = None)]
    pub cat2: Option<String>,
    /// Category 3.
    #[uniffi(default = None)]
    pub cat3: Option<String>,
    /// Naver Pay category type.
    #[uniffi(default = None)]
    pub category_type: Option<String>,
    /// Naver Pay category code.
    #[uniffi(default = None)]
    pub category_code: Option<String>,
    /// Service start `yyyyMMdd`.
    #[uniffi(default = None)]
    pub start_date: Option<String>,
    /// Service end `yyyyMMdd`.
    #[uniffi(default = None)]
    pub end_date: Option<String>,
}

impl TryFrom<Item> for core::Item {
    type Error = PaywireError;
    fn try_from(i: Item) -> Result<Self, PaywireError> {
        Ok(Self {
            id: i.id,
            name: i.name,
            qty: i.qty,
            price: i.price,
            cat1: i.cat1,
            cat2: i.cat2,
            cat3: i.cat3,
            category_type: i.category_type,
            category_code: i.category_code,
            start_date: i.start_date,
            end_date: i.end_date,
        })
    }
}

/// Where a virtual-account refund goes. `bank_account` prints as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct Refund {
    /// Account number. Secret.
    pub bank_account: String,
    /// Account holder.
    pub bank_username: String,
    /// 3-digit bank code (`088` = 신한).
    pub bank_code: String,
}

impl TryFrom<Refund> for core::Refund {
    type Error = PaywireError;
    fn try_from(r: Refund) -> Result<Self, PaywireError> {
        Ok(Self {
            bank_account: Secret::from(r.bank_account),
            bank_username: r.bank_username,
            bank_code: r.bank_code,
        })
    }
}

/// `extra` of billing and subscribe calls.
#[derive(Clone, PartialEq, Default, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct SubscribeExtra {
    /// Charge 100 KRW to validate the card before issuing the key.
    #[uniffi(default = None)]
    pub subscribe_test_payment: Option<bool>,
    /// Return the PG's raw error on failure (then `PaywireException.Api.pgCode` etc. are set).
    #[uniffi(default = None)]
    pub raw_data: Option<bool>,
    /// Installment months (`"00"` lump sum).
    #[uniffi(default = None)]
    pub card_quota: Option<String>,
    /// Any other option Bootpay accepts, as JSON-object text.
    #[uniffi(default = None)]
    pub other_json: Option<String>,
}

impl TryFrom<SubscribeExtra> for core::SubscribeExtra {
    type Error = PaywireError;
    fn try_from(e: SubscribeExtra) -> Result<Self, PaywireError> {
        Ok(Self {
            other: json_map("extra.other_json", e.other_json)?,
            subscribe_test_payment: e.subscribe_test_payment,
            raw_data: e.raw_data,
            card_quota: e.card_quota,
        })
    }
}

/// A cancel: full when `cancel_price` is null, partial otherwise. A `cancel_id` is always sent (generated
/// when null) so a retried cancel can never cancel twice; give your own to be safe across restarts.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct CancelPayment {
    /// The receipt to cancel.
    pub receipt_id: String,
    /// Amount to cancel; null cancels the whole remainder.
    #[uniffi(default = None)]
    pub cancel_price: Option<i64>,
    /// Tax-free part of the cancelled amount.
    #[uniffi(default = None)]
    pub cancel_tax_free: Option<i64>,
    /// Idempotency key; generated when null.
    #[uniffi(default = None)]
    pub cancel_id: Option<String>,
    /// Who asked for the cancel.
    #[uniffi(default = None)]
    pub cancel_username: Option<String>,
    /// Why.
    #[uniffi(default = None)]
    pub cancel_message: Option<String>,
    /// Refund account for virtual-account payments.
    #[uniffi(default = None)]
    pub refund: Option<Refund>,
    /// Items being cancelled.
    #[uniffi(default = None)]
    pub items: Option<Vec<Item>>,
    /// Metadata, as JSON-object text.
    #[uniffi(default = None)]
    pub metadata_json: Option<String>,
}

impl TryFrom<CancelPayment> for core::CancelPayment {
    type Error = PaywireError;
    fn try_from(c: CancelPayment) -> Result<Self, PaywireError> {
        Ok(Self {
            metadata: json_object("metadata_json", c.metadata_json)?,
            refund: opt(c.refund)?,
            items: list(c.items)?,
            receipt_id: c.receipt_id,
            cancel_price: c.cancel_price,
            cancel_tax_free: c.cancel_tax_free,
            cancel_id: c.cancel_id,
            cancel_username: c.cancel_username,
            cancel_message: c.cancel_message,
        })
    }
}

/// Card billing-key issue. Card fields print as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct IssueBillingKey {
    /// The PG (one that supports REST billing, e.g. `nicepay`).
    pub pg: String,
    /// Order name.
    pub order_name: String,
    /// The merchant's unique id for this registration.
    pub subscription_id: String,
    /// Full card number. Secret.
    pub card_no: String,
    /// First two digits of the card password. Secret.
    pub card_pw: String,
    /// Owner's birth date `YYMMDD` or business number. Secret.
    pub card_identity_no: String,
    /// Expiry year, two digits. Secret.
    pub card_expire_year: String,
    /// Expiry month, two digits. Secret.
    pub card_expire_month: String,
    /// Method.
    #[uniffi(default = None)]
    pub method: Option<String>,
    /// Charge this much at issue time.
    #[uniffi(default = None)]
    pub price: Option<i64>,
    /// Tax-free part of `price`.
    #[uniffi(default = None)]
    pub tax_free: Option<i64>,
    /// Options (`raw_data`, `subscribe_test_payment`, `card_quota`).
    #[uniffi(default = None)]
    pub extra: Option<SubscribeExtra>,
    /// The buyer.
    #[uniffi(default = None)]
    pub user: Option<User>,
    /// Metadata, as JSON-object text.
    #[uniffi(default = None)]
    pub metadata_json: Option<String>,
}

impl TryFrom<IssueBillingKey> for core::IssueBillingKey {
    type Error = PaywireError;
    fn try_from(r: IssueBillingKey) -> Result<Self, PaywireError> {
        Ok(Self {
            metadata: json_object("metadata_json", r.metadata_json)?,
            extra: opt(r.extra)?,
            user: opt(r.user)?,
            pg: r.pg,
            order_name: r.order_name,
            subscription_id: r.subscription_id,
            card_no: r.card_no.into(),
            card_pw: r.card_pw.into(),
            card_identity_no: r.card_identity_no.into(),
            card_expire_year: r.card_expire_year.into(),
            card_expire_month: r.card_expire_month.into(),
            method: r.method,
            price: r.price,
            tax_free: r.tax_free,
        })
    }
}

/// A charge with a billing key. `order_id` must be unique per attempt: it is how an unknown outcome is
/// looked up.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct SubscribePayment {
    /// The billing key.
    pub billing_key: String,
    /// Order name.
    pub order_name: String,
    /// Unique per attempt.
    pub order_id: String,
    /// Amount (> 0).
    pub price: i64,
    /// Tax-free part.
    #[uniffi(default = None)]
    pub tax_free: Option<i64>,
    /// Installment months (`"00"` lump sum; 50,000 KRW and up).
    #[uniffi(default = None)]
    pub card_quota: Option<String>,
    /// Interest-free flag (Welcome Payments).
    #[uniffi(default = None)]
    pub card_interest: Option<String>,
    /// Items (PAYCO requires them).
    #[uniffi(default = None)]
    pub items: Option<Vec<Item>>,
    /// The buyer.
    #[uniffi(default = None)]
    pub user: Option<User>,
    /// Options.
    #[uniffi(default = None)]
    pub extra: Option<SubscribeExtra>,
    /// Webhook URL for this payment.
    #[uniffi(default = None)]
    pub feedback_url: Option<String>,
    /// Webhook body type.
    #[uniffi(default = None)]
    pub content_type: Option<String>,
    /// Metadata, as JSON-object text.
    #[uniffi(default = None)]
    pub metadata_json: Option<String>,
}

impl TryFrom<SubscribePayment> for core::SubscribePayment {
    type Error = PaywireError;
    fn try_from(r: SubscribePayment) -> Result<Self, PaywireError> {
        Ok(Self {
            metadata: json_object("metadata_json", r.metadata_json)?,
            items: list(r.items)?,
            user: opt(r.user)?,
            extra: opt(r.extra)?,
            billing_key: r.billing_key,
            order_name: r.order_name,
            order_id: r.order_id,
            price: r.price,
            tax_free: r.tax_free,
            card_quota: r.card_quota,
            card_interest: r.card_interest,
            feedback_url: r.feedback_url,
            content_type: r.content_type,
        })
    }
}

/// A charge scheduled for later (at most 10 live per key).
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct ReserveSubscribePayment {
    /// The billing key.
    pub billing_key: String,
    /// Order name.
    pub order_name: String,
    /// Unique order id.
    pub order_id: String,
    /// Amount (> 0).
    pub price: i64,
    /// When to charge: RFC 3339 with an explicit offset, e.g. `2026-12-01T09:00:00+09:00`.
    pub reserve_execute_at: String,
    /// Tax-free part.
    #[uniffi(default = None)]
    pub tax_free: Option<i64>,
    /// Items.
    #[uniffi(default = None)]
    pub items: Option<Vec<Item>>,
    /// The buyer.
    #[uniffi(default = None)]
    pub user: Option<User>,
    /// Webhook URL.
    #[uniffi(default = None)]
    pub feedback_url: Option<String>,
    /// Webhook body type.
    #[uniffi(default = None)]
    pub content_type: Option<String>,
    /// Metadata, as JSON-object text.
    #[uniffi(default = None)]
    pub metadata_json: Option<String>,
}

impl TryFrom<ReserveSubscribePayment> for core::ReserveSubscribePayment {
    type Error = PaywireError;
    fn try_from(r: ReserveSubscribePayment) -> Result<Self, PaywireError> {
        Ok(Self {
            metadata: json_object("metadata_json", r.metadata_json)?,
            items: list(r.items)?,
            user: opt(r.user)?,
            billing_key: r.billing_key,
            order_name: r.order_name,
            order_id: r.order_id,
            price: r.price,
            reserve_execute_at: r.reserve_execute_at,
            tax_free: r.tax_free,
            feedback_url: r.feedback_url,
            content_type: r.content_type,
        })
    }
}

/// Account (automatic transfer) billing-key request. Account and identity numbers print as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct RequestTransferBillingKey {
    /// The PG (NICEPAY).
    pub pg: String,
    /// Order name.
    pub order_name: String,
    /// The merchant's unique id.
    pub subscription_id: String,
    /// `ARS` or `간편인증`.
    pub auth_type: String,
    /// Account holder.
    pub username: String,
    /// Bank short name, e.g. `국민`.
    pub bank_name: String,
    /// Account number. Secret.
    pub bank_account: String,
    /// Holder's birth date `YYMMDD` or business number. Secret.
    pub identity_no: String,
    /// `소득공제` or `지출증빙`.
    #[uniffi(default = None)]
    pub cash_receipt_type: Option<String>,
    /// Phone or business number for the cash receipt. Secret.
    #[uniffi(default = None)]
    pub cash_receipt_identity_no: Option<String>,
    /// Phone that receives the consent call.
    #[uniffi(default = None)]
    pub phone: Option<String>,
    /// Amount.
    #[uniffi(default = None)]
    pub price: Option<i64>,
    /// Tax-free part.
    #[uniffi(default = None)]
    pub tax_free: Option<i64>,
    /// Method.
    #[uniffi(default = None)]
    pub method: Option<String>,
    /// Options.
    #[uniffi(default = None)]
    pub extra: Option<SubscribeExtra>,
    /// The buyer.
    #[uniffi(default = None)]
    pub user: Option<User>,
    /// Metadata, as JSON-object text.
    #[uniffi(default = None)]
    pub metadata_json: Option<String>,
}

impl TryFrom<RequestTransferBillingKey> for core::RequestTransferBillingKey {
    type Error = PaywireError;
    fn try_from(r: RequestTransferBillingKey) -> Result<Self, PaywireError> {
        Ok(Self {
            metadata: json_object("metadata_json", r.metadata_json)?,
            extra: opt(r.extra)?,
            user: opt(r.user)?,
            pg: r.pg,
            order_name: r.order_name,
            subscription_id: r.subscription_id,
            auth_type: r.auth_type,
            username: r.username,
            bank_name: r.bank_name,
            bank_account: r.bank_account.into(),
            identity_no: r.identity_no.into(),
            cash_receipt_type: r.cash_receipt_type,
            cash_receipt_identity_no: r.cash_receipt_identity_no.map(Secret::from),
            phone: r.phone,
            price: r.price,
            tax_free: r.tax_free,
            method: r.method,
        })
    }
}

/// An SMS/PASS identity verification request. `identity_no` prints as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct RequestAuthentication {
    /// The PG, e.g. `danal`.
    pub pg: String,
    /// `sms` (or another method the PG offers).
    pub method: String,
    /// The merchant's unique id for this verification.
    pub authentication_id: String,
    /// Name.
    pub username: String,
    /// Birth date `YYMMDD` (+ the first digit of the back part). Secret.
    pub identity_no: String,
    /// `SKT`, `KT`, `LGU+`, `SKT_MVNO`, `KT_MVNO`, `LGU+_MVNO`.
    pub carrier: String,
    /// Phone number.
    pub phone: String,
    /// `sms` or `pass`.
    #[uniffi(default = None)]
    pub authenticate_type: Option<String>,
    /// End-user IP.
    #[uniffi(default = None)]
    pub client_ip: Option<String>,
    /// Site URL or app name.
    #[uniffi(default = None)]
    pub site_url: Option<String>,
    /// Order name.
    #[uniffi(default = None)]
    pub order_name: Option<String>,
    /// The user.
    #[uniffi(default = None)]
    pub user: Option<User>,
    /// Options, as JSON-object text.
    #[uniffi(default = None)]
    pub extra_json: Option<String>,
    /// Metadata, as JSON-object text.
    #[uniffi(default = None)]
    pub metadata_json: Option<String>,
}

impl TryFrom<RequestAuthentication> for core::RequestAuthentication {
    type Error = PaywireError;
    fn try_from(r: RequestAuthentication) -> Result<Self, PaywireError> {
        Ok(Self {
            metadata: json_object("metadata_json", r.metadata_json)?,
            extra: json_object("extra_json", r.extra_json)?,
            user: opt(r.user)?,
            pg: r.pg,
            method: r.method,
            authentication_id: r.authentication_id,
            username: r.username,
            identity_no: r.identity_no.into(),
            carrier: r.carrier,
            phone: r.phone,
            authenticate_type: r.authenticate_type,
            client_ip: r.client_ip,
            site_url: r.site_url,
            order_name: r.order_name,
        })
    }
}

/// A user-token request.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct RequestUserToken {
    /// The merchant's member id.
    pub user_id: String,
    /// E-mail.
    #[uniffi(default = None)]
    pub email: Option<String>,
    /// Name.
    #[uniffi(default = None)]
    pub username: Option<String>,
    /// 0 female, 1 male.
    #[uniffi(default = None)]
    pub gender: Option<i64>,
    /// Birth date.
    #[uniffi(default = None)]
    pub birth: Option<String>,
    /// Phone.
    #[uniffi(default = None)]
    pub phone: Option<String>,
}

impl TryFrom<RequestUserToken> for core::RequestUserToken {
    type Error = PaywireError;
    fn try_from(r: RequestUserToken) -> Result<Self, PaywireError> {
        Ok(Self {
            user_id: r.user_id,
            email: r.email,
            username: r.username,
            gender: r.gender,
            birth: r.birth,
            phone: r.phone,
        })
    }
}

/// The recipient of an escrow shipment.
#[derive(Clone, PartialEq, Default, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct ShippingUser {
    /// Name.
    #[uniffi(default = None)]
    pub username: Option<String>,
    /// Phone.
    #[uniffi(default = None)]
    pub phone: Option<String>,
    /// Postal code.
    #[uniffi(default = None)]
    pub zipcode: Option<String>,
    /// Address.
    #[uniffi(default = None)]
    pub address: Option<String>,
}

impl TryFrom<ShippingUser> for core::ShippingUser {
    type Error = PaywireError;
    fn try_from(u: ShippingUser) -> Result<Self, PaywireError> {
        Ok(Self {
            username: u.username,
            phone: u.phone,
            zipcode: u.zipcode,
            address: u.address,
        })
    }
}

/// The sender of an escrow shipment.
#[derive(Clone, PartialEq, Default, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct ShippingCompany {
    /// Company name.
    #[uniffi(default = None)]
    pub name: Option<String>,
    /// Phone.
    #[uniffi(default = None)]
    pub phone: Option<String>,
    /// Postal code.
    #[uniffi(default = None)]
    pub zipcode: Option<String>,
    /// Address line 1.
    #[uniffi(default = None)]
    pub addr1: Option<String>,
    /// Address line 2.
    #[uniffi(default = None)]
    pub addr2: Option<String>,
}

impl TryFrom<ShippingCompany> for core::ShippingCompany {
    type Error = PaywireError;
    fn try_from(c: ShippingCompany) -> Result<Self, PaywireError> {
        Ok(Self {
            name: c.name,
            phone: c.phone,
            zipcode: c.zipcode,
            addr1: c.addr1,
            addr2: c.addr2,
        })
    }
}

/// Escrow shipping start (INICIS and KCP).
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct ShippingStart {
    /// The escrow payment.
    pub receipt_id: String,
    /// Tracking number.
    pub tracking_number: String,
    /// Courier name, e.g. `CJ대한통운`.
    pub delivery_corp: String,
    /// Sales slip URL.
    #[uniffi(default = None)]
    pub receipt_url: Option<String>,
    /// Whether shipping was prepaid.
    #[uniffi(default = None)]
    pub shipping_prepayment: Option<bool>,
    /// Days until delivery.
    #[uniffi(default = None)]
    pub shipping_day: Option<i64>,
    /// Recipient.
    #[uniffi(default = None)]
    pub user: Option<ShippingUser>,
    /// Sender.
    #[uniffi(default = None)]
    pub company: Option<ShippingCompany>,
    /// URL told about the buyer's purchase confirmation (INICIS).
    #[uniffi(default = None)]
    pub redirect_url: Option<String>,
    /// Anything else Bootpay accepts, as JSON-object text.
    #[uniffi(default = None)]
    pub other_json: Option<String>,
}

impl TryFrom<ShippingStart> for core::ShippingStart {
    type Error = PaywireError;
    fn try_from(s: ShippingStart) -> Result<Self, PaywireError> {
        Ok(Self {
            other: json_map("other_json", s.other_json)?,
            user: opt(s.user)?,
            company: opt(s.company)?,
            receipt_id: s.receipt_id,
            tracking_number: s.tracking_number,
            delivery_corp: s.delivery_corp,
            receipt_url: s.receipt_url,
            shipping_prepayment: s.shipping_prepayment,
            shipping_day: s.shipping_day,
            redirect_url: s.redirect_url,
        })
    }
}

/// A cash receipt on an existing payment. `identity_no` prints as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct PublishCashReceipt {
    /// The payment.
    pub receipt_id: String,
    /// Resident, business or phone number. Secret.
    pub identity_no: String,
    /// `소득공제` or `지출증빙`.
    pub cash_receipt_type: String,
    /// Name.
    #[uniffi(default = None)]
    pub username: Option<String>,
    /// E-mail.
    #[uniffi(default = None)]
    pub email: Option<String>,
    /// Phone.
    #[uniffi(default = None)]
    pub phone: Option<String>,
    /// Currency.
    #[uniffi(default = None)]
    pub currency: Option<String>,
}

impl TryFrom<PublishCashReceipt> for core::PublishCashReceipt {
    type Error = PaywireError;
    fn try_from(r: PublishCashReceipt) -> Result<Self, PaywireError> {
        Ok(Self {
            receipt_id: r.receipt_id,
            identity_no: r.identity_no.into(),
            cash_receipt_type: r.cash_receipt_type,
            username: r.username,
            email: r.email,
            phone: r.phone,
            currency: r.currency,
        })
    }
}

/// A standalone cash receipt. `identity_no` prints as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct RequestCashReceipt {
    /// The merchant's order id.
    pub order_id: String,
    /// Order name.
    pub order_name: String,
    /// Resident, business or phone number. Secret.
    pub identity_no: String,
    /// `소득공제` or `지출증빙`.
    pub cash_receipt_type: String,
    /// Amount.
    pub price: i64,
    /// PG (null: the project's default).
    #[uniffi(default = None)]
    pub pg: Option<String>,
    /// When it was bought (RFC 3339 with offset).
    #[uniffi(default = None)]
    pub purchased_at: Option<String>,
    /// Tax-free part.
    #[uniffi(default = None)]
    pub tax_free: Option<i64>,
    /// The buyer.
    #[uniffi(default = None)]
    pub user: Option<User>,
    /// Metadata, as JSON-object text.
    #[uniffi(default = None)]
    pub metadata_json: Option<String>,
    /// Options, as JSON-object text.
    #[uniffi(default = None)]
    pub extra_json: Option<String>,
}

impl TryFrom<RequestCashReceipt> for core::RequestCashReceipt {
    type Error = PaywireError;
    fn try_from(r: RequestCashReceipt) -> Result<Self, PaywireError> {
        Ok(Self {
            metadata: json_object("metadata_json", r.metadata_json)?,
            extra: json_object("extra_json", r.extra_json)?,
            user: opt(r.user)?,
            order_id: r.order_id,
            order_name: r.order_name,
            identity_no: r.identity_no.into(),
            cash_receipt_type: r.cash_receipt_type,
            price: r.price,
            pg: r.pg,
            purchased_at: r.purchased_at,
            tax_free: r.tax_free,
        })
    }
}

/// Who cancels a cash receipt and why.
#[derive(Clone, PartialEq, Default, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct CancelCashReceipt {
    /// Who.
    #[uniffi(default = None)]
    pub cancel_username: Option<String>,
    /// Why.
    #[uniffi(default = None)]
    pub cancel_message: Option<String>,
}

impl TryFrom<CancelCashReceipt> for core::CancelCashReceipt {
    type Error = PaywireError;
    fn try_from(r: CancelCashReceipt) -> Result<Self, PaywireError> {
        Ok(Self {
            cancel_username: r.cancel_username,
            cancel_message: r.cancel_message,
        })
    }
}

/// A payment-link request.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct RequestPaymentLink {
    /// The merchant's order id.
    pub order_id: String,
    /// Order name.
    pub order_name: String,
    /// Amount.
    pub price: i64,
    /// PG (null: the unified window with every enabled PG).
    #[uniffi(default = None)]
    pub pg: Option<String>,
    /// Method.
    #[uniffi(default = None)]
    pub method: Option<String>,
    /// Methods allowed in the unified window.
    #[uniffi(default = None)]
    pub methods: Option<Vec<String>>,
    /// Tax-free part.
    #[uniffi(default = None)]
    pub tax_free: Option<i64>,
    /// The buyer.
    #[uniffi(default = None)]
    pub user: Option<User>,
    /// Items.
    #[uniffi(default = None)]
    pub items: Option<Vec<Item>>,
    /// Payment-window options (`separately_confirmed`, `redirect_url`, …), as JSON-object text.
    #[uniffi(default = None)]
    pub extra_json: Option<String>,
    /// Metadata, as JSON-object text.
    #[uniffi(default = None)]
    pub metadata_json: Option<String>,
}

impl TryFrom<RequestPaymentLink> for core::RequestPaymentLink {
    type Error = PaywireError;
    fn try_from(r: RequestPaymentLink) -> Result<Self, PaywireError> {
        Ok(Self {
            metadata: json_object("metadata_json", r.metadata_json)?,
            extra: json_object("extra_json", r.extra_json)?,
            user: opt(r.user)?,
            items: list(r.items)?,
            order_id: r.order_id,
            order_name: r.order_name,
            price: r.price,
            pg: r.pg,
            method: r.method,
            methods: r.methods,
            tax_free: r.tax_free,
        })
    }
}

/// One query parameter of a raw request.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct QueryParam {
    /// Name.
    pub name: String,
    /// Value (sent URL-encoded).
    pub value: String,
}

/// A request for an endpoint paywire does not wrap, sent through the same auth, retry and error layers.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct RawRequest {
    /// `GET`, `POST`, `PUT` or `DELETE`.
    pub method: String,
    /// The path relative to the API root, e.g. `receipt/abc` (ids already encoded).
    pub path: String,
    /// Query parameters.
    #[uniffi(default = [])]
    pub query: Vec<QueryParam>,
    /// The JSON body, as text.
    #[uniffi(default = None)]
    pub body_json: Option<String>,
    /// Whether repeating it is safe; null = only for `GET`.
    #[uniffi(default = None)]
    pub idempotent: Option<bool>,
}

impl TryFrom<RawRequest> for core::RawRequest {
    type Error = PaywireError;
    fn try_from(r: RawRequest) -> Result<Self, PaywireError> {
        let body = match r.body_json {
            None => None,
            Some(text) => Some(serde_json::from_str::<Value>(&text).map_err(|e| {
                PaywireError::invalid_input("body_json", &format!("is not valid JSON ({e})"))
            })?),
        };
        let idempotent = r
            .idempotent
            .unwrap_or_else(|| r.method.eq_ignore_ascii_case("GET"));
        Ok(Self {
            method: r.method,
            path: r.path,
            query: r.query.into_iter().map(|q| (q.name, q.value)).collect(),
            body,
            idempotent,
        })
    }
}

crate::redact::redacted!(
    User,
    Item,
    Refund,
    SubscribeExtra,
    CancelPayment,
    IssueBillingKey,
    SubscribePayment,
    ReserveSubscribePayment,
    RequestTransferBillingKey,
    RequestAuthentication,
    RequestUserToken,
    ShippingUser,
    ShippingCompany,
    ShippingStart,
    PublishCashReceipt,
    RequestCashReceipt,
    CancelCashReceipt,
    RequestPaymentLink,
    QueryParam,
    RawRequest,
);
