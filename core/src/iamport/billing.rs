//! Billing keys ("customers") and key-in / billing-key payments (onetime, again).
//!
//! Payments here are never retried once the request may have left; an interrupted one is
//! [`crate::Error::OutcomeUnknown`] naming `find_payment(merchant_uid)` as the way to settle it. A PG decline
//! can arrive as an error (code != 0) or as a payment whose `status` is `failed`: check the status.

use super::client::Client;
use super::models::{BillingCustomer, PartialBillingCustomers, Payment, PaymentPage, SchedulePage};
use super::payments::ListOptions;
use super::spec;
use crate::error::{Error, Result};
use crate::operation::Spec;
use crate::path::{validate_id, Path};
use crate::secret::Secret;
use crate::transport::Call;
use crate::validate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Card data for a billing key or a key-in payment; everything but the PG is redacted in `Debug`.
///
/// ```
/// use paywire::iamport::CardInput;
/// let card = CardInput::new("5570-1234-5678-1234", "2028-12");
/// assert!(!format!("{card:?}").contains("5678"));
/// ```
// Not `deny_unknown_fields`: it is flattened into the payment requests, whose other keys pass through it.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct CardInput {
    /// `dddd-dddd-dddd-dddd`.
    pub card_number: Secret,
    /// `YYYY-MM`.
    pub expiry: Secret,
    /// Birth date `YYMMDD` or 10-digit business number.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub birth: Option<Secret>,
    /// First two PIN digits.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pwd_2digit: Option<Secret>,
    /// CVC (Paymentwall).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cvc: Option<Secret>,
}

impl CardInput {
    /// Card number and expiry.
    pub fn new(card_number: impl Into<Secret>, expiry: impl Into<Secret>) -> Self {
        Self {
            card_number: card_number.into(),
            expiry: expiry.into(),
            ..Self::default()
        }
    }

    fn validate(&self) -> Result<()> {
        validate::required("card_number", self.card_number.expose())?;
        let digits = self
            .card_number
            .expose()
            .chars()
            .filter(|c| *c != '-' && *c != ' ');
        if !digits.clone().all(|c| c.is_ascii_digit()) || digits.count() < 14 {
            return Err(Error::invalid_input(
                "card_number",
                "must be 14–16 digits, dashes allowed",
            ));
        }
        let expiry = self.expiry.expose();
        let ok = expiry.len() == 7
            && expiry.as_bytes().get(4) == Some(&b'-')
            && expiry
                .chars()
                .enumerate()
                .all(|(i, c)| i == 4 || c.is_ascii_digit());
        if !ok {
            return Err(Error::invalid_input("expiry", "must be YYYY-MM"));
        }
        Ok(())
    }
}

/// Billing-key issue (`POST subscribe/customers/{customer_uid}`).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct IamportIssueBillingKey {
    /// The card.
    #[serde(flatten)]
    pub card: CardInput,
    /// Channel to issue on.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub channel_key: Option<String>,
    /// `{pg}` or `{pg}.{MID}` (older routing).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pg: Option<String>,
    /// Customer id (tosspayments).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer_id: Option<String>,
    /// Buyer defaults stored with the key.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer_name: Option<String>,
    /// Phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer_tel: Option<String>,
    /// E-mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer_email: Option<String>,
    /// Address.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer_addr: Option<String>,
    /// Postcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer_postcode: Option<String>,
}

/// `IamportIssueBillingKey` under its Rust name (the struct is named for the foreign languages, where Bootpay has one too).
pub type IssueBillingKey = IamportIssueBillingKey;

/// Buyer and order options shared by onetime, again and schedules.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct PaymentOptions {
    /// Currency (default KRW).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub currency: Option<String>,
    /// Tax-free part.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::wire::ser_opt_number"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tax_free: Option<f64>,
    /// Explicit VAT.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::wire::ser_opt_number"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub vat_amount: Option<f64>,
    /// Buyer name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub buyer_name: Option<String>,
    /// Buyer e-mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub buyer_email: Option<String>,
    /// Buyer phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub buyer_tel: Option<String>,
    /// Buyer address.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub buyer_addr: Option<String>,
    /// Buyer postcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub buyer_postcode: Option<String>,
    /// Instalments (≥ 2, 50,000 KRW and up; 0 = lump sum).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_quota: Option<i64>,
    /// Merchant data (stored as JSON text).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub custom_data: Option<String>,
    /// Webhook URL for this payment.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub notice_url: Option<String>,
    /// `real` or `digital` (ksnet).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub product_type: Option<String>,
    /// Any other field iamport accepts (`interest_free_by_merchant`, `bypass`, `extra`, …).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub other: Map<String, Value>,
}

/// A key-in payment (`POST subscribe/payments/onetime`), optionally storing the card as `customer_uid`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct OnetimePayment {
    /// Unique per payment request: the look-up key if the outcome is unknown.
    pub merchant_uid: String,
    /// Amount.
    #[serde(serialize_with = "crate::wire::ser_number")]
    pub amount: f64,
    /// The card.
    #[serde(flatten)]
    pub card: CardInput,
    /// Store a billing key under this id after success.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer_uid: Option<String>,
    /// Order name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// `{pg}[.{MID}]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pg: Option<String>,
    /// Buyer and order options.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub options: PaymentOptions,
}

/// A payment with a stored billing key (`POST subscribe/payments/again`).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct AgainPayment {
    /// The billing key.
    pub customer_uid: String,
    /// Unique per payment request.
    pub merchant_uid: String,
    /// Amount.
    #[serde(serialize_with = "crate::wire::ser_number")]
    pub amount: f64,
    /// Order name (required by iamport for `again`).
    pub name: String,
    /// Channel of a smart-routing key.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub channel_key: Option<String>,
    /// Buyer and order options.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub options: PaymentOptions,
}

impl PaymentOptions {
    /// Checks the tax parts against the charged `amount` (both within it, both sane numbers).
    pub(crate) fn validate(&self, amount: f64) -> Result<()> {
        for (field, value) in [("tax_free", self.tax_free), ("vat_amount", self.vat_amount)] {
            if let Some(v) = value {
                crate::validate::amount_or_zero(field, v)?;
                if v > amount {
                    return Err(Error::invalid_input(
                        field,
                        format!("must not exceed amount (got {v} > {amount})"),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// An amount to charge: finite, positive, within sane bounds (see [`crate::validate::amount`]).
pub(crate) fn check_amount_positive(field: &str, amount: f64) -> Result<()> {
    crate::validate::amount(field, amount)
}

fn payment_hint(merchant_uid: &str) -> String {
    format!("look the order up with find_payment(\"{merchant_uid}\")")
}

impl Client {
    /// Several billing keys (`GET subscribe/customers?customer_uid[]=…`); a 207 is reported as partial.
    pub async fn get_billing_keys(
        &self,
        customer_uids: &[String],
    ) -> Result<PartialBillingCustomers> {
        if customer_uids.is_empty() {
            return Err(Error::invalid_input(
                "customer_uids",
                "must name at least one billing key",
            ));
        }
        let mut call = Call::fixed(&spec::get_billing_keys);
        for id in customer_uids {
            validate_id("customer_uids", id)?;
            call = call.query("customer_uid[]", id.clone());
        }
        let answer = match self.answer(call).await {
            Err(e) if super::errors::is_envelope_not_found(&e) => {
                return Ok(PartialBillingCustomers {
                    items: Vec::new(),
                    missing: customer_uids.to_vec(),
                    complete: false,
                });
            }
            other => other?,
        };
        let items: Vec<BillingCustomer> = super::client::decode(answer.response)?;
        let missing: Vec<String> = customer_uids
            .iter()
            .filter(|id| !items.iter().any(|c| &c.customer_uid == *id))
            .cloned()
            .collect();
        Ok(PartialBillingCustomers {
            complete: answer.http_status == 200 && missing.is_empty(),
            items,
            missing,
        })
    }

    /// One billing key (`GET subscribe/customers/{customer_uid}`).
    pub async fn get_billing_key(&self, customer_uid: &str) -> Result<BillingCustomer> {
        let path = Path::with_id("subscribe/customers", "customer_uid", customer_uid)?;
        self.send(Call::op(&spec::get_billing_key, path)).await
    }

    /// Issues (or replaces) a billing key from card data (`POST subscribe/customers/{customer_uid}`).
    /// Replacing does not revoke the old key at the PG.
    pub async fn issue_billing_key(
        &self,
        customer_uid: &str,
        request: IssueBillingKey,
    ) -> Result<BillingCustomer> {
        let path = Path::with_id("subscribe/customers", "customer_uid", customer_uid)?;
        request.card.validate()?;
        let call = Call::op(&spec::issue_billing_key, path)
            .body(validate::body(&request)?)
            .hint(format!(
                "look the key up with get_billing_key(\"{customer_uid}\")"
            ));
        self.send(call).await
    }

    /// Deletes a billing key (`DELETE subscribe/customers/{customer_uid}`). Revoke its schedules first.
    pub async fn delete_billing_key(
        &self,
        customer_uid: &str,
        reason: Option<&str>,
        requester: Option<&str>,
    ) -> Result<BillingCustomer> {
        let path = Path::with_id("subscribe/customers", "customer_uid", customer_uid)?;
        validate::not_blank("reason", reason)?;
        let mut call = Call::op(&spec::delete_billing_key, path).hint(format!(
            "look the key up with get_billing_key(\"{customer_uid}\") (404 = deleted)"
        ));
        if let Some(reason) = reason {
            call = call.query("reason", reason);
        }
        if let Some(requester) = requester {
            call = call.query("extra[requester]", requester);
        }
        self.send(call).await
    }

    /// Payments made with a billing key, paged (`GET subscribe/customers/{customer_uid}/payments`).
    pub async fn get_billing_key_payments(
        &self,
        customer_uid: &str,
        page: Option<i64>,
    ) -> Result<PaymentPage> {
        let path = Path::with_id("subscribe/customers", "customer_uid", customer_uid)?
            .push_id("segment", "payments")?;
        let options = ListOptions {
            page,
            ..ListOptions::default()
        };
        self.list(&spec::get_billing_key_payments, path, options)
            .await
    }

    /// Schedules of a billing key in `[from, to)` (unix s, ≤ 3 months), paged
    /// (`GET subscribe/customers/{customer_uid}/schedules`).
    pub async fn get_billing_key_schedules(
        &self,
        customer_uid: &str,
        from: i64,
        to: i64,
        status: Option<super::enums::ScheduleStatus>,
        page: Option<i64>,
    ) -> Result<SchedulePage> {
        let path = Path::with_id("subscribe/customers", "customer_uid", customer_uid)?
            .push_id("segment", "schedules")?;
        super::schedules::window("from", "to", from, to)?;
        let mut call = Call::op(&spec::get_billing_key_schedules, path)
            .query("from", from.to_string())
            .query("to", to.to_string());
        if let Some(status) = status {
            // This endpoint spells it with a hyphen; the range query uses an underscore.
            call = call.query("schedule-status", status.as_str());
        }
        let call = ListOptions {
            page,
            ..ListOptions::default()
        }
        .apply_paging(call)?;
        self.send(call).await
    }

    async fn list<P: serde::de::DeserializeOwned>(
        &self,
        spec: &'static Spec,
        path: Path,
        options: ListOptions,
    ) -> Result<P> {
        let call = options.apply_paging(Call::op(spec, path))?;
        self.send(call).await
    }

    /// A key-in payment (`POST subscribe/payments/onetime`). Never retried once sent.
    pub async fn pay_onetime(&self, request: OnetimePayment) -> Result<Payment> {
        validate_id("merchant_uid", &request.merchant_uid)?;
        check_amount_positive("amount", request.amount)?;
        request.options.validate(request.amount)?;
        request.card.validate()?;
        if let Some(customer_uid) = &request.customer_uid {
            validate_id("customer_uid", customer_uid)?;
        }
        let call = Call::fixed(&spec::pay_onetime)
            .body(validate::body(&request)?)
            .hint(payment_hint(&request.merchant_uid));
        self.send(call).await
    }

    /// A payment with a stored billing key (`POST subscribe/payments/again`). Never retried once sent.
    pub async fn pay_again(&self, request: AgainPayment) -> Result<Payment> {
        validate_id("customer_uid", &request.customer_uid)?;
        validate_id("merchant_uid", &request.merchant_uid)?;
        validate::required("name", &request.name)?;
        check_amount_positive("amount", request.amount)?;
        request.options.validate(request.amount)?;
        let call = Call::fixed(&spec::pay_again)
            .body(validate::body(&request)?)
            .hint(payment_hint(&request.merchant_uid));
        self.send(call).await
    }
}

crate::display_redacted!(
    CardInput,
    IamportIssueBillingKey,
    PaymentOptions,
    OnetimePayment,
    AgainPayment
);
