//! Every iamport operation (#1–#49) against the sandbox, asserting what goes on the wire.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use paywire::iamport::*;
use paywire::Error;
use paywire_tests::Env;
use serde_json::json;

const CARD: &str = "5570-1234-5678-1234";

fn card() -> CardInput {
    CardInput {
        birth: Some("900101".into()),
        pwd_2digit: Some("12".into()),
        ..CardInput::new(CARD, "2028-12")
    }
}

async fn paid(env: &Env, amount: i64) -> (String, String) {
    let p = env
        .iamport_payment(json!({"status": "paid", "amount": amount}))
        .await;
    (
        p["imp_uid"].as_str().unwrap().to_owned(),
        p["merchant_uid"].as_str().unwrap().to_owned(),
    )
}

#[tokio::test]
async fn token_is_lazy_cached_bearer_and_single_flight() {
    let env = Env::start().await;
    let (imp_uid, _) = paid(&env, 1000).await;
    let client = env.iamport_client();
    assert_eq!(env.iamport_token_requests().await, 0);
    let calls = (0..1000).map(|_| {
        let client = client.clone();
        let id = imp_uid.clone();
        tokio::spawn(async move { client.get_payment(&id, false).await })
    });
    for result in futures::future::join_all(calls).await {
        result.unwrap().unwrap();
    }
    assert_eq!(env.iamport_token_requests().await, 1);
    let token_call = env.last_request("POST", "users/getToken").await;
    assert_eq!(
        token_call["body"],
        json!({"imp_key": "sandbox-imp-key", "imp_secret": "sandbox-imp-secret"})
    );
    let sent = env.last_request("GET", "payments/").await;
    assert!(sent["headers"]["authorization"]
        .as_str()
        .unwrap()
        .starts_with("Bearer "));
    assert_eq!(sent["provider"], "iamport");
    assert_eq!(sent["query"], "include_sandbox=false");
    let token = client.get_access_token().await.unwrap();
    assert!(token.expire_in > 1700, "{}", token.expire_in);
}

#[tokio::test]
async fn payment_lookups() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let (imp_uid, merchant_uid) = paid(&env, 15000).await;
    let payment = client.get_payment(&imp_uid, true).await.unwrap();
    assert_eq!(
        (payment.amount, payment.status.clone()),
        (15000.0, PaymentStatus::Paid)
    );
    assert!(payment.paid_at.is_some());
    assert_eq!(payment.cancelled_at, None, "0 decodes as not-happened");

    let found = client
        .find_payment(&merchant_uid, None, None)
        .await
        .unwrap();
    assert_eq!(found.imp_uid, imp_uid);
    let found = client
        .find_payment(
            &merchant_uid,
            Some(PaymentStatus::Paid),
            Some(Sorting::PaidDesc),
        )
        .await
        .unwrap();
    assert_eq!(found.imp_uid, imp_uid);
    let sent = env.last_request("GET", "payments/find/").await;
    assert_eq!(sent["path"], format!("payments/find/{merchant_uid}/paid"));
    assert_eq!(sent["query"], "sorting=-paid");
    let none = client
        .find_payment(&merchant_uid, Some(PaymentStatus::Failed), None)
        .await
        .unwrap_err();
    assert_eq!(none.http_status(), Some(404));

    let all = client
        .find_all_payments(&merchant_uid, None, ListOptions::default())
        .await
        .unwrap();
    assert_eq!(all.list.len(), 1);
    let page = client
        .get_payments_by_status(
            Some(PaymentStatus::Paid),
            ListOptions {
                page: Some(1),
                limit: Some(10),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.next, 0);
    let everything = client
        .get_payments_by_status(None, ListOptions::default())
        .await
        .unwrap();
    assert_eq!(
        env.last_request("GET", "payments/status/").await["path"],
        "payments/status/all"
    );
    assert_eq!(everything.total, 1);
    assert!(client.get_payment_balance(&imp_uid).await.is_ok());
}

#[tokio::test]
async fn multi_lookup_reports_partial_answers() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let (a, _) = paid(&env, 1000).await;
    let (b, _) = paid(&env, 2000).await;
    let both = client
        .get_payments(&[a.clone(), b.clone()], &[])
        .await
        .unwrap();
    assert!(both.complete);
    assert_eq!(both.items.len(), 2);
    let sent = env.last_request("GET", "payments").await;
    assert_eq!(
        sent["query"],
        format!("imp_uid%5B%5D={a}&imp_uid%5B%5D={b}")
    );

    let partial = client
        .get_payments(&[a.clone(), "imp_000000000000".into()], &[])
        .await
        .unwrap();
    assert!(!partial.complete, "a 207 is never a plain success");
    assert_eq!(partial.items.len(), 1);
    assert_eq!(partial.missing, vec!["imp_000000000000".to_owned()]);
    let none = client
        .get_payments(&["imp_000000000000".into()], &[])
        .await
        .unwrap();
    assert!(none.items.is_empty() && !none.complete);
}

#[tokio::test]
async fn cancel_sends_a_checksum_and_refuses_a_stale_one() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let (imp_uid, _) = paid(&env, 10000).await;
    let after = client
        .cancel_payment(CancelPayment {
            amount: Some(3000.0),
            reason: Some("부분 환불".into()),
            ..CancelPayment::by_imp_uid(&imp_uid)
        })
        .await
        .unwrap();
    assert_eq!(after.cancel_amount, 3000.0);
    assert_eq!(
        after.status,
        PaymentStatus::Paid,
        "a partial cancel keeps it paid"
    );
    assert_eq!(after.cancel_history.len(), 1);
    assert_eq!(
        env.last_request("POST", "payments/cancel").await["body"],
        json!({"imp_uid": imp_uid, "amount": 3000, "checksum": 10000, "reason": "부분 환불"})
    );
    // A caller whose view is stale is refused by the server: HTTP 200 with code 1.
    let err = client
        .cancel_payment(CancelPayment {
            amount: Some(1000.0),
            checksum: Some(10000.0),
            ..CancelPayment::by_imp_uid(&imp_uid)
        })
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Api {
                http_status: 200,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        client
            .get_payment(&imp_uid, true)
            .await
            .unwrap()
            .cancel_amount,
        3000.0
    );
    // Full cancel of the rest by merchant_uid.
    let merchant_uid = after.merchant_uid.clone();
    let full = client
        .cancel_payment(CancelPayment::by_merchant_uid(&merchant_uid))
        .await
        .unwrap();
    assert_eq!(full.status, PaymentStatus::Cancelled);
    assert_eq!(full.cancel_amount, 10000.0);
    let body = env.last_request("POST", "payments/cancel").await["body"].clone();
    assert!(body.get("amount").is_none(), "{body}");
    assert_eq!(body["checksum"], 7000);
    let again = client
        .cancel_payment(CancelPayment::by_imp_uid(&imp_uid))
        .await
        .unwrap_err();
    assert_eq!(again.http_status(), Some(200));
}

#[tokio::test]
async fn prepare_update_read_and_block_a_mismatched_amount() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let prepared = client
        .prepare_payment("order-prep-1", 30000.0, Some("KRW"))
        .await
        .unwrap();
    assert_eq!(prepared.amount, 30000.0);
    assert_eq!(
        env.last_request("POST", "payments/prepare").await["body"],
        json!({"merchant_uid": "order-prep-1", "amount": 30000, "currency": "KRW"})
    );
    client
        .update_prepared_payment("order-prep-1", 25000.0, None)
        .await
        .unwrap();
    assert_eq!(
        client
            .get_prepared_payment("order-prep-1")
            .await
            .unwrap()
            .amount,
        25000.0
    );
    assert_eq!(
        client
            .get_prepared_payment("order-none")
            .await
            .unwrap_err()
            .http_status(),
        Some(404)
    );
    let status = env
        .admin_post_status(
            "iamport/payments",
            json!({"status": "paid", "amount": 100, "merchant_uid": "order-prep-1"}),
        )
        .await;
    assert_eq!(
        status, 409,
        "the browser payment with a forged amount is stopped"
    );
}

#[tokio::test]
async fn billing_keys_onetime_and_again() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let key = client
        .issue_billing_key(
            "cust-1",
            IssueBillingKey {
                card: card(),
                customer_name: Some("홍길동".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(key.customer_uid, "cust-1");
    let body = env.last_request("POST", "subscribe/customers/").await["body"].clone();
    assert_eq!(
        body,
        json!({"card_number": CARD, "expiry": "2028-12", "birth": "900101", "pwd_2digit": "12", "customer_name": "홍길동"})
    );
    assert_eq!(
        client.get_billing_key("cust-1").await.unwrap().customer_uid,
        "cust-1"
    );
    let some = client
        .get_billing_keys(&["cust-1".into(), "cust-none".into()])
        .await
        .unwrap();
    assert!(!some.complete);
    assert_eq!(some.missing, vec!["cust-none".to_owned()]);

    let first = client
        .pay_onetime(OnetimePayment {
            customer_uid: Some("cust-2".into()),
            name: Some("첫 결제".into()),
            ..OnetimePayment {
                merchant_uid: "order-one-1".into(),
                amount: 9900.0,
                card: card(),
                ..Default::default()
            }
        })
        .await
        .unwrap();
    assert_eq!(first.status, PaymentStatus::Paid);
    let again = client
        .pay_again(AgainPayment {
            customer_uid: "cust-2".into(),
            merchant_uid: "order-again-1".into(),
            amount: 9900.0,
            name: "정기".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(again.status, PaymentStatus::Paid);
    assert_eq!(
        env.last_request("POST", "subscribe/payments/again").await["body"],
        json!({"customer_uid": "cust-2", "merchant_uid": "order-again-1", "amount": 9900, "name": "정기"})
    );
    let payments = client
        .get_billing_key_payments("cust-2", Some(1))
        .await
        .unwrap();
    assert_eq!(payments.total, 2);

    let unknown = client
        .pay_again(AgainPayment {
            customer_uid: "cust-none".into(),
            merchant_uid: "order-again-2".into(),
            amount: 9900.0,
            name: "정기".into(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(
        matches!(
            unknown,
            Error::Api {
                http_status: 200,
                ..
            }
        ),
        "{unknown:?}"
    );
    let declined = client
        .pay_onetime(OnetimePayment {
            merchant_uid: "order-one-2".into(),
            amount: 9900.0,
            card: CardInput::new("4000-0000-0000-0000", "2028-12"),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(declined.code(), Some(&paywire::ErrorCode::Number(-1)));
    let failed = client
        .pay_again(AgainPayment {
            customer_uid: "cust-2".into(),
            merchant_uid: "order-again-3".into(),
            amount: 50.0,
            name: "소액".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        failed.status,
        PaymentStatus::Failed,
        "the second decline style: code 0, status failed"
    );
    assert!(failed.fail_reason.is_some());

    let deleted = client
        .delete_billing_key("cust-1", Some("해지"), None)
        .await
        .unwrap();
    assert_eq!(deleted.customer_uid, "cust-1");
    assert_eq!(
        env.last_request("DELETE", "subscribe/customers/").await["query"],
        "reason=%ED%95%B4%EC%A7%80"
    );
    assert_eq!(
        client
            .get_billing_key("cust-1")
            .await
            .unwrap_err()
            .http_status(),
        Some(404)
    );
}

#[tokio::test]
async fn schedules_register_execute_and_revoke() {
    let env = Env::start().await;
    let client = env.iamport_client();
    client
        .issue_billing_key(
            "cust-s",
            IssueBillingKey {
                card: card(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let now = chrono_now();
    let registered = client
        .schedule_payments(SchedulePayments {
            customer_uid: "cust-s".into(),
            schedules: vec![
                ScheduleItem::new("sched-1", now + 60, 9900.0, "1회차"),
                ScheduleItem::new("sched-2", now + 3600, 9900.0, "2회차"),
            ],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(registered.len(), 2);
    let body = env
        .last_request("POST", "subscribe/payments/schedule")
        .await["body"]
        .clone();
    assert_eq!(
        body["schedules"][0],
        json!({"merchant_uid": "sched-1", "schedule_at": now + 60, "currency": "KRW", "amount": 9900, "name": "1회차"})
    );
    assert_eq!(
        client
            .get_schedule("sched-1")
            .await
            .unwrap()
            .schedule_status,
        ScheduleStatus::Scheduled
    );
    let moved = client.update_schedule("sched-2", now + 7200).await.unwrap();
    let expected = u64::try_from(now + 7200).map(std::time::Duration::from_secs);
    assert_eq!(
        moved.schedule_at,
        expected
            .ok()
            .and_then(|d| std::time::UNIX_EPOCH.checked_add(d)),
        "unix seconds on the wire, a SystemTime in the model"
    );

    env.advance_clock(120).await;
    let executed = client.get_schedule("sched-1").await.unwrap();
    assert_eq!(executed.schedule_status, ScheduleStatus::Executed);
    assert_eq!(executed.payment_status, Some(PaymentStatus::Paid));
    let imp_uid = executed.imp_uid.expect("executed schedules have a payment");
    assert_eq!(
        client.get_payment(&imp_uid, true).await.unwrap().amount,
        9900.0
    );

    let range = client
        .get_schedules(now, now + 86_400, None, ListOptions::default())
        .await
        .unwrap();
    assert_eq!(range.total, 2);
    let by_customer = client
        .get_schedules_by_customer(
            "cust-s",
            now,
            now + 86_400,
            Some(ScheduleStatus::Scheduled),
            None,
        )
        .await
        .unwrap();
    assert_eq!(by_customer.list.len(), 1);
    assert!(env
        .last_request("GET", "subscribe/payments/schedule/customers/")
        .await["query"]
        .as_str()
        .unwrap()
        .contains("schedule-status=scheduled"));
    let of_key = client
        .get_billing_key_schedules("cust-s", now, now + 86_400, None, None)
        .await
        .unwrap();
    assert_eq!(of_key.total, 2);

    let revoked = client
        .unschedule_payments(Some("cust-s"), &["sched-2".into()])
        .await
        .unwrap();
    assert_eq!(revoked[0].schedule_status, ScheduleStatus::Revoked);
    assert_eq!(
        env.last_request("POST", "subscribe/payments/unschedule")
            .await["body"],
        json!({"customer_uid": "cust-s", "merchant_uid": ["sched-2"]})
    );
    let again = client
        .reschedule_payment("sched-2", now + 9000)
        .await
        .unwrap();
    assert_eq!(again.schedule_status, ScheduleStatus::Scheduled);
    client
        .unschedule_payments(None, &["sched-2".into()])
        .await
        .unwrap();
    let retried = client.retry_schedule("sched-2").await.unwrap();
    assert_eq!(retried.status, PaymentStatus::Paid);
    let nothing = client
        .unschedule_payments(Some("cust-none"), &[])
        .await
        .unwrap_err();
    assert_eq!(nothing.http_status(), Some(200));
}

fn chrono_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

#[tokio::test]
async fn virtual_accounts() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let due = chrono_now() + 86_400;
    let vbank = client
        .issue_vbank(IssueVbank {
            vbank_holder: Some("페이와이어".into()),
            name: Some("가상계좌 주문".into()),
            ..IssueVbank::new("order-vb-1", 50000.0, "088", due)
        })
        .await
        .unwrap();
    assert_eq!(vbank.status, PaymentStatus::Ready);
    assert!(vbank.vbank_num.is_some());
    let updated = client
        .update_vbank(&vbank.imp_uid, Some(45000.0), None)
        .await
        .unwrap();
    assert_eq!(updated.amount, 45000.0);
    assert_eq!(
        env.last_request("PUT", "vbanks/").await["body"],
        json!({"amount": 45000})
    );
    let revoked = client.revoke_vbank(&vbank.imp_uid).await.unwrap();
    assert_ne!(revoked.status, PaymentStatus::Ready);
    assert_eq!(
        client
            .revoke_vbank(&vbank.imp_uid)
            .await
            .unwrap_err()
            .http_status(),
        Some(400)
    );
    let holder = client
        .get_vbank_holder("088", "110123456789")
        .await
        .unwrap();
    assert!(!holder.bank_holder.is_empty());
}

#[tokio::test]
async fn otp_certification() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let pending = client
        .request_certification_otp(CertificationOtpRequest::new(
            "홍길동",
            "010-0000-0000",
            "900101",
            "1",
            "SKT",
        ))
        .await
        .unwrap();
    assert!(pending.imp_uid.starts_with("imp_"));
    assert!(client
        .confirm_certification_otp(&pending.imp_uid, "000000")
        .await
        .is_err());
    let certified = client
        .confirm_certification_otp(&pending.imp_uid, paywire_sandbox::SANDBOX_OTP)
        .await
        .unwrap();
    assert!(certified.certified);
    assert_eq!(
        client
            .get_certification(&pending.imp_uid)
            .await
            .unwrap()
            .imp_uid,
        pending.imp_uid
    );
    client.delete_certification(&pending.imp_uid).await.unwrap();
    assert_eq!(
        client
            .get_certification(&pending.imp_uid)
            .await
            .unwrap_err()
            .http_status(),
        Some(404)
    );
    let bad = client
        .request_certification_otp(CertificationOtpRequest::new(
            "홍길동",
            "01000000000",
            "900101",
            "9",
            "SKT",
        ))
        .await
        .unwrap_err();
    assert!(matches!(bad, Error::InvalidInput { ref field, .. } if field == "gender_digit"));
}

#[tokio::test]
async fn escrow_logistics() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let (imp_uid, _) = paid(&env, 30000).await;
    assert_eq!(
        client
            .get_escrow_logis(&imp_uid)
            .await
            .unwrap_err()
            .http_status(),
        Some(409)
    );
    let request = EscrowLogisRequest {
        sender: EscrowParty {
            name: Some("페이와이어".into()),
            tel: Some("0200000000".into()),
            ..Default::default()
        },
        receiver: EscrowParty {
            name: Some("홍길동".into()),
            postcode: Some("04524".into()),
            ..Default::default()
        },
        logis: EscrowShipment {
            company: "CJGLS".into(),
            invoice: "123456789".into(),
            sent_at: chrono_now(),
            ..Default::default()
        },
        ..Default::default()
    };
    let registered = client
        .register_escrow_logis(&imp_uid, request.clone())
        .await
        .unwrap();
    assert_eq!(registered.invoice, "123456789");
    let body = env.last_request("POST", "escrows/logis/").await["body"].clone();
    assert_eq!(body["logis"]["company"], "CJGLS");
    assert_eq!(
        body["receiver"],
        json!({"name": "홍길동", "postcode": "04524"})
    );
    assert_eq!(
        client
            .register_escrow_logis(&imp_uid, request.clone())
            .await
            .unwrap_err()
            .http_status(),
        Some(409)
    );
    let mut moved = request;
    moved.logis.invoice = "987654321".into();
    assert_eq!(
        client
            .update_escrow_logis(&imp_uid, moved)
            .await
            .unwrap()
            .invoice,
        "987654321"
    );
    assert_eq!(
        client.get_escrow_logis(&imp_uid).await.unwrap().invoice,
        "987654321"
    );
}

#[tokio::test]
async fn cash_receipts_and_codes() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let p = env
        .iamport_payment(json!({"status": "paid", "amount": 20000, "pay_method": "trans"}))
        .await;
    let imp_uid = p["imp_uid"].as_str().unwrap();
    let receipt = client
        .issue_cash_receipt(
            imp_uid,
            IssueCashReceipt {
                r#type: Some("person".into()),
                ..IssueCashReceipt::new("01000000000")
            },
        )
        .await
        .unwrap();
    assert_eq!(receipt.amount, 20000.0);
    assert_eq!(
        env.last_request("POST", "receipts/").await["body"],
        json!({"identifier": "01000000000", "type": "person"})
    );
    assert_eq!(
        client
            .issue_cash_receipt(imp_uid, IssueCashReceipt::new("01000000000"))
            .await
            .unwrap_err()
            .http_status(),
        Some(400)
    );
    assert!(client.get_cash_receipt(imp_uid).await.is_ok());
    client.revoke_cash_receipt(imp_uid).await.unwrap();

    let external = client
        .issue_external_cash_receipt(
            "cash-ext-1",
            IssueExternalCashReceipt {
                name: "현금 판매".into(),
                amount: 5000.0,
                identifier: "01000000000".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(external.amount, 5000.0);
    assert!(client.get_external_cash_receipt("cash-ext-1").await.is_ok());
    client
        .revoke_external_cash_receipt("cash-ext-1")
        .await
        .unwrap();

    let banks = client.get_banks().await.unwrap();
    assert!(banks.iter().any(|b| b.code.as_deref() == Some("088")));
    assert!(client.get_bank("088").await.unwrap().name.is_some());
    assert!(!client.get_cards().await.unwrap().is_empty());
    assert!(client.get_card("366").await.is_ok());
}

#[tokio::test]
async fn raw_request_returns_the_envelope_response() {
    let env = Env::start().await;
    let client = env.iamport_client();
    let (imp_uid, _) = paid(&env, 1000).await;
    let value = client
        .raw_request(paywire::RawRequest::get(format!("payments/{imp_uid}")))
        .await
        .unwrap();
    assert_eq!(value["imp_uid"], imp_uid.as_str());
}
