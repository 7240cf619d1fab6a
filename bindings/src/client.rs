//! The Bootpay client objects: `Bootpay` (async: Kotlin `suspend`, Swift `async throws`) and
//! `BootpayBlocking` (the same operations, blocking, for Java and other non-coroutine callers), plus the
//! configuration record.
//!
//! Both objects wrap one `paywire::bootpay::Client` (clones share the connection pool and the token cache)
//! and every operation is a one-line call into core, declared once in `bootpay_operations!` so the two
//! objects can never drift apart; the machinery is shared with iamport (`ops.rs`).

use crate::enums::Mode;
use crate::error::PaywireError;
use crate::models::{
    AccessToken, BillingKey, CancelledReservation, Certificate, DestroyedBillingKey, PaymentLink,
    PaymentMethod, Receipt, ReservedPayment, SubscribeReservation, UserToken,
};
use crate::ops::{self, all, apply_transport, client_objects, client_operations};
use crate::requests::{
    CancelCashReceipt, CancelPayment, IssueBillingKey, PublishCashReceipt, RawRequest,
    RequestAuthentication, RequestCashReceipt, RequestPaymentLink, RequestTransferBillingKey,
    RequestUserToken, ReserveSubscribePayment, ShippingStart, SubscribePayment,
};
use crate::webhook::BootpayWebhook;
use paywire::bootpay::Client;

/// How to reach Bootpay. Give exactly one credential pair: `client_key` + `secret_key` (recommended,
/// HTTP Basic) or `application_id` + `private_key` (legacy, Bearer token). Every field is optional;
/// `toString()` / `description` print the secrets (and the proxy URL, which may hold a password) as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display, Debug)]
pub struct BootpayConfig {
    /// Recommended pair, part 1.
    #[uniffi(default = None)]
    pub client_key: Option<String>,
    /// Recommended pair, part 2. Secret.
    #[uniffi(default = None)]
    pub secret_key: Option<String>,
    /// Legacy pair, part 1.
    #[uniffi(default = None)]
    pub application_id: Option<String>,
    /// Legacy pair, part 2. Secret.
    #[uniffi(default = None)]
    pub private_key: Option<String>,
    /// Which Bootpay server (default production).
    #[uniffi(default = None)]
    pub mode: Option<Mode>,
    /// Overrides the server, e.g. a sandbox `http://127.0.0.1:7878/v2`.
    #[uniffi(default = None)]
    pub base_url: Option<String>,
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
    /// Overrides the `BOOTPAY-API-VERSION` header.
    #[uniffi(default = None)]
    pub api_version: Option<String>,
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

fn build_client(config: BootpayConfig) -> Result<Client, PaywireError> {
    let mut builder = Client::builder();
    if let Some(v) = config.client_key {
        builder = builder.client_key(v);
    }
    if let Some(v) = config.secret_key {
        builder = builder.secret_key(v);
    }
    if let Some(v) = config.application_id {
        builder = builder.application_id(v);
    }
    if let Some(v) = config.private_key {
        builder = builder.private_key(v);
    }
    if let Some(mode) = config.mode {
        builder = builder.mode(mode.into());
    }
    if let Some(v) = config.base_url {
        builder = builder.base_url(v);
    }
    if let Some(v) = config.api_version {
        builder = builder.api_version(v);
    }
    let builder = apply_transport!(builder, config);
    ops::build_in_runtime(|| builder.build())
}

client_objects! {
    /// The Bootpay REST v2 client. Every operation is `suspend` in Kotlin and `async throws` in Swift, and
    /// throws `PaywireException` / `PaywireError`. Share one instance: it holds the connection pool and the
    /// token (fetched once, refreshed ahead of expiry, one refresh however many calls wait).
    ///
    /// Cancelling a coroutine/task stops the *waiting*, never a request half-way: a confirm, cancel,
    /// subscribe, billing-key issue or reservation that started runs to its end; reconcile by a look-up.
    async Bootpay,
    /// The same operations as [`Bootpay`], blocking the calling thread: for Java and other callers without
    /// coroutines. Obtain it with `Bootpay.blocking()` (sharing the pool and token) or its own constructor.
    /// Never call it from a coroutine or an event loop thread.
    blocking BootpayBlocking,
    config BootpayConfig,
    core Client,
    build build_client,
}

/// Declares each Bootpay operation once and exports it twice: async on `Bootpay`, blocking on
/// `BootpayBlocking` (see [`client_operations!`](crate::ops::client_operations)).
macro_rules! bootpay_operations {
    ($($ops:tt)*) => {
        client_operations!(Bootpay, BootpayBlocking; $($ops)*);
    };
}

bootpay_operations! {
    /// The current access token (`request/token`), fetched if needed and cached. With
    /// client_key/secret_key there is no token: an empty token and `expire_in` 0.
    fn get_access_token() -> AccessToken = |c| Ok(c.get_access_token().await?.into());

    /// Sends a request for an endpoint paywire does not wrap; answers the JSON body as text.
    fn raw_request(request: RawRequest) -> String = |c| Ok(c.raw_request(request.try_into()?).await?.to_string());

    /// Looks a payment up (`GET receipt/{receipt_id}`); `lookup_user_data` adds the buyer's data.
    fn get_receipt(receipt_id: String, lookup_user_data: bool) -> Receipt =
        |c| Ok(c.get_receipt(&receipt_id, lookup_user_data).await?.into());

    /// Every receipt of a merchant order id, e.g. to reconcile after an unknown outcome.
    fn get_receipts_by_order_id(order_id: String) -> Vec<Receipt> =
        |c| Ok(all(c.get_receipts_by_order_id(&order_id).await?));

    /// Confirms a payment awaiting server confirmation (status 2 → 1). Never retried once sent; prefer
    /// `confirmVerified`, which checks the amount first.
    fn confirm_payment(receipt_id: String) -> Receipt = |c| Ok(c.confirm_payment(&receipt_id).await?.into());

    /// Cancels a payment fully or partly, always with a `cancel_id` so a retry can never cancel twice.
    fn cancel_payment(request: CancelPayment) -> Receipt = |c| Ok(c.cancel_payment(request.try_into()?).await?.into());

    /// The payment methods enabled for this merchant.
    fn get_payment_methods() -> Vec<PaymentMethod> = |c| Ok(all(c.get_payment_methods().await?));

    /// Issues a card billing key (`POST request/subscribe`). Never retried once sent.
    fn issue_billing_key(request: IssueBillingKey) -> BillingKey =
        |c| Ok(c.issue_billing_key(request.try_into()?).await?.into());

    /// The billing key issued with `receipt_id` (after a browser-side registration).
    fn get_billing_key_by_receipt(receipt_id: String) -> BillingKey =
        |c| Ok(c.get_billing_key_by_receipt(&receipt_id).await?.into());

    /// A billing key by the key itself.
    fn get_billing_key_by_key(billing_key: String) -> BillingKey =
        |c| Ok(c.get_billing_key_by_key(&billing_key).await?.into());

    /// The sequential (priority) billing key of a widget user.
    fn get_sequential_billing_key(billing_key: String, widget_key: String, user_id: String) -> BillingKey =
        |c| Ok(c.get_sequential_billing_key(&billing_key, &widget_key, &user_id).await?.into());

    /// Destroys a billing key. Pending reservations are NOT cancelled by this: cancel them first.
    fn destroy_billing_key(billing_key: String) -> DestroyedBillingKey =
        |c| Ok(c.destroy_billing_key(&billing_key).await?.into());

    /// Charges a billing key. Never retried once sent: on `OutcomeUnknown` look the order up with
    /// `get_receipts_by_order_id`.
    fn subscribe_payment(request: SubscribePayment) -> Receipt =
        |c| Ok(c.subscribe_payment(request.try_into()?).await?.into());

    /// Schedules a charge. Never retried once sent.
    fn reserve_subscribe_payment(request: ReserveSubscribePayment) -> ReservedPayment =
        |c| Ok(c.reserve_subscribe_payment(request.try_into()?).await?.into());

    /// Looks a reservation up.
    fn get_subscribe_reservation(reserve_id: String) -> SubscribeReservation =
        |c| Ok(c.get_subscribe_reservation(&reserve_id).await?.into());

    /// Cancels a reservation.
    fn cancel_subscribe_reservation(reserve_id: String) -> CancelledReservation =
        |c| Ok(c.cancel_subscribe_reservation(&reserve_id).await?.into());

    /// Starts an account billing-key registration; status 41 once the holder consented, then call
    /// `publish_transfer_billing_key`.
    fn request_transfer_billing_key(request: RequestTransferBillingKey) -> Receipt =
        |c| Ok(c.request_transfer_billing_key(request.try_into()?).await?.into());

    /// Issues the account billing key of a consented registration.
    fn publish_transfer_billing_key(receipt_id: String) -> BillingKey =
        |c| Ok(c.publish_transfer_billing_key(&receipt_id).await?.into());

    /// An identity verification result. Only status `Authenticated` (12) means verified.
    fn get_certificate(receipt_id: String) -> Certificate = |c| Ok(c.get_certificate(&receipt_id).await?.into());

    /// Starts a REST identity verification; the person receives an OTP.
    fn request_authentication(request: RequestAuthentication) -> Certificate =
        |c| Ok(c.request_authentication(request.try_into()?).await?.into());

    /// Confirms the OTP the person received; status 12 on success.
    fn confirm_authentication(receipt_id: String, otp: String) -> Certificate =
        |c| Ok(c.confirm_authentication(&receipt_id, &otp).await?.into());

    /// Re-sends the OTP SMS.
    fn realarm_authentication(receipt_id: String) -> Certificate =
        |c| Ok(c.realarm_authentication(&receipt_id).await?.into());

    /// Issues a user token for easy-pay / biometric payments started from the front end.
    fn request_user_token(request: RequestUserToken) -> UserToken =
        |c| Ok(c.request_user_token(request.try_into()?).await?.into());

    /// Registers the shipment of an escrow payment.
    fn start_escrow_shipping(request: ShippingStart) -> Receipt =
        |c| Ok(c.start_escrow_shipping(request.try_into()?).await?.into());

    /// Issues a cash receipt for an existing payment.
    fn publish_cash_receipt_on_receipt(request: PublishCashReceipt) -> Receipt =
        |c| Ok(c.publish_cash_receipt_on_receipt(request.try_into()?).await?.into());

    /// Cancels the cash receipt of a payment.
    fn cancel_cash_receipt_on_receipt(receipt_id: String, request: CancelCashReceipt) -> Receipt =
        |c| Ok(c.cancel_cash_receipt_on_receipt(&receipt_id, request.try_into()?).await?.into());

    /// Issues a standalone cash receipt.
    fn request_cash_receipt(request: RequestCashReceipt) -> Receipt =
        |c| Ok(c.request_cash_receipt(request.try_into()?).await?.into());

    /// Cancels a standalone cash receipt.
    fn cancel_cash_receipt(receipt_id: String, request: CancelCashReceipt) -> Receipt =
        |c| Ok(c.cancel_cash_receipt(&receipt_id, request.try_into()?).await?.into());

    /// Creates a payment link: a URL the customer opens to pay.
    fn request_payment_link(request: RequestPaymentLink) -> PaymentLink =
        |c| Ok(c.request_payment_link(request.try_into()?).await?.into());

    /// The forgery check: the receipt must be paid (status 1), in KRW, for exactly `expected_price`;
    /// otherwise `Verification`. Never trust an amount or status that came from the browser.
    fn verify_payment(receipt_id: String, expected_price: i64) -> Receipt =
        |c| Ok(c.verify_payment(&receipt_id, expected_price).await?.into());

    /// Step 1 of the server-confirm flow (`confirmVerified`): the receipt must await confirmation
    /// (status 2), in KRW, for exactly `expected_price`; otherwise `Verification`.
    fn verify_awaiting_confirm(receipt_id: String, expected_price: i64) -> Receipt =
        |c| Ok(c.verify_awaiting_confirm(&receipt_id, expected_price).await?.into());

    /// Step 3 of the server-confirm flow: confirms, then checks the confirmed price again.
    fn confirm_checked(receipt_id: String, expected_price: i64) -> Receipt =
        |c| Ok(c.confirm_checked(&receipt_id, expected_price).await?.into());

    /// Verifies a webhook by re-fetching its receipt; a payload whose order id does not match the real
    /// receipt is refused (`Verification`, kind `OrderMismatch`). Returns the receipt as Bootpay has it now.
    fn verify_webhook(webhook: BootpayWebhook) -> Receipt =
        |c| Ok(c.verify_webhook(&webhook.try_into()?).await?.into());
}

crate::redact::redacted!(BootpayConfig,);
