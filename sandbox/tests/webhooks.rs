//! Webhooks delivered for real, to a small axum receiver in the test: the payloads of both
//! providers, per-payment receivers, retries until the receiver accepts, the record of every
//! attempt, and resending.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use paywire_sandbox::{IamportFormat, Sandbox, SandboxConfig};
use reqwest::{Client, Method};
use serde_json::{json, Value};

/// What the receiver got, and the answers it gives in turn (then the default).
#[derive(Default)]
struct Inbox {
    got: Vec<(String, Bytes)>,
    script: VecDeque<(u16, &'static str)>,
    default: Option<(u16, &'static str)>,
}

struct Receiver {
    inbox: Arc<Mutex<Inbox>>,
    url: String,
}

async fn receive(
    State(inbox): State<Arc<Mutex<Inbox>>>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, String) {
    let mut inbox = inbox.lock().unwrap();
    let content_type = headers
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    inbox.got.push((content_type, body));
    let (status, answer) = inbox
        .script
        .pop_front()
        .or(inbox.default)
        .unwrap_or((200, r#"{"success": true}"#));
    (StatusCode::from_u16(status).unwrap(), answer.to_string())
}

async fn receiver() -> Receiver {
    let inbox = Arc::new(Mutex::new(Inbox::default()));
    let app = Router::new()
        .route("/hook", post(receive))
        .with_state(inbox.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Receiver {
        inbox,
        url: format!("http://{addr}/hook"),
    }
}

impl Receiver {
    fn script(&self, answers: &[(u16, &'static str)]) {
        self.inbox
            .lock()
            .unwrap()
            .script
            .extend(answers.iter().copied());
    }

    fn json_bodies(&self) -> Vec<Value> {
        self.inbox
            .lock()
            .unwrap()
            .got
            .iter()
            .map(|(_, b)| serde_json::from_slice(b).unwrap())
            .collect()
    }

    fn count(&self) -> usize {
        self.inbox.lock().unwrap().got.len()
    }
}

struct Ctx {
    sb: Sandbox,
    http: Client,
}

async fn sandbox(webhook_url: Option<String>) -> Ctx {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let sb = Sandbox::start(SandboxConfig {
        webhook_url,
        webhook_backoff_base: Duration::from_millis(5),
        webhook_timeout: Duration::from_secs(2),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    Ctx {
        sb,
        http: Client::new(),
    }
}

impl Ctx {
    async fn admin(&self, method: Method, path: &str, body: Value) -> Value {
        let mut req = self
            .http
            .request(method, format!("{}/__admin/{path}", self.sb.url()));
        if !body.is_null() {
            req = req.json(&body);
        }
        let resp = req.send().await.unwrap();
        let status = resp.status();
        let body: Value = resp.json().await.unwrap();
        assert!(status.is_success(), "admin {path}: {status} {body}");
        body
    }

    async fn deliveries(&self) -> Vec<Value> {
        let all = self.admin(Method::GET, "webhooks", Value::Null).await;
        all["deliveries"].as_array().unwrap().clone()
    }

    /// Waits until `n` deliveries exist and none is pending.
    async fn settled(&self, n: usize) -> Vec<Value> {
        for _ in 0..500 {
            let d = self.deliveries().await;
            if d.len() >= n && d.iter().all(|d| d["state"] != "pending") {
                return d;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("deliveries did not settle: {:#?}", self.deliveries().await);
    }

    async fn bootpay_token(&self) -> String {
        let body: Value = self
            .http
            .post(format!("{}/request/token", self.sb.bootpay_url()))
            .json(&json!({
                "application_id": "sandbox-application-id",
                "private_key": "sandbox-private-key",
            }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        body["access_token"].as_str().unwrap().to_string()
    }

    async fn bootpay(&self, token: &str, path: &str, body: Value) -> Value {
        self.http
            .post(format!("{}/{path}", self.sb.bootpay_url()))
            .bearer_auth(token)
            .header("BOOTPAY-API-VERSION", "5.1.0")
            .json(&body)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    async fn iamport(&self, path: &str, body: Value) -> Value {
        let token: Value = self
            .http
            .post(format!("{}/users/getToken", self.sb.iamport_url()))
            .json(&json!({"imp_key": "sandbox-imp-key", "imp_secret": "sandbox-imp-secret"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let token = token["response"]["access_token"].as_str().unwrap();
        self.http
            .post(format!("{}/{path}", self.sb.iamport_url()))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }
}

#[tokio::test]
async fn bootpay_confirm_and_cancel_are_delivered_with_retries_until_success() {
    let hook = receiver().await;
    let ctx = sandbox(Some(hook.url.clone())).await;
    let token = ctx.bootpay_token().await;
    let r = ctx
        .admin(
            Method::POST,
            "bootpay/receipts",
            json!({"status": 2, "price": 1000, "order_id": "order-1"}),
        )
        .await;
    let id = r["receipt_id"].as_str().unwrap().to_string();
    // Awaiting confirmation is not an event.
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(hook.count(), 0);

    // Two refusals (a 500 and a 200 without success), then acceptance.
    hook.script(&[(500, "oops"), (200, r#"{"success": false}"#)]);
    let confirmed = ctx
        .bootpay(&token, "confirm", json!({"receipt_id": id}))
        .await;
    assert_eq!(confirmed["status"], 1);
    let d = ctx.settled(1).await;
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0]["state"], "delivered");
    assert_eq!(d[0]["provider"], "bootpay");
    assert_eq!(d[0]["event"], "PAYMENT_COMPLETED");
    let attempts = d[0]["attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 3);
    assert_eq!(attempts[0]["status"], 500);
    assert_eq!(attempts[0]["answer"], "oops");
    assert_eq!(attempts[1]["accepted"], false);
    assert_eq!(attempts[2]["accepted"], true);
    let bodies = hook.json_bodies();
    assert_eq!(bodies.len(), 3);
    assert_eq!(bodies[2]["receipt_id"], json!(id));
    assert_eq!(bodies[2]["webhook_type"], "PAYMENT_COMPLETED");
    assert_eq!(bodies[2]["status"], 1);
    assert_eq!(bodies[2]["price"], 1000);

    // A partial then a full cancel.
    ctx.bootpay(
        &token,
        "cancel",
        json!({"receipt_id": id, "cancel_price": 300, "cancel_id": "c1"}),
    )
    .await;
    ctx.bootpay(
        &token,
        "cancel",
        json!({"receipt_id": id, "cancel_id": "c2"}),
    )
    .await;
    let d = ctx.settled(3).await;
    assert_eq!(d[1]["event"], "PAYMENT_PARTIAL_CANCELLED");
    assert_eq!(d[1]["payload"]["cancelled_price"], 300);
    assert_eq!(d[2]["event"], "PAYMENT_CANCELLED");
    assert_eq!(d[2]["payload"]["cancelled_price"], 1000);

    // Resend: a new delivery of the same payload.
    let again = ctx
        .admin(Method::POST, "webhooks/1/resend", Value::Null)
        .await;
    assert_eq!(again["resend_of"], 1);
    let d = ctx.settled(4).await;
    assert_eq!(d[3]["state"], "delivered");
    assert_eq!(d[3]["payload"], d[0]["payload"]);
    assert_eq!(hook.json_bodies().last().unwrap()["receipt_id"], json!(id));
}

#[tokio::test]
async fn bootpay_gives_up_after_ten_retries_and_vbank_events_are_sent() {
    let hook = receiver().await;
    hook.inbox.lock().unwrap().default = Some((200, "not json"));
    let ctx = sandbox(None).await;
    // Per-payment receiver only (no sandbox-wide one).
    let r = ctx
        .admin(
            Method::POST,
            "bootpay/receipts",
            json!({"status": 5, "price": 5000, "webhook_url": hook.url}),
        )
        .await;
    let id = r["receipt_id"].as_str().unwrap().to_string();
    let d = ctx.settled(1).await;
    assert_eq!(d[0]["event"], "PAYMENT_VIRTUAL_ACCOUNT_ISSUED");
    assert_eq!(d[0]["state"], "failed");
    assert_eq!(d[0]["attempts"].as_array().unwrap().len(), 11);
    assert_eq!(hook.count(), 11);

    hook.inbox.lock().unwrap().default = None;
    ctx.admin(
        Method::POST,
        &format!("bootpay/receipts/{id}/deposit"),
        Value::Null,
    )
    .await;
    let d = ctx.settled(2).await;
    assert_eq!(d[1]["event"], "PAYMENT_COMPLETED");
    assert_eq!(d[1]["state"], "delivered");
    assert_eq!(d[1]["payload"]["method_symbol"], "vbank");

    // Another payment without a receiver is not sent anywhere.
    ctx.admin(Method::POST, "bootpay/receipts", json!({"price": 100}))
        .await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(ctx.deliveries().await.len(), 2);
}

#[tokio::test]
async fn iamport_notice_url_json_and_form_and_the_enable_webhook_rule() {
    let hook = receiver().await;
    let ctx = sandbox(None).await;
    // notice_url registered by prepare, used when the payment is made.
    ctx.iamport(
        "payments/prepare",
        json!({"merchant_uid": "m-1", "amount": 1000, "notice_url": hook.url}),
    )
    .await;
    hook.script(&[(502, "bad gateway")]);
    let p = ctx
        .admin(
            Method::POST,
            "iamport/payments",
            json!({"merchant_uid": "m-1", "amount": 1000, "status": "paid"}),
        )
        .await;
    let imp_uid = p["imp_uid"].as_str().unwrap().to_string();
    let d = ctx.settled(1).await;
    assert_eq!(d[0]["state"], "delivered");
    assert_eq!(d[0]["attempts"].as_array().unwrap().len(), 2);
    assert_eq!(
        hook.json_bodies()[1],
        json!({"imp_uid": imp_uid, "merchant_uid": "m-1", "status": "paid"})
    );

    // An API cancel without enable_webhook sends nothing.
    ctx.iamport(
        "payments/cancel",
        json!({"imp_uid": imp_uid, "amount": 100}),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(ctx.deliveries().await.len(), 1);
    // With it: `cancelled`, with the cancellation_id.
    let cancelled = ctx
        .iamport(
            "payments/cancel",
            json!({"imp_uid": imp_uid, "enable_webhook": true}),
        )
        .await;
    let d = ctx.settled(2).await;
    let last_cancel = cancelled["response"]["cancel_history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()["cancellation_id"]
        .clone();
    assert_eq!(d[1]["payload"]["status"], "cancelled");
    assert_eq!(d[1]["payload"]["cancellation_id"], last_cancel);

    // Form encoding, and a retry count that ends: 1 + 5 attempts.
    ctx.admin(
        Method::POST,
        "config",
        json!({"iamport_webhook_format": "form", "webhook_url": hook.url}),
    )
    .await;
    hook.inbox.lock().unwrap().default = Some((500, "down"));
    let before = hook.count();
    let v = ctx
        .admin(
            Method::POST,
            "iamport/payments",
            json!({"amount": 3000, "status": "ready", "pay_method": "vbank", "merchant_uid": "m-2"}),
        )
        .await;
    let d = ctx.settled(3).await;
    assert_eq!(d[2]["state"], "failed");
    assert_eq!(d[2]["attempts"].as_array().unwrap().len(), 6);
    let got = hook.inbox.lock().unwrap().got[before].clone();
    assert_eq!(got.0, "application/x-www-form-urlencoded");
    let form = String::from_utf8(got.1.to_vec()).unwrap();
    assert_eq!(
        form,
        format!(
            "imp_uid={}&merchant_uid=m-2&status=ready",
            v["imp_uid"].as_str().unwrap()
        )
    );
    assert_eq!(
        ctx.admin(Method::GET, "config", Value::Null).await["iamport_webhook_format"],
        "form"
    );
    let _ = IamportFormat::Json;
}

#[tokio::test]
async fn configuring_a_receiver_later_does_not_replay_the_past_and_bad_urls_are_refused() {
    let hook = receiver().await;
    let ctx = sandbox(None).await;
    ctx.admin(Method::POST, "bootpay/receipts", json!({"price": 100}))
        .await;
    ctx.admin(Method::POST, "config", json!({"webhook_url": hook.url}))
        .await;
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(ctx.deliveries().await.len(), 0);
    ctx.admin(Method::POST, "bootpay/receipts", json!({"price": 200}))
        .await;
    let d = ctx.settled(1).await;
    assert_eq!(d[0]["payload"]["price"], 200);

    for bad in [json!("ftp://x"), json!("not a url"), json!(5)] {
        let resp = ctx
            .http
            .post(format!("{}/__admin/config", ctx.sb.url()))
            .json(&json!({ "webhook_url": bad }))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
        let body: Value = resp.json().await.unwrap();
        assert_eq!(body["field"], "webhook_url");
    }
    let cleared = ctx
        .admin(Method::POST, "config", json!({"webhook_url": null}))
        .await;
    assert_eq!(cleared["webhook_url"], Value::Null);
}

#[tokio::test]
async fn executed_reservations_and_schedules_are_delivered_to_their_own_receivers() {
    let hook = receiver().await;
    let ctx = sandbox(None).await;
    let token = ctx.bootpay_token().await;
    let issued = ctx
        .bootpay(
            &token,
            "request/subscribe",
            json!({
                "subscription_id": "sub-1", "order_name": "plan", "pg": "nicepay",
                "card_no": "5365100000001234", "card_pw": "00", "card_identity_no": "900101",
                "card_expire_year": "30", "card_expire_month": "12",
            }),
        )
        .await;
    let billing_key = issued["billing_key"].as_str().unwrap().to_string();
    let at = chrono::Utc::now() + chrono::TimeDelta::hours(1);
    let reserved = ctx
        .bootpay(
            &token,
            "subscribe/payment/reserve",
            json!({
                "billing_key": billing_key, "order_name": "monthly", "order_id": "res-1",
                "price": 9900, "reserve_execute_at": at.to_rfc3339(), "feedback_url": hook.url,
            }),
        )
        .await;
    assert!(reserved["reserve_id"].is_string(), "{reserved}");
    // Nothing until the clock passes the time; then the run is a paid receipt, delivered.
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(hook.count(), 0);
    ctx.admin(Method::POST, "clock/advance", json!({"seconds": 3700}))
        .await;
    let d = ctx.settled(1).await;
    assert_eq!(d[0]["event"], "PAYMENT_COMPLETED");
    assert_eq!(d[0]["payload"]["order_id"], "res-1");
    assert_eq!(d[0]["payload"]["price"], 9900);

    // iamport: a schedule that pays and one that fails (under 100), each to its notice_url.
    let now = chrono::Utc::now().timestamp() + 3700;
    let scheduled = ctx
        .iamport(
            "subscribe/payments/schedule",
            json!({
                "customer_uid": "cust-1", "card_number": "5365-1000-0000-1234",
                "expiry": "2030-12", "birth": "900101",
                "schedules": [
                    {"merchant_uid": "sch-ok", "schedule_at": now + 60, "amount": 5000, "name": "ok", "notice_url": hook.url},
                    {"merchant_uid": "sch-low", "schedule_at": now + 60, "amount": 50, "name": "low", "notice_url": hook.url},
                ],
            }),
        )
        .await;
    assert_eq!(scheduled["code"], 0, "{scheduled}");
    ctx.admin(Method::POST, "clock/advance", json!({"seconds": 120}))
        .await;
    let d = ctx.settled(3).await;
    let mut got: Vec<(String, String)> = d[1..]
        .iter()
        .map(|d| {
            (
                d["payload"]["merchant_uid"].as_str().unwrap().to_string(),
                d["payload"]["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("sch-low".to_string(), "failed".to_string()),
            ("sch-ok".to_string(), "paid".to_string())
        ]
    );
}
