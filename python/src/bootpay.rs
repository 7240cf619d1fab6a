//! The Bootpay half of the native module: the dispatch derived from core's table, the configuration and
//! the webhook parser.

use crate::client::{transport_options, Config};
use crate::dispatch::{Call, PyArg};
use paywire::bootpay::{BootpayWebhook, Client, ClientBuilder, Mode};
use paywire::Error;
use serde_json::{json, Value};

paywire::bootpay_operations!(crate::dispatch::operations);

/// A webhook comes as its JSON payload (an object), parsed with core's rules.
impl PyArg for BootpayWebhook {
    fn from_call(call: &Call<'_>, name: &str) -> Result<Self, Error> {
        BootpayWebhook::parse(&call.json_body(name)?, Some("application/json"))
    }
}

/// The builder of a configuration (`{application_id, private_key, client_key, secret_key, mode, …}`).
pub(crate) fn builder(config: &Config) -> Result<ClientBuilder, Error> {
    let mut builder = Client::builder();
    if let Some(v) = config.text("application_id")? {
        builder = builder.application_id(v);
    }
    if let Some(v) = config.text("private_key")? {
        builder = builder.private_key(v);
    }
    if let Some(v) = config.text("client_key")? {
        builder = builder.client_key(v);
    }
    if let Some(v) = config.text("secret_key")? {
        builder = builder.secret_key(v);
    }
    if let Some(v) = config.text("mode")? {
        builder = builder.mode(v.parse::<Mode>()?);
    }
    if let Some(v) = config.text("base_url")? {
        builder = builder.base_url(v);
    }
    Ok(transport_options!(builder, config))
}

/// Parses a webhook body (JSON or form) with core's rules: its fields and the whole payload.
pub(crate) fn parse_webhook(body: &[u8], content_type: Option<&str>) -> Result<Value, Error> {
    let hook = BootpayWebhook::parse(body, content_type)?;
    Ok(json!({
        "receipt_id": hook.receipt_id,
        "order_id": hook.order_id,
        "status": hook.status.map(|s| s.code()),
        "webhook_type": hook.webhook_type.as_ref().map(|t| t.as_str().to_owned()),
        "price": hook.price,
        "cancelled_price": hook.cancelled_price,
        "event": hook.event().as_str(),
        "idempotency_key": hook.idempotency_key(),
        "raw": hook.raw,
    }))
}
