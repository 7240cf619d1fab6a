//! Smoke test of the sandbox over real HTTP: token, auth, receipts, confirm/cancel, the PG
//! failure rule, faults (including a dropped connection), counters and recorded requests.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use paywire_sandbox::{Sandbox, SandboxConfig};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};

struct Ctx {
    sb: Sandbox,
    http: Client,
    token: String,
}

async fn setup() -> Ctx {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let sb = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let http = Client::new();
    let token = issue_token(&http, &sb).await["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    Ctx { sb, http, token }
}

async fn issue_token(http: &Client, sb: &Sandbox) -> Value {
    let resp = http
        .post(format!("{}/request/token", sb.bootpay_url()))
        .json(&json!({
            "application_id": "sandbox-application-id",
            "private_key": "sandbox-private-key",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    resp.json().await.unwrap()
}

impl Ctx {
    /// An authorized Bootpay call; answers status and parsed body.
    async fn call(&self, method: Method, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        let mut req = self
            .http
            .request(method, format!("{}/{path}", self.sb.bootpay_url()))
            .bearer_auth(&self.token)
            .header("BOOTPAY-API-VERSION", "5.1.0");
        if let Some(body) = body {
            req = req.json(&body);
        }
        let resp = req.send().await.unwrap();
        (resp.status(), resp.json().await.unwrap())
    }

    async fn admin(&self, method: Method, path: &str, body: Value) -> Value {
        let mut req = self
            .http
            .request(method, format!("{}/__admin/{path}", self.sb.url()));
        if !body.is_null() {
            req = req.json(&body);
        }
        let resp = req.send().await.unwrap();
        assert!(
            resp.status().is_success(),
            "admin {path}: {}",
            resp.status()
        );
        resp.json().await.unwrap()
    }

    async fn receipt(&self, status: i64, price: i64) -> String {
        let r = self
            .admin(
                Method::POST,
                "bootpay/receipts",
                json!({"status": status, "price": price}),
            )
            .await;
        r["receipt_id"].as_str().unwrap().to_string()
    }
}

#[tokio::test]
async fn token_is_reused_and_auth_is_required() {
    let ctx = setup().await;
    let again = issue_token(&ctx.http, &ctx.sb).await;
    assert_eq!(again["access_token"], json!(ctx.token));
    assert_eq!(again["expire_in"], json!(1800));

    let url = format!("{}/receipt/unknown", ctx.sb.bootpay_url());
    let resp = ctx.http.get(&url).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["error_code"], "AUTH_TOKEN_INVALID");

    // After the 25-minute window a new token is issued; after 30 the old one is expired.
    ctx.admin(Method::POST, "clock/advance", json!({"seconds": 1501}))
        .await;
    let fresh = issue_token(&ctx.http, &ctx.sb).await;
    assert_ne!(fresh["access_token"], json!(ctx.token));
    ctx.admin(Method::POST, "clock/advance", json!({"seconds": 300}))
        .await;
    let (status, body) = ctx.call(Method::GET, "receipt/unknown", None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["error_code"], "AUTH_TOKEN_EXPIRED");
}

#[tokio::test]
async fn admin_receipt_lookup_and_confirm() {
    let ctx = setup().await;
    let id = ctx.receipt(2, 1000).await;
    assert_eq!(id.len(), 24);
    let (status, r) = ctx.call(Method::GET, &format!("receipt/{id}"), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(r["status"], 2);
    assert_eq!(r["price"], 1000);
    assert_eq!(r["card_data"]["card_no"], "5365********1234");
    assert!(r.get("purchased_at").is_none());

    let (status, r) = ctx
        .call(Method::POST, "confirm", Some(json!({"receipt_id": id})))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(r["status"], 1);
    assert!(r["purchased_at"].as_str().unwrap().ends_with("+09:00"));

    let (status, r) = ctx
        .call(Method::POST, "confirm", Some(json!({"receipt_id": id})))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(r["error_code"], "RC_CONFIRM_NOT_ALLOWED");

    let (status, r) = ctx.call(Method::GET, "receipt/nope", None).await;
    assert_eq!(
        (status, r["error_code"].clone()),
        (StatusCode::NOT_FOUND, json!("RC_NOT_FOUND"))
    );
}

#[tokio::test]
async fn partial_cancels_add_up_and_cancel_id_is_idempotent() {
    let ctx = setup().await;
    let id = ctx.receipt(1, 10_000).await;
    let cancel = |price: Option<i64>, cancel_id: &str| {
        let mut body = json!({"receipt_id": id, "cancel_id": cancel_id});
        if let Some(p) = price {
            body["cancel_price"] = json!(p);
        }
        ctx.call(Method::POST, "cancel", Some(body))
    };
    let (status, r) = cancel(Some(3000), "c-1").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (r["status"].clone(), r["cancelled_price"].clone()),
        (json!(20), json!(3000))
    );

    let (status, r) = cancel(Some(3000), "c-1").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(r["error_code"], "RC_CANCEL_ID_DUPLICATE");

    let (_, r) = cancel(Some(8000), "c-2").await;
    assert_eq!(r["error_code"], "RC_CANCEL_PRICE_EXCEEDED");

    let (status, r) = cancel(None, "c-3").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(r["cancelled_price"], 10_000);
    assert_eq!(r["cancel_history"].as_array().unwrap().len(), 2);

    let (_, r) = cancel(None, "c-4").await;
    assert_eq!(r["error_code"], "RC_ALREADY_CANCELLED");
    let hook = ctx
        .admin(Method::GET, &format!("bootpay/webhook/{id}"), Value::Null)
        .await;
    assert_eq!(hook["webhook_type"], "PAYMENT_CANCELLED");
}

#[tokio::test]
async fn charges_under_100_won_fail_like_nicepay() {
    let ctx = setup().await;
    let (status, key) = ctx
        .call(
            Method::POST,
            "request/subscribe",
            Some(json!({
                "pg": "nicepay", "order_name": "plan", "subscription_id": "sub-1",
                "card_no": "5365101234561234", "card_pw": "12", "card_identity_no": "900101",
                "card_expire_year": "30", "card_expire_month": "12",
            })),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(key["status"], 11);
    let pay = |price: i64| {
        ctx.call(
            Method::POST,
            "subscribe/payment",
            Some(json!({
                "billing_key": key["billing_key"], "order_name": "month", "order_id": "o-1",
                "price": price, "extra": {"raw_data": 1},
            })),
        )
    };
    let (status, err) = pay(99).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(err["error_code"], -15006);
    assert_eq!(err["data"]["ResultCode"], "3041");

    let (status, r) = pay(1000).await;
    assert_eq!((status, r["status"].clone()), (StatusCode::OK, json!(1)));
    let (_, r) = pay(1000).await;
    assert_eq!(r["error_code"], "RC_DUPLICATE_ORDER_ID");
}

#[tokio::test]
async fn faults_hit_then_clear() {
    let ctx = setup().await;
    let id = ctx.receipt(1, 500).await;
    ctx.admin(
        Method::POST,
        "faults",
        json!({"method": "GET", "path": "receipt/*", "status": 503, "times": 1}),
    )
    .await;
    let (status, _) = ctx.call(Method::GET, &format!("receipt/{id}"), None).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    let (status, _) = ctx.call(Method::GET, &format!("receipt/{id}"), None).await;
    assert_eq!(status, StatusCode::OK);

    // `after`: the cancel happens, the client sees a failure.
    ctx.admin(
        Method::POST,
        "faults",
        json!({"path": "cancel", "non_json": true, "after": true, "times": 1}),
    )
    .await;
    let resp = ctx
        .http
        .post(format!("{}/cancel", ctx.sb.bootpay_url()))
        .bearer_auth(&ctx.token)
        .header("BOOTPAY-API-VERSION", "5.1.0")
        .json(&json!({"receipt_id": id}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_GATEWAY);
    assert!(resp.text().await.unwrap().contains("502 Bad Gateway"));
    let (_, r) = ctx.call(Method::GET, &format!("receipt/{id}"), None).await;
    assert_eq!(r["status"], 20);
}

#[tokio::test]
async fn drop_fault_breaks_the_response() {
    let ctx = setup().await;
    let id = ctx.receipt(1, 500).await;
    ctx.admin(
        Method::POST,
        "faults",
        json!({"path": "receipt/**", "drop": true, "times": 1}),
    )
    .await;
    let resp = ctx
        .http
        .get(format!("{}/receipt/{id}", ctx.sb.bootpay_url()))
        .bearer_auth(&ctx.token)
        .header("BOOTPAY-API-VERSION", "5.1.0")
        .send()
        .await
        .expect("the head arrives");
    let err = resp.json::<Value>().await.expect_err("the body is cut");
    println!("drop fault as seen by reqwest: {err} / {err:?}");
    // reqwest 0.13 reports a cut body as a decode error whose source is hyper's EOF.
    assert!(err.is_decode() || err.is_body(), "{err:?}");
    assert!(format!("{err:?}").contains("UnexpectedEof"), "{err:?}");

    let (status, _) = ctx.call(Method::GET, &format!("receipt/{id}"), None).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn counters_and_recorded_requests() {
    let ctx = setup().await;
    ctx.admin(Method::DELETE, "requests", Value::Null).await;
    let id = ctx.receipt(1, 500).await;
    let path = format!("receipt/{id}?lookup_user_data=true");
    ctx.call(Method::GET, &path, None).await;
    ctx.call(Method::GET, &path, None).await;
    ctx.call(
        Method::POST,
        "cancel",
        Some(json!({"receipt_id": id, "cancel_price": 100})),
    )
    .await;

    let counters = ctx.admin(Method::GET, "counters", Value::Null).await;
    assert_eq!(counters["token_requests"], 1);
    assert_eq!(counters["requests"]["GET receipt/{receipt_id}"], 2);
    assert_eq!(counters["requests"]["POST cancel"], 1);

    let recorded = ctx.admin(Method::GET, "requests", Value::Null).await;
    let recorded = recorded.as_array().unwrap();
    assert_eq!(recorded.len(), 3);
    assert_eq!(recorded[0]["path"], json!(format!("receipt/{id}")));
    assert_eq!(recorded[0]["query"], "lookup_user_data=true");
    assert_eq!(recorded[0]["headers"]["bootpay-api-version"], "5.1.0");
    assert_eq!(recorded[0]["body"], Value::Null);
    assert_eq!(recorded[2]["method"], "POST");
    assert_eq!(recorded[2]["body"]["cancel_price"], 100);

    ctx.admin(Method::POST, "reset", Value::Null).await;
    let counters = ctx.admin(Method::GET, "counters", Value::Null).await;
    assert_eq!(
        counters,
        json!({"token_requests": 0, "iamport_token_requests": 0, "requests": {}})
    );
}
