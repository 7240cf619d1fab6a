//! `IamportConfig`, the `Iamport` / `IamportBlocking` objects and every iamport operation, declared once in
//! `iamport_operations!` with the same names as core (`get_payment` → Kotlin `getPayment`).
//!
//! iamport reports business failures with HTTP 200 and a non-zero envelope `code`: they arrive as
//! `PaywireException.Api` with `httpStatus` 200 and `code` the envelope code (e.g. `"1"`, `"-1"`).

use super::enums::{PaymentStatus, ScheduleStatus, Sorting};
use super::models::{
    BillingCustomer, CashReceipt, Certification, CertificationOtp, EscrowLogis, IamportToken,
    PartialBillingCustomers, PartialPayments, Payment, PaymentBalance, PaymentPage, Prepared,
    Schedule, SchedulePage, StandardCode, VbankHolder, VerifiedPayment,
};
use super::requests::{
    AgainPayment, CertificationOtpRequest, EscrowLogisRequest, IamportCancelPayment,
    IamportIssueBillingKey, IssueCashReceipt, IssueExternalCashReceipt, IssueVbank, ListOptions,
    OnetimePayment, SchedulePayments,
};
use super::webhook::IamportWebhook;
use crate::error::PaywireError;
use crate::ops::{self, all, apply_transport, client_objects, client_operations};
use crate::requests::RawRequest;
use paywire::iamport::Client;

/// How to reach iamport (PortOne V1): the REST API key pair (both required), optionally another base URL
/// (`https://static-api.iamport.kr` for fixed egress IPs, a sandbox's `iamportUrl()`), an agency's
/// sub-merchant `tier`, and the transport settings. `toString()` / `description` print `imp_secret` (and
/// the proxy URL, which may hold a password) as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct IamportConfig {
    /// The REST API key.
    pub imp_key: String,
    /// The REST API secret. Secret.
    pub imp_secret: String,
    /// Overrides the server (default `https://api.iamport.kr`).
    #[uniffi(default = None)]
    pub base_url: Option<String>,
    /// The sub-merchant ("Tier") code agency accounts send: 3 characters of A–Z and 0–9.
    #[uniffi(default = None)]
    pub tier: Option<String>,
    /// Total time one attempt may take, in milliseconds (default 30 000).
    #[uniffi(default = None)]
    pub timeout_ms: Option<i64>,
    /// Time to connect, in milliseconds (default 5 000).
    #[uniffi(default = None)]
    pub connect_timeout_ms: Option<i64>,
    /// Retries of calls that are safe to repeat (default 2; payments are never repeated).
    #[uniffi(default = None)]
    pub max_retries: Option<i32>,
    /// An HTTP(S) proxy for every request. Printed as `***`.
    #[uniffi(default = None)]
    pub proxy: Option<String>,
    /// Appended to the `User-Agent`.
    #[uniffi(default = None)]
    pub user_agent_suffix: Option<String>,
    /// Requests this client (and its views) has on the wire at once (default 64, at most 10 000). A call
    /// beyond it waits for a free slot up to its timeout, then fails with `Timeout` ("not sent"), so
    /// abandoned or slow calls can never multiply sockets without limit.
    #[uniffi(default = None)]
    pub max_in_flight: Option<i32>,
    /// The largest answer body read, in bytes (default 16 MiB, between 1 KiB and 1 GiB).
    #[uniffi(default = None)]
    pub max_response_bytes: Option<i64>,
}

fn build_client(config: IamportConfig) -> Result<Client, PaywireError> {
    let mut builder = Client::builder()
        .imp_key(config.imp_key)
        .imp_secret(config.imp_secret);
    if let Some(v) = config.base_url {
        builder = builder.base_url(v);
    }
    if let Some(v) = config.tier {
        builder = builder.tier(v);
    }
    let builder = apply_transport!(builder, config);
    ops::build_in_runtime(|| builder.build())
}

client_objects! {
    /// The iamport (PortOne V1) client. Every operation is `suspend` in Kotlin and `async throws` in Swift,
    /// and throws `PaywireException` / `PaywireError`. Share one instance: it holds the connection pool and
    /// the token (fetched lazily, refreshed ahead of expiry, one refresh however many calls wait).
    ///
    /// HTTP-200 answers with a non-zero envelope `code` are failures (`Api`, `httpStatus` 200). A payment
    /// declined by the PG may also come back as a `Payment` whose `status` is `Failed`: check it.
    /// Cancelling a coroutine/task stops the *waiting*, never a request half-way; reconcile by a look-up.
    async Iamport,
    /// The same operations as [`Iamport`], blocking the calling thread: for Java and other callers without
    /// coroutines. Obtain it with `Iamport.blocking()` (sharing the pool and token) or its own constructor.
    /// Never call it from a coroutine or an event loop thread.
    blocking IamportBlocking,
    config IamportConfig,
    core Client,
    build build_client,
}

/// Declares each iamport operation once and exports it twice: async on `Iamport`, blocking on
/// `IamportBlocking` (see [`client_operations!`](crate::ops::client_operations)).
macro_rules! iamport_operations {
    ($($ops:tt)*) => {
        client_operations!(Iamport, IamportBlocking; $($ops)*);
    };
}

iamport_operations! {
    // --- client.rs ---

    /// The current access token (`users/getToken`), fetched if needed and cached; `expire_in` is the
    /// seconds it has left.
    fn get_access_token() -> IamportToken = |c| Ok(c.get_access_token().await?.into());

    /// Sends a request for an endpoint paywire does not wrap (e.g. the Naver Pay actions) through the same
    /// auth, retry and error layers; answers the envelope's `response` as JSON text.
    fn raw_request(request: RawRequest) -> String =
        |c| Ok(c.raw_request(request.try_into()?).await?.to_string());

    // --- payments.rs ---

    /// One payment (`GET payments/{imp_uid}`); `include_sandbox` shows test-channel payments too.
    #[uniffi::method(default(include_sandbox = false))]
    fn get_payment(imp_uid: String, include_sandbox: bool) -> Payment =
        |c| Ok(c.get_payment(&imp_uid, include_sandbox).await?.into());

    /// Up to 100 payments by ids. A partial answer (HTTP 207, or none found) has `complete` false and the
    /// ids that did not come back in `missing`.
    #[uniffi::method(default(merchant_uids = []))]
    fn get_payments(imp_uids: Vec<String>, merchant_uids: Vec<String>) -> PartialPayments =
        |c| Ok(c.get_payments(&imp_uids, &merchant_uids).await?.into());

    /// The payment of an order (with several, the first by `sorting`, default newest), optionally only in
    /// `status`.
    #[uniffi::method(default(status = None, sorting = None))]
    fn find_payment(merchant_uid: String, status: Option<PaymentStatus>, sorting: Option<Sorting>) -> Payment =
        |c| Ok(c.find_payment(&merchant_uid, status.map(Into::into), sorting.map(Into::into)).await?.into());

    /// Every payment of an order, paged.
    #[uniffi::method(default(status = None, options))]
    fn find_all_payments(merchant_uid: String, status: Option<PaymentStatus>, options: ListOptions) -> PaymentPage =
        |c| Ok(c.find_all_payments(&merchant_uid, status.map(Into::into), options.into()).await?.into());

    /// Payments in a state (null = all) over a window of at most 90 days (`options.from`/`to`), paged.
    #[uniffi::method(default(status = None, options))]
    fn get_payments_by_status(status: Option<PaymentStatus>, options: ListOptions) -> PaymentPage =
        |c| Ok(c.get_payments_by_status(status.map(Into::into), options.into()).await?.into());

    /// The per-means amount breakdown of a (PAYCO) payment.
    fn get_payment_balance(imp_uid: String) -> PaymentBalance =
        |c| Ok(c.get_payment_balance(&imp_uid).await?.into());

    /// Cancels a payment fully or partly, guarded by a `checksum` (looked up when not given), so a retried
    /// cancel never refunds twice. A refused cancel (nothing left, stale checksum) is `Api` with HTTP 200.
    fn cancel_payment(request: IamportCancelPayment) -> Payment =
        |c| Ok(c.cancel_payment(request.try_into()?).await?.into());

    /// Registers the amount an order must be paid with: a browser payment of another amount is stopped
    /// before the PG window opens.
    #[uniffi::method(default(currency = None))]
    fn prepare_payment(merchant_uid: String, amount: f64, currency: Option<String>) -> Prepared =
        |c| Ok(c.prepare_payment(&merchant_uid, amount, currency.as_deref()).await?.into());

    /// Changes a registered amount.
    #[uniffi::method(default(currency = None))]
    fn update_prepared_payment(merchant_uid: String, amount: f64, currency: Option<String>) -> Prepared =
        |c| Ok(c.update_prepared_payment(&merchant_uid, amount, currency.as_deref()).await?.into());

    /// The registered amount of an order.
    fn get_prepared_payment(merchant_uid: String) -> Prepared =
        |c| Ok(c.get_prepared_payment(&merchant_uid).await?.into());

    // --- billing.rs ---

    /// Several billing keys; a partial answer (HTTP 207) has `complete` false and `missing` set.
    fn get_billing_keys(customer_uids: Vec<String>) -> PartialBillingCustomers =
        |c| Ok(c.get_billing_keys(&customer_uids).await?.into());

    /// One billing key.
    fn get_billing_key(customer_uid: String) -> BillingCustomer =
        |c| Ok(c.get_billing_key(&customer_uid).await?.into());

    /// Issues (or replaces) a billing key from card data. Never retried once sent.
    fn issue_billing_key(customer_uid: String, request: IamportIssueBillingKey) -> BillingCustomer =
        |c| Ok(c.issue_billing_key(&customer_uid, request.into()).await?.into());

    /// Deletes a billing key (revoke its schedules first). Never retried once sent.
    #[uniffi::method(default(reason = None, requester = None))]
    fn delete_billing_key(customer_uid: String, reason: Option<String>, requester: Option<String>) -> BillingCustomer =
        |c| Ok(c.delete_billing_key(&customer_uid, reason.as_deref(), requester.as_deref()).await?.into());

    /// Payments made with a billing key, paged.
    #[uniffi::method(default(page = None))]
    fn get_billing_key_payments(customer_uid: String, page: Option<i64>) -> PaymentPage =
        |c| Ok(c.get_billing_key_payments(&customer_uid, page).await?.into());

    /// Schedules of a billing key in `[from, to)` (unix s, at most 3 months), paged.
    #[uniffi::method(default(status = None, page = None))]
    fn get_billing_key_schedules(customer_uid: String, from: i64, to: i64, status: Option<ScheduleStatus>, page: Option<i64>) -> SchedulePage =
        |c| Ok(c.get_billing_key_schedules(&customer_uid, from, to, status.map(Into::into), page).await?.into());

    /// A key-in payment, optionally storing the card as a billing key. Never retried once sent: on
    /// `OutcomeUnknown`, `find_payment(merchant_uid)`. A PG decline may be a `Failed` payment: check `status`.
    fn pay_onetime(request: OnetimePayment) -> Payment = |c| Ok(c.pay_onetime(request.try_into()?).await?.into());

    /// A payment with a stored billing key. Never retried once sent: on `OutcomeUnknown`,
    /// `find_payment(merchant_uid)`. A PG decline may be a `Failed` payment: check `status`.
    fn pay_again(request: AgainPayment) -> Payment = |c| Ok(c.pay_again(request.try_into()?).await?.into());

    // --- schedules.rs ---

    /// Registers scheduled payments (all or nothing). Never retried once sent.
    fn schedule_payments(request: SchedulePayments) -> Vec<Schedule> =
        |c| Ok(all(c.schedule_payments(request.try_into()?).await?));

    /// Revokes schedules: all of a key's (no `merchant_uids`), or the listed ones.
    #[uniffi::method(default(merchant_uids = []))]
    fn unschedule_payments(customer_uid: Option<String>, merchant_uids: Vec<String>) -> Vec<Schedule> =
        |c| Ok(all(c.unschedule_payments(customer_uid.as_deref(), &merchant_uids).await?));

    /// One schedule.
    fn get_schedule(merchant_uid: String) -> Schedule = |c| Ok(c.get_schedule(&merchant_uid).await?.into());

    /// Moves a pending schedule to `schedule_at` (unix s).
    fn update_schedule(merchant_uid: String, schedule_at: i64) -> Schedule =
        |c| Ok(c.update_schedule(&merchant_uid, schedule_at).await?.into());

    /// Schedules a failed or revoked run again.
    fn reschedule_payment(merchant_uid: String, schedule_at: i64) -> Schedule =
        |c| Ok(c.reschedule_payment(&merchant_uid, schedule_at).await?.into());

    /// Runs a failed or revoked schedule now; the answer is the payment: check its `status`.
    fn retry_schedule(merchant_uid: String) -> Payment = |c| Ok(c.retry_schedule(&merchant_uid).await?.into());

    /// Schedules in `[schedule_from, schedule_to)` (unix s, at most 3 months), paged.
    #[uniffi::method(default(status = None, options))]
    fn get_schedules(schedule_from: i64, schedule_to: i64, status: Option<ScheduleStatus>, options: ListOptions) -> SchedulePage =
        |c| Ok(c.get_schedules(schedule_from, schedule_to, status.map(Into::into), options.into()).await?.into());

    /// Schedules of a billing key in `[from, to)`, paged.
    #[uniffi::method(default(status = None, page = None))]
    fn get_schedules_by_customer(customer_uid: String, from: i64, to: i64, status: Option<ScheduleStatus>, page: Option<i64>) -> SchedulePage =
        |c| Ok(c.get_schedules_by_customer(&customer_uid, from, to, status.map(Into::into), page).await?.into());

    // --- vbanks.rs ---

    /// Issues a virtual account: a `Ready` payment with `vbank_*` filled. Never retried once sent.
    fn issue_vbank(request: IssueVbank) -> Payment = |c| Ok(c.issue_vbank(request.try_into()?).await?.into());

    /// Changes the amount or due date (unix s) of an unpaid virtual account.
    #[uniffi::method(default(amount = None, vbank_due = None))]
    fn update_vbank(imp_uid: String, amount: Option<f64>, vbank_due: Option<i64>) -> Payment =
        |c| Ok(c.update_vbank(&imp_uid, amount, vbank_due).await?.into());

    /// Revokes an unpaid virtual account.
    fn revoke_vbank(imp_uid: String) -> Payment = |c| Ok(c.revoke_vbank(&imp_uid).await?.into());

    /// The holder of a bank account, e.g. to check a refund account.
    fn get_vbank_holder(bank_code: String, bank_num: String) -> VbankHolder =
        |c| Ok(c.get_vbank_holder(&bank_code, &bank_num).await?.into());

    // --- certifications.rs ---

    /// An identity verification result.
    fn get_certification(imp_uid: String) -> Certification =
        |c| Ok(c.get_certification(&imp_uid).await?.into());

    /// Erases a verification result from PortOne.
    fn delete_certification(imp_uid: String) -> Certification =
        |c| Ok(c.delete_certification(&imp_uid).await?.into());

    /// Starts an OTP verification; answers the id to confirm.
    fn request_certification_otp(request: CertificationOtpRequest) -> CertificationOtp =
        |c| Ok(c.request_certification_otp(request.into()).await?.into());

    /// Confirms the OTP the person received.
    fn confirm_certification_otp(imp_uid: String, otp: String) -> Certification =
        |c| Ok(c.confirm_certification_otp(&imp_uid, &otp).await?.into());

    // --- escrow.rs ---

    /// Shipping information of an escrow payment (HTTP 409 when none).
    fn get_escrow_logis(imp_uid: String) -> EscrowLogis = |c| Ok(c.get_escrow_logis(&imp_uid).await?.into());

    /// Registers shipping information (HTTP 409 when already registered).
    fn register_escrow_logis(imp_uid: String, request: EscrowLogisRequest) -> EscrowLogis =
        |c| Ok(c.register_escrow_logis(&imp_uid, request.try_into()?).await?.into());

    /// Updates shipping information.
    fn update_escrow_logis(imp_uid: String, request: EscrowLogisRequest) -> EscrowLogis =
        |c| Ok(c.update_escrow_logis(&imp_uid, request.try_into()?).await?.into());

    // --- receipts.rs ---

    /// The cash receipt of a payment.
    fn get_cash_receipt(imp_uid: String) -> CashReceipt = |c| Ok(c.get_cash_receipt(&imp_uid).await?.into());

    /// Issues a cash receipt for a paid cash-like payment.
    fn issue_cash_receipt(imp_uid: String, request: IssueCashReceipt) -> CashReceipt =
        |c| Ok(c.issue_cash_receipt(&imp_uid, request.try_into()?).await?.into());

    /// Revokes the cash receipt of a payment.
    fn revoke_cash_receipt(imp_uid: String) -> CashReceipt =
        |c| Ok(c.revoke_cash_receipt(&imp_uid).await?.into());

    /// The cash receipt of a sale outside PortOne.
    fn get_external_cash_receipt(merchant_uid: String) -> CashReceipt =
        |c| Ok(c.get_external_cash_receipt(&merchant_uid).await?.into());

    /// Issues a cash receipt for a sale outside PortOne.
    fn issue_external_cash_receipt(merchant_uid: String, request: IssueExternalCashReceipt) -> CashReceipt =
        |c| Ok(c.issue_external_cash_receipt(&merchant_uid, request.try_into()?).await?.into());

    /// Revokes the cash receipt of a sale outside PortOne.
    fn revoke_external_cash_receipt(merchant_uid: String) -> CashReceipt =
        |c| Ok(c.revoke_external_cash_receipt(&merchant_uid).await?.into());

    // --- codes.rs ---

    /// Every bank code.
    fn get_banks() -> Vec<StandardCode> = |c| Ok(all(c.get_banks().await?));

    /// One bank.
    fn get_bank(code: String) -> StandardCode = |c| Ok(c.get_bank(&code).await?.into());

    /// Every card-company code.
    fn get_cards() -> Vec<StandardCode> = |c| Ok(all(c.get_cards().await?));

    /// One card company.
    fn get_card(code: String) -> StandardCode = |c| Ok(c.get_card(&code).await?.into());

    // --- verify.rs, webhook.rs ---

    /// The forgery check: re-fetches the payment and accepts it only when its amount is exactly
    /// `expected_amount` and it is `Paid`, or `Ready` as a really issued virtual account
    /// (`VirtualAccountIssued`). Anything else is `Verification`; on an amount mismatch, cancel the payment.
    fn verify_payment(imp_uid: String, expected_amount: f64) -> VerifiedPayment =
        |c| Ok(c.verify_payment(&imp_uid, expected_amount).await?.into());

    /// Verifies a webhook by re-fetching its payment; a payload whose `merchant_uid` does not match the real
    /// payment is refused (`Verification`, kind `OrderMismatch`). Decide on the returned payment (and check
    /// its amount with `verify_payment`).
    fn verify_webhook(webhook: IamportWebhook) -> Payment =
        |c| Ok(c.verify_webhook(&webhook.try_into()?).await?.into());
}

crate::redact::redacted!(IamportConfig,);
