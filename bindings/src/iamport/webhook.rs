//! iamport webhooks: V1 has no signature, so a webhook is only a hint. Parse the delivered body
//! ([`parse_iamport_webhook`]), skip an `idempotency_key` already processed, then `verify_webhook` it (a
//! re-fetch) and decide on the payment it returns. Answer iamport with `webhook_ack()` (HTTP 200).

use super::enums::PaymentStatus;
use crate::error::PaywireError;
use crate::models::map_json;
use crate::requests::json_object;
use paywire::iamport as core;

/// An iamport webhook as delivered: a hint, never proof.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct IamportWebhook {
    /// The payment.
    pub imp_uid: String,
    /// The order the payload claims.
    pub merchant_uid: Option<String>,
    /// The status the payload claims.
    pub status: Option<PaymentStatus>,
    /// The cancellation this event is about (cancel events).
    pub cancellation_id: Option<String>,
    /// The same for every re-delivery of one event, different between events (a vbank's `ready` then
    /// `paid`; each cancellation): store it to process each event once.
    pub idempotency_key: String,
    /// The whole payload, as JSON text.
    pub raw_json: String,
}

impl From<core::IamportWebhook> for IamportWebhook {
    fn from(w: core::IamportWebhook) -> Self {
        Self {
            idempotency_key: w.idempotency_key(),
            raw_json: map_json(&w.raw),
            imp_uid: w.imp_uid,
            merchant_uid: w.merchant_uid,
            status: w.status.map(PaymentStatus::from),
            cancellation_id: w.cancellation_id,
        }
    }
}

impl TryFrom<IamportWebhook> for core::IamportWebhook {
    type Error = PaywireError;
    fn try_from(w: IamportWebhook) -> Result<Self, PaywireError> {
        Ok(Self {
            raw: json_object("raw_json", Some(w.raw_json))?.unwrap_or_default(),
            imp_uid: w.imp_uid,
            merchant_uid: w.merchant_uid,
            status: w.status.map(Into::into),
            cancellation_id: w.cancellation_id,
        })
    }
}

/// Parses an iamport webhook body (JSON or form; `content_type` decides when given). `imp_uid` is
/// required (`InvalidInput` otherwise).
#[uniffi::export]
pub fn parse_iamport_webhook(
    body: Vec<u8>,
    content_type: Option<String>,
) -> Result<IamportWebhook, PaywireError> {
    crate::text::check("content_type", &content_type)?;
    Ok(core::IamportWebhook::parse(&body, content_type.as_deref())?.into())
}

crate::redact::redacted!(IamportWebhook,);
