//! `SandboxServer`: an in-process `paywire-sandbox` for Kotlin/Swift tests and demos (feature `sandbox`,
//! on by default). It runs on the shared runtime, listens on `127.0.0.1` with a free port, and stops when
//! `stop()` is called or the object is freed. Its admin API (`/__admin/...`) is plain HTTP.

use crate::error::PaywireError;
use crate::runtime;
use paywire_sandbox::{Sandbox, SandboxConfig};
use std::sync::{Arc, Mutex};

/// A running Bootpay + iamport sandbox. Credentials it accepts: Bootpay `sandbox-client-key` /
/// `sandbox-secret-key` (Basic) and `sandbox-application-id` / `sandbox-private-key` (token); iamport
/// `sandbox-imp-key` / `sandbox-imp-secret`. The OTP is `123456` on both sides.
#[derive(uniffi::Object)]
pub struct SandboxServer {
    url: String,
    server: Mutex<Option<Sandbox>>,
}

#[uniffi::export]
impl SandboxServer {
    /// Starts a sandbox on `127.0.0.1:0` with the default credentials.
    #[uniffi::constructor]
    pub fn start() -> Result<Arc<Self>, PaywireError> {
        let sandbox = runtime::block_on("sandbox_start", async {
            Sandbox::start(SandboxConfig::default())
                .await
                .map_err(|e| PaywireError::config(format!("the sandbox could not start: {e}")))
        })?;
        Ok(Arc::new(Self {
            url: sandbox.url(),
            server: Mutex::new(Some(sandbox)),
        }))
    }

    /// `http://127.0.0.1:PORT` (the admin API lives under `/__admin`).
    pub fn url(&self) -> String {
        self.url.clone()
    }

    /// The Bootpay API root to give `BootpayConfig.base_url`: `url() + "/v2"`.
    pub fn bootpay_url(&self) -> String {
        format!("{}/v2", self.url)
    }

    /// The iamport API root to give `IamportConfig.base_url`: `url() + "/iamport"`.
    pub fn iamport_url(&self) -> String {
        format!("{}/iamport", self.url)
    }

    /// Stops the server (idempotent).
    pub fn stop(&self) {
        let taken = match self.server.lock() {
            Ok(mut guard) => guard.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        drop(taken);
    }

    /// Test hook: panics inside a paywire task, to show that a Rust panic comes back as
    /// `PaywireException.Internal` and never crosses the FFI boundary.
    pub async fn simulate_panic(&self) -> Result<(), PaywireError> {
        runtime::run(async { boom() }).await
    }
}

fn boom() -> Result<(), PaywireError> {
    panic!("simulated panic (SandboxServer.simulate_panic)")
}
