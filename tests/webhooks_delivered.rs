//! paywire's webhook parsers and verifiers against webhooks the sandbox really delivers.
//!
//! A small axum receiver stands in for the merchant's endpoint; the sandbox POSTs to it when a
//! payment changes state. The merchant side is paywire's own clients: each delivered body is
//! parsed (`BootpayWebhook::parse`, `IamportWebhook::parse`) and verified by re-fetching
//! (`verify_webhook`), as an integration would. Forged bodies must be refused, and a receiver
//! that does not acknowledge gets the same webhook again.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use paywire::bootpay::{BootpayWebhook, ReceiptStatus, WebhookType};
use paywire::iamport::{IamportWebhook, PaymentStatus};
use paywire::{Error, VerificationFailure};
use paywire_sandbox::{
    AdminClient, ConfigUpdate, DeliveryState, IamportFormat, NewBootpayReceipt, NewIamportPayment,
    SandboxConfig,
};
use paywire_tests::{issue_test_billing_key, Env};
use serde_json::Value;

/// One request the receiver got.
#[derive(Clone, Debug)]
struct Received {
    /// The receiver path (`hook`, `flaky-bootpay`, …).
    path: String,
    content_type: Option<String>,
    body: Bytes,
}

impl Received {
    fn json(&self) -> Value {
        paywire::webhook::parse_body(&self.body, self.content_type.as_deref())
            .map(Value::Object)
            .unwrap_or(Value::Null)
    }
}

#[derive(Default)]
struct ReceiverState {
    received: Vec<Received>,
    /// Requests seen per path (drives the flaky paths' answers).
    hits: HashMap<String, u32>,
}

/// The merchant's webhook endpoint. `hook` acknowledges at once; `flaky-bootpay` answers 500,
/// then 200 without `"success": true`, then acknowledges; `flaky-iamport` answers 503 twice,
/// then 200.
struct Receiver {
    url: String,
    state: Arc<Mutex<ReceiverState>>,
    _server: tokio::task::JoinHandle<()>,
}

async fn receive(
    State(state): State<Arc<Mutex<ReceiverState>>>,
    Path(path): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, &'static str) {
    let mut state = state.lock().unwrap();
    let hit = {
        let n = state.hits.entry(path.clone()).or_default();
        *n += 1;
        *n
    };
    state.received.push(Received {
        path: path.clone(),
        content_type: headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        body,
    });
    match (path.as_str(), hit) {
        ("flaky-bootpay", 1) => (StatusCode::INTERNAL_SERVER_ERROR, "down"),
        ("flaky-bootpay", 2) => (StatusCode::OK, r#"{"success": false}"#),
        ("flaky-iamport", 1 | 2) => (StatusCode::SERVICE_UNAVAILABLE, "busy"),
        _ => (StatusCode::OK, paywire::webhook::WEBHOOK_ACK),
    }
}

impl Receiver {
    async fn start() -> Receiver {
        let state = Arc::new(Mutex::new(ReceiverState::default()));
        let app = Router::new()
            .route("/{path}", post(receive))
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let server = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Receiver {
            url,
            state,
            _server: server,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.url)
    }

    /// Every request so far that `matches`.
    fn all(&self, matches: impl Fn(&Received) -> bool) -> Vec<Received> {
        let state = self.state.lock().unwrap();
        state
            .received
            .iter()
            .filter(|r| matches(r))
            .cloned()
            .collect()
    }

    /// Waits (up to 10 s) until `count` requests match; answers them.
    async fn wait_for(&self, count: usize, matches: impl Fn(&Received) -> bool) -> Vec<Received> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let found = self.all(&matches);
            if found.len() >= count {
                return found;
            }
            assert!(
                Instant::now() < deadline,
                "waited 10 s for {count} webhook(s), got {}: {:?}",
                found.len(),
                self.all(|_| true)
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// A Bootpay webhook at `hook` about `field` = `value` whose `webhook_type`/`status` is `event`.
fn bootpay_event<'a>(
    field: &'a str,
    value: &'a str,
    event: &'a str,
) -> impl Fn(&Received) -> bool + 'a {
    move |r| {
        let json = r.json();
        r.path == "hook"
            && json[field] == value
            && (json["webhook_type"] == event
                || json["status"].as_i64().map(|s| s.to_string()).as_deref() == Some(event))
    }
}

fn iamport_event<'a>(merchant_uid: &'a str, status: &'a str) -> impl Fn(&Received) -> bool + 'a {
    move |r| {
        let json = r.json();
        r.path == "hook" && json["merchant_uid"] == merchant_uid && json["status"] == status
    }
}

/// The sandbox with `receiver/hook` as its webhook URL and retries a few ms apart.
async fn sandbox_for(receiver: &Receiver) -> (Env, AdminClient) {
    let env = Env::start_with(SandboxConfig {
        webhook_url: Some(receiver.url("hook")),
        webhook_backoff_base: Duration::from_millis(5),
        ..SandboxConfig::default()
    })
    .await;
    let admin = AdminClient::new(&env.sandbox.url()).unwrap();
    (env, admin)
}

/// What a merchant does with a Bootpay delivery: parse, verify by re-fetching, and check that
/// the price it claims is the real one. Answers the re-fetched receipt.
async fn merchant_accepts_bootpay(
    client: &paywire::bootpay::Client,
    delivered: &Received,
) -> paywire::Result<(BootpayWebhook, paywire::bootpay::Receipt)> {
    let hook = BootpayWebhook::parse(&delivered.body, delivered.content_type.as_deref())?;
    // verify_webhook refuses a payload whose order id or price is not the real receipt's.
    let receipt = client.verify_webhook(&hook).await?;
    Ok((hook, receipt))
}

async fn expect_bootpay(
    receiver: &Receiver,
    client: &paywire::bootpay::Client,
    field: &str,
    value: &str,
    event: &str,
) -> (BootpayWebhook, paywire::bootpay::Receipt) {
    let delivered = receiver
        .wait_for(1, bootpay_event(field, value, event))
        .await;
    assert_eq!(delivered.len(), 1, "{event} for {value} delivered once");
    assert_eq!(
        delivered[0].content_type.as_deref(),
        Some("application/json")
    );
    let (hook, receipt) = merchant_accepts_bootpay(client, &delivered[0])
        .await
        .unwrap_or_else(|e| panic!("{event} for {value} refused: {e}"));
    assert_eq!(
        hook.status,
        Some(receipt.status),
        "{event}: claimed status is the real one"
    );
    (hook, receipt)
}

#[tokio::test]
async fn bootpay_webhooks_of_every_state_change_parse_and_verify() {
    let receiver = Receiver::start().await;
    let (env, admin) = sandbox_for(&receiver).await;
    let client = env.basic_client();

    // Paid at checkout.
    let paid = admin
        .create_bootpay_receipt(&NewBootpayReceipt::paid(1000).order_id("bp-paid"))
        .await
        .unwrap();
    let (hook, receipt) = expect_bootpay(
        &receiver,
        &client,
        "receipt_id",
        &paid.receipt_id,
        "PAYMENT_COMPLETED",
    )
    .await;
    assert_eq!(hook.event(), WebhookType::PaymentCompleted);
    assert_eq!(receipt.price, 1000);

    // Awaiting confirm: no webhook until the merchant confirms; then PAYMENT_COMPLETED.
    let pending = admin
        .create_bootpay_receipt(&NewBootpayReceipt::awaiting_confirm(2000).order_id("bp-confirm"))
        .await
        .unwrap();
    client
        .confirm_checked(&pending.receipt_id, 2000)
        .await
        .unwrap();
    let (hook, receipt) = expect_bootpay(
        &receiver,
        &client,
        "receipt_id",
        &pending.receipt_id,
        "PAYMENT_COMPLETED",
    )
    .await;
    assert_eq!(hook.event(), WebhookType::PaymentCompleted);
    assert_eq!(receipt.status, ReceiptStatus::Paid);
    assert_eq!(
        receiver
            .all(|r| r.json()["receipt_id"] == pending.receipt_id.as_str())
            .len(),
        1,
        "awaiting confirm (status 2) is not an event"
    );

    // Partly, then fully cancelled by the merchant.
    client
        .cancel_payment(paywire::bootpay::CancelPayment {
            cancel_price: Some(400),
            ..paywire::bootpay::CancelPayment::new(&paid.receipt_id)
        })
        .await
        .unwrap();
    let (hook, receipt) = expect_bootpay(
        &receiver,
        &client,
        "receipt_id",
        &paid.receipt_id,
        "PAYMENT_PARTIAL_CANCELLED",
    )
    .await;
    assert_eq!(hook.event(), WebhookType::PaymentPartialCancelled);
    assert_eq!(receipt.cancelled_price, 400);
    client
        .cancel_payment(paywire::bootpay::CancelPayment::new(&paid.receipt_id))
        .await
        .unwrap();
    let (hook, receipt) = expect_bootpay(
        &receiver,
        &client,
        "receipt_id",
        &paid.receipt_id,
        "PAYMENT_CANCELLED",
    )
    .await;
    assert_eq!(hook.event(), WebhookType::PaymentCancelled);
    assert_eq!(receipt.cancelled_price, 1000);
    assert_ne!(
        BootpayWebhook::parse(
            &receiver
                .wait_for(
                    1,
                    bootpay_event("receipt_id", &paid.receipt_id, "PAYMENT_PARTIAL_CANCELLED")
                )
                .await[0]
                .body,
            None
        )
        .unwrap()
        .idempotency_key(),
        hook.idempotency_key(),
        "each cancel is its own event"
    );

    // Virtual account issued, then deposited.
    let vbank = admin
        .create_bootpay_receipt(&NewBootpayReceipt::virtual_account(5000).order_id("bp-vbank"))
        .await
        .unwrap();
    let (hook, receipt) = expect_bootpay(
        &receiver,
        &client,
        "receipt_id",
        &vbank.receipt_id,
        "PAYMENT_VIRTUAL_ACCOUNT_ISSUED",
    )
    .await;
    assert_eq!(hook.event(), WebhookType::PaymentVirtualAccountIssued);
    assert_eq!(receipt.status, ReceiptStatus::VirtualAccountIssued);
    admin
        .deposit_bootpay_vbank(&vbank.receipt_id)
        .await
        .unwrap();
    let (hook, receipt) = expect_bootpay(
        &receiver,
        &client,
        "receipt_id",
        &vbank.receipt_id,
        "PAYMENT_COMPLETED",
    )
    .await;
    assert_eq!(hook.event(), WebhookType::PaymentCompleted);
    assert_eq!(receipt.status, ReceiptStatus::Paid);

    // Billing key issued: an old-style payload (status 11, no webhook_type).
    let billing_key = issue_test_billing_key(&client, "bp-sub").await;
    let (hook, receipt) = expect_bootpay(&receiver, &client, "order_id", "bp-sub", "11").await;
    assert_eq!(hook.webhook_type, None);
    assert_eq!(hook.status, Some(ReceiptStatus::BillingKeyIssued));
    assert_eq!(receipt.status, ReceiptStatus::BillingKeyIssued);

    // A reservation executed when its time came (the sandbox clock moves past it).
    client
        .reserve_subscribe_payment(paywire::bootpay::ReserveSubscribePayment::new(
            &billing_key,
            "정기결제",
            "bp-reserve",
            9900,
            "2026-01-01T09:00:00+09:00",
        ))
        .await
        .unwrap();
    admin.advance_clock(60.0).await.unwrap();
    let (hook, receipt) = expect_bootpay(
        &receiver,
        &client,
        "order_id",
        "bp-reserve",
        "PAYMENT_COMPLETED",
    )
    .await;
    assert_eq!(hook.event(), WebhookType::PaymentCompleted);
    assert_eq!(receipt.price, 9900);

    // The sandbox recorded each of them as delivered on the first attempt.
    let deliveries = wait_until_settled(&admin, 8).await;
    assert_eq!(deliveries.len(), 8, "{deliveries:#?}");
    for d in &deliveries {
        assert_eq!(d.provider, "bootpay");
        assert_eq!(d.state, DeliveryState::Delivered, "{d:#?}");
        assert_eq!(d.attempts.len(), 1);
        assert!(d.attempts[0].accepted);
    }
}

#[tokio::test]
async fn a_forged_bootpay_delivery_is_refused() {
    let receiver = Receiver::start().await;
    let (env, admin) = sandbox_for(&receiver).await;
    let client = env.basic_client();
    let paid = admin
        .create_bootpay_receipt(&NewBootpayReceipt::paid(30_000).order_id("bp-forge"))
        .await
        .unwrap();
    let real = receiver
        .wait_for(
            1,
            bootpay_event("receipt_id", &paid.receipt_id, "PAYMENT_COMPLETED"),
        )
        .await
        .remove(0);
    merchant_accepts_bootpay(&client, &real).await.unwrap();

    // The price changed (pay 100 won, claim 30,000 — or the other way round).
    let mut forged = real.json();
    forged["price"] = 100.into();
    let forged_price = Received {
        body: serde_json::to_vec(&forged).unwrap().into(),
        ..real.clone()
    };
    let err = merchant_accepts_bootpay(&client, &forged_price)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Verification {
                failure: VerificationFailure::AmountMismatch { .. },
                ..
            }
        ),
        "{err:?}"
    );

    // Another order's payment passed off as this one.
    let mut forged = real.json();
    forged["order_id"] = "someone-elses-order".into();
    let forged_order = Received {
        body: serde_json::to_vec(&forged).unwrap().into(),
        ..real.clone()
    };
    let err = client
        .verify_webhook(
            &BootpayWebhook::parse(&forged_order.body, Some("application/json")).unwrap(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Verification {
                failure: VerificationFailure::OrderMismatch { .. },
                ..
            }
        ),
        "{err:?}"
    );

    // A receipt that does not exist.
    let mut forged = real.json();
    forged["receipt_id"] = "6100e8e7019943003850f9b0".into();
    let hook = BootpayWebhook::parse(&serde_json::to_vec(&forged).unwrap(), None).unwrap();
    assert!(client.verify_webhook(&hook).await.is_err());
}

/// What a merchant does with an iamport delivery: parse and verify by re-fetching; the claimed
/// status must be the real one (a `paid` claim about a cancelled payment is refused).
async fn merchant_accepts_iamport(
    client: &paywire::iamport::Client,
    delivered: &Received,
) -> paywire::Result<(IamportWebhook, paywire::iamport::Payment)> {
    let hook = IamportWebhook::parse(&delivered.body, delivered.content_type.as_deref())?;
    let payment = client.verify_webhook(&hook).await?;
    Ok((hook, payment))
}

async fn expect_iamport(
    receiver: &Receiver,
    client: &paywire::iamport::Client,
    merchant_uid: &str,
    status: &str,
    content_type: &str,
) -> (IamportWebhook, paywire::iamport::Payment) {
    let delivered = receiver
        .wait_for(1, iamport_event(merchant_uid, status))
        .await;
    assert_eq!(
        delivered.len(),
        1,
        "{status} for {merchant_uid} delivered once"
    );
    assert_eq!(delivered[0].content_type.as_deref(), Some(content_type));
    let (hook, payment) = merchant_accepts_iamport(client, &delivered[0])
        .await
        .unwrap_or_else(|e| panic!("{status} for {merchant_uid} refused: {e}"));
    assert_eq!(
        hook.status.as_ref(),
        Some(&payment.status),
        "claimed status is the real one"
    );
    assert_eq!(hook.merchant_uid.as_deref(), Some(merchant_uid));
    (hook, payment)
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

#[tokio::test]
async fn iamport_webhooks_of_every_state_change_parse_and_verify() {
    let receiver = Receiver::start().await;
    let (env, admin) = sandbox_for(&receiver).await;
    let client = env.iamport_client();
    const JSON: &str = "application/json";

    // Paid in the browser window.
    let paid = admin
        .create_iamport_payment(&NewIamportPayment::paid(1000.0).merchant_uid("im-paid"))
        .await
        .unwrap();
    let (hook, payment) = expect_iamport(&receiver, &client, "im-paid", "paid", JSON).await;
    assert_eq!(hook.imp_uid, paid.imp_uid);
    assert_eq!(payment.amount, 1000.0);
    client.verify_payment(&paid.imp_uid, 1000.0).await.unwrap();

    // Cancelled by the merchant, asking for the webhook.
    client
        .cancel_payment(paywire::iamport::CancelPayment {
            enable_webhook: Some(true),
            ..paywire::iamport::CancelPayment::by_imp_uid(&paid.imp_uid)
        })
        .await
        .unwrap();
    let (hook, payment) = expect_iamport(&receiver, &client, "im-paid", "cancelled", JSON).await;
    assert_eq!(payment.status, PaymentStatus::Cancelled);
    let cancellation_id = hook.cancellation_id.clone().expect("cancellation_id");
    assert_eq!(
        payment
            .cancel_history
            .last()
            .and_then(|c| c.cancellation_id.clone()),
        Some(cancellation_id)
    );

    // A virtual account issued through the API, then deposited.
    let issued = client
        .issue_vbank(paywire::iamport::IssueVbank::new(
            "im-vbank",
            50_000.0,
            "088",
            unix_now() + 86_400,
        ))
        .await
        .unwrap();
    let (hook, payment) = expect_iamport(&receiver, &client, "im-vbank", "ready", JSON).await;
    assert_eq!(hook.imp_uid, issued.imp_uid);
    assert_eq!(payment.status, PaymentStatus::Ready);
    admin.deposit_iamport_vbank(&issued.imp_uid).await.unwrap();
    let (ready_key, paid_key) = (
        hook.idempotency_key(),
        expect_iamport(&receiver, &client, "im-vbank", "paid", JSON)
            .await
            .0
            .idempotency_key(),
    );
    assert_ne!(ready_key, paid_key, "issued and deposited are two events");

    // A scheduled payment executed when its time came.
    client
        .issue_billing_key(
            "im-customer",
            paywire::iamport::IssueBillingKey {
                card: paywire::iamport::CardInput::new("5570-1234-5678-1234", "2028-12"),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    client
        .schedule_payments(paywire::iamport::SchedulePayments {
            customer_uid: "im-customer".into(),
            schedules: vec![paywire::iamport::ScheduleItem::new(
                "im-sched-1",
                unix_now() + 60,
                9900.0,
                "1회차",
            )],
            ..Default::default()
        })
        .await
        .unwrap();
    admin.advance_clock(120.0).await.unwrap();
    let (_, payment) = expect_iamport(&receiver, &client, "im-sched-1", "paid", JSON).await;
    assert_eq!(payment.amount, 9900.0);

    // Form-encoded, as iamport's console allows.
    let settings = admin
        .configure(&ConfigUpdate {
            iamport_webhook_format: Some(IamportFormat::Form),
            ..ConfigUpdate::default()
        })
        .await
        .unwrap();
    assert_eq!(settings.iamport_webhook_format, IamportFormat::Form);
    admin
        .create_iamport_payment(&NewIamportPayment::paid(700.0).merchant_uid("im-form"))
        .await
        .unwrap();
    expect_iamport(
        &receiver,
        &client,
        "im-form",
        "paid",
        "application/x-www-form-urlencoded",
    )
    .await;

    let deliveries = wait_until_settled(&admin, 6).await;
    assert_eq!(deliveries.len(), 6, "{deliveries:#?}");
    assert!(deliveries
        .iter()
        .all(|d| d.state == DeliveryState::Delivered && d.provider == "iamport"));
}

#[tokio::test]
async fn a_forged_iamport_delivery_is_refused() {
    let receiver = Receiver::start().await;
    let (env, admin) = sandbox_for(&receiver).await;
    let client = env.iamport_client();
    let paid = admin
        .create_iamport_payment(&NewIamportPayment::paid(30_000.0).merchant_uid("im-forge"))
        .await
        .unwrap();
    let real = receiver
        .wait_for(1, iamport_event("im-forge", "paid"))
        .await
        .remove(0);
    merchant_accepts_iamport(&client, &real).await.unwrap();

    // Another order's payment passed off as this one.
    let mut forged = real.json();
    forged["merchant_uid"] = "someone-elses-order".into();
    let hook = IamportWebhook::parse(&serde_json::to_vec(&forged).unwrap(), None).unwrap();
    let err = client.verify_webhook(&hook).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Verification {
                failure: VerificationFailure::OrderMismatch { .. },
                ..
            }
        ),
        "{err:?}"
    );

    // The amount: iamport's body carries none, so the merchant checks its own order's amount
    // against the re-fetched payment; a payment for less than the order is refused.
    let err = client
        .verify_payment(&paid.imp_uid, 50_000.0)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Verification { .. }), "{err:?}");

    // A stale `paid` claim replayed after the payment was cancelled: the re-fetch says otherwise.
    client
        .cancel_payment(paywire::iamport::CancelPayment::by_imp_uid(&paid.imp_uid))
        .await
        .unwrap();
    let (hook, payment) = merchant_accepts_iamport(&client, &real).await.unwrap();
    assert_eq!(hook.status, Some(PaymentStatus::Paid));
    assert_eq!(
        payment.status,
        PaymentStatus::Cancelled,
        "act on the re-fetched status"
    );
}

#[tokio::test]
async fn a_receiver_that_does_not_acknowledge_gets_the_same_webhook_again() {
    let receiver = Receiver::start().await;
    let (env, admin) = sandbox_for(&receiver).await;

    // Bootpay: 500, then 200 without {"success": true}, then acknowledged.
    let paid = admin
        .create_bootpay_receipt(
            &NewBootpayReceipt::paid(1500)
                .order_id("bp-flaky")
                .webhook_url(receiver.url("flaky-bootpay")),
        )
        .await
        .unwrap();
    let attempts = receiver.wait_for(3, |r| r.path == "flaky-bootpay").await;
    let keys: Vec<String> = attempts
        .iter()
        .map(|r| {
            BootpayWebhook::parse(&r.body, r.content_type.as_deref())
                .unwrap()
                .idempotency_key()
        })
        .collect();
    assert_eq!(keys.len(), 3);
    assert!(keys.iter().all(|k| k == &keys[0]), "{keys:?}");
    assert!(
        receiver.all(|r| r.path == "hook").is_empty(),
        "the per-payment receiver replaces the sandbox-wide one"
    );
    let client = env.basic_client();
    merchant_accepts_bootpay(&client, &attempts[2])
        .await
        .unwrap();

    // iamport: 503 twice, then 200.
    admin
        .create_iamport_payment(
            &NewIamportPayment::paid(800.0)
                .merchant_uid("im-flaky")
                .notice_url(receiver.url("flaky-iamport")),
        )
        .await
        .unwrap();
    let attempts = receiver.wait_for(3, |r| r.path == "flaky-iamport").await;
    let keys: Vec<String> = attempts
        .iter()
        .map(|r| {
            IamportWebhook::parse(&r.body, r.content_type.as_deref())
                .unwrap()
                .idempotency_key()
        })
        .collect();
    assert!(keys.iter().all(|k| k == &keys[0]), "{keys:?}");

    // The record: three attempts each, the last accepted.
    let deliveries = wait_until_settled(&admin, 2).await;
    for d in &deliveries {
        assert_eq!(d.state, DeliveryState::Delivered, "{d:#?}");
        let accepted: Vec<bool> = d.attempts.iter().map(|a| a.accepted).collect();
        assert_eq!(accepted, [false, false, true], "{d:#?}");
    }
    let bootpay = deliveries.iter().find(|d| d.provider == "bootpay").unwrap();
    assert_eq!(bootpay.payment_id, paid.receipt_id);
    assert_eq!(bootpay.attempts[0].status, Some(500));
    assert_eq!(bootpay.attempts[1].status, Some(200));

    // Sent again by hand: a new delivery, the same event for the merchant.
    let again = admin.resend_webhook(bootpay.id).await.unwrap();
    assert_eq!(again.resend_of, Some(bootpay.id));
    let fourth = receiver.wait_for(4, |r| r.path == "flaky-bootpay").await;
    assert_eq!(
        BootpayWebhook::parse(&fourth[3].body, None)
            .unwrap()
            .idempotency_key(),
        keys_of_bootpay(&attempts_of(&receiver, "flaky-bootpay")[0])
    );
}

fn attempts_of(receiver: &Receiver, path: &str) -> Vec<Received> {
    receiver.all(|r| r.path == path)
}

fn keys_of_bootpay(r: &Received) -> String {
    BootpayWebhook::parse(&r.body, r.content_type.as_deref())
        .unwrap()
        .idempotency_key()
}

/// The deliveries once `count` of them are no longer pending (the record is written after the
/// receiver answers, so it can lag what the receiver saw).
async fn wait_until_settled(
    admin: &AdminClient,
    count: usize,
) -> Vec<paywire_sandbox::WebhookDelivery> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let deliveries = admin.list_webhooks().await.unwrap().deliveries;
        let settled = deliveries
            .iter()
            .filter(|d| d.state != DeliveryState::Pending)
            .count();
        if settled >= count {
            return deliveries;
        }
        assert!(Instant::now() < deadline, "{deliveries:#?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
