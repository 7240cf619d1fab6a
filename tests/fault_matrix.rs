//! The fault matrix: every money-moving operation × every way the network or a gateway can lose its answer
//! × the caller then doing exactly what the error says. Whatever happens, the provider's state must change
//! exactly once, and the error must be the right class (`OutcomeUnknown` when the request may have been
//! processed, `Redirect` when it was refused before processing).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use paywire::bootpay::{CancelPayment, ReceiptStatus, SubscribePayment};
use paywire::iamport::{self, AgainPayment, CardInput, OnetimePayment, PaymentStatus};
use paywire::Error;
use paywire_tests::Env;
use serde_json::{json, Value};
use std::time::Duration;

/// How long one attempt may take in these tests; the slow fault answers after it.
const ATTEMPT_TIMEOUT: Duration = Duration::from_millis(400);

#[derive(Debug, Clone, Copy, PartialEq)]
enum Fault {
    /// The connection is cut after the request arrived, before the handler ran.
    DroppedBeforeProcessing,
    /// The handler ran (the state changed), then the connection was cut.
    DroppedAfterProcessing,
    /// The handler ran, and the answer comes after the client's timeout.
    SlowAfterProcessing,
    /// The handler ran, then a load balancer answered 503 with its own JSON.
    ServerErrorAfterProcessing,
    /// The handler ran, then a gateway answered an HTML 502 page.
    HtmlAfterProcessing,
    /// A 307 to another host, before any processing.
    Redirect,
}

const FAULTS: [Fault; 6] = [
    Fault::DroppedBeforeProcessing,
    Fault::DroppedAfterProcessing,
    Fault::SlowAfterProcessing,
    Fault::ServerErrorAfterProcessing,
    Fault::HtmlAfterProcessing,
    Fault::Redirect,
];

impl Fault {
    fn spec(self, provider: &str, path: &str) -> Value {
        let mut spec = match self {
            Fault::DroppedBeforeProcessing => json!({"drop": true}),
            Fault::DroppedAfterProcessing => json!({"drop": true, "after": true}),
            Fault::SlowAfterProcessing => json!({"after": true, "latency_ms": 1500}),
            Fault::ServerErrorAfterProcessing => {
                json!({"after": true, "status": 503, "body": {"message": "Service Unavailable"}})
            }
            Fault::HtmlAfterProcessing => json!({"after": true, "status": 502, "non_json": true}),
            Fault::Redirect => json!({
                "status": 307,
                "headers": {"location": "http://127.0.0.1:9/elsewhere?private_key=leak"}
            }),
        };
        spec["provider"] = json!(provider);
        spec["method"] = json!("POST");
        spec["path"] = json!(path);
        spec
    }

    /// Whether the handler ran before the answer was lost.
    fn processed(self) -> bool {
        !matches!(self, Fault::DroppedBeforeProcessing | Fault::Redirect)
    }
}

/// Asserts the error class a fault must produce and returns the idempotency key, if any.
fn check_error(op: &str, fault: Fault, error: &Error) -> Option<String> {
    match (fault, error) {
        (Fault::Redirect, Error::Redirect { location, .. }) => {
            assert!(
                !location.contains("leak"),
                "{op}: location quoted a query: {location}"
            );
            None
        }
        (
            f,
            Error::OutcomeUnknown {
                idempotency_key,
                hint,
                ..
            },
        ) if f != Fault::Redirect => {
            assert!(!hint.is_empty(), "{op} × {fault:?}: no hint");
            idempotency_key.clone()
        }
        _ => panic!("{op} × {fault:?}: wrong error class: {error:?}"),
    }
}

async fn arm(env: &Env, fault: Fault, provider: &str, path: &str) {
    env.admin_delete("faults").await;
    env.fault(fault.spec(provider, path)).await;
}

/// The network recovers before the caller follows the advice.
async fn recover(env: &Env) {
    env.admin_delete("faults").await;
    // Let a slow handler that is still sleeping finish before the state is read.
    tokio::time::sleep(Duration::from_millis(50)).await;
}

#[tokio::test]
async fn bootpay_partial_cancel() {
    let env = Env::start().await;
    let client = env.bootpay_with(ATTEMPT_TIMEOUT);
    for fault in FAULTS {
        let id = env.receipt_id(1, 10000).await;
        // No cancel_id given: paywire generates one, and the error hands it back.
        let request = CancelPayment {
            cancel_price: Some(1000),
            ..CancelPayment::new(&id)
        };
        arm(&env, fault, "bootpay", "cancel").await;
        let error = client.cancel_payment(request.clone()).await.unwrap_err();
        let key = check_error("bootpay cancel", fault, &error);
        recover(&env).await;
        if fault == Fault::SlowAfterProcessing {
            tokio::time::sleep(Duration::from_millis(1600)).await;
        }
        // What the error says: repeat with the same cancel_id (a redirect: nothing happened, repeat).
        let repeat = CancelPayment {
            cancel_id: key.clone().or(request.cancel_id.clone()),
            ..request.clone()
        };
        let after = client.cancel_payment(repeat.clone()).await.unwrap();
        assert_eq!(after.cancelled_price, 1000, "{fault:?}: refunded once");
        // And once more, for good measure: an idempotent replay.
        if key.is_some() {
            let again = client.cancel_payment(repeat).await.unwrap();
            assert_eq!(again.cancelled_price, 1000, "{fault:?}: replay");
        }
        assert_eq!(
            client
                .get_receipt(&id, false)
                .await
                .unwrap()
                .cancelled_price,
            1000,
            "{fault:?}"
        );
    }
}

#[tokio::test]
async fn bootpay_confirm() {
    let env = Env::start().await;
    let client = env.bootpay_with(ATTEMPT_TIMEOUT);
    for fault in FAULTS {
        let id = env.receipt_id(2, 5000).await;
        arm(&env, fault, "bootpay", "confirm").await;
        let error = client.confirm_payment(&id).await.unwrap_err();
        check_error("bootpay confirm", fault, &error);
        recover(&env).await;
        if fault == Fault::SlowAfterProcessing {
            tokio::time::sleep(Duration::from_millis(1600)).await;
        }
        // What the hint says: look the receipt up; confirm only if it still awaits confirmation.
        let looked = client.get_receipt(&id, false).await.unwrap();
        if fault.processed() {
            assert_eq!(
                looked.status,
                ReceiptStatus::Paid,
                "{fault:?}: the confirm landed"
            );
        } else {
            assert_ne!(
                looked.status,
                ReceiptStatus::Paid,
                "{fault:?}: nothing happened"
            );
            client.confirm_payment(&id).await.unwrap();
        }
        assert_eq!(
            client.get_receipt(&id, false).await.unwrap().status,
            ReceiptStatus::Paid,
            "{fault:?}"
        );
    }
}

#[tokio::test]
async fn bootpay_subscribe_payment() {
    let env = Env::start().await;
    let client = env.bootpay_with(ATTEMPT_TIMEOUT);
    let key = paywire_tests::issue_test_billing_key(&client, "sub-matrix").await;
    for (n, fault) in FAULTS.into_iter().enumerate() {
        let order_id = format!("order-matrix-{n}");
        let request = SubscribePayment::new(&key, "정기결제", &order_id, 9900);
        arm(&env, fault, "bootpay", "subscribe/payment").await;
        let error = client.subscribe_payment(request.clone()).await.unwrap_err();
        check_error("bootpay subscribe_payment", fault, &error);
        recover(&env).await;
        if fault == Fault::SlowAfterProcessing {
            tokio::time::sleep(Duration::from_millis(1600)).await;
        }
        // What the hint says: look the order up; charge again only if nothing was charged.
        let paid = |receipts: &[paywire::bootpay::Receipt]| {
            receipts
                .iter()
                .filter(|r| r.status == ReceiptStatus::Paid)
                .count()
        };
        let found = client.get_receipts_by_order_id(&order_id).await.unwrap();
        if paid(&found) == 0 {
            assert!(!fault.processed(), "{fault:?}: the charge should be found");
            client.subscribe_payment(request).await.unwrap();
        }
        let found = client.get_receipts_by_order_id(&order_id).await.unwrap();
        assert_eq!(paid(&found), 1, "{fault:?}: charged exactly once");
    }
}

#[tokio::test]
async fn iamport_partial_cancel() {
    let env = Env::start().await;
    let client = env.iamport_with(ATTEMPT_TIMEOUT);
    for fault in FAULTS {
        let p = env
            .iamport_payment(json!({"status": "paid", "amount": 10000}))
            .await;
        let imp_uid = p["imp_uid"].as_str().unwrap().to_owned();
        let request = iamport::CancelPayment {
            amount: Some(1000.0),
            ..iamport::CancelPayment::by_imp_uid(&imp_uid)
        };
        arm(&env, fault, "iamport", "payments/cancel").await;
        let error = client.cancel_payment(request.clone()).await.unwrap_err();
        let key = check_error("iamport cancel", fault, &error);
        recover(&env).await;
        if fault == Fault::SlowAfterProcessing {
            tokio::time::sleep(Duration::from_millis(1600)).await;
        }
        // What the error says: repeat with checksum = the key.
        let repeat = iamport::CancelPayment {
            checksum: key.as_deref().map(|k| k.parse().unwrap()),
            ..request
        };
        let after = client.cancel_payment(repeat.clone()).await.unwrap();
        assert_eq!(after.cancel_amount, 1000.0, "{fault:?}: refunded once");
        if key.is_some() {
            let again = client.cancel_payment(repeat).await.unwrap();
            assert_eq!(again.cancel_amount, 1000.0, "{fault:?}: replay");
        }
        let now = client.get_payment(&imp_uid, true).await.unwrap();
        assert_eq!(now.cancel_amount, 1000.0, "{fault:?}");
        assert_eq!(now.cancel_history.len(), 1, "{fault:?}: one cancel");
    }
}

/// Counts the paid payments of an order.
async fn paid_payments(client: &iamport::Client, merchant_uid: &str) -> usize {
    match client
        .find_all_payments(merchant_uid, None, Default::default())
        .await
    {
        Ok(page) => page
            .list
            .iter()
            .filter(|p| p.status == PaymentStatus::Paid)
            .count(),
        Err(e) if e.http_status() == Some(404) => 0,
        Err(e) => panic!("{e}"),
    }
}

#[tokio::test]
async fn iamport_pay_again_and_onetime() {
    let env = Env::start().await;
    let client = env.iamport_with(ATTEMPT_TIMEOUT);
    client
        .issue_billing_key(
            "cust-matrix",
            iamport::IssueBillingKey {
                card: CardInput::new("5570-1234-5678-1234", "2028-12"),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    for (n, fault) in FAULTS.into_iter().enumerate() {
        for onetime in [false, true] {
            let merchant_uid = format!("order-matrix-{n}-{onetime}");
            let path = if onetime {
                "subscribe/payments/onetime"
            } else {
                "subscribe/payments/again"
            };
            let pay = || async {
                if onetime {
                    client
                        .pay_onetime(OnetimePayment {
                            merchant_uid: merchant_uid.clone(),
                            amount: 9900.0,
                            card: CardInput::new("5570-1234-5678-1234", "2028-12"),
                            ..Default::default()
                        })
                        .await
                } else {
                    client
                        .pay_again(AgainPayment {
                            customer_uid: "cust-matrix".into(),
                            merchant_uid: merchant_uid.clone(),
                            amount: 9900.0,
                            name: "정기".into(),
                            ..Default::default()
                        })
                        .await
                }
            };
            arm(&env, fault, "iamport", path).await;
            let error = pay().await.unwrap_err();
            check_error(path, fault, &error);
            recover(&env).await;
            if fault == Fault::SlowAfterProcessing {
                tokio::time::sleep(Duration::from_millis(1600)).await;
            }
            // What the hint says: look the order up; pay again only if nothing was paid.
            if paid_payments(&client, &merchant_uid).await == 0 {
                assert!(!fault.processed(), "{path} × {fault:?}: should be found");
                pay().await.unwrap();
            }
            assert_eq!(
                paid_payments(&client, &merchant_uid).await,
                1,
                "{path} × {fault:?}: paid exactly once"
            );
        }
    }
}

#[tokio::test]
async fn the_redirect_target_never_sees_a_request() {
    // A listener standing in for "another host": it must never be contacted.
    let other = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let target = format!("http://{}/steal", other.local_addr().unwrap());
    let env = Env::start().await;
    let client = env.bootpay_with(ATTEMPT_TIMEOUT);
    let id = env.receipt_id(2, 5000).await;
    env.fault(json!({"method": "POST", "path": "confirm", "status": 303, "headers": {"location": target}}))
        .await;
    let error = client.confirm_payment(&id).await.unwrap_err();
    assert!(
        matches!(
            error,
            Error::Redirect {
                http_status: 303,
                ..
            }
        ),
        "{error:?}"
    );
    let accepted = tokio::time::timeout(Duration::from_millis(200), other.accept()).await;
    assert!(
        accepted.is_err(),
        "the client contacted the redirect target"
    );
}
