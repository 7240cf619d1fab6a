//! Shared test support: an in-process sandbox per test, clients pointed at it, and the sandbox admin API.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use paywire::bootpay::Client;
use paywire_sandbox::{Sandbox, SandboxConfig};
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

/// A running sandbox plus a plain HTTP client for its admin API.
pub struct Env {
    pub sandbox: Sandbox,
    http: reqwest::Client,
}

impl Env {
    pub async fn start() -> Self {
        Self::start_with(SandboxConfig::default()).await
    }

    pub async fn start_with(config: SandboxConfig) -> Self {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let sandbox = Sandbox::start(config).await.expect("sandbox starts");
        Self {
            sandbox,
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
        self.admin_post(
            "bootpay/receipts",
            json!({ "status": status, "price": price }),
        )
        .await
    }

    pub async fn receipt_id(&self, status: i64, price: i64) -> String {
        self.receipt(status, price).await["receipt_id"]
            .as_str()
            .expect("receipt_id")
            .to_owned()
    }

    pub async fn fault(&self, fault: Value) {
        self.admin_post("faults", fault).await;
    }

    pub async fn token_requests(&self) -> u64 {
        self.admin_get("counters").await["token_requests"]
            .as_u64()
            .unwrap_or(0)
    }

    /// How many requests hit a route key such as `POST subscribe/payment`.
    pub async fn route_count(&self, key: &str) -> u64 {
        self.admin_get("counters").await["requests"][key]
            .as_u64()
            .unwrap_or(0)
    }

    pub async fn requests(&self) -> Vec<Value> {
        self.admin_get("requests")
            .await
            .as_array()
            .cloned()
            .unwrap_or_default()
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
        self.admin_delete("requests").await;
    }

    pub async fn advance_clock(&self, seconds: u64) {
        self.admin_post("clock/advance", json!({ "seconds": seconds }))
            .await;
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
        self.admin_get("counters").await["iamport_token_requests"]
            .as_u64()
            .unwrap_or(0)
    }
}
