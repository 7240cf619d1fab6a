//! The dashboard over plain HTTP (the browser test drives it in Chromium): the customer flow
//! through its forms, the state and webhooks it causes, and redaction in the request log.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use paywire_sandbox::{Sandbox, SandboxConfig};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

async fn start() -> (Sandbox, Client) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let sb = Sandbox::start(SandboxConfig {
        // A receiver nobody listens on: deliveries fail fast, and are recorded.
        webhook_url: Some("http://127.0.0.1:9/hook".into()),
        webhook_backoff_base: Duration::from_millis(1),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let http = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    (sb, http)
}

/// Posts a form; answers the `focus` of the redirect and its message.
async fn post_form(http: &Client, url: String, form: &[(&str, &str)]) -> (String, String) {
    let encoded = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form)
        .finish();
    let resp = http
        .post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(encoded)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let location = resp.headers()["location"].to_str().unwrap().to_string();
    let query = location.split_once('?').map(|(_, q)| q).unwrap_or("");
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    (get("focus"), get("msg"))
}

async fn page(http: &Client, sb: &Sandbox) -> String {
    let resp = http.get(format!("{}/", sb.url())).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    resp.text().await.unwrap()
}

#[tokio::test]
async fn checkout_confirm_cancel_through_the_forms() {
    let (sb, http) = start().await;
    let (id, msg) = post_form(
        &http,
        format!("{}/dashboard/checkout", sb.url()),
        &[
            ("provider", "bootpay"),
            ("amount", "4200"),
            ("outcome", "confirm"),
            ("order_id", "order-dash"),
        ],
    )
    .await;
    assert_eq!(id.len(), 24, "{msg}");
    assert!(msg.contains("승인대기 / Awaiting confirmation"), "{msg}");
    let html = page(&http, &sb).await;
    assert!(html.contains(&format!(
        "id=\"pay-{id}\" data-provider=\"bootpay\" data-status=\"2\""
    )));
    assert!(html.contains(&format!("/dashboard/bootpay/{id}/confirm")));

    let (_, msg) = post_form(
        &http,
        format!("{}/dashboard/bootpay/{id}/confirm", sb.url()),
        &[],
    )
    .await;
    assert!(msg.contains("결제완료 / paid"), "{msg}");
    let (_, msg) = post_form(
        &http,
        format!("{}/dashboard/bootpay/{id}/cancel", sb.url()),
        &[("amount", "200")],
    )
    .await;
    assert!(msg.contains("부분취소 / Partially cancelled"), "{msg}");
    let (_, msg) = post_form(
        &http,
        format!("{}/dashboard/bootpay/{id}/cancel", sb.url()),
        &[("amount", "")],
    )
    .await;
    assert!(msg.contains("결제취소 / Cancelled"), "{msg}");
    // Confirming again is refused with the API's own message.
    let (_, msg) = post_form(
        &http,
        format!("{}/dashboard/bootpay/{id}/confirm", sb.url()),
        &[],
    )
    .await;
    assert!(msg.contains("status 20"), "{msg}");

    // The webhooks: completed, partially cancelled, cancelled.
    let mut events = Vec::new();
    for _ in 0..300 {
        let all: Value = http
            .get(format!("{}/__admin/webhooks", sb.url()))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        events = all["deliveries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["event"].as_str().unwrap().to_string())
            .collect();
        if events.len() == 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(
        events,
        [
            "PAYMENT_COMPLETED",
            "PAYMENT_PARTIAL_CANCELLED",
            "PAYMENT_CANCELLED"
        ]
    );
    let html = page(&http, &sb).await;
    assert!(html.contains("data-event=\"PAYMENT_CANCELLED\""));
    assert!(html.contains("/dashboard/webhooks/3/resend"));
    let (_, msg) = post_form(
        &http,
        format!("{}/dashboard/webhooks/3/resend", sb.url()),
        &[],
    )
    .await;
    assert!(msg.contains("sent again as #4"), "{msg}");
}

#[tokio::test]
async fn iamport_vbank_deposit_and_cancel_and_card_decline() {
    let (sb, http) = start().await;
    let (id, msg) = post_form(
        &http,
        format!("{}/dashboard/checkout", sb.url()),
        &[
            ("provider", "iamport"),
            ("amount", "3000"),
            ("outcome", "vbank"),
        ],
    )
    .await;
    assert!(id.starts_with("imp_"), "{msg}");
    let (_, msg) = post_form(
        &http,
        format!("{}/dashboard/iamport/{id}/deposit", sb.url()),
        &[],
    )
    .await;
    assert!(msg.contains("paid"), "{msg}");
    let (_, msg) = post_form(
        &http,
        format!("{}/dashboard/iamport/{id}/cancel", sb.url()),
        &[],
    )
    .await;
    assert!(msg.contains("결제취소 / Cancelled"), "{msg}");
    let html = page(&http, &sb).await;
    assert!(html.contains(&format!(
        "id=\"pay-{id}\" data-provider=\"iamport\" data-status=\"cancelled\""
    )));

    let (declined, msg) = post_form(
        &http,
        format!("{}/dashboard/checkout", sb.url()),
        &[
            ("provider", "iamport"),
            ("amount", "3000"),
            ("outcome", "fail"),
        ],
    )
    .await;
    assert!(msg.contains("결제실패 / Failed"), "{msg}");
    assert!(page(&http, &sb).await.contains(&format!(
        "id=\"pay-{declined}\" data-provider=\"iamport\" data-status=\"failed\""
    )));
    let (none, msg) = post_form(
        &http,
        format!("{}/dashboard/checkout", sb.url()),
        &[
            ("provider", "bootpay"),
            ("amount", "3000"),
            ("outcome", "fail"),
        ],
    )
    .await;
    assert!(none.is_empty() && msg.contains("card declined"), "{msg}");
}

#[tokio::test]
async fn the_request_log_redacts_card_data_and_secrets() {
    let (sb, http) = start().await;
    http.post(format!("{}/v2/request/token", sb.url()))
        .json(&json!({"application_id": "sandbox-application-id", "private_key": "sandbox-private-key"}))
        .send()
        .await
        .unwrap();
    http.post(format!("{}/v2/request/subscribe", sb.url()))
        .json(
            &json!({"card_no": "5365100000001234", "card_pw": "12", "card_identity_no": "900101"}),
        )
        .send()
        .await
        .unwrap();
    http.get(format!(
        "{}/iamport/vbanks/holder?bank_code=088&bank_num=110123456789",
        sb.url()
    ))
    .send()
    .await
    .unwrap();
    let html = page(&http, &sb).await;
    for secret in [
        "sandbox-private-key",
        "5365100000001234",
        "900101",
        "110123456789",
    ] {
        assert!(!html.contains(secret), "{secret} is on the page");
    }
    assert!(html.contains("/v2/request/subscribe"));
    assert!(html.contains("bank_num=***"));

    // Faults and the clock from the page.
    let (_, msg) = post_form(
        &http,
        format!("{}/dashboard/faults", sb.url()),
        &[
            ("provider", "bootpay"),
            ("path", "confirm"),
            ("status", "307"),
            ("location", "http://127.0.0.1:1/x"),
            ("times", "1"),
        ],
    )
    .await;
    assert!(msg.contains("armed"), "{msg}");
    assert!(page(&http, &sb).await.contains("127.0.0.1:1/x"));
    let (_, msg) = post_form(&http, format!("{}/dashboard/faults/clear", sb.url()), &[]).await;
    assert!(msg.contains("cleared"));
    let (_, msg) = post_form(
        &http,
        format!("{}/dashboard/clock", sb.url()),
        &[("seconds", "1e13")],
    )
    .await;
    assert!(msg.contains("seconds must be"), "{msg}");
}
