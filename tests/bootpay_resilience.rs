//! Retries that can never double-charge, timeouts, broken connections, and bodies that are not JSON.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use paywire::bootpay::{CancelPayment, Client, SubscribePayment};
use paywire::{Error, RetryPolicy};
use paywire_tests::{short, Env};
use serde_json::json;
use std::time::Duration;

fn fast_retries(env: &Env) -> Client {
    Client::builder()
        .client_key(paywire_tests::CLIENT_KEY)
        .secret_key(paywire_tests::SECRET_KEY)
        .base_url(env.sandbox.bootpay_url())
        .retry(RetryPolicy {
            max_retries: 2,
            base_delay: Duration::from_millis(10),
            ..RetryPolicy::default()
        })
        .build()
        .unwrap()
}

async fn billing_key(client: &Client, subscription_id: &str) -> String {
    paywire_tests::issue_test_billing_key(client, subscription_id).await
}

#[tokio::test]
async fn get_is_retried_on_5xx_and_429_with_retry_after() {
    let env = Env::start().await;
    let id = env.receipt_id(1, 1000).await;
    let client = fast_retries(&env);
    env.fault(json!({"method": "GET", "path": "receipt/*", "status": 503, "body": {"error_code": "UNAVAILABLE", "message": "busy"}, "times": 1})).await;
    assert_eq!(client.get_receipt(&id, false).await.unwrap().receipt_id, id);
    assert_eq!(env.route_count("GET receipt/{receipt_id}").await, 2);

    env.fault(json!({"method": "GET", "path": "receipt/*", "status": 429, "body": {"error_code": "TOO_MANY", "message": "slow down"}, "times": 1, "headers": {"retry-after": "1"}})).await;
    let started = std::time::Instant::now();
    client.get_receipt(&id, false).await.unwrap();
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After: 1 was honoured, not the 10 ms backoff"
    );

    // A Retry-After longer than we accept ends the retries with the 429 itself.
    env.fault(json!({"method": "GET", "path": "receipt/*", "status": 429, "body": {"error_code": "TOO_MANY", "message": "later"}, "times": 1, "headers": {"retry-after": "3600"}})).await;
    let err = client.get_receipt(&id, false).await.unwrap_err();
    assert_eq!(err.http_status(), Some(429));
}

#[tokio::test]
async fn get_gives_up_after_the_bounded_retries() {
    let env = Env::start().await;
    let client = fast_retries(&env);
    env.fault(json!({"method": "GET", "path": "receipt/*", "status": 500, "body": {"error_code": "BOOM", "message": "down"}})).await;
    let err = client.get_receipt("r1", false).await.unwrap_err();
    assert_eq!(err.http_status(), Some(500));
    assert!(err.has_code("BOOM"));
    assert_eq!(
        env.route_count("GET receipt/{receipt_id}").await,
        3,
        "1 + max_retries"
    );
}

#[tokio::test]
async fn get_is_retried_after_a_dropped_connection() {
    let env = Env::start().await;
    let id = env.receipt_id(1, 1000).await;
    env.fault(json!({"method": "GET", "path": "receipt/*", "drop": true, "times": 1}))
        .await;
    let receipt = fast_retries(&env).get_receipt(&id, false).await.unwrap();
    assert_eq!(receipt.receipt_id, id);
}

#[tokio::test]
async fn a_payment_is_never_retried_on_5xx() {
    let env = Env::start().await;
    let client = fast_retries(&env);
    let key = billing_key(&client, "sub-r1").await;
    env.fault(json!({"method": "POST", "path": "subscribe/payment", "status": 502, "body": {"error_code": "GATEWAY", "message": "bad gateway"}, "times": 1})).await;
    let err = client
        .subscribe_payment(SubscribePayment::new(&key, "구독", "order-r1", 9900))
        .await
        .unwrap_err();
    // A gateway's 502 says nothing about whether Bootpay charged: the outcome is unknown, never retried.
    assert!(
        matches!(&err, Error::OutcomeUnknown { message, .. } if message.contains("HTTP 502")),
        "{err:?}"
    );
    assert_eq!(env.route_count("POST subscribe/payment").await, 1);
}

#[tokio::test]
async fn a_payment_cut_off_after_processing_reports_outcome_unknown_and_is_not_retried() {
    let env = Env::start().await;
    let client = fast_retries(&env);
    let key = billing_key(&client, "sub-r2").await;
    env.fault(json!({"method": "POST", "path": "subscribe/payment", "drop": true, "after": true, "times": 1})).await;
    let err = client
        .subscribe_payment(SubscribePayment::new(&key, "구독", "order-r2", 9900))
        .await
        .unwrap_err();
    match &err {
        Error::OutcomeUnknown {
            operation, hint, ..
        } => {
            assert_eq!(operation, "subscribe_payment");
            assert!(
                hint.contains("get_receipts_by_order_id(\"order-r2\")"),
                "{hint}"
            );
        }
        other => panic!("expected OutcomeUnknown, got {other:?}"),
    }
    assert_eq!(
        env.route_count("POST subscribe/payment").await,
        1,
        "never sent twice"
    );
    // The charge did happen: the hint's look-up finds exactly one receipt.
    let found = client.get_receipts_by_order_id("order-r2").await.unwrap();
    assert_eq!(found.len(), 1);
}

#[tokio::test]
async fn a_slow_payment_times_out_as_outcome_unknown() {
    let env = Env::start().await;
    let client = fast_retries(&env);
    let key = billing_key(&client, "sub-r3").await;
    env.fault(
        json!({"method": "POST", "path": "subscribe/payment", "latency_ms": 1500, "times": 1}),
    )
    .await;
    let err = client
        .with_timeout(short())
        .subscribe_payment(SubscribePayment::new(&key, "구독", "order-r3", 9900))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::OutcomeUnknown {
                timed_out: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(env.route_count("POST subscribe/payment").await, 1);
}

#[tokio::test]
async fn a_slow_lookup_times_out_after_its_retries() {
    let env = Env::start().await;
    env.fault(json!({"method": "GET", "path": "receipt/*", "latency_ms": 1500}))
        .await;
    let err = fast_retries(&env)
        .with_timeout(short())
        .get_receipt("r1", false)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { attempts: 3, .. }), "{err:?}");
}

#[tokio::test]
async fn a_cancel_retried_after_a_dropped_answer_cancels_once() {
    let env = Env::start().await;
    let id = env.receipt_id(1, 10000).await;
    let client = fast_retries(&env);
    env.fault(json!({"method": "POST", "path": "cancel", "drop": true, "after": true, "times": 1}))
        .await;
    let receipt = client
        .cancel_payment(CancelPayment {
            cancel_price: Some(4000),
            ..CancelPayment::new(&id)
        })
        .await
        .unwrap();
    assert_eq!(receipt.cancelled_price, 4000, "cancelled once, not twice");
    assert_eq!(env.route_count("POST cancel").await, 2);
    let bodies: Vec<_> = env
        .requests()
        .await
        .into_iter()
        .filter(|r| r["path"] == "cancel")
        .collect();
    assert_eq!(
        bodies[0]["body"]["cancel_id"], bodies[1]["body"]["cancel_id"],
        "one cancel_id across retries"
    );
}

#[tokio::test]
async fn a_repeated_cancel_id_never_cancels_twice() {
    let env = Env::start().await;
    let id = env.receipt_id(1, 10000).await;
    let client = env.basic_client();
    let request = CancelPayment {
        cancel_price: Some(1000),
        cancel_id: Some("refund-dup".into()),
        ..CancelPayment::new(&id)
    };
    client.cancel_payment(request.clone()).await.unwrap();
    // The repeat is an idempotent replay: the receipt as it stands, no error, no second refund.
    let replayed = client.cancel_payment(request).await.unwrap();
    assert_eq!(replayed.cancelled_price, 1000);
    assert_eq!(
        client
            .get_receipt(&id, false)
            .await
            .unwrap()
            .cancelled_price,
        1000
    );
}

#[tokio::test]
async fn over_cancel_is_refused_by_the_server_with_its_code() {
    let env = Env::start().await;
    let id = env.receipt_id(1, 1000).await;
    let err = env
        .basic_client()
        .cancel_payment(CancelPayment {
            cancel_price: Some(5000),
            ..CancelPayment::new(&id)
        })
        .await
        .unwrap_err();
    assert!(err.has_code("RC_CANCEL_PRICE_EXCEEDED"), "{err}");
    assert_eq!(err.http_status(), Some(400));
}

#[tokio::test]
async fn an_html_body_is_a_decode_error_quoting_it() {
    let env = Env::start().await;
    env.fault(json!({"path": "receipt/*", "non_json": true, "status": 502}))
        .await;
    let client = Client::builder()
        .client_key(paywire_tests::CLIENT_KEY)
        .secret_key(paywire_tests::SECRET_KEY)
        .base_url(env.sandbox.bootpay_url())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = client.get_receipt("r1", false).await.unwrap_err();
    match &err {
        Error::Decode {
            http_status,
            body_snippet,
            ..
        } => {
            assert_eq!(*http_status, 502);
            assert!(body_snippet.contains("502 Bad Gateway"), "{body_snippet}");
        }
        other => panic!("expected Decode, got {other:?}"),
    }
    assert!(err.to_string().contains("<html>"), "{err}");
}

#[tokio::test]
async fn a_connection_refused_is_a_transport_error() {
    let client = Client::builder()
        .client_key("c")
        .secret_key("s")
        .base_url("http://127.0.0.1:9/v2")
        .retry(RetryPolicy {
            max_retries: 1,
            base_delay: Duration::from_millis(1),
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();
    let err = client.get_receipt("r1", false).await.unwrap_err();
    assert!(
        matches!(err, Error::Transport { attempts: 2, .. }),
        "{err:?}"
    );
    // Nothing left the machine, so even a payment may be tried again: still a plain transport error.
    let err = client
        .subscribe_payment(SubscribePayment::new("bk", "n", "o", 100))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport { .. }), "{err:?}");
}

#[tokio::test]
async fn invalid_input_fails_before_any_request() {
    let env = Env::start().await;
    let client = env.token_client();
    let checks: Vec<(paywire::Result<()>, &str)> = vec![
        (client.get_receipt("", false).await.map(drop), "receipt_id"),
        (
            client.get_receipt("a/b", false).await.map(drop),
            "receipt_id",
        ),
        (
            client.get_receipt("..", false).await.map(drop),
            "receipt_id",
        ),
        (client.confirm_payment(" ").await.map(drop), "receipt_id"),
        (
            client
                .cancel_payment(CancelPayment {
                    cancel_price: Some(-1),
                    ..CancelPayment::new("r")
                })
                .await
                .map(drop),
            "cancel_price",
        ),
        (
            client
                .cancel_payment(CancelPayment {
                    cancel_id: Some(String::new()),
                    ..CancelPayment::new("r")
                })
                .await
                .map(drop),
            "cancel_id",
        ),
        (
            client
                .subscribe_payment(SubscribePayment::new("bk", "n", "o", 0))
                .await
                .map(drop),
            "price",
        ),
        (
            client
                .subscribe_payment(SubscribePayment::new("", "n", "o", 10))
                .await
                .map(drop),
            "billing_key",
        ),
        (
            client
                .reserve_subscribe_payment(paywire::bootpay::ReserveSubscribePayment::new(
                    "bk",
                    "n",
                    "o",
                    10,
                    "2026-12-01 09:00:00",
                ))
                .await
                .map(drop),
            "reserve_execute_at",
        ),
        (
            client.verify_payment("r", -5).await.map(drop),
            "expected_price",
        ),
        (
            client
                .get_sequential_billing_key("bk", "", "u")
                .await
                .map(drop),
            "widget_key",
        ),
    ];
    for (result, field) in checks {
        match result {
            Err(Error::InvalidInput { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected InvalidInput({field}), got {other:?}"),
        }
    }
    assert!(
        env.requests().await.is_empty(),
        "nothing reached the server"
    );
    assert_eq!(env.token_requests().await, 0);
}

#[tokio::test]
async fn requests_go_through_the_configured_proxy() {
    let env = Env::start().await;
    let id = env.receipt_id(1, 1000).await;
    // The host below does not exist: only a proxy that forwards the absolute-form request can answer, and
    // the sandbox does (it routes by path).
    let client = Client::builder()
        .client_key(paywire_tests::CLIENT_KEY)
        .secret_key(paywire_tests::SECRET_KEY)
        .base_url("http://bootpay.invalid/v2")
        .proxy(env.sandbox.url())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    assert_eq!(client.get_receipt(&id, false).await.unwrap().receipt_id, id);
    let bad = Client::builder()
        .client_key("c")
        .secret_key("s")
        .proxy("not a url")
        .build();
    assert!(
        matches!(&bad, Err(Error::InvalidInput { field, .. }) if field == "proxy"),
        "{bad:?}"
    );
}
