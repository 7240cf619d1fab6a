//! Webhooks of both providers, as core's records (`BootpayWebhook`, `IamportWebhook`): parse the delivered
//! body, skip an `idempotency_key` already processed, then `verifyWebhook` it (a re-fetch) before acting
//! on it, and answer the provider with [`webhook_ack`] (HTTP 200) or it retries. Also the wire values of
//! the status enums, which core computes.

use crate::error::PaywireError;
use paywire::bootpay::{BootpayWebhook, ReceiptStatus, WebhookType};
use paywire::iamport::{IamportWebhook, PaymentStatus};

/// Parses a Bootpay webhook body (JSON or form; `content_type` decides when given). `receipt_id` is
/// required (`InvalidInput` otherwise).
#[uniffi::export]
pub fn parse_bootpay_webhook(
    body: Vec<u8>,
    content_type: Option<String>,
) -> Result<BootpayWebhook, PaywireError> {
    crate::text::check("content_type", &content_type)?;
    Ok(BootpayWebhook::parse(&body, content_type.as_deref())?)
}

/// The event of a Bootpay webhook: its `webhook_type` when present, else derived from its `status`.
#[uniffi::export]
pub fn bootpay_webhook_event(webhook: BootpayWebhook) -> WebhookType {
    webhook.event()
}

/// The same for every re-delivery of one Bootpay event, different between events: store it to process
/// each event once.
#[uniffi::export]
pub fn bootpay_webhook_idempotency_key(webhook: BootpayWebhook) -> String {
    webhook.idempotency_key()
}

/// Parses an iamport webhook body (JSON or form; `content_type` decides when given). `imp_uid` is
/// required (`InvalidInput` otherwise).
#[uniffi::export]
pub fn parse_iamport_webhook(
    body: Vec<u8>,
    content_type: Option<String>,
) -> Result<IamportWebhook, PaywireError> {
    crate::text::check("content_type", &content_type)?;
    Ok(IamportWebhook::parse(&body, content_type.as_deref())?)
}

/// The same for every re-delivery of one iamport event, different between events (a vbank's `ready` then
/// `paid`; each cancellation): store it to process each event once.
#[uniffi::export]
pub fn iamport_webhook_idempotency_key(webhook: IamportWebhook) -> String {
    webhook.idempotency_key()
}

/// The body a webhook endpoint must answer with HTTP 200, or the provider retries.
#[uniffi::export]
pub fn webhook_ack() -> String {
    paywire::webhook::WEBHOOK_ACK.to_owned()
}

/// The wire number of a Bootpay status (e.g. 2 for `AwaitingConfirm`).
#[uniffi::export]
pub fn receipt_status_code(status: ReceiptStatus) -> i64 {
    status.code()
}

/// The wire string of an iamport payment status (`paid`, …; an `Unknown` gives its own value).
#[uniffi::export]
pub fn payment_status_wire(status: PaymentStatus) -> String {
    status.as_str().to_owned()
}
