//! Scheduled payments: register, revoke, look up, move, re-run.

use super::billing::{check_amount_positive, CardInput, PaymentOptions};
use super::client::Client;
use super::enums::ScheduleStatus;
use super::models::{Payment, Schedule, SchedulePage};
use super::payments::ListOptions;
use super::spec;
use crate::error::{Error, Result};
use crate::path::{validate_id, Path};
use crate::transport::Call;
use crate::validate;
use serde::{Deserialize, Serialize};
use serde_json::json;

/// One scheduled payment.
///
/// ```
/// use paywire::iamport::ScheduleItem;
/// let item = ScheduleItem::new("order-2026-12", 1_796_000_000, 9900.0, "12월 구독료");
/// assert_eq!(item.currency, "KRW");
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct ScheduleItem {
    /// Unique order id of this run.
    pub merchant_uid: String,
    /// When to charge (unix s).
    pub schedule_at: i64,
    /// Currency (paypal_v2 cannot use KRW).
    #[cfg_attr(feature = "uniffi", uniffi(default = "KRW"))]
    pub currency: String,
    /// Amount.
    #[serde(serialize_with = "crate::wire::ser_number")]
    pub amount: f64,
    /// Order name.
    pub name: String,
    /// Buyer and order options.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub options: PaymentOptions,
}

impl ScheduleItem {
    /// A KRW schedule with its required fields.
    pub fn new(
        merchant_uid: impl Into<String>,
        schedule_at: i64,
        amount: f64,
        name: impl Into<String>,
    ) -> Self {
        Self {
            merchant_uid: merchant_uid.into(),
            schedule_at,
            currency: "KRW".to_owned(),
            amount,
            name: name.into(),
            ..Self::default()
        }
    }
}

/// Schedules for a billing key (`POST subscribe/payments/schedule`); with card data, the key is issued first.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct SchedulePayments {
    /// The billing key (issued from `card` when it does not exist yet).
    pub customer_uid: String,
    /// The runs.
    pub schedules: Vec<ScheduleItem>,
    /// Card data, only when the key does not exist yet.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card: Option<CardInput>,
    /// A test charge, cancelled automatically (0 = none).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub checking_amount: Option<i64>,
    /// Channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub channel_key: Option<String>,
    /// Customer id (tosspayments).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub customer_id: Option<String>,
}

/// Checks a `[from, to)` window of unix seconds.
pub(crate) fn window(from_field: &str, to_field: &str, from: i64, to: i64) -> Result<()> {
    if from < 0 {
        return Err(Error::invalid_input(
            from_field,
            "must be a unix time in seconds",
        ));
    }
    if to <= from {
        return Err(Error::invalid_input(
            to_field,
            format!("must be after {from_field}"),
        ));
    }
    Ok(())
}

impl Client {
    /// Registers scheduled payments (`POST subscribe/payments/schedule`).
    pub async fn schedule_payments(&self, request: SchedulePayments) -> Result<Vec<Schedule>> {
        validate_id("customer_uid", &request.customer_uid)?;
        if request.schedules.is_empty() {
            return Err(Error::invalid_input(
                "schedules",
                "must hold at least one schedule",
            ));
        }
        for (i, item) in request.schedules.iter().enumerate() {
            validate_id(&format!("schedules[{i}].merchant_uid"), &item.merchant_uid)?;
            check_amount_positive(&format!("schedules[{i}].amount"), item.amount)?;
            item.options.validate(item.amount)?;
            validate::required(&format!("schedules[{i}].name"), &item.name)?;
            validate::required(&format!("schedules[{i}].currency"), &item.currency)?;
            validate::positive(&format!("schedules[{i}].schedule_at"), item.schedule_at)?;
        }
        if let Some(card) = &request.card {
            validate::required("card_number", card.card_number.expose())?;
        }
        let call = Call::fixed(&spec::schedule_payments)
            .body(validate::body(&request)?)
            .hint(format!(
                "look the schedules up with get_schedule(merchant_uid) for customer {:?}",
                request.customer_uid
            ));
        self.send(call).await
    }

    /// Revokes schedules (`POST subscribe/payments/unschedule`): all of a key's (no `merchant_uids`), or
    /// the listed ones.
    pub async fn unschedule_payments(
        &self,
        customer_uid: Option<&str>,
        merchant_uids: &[String],
    ) -> Result<Vec<Schedule>> {
        if customer_uid.is_none() && merchant_uids.is_empty() {
            return Err(Error::invalid_input(
                "customer_uid",
                "or merchant_uids is required",
            ));
        }
        let mut body = json!({});
        if let Some(customer_uid) = customer_uid {
            validate_id("customer_uid", customer_uid)?;
            body["customer_uid"] = json!(customer_uid);
        }
        if !merchant_uids.is_empty() {
            for id in merchant_uids {
                validate_id("merchant_uids", id)?;
            }
            body["merchant_uid"] = json!(merchant_uids);
        }
        let call = Call::fixed(&spec::unschedule_payments)
            .body(body)
            .hint("look the schedules up with get_schedule(merchant_uid)");
        self.send(call).await
    }

    /// One schedule (`GET subscribe/payments/schedule/{merchant_uid}`).
    pub async fn get_schedule(&self, merchant_uid: &str) -> Result<Schedule> {
        let path = Path::with_id("subscribe/payments/schedule", "merchant_uid", merchant_uid)?;
        self.send(Call::op(&spec::get_schedule, path)).await
    }

    /// Moves a pending schedule to `schedule_at` (`PUT subscribe/payments/schedule/{merchant_uid}`).
    pub async fn update_schedule(&self, merchant_uid: &str, schedule_at: i64) -> Result<Schedule> {
        let path = Path::with_id("subscribe/payments/schedule", "merchant_uid", merchant_uid)?;
        validate::positive("schedule_at", schedule_at)?;
        let call =
            Call::op(&spec::update_schedule, path).body(json!({ "schedule_at": schedule_at }));
        self.send(call).await
    }

    /// Schedules a failed or revoked run again (`POST subscribe/payments/schedule/{merchant_uid}/reschedule`).
    pub async fn reschedule_payment(
        &self,
        merchant_uid: &str,
        schedule_at: i64,
    ) -> Result<Schedule> {
        let path = Path::with_id("subscribe/payments/schedule", "merchant_uid", merchant_uid)?
            .push_id("segment", "reschedule")?;
        validate::positive("schedule_at", schedule_at)?;
        let call = Call::op(&spec::reschedule_payment, path)
            .body(json!({ "schedule_at": schedule_at }))
            .hint(format!(
                "look the schedule up with get_schedule(\"{merchant_uid}\")"
            ));
        self.send(call).await
    }

    /// Runs a failed or revoked schedule now (`POST subscribe/payments/schedule/{merchant_uid}/retry`). The
    /// answer is the payment: check its `status`.
    pub async fn retry_schedule(&self, merchant_uid: &str) -> Result<Payment> {
        let path = Path::with_id("subscribe/payments/schedule", "merchant_uid", merchant_uid)?
            .push_id("segment", "retry")?;
        let call = Call::op(&spec::retry_schedule, path).hint(format!(
            "look the schedule up with get_schedule(\"{merchant_uid}\")"
        ));
        self.send(call).await
    }

    /// Schedules in `[schedule_from, schedule_to)` (unix s, ≤ 3 months), paged (`GET subscribe/payments/schedule`).
    pub async fn get_schedules(
        &self,
        schedule_from: i64,
        schedule_to: i64,
        status: Option<ScheduleStatus>,
        options: ListOptions,
    ) -> Result<SchedulePage> {
        window("schedule_from", "schedule_to", schedule_from, schedule_to)?;
        let mut call = Call::fixed(&spec::get_schedules)
            .query("schedule_from", schedule_from.to_string())
            .query("schedule_to", schedule_to.to_string());
        if let Some(status) = status {
            call = call.query("schedule_status", status.as_str());
        }
        if let Some(sorting) = &options.sorting {
            call = call.query("sorting", sorting.as_str());
        }
        self.send(options.apply_paging(call)?).await
    }

    /// Schedules of a billing key in `[from, to)`, paged (`GET subscribe/payments/schedule/customers/{customer_uid}`).
    pub async fn get_schedules_by_customer(
        &self,
        customer_uid: &str,
        from: i64,
        to: i64,
        status: Option<ScheduleStatus>,
        page: Option<i64>,
    ) -> Result<SchedulePage> {
        let path = Path::with_id(
            "subscribe/payments/schedule/customers",
            "customer_uid",
            customer_uid,
        )?;
        window("from", "to", from, to)?;
        let mut call = Call::op(&spec::get_schedules_by_customer, path)
            .query("from", from.to_string())
            .query("to", to.to_string());
        if let Some(status) = status {
            call = call.query("schedule-status", status.as_str());
        }
        self.send(
            ListOptions {
                page,
                ..ListOptions::default()
            }
            .apply_paging(call)?,
        )
        .await
    }
}

crate::display_redacted!(ScheduleItem, SchedulePayments);
