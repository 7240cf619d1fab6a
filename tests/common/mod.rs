//! Shared test support: an in-process sandbox per test, clients pointed at it, and the sandbox admin API.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use paywire::bootpay::Client;
use paywire_sandbox::{
    AdminClient, BootpayReceiptStatus, FaultSpec, NewBootpayReceipt, Sandbox, SandboxConfig,
};
use serde_json::{json, Value};
use std::time::Duration;

/// README.md's Rust quick start as a doctest (`cargo test -p paywire-tests --doc`, part of `make test`): its
/// hidden lines run it against the sandbox. The other languages' blocks: scripts/dist/readme_blocks.py.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

pub const APPLICATION_ID: &str = "sandbox-application-id";
pub const PRIVATE_KEY: &str = "sandbox-private-key";
pub const CLIENT_KEY: &str = "sandbox-client-key";
pub const SECRET_KEY: &str = "sandbox-secret-key";

/// A running sandbox plus clients of its admin API: the typed [`AdminClient`] (`admin`) and a
/// plain HTTP client for the untyped `admin_*` helpers (arbitrary paths and bodies).
pub struct Env {
    pub sandbox: Sandbox,
    pub admin: AdminClient,
    http: reqwest::Client,
}

impl Env {
    pub async fn start() -> Self {
        Self::start_with(SandboxConfig::default()).await
    }

    pub async fn start_with(config: SandboxConfig) -> Self {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let sandbox = Sandbox::start(config).await.expect("sandbox starts");
        let admin = AdminClient::new(&sandbox.url()).expect("admin client");
        Self {
            sandbox,
            admin,
            http: reqwest::Client::new(),
        }
    }

    /// A client with the legacy application_id/private_key pair (Bearer tokens).
    pub fn token_client(&self) -> Client {
        Client::builder()
            .application_id(APPLICATION_ID)
            .private_key(PRIVATE_KEY)
            .base_url(self.sandbox.bootpay_url())
            .build()
            .expect("client builds")
    }

    /// A client with the client_key/secret_key pair (HTTP Basic).
    pub fn basic_client(&self) -> Client {
        Client::builder()
            .client_key(CLIENT_KEY)
            .secret_key(SECRET_KEY)
            .base_url(self.sandbox.bootpay_url())
            .build()
            .expect("client builds")
    }

    fn admin_url(&self, path: &str) -> String {
        format!("{}/__admin/{path}", self.sandbox.url())
    }

    pub async fn admin_post(&self, path: &str, body: Value) -> Value {
        let response = self
            .http
            .post(self.admin_url(path))
            .json(&body)
            .send()
            .await
            .expect("admin call");
        assert!(
            response.status().is_success(),
            "admin {path}: {}",
            response.status()
        );
        response.json().await.unwrap_or(Value::Null)
    }

    pub async fn admin_get(&self, path: &str) -> Value {
        self.http
            .get(self.admin_url(path))
            .send()
            .await
            .expect("admin call")
            .json()
            .await
            .expect("admin json")
    }

    pub async fn admin_delete(&self, path: &str) {
        self.http
            .delete(self.admin_url(path))
            .send()
            .await
            .expect("admin call");
    }

    /// Creates a receipt as if a customer had paid in the browser.
    pub async fn receipt(&self, status: i64, price: i64) -> Value {
        let status = match status {
            1 => BootpayReceiptStatus::Paid,
            2 => BootpayReceiptStatus::AwaitingConfirm,
            5 => BootpayReceiptStatus::VirtualAccountIssued,
            20 => BootpayReceiptStatus::Cancelled,
            // Not a status the admin API seeds: sent as is, so the sandbox's refusal shows.
            other => {
                return self
                    .admin_post(
                        "bootpay/receipts",
                        json!({ "status": other, "price": price }),
                    )
                    .await
            }
        };
        self.admin
            .create_bootpay_receipt(&NewBootpayReceipt::with_status(price, status))
            .await
            .expect("receipt created")
            .raw
    }

    pub async fn receipt_id(&self, status: i64, price: i64) -> String {
        self.receipt(status, price).await["receipt_id"]
            .as_str()
            .expect("receipt_id")
            .to_owned()
    }

    /// Arms a fault given as the JSON of `POST /__admin/faults` (read into [`FaultSpec`], so a
    /// misspelt field fails here instead of being ignored).
    pub async fn fault(&self, fault: Value) {
        let spec: FaultSpec = serde_json::from_value(fault.clone())
            .unwrap_or_else(|e| panic!("fault spec {fault}: {e}"));
        self.admin.add_fault(&spec).await.expect("fault armed");
    }

    pub async fn token_requests(&self) -> u64 {
        self.admin
            .counters()
            .await
            .expect("counters")
            .token_requests
    }

    /// How many requests hit a route key such as `POST subscribe/payment`.
    pub async fn route_count(&self, key: &str) -> u64 {
        let counters = self.admin.counters().await.expect("counters");
        counters.requests.get(key).copied().unwrap_or(0)
    }

    /// The recorded requests, each as the JSON the admin API answers.
    pub async fn requests(&self) -> Vec<Value> {
        self.admin
            .list_requests()
            .await
            .expect("recorded requests")
            .into_iter()
            .map(|r| serde_json::to_value(r).expect("request as JSON"))
            .collect()
    }

    /// The last recorded request to `path` (relative, e.g. `cancel`).
    pub async fn last_request(&self, method: &str, path_prefix: &str) -> Value {
        self.requests()
            .await
            .into_iter()
            .rev()
            .find(|r| {
                r["method"] == method && r["path"].as_str().unwrap_or("").starts_with(path_prefix)
            })
            .unwrap_or_else(|| panic!("no {method} {path_prefix} request recorded"))
    }

    pub async fn clear_requests(&self) {
        self.admin.clear_requests().await.expect("requests cleared");
    }

    pub async fn advance_clock(&self, seconds: u64) {
        self.admin
            .advance_clock(seconds as f64)
            .await
            .expect("clock advanced");
    }
}

/// A short timeout for tests that expect one.
pub fn short() -> Duration {
    Duration::from_millis(300)
}

pub const IMP_KEY: &str = "sandbox-imp-key";
pub const IMP_SECRET: &str = "sandbox-imp-secret";

impl Env {
    /// An iamport client on the sandbox.
    pub fn iamport_client(&self) -> paywire::iamport::Client {
        paywire::iamport::Client::builder()
            .imp_key(IMP_KEY)
            .imp_secret(IMP_SECRET)
            .base_url(self.sandbox.iamport_url())
            .retry(paywire::RetryPolicy {
                max_retries: 2,
                base_delay: Duration::from_millis(10),
                ..paywire::RetryPolicy::default()
            })
            .build()
            .expect("client builds")
    }

    /// Creates an iamport payment as if the customer had used the browser window.
    pub async fn iamport_payment(&self, body: Value) -> Value {
        self.admin_post("iamport/payments", body).await
    }

    /// An admin call whose status is returned instead of asserted.
    pub async fn admin_post_status(&self, path: &str, body: Value) -> u16 {
        self.http
            .post(self.admin_url(path))
            .json(&body)
            .send()
            .await
            .expect("admin call")
            .status()
            .as_u16()
    }

    pub async fn iamport_token_requests(&self) -> u64 {
        self.admin
            .counters()
            .await
            .expect("counters")
            .iamport_token_requests
    }
}

/// Retries that do not slow tests down: `max_retries` more attempts, 10 ms apart.
pub fn quick_retries(max_retries: i32) -> paywire::RetryPolicy {
    paywire::RetryPolicy {
        max_retries,
        base_delay: Duration::from_millis(10),
        ..paywire::RetryPolicy::default()
    }
}

impl Env {
    /// A Basic-auth Bootpay client with quick retries and `timeout` per attempt.
    pub fn bootpay_with(&self, timeout: Duration) -> Client {
        Client::builder()
            .client_key(CLIENT_KEY)
            .secret_key(SECRET_KEY)
            .base_url(self.sandbox.bootpay_url())
            .timeout(timeout)
            .retry(quick_retries(2))
            .build()
            .expect("client builds")
    }

    /// An iamport client with quick retries and `timeout` per attempt.
    pub fn iamport_with(&self, timeout: Duration) -> paywire::iamport::Client {
        paywire::iamport::Client::builder()
            .imp_key(IMP_KEY)
            .imp_secret(IMP_SECRET)
            .base_url(self.sandbox.iamport_url())
            .timeout(timeout)
            .retry(quick_retries(2))
            .build()
            .expect("client builds")
    }
}

/// Issues a Bootpay card billing key with the sandbox's test card.
pub async fn issue_test_billing_key(client: &Client, subscription_id: &str) -> String {
    client
        .issue_billing_key(paywire::bootpay::IssueBillingKey::new(
            "nicepay",
            "구독",
            subscription_id,
            "5570000000001234",
            "12",
            "900101",
            "28",
            "12",
        ))
        .await
        .expect("billing key")
        .billing_key
}

/// Everything `tracing` writes at TRACE while it lives, for tests that grep the logs for secrets.
pub struct TraceCapture {
    buffer: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    _guard: tracing::subscriber::DefaultGuard,
}

#[derive(Clone)]
struct CaptureWriter(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for CaptureWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut buffer) = self.0.lock() {
            buffer.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl TraceCapture {
    /// Starts capturing on this thread (use a current-thread test runtime, the `#[tokio::test]` default).
    pub fn start() -> Self {
        let buffer = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let writer = CaptureWriter(buffer.clone());
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        Self {
            buffer,
            _guard: tracing::subscriber::set_default(subscriber),
        }
    }

    /// What was written so far.
    pub fn text(&self) -> String {
        let bytes = self.buffer.lock().map(|b| b.clone()).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }
}
