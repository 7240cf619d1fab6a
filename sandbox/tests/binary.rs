//! The `paywire-sandbox` binary: flags, one plain (colourless) or JSON log line per request on
//! stdout, and `--webhook-url`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{json, Value};

struct Running {
    child: Child,
    url: String,
    lines: mpsc::Receiver<String>,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(args: &[&str]) -> Running {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut child = Command::new(env!("CARGO_BIN_EXE_paywire-sandbox"))
        .args(["--host", "127.0.0.1", "--port", "0"])
        .args(args)
        .env_remove("RUST_LOG")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap_or_default()).is_err() {
                break;
            }
        }
    });
    let first = lines.recv_timeout(Duration::from_secs(20)).unwrap();
    let url = first
        .strip_prefix("paywire-sandbox listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {first}"))
        .to_string();
    Running { child, url, lines }
}

impl Running {
    /// The next stdout line containing `needle`.
    fn line_with(&self, needle: &str) -> String {
        loop {
            let line = self.lines.recv_timeout(Duration::from_secs(10)).unwrap();
            if line.contains(needle) {
                return line;
            }
        }
    }
}

#[tokio::test]
async fn plain_log_lines_have_no_colour_codes() {
    let sb = start(&["--log-format", "plain"]);
    let resp = reqwest::get(format!("{}/__admin/counters?secret=x", sb.url))
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let line = sb.line_with("/__admin/counters");
    assert!(!line.contains('\u{1b}'), "colour codes in {line:?}");
    assert!(line.contains("method=GET"), "{line}");
    assert!(line.contains("status=200"), "{line}");
    assert!(line.contains("duration_ms="), "{line}");
    assert!(!line.contains("secret"), "the query is not logged: {line}");
}

#[tokio::test]
async fn json_log_lines_parse() {
    let sb = start(&["--log-format", "json"]);
    reqwest::get(format!("{}/v2/nowhere", sb.url))
        .await
        .unwrap();
    let line = sb.line_with("/v2/nowhere");
    let v: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(v["fields"]["method"], "GET");
    assert_eq!(v["fields"]["status"], 404);
    assert_eq!(v["fields"]["path"], "/v2/nowhere");
}

#[tokio::test]
async fn bad_flags_exit_with_usage() {
    for args in [
        vec!["--log-format", "xml"],
        vec!["--port", "70000"],
        vec!["--webhook-url", "ftp://x"],
        vec!["--bogus"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_paywire-sandbox"))
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty());
    }
}

#[tokio::test]
async fn help_prints_the_usage_on_stdout_and_exits_zero() {
    let out = Command::new(env!("CARGO_BIN_EXE_paywire-sandbox"))
        .arg("--help")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let usage = String::from_utf8_lossy(&out.stdout);
    assert!(
        usage.starts_with("usage: paywire-sandbox [--host HOST]"),
        "{usage}"
    );
    assert!(
        usage.contains("--iamport-webhook-format json|form"),
        "{usage}"
    );
    assert!(out.stderr.is_empty());
}

#[tokio::test]
async fn webhook_url_flag_is_used() {
    let got = std::sync::Arc::new(std::sync::Mutex::new(Vec::<Value>::new()));
    let inbox = got.clone();
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |axum::Json(v): axum::Json<Value>| {
            let inbox = inbox.clone();
            async move {
                inbox.lock().unwrap().push(v);
                axum::Json(json!({"success": true}))
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hook = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let sb = start(&["--webhook-url", &hook]);
    let created: Value = reqwest::Client::new()
        .post(format!("{}/__admin/bootpay/receipts", sb.url))
        .json(&json!({"price": 1000}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    for _ in 0..200 {
        if !got.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let got = got.lock().unwrap().clone();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["receipt_id"], created["receipt_id"]);
    assert_eq!(got[0]["webhook_type"], "PAYMENT_COMPLETED");
}
