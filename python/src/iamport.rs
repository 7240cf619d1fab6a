//! The iamport (PortOne V1) half of the dispatch: core's `iamport::Client` operations by name, its
//! configuration and its webhook parser.
//!
//! Amounts travel as JSON numbers (core's `f64`; whole ones are written as integers by core), unix
//! timestamps as integers: the Python layer turns `datetime`s into seconds before calling.

use crate::client::{
    invalid, out, raw_request, transport_options, unknown_operation, Answer, Args, Config,
};
use paywire::iamport::{
    AgainPayment, CancelPayment, CardInput, CertificationOtpRequest, Client, ClientBuilder,
    EscrowLogisRequest, IamportWebhook, IssueBillingKey, IssueCashReceipt,
    IssueExternalCashReceipt, IssueVbank, ListOptions, OnetimePayment, Partial, PaymentOptions,
    PaymentStatus, ScheduleItem, SchedulePayments, ScheduleStatus, Sorting, VerifiedState,
};
use paywire::Error;
use serde::Serialize;
use serde_json::{json, Map, Value};

/// Every operation of the iamport dispatch, in core's names.
pub(crate) const OPERATIONS: &[&str] = &[
    "get_access_token",
    "get_payment",
    "get_payments",
    "find_payment",
    "find_all_payments",
    "get_payments_by_status",
    "get_payment_balance",
    "cancel_payment",
    "prepare_payment",
    "update_prepared_payment",
    "get_prepared_payment",
    "get_billing_keys",
    "get_billing_key",
    "issue_billing_key",
    "delete_billing_key",
    "get_billing_key_payments",
    "get_billing_key_schedules",
    "pay_onetime",
    "pay_again",
    "schedule_payments",
    "unschedule_payments",
    "get_schedule",
    "update_schedule",
    "reschedule_payment",
    "retry_schedule",
    "get_schedules",
    "get_schedules_by_customer",
    "issue_vbank",
    "update_vbank",
    "revoke_vbank",
    "get_vbank_holder",
    "get_certification",
    "delete_certification",
    "request_certification_otp",
    "confirm_certification_otp",
    "get_escrow_logis",
    "register_escrow_logis",
    "update_escrow_logis",
    "get_cash_receipt",
    "issue_cash_receipt",
    "revoke_cash_receipt",
    "get_external_cash_receipt",
    "issue_external_cash_receipt",
    "revoke_external_cash_receipt",
    "get_banks",
    "get_bank",
    "get_cards",
    "get_card",
    "raw_request",
    "verify_payment",
    "verify_webhook",
];

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

/// A multi look-up answer (core's `Partial` has no wire form of its own).
fn partial<T: Serialize>(answer: Partial<T>) -> Result<Answer, Error> {
    out(json!({
        "items": answer.items,
        "missing": answer.missing,
        "complete": answer.complete,
    }))
}

fn list_options(args: &Args) -> Result<ListOptions, Error> {
    Ok(ListOptions {
        page: args.opt("page")?,
        limit: args.opt("limit")?,
        sorting: args.opt::<Sorting>("sorting")?,
        from: args.opt("from")?,
        to: args.opt("to")?,
    })
}

fn ids(args: &Args, name: &str) -> Result<Vec<String>, Error> {
    Ok(args.opt::<Vec<String>>(name)?.unwrap_or_default())
}

/// `schedule_payments`, built field by field: core flattens an optional card into the request, which
/// serde would silently drop (rather than refuse) when half of it is given.
fn schedule_request(args: &Args) -> Result<SchedulePayments, Error> {
    let card = if args.has("card_number") || args.has("expiry") {
        Some(CardInput {
            card_number: args.text("card_number")?.into(),
            expiry: args.text("expiry")?.into(),
            birth: args.opt::<String>("birth")?.map(Into::into),
            pwd_2digit: args.opt::<String>("pwd_2digit")?.map(Into::into),
            cvc: args.opt::<String>("cvc")?.map(Into::into),
        })
    } else {
        None
    };
    Ok(SchedulePayments {
        customer_uid: args.text("customer_uid")?,
        schedules: args.req::<Vec<ScheduleItem>>("schedules")?,
        card,
        checking_amount: args.opt("checking_amount")?,
        channel_key: args.opt("channel_key")?,
        customer_id: args.opt("customer_id")?,
    })
}

/// Runs one operation of `client` and encodes its answer.
pub(crate) async fn dispatch(client: Client, op: &str, mut args: Args) -> Result<Answer, Error> {
    let c = &client;
    match op {
        "get_access_token" => {
            let token = c.get_access_token().await?;
            out(json!({
                "access_token": token.access_token.expose(),
                "expire_in": token.expire_in,
            }))
        }
        // Payments.
        "get_payment" => {
            let include_sandbox = args.opt::<bool>("include_sandbox")?.unwrap_or(false);
            out(c
                .get_payment(&args.text("imp_uid")?, include_sandbox)
                .await?)
        }
        "get_payments" => partial(
            c.get_payments(&ids(&args, "imp_uids")?, &ids(&args, "merchant_uids")?)
                .await?,
        ),
        "find_payment" => out(c
            .find_payment(
                &args.text("merchant_uid")?,
                args.opt::<PaymentStatus>("status")?,
                args.opt::<Sorting>("sorting")?,
            )
            .await?),
        "find_all_payments" => out(c
            .find_all_payments(
                &args.text("merchant_uid")?,
                args.opt::<PaymentStatus>("status")?,
                list_options(&args)?,
            )
            .await?),
        "get_payments_by_status" => out(c
            .get_payments_by_status(args.opt::<PaymentStatus>("status")?, list_options(&args)?)
            .await?),
        "get_payment_balance" => out(c.get_payment_balance(&args.text("imp_uid")?).await?),
        "cancel_payment" => out(c
            .cancel_payment(args.into_request::<CancelPayment>()?)
            .await?),
        "prepare_payment" => out(c
            .prepare_payment(
                &args.text("merchant_uid")?,
                args.req("amount")?,
                args.opt::<String>("currency")?.as_deref(),
            )
            .await?),
        "update_prepared_payment" => out(c
            .update_prepared_payment(
                &args.text("merchant_uid")?,
                args.req("amount")?,
                args.opt::<String>("currency")?.as_deref(),
            )
            .await?),
        "get_prepared_payment" => out(c.get_prepared_payment(&args.text("merchant_uid")?).await?),
        // Billing keys and key-in / stored-key payments.
        "get_billing_keys" => partial(
            c.get_billing_keys(&args.req::<Vec<String>>("customer_uids")?)
                .await?,
        ),
        "get_billing_key" => out(c.get_billing_key(&args.text("customer_uid")?).await?),
        "issue_billing_key" => {
            let customer_uid = args.take_text("customer_uid")?;
            args.check::<CardInput>()?;
            out(c
                .issue_billing_key(&customer_uid, args.into_request::<IssueBillingKey>()?)
                .await?)
        }
        "delete_billing_key" => out(c
            .delete_billing_key(
                &args.text("customer_uid")?,
                args.opt::<String>("reason")?.as_deref(),
                args.opt::<String>("requester")?.as_deref(),
            )
            .await?),
        "get_billing_key_payments" => out(c
            .get_billing_key_payments(&args.text("customer_uid")?, args.opt("page")?)
            .await?),
        "get_billing_key_schedules" => out(c
            .get_billing_key_schedules(
                &args.text("customer_uid")?,
                args.req("from")?,
                args.req("to")?,
                args.opt::<ScheduleStatus>("status")?,
                args.opt("page")?,
            )
            .await?),
        "pay_onetime" => {
            args.check::<CardInput>()?.check::<PaymentOptions>()?;
            out(c
                .pay_onetime(args.into_request::<OnetimePayment>()?)
                .await?)
        }
        "pay_again" => {
            args.check::<PaymentOptions>()?;
            out(c.pay_again(args.into_request::<AgainPayment>()?).await?)
        }
        // Schedules.
        "schedule_payments" => out(c.schedule_payments(schedule_request(&args)?).await?),
        "unschedule_payments" => out(c
            .unschedule_payments(
                args.opt::<String>("customer_uid")?.as_deref(),
                &ids(&args, "merchant_uids")?,
            )
            .await?),
        "get_schedule" => out(c.get_schedule(&args.text("merchant_uid")?).await?),
        "update_schedule" => out(c
            .update_schedule(&args.text("merchant_uid")?, args.req("schedule_at")?)
            .await?),
        "reschedule_payment" => out(c
            .reschedule_payment(&args.text("merchant_uid")?, args.req("schedule_at")?)
            .await?),
        "retry_schedule" => out(c.retry_schedule(&args.text("merchant_uid")?).await?),
        "get_schedules" => out(c
            .get_schedules(
                args.req("schedule_from")?,
                args.req("schedule_to")?,
                args.opt::<ScheduleStatus>("status")?,
                list_options(&args)?,
            )
            .await?),
        "get_schedules_by_customer" => out(c
            .get_schedules_by_customer(
                &args.text("customer_uid")?,
                args.req("from")?,
                args.req("to")?,
                args.opt::<ScheduleStatus>("status")?,
                args.opt("page")?,
            )
            .await?),
        // Virtual accounts.
        "issue_vbank" => out(c.issue_vbank(args.into_request::<IssueVbank>()?).await?),
        "update_vbank" => out(c
            .update_vbank(
                &args.text("imp_uid")?,
                args.opt("amount")?,
                args.opt("vbank_due")?,
            )
            .await?),
        "revoke_vbank" => out(c.revoke_vbank(&args.text("imp_uid")?).await?),
        "get_vbank_holder" => out(c
            .get_vbank_holder(&args.text("bank_code")?, &args.text("bank_num")?)
            .await?),
        // Certifications.
        "get_certification" => out(c.get_certification(&args.text("imp_uid")?).await?),
        "delete_certification" => out(c.delete_certification(&args.text("imp_uid")?).await?),
        "request_certification_otp" => out(c
            .request_certification_otp(args.into_request::<CertificationOtpRequest>()?)
            .await?),
        "confirm_certification_otp" => out(c
            .confirm_certification_otp(&args.text("imp_uid")?, &args.text("otp")?)
            .await?),
        // Escrow.
        "get_escrow_logis" => out(c.get_escrow_logis(&args.text("imp_uid")?).await?),
        "register_escrow_logis" => {
            let imp_uid = args.take_text("imp_uid")?;
            out(c
                .register_escrow_logis(&imp_uid, args.into_request::<EscrowLogisRequest>()?)
                .await?)
        }
        "update_escrow_logis" => {
            let imp_uid = args.take_text("imp_uid")?;
            out(c
                .update_escrow_logis(&imp_uid, args.into_request::<EscrowLogisRequest>()?)
                .await?)
        }
        // Cash receipts.
        "get_cash_receipt" => out(c.get_cash_receipt(&args.text("imp_uid")?).await?),
        "issue_cash_receipt" => {
            let imp_uid = args.take_text("imp_uid")?;
            out(c
                .issue_cash_receipt(&imp_uid, args.into_request::<IssueCashReceipt>()?)
                .await?)
        }
        "revoke_cash_receipt" => out(c.revoke_cash_receipt(&args.text("imp_uid")?).await?),
        "get_external_cash_receipt" => out(c
            .get_external_cash_receipt(&args.text("merchant_uid")?)
            .await?),
        "issue_external_cash_receipt" => {
            let merchant_uid = args.take_text("merchant_uid")?;
            out(c
                .issue_external_cash_receipt(
                    &merchant_uid,
                    args.into_request::<IssueExternalCashReceipt>()?,
                )
                .await?)
        }
        "revoke_external_cash_receipt" => out(c
            .revoke_external_cash_receipt(&args.text("merchant_uid")?)
            .await?),
        // Codes.
        "get_banks" => out(c.get_banks().await?),
        "get_bank" => out(c.get_bank(&args.text("code")?).await?),
        "get_cards" => out(c.get_cards().await?),
        "get_card" => out(c.get_card(&args.text("code")?).await?),
        "raw_request" => out(c.raw_request(raw_request(args)?).await?),
        // The forgery check and webhooks.
        "verify_payment" => {
            let verified = c
                .verify_payment(&args.text("imp_uid")?, args.req("expected_amount")?)
                .await?;
            let state = match verified.state {
                VerifiedState::Paid => "paid",
                VerifiedState::VirtualAccountIssued => "virtual_account_issued",
            };
            out(json!({"payment": verified.payment, "state": state}))
        }
        "verify_webhook" => {
            let raw = args.req::<Map<String, Value>>("webhook")?;
            let body = serde_json::to_vec(&raw).map_err(|e| invalid("webhook", &e))?;
            let webhook = IamportWebhook::parse(&body, Some("application/json"))?;
            out(c.verify_webhook(&webhook).await?)
        }
        other => Err(unknown_operation(other)),
    }
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
