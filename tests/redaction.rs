//! Secrets never appear in `Debug`, `Display` of errors, or logs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use paywire::bootpay::{Client, IssueBillingKey, RequestAuthentication};
use paywire_tests::{Env, PRIVATE_KEY, SECRET_KEY};
use serde_json::json;

const CARD: &str = "5570123412341234";
const IDENTITY: &str = "9001011";

#[tokio::test]
async fn no_secret_in_debug_errors_or_trace_logs() {
    let trace = paywire_tests::TraceCapture::start();

    let env = Env::start().await;
    let builder = Client::builder()
        .application_id(paywire_tests::APPLICATION_ID)
        .private_key(PRIVATE_KEY)
        .client_key("ck")
        .secret_key(SECRET_KEY)
        .base_url(env.sandbox.bootpay_url());
    let builder_debug = format!("{builder:?}");
    let token_client = env.token_client();
    let token = token_client.get_access_token().await.unwrap();
    let token_value = token.access_token.expose().to_owned();
    assert!(!token_value.is_empty());

    let request = IssueBillingKey::new(
        "nicepay",
        "구독",
        "sub-secret",
        CARD,
        "12",
        IDENTITY,
        "28",
        "12",
    );
    let request_debug = format!("{request:?}");
    // A failing call with secrets in its body: the error must not echo them.
    env.fault(json!({"path": "request/subscribe", "status": 400, "body": {"error_code": "RC_CARD", "message": "card refused"}})).await;
    let err = token_client.issue_billing_key(request).await.unwrap_err();
    let auth = RequestAuthentication {
        identity_no: IDENTITY.into(),
        ..RequestAuthentication::default()
    };
    let texts = [
        builder_debug,
        format!("{token_client:?}"),
        format!("{token:?}"),
        request_debug,
        format!("{auth:?}"),
        format!("{err:?}"),
        err.to_string(),
        trace.text(),
    ];
    for text in &texts {
        for secret in [
            PRIVATE_KEY,
            SECRET_KEY,
            CARD,
            IDENTITY,
            token_value.as_str(),
        ] {
            assert!(
                !text.contains(secret),
                "secret {secret:?} leaked in: {text}"
            );
        }
    }
    assert!(texts[0].contains("***"));
    assert!(!trace.text().is_empty(), "the trace log was captured");
}

#[test]
fn iamport_secrets_never_print() {
    let builder = paywire::iamport::Client::builder()
        .imp_key("key")
        .imp_secret("imp-secret-value");
    let card = paywire::iamport::CardInput {
        birth: Some("900101".into()),
        pwd_2digit: Some("12".into()),
        ..paywire::iamport::CardInput::new(CARD, "2028-12")
    };
    let onetime = paywire::iamport::OnetimePayment {
        merchant_uid: "o".into(),
        amount: 1.0,
        card,
        ..Default::default()
    };
    let texts = [format!("{builder:?}"), format!("{onetime:?}")];
    for text in &texts {
        for secret in ["imp-secret-value", CARD, "900101", "2028-12"] {
            assert!(!text.contains(secret), "{secret:?} leaked in: {text}");
        }
    }
}
