//! The seed flows: forgery check, verify-then-confirm, the PG's raw error, webhooks.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use paywire::bootpay::{
    BootpayWebhook, ReceiptStatus, SubscribeExtra, SubscribePayment, WebhookType,
};
use paywire::{Error, VerificationFailure};
use paywire_tests::Env;
use serde_json::json;

#[tokio::test]
async fn verify_payment_accepts_the_exact_amount_and_refuses_a_forged_one() {
    let env = Env::start().await;
    let client = env.basic_client();
    let id = env.receipt_id(1, 30000).await;
    assert_eq!(
        client.verify_payment(&id, 30000).await.unwrap().price,
        30000
    );
    match client.verify_payment(&id, 3000).await.unwrap_err() {
        Error::Verification {
            failure: VerificationFailure::AmountMismatch { expected, actual },
            ..
        } => {
            assert_eq!((expected, actual), (3000, 30000));
        }
        other => panic!("expected AmountMismatch, got {other:?}"),
    }
    let pending = env.receipt_id(2, 30000).await;
    let err = client.verify_payment(&pending, 30000).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Verification {
                failure: VerificationFailure::StatusMismatch { .. },
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn confirm_verified_runs_the_step_then_confirms() {
    let env = Env::start().await;
    let client = env.token_client();
    let id = env.receipt_id(2, 12000).await;
    let confirmed = client
        .confirm_verified(&id, 12000, |receipt| async move {
            assert_eq!(receipt.status, ReceiptStatus::AwaitingConfirm);
            Ok::<_, std::io::Error>("stock reserved")
        })
        .await
        .unwrap();
    assert_eq!(confirmed.output, "stock reserved");
    assert_eq!(confirmed.receipt.status, ReceiptStatus::Paid);
    // Processed once: a second run is refused before the merchant step.
    let mut ran = false;
    let err = client
        .confirm_verified(&id, 12000, |_| {
            ran = true;
            async { Ok::<_, std::io::Error>(()) }
        })
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Verification { .. }), "{err:?}");
    assert!(!ran);
}

#[tokio::test]
async fn a_failing_merchant_step_confirms_nothing() {
    let env = Env::start().await;
    let client = env.token_client();
    let id = env.receipt_id(2, 12000).await;
    let err = client
        .confirm_verified(&id, 12000, |_| async {
            Err::<(), _>(std::io::Error::other("out of stock"))
        })
        .await
        .unwrap_err();
    match &err {
        Error::MerchantStep { payment_id, source } => {
            assert_eq!(payment_id, &id);
            assert_eq!(source.to_string(), "out of stock");
        }
        other => panic!("expected MerchantStep, got {other:?}"),
    }
    assert!(err.to_string().contains("NOT confirmed"));
    assert_eq!(env.route_count("POST confirm").await, 0);
    assert_eq!(
        client.get_receipt(&id, false).await.unwrap().status,
        ReceiptStatus::AwaitingConfirm
    );
}

#[tokio::test]
async fn a_forged_amount_is_caught_before_the_step_and_the_confirm() {
    let env = Env::start().await;
    let id = env.receipt_id(2, 100).await;
    let err = env
        .token_client()
        .confirm_verified(&id, 12000, |_| async { Ok::<_, std::io::Error>(()) })
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        Error::Verification {
            failure: VerificationFailure::AmountMismatch { .. },
            ..
        }
    ));
    assert_eq!(env.route_count("POST confirm").await, 0);
}

#[tokio::test]
async fn the_pg_raw_error_is_surfaced_when_asked_for() {
    let env = Env::start().await;
    let client = env.basic_client();
    let key = client
        .issue_billing_key(paywire::bootpay::IssueBillingKey::new(
            "nicepay",
            "구독",
            "sub-pg",
            "5570000000001234",
            "12",
            "900101",
            "28",
            "12",
        ))
        .await
        .unwrap()
        .billing_key;
    let with_raw = SubscribePayment {
        extra: Some(SubscribeExtra {
            raw_data: Some(true),
            ..SubscribeExtra::default()
        }),
        ..SubscribePayment::new(&key, "구독", "order-pg-1", 50)
    };
    let err = client.subscribe_payment(with_raw).await.unwrap_err();
    assert_eq!(err.http_status(), Some(500));
    assert_eq!(err.code(), Some(&paywire::ErrorCode::Number(-15006)));
    let pg = err.pg_error().expect("raw PG error");
    assert_eq!(pg.code.as_deref(), Some("3041"));
    assert!(pg.message.as_deref().unwrap().contains("100원"));
    assert!(err.to_string().contains("[PG 3041"), "{err}");

    let without = client
        .subscribe_payment(SubscribePayment::new(&key, "구독", "order-pg-2", 50))
        .await
        .unwrap_err();
    assert!(without.pg_error().is_none());
    assert_eq!(without.code(), Some(&paywire::ErrorCode::Number(-15006)));
}

#[tokio::test]
async fn webhooks_parse_verify_and_deduplicate() {
    let env = Env::start().await;
    let client = env.basic_client();
    let id = env.receipt_id(1, 8000).await;
    let payload = env.admin_get(&format!("bootpay/webhook/{id}")).await;
    let hook =
        BootpayWebhook::parse(payload.to_string().as_bytes(), Some("application/json")).unwrap();
    assert_eq!(hook.event(), WebhookType::PaymentCompleted);
    let receipt = client.verify_webhook(&hook).await.unwrap();
    assert_eq!(receipt.price, 8000);
    let again = BootpayWebhook::parse(payload.to_string().as_bytes(), None).unwrap();
    assert_eq!(hook.idempotency_key(), again.idempotency_key());

    // A form body with an old payload (no webhook_type) and a partial cancel.
    client
        .cancel_payment(paywire::bootpay::CancelPayment {
            cancel_price: Some(3000),
            ..paywire::bootpay::CancelPayment::new(&id)
        })
        .await
        .unwrap();
    let form = format!("receipt_id={id}&status=20&price=8000&cancelled_price=3000");
    let partial =
        BootpayWebhook::parse(form.as_bytes(), Some("application/x-www-form-urlencoded")).unwrap();
    assert_eq!(partial.event(), WebhookType::PaymentPartialCancelled);
    assert_ne!(partial.idempotency_key(), hook.idempotency_key());

    // A forged payload pointing at a real receipt with another order id is refused.
    let forged = BootpayWebhook::parse(
        json!({"receipt_id": id, "order_id": "someone-else", "status": 1})
            .to_string()
            .as_bytes(),
        None,
    )
    .unwrap();
    assert!(matches!(
        client.verify_webhook(&forged).await,
        Err(Error::Verification { .. })
    ));
    assert!(BootpayWebhook::parse(b"{}", None).is_err());
    assert_eq!(paywire::webhook::WEBHOOK_ACK, r#"{"success": true}"#);
}
