//! The seed-003 flow (prepare → pay → webhook → verify → cancel), the token lifecycle, retries and errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use paywire::iamport::*;
use paywire::{Error, VerificationFailure};
use paywire_sandbox::SandboxConfig;
use paywire_tests::Env;
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn verify_payment_catches_a_forged_amount_and_accepts_the_right_one() {
    let env = Env::start().await;
    let client = env.iamport_client();
    client
        .prepare_payment("order-003", 30000.0, None)
        .await
        .unwrap();
    let p = env
        .iamport_payment(json!({"status": "paid", "amount": 30000, "merchant_uid": "order-003"}))
        .await;
    let imp_uid = p["imp_uid"].as_str().unwrap();

    let forged = client.verify_payment(imp_uid, 300.0).await.unwrap_err();
    match forged {
        Error::Verification {
            failure: VerificationFailure::AmountMismatch { expected, actual },
            ..
        } => {
            assert_eq!((expected, actual), (300, 30000));
        }
        other => panic!("expected AmountMismatch, got {other:?}"),
    }
    let verified = client.verify_payment(imp_uid, 30000.0).await.unwrap();
    assert_eq!(verified.state, VerifiedState::Paid);
}

#[tokio::test]
async fn ready_is_accepted_only_as_an_issued_virtual_account() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let vbank = env
        .iamport_payment(json!({"status": "ready", "amount": 50000, "pay_method": "vbank"}))
        .await;
    let verified = client
        .verify_payment(vbank["imp_uid"].as_str().unwrap(), 50000.0)
        .await
        .unwrap();
    assert_eq!(verified.state, VerifiedState::VirtualAccountIssued);
    assert!(verified.payment.vbank_num.is_some());

    let abandoned = env
        .iamport_payment(json!({"status": "ready", "amount": 50000, "pay_method": "card"}))
        .await;
    let err = client
        .verify_payment(abandoned["imp_uid"].as_str().unwrap(), 50000.0)
        .await
        .unwrap_err();
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

    // The deposit arrives: the same payment now verifies as paid.
    let imp_uid = vbank["imp_uid"].as_str().unwrap();
    env.admin_post(&format!("iamport/vbanks/{imp_uid}/deposit"), json!({}))
        .await;
    assert_eq!(
        client.verify_payment(imp_uid, 50000.0).await.unwrap().state,
        VerifiedState::Paid
    );
}

#[tokio::test]
async fn fractional_amounts_compare_exactly() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let p = env
        .iamport_payment(json!({"status": "paid", "amount": 10.5, "currency": "USD"}))
        .await;
    let imp_uid = p["imp_uid"].as_str().unwrap();
    assert_eq!(
        client
            .verify_payment(imp_uid, 10.5)
            .await
            .unwrap()
            .payment
            .amount,
        10.5
    );
    let err = client.verify_payment(imp_uid, 10.0).await.unwrap_err();
    assert!(matches!(
        err,
        Error::Verification {
            failure: VerificationFailure::FractionalAmountMismatch { .. },
            ..
        }
    ));
}

#[tokio::test]
async fn webhooks_parse_verify_and_deduplicate() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let p = env
        .iamport_payment(json!({"status": "paid", "amount": 8000}))
        .await;
    let imp_uid = p["imp_uid"].as_str().unwrap().to_owned();
    let payload = env.admin_get(&format!("iamport/webhook/{imp_uid}")).await;
    let hook =
        IamportWebhook::parse(payload.to_string().as_bytes(), Some("application/json")).unwrap();
    assert_eq!(hook.status, Some(PaymentStatus::Paid));
    let payment = client.verify_webhook(&hook).await.unwrap();
    assert_eq!(payment.amount, 8000.0);

    let form = format!(
        "imp_uid={imp_uid}&merchant_uid={}&status=paid",
        payment.merchant_uid
    );
    let redelivered =
        IamportWebhook::parse(form.as_bytes(), Some("application/x-www-form-urlencoded")).unwrap();
    assert_eq!(
        redelivered.idempotency_key(),
        hook.idempotency_key(),
        "a re-delivery is the same event"
    );

    let cancelled = client
        .cancel_payment(CancelPayment {
            amount: Some(3000.0),
            ..CancelPayment::by_imp_uid(&imp_uid)
        })
        .await
        .unwrap();
    let cancellation_id = cancelled.cancel_history[0].cancellation_id.clone().unwrap();
    let cancel_hook = IamportWebhook::parse(
        json!({"imp_uid": imp_uid, "merchant_uid": payment.merchant_uid, "status": "cancelled", "cancellation_id": cancellation_id})
            .to_string()
            .as_bytes(),
        None,
    )
    .unwrap();
    assert_ne!(cancel_hook.idempotency_key(), hook.idempotency_key());

    let forged = IamportWebhook::parse(
        json!({"imp_uid": imp_uid, "merchant_uid": "other-order", "status": "paid"})
            .to_string()
            .as_bytes(),
        None,
    )
    .unwrap();
    assert!(matches!(
        client.verify_webhook(&forged).await,
        Err(Error::Verification { .. })
    ));
    assert!(IamportWebhook::parse(b"status=paid", None).is_err());
}

#[tokio::test]
async fn token_is_refreshed_ahead_of_expiry_and_after_a_401() {
    let env = Env::start_with(SandboxConfig {
        token_ttl: Duration::from_secs(3),
        ..SandboxConfig::default()
    })
    .await;
    let client = env.iamport_client();
    let p = env
        .iamport_payment(json!({"status": "paid", "amount": 1000}))
        .await;
    let imp_uid = p["imp_uid"].as_str().unwrap();
    client.get_payment(imp_uid, false).await.unwrap();
    tokio::time::sleep(Duration::from_millis(2700)).await;
    client.get_payment(imp_uid, false).await.unwrap();
    assert_eq!(
        env.iamport_token_requests().await,
        2,
        "refreshed inside the last sixth, before expiry"
    );

    env.admin_post("tokens/expire", json!({})).await;
    client.get_payment(imp_uid, false).await.unwrap();
    assert_eq!(
        env.iamport_token_requests().await,
        3,
        "one refresh after the 401"
    );
}

#[tokio::test]
async fn wrong_credentials_are_an_auth_error() {
    let env = Env::start().await;
    let client = paywire::iamport::Client::builder()
        .imp_key("sandbox-imp-key")
        .imp_secret("wrong")
        .base_url(env.sandbox.iamport_url())
        .build()
        .unwrap();
    let err = client.get_payment("imp_123", false).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Auth {
                provider: "iamport",
                http_status: 401,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(!format!("{err:?} {err}").contains("wrong"));
}

#[tokio::test]
async fn an_interrupted_billing_payment_is_outcome_unknown_and_not_retried() {
    let env = Env::start().await;
    let client = env.iamport_client();
    client
        .issue_billing_key(
            "cust-u",
            IssueBillingKey {
                card: CardInput::new("5570-1234-5678-1234", "2028-12"),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    env.fault(json!({"provider": "iamport", "method": "POST", "path": "subscribe/payments/again", "drop": true, "after": true, "times": 1})).await;
    let err = client
        .pay_again(AgainPayment {
            customer_uid: "cust-u".into(),
            merchant_uid: "order-u-1".into(),
            amount: 9900.0,
            name: "정기".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    match &err {
        Error::OutcomeUnknown { hint, .. } => {
            assert!(hint.contains("find_payment(\"order-u-1\")"), "{hint}")
        }
        other => panic!("expected OutcomeUnknown, got {other:?}"),
    }
    assert_eq!(
        env.route_count("iamport:POST subscribe/payments/again")
            .await,
        1
    );
    assert_eq!(
        client
            .find_payment("order-u-1", None, None)
            .await
            .unwrap()
            .status,
        PaymentStatus::Paid
    );
}

#[tokio::test]
async fn a_cancel_retried_after_a_dropped_answer_refunds_once() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let p = env
        .iamport_payment(json!({"status": "paid", "amount": 10000}))
        .await;
    let imp_uid = p["imp_uid"].as_str().unwrap();
    env.fault(json!({"provider": "iamport", "method": "POST", "path": "payments/cancel", "drop": true, "after": true, "times": 1})).await;
    let after = client
        .cancel_payment(CancelPayment {
            amount: Some(4000.0),
            ..CancelPayment::by_imp_uid(imp_uid)
        })
        .await
        .unwrap();
    assert_eq!(after.cancel_amount, 4000.0, "refunded once, not twice");
    assert_eq!(env.route_count("iamport:POST payments/cancel").await, 2);
}

#[tokio::test]
async fn a_lost_prepare_answer_is_outcome_unknown_not_a_duplicate_error() {
    // Registering an amount is not repeated once it may have landed: a repeat of one that landed would be
    // refused as a duplicate (code 1), hiding that the first one worked.
    let env = Env::start().await;
    let client = env.iamport_with(Duration::from_secs(5));
    env.fault(json!({"provider": "iamport", "method": "POST", "path": "payments/prepare", "drop": true, "after": true, "times": 1})).await;
    match client.prepare_payment("order-p-1", 30000.0, None).await {
        Err(Error::OutcomeUnknown { hint, .. }) => {
            assert!(
                hint.contains("get_prepared_payment(\"order-p-1\")"),
                "{hint}"
            )
        }
        other => panic!("expected OutcomeUnknown, got {other:?}"),
    }
    assert_eq!(env.route_count("iamport:POST payments/prepare").await, 1);
    let prepared = client.get_prepared_payment("order-p-1").await.unwrap();
    assert_eq!(prepared.amount, 30000.0);
}

#[tokio::test]
async fn lookups_are_retried_and_html_is_a_decode_error() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let p = env
        .iamport_payment(json!({"status": "paid", "amount": 1000}))
        .await;
    let imp_uid = p["imp_uid"].as_str().unwrap();
    env.fault(json!({"provider": "iamport", "method": "GET", "path": "payments/*", "status": 503, "times": 1})).await;
    client.get_payment(imp_uid, false).await.unwrap();
    env.fault(
        json!({"provider": "iamport", "path": "payments/*", "non_json": true, "status": 502}),
    )
    .await;
    let err = client.get_payment(imp_uid, false).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Decode {
                provider: "iamport",
                http_status: 502,
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn invalid_input_fails_before_any_request() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let checks: Vec<(paywire::Result<()>, &str)> = vec![
        (client.get_payment("", false).await.map(drop), "imp_uid"),
        (
            client.get_payment("imp/1", false).await.map(drop),
            "imp_uid",
        ),
        (
            client
                .cancel_payment(CancelPayment::default())
                .await
                .map(drop),
            "imp_uid",
        ),
        (
            client
                .cancel_payment(CancelPayment {
                    amount: Some(-1.0),
                    ..CancelPayment::by_imp_uid("imp_1")
                })
                .await
                .map(drop),
            "amount",
        ),
        (
            client.prepare_payment("o", 0.0, None).await.map(drop),
            "amount",
        ),
        (
            client
                .pay_onetime(OnetimePayment {
                    merchant_uid: "o".into(),
                    amount: 100.0,
                    card: CardInput::new("1234", "2028-12"),
                    ..Default::default()
                })
                .await
                .map(drop),
            "card_number",
        ),
        (
            client
                .pay_onetime(OnetimePayment {
                    merchant_uid: "o".into(),
                    amount: 100.0,
                    card: CardInput::new("5570-1234-5678-1234", "12/28"),
                    ..Default::default()
                })
                .await
                .map(drop),
            "expiry",
        ),
        (
            client
                .pay_again(AgainPayment {
                    customer_uid: "c".into(),
                    merchant_uid: "o".into(),
                    amount: 100.0,
                    ..Default::default()
                })
                .await
                .map(drop),
            "name",
        ),
        (
            client
                .get_schedules(10, 5, None, ListOptions::default())
                .await
                .map(drop),
            "schedule_to",
        ),
        (client.get_payments(&[], &[]).await.map(drop), "imp_uids"),
        (
            client.verify_payment("imp_1", -1.0).await.map(drop),
            "expected_amount",
        ),
    ];
    for (result, field) in checks {
        match result {
            Err(Error::InvalidInput { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected InvalidInput({field}), got {other:?}"),
        }
    }
    assert_eq!(
        env.iamport_token_requests().await,
        0,
        "nothing reached the server"
    );
    let half = paywire::iamport::Client::builder().imp_key("k").build();
    assert!(matches!(half, Err(Error::InvalidInput { ref field, .. }) if field == "imp_secret"));
}
