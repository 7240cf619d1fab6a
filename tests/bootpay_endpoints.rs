//! Every Bootpay endpoint against the sandbox, asserting the exact JSON each one puts on the wire:
//! keys only when set, `""` never standing in for "unset", `false` and `0` never dropped.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use paywire::bootpay::*;
use paywire_tests::Env;
use serde_json::json;

#[tokio::test]
async fn receipt_lookup_sends_boolean_query_and_decodes() {
    let env = Env::start().await;
    let client = env.token_client();
    let id = env.receipt_id(1, 15000).await;

    let receipt = client.get_receipt(&id, false).await.unwrap();
    assert_eq!(receipt.receipt_id, id);
    assert_eq!(receipt.price, 15000);
    assert_eq!(receipt.status, ReceiptStatus::Paid);
    assert!(receipt.card_data.is_some());
    let sent = env.last_request("GET", "receipt/").await;
    assert_eq!(sent["query"], "lookup_user_data=false");
    assert_eq!(sent["headers"]["bootpay-api-version"], "5.1.0");
    assert!(sent["headers"]["user-agent"]
        .as_str()
        .unwrap()
        .starts_with("paywire/"));

    client.get_receipt(&id, true).await.unwrap();
    let sent = env.last_request("GET", "receipt/").await;
    assert_eq!(sent["query"], "lookup_user_data=true");
}

#[tokio::test]
async fn receipts_by_order_id_is_an_array() {
    let env = Env::start().await;
    let created = env
        .admin_post(
            "bootpay/receipts",
            json!({"status": 1, "price": 1000, "order_id": "order 7/한글"}),
        )
        .await;
    let client = env.basic_client();
    let receipts = client.get_receipts_by_order_id("order 7").await.unwrap();
    assert!(receipts.is_empty());
    // A path-breaking character is refused before the network...
    let err = client
        .get_receipts_by_order_id("order 7/한글")
        .await
        .unwrap_err();
    assert!(matches!(err, paywire::Error::InvalidInput { ref field, .. } if field == "order_id"));
    // ...while spaces and Korean are percent-encoded.
    let env2 = Env::start().await;
    env2.admin_post(
        "bootpay/receipts",
        json!({"status": 1, "price": 1000, "order_id": "주문 7"}),
    )
    .await;
    let found = env2
        .basic_client()
        .get_receipts_by_order_id("주문 7")
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].order_id.as_deref(), Some("주문 7"));
    let sent = env2.last_request("GET", "lookup/order/").await;
    assert_eq!(
        sent["path"], "lookup/order/%EC%A3%BC%EB%AC%B8%207",
        "one percent-encoded segment"
    );
    drop(created);
}

#[tokio::test]
async fn confirm_sends_only_the_receipt_id() {
    let env = Env::start().await;
    let id = env.receipt_id(2, 5000).await;
    let receipt = env.token_client().confirm_payment(&id).await.unwrap();
    assert_eq!(receipt.status, ReceiptStatus::Paid);
    assert_eq!(
        env.last_request("POST", "confirm").await["body"],
        json!({"receipt_id": id})
    );
}

#[tokio::test]
async fn full_and_partial_cancel_bodies() {
    let env = Env::start().await;
    let client = env.token_client();
    let id = env.receipt_id(1, 10000).await;

    let partial = CancelPayment {
        cancel_price: Some(3000),
        cancel_tax_free: Some(0),
        cancel_id: Some("refund-1".into()),
        cancel_username: Some("관리자".into()),
        cancel_message: Some("부분 취소".into()),
        ..CancelPayment::new(&id)
    };
    let receipt = client.cancel_payment(partial).await.unwrap();
    assert_eq!(receipt.cancelled_price, 3000);
    assert_eq!(receipt.status, ReceiptStatus::Cancelled);
    assert_eq!(
        env.last_request("POST", "cancel").await["body"],
        json!({"receipt_id": id, "cancel_price": 3000, "cancel_tax_free": 0, "cancel_id": "refund-1",
               "cancel_username": "관리자", "cancel_message": "부분 취소"})
    );

    // A full cancel of the rest: no cancel_price key at all, and a generated cancel_id.
    let receipt = client
        .cancel_payment(CancelPayment::new(&id))
        .await
        .unwrap();
    assert_eq!(receipt.cancelled_price, 10000);
    let body = env.last_request("POST", "cancel").await["body"].clone();
    assert!(body.get("cancel_price").is_none(), "{body}");
    let generated = body["cancel_id"].as_str().unwrap();
    assert!(generated.starts_with("paywire-"), "{generated}");
    assert_eq!(body.as_object().unwrap().len(), 2, "{body}");
}

#[tokio::test]
async fn vbank_refund_and_items_are_sent_nested() {
    let env = Env::start().await;
    let id = env.receipt_id(1, 20000).await;
    let request = CancelPayment {
        cancel_id: Some("refund-vbank".into()),
        refund: Some(Refund {
            bank_account: "110123456789".into(),
            bank_username: "홍길동".into(),
            bank_code: "088".into(),
        }),
        items: Some(vec![Item::new("sku-1", "셔츠", 1, 20000)]),
        ..CancelPayment::new(&id)
    };
    env.basic_client().cancel_payment(request).await.unwrap();
    let body = env.last_request("POST", "cancel").await["body"].clone();
    assert_eq!(
        body["refund"],
        json!({"bank_account": "110123456789", "bank_username": "홍길동", "bank_code": "088"})
    );
    assert_eq!(
        body["items"],
        json!([{"id": "sku-1", "name": "셔츠", "qty": 1, "price": 20000}])
    );
}

#[tokio::test]
async fn payment_link_and_methods() {
    let env = Env::start().await;
    let client = env.token_client();
    let link = client
        .request_payment_link(RequestPaymentLink {
            pg: Some("nicepay".into()),
            tax_free: Some(0),
            extra: Some(serde_json::from_value(json!({"separately_confirmed": false})).unwrap()),
            ..RequestPaymentLink::new("order-link-1", "티셔츠", 30000)
        })
        .await
        .unwrap();
    assert!(
        link.url.as_deref().unwrap_or("").contains("/link/"),
        "{link:?}"
    );
    assert_eq!(
        env.last_request("POST", "request/payment").await["body"],
        json!({"order_id": "order-link-1", "order_name": "티셔츠", "price": 30000, "pg": "nicepay", "tax_free": 0,
               "extra": {"separately_confirmed": false}})
    );
    let methods = client.get_payment_methods().await.unwrap();
    assert!(!methods.is_empty());
}

fn card_request(subscription_id: &str) -> IssueBillingKey {
    IssueBillingKey::new(
        "nicepay",
        "월간 구독",
        subscription_id,
        "5570000000001234",
        "12",
        "900101",
        "28",
        "12",
    )
}

#[tokio::test]
async fn billing_key_lifecycle() {
    let env = Env::start().await;
    let client = env.token_client();
    let key = client
        .issue_billing_key(IssueBillingKey {
            user: Some(User {
                id: Some("member-1".into()),
                gender: Some(0),
                ..User::default()
            }),
            ..card_request("sub-1")
        })
        .await
        .unwrap();
    assert_eq!(key.status, ReceiptStatus::BillingKeyIssued);
    assert_eq!(
        env.last_request("POST", "request/subscribe").await["body"],
        json!({"pg": "nicepay", "order_name": "월간 구독", "subscription_id": "sub-1", "card_no": "5570000000001234",
               "card_pw": "12", "card_identity_no": "900101", "card_expire_year": "28", "card_expire_month": "12",
               "user": {"id": "member-1", "gender": 0}})
    );
    let receipt_id = key.receipt_id.clone().unwrap();
    let by_receipt = client
        .get_billing_key_by_receipt(&receipt_id)
        .await
        .unwrap();
    assert_eq!(by_receipt.billing_key, key.billing_key);
    let by_key = client
        .get_billing_key_by_key(&key.billing_key)
        .await
        .unwrap();
    assert_eq!(by_key.receipt_id.as_deref(), Some(receipt_id.as_str()));

    let sequential = client
        .get_sequential_billing_key(&key.billing_key, "widget key/1", "member-1")
        .await
        .unwrap();
    assert_eq!(sequential.billing_key, key.billing_key);
    let sent = env
        .last_request("GET", "subscribe/sequential_billing_key/")
        .await;
    assert_eq!(sent["query"], "widget_key=widget+key%2F1&user_id=member-1");

    let destroyed = client.destroy_billing_key(&key.billing_key).await.unwrap();
    assert_eq!(destroyed.billing_key, key.billing_key);
    let gone = client
        .get_billing_key_by_key(&key.billing_key)
        .await
        .unwrap_err();
    assert_eq!(gone.http_status(), Some(404));
}

#[tokio::test]
async fn subscribe_payment_and_reservations() {
    let env = Env::start().await;
    let client = env.basic_client();
    let key = client
        .issue_billing_key(card_request("sub-2"))
        .await
        .unwrap()
        .billing_key;

    let paid = client
        .subscribe_payment(SubscribePayment {
            tax_free: Some(0),
            card_quota: Some("00".into()),
            extra: Some(SubscribeExtra {
                raw_data: Some(true),
                ..SubscribeExtra::default()
            }),
            metadata: Some(serde_json::from_value(json!({"plan": "pro"})).unwrap()),
            ..SubscribePayment::new(&key, "11월 구독", "order-sub-1", 9900)
        })
        .await
        .unwrap();
    assert_eq!(paid.status, ReceiptStatus::Paid);
    assert_eq!(paid.price, 9900);
    assert_eq!(
        env.last_request("POST", "subscribe/payment").await["body"],
        json!({"billing_key": key, "order_name": "11월 구독", "order_id": "order-sub-1", "price": 9900, "tax_free": 0,
               "card_quota": "00", "extra": {"raw_data": 1}, "metadata": {"plan": "pro"}})
    );

    let reserved = client
        .reserve_subscribe_payment(ReserveSubscribePayment::new(
            &key,
            "12월 구독",
            "order-sub-2",
            9900,
            "2030-12-01T09:00:00+09:00",
        ))
        .await
        .unwrap();
    assert!(!reserved.reserve_id.is_empty());
    assert_eq!(
        env.last_request("POST", "subscribe/payment/reserve").await["body"],
        json!({"billing_key": key, "order_name": "12월 구독", "order_id": "order-sub-2", "price": 9900,
               "reserve_execute_at": "2030-12-01T09:00:00+09:00"})
    );
    let looked_up = client
        .get_subscribe_reservation(&reserved.reserve_id)
        .await
        .unwrap();
    assert_eq!(looked_up.price, 9900);
    assert_eq!(looked_up.order_id.as_deref(), Some("order-sub-2"));
    let cancelled = client
        .cancel_subscribe_reservation(&reserved.reserve_id)
        .await
        .unwrap();
    assert!(cancelled.success);
    assert!(client
        .cancel_subscribe_reservation(&reserved.reserve_id)
        .await
        .is_err());
}

#[tokio::test]
async fn reservation_executes_when_the_sandbox_clock_passes_it() {
    let env = Env::start().await;
    let client = env.basic_client();
    let key = client
        .issue_billing_key(card_request("sub-3"))
        .await
        .unwrap()
        .billing_key;
    let at = "2026-01-01T09:00:00+09:00"; // the sandbox clock is real time: this is already due
    let reserved = client
        .reserve_subscribe_payment(ReserveSubscribePayment::new(
            &key,
            "due",
            "order-due",
            5000,
            at,
        ))
        .await
        .unwrap();
    env.advance_clock(60).await;
    let looked_up = client
        .get_subscribe_reservation(&reserved.reserve_id)
        .await
        .unwrap();
    let receipt_id = looked_up
        .receipt_id
        .expect("executed reservations have a receipt");
    assert_eq!(
        client.get_receipt(&receipt_id, false).await.unwrap().price,
        5000
    );
}

#[tokio::test]
async fn automatic_transfer_billing_key() {
    let env = Env::start().await;
    let client = env.token_client();
    let pending = client
        .request_transfer_billing_key(RequestTransferBillingKey {
            pg: "nicepay".into(),
            order_name: "계좌 자동이체".into(),
            subscription_id: "sub-transfer".into(),
            auth_type: "ARS".into(),
            username: "홍길동".into(),
            bank_name: "국민".into(),
            bank_account: "123456789012".into(),
            identity_no: "900101".into(),
            phone: Some("01000000000".into()),
            ..RequestTransferBillingKey::default()
        })
        .await
        .unwrap();
    assert_eq!(pending.status, ReceiptStatus::TransferConsented);
    let body = env
        .last_request("POST", "request/subscribe/automatic-transfer")
        .await["body"]
        .clone();
    assert!(
        body.get("cash_receipt_type").is_none(),
        "unset options are not invented: {body}"
    );
    let key = client
        .publish_transfer_billing_key(&pending.receipt_id)
        .await
        .unwrap();
    assert_eq!(key.status, ReceiptStatus::BillingKeyIssued);
    assert_eq!(
        env.last_request("POST", "request/subscribe/automatic-transfer/publish")
            .await["body"],
        json!({"receipt_id": pending.receipt_id})
    );
}

#[tokio::test]
async fn user_token_sends_gender_zero() {
    let env = Env::start().await;
    let token = env
        .token_client()
        .request_user_token(RequestUserToken {
            gender: Some(0),
            phone: Some("01000000000".into()),
            ..RequestUserToken::new("member-9")
        })
        .await
        .unwrap();
    assert!(!token.user_token.expose().is_empty());
    assert!(token.expired_at.is_some());
    assert_eq!(
        env.last_request("POST", "request/user/token").await["body"],
        json!({"user_id": "member-9", "gender": 0, "phone": "01000000000"})
    );
}

#[tokio::test]
async fn escrow_shipping_start_keeps_false() {
    let env = Env::start().await;
    let id = env.receipt_id(1, 30000).await;
    let receipt = env
        .token_client()
        .start_escrow_shipping(ShippingStart {
            shipping_prepayment: Some(false),
            shipping_day: Some(0),
            user: Some(ShippingUser {
                username: Some("홍길동".into()),
                zipcode: Some("04524".into()),
                ..Default::default()
            }),
            ..ShippingStart::new(&id, "1234567890", "CJ대한통운")
        })
        .await
        .unwrap();
    assert!(receipt.escrow_data.is_some());
    let sent = env.last_request("PUT", "escrow/shipping/start/").await;
    assert_eq!(
        sent["body"],
        json!({"receipt_id": id, "tracking_number": "1234567890", "delivery_corp": "CJ대한통운",
               "shipping_prepayment": false, "shipping_day": 0, "user": {"username": "홍길동", "zipcode": "04524"}})
    );
}

#[tokio::test]
async fn cash_receipts_on_a_payment_and_standalone() {
    let env = Env::start().await;
    let client = env.token_client();
    let id = env.receipt_id(1, 10000).await;
    let receipt = client
        .publish_cash_receipt_on_receipt(PublishCashReceipt::new(&id, "01000000000", "소득공제"))
        .await
        .unwrap();
    assert!(receipt.cash_receipt_data.is_some());
    assert_eq!(
        env.last_request("POST", "request/receipt/cash/publish")
            .await["body"],
        json!({"receipt_id": id, "identity_no": "01000000000", "cash_receipt_type": "소득공제"})
    );
    client
        .cancel_cash_receipt_on_receipt(
            &id,
            CancelCashReceipt {
                cancel_username: Some("관리자".into()),
                cancel_message: Some("요청 취소".into()),
            },
        )
        .await
        .unwrap();
    let sent = env
        .last_request("DELETE", "request/receipt/cash/cancel/")
        .await;
    assert_eq!(sent["body"], serde_json::Value::Null);
    assert!(
        sent["query"]
            .as_str()
            .unwrap()
            .starts_with("cancel_username="),
        "{sent}"
    );

    let standalone = client
        .request_cash_receipt(RequestCashReceipt {
            order_id: "cash-1".into(),
            order_name: "현금 판매".into(),
            identity_no: "01000000000".into(),
            cash_receipt_type: "지출증빙".into(),
            price: 5000,
            purchased_at: Some("2026-11-23T10:00:00+09:00".into()),
            ..RequestCashReceipt::default()
        })
        .await
        .unwrap();
    let body = env.last_request("POST", "request/cash/receipt").await["body"].clone();
    assert!(
        body.get("pg").is_none(),
        "pg unset means the project default, not null: {body}"
    );
    assert_eq!(body["price"], 5000);
    let cancelled = client
        .cancel_cash_receipt(&standalone.receipt_id, CancelCashReceipt::default())
        .await
        .unwrap();
    assert_eq!(cancelled.status, ReceiptStatus::Cancelled);
    let query = env.last_request("DELETE", "request/cash/receipt/").await["query"].clone();
    assert!(
        query.is_null() || query == "",
        "no cancel fields set, no query sent: {query}"
    );
}

#[tokio::test]
async fn rest_identity_authentication() {
    let env = Env::start().await;
    let client = env.token_client();
    let request = RequestAuthentication {
        pg: "danal".into(),
        method: "sms".into(),
        authentication_id: "auth-1".into(),
        username: "홍길동".into(),
        identity_no: "9001011".into(),
        carrier: "SKT".into(),
        phone: "01000000000".into(),
        client_ip: Some("127.0.0.1".into()),
        ..RequestAuthentication::default()
    };
    let started = client
        .request_authentication(request.clone())
        .await
        .unwrap();
    let again = client
        .realarm_authentication(&started.receipt_id)
        .await
        .unwrap();
    assert_eq!(again.authenticate_data.unwrap().number_of_realarms, Some(1));
    let wrong = client
        .confirm_authentication(&started.receipt_id, "000000")
        .await
        .unwrap_err();
    assert!(wrong.has_code("AUTH_OTP_MISMATCH"), "{wrong}");
    let done = client
        .confirm_authentication(&started.receipt_id, paywire_sandbox::SANDBOX_OTP)
        .await
        .unwrap();
    assert_eq!(done.status, ReceiptStatus::Authenticated);
    assert_eq!(
        env.last_request("POST", "authenticate/confirm").await["body"],
        json!({"receipt_id": started.receipt_id, "otp": "123456"})
    );
    let certificate = client.get_certificate(&started.receipt_id).await.unwrap();
    assert_eq!(certificate.status, ReceiptStatus::Authenticated);
    let reused = client.request_authentication(request).await.unwrap_err();
    assert!(reused.has_code("AUTH_ALREADY_AUTHENTICATED"), "{reused}");
}

#[tokio::test]
async fn raw_request_goes_through_the_same_layers() {
    let env = Env::start().await;
    let client = env.token_client();
    let id = env.receipt_id(1, 1000).await;
    let value = client
        .raw_request(RawRequest {
            query: vec![("lookup_user_data".into(), "false".into())],
            ..RawRequest::get(format!("receipt/{id}"))
        })
        .await
        .unwrap();
    assert_eq!(value["receipt_id"], id.as_str());
    assert_eq!(
        env.token_requests().await,
        1,
        "the raw request used the managed token"
    );
    let err = client
        .raw_request(RawRequest::get("receipt/nope"))
        .await
        .unwrap_err();
    assert_eq!(err.http_status(), Some(404));
    assert!(client
        .raw_request(RawRequest::get("../admin"))
        .await
        .is_err());
}

/// A card billing key issued for `member` (a saved card: the member's wallet in the sandbox).
async fn issue_key_for(client: &Client, subscription_id: &str, member: Option<&str>) -> String {
    let request = IssueBillingKey {
        user: member.map(|id| User {
            id: Some(id.into()),
            ..User::default()
        }),
        ..IssueBillingKey::new(
            "nicepay",
            "구독",
            subscription_id,
            "5570000000001234",
            "12",
            "900101",
            "28",
            "12",
        )
    };
    client.issue_billing_key(request).await.unwrap().billing_key
}

#[tokio::test]
async fn user_wallets_follow_the_members_saved_cards() {
    let env = Env::start().await;
    let client = env.token_client();

    // An unknown member has no wallets; the query carries user_id percent-encoded and sandbox as text.
    assert!(client
        .get_user_wallets("member 1/한", true)
        .await
        .unwrap()
        .is_empty());
    let sent = env.last_request("GET", "wallet").await;
    assert_eq!(sent["query"], "user_id=member+1%2F%ED%95%9C&sandbox=true");

    let first = issue_key_for(&client, "sub-w1", Some("member-1")).await;
    let second = issue_key_for(&client, "sub-w2", Some("member-1")).await;
    issue_key_for(&client, "sub-w3", Some("member-2")).await;
    issue_key_for(&client, "sub-w4", None).await;

    let wallets = client.get_user_wallets("member-1", true).await.unwrap();
    assert_eq!(wallets.len(), 2, "{wallets:?}");
    assert_eq!(
        wallets.iter().map(|w| w.order).collect::<Vec<_>>(),
        [Some(1), Some(2)]
    );
    assert!(wallets.iter().all(|w| w.wallet_id.len() == 24));
    assert_ne!(wallets[0].wallet_id, wallets[1].wallet_id);
    assert!(wallets.iter().all(|w| w.sandbox == Some(true)));
    assert!(wallets.iter().all(|w| w.latest_purchased_at.is_none()));
    let card = wallets[0].batch_data.clone().unwrap();
    assert_eq!(card.card_no.as_deref(), Some("5570********1234"));
    assert!(card.card_company.is_some());
    assert!(wallets[0].expired_at.is_some());

    // A charge shows as the wallet's latest payment.
    client
        .subscribe_payment(SubscribePayment::new(&first, "구독", "order-w1", 9900))
        .await
        .unwrap();
    let wallets = client.get_user_wallets("member-1", true).await.unwrap();
    assert!(wallets[0].latest_purchased_at.is_some());
    assert!(wallets[1].latest_purchased_at.is_none());

    // Test-mode wallets only: the live list is empty.
    assert!(client
        .get_user_wallets("member-1", false)
        .await
        .unwrap()
        .is_empty());
    assert_eq!(
        env.last_request("GET", "wallet").await["query"],
        "user_id=member-1&sandbox=false"
    );

    // Destroying a key removes its wallet; the rest move up.
    let kept = wallets[1].wallet_id.clone();
    client.destroy_billing_key(&first).await.unwrap();
    let wallets = client.get_user_wallets("member-1", true).await.unwrap();
    assert_eq!(wallets.len(), 1);
    assert_eq!(
        (wallets[0].wallet_id.as_str(), wallets[0].order),
        (kept.as_str(), Some(1))
    );
    client.destroy_billing_key(&second).await.unwrap();
    assert!(client
        .get_user_wallets("member-1", true)
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn user_wallets_errors() {
    let env = Env::start().await;
    let client = env.basic_client();

    // A blank user_id is refused before any network call, naming the field.
    for user_id in ["", "  "] {
        let err = client.get_user_wallets(user_id, true).await.unwrap_err();
        assert!(
            matches!(err, paywire::Error::InvalidInput { ref field, .. } if field == "user_id"),
            "{err:?}"
        );
    }
    assert!(
        env.requests().await.is_empty(),
        "nothing reached the server"
    );

    // The sandbox answers a malformed query in Bootpay's error shape.
    for (query, message) in [
        (vec![("sandbox", "true")], "user_id"),
        (vec![("user_id", "m")], "sandbox"),
        (vec![("user_id", "m"), ("sandbox", "yes")], "sandbox"),
    ] {
        let err = client
            .raw_request(RawRequest {
                query: query
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v.to_owned()))
                    .collect(),
                ..RawRequest::get("wallet")
            })
            .await
            .unwrap_err();
        assert_eq!(err.http_status(), Some(400), "{err:?}");
        assert!(err.has_code("RC_INVALID_PARAMETER"), "{err:?}");
        assert!(err.to_string().contains(message), "{err}");
    }

    // Wrong credentials: the auth check guards this route like every other.
    let stranger = Client::builder()
        .client_key(paywire_tests::CLIENT_KEY)
        .secret_key("not-the-secret")
        .base_url(env.sandbox.bootpay_url())
        .build()
        .unwrap();
    let err = stranger.get_user_wallets("m", true).await.unwrap_err();
    assert!(matches!(err, paywire::Error::Auth { .. }), "{err:?}");
    assert_eq!(err.http_status(), Some(401));

    // A look-up is retried through a busy answer and a dropped connection.
    let fast = env.bootpay_with(std::time::Duration::from_secs(5));
    let before = env.route_count("GET wallet").await;
    env.fault(json!({"method": "GET", "path": "wallet", "status": 503, "body": {"error_code": "UNAVAILABLE", "message": "busy"}, "times": 1})).await;
    env.fault(json!({"method": "GET", "path": "wallet", "drop": true, "times": 1}))
        .await;
    assert!(fast.get_user_wallets("m", true).await.unwrap().is_empty());
    assert_eq!(env.route_count("GET wallet").await, before + 3);

    // A persistent server error ends as that error, after the bounded retries.
    env.fault(json!({"method": "GET", "path": "wallet", "status": 500, "body": {"error_code": "BOOM", "message": "down"}})).await;
    let err = fast.get_user_wallets("m", true).await.unwrap_err();
    assert_eq!(err.http_status(), Some(500));
    assert!(err.has_code("BOOM"));
    assert_eq!(env.route_count("GET wallet").await, before + 6);
}
