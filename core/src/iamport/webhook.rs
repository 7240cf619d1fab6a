//! iamport webhooks (spec §7): no signature exists in V1, so a webhook is only a hint; it is parsed,
//! de-duplicated by its idempotency key, and verified by re-fetching the payment.

use super::client::Client;
use super::enums::PaymentStatus;
use super::models::Payment;
use crate::error::{Error, Result, VerificationFailure};
use serde_json::{Map, Value};

/// An iamport webhook as delivered (JSON or form).
///
/// ```
/// use paywire::iamport::{IamportWebhook, PaymentStatus};
/// let hook = IamportWebhook::parse(b"imp_uid=imp_1&merchant_uid=o1&status=paid", None).unwrap_or_default();
/// assert_eq!(hook.status, Some(PaymentStatus::Paid));
/// assert_eq!(hook.idempotency_key(), "iamport:imp_1:paid:");
/// ```
#[derive(Clone, Default, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct IamportWebhook {
    /// The payment.
    pub imp_uid: String,
    /// The order.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub merchant_uid: Option<String>,
    /// The status the payload claims.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<PaymentStatus>,
    /// The cancellation this event is about (cancel events).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancellation_id: Option<String>,
    /// The whole payload.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub raw: Map<String, Value>,
}

impl IamportWebhook {
    /// Parses a JSON or form body; `imp_uid` is required.
    pub fn parse(body: &[u8], content_type: Option<&str>) -> Result<Self> {
        let raw = crate::webhook::parse_body(body, content_type)?;
        let text = |k: &str| crate::webhook::field_text(&raw, k);
        let imp_uid = text("imp_uid")
            .ok_or_else(|| Error::invalid_input("imp_uid", "is missing from the webhook"))?;
        crate::path::validate_id("imp_uid", &imp_uid)?;
        Ok(Self {
            merchant_uid: text("merchant_uid"),
            status: text("status").map(|s| PaymentStatus::from(s.as_str())),
            cancellation_id: text("cancellation_id"),
            imp_uid,
            raw,
        })
    }

    /// The same for every re-delivery of one event, different between events (a vbank's `ready` then
    /// `paid`; each cancellation): store it to process each event once.
    pub fn idempotency_key(&self) -> String {
        format!(
            "iamport:{}:{}:{}",
            self.imp_uid,
            self.status
                .as_ref()
                .map(PaymentStatus::as_str)
                .unwrap_or_default(),
            self.cancellation_id.as_deref().unwrap_or_default()
        )
    }
}

impl Client {
    /// Verifies a webhook by re-fetching its payment, the only trusted data; a payload whose
    /// `merchant_uid` does not match the real payment is refused as forged. Decide on the returned payment
    /// (and check its amount with [`Client::verify_payment`]).
    pub async fn verify_webhook(&self, webhook: &IamportWebhook) -> Result<Payment> {
        let payment = self.get_payment(&webhook.imp_uid, true).await?;
        if let Some(claimed) = &webhook.merchant_uid {
            if claimed != &payment.merchant_uid {
                return Err(Error::Verification {
                    payment_id: webhook.imp_uid.clone(),
                    failure: VerificationFailure::OrderMismatch {
                        expected: claimed.clone(),
                        actual: payment.merchant_uid.clone(),
                    },
                });
            }
        }
        Ok(payment)
    }
}

crate::display_redacted!(IamportWebhook);
