//! Bootpay webhooks: parse the delivered body into a record, then `verify_webhook` it (a re-fetch) before
//! acting on it. Answer the provider with [`webhook_ack`] (HTTP 200) or it retries.

use crate::enums::{ReceiptStatus, WebhookType};
use crate::error::PaywireError;
use crate::models::map_json;
use crate::requests::json_object;
use paywire::bootpay as core;

/// A webhook as delivered: a hint, never proof. Store `idempotency_key` to process each event once.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct BootpayWebhook {
    /// The payment.
    pub receipt_id: String,
    /// The merchant's order id the payload claims.
    pub order_id: Option<String>,
    /// The status the payload claims.
    pub status: Option<ReceiptStatus>,
    /// `webhook_type` (client SDK 5.x; absent from older payloads).
    pub webhook_type: Option<WebhookType>,
    /// The price the payload claims.
    pub price: Option<i64>,
    /// The cancelled amount the payload claims.
    pub cancelled_price: Option<i64>,
    /// The event: `webhook_type` when present, else derived from `status`.
    pub event: WebhookType,
    /// Same for re-deliveries of one event, different between events.
    pub idempotency_key: String,
    /// The whole payload, as JSON text.
    pub raw_json: String,
}

impl From<core::BootpayWebhook> for BootpayWebhook {
    fn from(w: core::BootpayWebhook) -> Self {
        Self {
            event: w.event().into(),
            idempotency_key: w.idempotency_key(),
            raw_json: map_json(&w.raw),
            receipt_id: w.receipt_id,
            order_id: w.order_id,
            status: w.status.map(ReceiptStatus::from),
            webhook_type: w.webhook_type.map(WebhookType::from),
            price: w.price,
            cancelled_price: w.cancelled_price,
        }
    }
}

impl TryFrom<BootpayWebhook> for core::BootpayWebhook {
    type Error = PaywireError;
    fn try_from(w: BootpayWebhook) -> Result<Self, PaywireError> {
        Ok(Self {
            raw: json_object("raw_json", Some(w.raw_json))?.unwrap_or_default(),
            receipt_id: w.receipt_id,
            order_id: w.order_id,
            status: w.status.map(Into::into),
            webhook_type: w.webhook_type.map(Into::into),
            price: w.price,
            cancelled_price: w.cancelled_price,
        })
    }
}

/// Parses a webhook body (JSON or form; `content_type` decides when given). `receipt_id` is required.
#[uniffi::export]
pub fn parse_bootpay_webhook(
    body: Vec<u8>,
    content_type: Option<String>,
) -> Result<BootpayWebhook, PaywireError> {
    crate::text::check("content_type", &content_type)?;
    Ok(core::BootpayWebhook::parse(&body, content_type.as_deref())?.into())
}

/// The body a webhook endpoint must answer with HTTP 200, or the provider retries.
#[uniffi::export]
pub fn webhook_ack() -> String {
    paywire::webhook::WEBHOOK_ACK.to_owned()
}

crate::redact::redacted!(BootpayWebhook,);
