//! Payments: look-ups, cancels, and the amount pre-registration (`prepare`).

use super::client::Client;
use super::enums::{PaymentStatus, Sorting};
use super::models::{PartialPayments, Payment, PaymentBalance, PaymentPage, Prepared};
use super::spec;
use crate::error::{Error, Result};
use crate::operation::Spec;
use crate::path::{validate_id, Path};
use crate::transport::Call;
use crate::validate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// Paging and order of a list call.
///
/// ```
/// use paywire::iamport::ListOptions;
/// let first_page = ListOptions { page: Some(1), limit: Some(100), ..ListOptions::default() };
/// assert_eq!(first_page.limit, Some(100));
/// ```
#[derive(Clone, Default, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct ListOptions {
    /// Page number, from 1.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub page: Option<i64>,
    /// Items per page (default 20, at most 1000).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub limit: Option<i64>,
    /// Order.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub sorting: Option<Sorting>,
    /// Window start (unix s), where the call supports one.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub from: Option<i64>,
    /// Window end (unix s), where the call supports one.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub to: Option<i64>,
}

impl ListOptions {
    /// Adds page and limit only (calls whose window has other parameter names).
    pub(crate) fn apply_paging(&self, call: Call) -> Result<Call> {
        ListOptions {
            page: self.page,
            limit: self.limit,
            ..ListOptions::default()
        }
        .apply(call)
    }

    pub(crate) fn apply(&self, mut call: Call) -> Result<Call> {
        if let Some(page) = self.page {
            validate::positive("page", page)?;
            call = call.query("page", page.to_string());
        }
        if let Some(limit) = self.limit {
            if !(1..=1000).contains(&limit) {
                return Err(Error::invalid_input("limit", "must be between 1 and 1000"));
            }
            call = call.query("limit", limit.to_string());
        }
        if let Some(sorting) = &self.sorting {
            call = call.query("sorting", sorting.as_str());
        }
        if let Some(from) = self.from {
            call = call.query("from", from.to_string());
        }
        if let Some(to) = self.to {
            call = call.query("to", to.to_string());
        }
        Ok(call)
    }
}

/// A cancel (`POST payments/cancel`): full when `amount` is unset, partial otherwise.
///
/// When `checksum` is unset, paywire fills it with the cancellable balance it just looked up, so the server
/// refuses the cancel if anything was cancelled in between — and a retried cancel can never refund twice.
///
/// ```
/// use paywire::iamport::CancelPayment;
/// let partial = CancelPayment { amount: Some(3000.0), reason: Some("부분 환불".into()), ..CancelPayment::by_imp_uid("imp_123") };
/// assert_eq!(partial.imp_uid.as_deref(), Some("imp_123"));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct IamportCancelPayment {
    /// The payment (wins over `merchant_uid`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub imp_uid: Option<String>,
    /// The order, when `imp_uid` is unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub merchant_uid: Option<String>,
    /// Amount to cancel; unset cancels the whole remainder.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::wire::ser_opt_number"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub amount: Option<f64>,
    /// Tax-free part of the cancelled amount.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::wire::ser_opt_number"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tax_free: Option<f64>,
    /// VAT part (PGs that took an explicit VAT).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::wire::ser_opt_number"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub vat_amount: Option<f64>,
    /// The cancellable balance you believe remains; filled from a fresh look-up when unset.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::wire::ser_opt_number"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub checksum: Option<f64>,
    /// Reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub reason: Option<String>,
    /// Virtual-account refund: holder.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub refund_holder: Option<String>,
    /// Virtual-account refund: bank code (PG-specific table).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub refund_bank: Option<String>,
    /// Virtual-account refund: account number (redacted in `Debug`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub refund_account: Option<crate::Secret>,
    /// Virtual-account refund: holder phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub refund_tel: Option<String>,
    /// Keep a promotion although the remainder violates it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub retain_promotion: Option<bool>,
    /// Send a `cancelled` webhook for this cancel.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub enable_webhook: Option<bool>,
    /// `{requester: "customer" | "admin"}` (naverpay).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Option<Map<String, Value>>,
}

/// `IamportCancelPayment` under its Rust name (the struct is named for the foreign languages, where Bootpay has one too).
pub type CancelPayment = IamportCancelPayment;

impl CancelPayment {
    /// A full cancel of the payment `imp_uid`.
    pub fn by_imp_uid(imp_uid: impl Into<String>) -> Self {
        Self {
            imp_uid: Some(imp_uid.into()),
            ..Self::default()
        }
    }

    /// A full cancel of the payment of order `merchant_uid`.
    pub fn by_merchant_uid(merchant_uid: impl Into<String>) -> Self {
        Self {
            merchant_uid: Some(merchant_uid.into()),
            ..Self::default()
        }
    }

    fn validate(&self) -> Result<()> {
        match (&self.imp_uid, &self.merchant_uid) {
            (None, None) => {
                return Err(Error::invalid_input(
                    "imp_uid",
                    "or merchant_uid is required",
                ))
            }
            (Some(id), _) => validate_id("imp_uid", id)?,
            (None, Some(id)) => validate_id("merchant_uid", id)?,
        }
        for (field, value) in [
            ("amount", self.amount),
            ("tax_free", self.tax_free),
            ("vat_amount", self.vat_amount),
            ("checksum", self.checksum),
        ] {
            if let Some(v) = value {
                validate::amount_or_zero(field, v)?;
            }
        }
        if self.amount == Some(0.0) {
            return Err(Error::invalid_input(
                "amount",
                "must be greater than 0; leave it unset for a full cancel",
            ));
        }
        if let (Some(amount), Some(tax_free)) = (self.amount, self.tax_free) {
            if tax_free > amount {
                return Err(Error::invalid_input("tax_free", "must not exceed amount"));
            }
        }
        validate::not_blank("reason", self.reason.as_deref())
    }
}

fn status_path(
    base: &'static str,
    merchant_uid: &str,
    status: Option<&PaymentStatus>,
) -> Result<Path> {
    let path = Path::with_id(base, "merchant_uid", merchant_uid)?;
    match status {
        Some(status) => path.push_id("payment_status", status.as_str()),
        None => Ok(path),
    }
}

impl Client {
    /// One payment (`GET payments/{imp_uid}`). `include_sandbox` shows test-channel payments too.
    pub async fn get_payment(&self, imp_uid: &str, include_sandbox: bool) -> Result<Payment> {
        let path = Path::with_id("payments", "imp_uid", imp_uid)?;
        let call = Call::op(&spec::get_payment, path).query(
            "include_sandbox",
            if include_sandbox { "true" } else { "false" },
        );
        self.send(call).await
    }

    /// Up to 100 payments by ids (`GET payments?imp_uid[]=…&merchant_uid[]=…`). A partial answer (HTTP 207)
    /// is reported as such: see [`PartialPayments`].
    pub async fn get_payments(
        &self,
        imp_uids: &[String],
        merchant_uids: &[String],
    ) -> Result<PartialPayments> {
        if imp_uids.is_empty() && merchant_uids.is_empty() {
            return Err(Error::invalid_input(
                "imp_uids",
                "or merchant_uids must name at least one payment",
            ));
        }
        if imp_uids.len() + merchant_uids.len() > 100 {
            return Err(Error::invalid_input(
                "imp_uids",
                "and merchant_uids together take at most 100 ids",
            ));
        }
        let mut call = Call::fixed(&spec::get_payments);
        for id in imp_uids {
            validate_id("imp_uids", id)?;
            call = call.query("imp_uid[]", id.clone());
        }
        for id in merchant_uids {
            validate_id("merchant_uids", id)?;
            call = call.query("merchant_uid[]", id.clone());
        }
        let answer = match self.answer(call).await {
            Err(e) if super::errors::is_envelope_not_found(&e) => {
                let missing = imp_uids.iter().chain(merchant_uids).cloned().collect();
                return Ok(PartialPayments {
                    items: Vec::new(),
                    missing,
                    complete: false,
                });
            }
            other => other?,
        };
        let items: Vec<Payment> = super::client::decode(answer.response)?;
        let missing = imp_uids
            .iter()
            .filter(|id| !items.iter().any(|p| &p.imp_uid == *id))
            .chain(
                merchant_uids
                    .iter()
                    .filter(|id| !items.iter().any(|p| &p.merchant_uid == *id)),
            )
            .cloned()
            .collect::<Vec<_>>();
        Ok(PartialPayments {
            complete: answer.http_status == 200 && missing.is_empty(),
            items,
            missing,
        })
    }

    /// The payment of an order (`GET payments/find/{merchant_uid}[/{status}]`); with several, the first by
    /// `sorting` (default newest).
    pub async fn find_payment(
        &self,
        merchant_uid: &str,
        status: Option<PaymentStatus>,
        sorting: Option<Sorting>,
    ) -> Result<Payment> {
        let path = status_path("payments/find", merchant_uid, status.as_ref())?;
        let mut call = Call::op(&spec::find_payment, path);
        if let Some(sorting) = sorting {
            call = call.query("sorting", sorting.as_str());
        }
        self.send(call).await
    }

    /// Every payment of an order, paged (`GET payments/findAll/{merchant_uid}[/{status}]`).
    pub async fn find_all_payments(
        &self,
        merchant_uid: &str,
        status: Option<PaymentStatus>,
        options: ListOptions,
    ) -> Result<PaymentPage> {
        let path = status_path("payments/findAll", merchant_uid, status.as_ref())?;
        let call = options.apply(Call::op(&spec::find_all_payments, path))?;
        self.send(call).await
    }

    /// Payments in a state (`None` = all) over a window of at most 90 days, paged
    /// (`GET payments/status/{status}`).
    pub async fn get_payments_by_status(
        &self,
        status: Option<PaymentStatus>,
        options: ListOptions,
    ) -> Result<PaymentPage> {
        let status = status.as_ref().map_or("all", PaymentStatus::as_str);
        let path = Path::with_id("payments/status", "payment_status", status)?;
        let call = options.apply(Call::op(&spec::get_payments_by_status, path))?;
        self.send(call).await
    }

    /// The per-means amount breakdown of a PAYCO payment (`GET payments/{imp_uid}/balance`).
    pub async fn get_payment_balance(&self, imp_uid: &str) -> Result<PaymentBalance> {
        let path = Path::with_id("payments", "imp_uid", imp_uid)?.push_id("segment", "balance")?;
        self.send(Call::op(&spec::get_payment_balance, path)).await
    }

    /// Cancels a payment fully or partly (`POST payments/cancel`), guarded by a `checksum`.
    ///
    /// The idempotency rule: iamport keeps no idempotency key, but it refuses a cancel whose `checksum` (the
    /// refundable balance before it) no longer matches. paywire fills the checksum from a fresh look-up when
    /// you give none; if the call ends in [`crate::Error::OutcomeUnknown`], its `idempotency_key` is that
    /// checksum: call again with the same request and `checksum` set to it. paywire then compares it with
    /// the payment's balance: when the lost cancel went through, the payment is returned as it stands (an
    /// idempotent replay, no second refund); otherwise the cancel is sent, still guarded by the checksum.
    ///
    /// ```no_run
    /// # async fn run(client: paywire::iamport::Client) -> paywire::Result<()> {
    /// use paywire::iamport::CancelPayment;
    /// let mut request = CancelPayment { amount: Some(1000.0), ..CancelPayment::by_imp_uid("imp_1") };
    /// let payment = match client.cancel_payment(request.clone()).await {
    ///     Err(paywire::Error::OutcomeUnknown { idempotency_key: Some(key), .. }) => {
    ///         request.checksum = key.parse().ok();
    ///         client.cancel_payment(request).await?
    ///     }
    ///     other => other?,
    /// };
    /// println!("cancelled so far: {}", payment.cancel_amount);
    /// # Ok(()) }
    /// ```
    pub async fn cancel_payment(&self, request: CancelPayment) -> Result<Payment> {
        request.validate()?;
        let mut request = request;
        let before = match (&request.imp_uid, &request.merchant_uid) {
            (Some(imp_uid), _) => self.get_payment(imp_uid, true).await?,
            (None, Some(merchant_uid)) => self.find_payment(merchant_uid, None, None).await?,
            (None, None) => {
                return Err(Error::invalid_input(
                    "imp_uid",
                    "or merchant_uid is required",
                ))
            }
        };
        let balance = before.cancellable_amount();
        match request.checksum {
            Some(checksum) if same_amount(checksum, balance) => {}
            Some(checksum) if already_applied(&request, checksum, &before) => {
                tracing::info!(
                    provider = "iamport",
                    operation = "cancel_payment",
                    "the cancel guarded by this checksum already went through: returning the payment as it stands"
                );
                return Ok(before);
            }
            // Another balance: the server refuses it with its own message.
            Some(_) => {}
            None => request.checksum = Some(balance),
        }
        let checksum = request.checksum.unwrap_or(balance);
        let call = Call::fixed(&spec::cancel_payment)
        .body(validate::body(&request)?)
        .idempotency_key(super::payments::amount_json(checksum).to_string())
        .hint(format!(
            "call cancel_payment again with the same request and checksum={}: if this cancel went through, paywire returns the payment as it stands instead of refunding again (or look it up with get_payment(\"{}\"))",
            super::payments::amount_json(checksum),
            before.imp_uid
        ));
        let (result, attempts) = self.transport.execute_counted(&call, self.per_call).await;
        match result {
            Err(e) if attempts > 1 && e.http_status() == Some(200) => {
                // The retry was refused (checksum no longer matches): did the first attempt land?
                let after = self.get_payment(&before.imp_uid, true).await?;
                if already_applied(&request, checksum, &after) {
                    tracing::info!(
                        provider = "iamport",
                        operation = "cancel_payment",
                        "retry refused: the first attempt landed"
                    );
                    Ok(after)
                } else {
                    Err(e)
                }
            }
            Err(e) => Err(e),
            Ok((status, value)) => {
                let answer = super::client::Answer::from_envelope(status, value);
                self.transport
                    .decode(&call, answer.http_status, answer.response)
            }
        }
    }

    /// Registers the amount an order must be paid with (`POST payments/prepare`): a browser payment of
    /// another amount is stopped before the PG window opens.
    pub async fn prepare_payment(
        &self,
        merchant_uid: &str,
        amount: f64,
        currency: Option<&str>,
    ) -> Result<Prepared> {
        self.prepare(&spec::prepare_payment, merchant_uid, amount, currency)
            .await
    }

    /// Changes a registered amount (`PUT payments/prepare`).
    pub async fn update_prepared_payment(
        &self,
        merchant_uid: &str,
        amount: f64,
        currency: Option<&str>,
    ) -> Result<Prepared> {
        self.prepare(
            &spec::update_prepared_payment,
            merchant_uid,
            amount,
            currency,
        )
        .await
    }

    async fn prepare(
        &self,
        spec: &'static Spec,
        merchant_uid: &str,
        amount: f64,
        currency: Option<&str>,
    ) -> Result<Prepared> {
        validate_id("merchant_uid", merchant_uid)?;
        validate::amount("amount", amount)?;
        validate::not_blank("currency", currency)?;
        let mut body = json!({ "merchant_uid": merchant_uid, "amount": amount_json(amount) });
        if let Some(currency) = currency {
            body["currency"] = json!(currency);
        }
        // The table's retry class: a registration (POST) is never repeated once it may have left, since a
        // repeat of one that landed is refused as a duplicate; a change (PUT) may be.
        let call = Call::fixed(spec)
            .hint(format!(
                "look the registered amount up with get_prepared_payment(\"{merchant_uid}\")"
            ))
            .body(body);
        self.send(call).await
    }

    /// The registered amount of an order (`GET payments/prepare/{merchant_uid}`).
    pub async fn get_prepared_payment(&self, merchant_uid: &str) -> Result<Prepared> {
        let path = Path::with_id("payments/prepare", "merchant_uid", merchant_uid)?;
        self.send(Call::op(&spec::get_prepared_payment, path)).await
    }
}

/// Whether two amounts are equal to the smallest unit any currency uses (amounts are sums of JSON numbers).
fn same_amount(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

/// Whether the cancel `request`, guarded by `checksum` (the balance before it), is already reflected in
/// `payment`: the balance went down by exactly the requested amount (a partial cancel) or to zero (a
/// full one), and the history has a cancel of that amount.
fn already_applied(request: &CancelPayment, checksum: f64, payment: &Payment) -> bool {
    let balance = payment.cancellable_amount();
    let cancelled = match request.amount {
        Some(amount) => same_amount(checksum - amount, balance) && amount > 0.0,
        None => same_amount(balance, 0.0) && checksum > 0.0,
    };
    let wanted = request.amount.unwrap_or(checksum);
    cancelled
        && payment
            .cancel_history
            .iter()
            .any(|c| same_amount(c.amount, wanted))
}

/// An amount as JSON: whole amounts as integers.
pub(crate) fn amount_json(amount: f64) -> Value {
    if amount.fract() == 0.0 && amount.abs() < 9.0e15 {
        json!(amount as i64)
    } else {
        json!(amount)
    }
}

crate::display_redacted!(ListOptions, IamportCancelPayment);
