//! Bootpay webhooks (spec §9): parse, verify by re-fetch, de-duplicate, acknowledge.

use super::client::Client;
use super::enums::{ReceiptStatus, WebhookType};
use super::models::Receipt;
use crate::error::{Error, Result, VerificationFailure};
use serde_json::{Map, Value};

/// A Bootpay webhook as delivered. It is a hint: call [`Client::verify_webhook`] before acting on it.
///
/// ```
/// use paywire::bootpay::{BootpayWebhook, WebhookType};
/// let hook = BootpayWebhook::parse(br#"{"receipt_id":"r1","order_id":"o1","status":1,"price":1000}"#, Some("application/json")).unwrap_or_default();
/// assert_eq!(hook.event(), WebhookType::PaymentCompleted);
/// assert_eq!(paywire::webhook::WEBHOOK_ACK, r#"{"success": true}"#);
/// ```
#[derive(Clone, Default, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct BootpayWebhook {
    /// The payment.
    pub receipt_id: String,
    /// The merchant's order id.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub order_id: Option<String>,
    /// The status the payload claims.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub status: Option<ReceiptStatus>,
    /// `webhook_type` (client SDK 5.x; absent from older payloads).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub webhook_type: Option<WebhookType>,
    /// The price the payload claims.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub price: Option<i64>,
    /// The cancelled amount the payload claims.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancelled_price: Option<i64>,
    /// The whole payload.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub raw: Map<String, Value>,
}

fn int(value: Option<&Value>) -> Option<i64> {
    match value? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

impl BootpayWebhook {
    /// Parses a JSON or form body; `receipt_id` is required.
    pub fn parse(body: &[u8], content_type: Option<&str>) -> Result<Self> {
        let raw = crate::webhook::parse_body(body, content_type)?;
        let text = |k: &str| crate::webhook::field_text(&raw, k);
        let receipt_id = text("receipt_id")
            .ok_or_else(|| Error::invalid_input("receipt_id", "is missing from the webhook"))?;
        crate::path::validate_id("receipt_id", &receipt_id)?;
        Ok(Self {
            order_id: text("order_id"),
            status: int(raw.get("status")).map(ReceiptStatus::from_code),
            webhook_type: text("webhook_type").map(|t| WebhookType::from(t.as_str())),
            price: int(raw.get("price")),
            cancelled_price: int(raw.get("cancelled_price")),
            receipt_id,
            raw,
        })
    }

    /// The event: `webhook_type` when present, else derived from `status` (old payloads).
    pub fn event(&self) -> WebhookType {
        if let Some(kind) = &self.webhook_type {
            return kind.clone();
        }
        match self.status {
            Some(ReceiptStatus::Paid) => WebhookType::PaymentCompleted,
            Some(ReceiptStatus::VirtualAccountIssued) => WebhookType::PaymentVirtualAccountIssued,
            Some(ReceiptStatus::Cancelled) => match (self.price, self.cancelled_price) {
                (Some(p), Some(c)) if c < p => WebhookType::PaymentPartialCancelled,
                _ => WebhookType::PaymentCancelled,
            },
            other => WebhookType::Unknown(other.map(|s| s.code().to_string()).unwrap_or_default()),
        }
    }

    /// A key that is the same for re-deliveries of one event and differs between events (a vbank sends
    /// "issued" then "paid"; each partial cancel has its own cumulative amount). Store it to process once.
    pub fn idempotency_key(&self) -> String {
        format!(
            "bootpay:{}:{}:{}",
            self.receipt_id,
            self.event().as_str(),
            self.cancelled_price.unwrap_or_default()
        )
    }
}

impl Client {
    /// Verifies a webhook by re-fetching its receipt; returns the receipt as Bootpay reports it now.
    /// A payload whose order id or price does not match the real receipt is refused as forged
    /// ([`crate::VerificationFailure::AmountMismatch`]: `expected` is what Bootpay reports, `actual` what the
    /// payload claims).
    pub async fn verify_webhook(&self, webhook: &BootpayWebhook) -> Result<Receipt> {
        let receipt = self.get_receipt(&webhook.receipt_id, false).await?;
        if let (Some(claimed), Some(real)) = (&webhook.order_id, &receipt.order_id) {
            if claimed != real {
                return Err(Error::Verification {
                    payment_id: webhook.receipt_id.clone(),
                    failure: VerificationFailure::OrderMismatch {
                        expected: claimed.clone(),
                        actual: real.clone(),
                    },
                });
            }
        }
        // A payload whose price is not the price Bootpay reports was forged or tampered with in transit.
        if let Some(claimed) = webhook.price {
            if claimed != receipt.price {
                return Err(Error::Verification {
                    payment_id: webhook.receipt_id.clone(),
                    failure: VerificationFailure::AmountMismatch {
                        expected: receipt.price,
                        actual: claimed,
                    },
                });
            }
        }
        Ok(receipt)
    }
}

crate::display_redacted!(BootpayWebhook);
