//! An in-process `paywire-sandbox` (Bootpay and iamport) for users' own offline tests
//! (`paywire.testing.Sandbox`).
//!
//! The server gets its own small runtime rather than the clients' shared one, so a test that stops the
//! sandbox never disturbs the clients, and the clients' runtime rebuild after a fork never touches it.

use crate::{errors, logging};
use paywire_sandbox::{IamportFormat, Sandbox, SandboxConfig};
use pyo3::prelude::*;
use serde_json::json;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;
use tokio::runtime::{Builder, Runtime};

struct Running {
    runtime: Runtime,
    sandbox: Sandbox,
}

/// A typed `invalid_input` error naming `field`, raised before the server starts.
fn invalid(field: &str, reason: &str) -> PyErr {
    errors::to_py(&json!({
        "kind": "invalid_input",
        "message": format!("invalid input: {field} {reason}"),
        "field": field,
        "reason": reason,
    }))
}

/// A sandbox server listening on `host:port` (default `127.0.0.1` and a free port) until `stop()` (or
/// garbage collection).
#[pyclass(module = "paywire._native", frozen)]
pub struct SandboxServer {
    url: String,
    config: SandboxConfig,
    running: Mutex<Option<Running>>,
}

#[pymethods]
impl SandboxServer {
    /// Starts the server on `host:port` (port 0: a free one); `token_ttl_secs` sets the lifetime of
    /// the access tokens it issues, `webhook_url` where webhooks of both providers are POSTed,
    /// `iamport_webhook_format` (`"json"` or `"form"`) how iamport's are encoded, and `log_requests`
    /// forwards one `paywire.sandbox` log record per request (method, path, status, duration).
    #[new]
    #[pyo3(signature = (token_ttl_secs=None, host="127.0.0.1", port=0, webhook_url=None,
                        iamport_webhook_format="json", log_requests=false))]
    fn new(
        py: Python<'_>,
        token_ttl_secs: Option<u64>,
        host: &str,
        port: u16,
        webhook_url: Option<String>,
        iamport_webhook_format: &str,
        log_requests: bool,
    ) -> PyResult<Self> {
        let ip: IpAddr = host
            .parse()
            .map_err(|_| invalid("host", "must be an IP address (e.g. 127.0.0.1 or 0.0.0.0)"))?;
        if let Some(url) = &webhook_url {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(invalid("webhook_url", "must be an http:// or https:// URL"));
            }
        }
        let format = match iamport_webhook_format {
            "json" => IamportFormat::Json,
            "form" => IamportFormat::Form,
            _ => {
                return Err(invalid(
                    "iamport_webhook_format",
                    "must be \"json\" or \"form\"",
                ))
            }
        };
        let mut config = SandboxConfig {
            webhook_url,
            iamport_webhook_format: format,
            ..SandboxConfig::default()
        };
        if let Some(ttl) = token_ttl_secs {
            config.token_ttl = Duration::from_secs(ttl.max(1));
        }
        if log_requests {
            logging::forward_sandbox_access();
        }
        let addr = SocketAddr::new(ip, port);
        let start_config = config.clone();
        let started = py.detach(move || -> std::io::Result<Running> {
            let runtime = Builder::new_multi_thread()
                .worker_threads(2)
                .thread_name("paywire-sandbox")
                .enable_all()
                .build()?;
            let sandbox = runtime.block_on(Sandbox::start_on(addr, start_config))?;
            Ok(Running { runtime, sandbox })
        });
        let running = started.map_err(|e| {
            errors::to_py(&errors::internal(format!(
                "the sandbox could not listen on {addr}: {e}"
            )))
        })?;
        Ok(Self {
            url: running.sandbox.url(),
            config,
            running: Mutex::new(Some(running)),
        })
    }

    /// `http://HOST:PORT` (the dashboard is at `/`).
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
        self.config.credentials.imp_key.clone()
    }

    /// The iamport REST API secret the sandbox accepts.
    #[getter]
    fn imp_secret(&self) -> String {
        self.config.credentials.imp_secret.clone()
    }

    /// Legacy credential pair, first half.
    #[getter]
    fn application_id(&self) -> String {
        self.config.credentials.application_id.clone()
    }

    /// Legacy credential pair, second half.
    #[getter]
    fn private_key(&self) -> String {
        self.config.credentials.private_key.clone()
    }

    /// Recommended credential pair, first half.
    #[getter]
    fn client_key(&self) -> String {
        self.config.credentials.client_key.clone()
    }

    /// Recommended credential pair, second half.
    #[getter]
    fn secret_key(&self) -> String {
        self.config.credentials.secret_key.clone()
    }

    /// The OTP that completes every REST identity authentication.
    #[getter]
    fn otp(&self) -> String {
        self.config.credentials.otp.clone()
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

/// The flags of `python -m paywire.sandbox`, read by the `paywire-sandbox` binary's own parser
/// (`paywire_sandbox::cli`), so the launchers of every language accept exactly the same command line.
///
/// Answers `{"help": usage}` for `-h`/`--help`, else `{"host", "port", "webhook_url",
/// "iamport_webhook_format", "log_format"}`; raises `ValueError` with the message to print (exit status 2).
#[pyfunction]
#[pyo3(signature = (program, args, env_addr=None))]
pub(crate) fn parse_sandbox_args<'py>(
    py: Python<'py>,
    program: &str,
    args: Vec<String>,
    env_addr: Option<String>,
) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
    use paywire_sandbox::cli::{parse_args, Command};
    let answer = pyo3::types::PyDict::new(py);
    match parse_args(program, args, env_addr) {
        Command::Help { usage } => answer.set_item("help", usage)?,
        Command::Invalid { message } => {
            return Err(pyo3::exceptions::PyValueError::new_err(message))
        }
        Command::Run { options, json_logs } => {
            answer.set_item("host", options.host)?;
            answer.set_item("port", options.port)?;
            answer.set_item("webhook_url", options.webhook_url)?;
            let format = options.iamport_webhook_format.unwrap_or_default().name();
            answer.set_item("iamport_webhook_format", format)?;
            answer.set_item("log_format", if json_logs { "json" } else { "plain" })?;
        }
    }
    Ok(answer)
}
