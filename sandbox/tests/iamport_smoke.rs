//! Smoke test of the iamport (PortOne V1) side over real HTTP: token reuse and extension,
//! auth forms, envelopes and business failures, cancel arithmetic, multi-lookups, prepare,
//! billing keys, schedules, vbanks, certifications, escrow, receipts, faults and counters.
//!
//! Every object answer is read with an extra `"http"` member holding the status, so one
//! `check!` compares status, `code` and fields at once.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use paywire_sandbox::{Sandbox, SandboxConfig, SandboxCredentials};
use reqwest::{Client, Method as M};
use serde_json::{json, Value};

const KEYS: &str = "imp_key=sandbox-imp-key&imp_secret=sandbox-imp-secret";

/// `call!(ctx, METHOD "path" [, {json body}])`: an iamport call with the bare token.
macro_rules! call {
    ($ctx:ident, $m:ident $path:expr) => {
        $ctx.iam(M::$m, &$path, Value::Null).await
    };
    ($ctx:ident, $m:ident $path:expr, $body:tt) => {
        $ctx.iam(M::$m, &$path, json!($body)).await
    };
}

/// `ok!(…)`: like `call!`, asserting HTTP 200 and code 0; answers `response`.
macro_rules! ok {
    ($($t:tt)*) => {{
        let mut env = call!($($t)*);
        assert_eq!((&env["http"], &env["code"]), (&json!(200), &json!(0)), "{env}");
        env["response"].take()
    }};
}

/// `admin!(ctx, METHOD "path" [, {json body}])`: an admin call.
macro_rules! admin {
    ($ctx:ident, $m:ident $path:expr) => {
        $ctx.admin(M::$m, &$path, Value::Null).await
    };
    ($ctx:ident, $m:ident $path:expr, $body:tt) => {
        $ctx.admin(M::$m, &$path, json!($body)).await
    };
}

/// `check!(value, ["field", …] => [expected, …])`.
macro_rules! check {
    ($v:expr, [$($k:literal),+] => $want:tt) => {{
        let v: &Value = &$v;
        assert_eq!(Value::Array(vec![$(v[$k].clone()),+]), json!($want), "{v}");
    }};
}

/// A request body: none, JSON, or form text.
enum Body {
    None,
    Json(Value),
    Form(String),
}

struct Ctx {
    sb: Sandbox,
    http: Client,
    token: String,
    now: i64,
}

async fn setup_with(token_ttl: u64) -> Ctx {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let ttl = Duration::from_secs(token_ttl);
    let config = SandboxConfig {
        token_ttl: ttl,
        ..SandboxConfig::default()
    };
    let sb = Sandbox::start(config).await.unwrap();
    let mut ctx = Ctx {
        sb,
        http: Client::new(),
        token: String::new(),
        now: 0,
    };
    let t = ctx.get_token(Body::Form(KEYS.into())).await;
    check!(t, ["http", "code", "message"] => [200, 0, null]);
    ctx.token = t["response"]["access_token"].as_str().unwrap().to_string();
    ctx.now = t["response"]["now"].as_i64().unwrap();
    ctx
}

async fn setup() -> Ctx {
    setup_with(1800).await
}

impl Ctx {
    async fn send(&self, m: M, url: String, auth: Option<String>, body: Body) -> Value {
        let mut req = self.http.request(m, url);
        if let Some(auth) = auth {
            req = req.header("Authorization", auth);
        }
        req = match body {
            Body::None => req,
            Body::Json(v) => req.json(&v),
            Body::Form(text) => req
                .header("content-type", "application/x-www-form-urlencoded")
                .body(text),
        };
        let resp = req.send().await.unwrap();
        let status = resp.status().as_u16();
        let mut v: Value = resp.json().await.unwrap();
        if let Value::Object(m) = &mut v {
            m.insert("http".into(), json!(status));
        }
        v
    }

    async fn get_token(&self, body: Body) -> Value {
        let url = format!("{}/users/getToken", self.sb.iamport_url());
        self.send(M::POST, url, None, body).await
    }

    async fn iam(&self, m: M, path: &str, body: Value) -> Value {
        let url = format!("{}/{path}", self.sb.iamport_url());
        let body = if body.is_null() {
            Body::None
        } else {
            Body::Json(body)
        };
        self.send(m, url, Some(self.token.clone()), body).await
    }

    async fn admin(&self, m: M, path: &str, body: Value) -> Value {
        let url = format!("{}/__admin/{path}", self.sb.url());
        let body = if body.is_null() {
            Body::None
        } else {
            Body::Json(body)
        };
        self.send(m, url, None, body).await
    }
}

#[tokio::test]
async fn token_reuse_extension_and_auth_forms() {
    let ctx = setup().await;
    let keys = json!({"imp_key": "sandbox-imp-key", "imp_secret": "sandbox-imp-secret"});
    let first = ctx.get_token(Body::Json(keys.clone())).await["response"].clone();
    assert_eq!(first["access_token"], json!(ctx.token));
    let expired_at = first["expired_at"].as_i64().unwrap();
    assert_eq!(expired_at - first["now"].as_i64().unwrap(), 1800);

    // Inside the last minute: the same token, its expiry pushed 5 minutes.
    admin!(ctx, POST "clock/advance", {"seconds": 1750});
    let extended = ctx.get_token(Body::Form(KEYS.into())).await;
    check!(extended["response"], ["access_token", "expired_at"] => [ctx.token, expired_at + 300]);
    let wrong = json!({"imp_key": "sandbox-imp-key", "imp_secret": "wrong"});
    check!(ctx.get_token(Body::Json(wrong)).await, ["http", "code"] => [401, -1]);

    // Bearer and bare both work; none → 401; unknown payment / path → 404 envelopes.
    let url = format!("{}/payments/imp_000000000000", ctx.sb.iamport_url());
    let bearer = Some(format!("Bearer {}", ctx.token));
    let env = ctx.send(M::GET, url.clone(), bearer, Body::None).await;
    let not_found = json!([404, -1, "존재하지 않는 결제정보입니다.", null]);
    check!(env, ["http", "code", "message", "response"] => not_found);
    check!(call!(ctx, GET "payments/imp_000000000000"), ["http", "code"] => [404, -1]);
    check!(ctx.send(M::GET, url, None, Body::None).await, ["http", "code"] => [401, -1]);
    check!(call!(ctx, GET "no/such/path"), ["http", "code"] => [404, -1]);

    admin!(ctx, POST "clock/advance", {"seconds": 400});
    check!(call!(ctx, GET "banks"), ["http"] => [401]);
    let fresh = ctx.get_token(Body::Json(keys)).await;
    assert_ne!(fresh["response"]["access_token"], json!(ctx.token));
}

#[tokio::test]
async fn cancel_arithmetic_checksum_and_business_failures() {
    let ctx = setup().await;
    let env = call!(ctx, POST "payments/cancel", {"imp_uid": "imp_123412341234"});
    check!(env, ["http", "code", "message"] => [200, 1, "취소할 결제건이 존재하지 않습니다."]);

    let p = admin!(ctx, POST "iamport/payments", {"amount": 10000, "merchant_uid": "m-c"});
    assert_eq!(p["imp_uid"].as_str().unwrap().len(), 16);
    check!(p, ["status", "channel", "cancelled_at", "sandbox"] => ["paid", "pc", 0, true]);
    let id = p["imp_uid"].clone();

    let r = ok!(ctx, POST "payments/cancel", {"imp_uid": id, "amount": 3000, "checksum": 10000});
    check!(r, ["status", "cancel_amount"] => ["paid", 3000]);
    check!(r["cancel_history"][0], ["amount", "reason"] => [3000, ""]);
    let env = call!(ctx, POST "payments/cancel", {"imp_uid": id, "amount": 1, "checksum": 10000});
    check!(env, ["http", "code"] => [200, 1]);
    assert!(env["message"].as_str().unwrap().contains("checksum"));
    let env = call!(ctx, POST "payments/cancel", {"merchant_uid": "m-c", "amount": 8000});
    check!(env, ["http", "code"] => [200, 1]);
    let r = ok!(ctx, POST "payments/cancel", {"merchant_uid": "m-c", "checksum": 7000});
    check!(r, ["status", "cancel_amount"] => ["cancelled", 10000]);
    assert_eq!(r["cancel_history"].as_array().unwrap().len(), 2);
    assert_eq!(r["cancel_receipt_urls"].as_array().unwrap().len(), 2);
    check!(call!(ctx, POST "payments/cancel", {"imp_uid": id}), ["code"] => [1]);
    let hook = admin!(ctx, GET format!("iamport/webhook/{}", id.as_str().unwrap()));
    let cancellation_id = &r["cancel_history"][1]["cancellation_id"];
    check!(hook, ["status", "cancellation_id"] => ["cancelled", cancellation_id]);

    // A fractional currency: exact arithmetic; whole amounts stay integers.
    let usd = admin!(ctx, POST "iamport/payments", {"amount": 10.5, "currency": "USD"});
    let id = &usd["imp_uid"];
    let r = ok!(ctx, POST "payments/cancel", {"imp_uid": id, "amount": 0.2, "checksum": 10.5});
    check!(r, ["cancel_amount", "status"] => [0.2, "paid"]);
    let r = ok!(ctx, POST "payments/cancel", {"imp_uid": id, "checksum": 10.3});
    check!(r, ["cancel_amount", "status"] => [10.5, "cancelled"]);
}

#[tokio::test]
async fn prepare_lookups_and_multi_status() {
    let ctx = setup().await;
    let prep = ok!(ctx, POST "payments/prepare", {"merchant_uid": "m-1", "amount": 1000});
    check!(prep, ["merchant_uid", "amount", "currency"] => ["m-1", 1000, null]);
    let env = call!(ctx, POST "payments/prepare", {"merchant_uid": "m-1", "amount": 5});
    check!(env, ["http", "code"] => [200, 1]);
    let env = call!(ctx, PUT "payments/prepare", {"merchant_uid": "m-x", "amount": 5});
    check!(env, ["http", "code"] => [404, -1]);
    check!(ok!(ctx, GET "payments/prepare/m-1"), ["amount"] => [1000]);

    let env = admin!(ctx, POST "iamport/payments", {"merchant_uid": "m-1", "amount": 2000});
    check!(env, ["http", "code"] => [409, -1]);
    let a = admin!(ctx, POST "iamport/payments", {"merchant_uid": "m-1", "amount": 1000});
    let b = admin!(ctx, POST "iamport/payments", {"merchant_uid": "m-2", "amount": 500,
        "status": "failed"});
    check!(b, ["status", "failed_at"] => ["failed", b["started_at"]]);
    let (ia, ib) = (
        a["imp_uid"].as_str().unwrap(),
        b["imp_uid"].as_str().unwrap(),
    );

    let env = call!(ctx, GET format!("payments?imp_uid[]={ia}&imp_uid[]=x&merchant_uid[]=m-2"));
    check!(env, ["http", "code"] => [207, 0]);
    assert_eq!(env["response"].as_array().unwrap().len(), 2);
    check!(call!(ctx, GET format!("payments?imp_uid[]={ia}&imp_uid[]={ib}")), ["http"] => [200]);
    check!(call!(ctx, GET "payments?imp_uid[]=imp_nope"), ["http", "code"] => [404, -1]);

    check!(ok!(ctx, GET "payments/find/m-1"), ["imp_uid"] => [ia]);
    check!(call!(ctx, GET "payments/find/m-1/failed"), ["http"] => [404]);
    let page = ok!(ctx, GET "payments/findAll/m-2/failed");
    check!(page, ["total", "previous", "next"] => [1, 0, 0]);
    let page = ok!(ctx, GET "payments/status/all?limit=1&page=1");
    check!(page, ["total", "previous", "next"] => [2, 0, 2]);
    let balance = ok!(ctx, GET format!("payments/{ia}/balance"));
    check!(balance["primary"], ["supply", "vat"] => [909, 91]);
}

#[tokio::test]
async fn onetime_again_and_decline_styles() {
    let ctx = setup().await;
    let mut body = json!({"merchant_uid": "o-1", "amount": 1000, "expiry": "2030-12",
        "birth": "900101", "card_number": "4000-0000-0000-0000"});
    let env = ctx
        .iam(M::POST, "subscribe/payments/onetime", body.clone())
        .await;
    check!(env, ["http", "code"] => [200, -1]);
    assert!(env["message"]
        .as_str()
        .unwrap()
        .starts_with("카드정보 인증에 실패하였습니다."));

    body["card_number"] = json!("5365-1012-3456-1234");
    body["customer_uid"] = json!("cust-1");
    let env = ctx.iam(M::POST, "subscribe/payments/onetime", body).await;
    let p = &env["response"];
    check!(p, ["status", "channel", "pg_provider"] => ["paid", "api", "nice"]);
    check!(p, ["customer_uid_usage", "card_number"] => ["issue", "5365********1234"]);
    let key = ok!(ctx, GET "subscribe/customers/cust-1");
    check!(key, ["customer_uid", "card_number"] => ["cust-1", "5365********1234"]);

    let again = |m: &str, amount: i64, uid: &str| {
        let b = json!({"customer_uid": uid, "merchant_uid": m, "amount": amount, "name": "month"});
        ctx.iam(M::POST, "subscribe/payments/again", b)
    };
    check!(again("o-2", 2000, "cust-1").await["response"], ["customer_uid_usage"] => ["payment"]);
    check!(again("o-2", 2000, "cust-1").await, ["http", "code"] => [200, 1]);
    let env = again("o-3", 2000, "cust-nope").await;
    check!(env, ["http", "code", "message"] => [200, 1, "등록되지 않은 구매자입니다."]);
    let env = again("o-4", 50, "cust-1").await;
    check!(env, ["http", "code"] => [200, 0]);
    check!(env["response"], ["status", "paid_at"] => ["failed", 0]);
    assert!(env["response"]["fail_reason"]
        .as_str()
        .unwrap()
        .contains("금액오류"));

    check!(ok!(ctx, GET "subscribe/customers/cust-1/payments"), ["total"] => [3]);
    let env = call!(ctx, GET "subscribe/customers?customer_uid[]=cust-1&customer_uid[]=x");
    check!(env, ["http"] => [207]);
    assert_eq!(env["response"].as_array().unwrap().len(), 1);
    ok!(ctx, DELETE "subscribe/customers/cust-1");
    check!(call!(ctx, GET "subscribe/customers/cust-1"), ["http"] => [404]);
}

#[tokio::test]
async fn schedules_run_when_the_clock_passes() {
    let ctx = setup_with(86_400).await;
    let at = ctx.now + 3600;
    let item = |m: &str, amount: i64, at: i64| json!({"merchant_uid": m, "schedule_at": at, "amount": amount, "name": "plan"});
    let list = ok!(ctx, POST "subscribe/payments/schedule", {
        "customer_uid": "cust-s", "card_number": "4092-0230-1234-5678", "expiry": "2030-12",
        "schedules": [item("s-1", 1000, at), item("s-2", 50, at), item("s-3", 1000, at + 3600)],
    });
    assert_eq!(list.as_array().unwrap().len(), 3);
    check!(list[0], ["schedule_status", "payment_status", "imp_uid"] => ["scheduled", null, null]);
    let nobody = json!({"customer_uid": "nobody", "schedules": [item("s-9", 1000, at)]});
    let env = ctx
        .iam(M::POST, "subscribe/payments/schedule", nobody)
        .await;
    check!(env, ["http", "code", "message"] => [200, 1, "등록된 고객정보가 없습니다."]);

    admin!(ctx, POST "clock/advance", {"seconds": 3601});
    let s1 = ok!(ctx, GET "subscribe/payments/schedule/s-1");
    check!(s1, ["schedule_status", "payment_status"] => ["executed", "paid"]);
    let p = ok!(ctx, GET format!("payments/{}", s1["imp_uid"].as_str().unwrap()));
    check!(p, ["status", "customer_uid_usage", "amount"] => ["paid", "payment.scheduled", 1000]);
    let s2 = ok!(ctx, GET "subscribe/payments/schedule/s-2");
    check!(s2, ["schedule_status", "payment_status"] => ["executed", "failed"]);

    let body = json!({"customer_uid": "cust-s", "merchant_uid": ["s-3"]});
    let revoked = ctx
        .iam(M::POST, "subscribe/payments/unschedule", body.clone())
        .await;
    check!(revoked["response"][0], ["schedule_status"] => ["revoked"]);
    let env = ctx
        .iam(M::POST, "subscribe/payments/unschedule", body)
        .await;
    check!(env, ["http", "code", "message"] => [200, 1, "취소할 예약결제 기록이 존재하지 않습니다."]);
    check!(ok!(ctx, POST "subscribe/payments/schedule/s-3/retry"), ["status"] => ["paid"]);
    check!(call!(ctx, POST "subscribe/payments/schedule/s-1/retry"), ["http"] => [400]);

    let q = format!(
        "schedule_from={}&schedule_to={}&schedule_status=executed",
        ctx.now,
        at + 7200
    );
    check!(ok!(ctx, GET format!("subscribe/payments/schedule?{q}")), ["total"] => [3]);
    let q = format!("from={}&to={}&schedule-status=executed", ctx.now, at + 1);
    check!(ok!(ctx, GET format!("subscribe/customers/cust-s/schedules?{q}")), ["total"] => [2]);
}

#[tokio::test]
async fn vbanks_certifications_escrow_receipts_codes() {
    let ctx = setup().await;
    let v = ok!(ctx, POST "vbanks", {"merchant_uid": "v-1", "amount": 5000, "vbank_code": "004",
        "vbank_due": ctx.now + 86400, "vbank_holder": "상점"});
    check!(v, ["status", "pay_method", "vbank_name", "vbank_holder"] =>
        ["ready", "vbank", "KB국민은행", "상점"]);
    let id = v["imp_uid"].as_str().unwrap().to_string();
    let ident = json!({"identifier": "01012345678"});
    check!(ctx.iam(M::POST, &format!("receipts/{id}"), ident.clone()).await, ["http"] => [400]);
    let paid = admin!(ctx, POST format!("iamport/vbanks/{id}/deposit"));
    check!(paid, ["status"] => ["paid"]);
    check!(call!(ctx, DELETE format!("vbanks/{id}")), ["http"] => [400]);
    check!(call!(ctx, POST "payments/cancel", {"imp_uid": id}), ["http", "code"] => [200, 1]);

    let r = ctx
        .iam(M::POST, &format!("receipts/{id}"), ident.clone())
        .await;
    check!(r["response"], ["amount", "vat", "type", "cancelled_at"] => [5000, 455, "person", 0]);
    check!(ctx.iam(M::POST, &format!("receipts/{id}"), ident).await, ["http"] => [400]);
    check!(ok!(ctx, GET format!("payments/{id}")), ["cash_receipt_issued"] => [true]);
    let r = ok!(ctx, DELETE format!("receipts/{id}"));
    assert!(r["cancelled_at"].as_i64().unwrap() > 0);
    let r = ok!(ctx, POST "receipts/external/x-1", {"name": "sale", "amount": 1100,
        "identifier": "0101234", "type": "company"});
    check!(r, ["merchant_uid", "vat", "type"] => ["x-1", 100, "company"]);

    let logis_path = format!("escrows/logis/{id}");
    check!(call!(ctx, GET logis_path), ["http"] => [409]);
    let logis = json!({"sender": {"name": "s"}, "receiver": {"name": "r"},
        "logis": {"company": "CJGLS", "invoice": "123", "sent_at": ctx.now}});
    let l = ctx.iam(M::POST, &logis_path, logis.clone()).await;
    check!(l["response"], ["company", "invoice"] => ["CJGLS", "123"]);
    check!(ctx.iam(M::POST, &logis_path, logis).await, ["http"] => [409]);
    let l = ok!(ctx, PUT logis_path, {"logis": {"invoice": "456"}});
    check!(l, ["company", "invoice"] => ["CJGLS", "456"]);

    let otp = ok!(ctx, POST "certifications/otp/request", {"name": "홍길동",
        "phone": "010-1234-5678", "birth": "900101", "gender_digit": "1", "carrier": "SKT"});
    let cid = otp["imp_uid"].as_str().unwrap();
    let confirm = format!("certifications/otp/confirm/{cid}");
    check!(call!(ctx, POST confirm, {"otp": "000000"}), ["http", "code"] => [400, -1]);
    let cert = ok!(ctx, POST confirm, {"otp": paywire_sandbox::SANDBOX_OTP});
    check!(cert, ["certified", "birthday", "phone", "gender"] =>
        [true, "1990-01-01", "01012345678", "male"]);
    ok!(ctx, DELETE format!("certifications/{cid}"));
    check!(call!(ctx, GET format!("certifications/{cid}")), ["http"] => [404]);

    assert!(ok!(ctx, GET "banks").as_array().unwrap().len() > 20);
    check!(ok!(ctx, GET "cards/366"), ["code", "name"] => ["366", "신한카드"]);
    check!(call!(ctx, GET "banks/999"), ["http"] => [404]);
    let holder = ok!(ctx, GET "vbanks/holder?bank_code=088&bank_num=123");
    check!(holder, ["bank_holder"] => ["홍길동"]);
}

#[tokio::test]
async fn configured_credentials_and_otp_are_the_ones_accepted() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let credentials = SandboxCredentials {
        imp_key: "my-key".into(),
        imp_secret: "my-secret".into(),
        otp: "654321".into(),
        ..SandboxCredentials::default()
    };
    let config = SandboxConfig {
        credentials,
        ..SandboxConfig::default()
    };
    let mut ctx = Ctx {
        sb: Sandbox::start(config).await.unwrap(),
        http: Client::new(),
        token: String::new(),
        now: 0,
    };
    check!(ctx.get_token(Body::Form(KEYS.into())).await, ["http"] => [401]);
    let t = ctx
        .get_token(Body::Form("imp_key=my-key&imp_secret=my-secret".into()))
        .await;
    check!(t, ["http", "code"] => [200, 0]);
    ctx.token = t["response"]["access_token"].as_str().unwrap().to_string();
    let otp = ok!(ctx, POST "certifications/otp/request", {"name": "홍길동",
        "phone": "010-1234-5678", "birth": "900101", "gender_digit": "1", "carrier": "SKT"});
    let confirm = format!(
        "certifications/otp/confirm/{}",
        otp["imp_uid"].as_str().unwrap()
    );
    check!(call!(ctx, POST confirm, {"otp": paywire_sandbox::SANDBOX_OTP}), ["http", "code"] => [400, -1]);
    check!(ok!(ctx, POST confirm, {"otp": "654321"}), ["certified"] => [true]);
}

#[tokio::test]
async fn faults_counters_and_records_carry_the_provider() {
    let ctx = setup().await;
    admin!(ctx, DELETE "requests");
    let p = admin!(ctx, POST "iamport/payments", {"amount": 1000});
    let path = format!("payments/{}", p["imp_uid"].as_str().unwrap());
    let fault = admin!(ctx, POST "faults", {"provider": "iamport", "path": "/iamport/payments/*",
        "status": 503, "times": 1});
    check!(fault, ["http", "provider", "path"] => [200, "iamport", "payments/*"]);
    check!(call!(ctx, GET path), ["http", "code"] => [503, -1]);
    ok!(ctx, GET path);

    // A Bootpay fault on the same relative path does not touch iamport.
    admin!(ctx, POST "faults", {"path": "payments/*", "status": 500});
    ok!(ctx, GET path);
    admin!(ctx, DELETE "faults");

    ctx.get_token(Body::Form(KEYS.into())).await;
    let url = format!("{}/payments/cancel", ctx.sb.iamport_url());
    let form = Body::Form(format!(
        "imp_uid={}&amount=100",
        p["imp_uid"].as_str().unwrap()
    ));
    let env = ctx
        .send(M::POST, url, Some(format!("Bearer {}", ctx.token)), form)
        .await;
    check!(env["response"], ["cancel_amount", "status"] => [100, "paid"]);

    let counters = admin!(ctx, GET "counters");
    check!(counters, ["iamport_token_requests", "token_requests"] => [2, 0]);
    let requests = &counters["requests"];
    check!(requests, ["iamport:GET payments/{imp_uid}", "iamport:POST payments/cancel"] => [3, 1]);
    let recorded = admin!(ctx, GET "requests");
    let recorded = recorded.as_array().unwrap();
    assert_eq!(recorded.len(), 5);
    check!(recorded[0], ["provider", "method", "path"] => ["iamport", "GET", path]);
    check!(recorded[0]["headers"], ["authorization"] => [ctx.token]);
    check!(recorded[4], ["path", "body"] => ["payments/cancel", null]);
    assert!(recorded[4]["raw_body"]
        .as_str()
        .unwrap()
        .contains("amount=100"));
}
