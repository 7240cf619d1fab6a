//! The Bootpay half of the dispatch: core's `bootpay::Client` operations by name, its configuration and
//! its webhook parser.

use crate::client::{
    invalid, out, raw_request, transport_options, unknown_operation, Answer, Args, Config,
};
use paywire::bootpay::{
    BootpayWebhook, CancelCashReceipt, CancelPayment, Client, ClientBuilder, IssueBillingKey, Mode,
    PublishCashReceipt, RequestAuthentication, RequestCashReceipt, RequestPaymentLink,
    RequestTransferBillingKey, RequestUserToken, ReserveSubscribePayment, ShippingStart,
    SubscribePayment,
};
use paywire::Error;
use serde_json::{json, Map, Value};

/// Every operation of the Bootpay dispatch, in core's names.
pub(crate) const OPERATIONS: &[&str] = &[
    "get_access_token",
    "get_receipt",
    "get_receipts_by_order_id",
    "confirm_payment",
    "cancel_payment",
    "request_payment_link",
    "get_payment_methods",
    "get_certificate",
    "issue_billing_key",
    "get_billing_key_by_receipt",
    "get_billing_key_by_key",
    "get_sequential_billing_key",
    "destroy_billing_key",
    "subscribe_payment",
    "reserve_subscribe_payment",
    "get_subscribe_reservation",
    "cancel_subscribe_reservation",
    "request_transfer_billing_key",
    "publish_transfer_billing_key",
    "request_user_token",
    "start_escrow_shipping",
    "publish_cash_receipt_on_receipt",
    "cancel_cash_receipt_on_receipt",
    "request_cash_receipt",
    "cancel_cash_receipt",
    "request_authentication",
    "confirm_authentication",
    "realarm_authentication",
    "raw_request",
    "verify_payment",
    "verify_awaiting_confirm",
    "confirm_checked",
    "verify_webhook",
];

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

fn cash_cancel(args: &Args) -> Result<CancelCashReceipt, Error> {
    Ok(CancelCashReceipt {
        cancel_username: args.opt("cancel_username")?,
        cancel_message: args.opt("cancel_message")?,
    })
}

/// Runs one operation of `client` and encodes its answer.
pub(crate) async fn dispatch(client: Client, op: &str, args: Args) -> Result<Answer, Error> {
    let c = &client;
    match op {
        "get_access_token" => out(c.get_access_token().await?),
        "get_receipt" => {
            let lookup = args.opt::<bool>("lookup_user_data")?.unwrap_or(false);
            out(c.get_receipt(&args.text("receipt_id")?, lookup).await?)
        }
        "get_receipts_by_order_id" => {
            out(c.get_receipts_by_order_id(&args.text("order_id")?).await?)
        }
        "confirm_payment" => out(c.confirm_payment(&args.text("receipt_id")?).await?),
        "cancel_payment" => out(c
            .cancel_payment(args.into_request::<CancelPayment>()?)
            .await?),
        "request_payment_link" => out(c
            .request_payment_link(args.into_request::<RequestPaymentLink>()?)
            .await?),
        "get_payment_methods" => out(c.get_payment_methods().await?),
        "get_certificate" => out(c.get_certificate(&args.text("receipt_id")?).await?),
        "issue_billing_key" => out(c
            .issue_billing_key(args.into_request::<IssueBillingKey>()?)
            .await?),
        "get_billing_key_by_receipt" => out(c
            .get_billing_key_by_receipt(&args.text("receipt_id")?)
            .await?),
        "get_billing_key_by_key" => {
            out(c.get_billing_key_by_key(&args.text("billing_key")?).await?)
        }
        "get_sequential_billing_key" => out(c
            .get_sequential_billing_key(
                &args.text("billing_key")?,
                &args.text("widget_key")?,
                &args.text("user_id")?,
            )
            .await?),
        "destroy_billing_key" => out(c.destroy_billing_key(&args.text("billing_key")?).await?),
        "subscribe_payment" => out(c
            .subscribe_payment(args.into_request::<SubscribePayment>()?)
            .await?),
        "reserve_subscribe_payment" => out(c
            .reserve_subscribe_payment(args.into_request::<ReserveSubscribePayment>()?)
            .await?),
        "get_subscribe_reservation" => out(c
            .get_subscribe_reservation(&args.text("reserve_id")?)
            .await?),
        "cancel_subscribe_reservation" => out(c
            .cancel_subscribe_reservation(&args.text("reserve_id")?)
            .await?),
        "request_transfer_billing_key" => out(c
            .request_transfer_billing_key(args.into_request::<RequestTransferBillingKey>()?)
            .await?),
        "publish_transfer_billing_key" => out(c
            .publish_transfer_billing_key(&args.text("receipt_id")?)
            .await?),
        "request_user_token" => out(c
            .request_user_token(args.into_request::<RequestUserToken>()?)
            .await?),
        "start_escrow_shipping" => out(c
            .start_escrow_shipping(args.into_request::<ShippingStart>()?)
            .await?),
        "publish_cash_receipt_on_receipt" => out(c
            .publish_cash_receipt_on_receipt(args.into_request::<PublishCashReceipt>()?)
            .await?),
        "cancel_cash_receipt_on_receipt" => out(c
            .cancel_cash_receipt_on_receipt(&args.text("receipt_id")?, cash_cancel(&args)?)
            .await?),
        "request_cash_receipt" => out(c
            .request_cash_receipt(args.into_request::<RequestCashReceipt>()?)
            .await?),
        "cancel_cash_receipt" => out(c
            .cancel_cash_receipt(&args.text("receipt_id")?, cash_cancel(&args)?)
            .await?),
        "request_authentication" => out(c
            .request_authentication(args.into_request::<RequestAuthentication>()?)
            .await?),
        "confirm_authentication" => out(c
            .confirm_authentication(&args.text("receipt_id")?, &args.text("otp")?)
            .await?),
        "realarm_authentication" => {
            out(c.realarm_authentication(&args.text("receipt_id")?).await?)
        }
        "raw_request" => out(c.raw_request(raw_request(args)?).await?),
        "verify_payment" => out(c
            .verify_payment(&args.text("receipt_id")?, args.req("expected_price")?)
            .await?),
        "verify_awaiting_confirm" => out(c
            .verify_awaiting_confirm(&args.text("receipt_id")?, args.req("expected_price")?)
            .await?),
        "confirm_checked" => out(c
            .confirm_checked(&args.text("receipt_id")?, args.req("expected_price")?)
            .await?),
        "verify_webhook" => {
            let raw = args.req::<Map<String, Value>>("webhook")?;
            let body = serde_json::to_vec(&raw).map_err(|e| invalid("webhook", &e))?;
            let webhook = BootpayWebhook::parse(&body, Some("application/json"))?;
            out(c.verify_webhook(&webhook).await?)
        }
        other => Err(unknown_operation(other)),
    }
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
