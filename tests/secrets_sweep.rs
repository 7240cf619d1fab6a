//! Every operation that takes a card, account or identity number (or a key) × every way it can fail ×
//! every channel paywire writes to: the value never appears. Failures: bad input, a 4xx whose message
//! echoes the value, a 5xx, a dropped connection, a timeout, an undecodable answer echoing the value, a
//! redirect. Channels: the error's `Display` and `Debug`, and `tracing` at TRACE.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use futures::future::BoxFuture;
use paywire::bootpay::{
    CancelPayment, IssueBillingKey, Refund, RequestAuthentication, RequestCashReceipt,
    RequestTransferBillingKey,
};
use paywire::{iamport, Error};
use paywire_tests::Env;
use serde_json::{json, Value};
use std::time::Duration;

const CARD: &str = "5570123412349876";
const CARD_PW: &str = "47";
const IDENTITY: &str = "9001011234567";
const BIRTH: &str = "900101";
const ACCOUNT: &str = "56211234567890";
const PRIVATE_KEY: &str = "sandbox-private-key";

/// How a call is made to fail. A server echoing the value back is tried for card, account and identity
/// numbers (runs of 8+ digits, which paywire masks in anything it quotes); a short value such as a birth
/// date can't be told from other numbers in a server's message, so it is not echoed.
fn failures(echo: &str) -> Vec<(&'static str, Value)> {
    let mut kinds = vec![
        ("5xx", json!({"status": 500})),
        ("drop", json!({"drop": true})),
        ("timeout", json!({"latency_ms": 600})),
        ("HTML", json!({"status": 502, "non_json": true})),
        (
            "redirect",
            json!({"status": 307, "headers": {"location": format!("http://127.0.0.1:9/x?v={echo}")}}),
        ),
    ];
    if echo.len() >= 8 && echo.chars().all(|c| c.is_ascii_digit()) {
        kinds.push(("4xx echoing the value", json!({"status": 400, "body": {"error_code": "RC_BAD", "code": 1, "message": format!("refused {echo}"), "response": null}})));
        kinds.push(("undecodable echo", json!({"body": {"code": 0, "receipt_id": 7, "response": {"imp_uid": 7, "card_number": echo}, "card_no": echo}})));
    }
    kinds
}

type Call = Box<dyn Fn() -> BoxFuture<'static, Result<(), Error>> + Send + Sync>;

struct Case {
    name: &'static str,
    provider: &'static str,
    method: &'static str,
    path: &'static str,
    secrets: &'static [&'static str],
    call: Call,
    /// The same call with one other field invalid: must fail before the network without echoing.
    invalid: Call,
}

fn bootpay(env: &Env) -> paywire::bootpay::Client {
    paywire::bootpay::Client::builder()
        .application_id(paywire_tests::APPLICATION_ID)
        .private_key(PRIVATE_KEY)
        .base_url(env.sandbox.bootpay_url())
        .timeout(Duration::from_millis(300))
        .retry(paywire_tests::quick_retries(1))
        .build()
        .unwrap()
}

fn card_key() -> IssueBillingKey {
    IssueBillingKey::new(
        "nicepay", "구독", "sub-1", CARD, "28", IDENTITY, "12", CARD_PW,
    )
}

fn cases(env: &Env, receipt_id: String, imp_uid: String) -> Vec<Case> {
    let b = bootpay(env);
    let i = env.iamport_with(Duration::from_millis(300));
    // `call!(client, request, |c, r| c.operation(r))`: the request is built when the call is made.
    macro_rules! call {
        ($client:ident, $request:expr, |$c:ident, $r:ident| $body:expr) => {{
            let $client = $client.clone();
            let make = $request;
            Box::new(move || {
                let $c = $client.clone();
                let $r = make();
                Box::pin(async move { $body.await.map(|_| ()) })
                    as BoxFuture<'static, Result<(), Error>>
            }) as Call
        }};
    }
    let transfer = || RequestTransferBillingKey {
        pg: "nicepay".into(),
        order_name: "자동이체".into(),
        subscription_id: "sub-t".into(),
        auth_type: "ARS".into(),
        username: "홍길동".into(),
        bank_name: "국민".into(),
        bank_account: ACCOUNT.into(),
        identity_no: IDENTITY.into(),
        ..RequestTransferBillingKey::default()
    };
    let cash = || RequestCashReceipt {
        order_id: "order-cash".into(),
        order_name: "현금영수증".into(),
        identity_no: IDENTITY.into(),
        cash_receipt_type: "소득공제".into(),
        price: 1000,
        ..RequestCashReceipt::default()
    };
    let auth = || RequestAuthentication {
        pg: "danal".into(),
        method: "auth".into(),
        authentication_id: "auth-1".into(),
        username: "홍길동".into(),
        identity_no: IDENTITY.into(),
        carrier: "SKT".into(),
        phone: "01000000000".into(),
        ..RequestAuthentication::default()
    };
    let refund_cancel = {
        let receipt_id = receipt_id.clone();
        move || CancelPayment {
            cancel_price: Some(100),
            refund: Some(Refund {
                bank_account: ACCOUNT.into(),
                bank_username: "홍길동".into(),
                bank_code: "004".into(),
            }),
            ..CancelPayment::new(&receipt_id)
        }
    };
    let iamport_card = || iamport::CardInput {
        birth: Some(BIRTH.into()),
        pwd_2digit: Some(CARD_PW.into()),
        ..iamport::CardInput::new(CARD, "2028-12")
    };
    let (c1, c2, c3, c4, c5) = (
        refund_cancel.clone(),
        refund_cancel,
        card_key,
        card_key,
        transfer,
    );
    let imp_uid2 = imp_uid.clone();
    vec![
        Case {
            name: "bootpay issue_billing_key",
            provider: "bootpay",
            method: "POST",
            path: "request/subscribe",
            secrets: &[CARD, IDENTITY, PRIVATE_KEY],
            call: call!(b, move || c3(), |c, r| c.issue_billing_key(r)),
            invalid: call!(
                b,
                move || IssueBillingKey {
                    pg: String::new(),
                    ..c4()
                },
                |c, r| c.issue_billing_key(r)
            ),
        },
        Case {
            name: "bootpay request_transfer_billing_key",
            provider: "bootpay",
            method: "POST",
            path: "request/subscribe/automatic-transfer",
            secrets: &[ACCOUNT, IDENTITY],
            call: call!(b, move || c5(), |c, r| c.request_transfer_billing_key(r)),
            invalid: call!(
                b,
                move || RequestTransferBillingKey {
                    price: Some(-1),
                    ..transfer()
                },
                |c, r| c.request_transfer_billing_key(r)
            ),
        },
        Case {
            name: "bootpay request_cash_receipt",
            provider: "bootpay",
            method: "POST",
            path: "request/cash/receipt",
            secrets: &[IDENTITY],
            call: call!(b, move || cash(), |c, r| c.request_cash_receipt(r)),
            invalid: call!(
                b,
                move || RequestCashReceipt { price: 0, ..cash() },
                |c, r| c.request_cash_receipt(r)
            ),
        },
        Case {
            name: "bootpay request_authentication",
            provider: "bootpay",
            method: "POST",
            path: "request/authentication",
            secrets: &[IDENTITY],
            call: call!(b, move || auth(), |c, r| c.request_authentication(r)),
            invalid: call!(
                b,
                move || RequestAuthentication {
                    pg: String::new(),
                    ..auth()
                },
                |c, r| c.request_authentication(r)
            ),
        },
        Case {
            name: "bootpay cancel with refund account",
            provider: "bootpay",
            method: "POST",
            path: "cancel",
            secrets: &[ACCOUNT],
            call: call!(b, move || c1(), |c, r| c.cancel_payment(r)),
            invalid: call!(
                b,
                move || CancelPayment {
                    cancel_price: Some(-5),
                    ..c2()
                },
                |c, r| c.cancel_payment(r)
            ),
        },
        Case {
            name: "iamport issue_billing_key",
            provider: "iamport",
            method: "POST",
            path: "subscribe/customers/*",
            secrets: &[CARD, BIRTH],
            call: call!(
                i,
                move || (
                    "cust-s",
                    iamport::IssueBillingKey {
                        card: iamport_card(),
                        ..Default::default()
                    }
                ),
                |c, r| c.issue_billing_key(r.0, r.1)
            ),
            invalid: call!(
                i,
                move || (
                    "",
                    iamport::IssueBillingKey {
                        card: iamport_card(),
                        ..Default::default()
                    }
                ),
                |c, r| c.issue_billing_key(r.0, r.1)
            ),
        },
        Case {
            name: "iamport pay_onetime",
            provider: "iamport",
            method: "POST",
            path: "subscribe/payments/onetime",
            secrets: &[CARD, BIRTH],
            call: call!(
                i,
                move || iamport::OnetimePayment {
                    merchant_uid: "order-s".into(),
                    amount: 1000.0,
                    card: iamport_card(),
                    ..Default::default()
                },
                |c, r| c.pay_onetime(r)
            ),
            invalid: call!(
                i,
                move || iamport::OnetimePayment {
                    merchant_uid: "order-s".into(),
                    amount: f64::NAN,
                    card: iamport_card(),
                    ..Default::default()
                },
                |c, r| c.pay_onetime(r)
            ),
        },
        Case {
            name: "iamport get_vbank_holder",
            provider: "iamport",
            method: "GET",
            path: "vbanks/holder",
            secrets: &[ACCOUNT],
            call: call!(i, move || ("004", ACCOUNT), |c, r| c
                .get_vbank_holder(r.0, r.1)),
            invalid: call!(i, move || ("", ACCOUNT), |c, r| c
                .get_vbank_holder(r.0, r.1)),
        },
        Case {
            name: "iamport cancel with refund account",
            provider: "iamport",
            method: "POST",
            path: "payments/cancel",
            secrets: &[ACCOUNT],
            call: call!(
                i,
                move || iamport::CancelPayment {
                    amount: Some(100.0),
                    refund_account: Some(ACCOUNT.into()),
                    refund_bank: Some("004".into()),
                    refund_holder: Some("홍길동".into()),
                    ..iamport::CancelPayment::by_imp_uid(&imp_uid)
                },
                |c, r| c.cancel_payment(r)
            ),
            invalid: call!(
                i,
                move || iamport::CancelPayment {
                    amount: Some(-1.0),
                    refund_account: Some(ACCOUNT.into()),
                    ..iamport::CancelPayment::by_imp_uid(&imp_uid2)
                },
                |c, r| c.cancel_payment(r)
            ),
        },
    ]
}

#[tokio::test]
async fn no_sensitive_value_reaches_any_channel_whatever_fails() {
    let trace = paywire_tests::TraceCapture::start();

    let env = Env::start().await;
    let receipt_id = env.receipt_id(1, 10000).await;
    let imp_uid = env
        .iamport_payment(json!({"status": "paid", "amount": 10000}))
        .await["imp_uid"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut checked = 0;
    for case in cases(&env, receipt_id, imp_uid) {
        let mut texts = Vec::new();
        let err = (case.invalid)().await.expect_err(case.name);
        assert!(
            matches!(err, Error::InvalidInput { .. }),
            "{}: {err:?}",
            case.name
        );
        texts.push(("invalid input".to_owned(), format!("{err} | {err:?}")));
        for secret in case.secrets {
            for (kind, mut fault) in failures(secret) {
                env.admin_delete("faults").await;
                fault["provider"] = json!(case.provider);
                fault["method"] = json!(case.method);
                fault["path"] = json!(case.path);
                env.fault(fault).await;
                if let Err(err) = (case.call)().await {
                    texts.push((kind.to_owned(), format!("{err} | {err:?}")));
                }
            }
        }
        env.admin_delete("faults").await;
        for (kind, text) in &texts {
            for secret in case.secrets {
                assert!(
                    !text.contains(secret),
                    "{} × {kind}: {secret} leaked: {text}",
                    case.name
                );
            }
            checked += 1;
        }
    }
    let logs = trace.text();
    assert!(
        logs.contains("request failed"),
        "the TRACE log was captured"
    );
    for secret in [CARD, IDENTITY, ACCOUNT, BIRTH, PRIVATE_KEY] {
        assert!(!logs.contains(secret), "{secret} leaked in the log");
    }
    assert!(checked > 60, "{checked} error texts checked");
}
