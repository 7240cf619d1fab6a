//! The Bootpay operation table: every operation of [`Client`](super::Client), declared once.
//!
//! Every binding derives its surface from this list (see [`crate::Operation`] for the format): the
//! UniFFI exports for Kotlin and Swift, the pyo3 dispatch and the Python methods. Adding an operation is a
//! client method in its resource module plus one entry here.

/// Expands `$callback! { provider bootpay; … }` with every Bootpay operation (the format is described on
/// [`crate::Operation`]). Types are those `paywire::bootpay` exports.
///
/// ```
/// macro_rules! names {
///     (provider $p:ident; $($(#[doc = $d:literal])* fn $name:ident($($a:ident : $t:ty),*) -> $r:ty
///         [$m:ident $path:literal, $retry:ident] $(defaults($($x:tt)*))? = |$c:ident| $call:expr;)*) => {
///         const NAMES: &[&str] = &[$(stringify!($name)),*];
///     };
/// }
/// paywire::bootpay_operations!(names);
/// assert!(NAMES.contains(&"cancel_payment"));
/// assert_eq!(NAMES.len(), paywire::bootpay::OPERATIONS.len());
/// ```
#[macro_export]
macro_rules! bootpay_operations {
    ($callback:path) => {
        $callback! {
            provider bootpay;

            /// The current access token (`request/token`), fetched if needed and cached. With
            /// client_key/secret_key there is no token: an empty token and `expire_in` 0.
            fn get_access_token() -> AccessToken
                [POST "request/token", Idempotent]
                = |c| c.get_access_token();

            /// Sends a request for an endpoint paywire does not wrap, through the same auth, retry and
            /// error layers; answers the JSON body.
            fn raw_request(request: RawRequest) -> JsonValue
                [ANY "{path}", AsRequested]
                = |c| c.raw_request(request);

            /// Looks a payment up (`GET receipt/{receipt_id}`); `lookup_user_data` adds the buyer's data.
            fn get_receipt(receipt_id: String, lookup_user_data: bool) -> Receipt
                [GET "receipt/{receipt_id}", Idempotent] defaults(lookup_user_data = false)
                = |c| c.get_receipt(&receipt_id, lookup_user_data);

            /// Every receipt of a merchant order id, e.g. to reconcile after an unknown outcome.
            fn get_receipts_by_order_id(order_id: String) -> Vec<Receipt>
                [GET "lookup/order/{order_id}", Idempotent]
                = |c| c.get_receipts_by_order_id(&order_id);

            /// Confirms a payment awaiting server confirmation (status 2 → 1). Never retried once sent;
            /// prefer `confirm_verified`, which checks the amount first.
            fn confirm_payment(receipt_id: String) -> Receipt
                [POST "confirm", Never]
                = |c| c.confirm_payment(&receipt_id);

            /// Cancels a payment fully or partly, always with a `cancel_id` so a retry can never cancel
            /// twice. On `OutcomeUnknown` call again with the same request and its `cancel_id`: a
            /// `cancel_id` already applied returns the receipt as it stands, never a second refund.
            fn cancel_payment(request: CancelPayment) -> Receipt
                [POST "cancel", Deduplicated]
                = |c| c.cancel_payment(request);

            /// The payment methods enabled for this merchant.
            fn get_payment_methods() -> Vec<PaymentMethod>
                [GET "seller/payment/method", Idempotent]
                = |c| c.get_payment_methods();

            /// Issues a card billing key (`POST request/subscribe`). Never retried once sent.
            fn issue_billing_key(request: IssueBillingKey) -> BillingKey
                [POST "request/subscribe", Never]
                = |c| c.issue_billing_key(request);

            /// The billing key issued with `receipt_id` (after a browser-side registration).
            fn get_billing_key_by_receipt(receipt_id: String) -> BillingKey
                [GET "subscribe/billing_key/{receipt_id}", Idempotent]
                = |c| c.get_billing_key_by_receipt(&receipt_id);

            /// A billing key by the key itself.
            fn get_billing_key_by_key(billing_key: String) -> BillingKey
                [GET "billing_key/{billing_key}", Idempotent]
                = |c| c.get_billing_key_by_key(&billing_key);

            /// The sequential (priority) billing key of a widget user.
            fn get_sequential_billing_key(billing_key: String, widget_key: String, user_id: String) -> BillingKey
                [GET "subscribe/sequential_billing_key/{billing_key}", Idempotent]
                = |c| c.get_sequential_billing_key(&billing_key, &widget_key, &user_id);

            /// Destroys a billing key. Pending reservations are NOT cancelled by this: cancel them first.
            fn destroy_billing_key(billing_key: String) -> DestroyedBillingKey
                [DELETE "subscribe/billing_key/{billing_key}", Never]
                = |c| c.destroy_billing_key(&billing_key);

            /// Charges a billing key. Never retried once sent: on `OutcomeUnknown` look the order up with
            /// `get_receipts_by_order_id`.
            fn subscribe_payment(request: SubscribePayment) -> Receipt
                [POST "subscribe/payment", Never]
                = |c| c.subscribe_payment(request);

            /// Schedules a charge. Never retried once sent.
            fn reserve_subscribe_payment(request: ReserveSubscribePayment) -> ReservedPayment
                [POST "subscribe/payment/reserve", Never]
                = |c| c.reserve_subscribe_payment(request);

            /// Looks a reservation up.
            fn get_subscribe_reservation(reserve_id: String) -> SubscribeReservation
                [GET "subscribe/payment/reserve/{reserve_id}", Idempotent]
                = |c| c.get_subscribe_reservation(&reserve_id);

            /// Cancels a reservation.
            fn cancel_subscribe_reservation(reserve_id: String) -> CancelledReservation
                [DELETE "subscribe/payment/reserve/{reserve_id}", Never]
                = |c| c.cancel_subscribe_reservation(&reserve_id);

            /// Starts an account billing-key registration; status 41 once the holder consented, then call
            /// `publish_transfer_billing_key`.
            fn request_transfer_billing_key(request: RequestTransferBillingKey) -> Receipt
                [POST "request/subscribe/automatic-transfer", Never]
                = |c| c.request_transfer_billing_key(request);

            /// Issues the account billing key of a consented registration.
            fn publish_transfer_billing_key(receipt_id: String) -> BillingKey
                [POST "request/subscribe/automatic-transfer/publish", Never]
                = |c| c.publish_transfer_billing_key(&receipt_id);

            /// An identity verification result. Only status `Authenticated` (12) means verified.
            fn get_certificate(receipt_id: String) -> Certificate
                [GET "certificate/{receipt_id}", Idempotent]
                = |c| c.get_certificate(&receipt_id);

            /// Starts a REST identity verification; the person receives an OTP.
            fn request_authentication(request: RequestAuthentication) -> Certificate
                [POST "request/authentication", Never]
                = |c| c.request_authentication(request);

            /// Confirms the OTP the person received; status 12 on success.
            fn confirm_authentication(receipt_id: String, otp: String) -> Certificate
                [POST "authenticate/confirm", Never]
                = |c| c.confirm_authentication(&receipt_id, &otp);

            /// Re-sends the OTP SMS.
            fn realarm_authentication(receipt_id: String) -> Certificate
                [POST "authenticate/realarm", Never]
                = |c| c.realarm_authentication(&receipt_id);

            /// Issues a user token for easy-pay / biometric payments started from the front end.
            fn request_user_token(request: RequestUserToken) -> UserToken
                [POST "request/user/token", Never]
                = |c| c.request_user_token(request);

            /// The wallets (saved payment methods) of a member, in their order; `sandbox` picks the ones
            /// registered in test mode. An unknown member has none (an empty list).
            fn get_user_wallets(user_id: String, sandbox: bool) -> Vec<Wallet>
                [GET "wallet", Idempotent]
                = |c| c.get_user_wallets(&user_id, sandbox);

            /// Registers the shipment of an escrow payment.
            fn start_escrow_shipping(request: ShippingStart) -> Receipt
                [PUT "escrow/shipping/start/{receipt_id}", Never]
                = |c| c.start_escrow_shipping(request);

            /// Issues a cash receipt for an existing payment.
            fn publish_cash_receipt_on_receipt(request: PublishCashReceipt) -> Receipt
                [POST "request/receipt/cash/publish", Never]
                = |c| c.publish_cash_receipt_on_receipt(request);

            /// Cancels the cash receipt of a payment.
            fn cancel_cash_receipt_on_receipt(receipt_id: String, request: CancelCashReceipt) -> Receipt
                [DELETE "request/receipt/cash/cancel/{receipt_id}", Never]
                = |c| c.cancel_cash_receipt_on_receipt(&receipt_id, request);

            /// Issues a standalone cash receipt.
            fn request_cash_receipt(request: RequestCashReceipt) -> Receipt
                [POST "request/cash/receipt", Never]
                = |c| c.request_cash_receipt(request);

            /// Cancels a standalone cash receipt.
            fn cancel_cash_receipt(receipt_id: String, request: CancelCashReceipt) -> Receipt
                [DELETE "request/cash/receipt/{receipt_id}", Never]
                = |c| c.cancel_cash_receipt(&receipt_id, request);

            /// Creates a payment link: a URL the customer opens to pay.
            fn request_payment_link(request: RequestPaymentLink) -> PaymentLink
                [POST "request/payment", Never]
                = |c| c.request_payment_link(request);

            /// The forgery check: the receipt must be paid (status 1), in KRW, for exactly
            /// `expected_price`; otherwise `Verification`. Never trust an amount or status that came from
            /// the browser.
            fn verify_payment(receipt_id: String, expected_price: i64) -> Receipt
                [GET "receipt/{receipt_id}", Idempotent]
                = |c| c.verify_payment(&receipt_id, expected_price);

            /// Step 1 of the server-confirm flow (`confirm_verified`): the receipt must await confirmation
            /// (status 2), in KRW, for exactly `expected_price`; otherwise `Verification`.
            fn verify_awaiting_confirm(receipt_id: String, expected_price: i64) -> Receipt
                [GET "receipt/{receipt_id}", Idempotent]
                = |c| c.verify_awaiting_confirm(&receipt_id, expected_price);

            /// Step 3 of the server-confirm flow: confirms, then checks the confirmed price again.
            fn confirm_checked(receipt_id: String, expected_price: i64) -> Receipt
                [POST "confirm", Never]
                = |c| c.confirm_checked(&receipt_id, expected_price);

            /// Verifies a webhook by re-fetching its receipt; a payload whose order id does not match the
            /// real receipt is refused (`Verification`, kind `OrderMismatch`). Returns the receipt as
            /// Bootpay has it now.
            fn verify_webhook(webhook: BootpayWebhook) -> Receipt
                [GET "receipt/{receipt_id}", Idempotent]
                = |c| c.verify_webhook(&webhook);
        }
    };
}

#[allow(unused_imports)]
use super::*;

crate::bootpay_operations!(crate::__describe_operations);
