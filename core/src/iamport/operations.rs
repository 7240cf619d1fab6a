//! The iamport (PortOne V1) operation table: every operation of [`Client`](super::Client), declared once.
//!
//! Every binding derives its surface from this list (see [`crate::Operation`] for the format). Adding an
//! operation is a client method in its resource module plus one entry here.

/// Expands `$callback! { provider iamport; … }` with every iamport operation (the format is described on
/// [`crate::Operation`]). Types are those `paywire::iamport` exports.
///
/// ```
/// let names: Vec<_> = paywire::iamport::OPERATIONS.iter().map(|op| op.name).collect();
/// assert!(names.contains(&"prepare_payment"));
/// ```
#[macro_export]
macro_rules! iamport_operations {
    ($callback:path) => {
        $callback! {
            provider iamport;

            /// The current access token (`users/getToken`), fetched if needed and cached; `expire_in` is
            /// the seconds it has left.
            fn get_access_token() -> CurrentToken
                [POST "users/getToken", Idempotent]
                = |c| c.get_access_token();

            /// Sends a request for an endpoint paywire does not wrap (e.g. the Naver Pay actions) through
            /// the same auth, retry and error layers; answers the envelope's `response`.
            fn raw_request(request: RawRequest) -> JsonValue
                [ANY "{path}", AsRequested]
                = |c| c.raw_request(request);

            /// One payment (`GET payments/{imp_uid}`); `include_sandbox` shows test-channel payments too.
            fn get_payment(imp_uid: String, include_sandbox: bool) -> Payment
                [GET "payments/{imp_uid}", Idempotent] defaults(include_sandbox = false)
                = |c| c.get_payment(&imp_uid, include_sandbox);

            /// Up to 100 payments by ids. A partial answer (HTTP 207, or none found) has `complete` false
            /// and the ids that did not come back in `missing`.
            fn get_payments(imp_uids: Vec<String>, merchant_uids: Vec<String>) -> PartialPayments
                [GET "payments", Idempotent] defaults(merchant_uids = [])
                = |c| c.get_payments(&imp_uids, &merchant_uids);

            /// The payment of an order (with several, the first by `sorting`, default newest),
            /// optionally only in `status`.
            fn find_payment(merchant_uid: String, status: Option<PaymentStatus>, sorting: Option<Sorting>) -> Payment
                [GET "payments/find/{merchant_uid}[/{payment_status}]", Idempotent]
                defaults(status = None, sorting = None)
                = |c| c.find_payment(&merchant_uid, status, sorting);

            /// Every payment of an order, paged.
            fn find_all_payments(merchant_uid: String, status: Option<PaymentStatus>, options: ListOptions) -> PaymentPage
                [GET "payments/findAll/{merchant_uid}[/{payment_status}]", Idempotent]
                defaults(status = None, options)
                = |c| c.find_all_payments(&merchant_uid, status, options);

            /// Payments in a state (none = all) over a window of at most 90 days (`options.from`/`to`),
            /// paged.
            fn get_payments_by_status(status: Option<PaymentStatus>, options: ListOptions) -> PaymentPage
                [GET "payments/status/{payment_status}", Idempotent] defaults(status = None, options)
                = |c| c.get_payments_by_status(status, options);

            /// The per-means amount breakdown of a (PAYCO) payment.
            fn get_payment_balance(imp_uid: String) -> PaymentBalance
                [GET "payments/{imp_uid}/balance", Idempotent]
                = |c| c.get_payment_balance(&imp_uid);

            /// Cancels a payment fully or partly, guarded by a `checksum` (looked up when not given), so a
            /// retried cancel never refunds twice. A refused cancel (nothing left, stale checksum) is
            /// `Api` with HTTP 200.
            fn cancel_payment(request: CancelPayment) -> Payment
                [POST "payments/cancel", Deduplicated]
                = |c| c.cancel_payment(request);

            /// Registers the amount an order must be paid with: a browser payment of another amount is
            /// stopped before the PG window opens.
            fn prepare_payment(merchant_uid: String, amount: f64, currency: Option<String>) -> Prepared
                [POST "payments/prepare", Never] defaults(currency = None)
                = |c| c.prepare_payment(&merchant_uid, amount, currency.as_deref());

            /// Changes a registered amount.
            fn update_prepared_payment(merchant_uid: String, amount: f64, currency: Option<String>) -> Prepared
                [PUT "payments/prepare", Idempotent] defaults(currency = None)
                = |c| c.update_prepared_payment(&merchant_uid, amount, currency.as_deref());

            /// The registered amount of an order.
            fn get_prepared_payment(merchant_uid: String) -> Prepared
                [GET "payments/prepare/{merchant_uid}", Idempotent]
                = |c| c.get_prepared_payment(&merchant_uid);

            /// Several billing keys; a partial answer (HTTP 207) has `complete` false and `missing` set.
            fn get_billing_keys(customer_uids: Vec<String>) -> PartialBillingCustomers
                [GET "subscribe/customers", Idempotent]
                = |c| c.get_billing_keys(&customer_uids);

            /// One billing key.
            fn get_billing_key(customer_uid: String) -> BillingCustomer
                [GET "subscribe/customers/{customer_uid}", Idempotent]
                = |c| c.get_billing_key(&customer_uid);

            /// Issues (or replaces) a billing key from card data. Never retried once sent.
            fn issue_billing_key(customer_uid: String, request: IssueBillingKey) -> BillingCustomer
                [POST "subscribe/customers/{customer_uid}", Never]
                = |c| c.issue_billing_key(&customer_uid, request);

            /// Deletes a billing key (revoke its schedules first). Never retried once sent.
            fn delete_billing_key(customer_uid: String, reason: Option<String>, requester: Option<String>) -> BillingCustomer
                [DELETE "subscribe/customers/{customer_uid}", Never] defaults(reason = None, requester = None)
                = |c| c.delete_billing_key(&customer_uid, reason.as_deref(), requester.as_deref());

            /// Payments made with a billing key, paged.
            fn get_billing_key_payments(customer_uid: String, page: Option<i64>) -> PaymentPage
                [GET "subscribe/customers/{customer_uid}/payments", Idempotent] defaults(page = None)
                = |c| c.get_billing_key_payments(&customer_uid, page);

            /// Schedules of a billing key in `[from, to)` (unix s, at most 3 months), paged.
            fn get_billing_key_schedules(customer_uid: String, from: i64, to: i64, status: Option<ScheduleStatus>, page: Option<i64>) -> SchedulePage
                [GET "subscribe/customers/{customer_uid}/schedules", Idempotent] defaults(status = None, page = None)
                = |c| c.get_billing_key_schedules(&customer_uid, from, to, status, page);

            /// A key-in payment, optionally storing the card as a billing key. Never retried once sent: on
            /// `OutcomeUnknown`, `find_payment(merchant_uid)`. A PG decline may be a `Failed` payment:
            /// check `status`.
            fn pay_onetime(request: OnetimePayment) -> Payment
                [POST "subscribe/payments/onetime", Never]
                = |c| c.pay_onetime(request);

            /// A payment with a stored billing key. Never retried once sent: on `OutcomeUnknown`,
            /// `find_payment(merchant_uid)`. A PG decline may be a `Failed` payment: check `status`.
            fn pay_again(request: AgainPayment) -> Payment
                [POST "subscribe/payments/again", Never]
                = |c| c.pay_again(request);

            /// Registers scheduled payments (all or nothing). Never retried once sent.
            fn schedule_payments(request: SchedulePayments) -> Vec<Schedule>
                [POST "subscribe/payments/schedule", Never]
                = |c| c.schedule_payments(request);

            /// Revokes schedules: all of a key's (no `merchant_uids`), or the listed ones.
            fn unschedule_payments(customer_uid: Option<String>, merchant_uids: Vec<String>) -> Vec<Schedule>
                [POST "subscribe/payments/unschedule", Never] defaults(merchant_uids = [])
                = |c| c.unschedule_payments(customer_uid.as_deref(), &merchant_uids);

            /// One schedule.
            fn get_schedule(merchant_uid: String) -> Schedule
                [GET "subscribe/payments/schedule/{merchant_uid}", Idempotent]
                = |c| c.get_schedule(&merchant_uid);

            /// Moves a pending schedule to `schedule_at` (unix s).
            fn update_schedule(merchant_uid: String, schedule_at: i64) -> Schedule
                [PUT "subscribe/payments/schedule/{merchant_uid}", Idempotent]
                = |c| c.update_schedule(&merchant_uid, schedule_at);

            /// Schedules a failed or revoked run again.
            fn reschedule_payment(merchant_uid: String, schedule_at: i64) -> Schedule
                [POST "subscribe/payments/schedule/{merchant_uid}/reschedule", Never]
                = |c| c.reschedule_payment(&merchant_uid, schedule_at);

            /// Runs a failed or revoked schedule now; the answer is the payment: check its `status`.
            fn retry_schedule(merchant_uid: String) -> Payment
                [POST "subscribe/payments/schedule/{merchant_uid}/retry", Never]
                = |c| c.retry_schedule(&merchant_uid);

            /// Schedules in `[schedule_from, schedule_to)` (unix s, at most 3 months), paged.
            fn get_schedules(schedule_from: i64, schedule_to: i64, status: Option<ScheduleStatus>, options: ListOptions) -> SchedulePage
                [GET "subscribe/payments/schedule", Idempotent] defaults(status = None, options)
                = |c| c.get_schedules(schedule_from, schedule_to, status, options);

            /// Schedules of a billing key in `[from, to)`, paged.
            fn get_schedules_by_customer(customer_uid: String, from: i64, to: i64, status: Option<ScheduleStatus>, page: Option<i64>) -> SchedulePage
                [GET "subscribe/payments/schedule/customers/{customer_uid}", Idempotent]
                defaults(status = None, page = None)
                = |c| c.get_schedules_by_customer(&customer_uid, from, to, status, page);

            /// Issues a virtual account: a `Ready` payment with `vbank_*` filled. Never retried once sent.
            fn issue_vbank(request: IssueVbank) -> Payment
                [POST "vbanks", Never]
                = |c| c.issue_vbank(request);

            /// Changes the amount or due date (unix s) of an unpaid virtual account.
            fn update_vbank(imp_uid: String, amount: Option<f64>, vbank_due: Option<i64>) -> Payment
                [PUT "vbanks/{imp_uid}", Idempotent] defaults(amount = None, vbank_due = None)
                = |c| c.update_vbank(&imp_uid, amount, vbank_due);

            /// Revokes an unpaid virtual account.
            fn revoke_vbank(imp_uid: String) -> Payment
                [DELETE "vbanks/{imp_uid}", Never]
                = |c| c.revoke_vbank(&imp_uid);

            /// The holder of a bank account, e.g. to check a refund account.
            fn get_vbank_holder(bank_code: String, bank_num: String) -> VbankHolder
                [GET "vbanks/holder", Idempotent]
                = |c| c.get_vbank_holder(&bank_code, &bank_num);

            /// An identity verification result.
            fn get_certification(imp_uid: String) -> Certification
                [GET "certifications/{imp_uid}", Idempotent]
                = |c| c.get_certification(&imp_uid);

            /// Erases a verification result from PortOne.
            fn delete_certification(imp_uid: String) -> Certification
                [DELETE "certifications/{imp_uid}", Never]
                = |c| c.delete_certification(&imp_uid);

            /// Starts an OTP verification; answers the id to confirm.
            fn request_certification_otp(request: CertificationOtpRequest) -> CertificationOtp
                [POST "certifications/otp/request", Never]
                = |c| c.request_certification_otp(request);

            /// Confirms the OTP the person received.
            fn confirm_certification_otp(imp_uid: String, otp: String) -> Certification
                [POST "certifications/otp/confirm/{imp_uid}", Never]
                = |c| c.confirm_certification_otp(&imp_uid, &otp);

            /// Shipping information of an escrow payment (HTTP 409 when none).
            fn get_escrow_logis(imp_uid: String) -> EscrowLogis
                [GET "escrows/logis/{imp_uid}", Idempotent]
                = |c| c.get_escrow_logis(&imp_uid);

            /// Registers shipping information (HTTP 409 when already registered).
            fn register_escrow_logis(imp_uid: String, request: EscrowLogisRequest) -> EscrowLogis
                [POST "escrows/logis/{imp_uid}", Never]
                = |c| c.register_escrow_logis(&imp_uid, request);

            /// Updates shipping information.
            fn update_escrow_logis(imp_uid: String, request: EscrowLogisRequest) -> EscrowLogis
                [PUT "escrows/logis/{imp_uid}", Idempotent]
                = |c| c.update_escrow_logis(&imp_uid, request);

            /// The cash receipt of a payment.
            fn get_cash_receipt(imp_uid: String) -> CashReceipt
                [GET "receipts/{imp_uid}", Idempotent]
                = |c| c.get_cash_receipt(&imp_uid);

            /// Issues a cash receipt for a paid cash-like payment.
            fn issue_cash_receipt(imp_uid: String, request: IssueCashReceipt) -> CashReceipt
                [POST "receipts/{imp_uid}", Never]
                = |c| c.issue_cash_receipt(&imp_uid, request);

            /// Revokes the cash receipt of a payment.
            fn revoke_cash_receipt(imp_uid: String) -> CashReceipt
                [DELETE "receipts/{imp_uid}", Never]
                = |c| c.revoke_cash_receipt(&imp_uid);

            /// The cash receipt issued outside a payment, by order id.
            fn get_external_cash_receipt(merchant_uid: String) -> CashReceipt
                [GET "receipts/external/{merchant_uid}", Idempotent]
                = |c| c.get_external_cash_receipt(&merchant_uid);

            /// Issues a cash receipt for a payment made outside PortOne.
            fn issue_external_cash_receipt(merchant_uid: String, request: IssueExternalCashReceipt) -> CashReceipt
                [POST "receipts/external/{merchant_uid}", Never]
                = |c| c.issue_external_cash_receipt(&merchant_uid, request);

            /// Revokes an external cash receipt.
            fn revoke_external_cash_receipt(merchant_uid: String) -> CashReceipt
                [DELETE "receipts/external/{merchant_uid}", Never]
                = |c| c.revoke_external_cash_receipt(&merchant_uid);

            /// The bank codes.
            fn get_banks() -> Vec<StandardCode>
                [GET "banks", Idempotent]
                = |c| c.get_banks();

            /// One bank code.
            fn get_bank(code: String) -> StandardCode
                [GET "banks/{code}", Idempotent]
                = |c| c.get_bank(&code);

            /// The card company codes.
            fn get_cards() -> Vec<StandardCode>
                [GET "cards", Idempotent]
                = |c| c.get_cards();

            /// One card company code.
            fn get_card(code: String) -> StandardCode
                [GET "cards/{code}", Idempotent]
                = |c| c.get_card(&code);

            /// The forgery check: looks the payment up and compares its amount with `expected_amount`
            /// exactly; a forged or unpaid payment is `Verification`.
            fn verify_payment(imp_uid: String, expected_amount: f64) -> VerifiedPayment
                [GET "payments/{imp_uid}", Idempotent]
                = |c| c.verify_payment(&imp_uid, expected_amount);

            /// Verifies a webhook by re-fetching its payment; answers the payment as PortOne has it now.
            fn verify_webhook(webhook: IamportWebhook) -> Payment
                [GET "payments/{imp_uid}", Idempotent]
                = |c| c.verify_webhook(&webhook);
        }
    };
}

#[allow(unused_imports)]
use super::*;

crate::iamport_operations!(crate::__describe_operations);
