//! The iamport (PortOne V1) half of the native module: the dispatch derived from core's table, the
//! configuration and the webhook parser.
//!
//! Amounts travel as JSON numbers (core's `f64`; whole ones are written as integers by core), unix
//! timestamps as integers: the Python layer turns `datetime`s into seconds before calling.

use crate::client::{transport_options, Config};
use crate::dispatch::{Call, PyArg};
use paywire::iamport::{
    AgainPayment, CardInput, Client, ClientBuilder, IamportWebhook, IssueBillingKey, ListOptions,
    OnetimePayment, PaymentOptions, PaymentStatus, ScheduleItem, SchedulePayments,
};
use paywire::Error;
use serde_json::{json, Value};

paywire::iamport_operations!(crate::dispatch::operations);

/// A webhook comes as its JSON payload (an object), parsed with core's rules.
impl PyArg for IamportWebhook {
    fn from_call(call: &Call<'_>, name: &str) -> Result<Self, Error> {
        IamportWebhook::parse(&call.json_body(name)?, Some("application/json"))
    }
}

/// Paging and order come as flat keyword arguments (`page`, `limit`, `sorting`, `from`, `to`).
impl PyArg for ListOptions {
    fn from_call(call: &Call<'_>, _name: &str) -> Result<Self, Error> {
        Ok(ListOptions {
            page: call.opt("page")?,
            limit: call.opt("limit")?,
            sorting: call.opt("sorting")?,
            from: call.opt("from")?,
            to: call.opt("to")?,
        })
    }
}

// The requests that flatten card data or payment options in: those parts are checked on their own
// first, so that their field errors keep the field's name.

impl PyArg for IssueBillingKey {
    fn from_call(call: &Call<'_>, _name: &str) -> Result<Self, Error> {
        call.check::<CardInput>()?.decode_request()
    }
}

impl PyArg for OnetimePayment {
    fn from_call(call: &Call<'_>, _name: &str) -> Result<Self, Error> {
        call.check::<CardInput>()?
            .check::<PaymentOptions>()?
            .decode_request()
    }
}

impl PyArg for AgainPayment {
    fn from_call(call: &Call<'_>, _name: &str) -> Result<Self, Error> {
        call.check::<PaymentOptions>()?.decode_request()
    }
}

/// Built field by field: core flattens an optional card into the request, which serde would silently drop
/// (rather than refuse) when half of it is given.
impl PyArg for SchedulePayments {
    fn from_call(call: &Call<'_>, _name: &str) -> Result<Self, Error> {
        let card = if call.value("card_number").is_some() || call.value("expiry").is_some() {
            Some(CardInput {
                card_number: call.req::<String>("card_number")?.into(),
                expiry: call.req::<String>("expiry")?.into(),
                birth: call.opt::<String>("birth")?.map(Into::into),
                pwd_2digit: call.opt::<String>("pwd_2digit")?.map(Into::into),
                cvc: call.opt::<String>("cvc")?.map(Into::into),
            })
        } else {
            None
        };
        Ok(SchedulePayments {
            customer_uid: call.req("customer_uid")?,
            schedules: call.req::<Vec<ScheduleItem>>("schedules")?,
            card,
            checking_amount: call.opt("checking_amount")?,
            channel_key: call.opt("channel_key")?,
            customer_id: call.opt("customer_id")?,
        })
    }
}

/// The builder of a configuration (`{imp_key, imp_secret, base_url, tier, …}`).
pub(crate) fn builder(config: &Config) -> Result<ClientBuilder, Error> {
    let mut builder = Client::builder();
    if let Some(v) = config.text("imp_key")? {
        builder = builder.imp_key(v);
    }
    if let Some(v) = config.text("imp_secret")? {
        builder = builder.imp_secret(v);
    }
    if let Some(v) = config.text("base_url")? {
        builder = builder.base_url(v);
    }
    if let Some(v) = config.text("tier")? {
        builder = builder.tier(v);
    }
    Ok(transport_options!(builder, config))
}

/// Parses a webhook body (JSON or form) with core's rules: its fields and the whole payload.
pub(crate) fn parse_webhook(body: &[u8], content_type: Option<&str>) -> Result<Value, Error> {
    let hook = IamportWebhook::parse(body, content_type)?;
    Ok(json!({
        "imp_uid": hook.imp_uid,
        "merchant_uid": hook.merchant_uid,
        "status": hook.status.as_ref().map(PaymentStatus::as_str),
        "cancellation_id": hook.cancellation_id,
        "idempotency_key": hook.idempotency_key(),
        "raw": hook.raw,
    }))
}
