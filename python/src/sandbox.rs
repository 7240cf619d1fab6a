//! An in-process `paywire-sandbox` (Bootpay and iamport) for users' own offline tests
//! (`paywire.testing.Sandbox`).
//!
//! The server gets its own small runtime rather than the clients' shared one, so a test that stops the
//! sandbox never disturbs the clients, and the clients' runtime rebuild after a fork never touches it.

use crate::errors;
use paywire_sandbox::{Sandbox, SandboxConfig, SANDBOX_OTP};
use pyo3::prelude::*;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;
use tokio::runtime::{Builder, Runtime};

struct Running {
    runtime: Runtime,
    sandbox: Sandbox,
}

/// A sandbox server listening on `127.0.0.1` with a free port until `stop()` (or garbage collection).
#[pyclass(module = "paywire._native", frozen)]
pub struct SandboxServer {
    url: String,
    config: SandboxConfig,
    running: Mutex<Option<Running>>,
}

#[pymethods]
impl SandboxServer {
    /// Starts the server; `token_ttl_secs` sets the lifetime of the access tokens it issues.
    #[new]
    #[pyo3(signature = (token_ttl_secs=None))]
    fn new(py: Python<'_>, token_ttl_secs: Option<u64>) -> PyResult<Self> {
        let mut config = SandboxConfig::default();
        if let Some(ttl) = token_ttl_secs {
            config.token_ttl = Duration::from_secs(ttl.max(1));
        }
        let start_config = config.clone();
        let started = py.detach(move || -> std::io::Result<Running> {
            let runtime = Builder::new_multi_thread()
                .worker_threads(2)
                .thread_name("paywire-sandbox")
                .enable_all()
                .build()?;
            let sandbox = runtime.block_on(Sandbox::start(start_config))?;
            Ok(Running { runtime, sandbox })
        });
        let running = started.map_err(|e| {
            errors::to_py(&errors::internal(format!(
                "the sandbox could not start: {e}"
            )))
        })?;
        Ok(Self {
            url: running.sandbox.url(),
            config,
            running: Mutex::new(Some(running)),
        })
    }

    /// `http://127.0.0.1:PORT`.
    #[getter]
    fn url(&self) -> String {
        self.url.clone()
    }

    /// The Bootpay API root (`url` + `/v2`): the `base_url` of a client.
    #[getter]
    fn bootpay_url(&self) -> String {
        format!("{}/v2", self.url)
    }

    /// The iamport API root (`url` + `/iamport`): the `base_url` of an iamport client.
    #[getter]
    fn iamport_url(&self) -> String {
        format!("{}/iamport", self.url)
    }

    /// The iamport REST API key the sandbox accepts.
    #[getter]
    fn imp_key(&self) -> String {
        self.config.imp_key.clone()
    }

    /// The iamport REST API secret the sandbox accepts.
    #[getter]
    fn imp_secret(&self) -> String {
        self.config.imp_secret.clone()
    }

    /// Legacy credential pair, first half.
    #[getter]
    fn application_id(&self) -> String {
        self.config.application_id.clone()
    }

    /// Legacy credential pair, second half.
    #[getter]
    fn private_key(&self) -> String {
        self.config.private_key.clone()
    }

    /// Recommended credential pair, first half.
    #[getter]
    fn client_key(&self) -> String {
        self.config.client_key.clone()
    }

    /// Recommended credential pair, second half.
    #[getter]
    fn secret_key(&self) -> String {
        self.config.secret_key.clone()
    }

    /// The OTP that completes every REST identity authentication.
    #[getter]
    fn otp(&self) -> &'static str {
        SANDBOX_OTP
    }

    /// Whether the server is still running.
    #[getter]
    fn running(&self) -> bool {
        self.running
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }

    /// Stops the server; calling it again does nothing.
    fn stop(&self, py: Python<'_>) {
        let running = self
            .running
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(Running { runtime, sandbox }) = running {
            py.detach(move || {
                drop(sandbox);
                runtime.shutdown_timeout(Duration::from_secs(2));
            });
        }
    }
}

impl Drop for SandboxServer {
    fn drop(&mut self) {
        let running = self
            .running
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(Running { runtime, sandbox }) = running {
            drop(sandbox);
            // Without waiting: this may run inside the garbage collector, holding the GIL.
            runtime.shutdown_background();
        }
    }
}
