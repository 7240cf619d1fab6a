//! The sandbox for Kotlin/Java and Swift (feature `uniffi`, enabled by `paywire-ffi`'s `sandbox` feature,
//! so it ships inside `libpaywire_ffi`): [`SandboxServer`], an in-process sandbox for tests and demos, and
//! the command line of the JVM launcher `paywire.SandboxMainKt` ([`parse_sandbox_args`],
//! [`sandbox_init_access_log`]). The records and enums it takes and answers are the sandbox's own
//! ([`SandboxOptions`], [`SandboxCredentials`], [`crate::IamportFormat`], [`Command`], [`SandboxError`]),
//! derived where they are declared. Kotlin package `paywire.sandbox`; Swift module `Paywire`.

use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio::runtime::{Builder, Handle, Runtime};

use crate::cli::{self, Command};
use crate::{Sandbox, SandboxCredentials, SandboxError, SandboxOptions};

/// How long [`SandboxServer::stop`] waits for the server's threads to finish.
const STOP_TIMEOUT: Duration = Duration::from_secs(2);

/// Reads the flags of the `paywire-sandbox` binary (`--host --port --addr --webhook-url
/// --iamport-webhook-format --log-format`, `PAYWIRE_SANDBOX_ADDR` as the fallback address) with the
/// binary's own parser ([`cli::parse_args`]); `program` names the command in the usage text. Kotlin:
/// `parseSandboxArgs("paywire-sandbox", args.toList())`.
#[uniffi::export]
pub fn parse_sandbox_args(program: String, args: Vec<String>) -> Command {
    cli::parse_args(&program, args, std::env::var("PAYWIRE_SANDBOX_ADDR").ok())
}

/// Turns on the sandbox's access log, as the `paywire-sandbox` binary has it: one line per request on
/// stdout (method, path, status, duration), JSON objects when `json`. For a launcher's `main`; does nothing
/// when the process already has a Rust `tracing` subscriber (then paywire's log sink cannot get one:
/// `setLogSink` says so). Filter with `RUST_LOG`.
#[uniffi::export]
pub fn sandbox_init_access_log(json: bool) {
    cli::init_access_log(json);
}

/// A sandbox and the threads that serve it.
struct Running {
    runtime: Runtime,
    sandbox: Sandbox,
}

impl Running {
    /// Stops the server; waits for its threads (at most [`STOP_TIMEOUT`]) only when `wait` and the
    /// caller may block (tokio refuses to block inside an async context).
    fn shut_down(self, wait: bool) {
        // Dropping the sandbox tells its accept loop to stop; shutting the runtime down ends the rest.
        drop(self.sandbox);
        if wait && Handle::try_current().is_err() {
            self.runtime.shutdown_timeout(STOP_TIMEOUT);
        } else {
            self.runtime.shutdown_background();
        }
    }
}

/// A running Bootpay + iamport sandbox in this process, on its own two threads (named
/// `paywire-sandbox`), so stopping it never disturbs the clients' runtime. It accepts the
/// [`SandboxCredentials::default`] credentials (`credentials()`), listens where [`SandboxOptions`] say, and
/// stops on `stop()` or when the object is freed. Its admin API (`/__admin/...`) is plain HTTP, described
/// at `/__admin/openapi.json`.
///
/// Kotlin:
/// ```kotlin
/// val server = SandboxServer.startWith(SandboxOptions(webhookUrl = "http://127.0.0.1:9000/hook"))
/// val bootpay = Bootpay(BootpayConfig(clientKey = server.credentials().clientKey, /* … */ baseUrl = server.bootpayUrl()))
/// server.stop()
/// ```
#[derive(uniffi::Object)]
pub struct SandboxServer {
    url: String,
    port: u16,
    credentials: SandboxCredentials,
    running: Mutex<Option<Running>>,
}

#[uniffi::export]
impl SandboxServer {
    /// Starts a sandbox on `127.0.0.1` and a free port: `start_with` the default options.
    #[uniffi::constructor]
    pub fn start() -> Result<Arc<Self>, SandboxError> {
        Self::start_with(SandboxOptions::default())
    }

    /// Starts a sandbox where `options` say. A bad `host` or `webhook_url` is `InvalidInput` naming it
    /// (nothing is bound, no thread started); an address that cannot be bound (a port in use) is `Bind`
    /// naming the address. Kotlin: `SandboxServer.startWith(SandboxOptions(port = 8765u))`.
    #[uniffi::constructor]
    pub fn start_with(options: SandboxOptions) -> Result<Arc<Self>, SandboxError> {
        let (_, config) = options.resolve()?;
        let credentials = config.credentials;
        let runtime = Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("paywire-sandbox")
            .enable_all()
            .build()
            .map_err(|e| SandboxError::Runtime {
                reason: e.to_string(),
            })?;
        // Started by a task on its own runtime and awaited over a channel rather than `block_on`, which
        // would panic if the caller were itself inside a tokio runtime.
        let (sender, receiver) = mpsc::sync_channel(1);
        runtime.spawn(async move {
            let _ = sender.send(options.start().await);
        });
        let started = receiver.recv().unwrap_or_else(|_| {
            Err(SandboxError::Runtime {
                reason: "the start task ended without an answer".to_owned(),
            })
        });
        let sandbox = match started {
            Ok(sandbox) => sandbox,
            Err(e) => {
                runtime.shutdown_background();
                return Err(e);
            }
        };
        Ok(Arc::new(Self {
            url: sandbox.url(),
            port: sandbox.addr().port(),
            credentials,
            running: Mutex::new(Some(Running { runtime, sandbox })),
        }))
    }

    /// `http://HOST:PORT` (the dashboard is at `/`, the admin API under `/__admin`).
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

    /// The port it listens on (the one picked when the options said 0).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The credentials and OTP it accepts.
    pub fn credentials(&self) -> SandboxCredentials {
        self.credentials.clone()
    }

    /// Stops the server and waits (at most two seconds) for its threads; calling it again does nothing.
    pub fn stop(&self) {
        if let Some(running) = self.take_running() {
            running.shut_down(true);
        }
    }
}

impl SandboxServer {
    fn take_running(&self) -> Option<Running> {
        self.running
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }
}

impl Drop for SandboxServer {
    fn drop(&mut self) {
        // Freed without `stop()` (a Kotlin cleaner, a Swift deinit): stop without waiting, since the
        // thread that frees the object may not be one that can block.
        if let Some(running) = self.take_running() {
            running.shut_down(false);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_serves_and_stops() {
        let Ok(server) = SandboxServer::start() else {
            panic!("no sandbox")
        };
        assert!(server.url().starts_with("http://127.0.0.1:"));
        assert_eq!(server.bootpay_url(), format!("{}/v2", server.url()));
        assert_ne!(server.port(), 0);
        assert_eq!(server.credentials(), SandboxCredentials::default());
        let addr = format!("127.0.0.1:{}", server.port());
        assert!(std::net::TcpStream::connect(&addr).is_ok());
        // A second sandbox on the same port: the address is named.
        let taken = SandboxOptions {
            port: server.port(),
            ..SandboxOptions::default()
        };
        match SandboxServer::start_with(taken) {
            Err(SandboxError::Bind { address, .. }) => assert_eq!(address, addr),
            Err(e) => panic!("not a bind error: {e}"),
            Ok(_) => panic!("bound twice"),
        }
        server.stop();
        server.stop();
        assert!(std::net::TcpStream::connect(&addr).is_err());
    }

    #[test]
    fn bad_options_are_refused_before_anything_starts() {
        let options = SandboxOptions {
            webhook_url: Some("ftp://x".into()),
            ..SandboxOptions::default()
        };
        match SandboxServer::start_with(options) {
            Err(SandboxError::InvalidInput { field, .. }) => assert_eq!(field, "webhook_url"),
            Err(e) => panic!("not invalid input: {e}"),
            Ok(_) => panic!("started"),
        }
    }

    #[tokio::test]
    async fn starts_and_stops_inside_an_async_context() {
        let Ok(server) = SandboxServer::start() else {
            panic!("no sandbox")
        };
        server.stop();
        drop(server);
    }
}
