//! Recurring payments: card and account billing keys, charging a key, reservations.
//!
//! Issuing a key and charging one move money (or may: `price` on issue charges at once), so they are
//! never retried after the request may have left; an interrupted call returns
//! [`crate::Error::OutcomeUnknown`] with how to look the result up.

use super::client::Client;
use super::models::{BillingKey, Item, Metadata, Receipt, SubscribeExtra, User};
use super::spec;
use crate::error::Result;
use crate::path::{validate_id, Path};
use crate::secret::Secret;
use crate::transport::Call;
use crate::validate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::time::SystemTime;

/// Card billing-key issue (`POST request/subscribe`). Card data is redacted in `Debug`.
///
/// ```
/// use paywire::bootpay::IssueBillingKey;
/// let req = IssueBillingKey::new("nicepay", "월간 구독", "sub-1", "5570000000001234", "12", "900101", "28", "12");
/// assert!(!format!("{req:?}").contains("5570000000001234"));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct IssueBillingKey {
    /// The PG (one that supports REST billing, e.g. `nicepay`).
    pub pg: String,
    /// Order name.
    pub order_name: String,
    /// The merchant's unique id for this registration.
    pub subscription_id: String,
    /// Full card number.
    pub card_no: Secret,
    /// First two digits of the card password.
    pub card_pw: Secret,
    /// Owner's birth date `YYMMDD` or business number.
    pub card_identity_no: Secret,
    /// Expiry year, two digits.
    pub card_expire_year: Secret,
    /// Expiry month, two digits.
    pub card_expire_month: Secret,
    /// Method.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub method: Option<String>,
    /// Charge this much at issue time.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub price: Option<i64>,
    /// Tax-free part of `price`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tax_free: Option<i64>,
    /// Options (`raw_data`, `subscribe_test_payment`, `card_quota`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Option<SubscribeExtra>,
    /// The buyer.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub user: Option<User>,
    /// Metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub metadata: Option<Metadata>,
}

impl IssueBillingKey {
    /// A request with every required field.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        pg: impl Into<String>,
        order_name: impl Into<String>,
        subscription_id: impl Into<String>,
        card_no: impl Into<Secret>,
        card_pw: impl Into<Secret>,
        card_identity_no: impl Into<Secret>,
        card_expire_year: impl Into<Secret>,
        card_expire_month: impl Into<Secret>,
    ) -> Self {
        Self {
            pg: pg.into(),
            order_name: order_name.into(),
            subscription_id: subscription_id.into(),
            card_no: card_no.into(),
            card_pw: card_pw.into(),
            card_identity_no: card_identity_no.into(),
            card_expire_year: card_expire_year.into(),
            card_expire_month: card_expire_month.into(),
            ..Self::default()
        }
    }

    fn validate(&self) -> Result<()> {
        validate::required("pg", &self.pg)?;
        validate::required("order_name", &self.order_name)?;
        validate::required("subscription_id", &self.subscription_id)?;
        for (field, value) in [
            ("card_no", &self.card_no),
            ("card_pw", &self.card_pw),
            ("card_identity_no", &self.card_identity_no),
            ("card_expire_year", &self.card_expire_year),
            ("card_expire_month", &self.card_expire_month),
        ] {
            validate::required(field, value.expose())?;
        }
        let digits = self
            .card_no
            .expose()
            .chars()
            .filter(|c| c != &'-' && c != &' ');
        if !digits.clone().all(|c| c.is_ascii_digit()) {
            return Err(crate::Error::invalid_input(
                "card_no",
                "must contain only digits",
            ));
        }
        validate::opt_non_negative("price", self.price)?;
        validate::opt_non_negative("tax_free", self.tax_free)?;
        validate::tax_free_within("price", self.price, self.tax_free)
    }
}

/// A charge with a billing key (`POST subscribe/payment`).
///
/// ```
/// use paywire::bootpay::SubscribePayment;
/// let req = SubscribePayment::new("billing-key", "월간 구독 11월", "order-2026-11", 9900);
/// assert_eq!(req.price, 9900);
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct SubscribePayment {
    /// The billing key.
    pub billing_key: String,
    /// Order name.
    pub order_name: String,
    /// Unique per attempt: use it to look the payment up if the outcome is unknown.
    pub order_id: String,
    /// Amount (> 0).
    pub price: i64,
    /// Tax-free part.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tax_free: Option<i64>,
    /// Installment months (`"00"` lump sum; 50,000 KRW and up).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_quota: Option<String>,
    /// Interest-free flag (Welcome Payments).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_interest: Option<String>,
    /// Items (PAYCO requires them).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub items: Option<Vec<Item>>,
    /// The buyer.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub user: Option<User>,
    /// Options.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Option<SubscribeExtra>,
    /// Webhook URL for this payment.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub feedback_url: Option<String>,
    /// Webhook body type.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub content_type: Option<String>,
    /// Metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub metadata: Option<Metadata>,
}

impl SubscribePayment {
    /// A charge with its required fields.
    pub fn new(
        billing_key: impl Into<String>,
        order_name: impl Into<String>,
        order_id: impl Into<String>,
        price: i64,
    ) -> Self {
        Self {
            billing_key: billing_key.into(),
            order_name: order_name.into(),
            order_id: order_id.into(),
            price,
            ..Self::default()
        }
    }

    fn validate(&self) -> Result<()> {
        validate::required("billing_key", &self.billing_key)?;
        validate::required("order_name", &self.order_name)?;
        validate::required("order_id", &self.order_id)?;
        validate::positive("price", self.price)?;
        validate::opt_non_negative("tax_free", self.tax_free)?;
        validate::tax_free_within("price", Some(self.price), self.tax_free)?;
        validate::not_blank("feedback_url", self.feedback_url.as_deref())?;
        validate::not_blank("content_type", self.content_type.as_deref())?;
        validate::items(self.items.as_deref())
    }
}

/// A charge scheduled for later (`POST subscribe/payment/reserve`). At most 10 per key.
///
/// ```
/// use paywire::bootpay::ReserveSubscribePayment;
/// let req = ReserveSubscribePayment::new("billing-key", "12월 구독", "order-2026-12", 9900, "2026-12-01T09:00:00+09:00");
/// assert_eq!(req.reserve_execute_at, "2026-12-01T09:00:00+09:00");
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct ReserveSubscribePayment {
    /// The billing key.
    pub billing_key: String,
    /// Order name.
    pub order_name: String,
    /// Unique order id.
    pub order_id: String,
    /// Amount (> 0).
    pub price: i64,
    /// When to charge: RFC 3339 with an explicit offset.
    pub reserve_execute_at: String,
    /// Tax-free part.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tax_free: Option<i64>,
    /// Items.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub items: Option<Vec<Item>>,
    /// The buyer.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub user: Option<User>,
    /// Webhook URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub feedback_url: Option<String>,
    /// Webhook body type.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub content_type: Option<String>,
    /// Metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub metadata: Option<Metadata>,
}

impl ReserveSubscribePayment {
    /// A reservation with its required fields.
    pub fn new(
        billing_key: impl Into<String>,
        order_name: impl Into<String>,
        order_id: impl Into<String>,
        price: i64,
        reserve_execute_at: impl Into<String>,
    ) -> Self {
        Self {
            billing_key: billing_key.into(),
            order_name: order_name.into(),
            order_id: order_id.into(),
            price,
            reserve_execute_at: reserve_execute_at.into(),
            ..Self::default()
        }
    }

    fn validate(&self) -> Result<()> {
        validate::required("billing_key", &self.billing_key)?;
        validate::required("order_name", &self.order_name)?;
        validate::required("order_id", &self.order_id)?;
        validate::positive("price", self.price)?;
        validate::datetime_with_offset("reserve_execute_at", &self.reserve_execute_at)?;
        validate::opt_non_negative("tax_free", self.tax_free)?;
        validate::tax_free_within("price", Some(self.price), self.tax_free)?;
        validate::not_blank("feedback_url", self.feedback_url.as_deref())?;
        validate::not_blank("content_type", self.content_type.as_deref())?;
        validate::items(self.items.as_deref())
    }
}

/// The answer to a reservation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct ReservedPayment {
    /// The reservation id.
    #[serde(default)]
    pub reserve_id: String,
    /// When it will run.
    #[serde(
        default,
        with = "crate::wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reserve_execute_at: Option<SystemTime>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// A reservation as looked up (spec §6.6).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct SubscribeReservation {
    /// The reservation id.
    #[serde(default)]
    pub reserve_id: String,
    /// The receipt, once executed.
    #[serde(
        default,
        deserialize_with = "crate::wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub receipt_id: Option<String>,
    /// The order id.
    #[serde(
        default,
        deserialize_with = "crate::wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub order_id: Option<String>,
    /// Order name.
    #[serde(
        default,
        deserialize_with = "crate::wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub order_name: Option<String>,
    /// Amount.
    #[serde(default, deserialize_with = "crate::wire::amount")]
    pub price: i64,
    /// Tax-free part.
    #[serde(default, deserialize_with = "crate::wire::amount")]
    pub tax_free: i64,
    /// State (meanings not published by Bootpay).
    #[serde(
        default,
        deserialize_with = "crate::wire::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<i64>,
    /// When it was requested.
    #[serde(
        default,
        with = "crate::wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reserve_requested_at: Option<SystemTime>,
    /// When it runs.
    #[serde(
        default,
        with = "crate::wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reserve_execute_at: Option<SystemTime>,
    /// When it was revoked.
    #[serde(
        default,
        with = "crate::wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reserve_revoked_at: Option<SystemTime>,
    /// Unknown fields (user, metadata, feedback_url, …).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// The answer to a reservation cancel.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct CancelledReservation {
    /// The reservation id.
    #[serde(default)]
    pub reserve_id: String,
    /// Whether it was cancelled.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub success: bool,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// The answer to a billing-key destroy.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct DestroyedBillingKey {
    /// The destroyed key.
    #[serde(default)]
    pub billing_key: String,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// Account (automatic transfer) billing-key request (`POST request/subscribe/automatic-transfer`).
/// Account and identity numbers are redacted in `Debug`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
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
    /// Account number.
    pub bank_account: Secret,
    /// Holder's birth date `YYMMDD` or business number.
    pub identity_no: Secret,
    /// `소득공제` or `지출증빙`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cash_receipt_type: Option<String>,
    /// Phone or business number for the cash receipt.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cash_receipt_identity_no: Option<Secret>,
    /// Phone that receives the consent call.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phone: Option<String>,
    /// Amount.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub price: Option<i64>,
    /// Tax-free part.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tax_free: Option<i64>,
    /// Method.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub method: Option<String>,
    /// Options.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Option<SubscribeExtra>,
    /// The buyer.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub user: Option<User>,
    /// Metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub metadata: Option<Metadata>,
}

impl RequestTransferBillingKey {
    fn validate(&self) -> Result<()> {
        validate::required("pg", &self.pg)?;
        validate::required("order_name", &self.order_name)?;
        validate::required("subscription_id", &self.subscription_id)?;
        validate::required("auth_type", &self.auth_type)?;
        validate::required("username", &self.username)?;
        validate::required("bank_name", &self.bank_name)?;
        validate::required("bank_account", self.bank_account.expose())?;
        validate::required("identity_no", self.identity_no.expose())?;
        validate::opt_non_negative("price", self.price)?;
        validate::opt_non_negative("tax_free", self.tax_free)?;
        validate::tax_free_within("price", self.price, self.tax_free)
    }
}

impl Client {
    /// Issues a card billing key (`POST request/subscribe`). Never retried once sent.
    pub async fn issue_billing_key(&self, request: IssueBillingKey) -> Result<BillingKey> {
        request.validate()?;
        let hint = format!(
            "check whether a key was issued for subscription_id {:?} (the receipt id arrives by webhook)",
            request.subscription_id
        );
        let call = Call::fixed(&spec::issue_billing_key)
            .body(validate::body(&request)?)
            .hint(hint);
        self.send(call).await
    }

    /// The billing key issued with `receipt_id` (`GET subscribe/billing_key/{receipt_id}`): how a server
    /// gets the key after a browser-side registration.
    pub async fn get_billing_key_by_receipt(&self, receipt_id: &str) -> Result<BillingKey> {
        let path = Path::with_id("subscribe/billing_key", "receipt_id", receipt_id)?;
        self.send(Call::op(&spec::get_billing_key_by_receipt, path))
            .await
    }

    /// A billing key by the key itself (`GET billing_key/{billing_key}`).
    pub async fn get_billing_key_by_key(&self, billing_key: &str) -> Result<BillingKey> {
        let path = Path::with_id("billing_key", "billing_key", billing_key)?;
        self.send(Call::op(&spec::get_billing_key_by_key, path))
            .await
    }

    /// The sequential (priority) billing key of a widget user
    /// (`GET subscribe/sequential_billing_key/{billing_key}?widget_key=…&user_id=…`).
    pub async fn get_sequential_billing_key(
        &self,
        billing_key: &str,
        widget_key: &str,
        user_id: &str,
    ) -> Result<BillingKey> {
        validate::required("widget_key", widget_key)?;
        validate::required("user_id", user_id)?;
        let path = Path::with_id(
            "subscribe/sequential_billing_key",
            "billing_key",
            billing_key,
        )?;
        let call = Call::op(&spec::get_sequential_billing_key, path)
            .query("widget_key", widget_key)
            .query("user_id", user_id);
        self.send(call).await
    }

    /// Destroys a billing key (`DELETE subscribe/billing_key/{billing_key}`). Pending reservations are NOT
    /// cancelled by this: cancel them first.
    pub async fn destroy_billing_key(&self, billing_key: &str) -> Result<DestroyedBillingKey> {
        let path = Path::with_id("subscribe/billing_key", "billing_key", billing_key)?;
        let call = Call::op(&spec::destroy_billing_key, path)
            .hint("look the key up with get_billing_key_by_key (404 = destroyed)");
        self.send(call).await
    }

    /// Charges a billing key (`POST subscribe/payment`). Never retried once sent: on
    /// [`crate::Error::OutcomeUnknown`] look the order up with [`Client::get_receipts_by_order_id`].
    pub async fn subscribe_payment(&self, request: SubscribePayment) -> Result<Receipt> {
        request.validate()?;
        let hint = format!(
            "look the order up with get_receipts_by_order_id(\"{}\")",
            request.order_id
        );
        let call = Call::fixed(&spec::subscribe_payment)
            .body(validate::body(&request)?)
            .hint(hint);
        self.send(call).await
    }

    /// Schedules a charge (`POST subscribe/payment/reserve`). Never retried once sent.
    pub async fn reserve_subscribe_payment(
        &self,
        request: ReserveSubscribePayment,
    ) -> Result<ReservedPayment> {
        request.validate()?;
        let call = Call::fixed(&spec::reserve_subscribe_payment)
            .body(validate::body(&request)?)
            .hint(format!(
                "check your reservations for order_id {:?} before reserving again",
                request.order_id
            ));
        self.send(call).await
    }

    /// Looks a reservation up (`GET subscribe/payment/reserve/{reserve_id}`).
    pub async fn get_subscribe_reservation(
        &self,
        reserve_id: &str,
    ) -> Result<SubscribeReservation> {
        let path = Path::with_id("subscribe/payment/reserve", "reserve_id", reserve_id)?;
        self.send(Call::op(&spec::get_subscribe_reservation, path))
            .await
    }

    /// Cancels a reservation (`DELETE subscribe/payment/reserve/{reserve_id}`).
    pub async fn cancel_subscribe_reservation(
        &self,
        reserve_id: &str,
    ) -> Result<CancelledReservation> {
        let path = Path::with_id("subscribe/payment/reserve", "reserve_id", reserve_id)?;
        let call = Call::op(&spec::cancel_subscribe_reservation, path).hint(format!(
            "look the reservation up with get_subscribe_reservation(\"{reserve_id}\")"
        ));
        self.send(call).await
    }

    /// Starts an account billing-key registration (`POST request/subscribe/automatic-transfer`). The
    /// answer has status 41 once the holder consented; then call [`Client::publish_transfer_billing_key`].
    pub async fn request_transfer_billing_key(
        &self,
        request: RequestTransferBillingKey,
    ) -> Result<Receipt> {
        request.validate()?;
        let call = Call::fixed(&spec::request_transfer_billing_key)
            .body(validate::body(&request)?)
            .hint(format!(
                "check the registration for subscription_id {:?}",
                request.subscription_id
            ));
        self.send(call).await
    }

    /// Issues the account billing key of a consented registration
    /// (`POST request/subscribe/automatic-transfer/publish`).
    pub async fn publish_transfer_billing_key(&self, receipt_id: &str) -> Result<BillingKey> {
        validate_id("receipt_id", receipt_id)?;
        let call = Call::fixed(&spec::publish_transfer_billing_key)
            .body(serde_json::json!({ "receipt_id": receipt_id }))
            .hint(format!(
                "look the key up with get_billing_key_by_receipt(\"{receipt_id}\")"
            ));
        self.send(call).await
    }
}

crate::display_redacted!(
    IssueBillingKey,
    SubscribePayment,
    ReserveSubscribePayment,
    ReservedPayment,
    SubscribeReservation,
    CancelledReservation,
    DestroyedBillingKey,
    RequestTransferBillingKey
);
