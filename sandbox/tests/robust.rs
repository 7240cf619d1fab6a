//! The sandbox as a robust server, over real HTTP: admin inputs that could brick it are refused,
//! every request body is read (keep-alive stays correct), the recorder is bounded in bytes,
//! slow headers are cut off, and faults express every case of the client fault matrix.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use paywire_sandbox::{Sandbox, SandboxConfig};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

struct Ctx {
    sb: Sandbox,
    http: Client,
    token: String,
}

async fn setup_with(config: SandboxConfig) -> Ctx {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let sb = Sandbox::start(config).await.unwrap();
    // Redirects are part of what is tested: never follow them.
    let http = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut ctx = Ctx {
        sb,
        http,
        token: String::new(),
    };
    ctx.token = ctx.fresh_token().await;
    ctx
}

async fn setup() -> Ctx {
    setup_with(SandboxConfig::default()).await
}

impl Ctx {
    async fn fresh_token(&self) -> String {
        let resp = self
            .http
            .post(format!("{}/request/token", self.sb.bootpay_url()))
            .json(&json!({
                "application_id": "sandbox-application-id",
                "private_key": "sandbox-private-key",
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let body: Value = resp.json().await.unwrap();
        body["access_token"].as_str().unwrap().to_string()
    }

    /// Any admin call; answers status and parsed body.
    async fn admin_raw(&self, method: Method, path: &str, body: Value) -> (StatusCode, Value) {
        let mut req = self
            .http
            .request(method, format!("{}/__admin/{path}", self.sb.url()));
        if !body.is_null() {
            req = req.json(&body);
        }
        let resp = req.send().await.unwrap();
        (resp.status(), resp.json().await.unwrap())
    }

    async fn admin(&self, method: Method, path: &str, body: Value) -> Value {
        let (status, body) = self.admin_raw(method, path, body).await;
        assert!(status.is_success(), "admin {path}: {status} {body}");
        body
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

    /// The receipt's status as the server holds it (admin read: no auth, no recording).
    async fn status_of(&self, receipt_id: &str) -> i64 {
        let r = self
            .admin(
                Method::GET,
                &format!("bootpay/webhook/{receipt_id}"),
                Value::Null,
            )
            .await;
        r["status"].as_i64().unwrap()
    }

    fn confirm(&self, receipt_id: &str) -> reqwest::RequestBuilder {
        self.http
            .post(format!("{}/confirm", self.sb.bootpay_url()))
            .bearer_auth(&self.token)
            .header("BOOTPAY-API-VERSION", "5.1.0")
            .json(&json!({ "receipt_id": receipt_id }))
    }

    async fn fault(&self, fault: Value) {
        self.admin(Method::POST, "faults", fault).await;
    }
}

// ---- 1. admin inputs cannot brick the sandbox ----

#[tokio::test]
async fn hostile_clock_and_ttl_values_are_refused_and_the_sandbox_keeps_working() {
    let ctx = setup().await;
    for seconds in [
        json!(1e13),
        json!(-1),
        json!(-1e300),
        json!(1.7976931348623157e308),
        json!("NaN"),
        json!("1"),
        json!(null),
        json!(u64::MAX),
    ] {
        let (status, body) = ctx
            .admin_raw(Method::POST, "clock/advance", json!({ "seconds": seconds }))
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "seconds={seconds}: {body}");
        assert_eq!(body["field"], "seconds", "{body}");
        assert!(body["message"].as_str().unwrap().contains("seconds"));
    }
    // Up to the bound in steps, then one second more is refused.
    let ok = ctx
        .admin(
            Method::POST,
            "clock/advance",
            json!({"seconds": 50.0 * 365.25 * 86400.0}),
        )
        .await;
    assert!(ok["now"].as_str().unwrap().starts_with("20"), "{ok}");
    ctx.admin(
        Method::POST,
        "clock/advance",
        json!({"seconds": 50.0 * 365.25 * 86400.0}),
    )
    .await;
    let (status, _) = ctx
        .admin_raw(Method::POST, "clock/advance", json!({"seconds": 1}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // 100 years on, tokens and payments still work on both sides.
    let token = ctx.fresh_token().await;
    assert!(!token.is_empty());
    ctx.receipt(1, 1000).await;
    let iam = ctx
        .http
        .post(format!("{}/users/getToken", ctx.sb.iamport_url()))
        .json(&json!({"imp_key": "sandbox-imp-key", "imp_secret": "sandbox-imp-secret"}))
        .send()
        .await
        .unwrap();
    assert_eq!(iam.status(), StatusCode::OK);

    for ttl in [json!(1e15), json!(0), json!(-5), json!("NaN"), json!(true)] {
        let (status, body) = ctx
            .admin_raw(Method::POST, "config", json!({ "token_ttl_secs": ttl }))
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "ttl={ttl}: {body}");
        assert_eq!(body["field"], "token_ttl_secs");
    }
    let set = ctx
        .admin(
            Method::POST,
            "config",
            json!({"token_ttl_secs": 86400 * 3650}),
        )
        .await;
    assert_eq!(set["token_ttl_secs"], json!(315_360_000.0));
    assert!(!ctx.fresh_token().await.is_empty());

    for (path, body, field) in [
        ("bootpay/receipts", json!({"price": 1e13 as i64}), "price"),
        ("faults", json!({"path": "**", "latency_ms": u64::MAX}), ""),
        (
            "faults",
            json!({"path": "**", "headers": {"bad name": "x"}}),
            "headers",
        ),
    ] {
        let (status, answer) = ctx.admin_raw(Method::POST, path, body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}: {answer}");
        assert!(answer["message"]
            .as_str()
            .unwrap()
            .contains(if field.is_empty() {
                "latency_ms"
            } else {
                field
            }));
    }
    let (status, _) = ctx.admin_raw(Method::POST, "reset", Value::Null).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_hostile_card_expiry_does_not_panic() {
    let ctx = setup().await;
    for (year, month) in [
        ("2147483647", "12"),
        ("2030", "4294967295"),
        ("-2147483648", "1"),
    ] {
        let resp = ctx
            .http
            .post(format!("{}/request/subscribe", ctx.sb.bootpay_url()))
            .bearer_auth(&ctx.token)
            .header("BOOTPAY-API-VERSION", "5.1.0")
            .json(&json!({
                "subscription_id": format!("sub-{year}-{month}"),
                "order_name": "x", "pg": "nicepay",
                "card_no": "5365100000001234", "card_pw": "00",
                "card_identity_no": "900101",
                "card_expire_year": year, "card_expire_month": month,
            }))
            .send()
            .await
            .unwrap();
        // Whatever the answer, it is an answer (a panic would drop the connection).
        assert!(resp.status().as_u16() < 500, "{}", resp.status());
    }
}

// ---- 2. every request body is read: keep-alive stays correct ----

/// One HTTP/1.1 exchange on an open connection; answers (status, headers, body).
async fn exchange(conn: &mut TcpStream, request: &[u8]) -> Option<(u16, String, Vec<u8>)> {
    conn.write_all(request).await.ok()?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = tokio::time::timeout(Duration::from_secs(5), conn.read(&mut chunk))
            .await
            .ok()?
            .ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
    let status: u16 = head.split(' ').nth(1)?.parse().ok()?;
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .map(|v| v.trim().parse().unwrap())
        .unwrap_or(0);
    while buf.len() < head_end + length {
        let n = conn.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Some((status, head, buf[head_end..head_end + length].to_vec()))
}

fn post_with_body(path: &str, body_len: usize) -> Vec<u8> {
    let mut req = format!(
        "POST {path} HTTP/1.1\r\nHost: sandbox\r\nContent-Type: application/json\r\nContent-Length: {body_len}\r\n\r\n"
    )
    .into_bytes();
    req.extend(std::iter::repeat_n(b' ', body_len));
    req
}

const GET_COUNTERS: &[u8] = b"GET /__admin/counters HTTP/1.1\r\nHost: sandbox\r\n\r\n";

#[tokio::test]
async fn a_big_ignored_body_leaves_the_keep_alive_connection_usable() {
    let ctx = setup().await;
    for path in [
        "/__admin/reset",
        "/__admin/tokens/expire",
        "/__admin/counters",
        "/v2/nowhere",
    ] {
        let mut conn = TcpStream::connect(ctx.sb.addr()).await.unwrap();
        let first = exchange(&mut conn, &post_with_body(path, 64 * 1024))
            .await
            .unwrap_or_else(|| panic!("{path}: no answer"));
        assert!(
            !first.1.contains("connection: close"),
            "{path}: {}",
            first.1
        );
        let second = exchange(&mut conn, GET_COUNTERS)
            .await
            .unwrap_or_else(|| panic!("{path}: second request on the connection failed"));
        assert_eq!(second.0, 200, "{path}");
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_with_connection_close() {
    let ctx = setup().await;
    let mut conn = TcpStream::connect(ctx.sb.addr()).await.unwrap();
    let head = format!(
        "POST /__admin/reset HTTP/1.1\r\nHost: sandbox\r\nContent-Length: {}\r\n\r\n",
        5 * 1024 * 1024
    );
    let (status, headers, body) = exchange(&mut conn, head.as_bytes()).await.unwrap();
    assert_eq!(status, 413);
    assert!(headers.contains("connection: close"), "{headers}");
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["error_code"], "RC_PAYLOAD_TOO_LARGE");

    // Chunked, no length announced: cut off while streaming.
    let mut conn = TcpStream::connect(ctx.sb.addr()).await.unwrap();
    let (mut rd, mut wr) = conn.split();
    let writer = async {
        let head = b"POST /iamport/payments/prepare HTTP/1.1\r\nHost: sandbox\r\nTransfer-Encoding: chunked\r\n\r\n";
        wr.write_all(head).await?;
        let chunk = vec![b'x'; 64 * 1024];
        for _ in 0..80 {
            wr.write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
                .await?;
            wr.write_all(&chunk).await?;
            wr.write_all(b"\r\n").await?;
        }
        wr.write_all(b"0\r\n\r\n").await
    };
    let mut answer = Vec::new();
    let reader = tokio::time::timeout(Duration::from_secs(10), rd.read_to_end(&mut answer));
    let (_, read) = tokio::join!(writer, reader);
    assert!(read.is_ok(), "no answer to an oversized chunked body");
    let answer = String::from_utf8_lossy(&answer).to_ascii_lowercase();
    assert!(answer.starts_with("http/1.1 413"), "{answer}");
    assert!(answer.contains("connection: close"), "{answer}");
}

// ---- 3. the recorder is bounded in bytes ----

#[tokio::test]
async fn the_recorder_keeps_at_most_16_mib_and_64_kib_a_body() {
    let ctx = setup().await;
    let padding = "p".repeat(100 * 1024);
    for _ in 0..300 {
        let resp = ctx
            .http
            .post(format!("{}/request/token", ctx.sb.bootpay_url()))
            .json(&json!({
                "application_id": "sandbox-application-id",
                "private_key": "sandbox-private-key",
                "padding": padding,
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
    }
    let requests = ctx.admin(Method::GET, "requests", Value::Null).await;
    let requests = requests.as_array().unwrap();
    assert!(
        requests.len() < 300 && requests.len() > 200,
        "{}",
        requests.len()
    );
    let kept: usize = requests
        .iter()
        .map(|r| r["raw_body"].as_str().map_or(0, str::len))
        .sum();
    assert!(kept <= 16 * 1024 * 1024 + 300 * 100, "{kept}");
    let last = requests.last().unwrap();
    assert_eq!(last["body_truncated"], true);
    assert!(last["body_bytes"].as_u64().unwrap() > 100 * 1024);
    assert!(last["raw_body"]
        .as_str()
        .unwrap()
        .contains("[truncated: 65536 of"));
    assert_eq!(last["status"], 200);
    assert!(last["duration_ms"].as_f64().is_some());
    // The counters still see all of them.
    let counters = ctx.admin(Method::GET, "counters", Value::Null).await;
    assert_eq!(counters["token_requests"], 301);
}

// ---- 4. header-read timeout ----

#[tokio::test]
async fn a_connection_that_trickles_its_headers_is_closed() {
    let ctx = setup_with(SandboxConfig {
        header_read_timeout: Duration::from_millis(300),
        ..SandboxConfig::default()
    })
    .await;
    let mut conn = TcpStream::connect(ctx.sb.addr()).await.unwrap();
    conn.write_all(b"GET /__admin/counters HTTP/1.1\r\nHost: sand")
        .await
        .unwrap();
    let mut buf = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), conn.read_to_end(&mut buf)).await;
    assert!(read.is_ok(), "the connection was still open after 5 s");
    // A complete request on a fresh connection is served as usual.
    let mut fresh = TcpStream::connect(ctx.sb.addr()).await.unwrap();
    assert_eq!(exchange(&mut fresh, GET_COUNTERS).await.unwrap().0, 200);
}

// ---- 5 and 6. faults: after runs the handler first; every case of the fault matrix ----

#[tokio::test]
async fn after_runs_the_handler_before_the_latency() {
    let ctx = setup().await;
    let id = ctx.receipt(2, 1000).await;
    ctx.fault(json!({"path": "confirm", "after": true, "latency_ms": 3000, "times": 1}))
        .await;
    let started = std::time::Instant::now();
    let err = ctx
        .confirm(&id)
        .timeout(Duration::from_millis(300))
        .send()
        .await
        .unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    // Well before the latency is over, the confirm has been applied.
    assert_eq!(ctx.status_of(&id).await, 1);
    assert!(started.elapsed() < Duration::from_millis(2500));
}

#[tokio::test]
async fn fault_matrix_cases() {
    let ctx = setup().await;

    // Dropped before processing: the state does not change.
    let id = ctx.receipt(2, 1000).await;
    ctx.fault(json!({"path": "confirm", "drop": true, "times": 1}))
        .await;
    let resp = ctx.confirm(&id).send().await;
    assert!(resp.is_err() || resp.unwrap().bytes().await.is_err());
    assert_eq!(ctx.status_of(&id).await, 2);

    // Dropped after processing: the state changed, the answer was lost.
    ctx.fault(json!({"path": "confirm", "drop": true, "after": true, "times": 1}))
        .await;
    let resp = ctx.confirm(&id).send().await;
    assert!(resp.is_err() || resp.unwrap().bytes().await.is_err());
    assert_eq!(ctx.status_of(&id).await, 1);

    // 5xx after processing.
    let id = ctx.receipt(2, 1000).await;
    ctx.fault(json!({"path": "confirm", "status": 503, "after": true, "times": 1}))
        .await;
    let resp = ctx.confirm(&id).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(ctx.status_of(&id).await, 1);

    // HTML 502 after processing.
    let id = ctx.receipt(2, 1000).await;
    ctx.fault(json!({"path": "confirm", "non_json": true, "after": true, "times": 1}))
        .await;
    let resp = ctx.confirm(&id).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_GATEWAY);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(resp.text().await.unwrap().contains("502 Bad Gateway"));
    assert_eq!(ctx.status_of(&id).await, 1);

    // Slow answer after processing: the handler's own answer, late.
    let id = ctx.receipt(2, 1000).await;
    ctx.fault(json!({"path": "confirm", "latency_ms": 400, "after": true, "times": 1}))
        .await;
    let started = std::time::Instant::now();
    let resp = ctx.confirm(&id).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(400));
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["status"], 1);
}

#[tokio::test]
async fn redirect_faults_carry_location_and_do_not_run_the_handler_unless_after() {
    let ctx = setup().await;
    for status in [301u16, 302, 303, 307, 308] {
        let id = ctx.receipt(2, 1000).await;
        ctx.fault(json!({
            "path": "confirm", "status": status, "times": 1,
            "headers": {"location": "http://127.0.0.1:1/x"},
        }))
        .await;
        let resp = ctx.confirm(&id).send().await.unwrap();
        assert_eq!(resp.status().as_u16(), status);
        assert_eq!(resp.headers()["location"], "http://127.0.0.1:1/x");
        assert_eq!(ctx.status_of(&id).await, 2, "{status} ran the handler");
    }
    // With after: the confirm is applied, then the redirect answered.
    let id = ctx.receipt(2, 1000).await;
    ctx.fault(json!({
        "path": "confirm", "status": 307, "after": true, "times": 1,
        "headers": {"location": "http://127.0.0.1:1/x"},
    }))
    .await;
    let resp = ctx.confirm(&id).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(resp.headers()["location"], "http://127.0.0.1:1/x");
    assert_eq!(ctx.status_of(&id).await, 1);

    // Extra headers ride on drop and non_json answers too.
    ctx.fault(json!({
        "path": "receipt/*", "non_json": true, "times": 1,
        "headers": {"x-sandbox": "yes"},
    }))
    .await;
    let resp = ctx
        .http
        .get(format!("{}/receipt/{id}", ctx.sb.bootpay_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(resp.headers()["x-sandbox"], "yes");
}
