//! Payments: receipt look-ups, server confirm, cancel, enabled payment methods.

use super::client::Client;
use super::models::{Item, Metadata, Receipt, Refund};
use super::spec;
use crate::error::{Error, Result};
use crate::path::Path;
use crate::transport::Call;
use crate::validate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The code Bootpay answers when a `cancel_id` was already used on the receipt.
pub const CANCEL_ID_DUPLICATE: &str = "RC_CANCEL_ID_DUPLICATE";

/// A cancel (`POST cancel`): full when `cancel_price` is unset, partial otherwise.
///
/// paywire always sends a `cancel_id`: when you leave it unset one is generated, and it is reused for every
/// retry of this call, so a retried cancel can never cancel twice. Store your own id (e.g. your refund row's
/// id) to make the cancel idempotent across process restarts too.
///
/// ```
/// use paywire::bootpay::CancelPayment;
/// let partial = CancelPayment { cancel_price: Some(3000), cancel_id: Some("refund-42".into()), ..CancelPayment::new("r1") };
/// assert_eq!(partial.receipt_id, "r1");
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct CancelPayment {
    /// The receipt to cancel.
    pub receipt_id: String,
    /// Amount to cancel; unset cancels the whole remainder.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancel_price: Option<i64>,
    /// Tax-free part of the cancelled amount.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancel_tax_free: Option<i64>,
    /// Idempotency key; generated when unset.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancel_id: Option<String>,
    /// Who asked for the cancel.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancel_username: Option<String>,
    /// Why.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancel_message: Option<String>,
    /// Refund account for virtual-account payments.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub refund: Option<Refund>,
    /// Items being cancelled.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub items: Option<Vec<Item>>,
    /// Metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub metadata: Option<Metadata>,
}

impl CancelPayment {
    /// A full cancel of `receipt_id`.
    pub fn new(receipt_id: impl Into<String>) -> Self {
        Self {
            receipt_id: receipt_id.into(),
            ..Self::default()
        }
    }

    fn validate(&self) -> Result<()> {
        crate::path::validate_id("receipt_id", &self.receipt_id)?;
        if let Some(price) = self.cancel_price {
            validate::positive("cancel_price", price)?;
        }
        validate::opt_non_negative("cancel_tax_free", self.cancel_tax_free)?;
        if let (Some(price), Some(tax_free)) = (self.cancel_price, self.cancel_tax_free) {
            if tax_free > price {
                return Err(Error::invalid_input(
                    "cancel_tax_free",
                    "must not exceed cancel_price",
                ));
            }
        }
        validate::not_blank("cancel_id", self.cancel_id.as_deref())?;
        if let Some(refund) = &self.refund {
            validate::required("refund.bank_account", refund.bank_account.expose())?;
            validate::required("refund.bank_username", &refund.bank_username)?;
            validate::required("refund.bank_code", &refund.bank_code)?;
        }
        validate::items(self.items.as_deref())
    }
}

/// One payment method enabled for the merchant (`GET seller/payment/method`).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct PaymentMethod {
    /// The PG.
    #[serde(
        default,
        deserialize_with = "crate::wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pg: Option<String>,
    /// The method.
    #[serde(
        default,
        deserialize_with = "crate::wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub method: Option<String>,
    /// Everything else Bootpay says about it.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

impl Client {
    /// Looks a payment up (`GET receipt/{receipt_id}`). `lookup_user_data` adds the buyer's data.
    ///
    /// ```no_run
    /// # async fn run(client: paywire::bootpay::Client) -> paywire::Result<()> {
    /// let receipt = client.get_receipt("6100e8e7019943003850f9b0", false).await?;
    /// assert!(receipt.price >= 0);
    /// # Ok(()) }
    /// ```
    pub async fn get_receipt(&self, receipt_id: &str, lookup_user_data: bool) -> Result<Receipt> {
        let path = Path::with_id("receipt", "receipt_id", receipt_id)?;
        let call = Call::op(&spec::get_receipt, path).query(
            "lookup_user_data",
            if lookup_user_data { "true" } else { "false" },
        );
        self.send(call).await
    }

    /// Every receipt of a merchant order id (`GET lookup/order/{order_id}`), e.g. to reconcile after a
    /// payment call whose outcome is unknown.
    pub async fn get_receipts_by_order_id(&self, order_id: &str) -> Result<Vec<Receipt>> {
        let path = Path::with_id("lookup/order", "order_id", order_id)?;
        let call = Call::op(&spec::get_receipts_by_order_id, path);
        self.send(call).await
    }

    /// Confirms a payment awaiting server confirmation (status 2 → 1, `POST confirm`). Never retried once
    /// sent; prefer [`Client::confirm_verified`], which checks the amount first.
    pub async fn confirm_payment(&self, receipt_id: &str) -> Result<Receipt> {
        crate::path::validate_id("receipt_id", receipt_id)?;
        let call = Call::fixed(&spec::confirm_payment)
            .body(serde_json::json!({ "receipt_id": receipt_id }))
            .hint(format!(
                "look the receipt up with get_receipt(\"{receipt_id}\") (status 1 = confirmed)"
            ));
        self.send(call).await
    }

    /// Cancels a payment fully or partly (`POST cancel`), always with a `cancel_id`.
    ///
    /// The idempotency rule: a `cancel_id` is applied at most once. When it is unset paywire generates one
    /// and reuses it for every retry; if this call ends in [`crate::Error::OutcomeUnknown`] its
    /// `idempotency_key` is that `cancel_id`: call again with the same request and that `cancel_id`. A repeat
    /// whose `cancel_id` Bootpay already applied is an idempotent replay: it returns the receipt as it
    /// stands, never a second refund and never an error.
    ///
    /// ```no_run
    /// # async fn run(client: paywire::bootpay::Client) -> paywire::Result<()> {
    /// use paywire::bootpay::CancelPayment;
    /// let request = CancelPayment { cancel_price: Some(1000), cancel_id: Some("refund-7".into()), ..CancelPayment::new("r1") };
    /// let receipt = match client.cancel_payment(request.clone()).await {
    ///     // Lost answer: repeating with the same cancel_id refunds at most once.
    ///     Err(paywire::Error::OutcomeUnknown { .. }) => client.cancel_payment(request).await?,
    ///     other => other?,
    /// };
    /// println!("cancelled so far: {}", receipt.cancelled_price);
    /// # Ok(()) }
    /// ```
    pub async fn cancel_payment(&self, request: CancelPayment) -> Result<Receipt> {
        request.validate()?;
        let mut request = request;
        let cancel_id = request
            .cancel_id
            .get_or_insert_with(|| format!("paywire-{}", uuid::Uuid::new_v4()))
            .clone();
        let receipt_id = request.receipt_id.clone();
        let call = Call::fixed(&spec::cancel_payment)
            .body(validate::body(&request)?)
            .idempotency_key(cancel_id.clone())
            .hint(format!("call cancel_payment again with the same request and cancel_id {cancel_id:?}: Bootpay applies a cancel_id once, and a repeat returns the receipt as it stands (or look it up with get_receipt(\"{receipt_id}\"))"));
        let (result, attempts) = self.transport.execute_counted(&call, self.per_call).await;
        match result {
            Err(e) if e.has_code(CANCEL_ID_DUPLICATE) => {
                // This cancel_id was applied already (by an earlier attempt of this call, or by the call the
                // caller is repeating): replay it.
                tracing::info!(
                    provider = "bootpay",
                    operation = "cancel_payment",
                    attempt = attempts,
                    "cancel_id already applied: returning the receipt as it stands"
                );
                self.get_receipt(&receipt_id, false).await
            }
            other => {
                let (status, value) = other?;
                self.transport.decode(&call, status, value)
            }
        }
    }

    /// The payment methods enabled for this merchant (`GET seller/payment/method`).
    pub async fn get_payment_methods(&self) -> Result<Vec<PaymentMethod>> {
        let call = Call::fixed(&spec::get_payment_methods);
        self.send(call).await
    }
}

crate::display_redacted!(CancelPayment, PaymentMethod);
