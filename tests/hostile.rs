//! paywire against a hostile or broken server and hostile input: redirects are never followed, answers
//! are read up to a cap, server-supplied numbers never panic, bad input fails before the network with the
//! field named, and no account number reaches an error text or a log line.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use paywire::bootpay::{Client, SubscribePayment};
use paywire::iamport;
use paywire::{Error, RawRequest, RetryPolicy};
use paywire_tests::{Env, APPLICATION_ID, PRIVATE_KEY};
use serde_json::json;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A listener that stands for "another host" and counts the connections it gets.
async fn other_host() -> (String, Arc<AtomicU64>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/collect", listener.local_addr().unwrap());
    let hits = Arc::new(AtomicU64::new(0));
    let counter = hits.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            let _ = socket.shutdown().await;
        }
    });
    (url, hits)
}

#[tokio::test]
async fn a_token_redirect_never_sends_the_keys_to_another_host() {
    let env = Env::start().await;
    let (elsewhere, hits) = other_host().await;
    for status in [301, 302, 303, 307, 308] {
        env.admin_delete("faults").await;
        env.fault(json!({"method": "POST", "path": "request/token", "status": status, "headers": {"location": elsewhere}}))
            .await;
        env.fault(json!({"provider": "iamport", "method": "POST", "path": "users/getToken", "status": status, "headers": {"location": elsewhere}}))
            .await;
        let bootpay = env.token_client();
        let err = bootpay.get_receipt("r1", false).await.unwrap_err();
        assert!(
            matches!(err, Error::Redirect { http_status, .. } if http_status == status),
            "{status}: {err:?}"
        );
        let text = err.to_string();
        assert!(
            text.contains("/collect") && !text.contains(PRIVATE_KEY),
            "{text}"
        );
        let iamport = env.iamport_client();
        let err = iamport.get_payment("imp_1", false).await.unwrap_err();
        assert!(matches!(err, Error::Redirect { .. }), "{status}: {err:?}");
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(
        hits.load(Ordering::SeqCst),
        0,
        "nothing went to the other host"
    );
    let _ = APPLICATION_ID;
}

/// A server that answers every request with an endless chunked body and counts what it managed to write.
async fn endless_server() -> (String, Arc<AtomicU64>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/v2", listener.local_addr().unwrap());
    let written = Arc::new(AtomicU64::new(0));
    let counter = written.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let counter = counter.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 16 * 1024];
                let _ = socket.read(&mut buf).await;
                let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
                if socket.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let chunk = format!("{:x}\r\n{}\r\n", 64 * 1024, " ".repeat(64 * 1024));
                // At most 1 GiB, in 64 KiB chunks, until the client hangs up.
                for _ in 0..16 * 1024 {
                    if socket.write_all(chunk.as_bytes()).await.is_err() {
                        return;
                    }
                    counter.fetch_add(64 * 1024, Ordering::SeqCst);
                }
            });
        }
    });
    (url, written)
}

#[tokio::test]
async fn an_endless_answer_is_cut_at_the_cap_while_it_streams() {
    let (url, written) = endless_server().await;
    let client = Client::builder()
        .client_key("ck")
        .secret_key("sk")
        .base_url(&url)
        .max_response_bytes(1024 * 1024)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = client.get_receipt("r1", false).await.unwrap_err();
    assert!(
        matches!(&err, Error::Decode { message, .. } if message.contains("max_response_bytes")),
        "{err:?}"
    );
    // A money call whose answer can't be read may have been processed.
    let err = client.confirm_payment("r1").await.unwrap_err();
    assert!(matches!(err, Error::OutcomeUnknown { .. }), "{err:?}");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let total = written.load(Ordering::SeqCst);
    assert!(
        total < 64 * 1024 * 1024,
        "the client kept reading: {total} bytes"
    );
    let bad = Client::builder()
        .client_key("ck")
        .secret_key("sk")
        .max_response_bytes(0)
        .build();
    assert!(matches!(bad, Err(Error::InvalidInput { field, .. }) if field == "max_response_bytes"));
}

#[tokio::test]
async fn hostile_token_lifetimes_never_panic() {
    let env = Env::start().await;
    let id = env.receipt_id(1, 1000).await;
    for expire_in in [json!(i64::MAX), json!(-5), json!(1e300), json!("soon")] {
        env.admin_delete("faults").await;
        env.fault(json!({"method": "POST", "path": "request/token", "body": {"access_token": "tok", "expire_in": expire_in}, "times": 1}))
            .await;
        let client = env.token_client();
        // The forged token is refused by the sandbox (401) and a real one is fetched: no panic either way.
        let _ = client.get_receipt(&id, false).await;
        let _ = client.get_receipt(&id, false).await;
        let _ = client.get_access_token().await;
    }
    for (now, expired_at) in [
        (json!(i64::MIN), json!(i64::MAX)),
        (json!(i64::MAX), json!(i64::MIN)),
        (json!(1796095844.881), json!(1796097644.881)),
    ] {
        env.admin_delete("faults").await;
        env.fault(json!({"provider": "iamport", "method": "POST", "path": "users/getToken", "times": 1,
            "body": {"code": 0, "message": null, "response": {"access_token": "tok", "now": now, "expired_at": expired_at}}}))
            .await;
        let client = env.iamport_client();
        let token = client.get_access_token().await.unwrap();
        assert!(token.expire_in <= 24 * 3600, "{}", token.expire_in);
    }
}

#[tokio::test]
async fn fractional_iamport_token_times_are_read() {
    let env = Env::start().await;
    env.fault(json!({"provider": "iamport", "method": "POST", "path": "users/getToken", "times": 1,
        "body": {"code": 0, "message": null, "response": {"access_token": "tok", "now": 1796095844.881, "expired_at": 1796097644.881}}}))
        .await;
    let token = env.iamport_client().get_access_token().await.unwrap();
    assert!(
        (1799..=1800).contains(&token.expire_in),
        "{}",
        token.expire_in
    );
}

const ACCOUNT: &str = "56211234567890";

#[tokio::test]
async fn an_account_number_never_reaches_errors_or_logs() {
    let trace = paywire_tests::TraceCapture::start();

    let env = Env::start().await;
    let client = env.iamport_with(Duration::from_millis(300));
    let mut texts = Vec::new();
    let faults = [
        json!({"drop": true}),
        json!({"latency_ms": 800}),
        json!({"status": 500}),
        json!({"status": 502, "non_json": true}),
        json!({"status": 307, "headers": {"location": format!("http://127.0.0.1:9/x?bank_num={ACCOUNT}")}}),
        json!({"body": {"code": 0, "message": null, "response": {"bank_holder": 5, "bank_num": ACCOUNT}}}),
        json!({"body": {"code": 0, "message": null, "response": ACCOUNT}}),
    ];
    for fault in faults {
        env.admin_delete("faults").await;
        let mut spec = fault.clone();
        spec["provider"] = json!("iamport");
        spec["method"] = json!("GET");
        spec["path"] = json!("vbanks/holder");
        env.fault(spec).await;
        let err = client
            .get_vbank_holder("004", ACCOUNT)
            .await
            .expect_err(&fault.to_string());
        texts.push(format!("{err} {err:?}"));
    }
    // A URL too long to send fails before sending, without quoting it.
    let long = format!("{ACCOUNT}{}", "9".repeat(9000));
    let err = client.get_vbank_holder("004", &long).await.unwrap_err();
    assert!(
        matches!(&err, Error::InvalidInput { field, .. } if field == "url"),
        "{err:?}"
    );
    texts.push(format!("{err} {err:?}"));
    for text in &texts {
        assert!(!text.contains(ACCOUNT), "leaked in an error: {text}");
        assert!(
            text.len() < 1000,
            "an error of {} bytes: {text}",
            text.len()
        );
    }
    let logs = trace.text();
    assert!(!logs.is_empty());
    assert!(!logs.contains(ACCOUNT), "leaked in a log line");
}

#[tokio::test]
async fn a_bootpay_decode_error_does_not_quote_account_numbers() {
    let env = Env::start().await;
    let client = env.basic_client();
    env.fault(json!({"method": "GET", "path": "receipt/*", "body": {"receipt_id": "r1", "price": "not a number", "vbank_data": {"bank_account": ACCOUNT}}}))
        .await;
    let err = client.get_receipt("r1", false).await.unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(matches!(err, Error::Decode { .. }), "{text}");
    assert!(!text.contains(ACCOUNT), "{text}");
}

#[tokio::test]
async fn bad_input_fails_before_the_network_with_the_field_named() {
    let env = Env::start().await;
    let bootpay = env.basic_client();
    let iamport = env.iamport_client();
    let mut results: Vec<(&str, Error)> = Vec::new();
    for amount in [5e-324, 1e308, f64::NAN, f64::INFINITY, -1.0] {
        results.push((
            "amount",
            iamport
                .prepare_payment("order-1", amount, None)
                .await
                .unwrap_err(),
        ));
        results.push((
            "amount",
            iamport
                .pay_again(iamport::AgainPayment {
                    customer_uid: "c".into(),
                    merchant_uid: "m".into(),
                    name: "n".into(),
                    amount,
                    ..Default::default()
                })
                .await
                .unwrap_err(),
        ));
    }
    results.push((
        "tax_free",
        bootpay
            .subscribe_payment(SubscribePayment {
                tax_free: Some(2000),
                ..SubscribePayment::new("key", "order", "order-1", 1000)
            })
            .await
            .unwrap_err(),
    ));
    for path in ["a/%2e%2e/b", ".%2E/x", "a/\\..\\b", "%2e%2e%2fadmin"] {
        results.push((
            "path",
            bootpay
                .raw_request(RawRequest::get(path))
                .await
                .unwrap_err(),
        ));
    }
    let long_id = "x".repeat(100 * 1024);
    results.push((
        "receipt_id",
        bootpay.get_receipt(&long_id, false).await.unwrap_err(),
    ));
    results.push((
        "billing_key",
        bootpay.destroy_billing_key(&long_id).await.unwrap_err(),
    ));
    results.push(("imp_uid", iamport.revoke_vbank(&long_id).await.unwrap_err()));
    results.push((
        "timeout",
        bootpay
            .with_timeout(Duration::ZERO)
            .get_receipt("r1", false)
            .await
            .unwrap_err(),
    ));
    for (field, err) in &results {
        match err {
            Error::InvalidInput { field: f, .. } => assert_eq!(f, field, "{err}"),
            other => panic!("expected InvalidInput({field}), got {other:?}"),
        }
        assert!(err.to_string().len() < 300, "{err}");
    }
    for (field, build) in [
        (
            "timeout",
            Client::builder()
                .client_key("c")
                .secret_key("s")
                .timeout(Duration::MAX)
                .build()
                .err(),
        ),
        (
            "connect_timeout",
            Client::builder()
                .client_key("c")
                .secret_key("s")
                .connect_timeout(Duration::ZERO)
                .build()
                .err(),
        ),
        (
            "max_in_flight",
            Client::builder()
                .client_key("c")
                .secret_key("s")
                .max_in_flight(0)
                .build()
                .err(),
        ),
        (
            "retry.max_delay",
            Client::builder()
                .client_key("c")
                .secret_key("s")
                .retry(RetryPolicy {
                    max_delay: Duration::MAX,
                    ..RetryPolicy::default()
                })
                .build()
                .err(),
        ),
    ] {
        assert!(
            matches!(&build, Some(Error::InvalidInput { field: f, .. }) if f == field),
            "{field}: {build:?}"
        );
    }
    assert!(
        env.requests().await.is_empty(),
        "nothing reached the server"
    );
}

#[tokio::test]
async fn a_multi_lookup_reads_404_as_missing_only_from_iamport_itself() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let ids = vec!["imp_missing".to_owned()];
    // iamport's own 404 envelope: none of these exist.
    let partial = client.get_payments(&ids, &[]).await.unwrap();
    assert_eq!(partial.missing, ids);
    // A proxy's HTML 404 (or a wrong base_url) is an error, not "missing".
    env.fault(json!({"provider": "iamport", "method": "GET", "path": "payments", "status": 404, "non_json": true}))
        .await;
    let err = client.get_payments(&ids, &[]).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Decode {
                http_status: 404,
                ..
            }
        ),
        "{err:?}"
    );
    env.admin_delete("faults").await;
    env.fault(json!({"provider": "iamport", "method": "GET", "path": "payments", "status": 404, "body": {"message": "Not Found"}}))
        .await;
    let err = client.get_payments(&ids, &[]).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Api {
                http_status: 404,
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn errors_quote_the_status_that_came_back() {
    let env = Env::start().await;
    env.fault(json!({"provider": "iamport", "method": "POST", "path": "users/getToken", "status": 201, "body": {"code": 0, "response": {"access_token": 7}}}))
        .await;
    let err = env
        .iamport_client()
        .get_payment("imp_1", false)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Decode {
                http_status: 201,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("HTTP 201"), "{err}");
}

#[tokio::test]
async fn in_flight_requests_are_bounded_per_client() {
    let env = Env::start().await;
    let id = env.receipt_id(1, 1000).await;
    env.fault(json!({"method": "GET", "path": "receipt/*", "latency_ms": 400}))
        .await;
    let client = Client::builder()
        .client_key(paywire_tests::CLIENT_KEY)
        .secret_key(paywire_tests::SECRET_KEY)
        .base_url(env.sandbox.bootpay_url())
        .max_in_flight(2)
        .timeout(Duration::from_millis(600))
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let calls = (0..6).map(|_| client.get_receipt(&id, false));
    let results = futures::future::join_all(calls).await;
    let ok = results.iter().filter(|r| r.is_ok()).count();
    let busy = results
        .iter()
        .filter(|r| matches!(r, Err(Error::Timeout { message, .. }) if message.contains("max_in_flight")))
        .count();
    // Two slots, 400 ms a call, 600 ms of patience for a slot: two calls go at once, two more get the
    // freed slots at ~400 ms, the last two find none before 600 ms and give up without sending.
    assert_eq!(ok, 4, "{results:?}");
    assert_eq!(busy, 2, "{results:?}");
    assert_eq!(env.route_count("GET receipt/{receipt_id}").await, 4);
}

#[tokio::test]
async fn an_unreadable_success_of_a_money_call_is_outcome_unknown() {
    let env = Env::start().await;
    let iamport = env.iamport_client();
    iamport
        .issue_billing_key(
            "cust-null",
            iamport::IssueBillingKey {
                card: iamport::CardInput::new("5570-1234-5678-1234", "2028-12"),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    // iamport says "success" but hands back no payment: the charge may exist.
    env.fault(json!({"provider": "iamport", "method": "POST", "path": "subscribe/payments/again", "after": true,
        "body": {"code": 0, "message": null, "response": null}}))
        .await;
    let err = iamport
        .pay_again(iamport::AgainPayment {
            customer_uid: "cust-null".into(),
            merchant_uid: "order-null".into(),
            amount: 1000.0,
            name: "n".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::OutcomeUnknown { hint, .. } if hint.contains("order-null")),
        "{err:?}"
    );
    // A 200 with an empty body after a Bootpay confirm, and a 504 with nothing at all.
    let bootpay = env.basic_client();
    for fault in [
        json!({"after": true, "status": 200, "body": ""}),
        json!({"after": true, "status": 504, "body": {}}),
    ] {
        let id = env.receipt_id(2, 5000).await;
        env.admin_delete("faults").await;
        let mut spec = fault;
        spec["method"] = json!("POST");
        spec["path"] = json!("confirm");
        env.fault(spec).await;
        let err = bootpay.confirm_payment(&id).await.unwrap_err();
        assert!(matches!(err, Error::OutcomeUnknown { .. }), "{err:?}");
    }
}

#[tokio::test]
async fn purchased_at_is_read_in_every_offset_form_and_sent_as_the_spec_writes_it() {
    use paywire::bootpay::RequestCashReceipt;
    let env = Env::start().await;
    let client = env.basic_client();
    for (given, sent) in [
        ("2026-08-31T14:50:00+0900", "2026-08-31T14:50:00+0900"),
        ("2026-08-31T14:50:00+09:00", "2026-08-31T14:50:00+0900"),
        ("2026-08-31T14:50:00.250+09:00", "2026-08-31T14:50:00+0900"),
        ("2026-08-31T05:50:00Z", "2026-08-31T05:50:00+0000"),
    ] {
        client
            .request_cash_receipt(RequestCashReceipt {
                order_id: "order-cash".into(),
                order_name: "현금영수증".into(),
                identity_no: "01000000000".into(),
                cash_receipt_type: "소득공제".into(),
                price: 1000,
                purchased_at: Some(given.into()),
                ..RequestCashReceipt::default()
            })
            .await
            .unwrap();
        let body = env.last_request("POST", "request/cash/receipt").await["body"].clone();
        assert_eq!(body["purchased_at"], sent, "{given}");
    }
    let err = client
        .request_cash_receipt(RequestCashReceipt {
            order_id: "order-cash".into(),
            order_name: "현금영수증".into(),
            identity_no: "01000000000".into(),
            cash_receipt_type: "소득공제".into(),
            price: 1000,
            purchased_at: Some("2026-08-31T14:50:00".into()),
            ..RequestCashReceipt::default()
        })
        .await
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput { field, .. } if field == "purchased_at"));
}

#[test]
fn request_objects_refuse_a_misspelt_key_by_name() {
    // What a binding hands core as JSON: a typo must not vanish.
    let user = serde_json::from_value::<paywire::bootpay::User>(json!({"usernme": "홍길동"}));
    let message = user.unwrap_err().to_string();
    assert!(message.contains("usernme"), "{message}");
    let cancel = serde_json::from_value::<paywire::bootpay::CancelPayment>(
        json!({"receipt_id": "r1", "cancel_prce": 1000}),
    );
    assert!(cancel.unwrap_err().to_string().contains("cancel_prce"));
    // `extra` stays open where Bootpay's API is open.
    let extra = serde_json::from_value::<paywire::bootpay::SubscribeExtra>(
        json!({"raw_data": 1, "anything": "new"}),
    )
    .unwrap();
    assert_eq!(extra.raw_data, Some(true));
    assert_eq!(extra.other["anything"], "new");
}
