//! `paywire-sandbox`: an in-memory, stateful emulation of the Bootpay REST v2 and iamport
//! (PortOne V1) server APIs, with fault injection and an admin API, for testing payment
//! clients without a network.
//!
//! The contract (routes, error codes, admin calls) is `docs/SANDBOX.md`. It never depends on
//! the `paywire` client crate, so it can catch that crate's mistakes.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use paywire_sandbox::{Sandbox, SandboxConfig};
//! let sandbox = Sandbox::start(SandboxConfig::default()).await?;
//! println!("Bootpay API at {}", sandbox.bootpay_url());
//! println!("iamport API at {}", sandbox.iamport_url());
//! # Ok(()) }
//! ```
//!
//! With the `uniffi` feature (enabled only by `paywire-ffi`'s `sandbox` feature) the launcher's types
//! ([`SandboxOptions`], [`SandboxCredentials`], [`IamportFormat`], [`SandboxError`], [`cli::Command`]) cross
//! UniFFI as they are, and `SandboxServer` (an in-process sandbox on its own small runtime) is exported for
//! Kotlin (package `paywire.sandbox`) and Swift (module `Paywire`).

// The sandbox's own code has no unsafe. UniFFI's derives and scaffolding (feature `uniffi`) emit
// `unsafe impl`s of its FFI traits, so only that build allows it.
#![cfg_attr(not(feature = "uniffi"), forbid(unsafe_code))]
#![cfg_attr(feature = "uniffi", allow(unsafe_code))]

mod admin;
mod admin_client;
mod body;
mod bootpay;
pub mod cli;
mod clock;
mod dashboard;
mod faults;
#[cfg(feature = "uniffi")]
mod ffi;
mod iamport;
mod model;
mod options;
mod record;
mod server;
mod state;
mod webhooks;

pub use admin_client::{
    AdminClient, AdminError, AdminOperation, BootpayReceipt, BootpayReceiptStatus, ClockState,
    ConfigUpdate, Counters, DeliveryAttempt, DeliveryState, ExpiredTokens, Fault, FaultProvider,
    FaultSpec, IamportPayment, IamportPaymentStatus, NewBootpayReceipt, NewIamportPayment,
    RecordedRequest, SandboxSettings, WebhookDelivery, WebhookSettings, Webhooks, ADMIN_OPERATIONS,
};
#[cfg(feature = "uniffi")]
pub use ffi::{parse_sandbox_args, sandbox_init_access_log, SandboxServer};
pub use options::{SandboxError, SandboxOptions};
pub use webhooks::IamportFormat;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::state::App;

/// The OTP that completes every REST identity authentication unless
/// [`SandboxCredentials::otp`] says otherwise.
pub const SANDBOX_OTP: &str = "123456";

/// The credentials a sandbox accepts (test values, not secrets): `SandboxCredentials::default()` is
/// what every sandbox started without its own [`SandboxConfig::credentials`] accepts. Kotlin/Swift read
/// them from `SandboxServer.credentials()`.
///
/// ```
/// use paywire_sandbox::{SandboxConfig, SandboxCredentials};
/// let config = SandboxConfig {
///     credentials: SandboxCredentials { imp_secret: "my-secret".into(), ..SandboxCredentials::default() },
///     ..SandboxConfig::default()
/// };
/// assert_eq!(config.credentials.imp_key, "sandbox-imp-key");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SandboxCredentials {
    /// Bootpay, HTTP Basic pair: first half.
    pub client_key: String,
    /// Bootpay, HTTP Basic pair: second half.
    pub secret_key: String,
    /// Bootpay, token pair (exchanged for a Bearer token): first half.
    pub application_id: String,
    /// Bootpay, token pair: second half.
    pub private_key: String,
    /// iamport REST API key (`imp_key` of `users/getToken`).
    pub imp_key: String,
    /// iamport REST API secret (`imp_secret` of `users/getToken`).
    pub imp_secret: String,
    /// The OTP of identity authentication (both providers).
    pub otp: String,
}

impl Default for SandboxCredentials {
    fn default() -> Self {
        SandboxCredentials {
            client_key: "sandbox-client-key".into(),
            secret_key: "sandbox-secret-key".into(),
            application_id: "sandbox-application-id".into(),
            private_key: "sandbox-private-key".into(),
            imp_key: "sandbox-imp-key".into(),
            imp_secret: "sandbox-imp-secret".into(),
            otp: SANDBOX_OTP.into(),
        }
    }
}

/// Credentials the sandbox accepts and how long its access tokens live.
#[derive(Clone, Debug)]
pub struct SandboxConfig {
    /// The key pairs and OTP it accepts.
    pub credentials: SandboxCredentials,
    /// Lifetime of access tokens issued by `request/token` and iamport's `users/getToken`.
    pub token_ttl: Duration,
    /// How long a client may take to send a request's headers before the connection is
    /// closed (slowloris protection). The clock starts when the connection opens and, on a
    /// keep-alive connection, when the previous answer is done, so an idle connection is also
    /// closed after this long.
    pub header_read_timeout: Duration,
    /// Where webhooks of both providers go, unless a payment names its own receiver
    /// (`None`: only payments that name one are delivered).
    pub webhook_url: Option<String>,
    /// Encoding of iamport webhook bodies (JSON by default, form as the console allows).
    pub iamport_webhook_format: IamportFormat,
    /// Wait before the first webhook retry; doubled on each further retry (at most 60 s).
    /// Tests set a few milliseconds.
    pub webhook_backoff_base: Duration,
    /// Limit on one webhook attempt (connect, send, read the answer).
    pub webhook_timeout: Duration,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            credentials: SandboxCredentials::default(),
            token_ttl: Duration::from_secs(1800),
            header_read_timeout: Duration::from_secs(30),
            webhook_url: None,
            iamport_webhook_format: IamportFormat::default(),
            webhook_backoff_base: Duration::from_secs(1),
            webhook_timeout: Duration::from_secs(10),
        }
    }
}

/// A running sandbox server. Dropping it stops the server.
#[derive(Debug)]
pub struct Sandbox {
    addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl Sandbox {
    /// Starts a sandbox on `127.0.0.1` with a free port.
    pub async fn start(config: SandboxConfig) -> std::io::Result<Sandbox> {
        Self::start_on(SocketAddr::from(([127, 0, 0, 1], 0)), config).await
    }

    /// Starts a sandbox on the given address.
    pub async fn start_on(addr: SocketAddr, config: SandboxConfig) -> std::io::Result<Sandbox> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let header_timeout = config.header_read_timeout;
        let app = App::new(config, format!("http://{addr}"));
        let router = build_router(&app);
        let (shutdown, stop) = oneshot::channel::<()>();
        let task = tokio::spawn(server::serve(listener, router, header_timeout, stop));
        Ok(Sandbox {
            addr,
            shutdown: Some(shutdown),
            task: Some(task),
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The Bootpay API root: [`Sandbox::url`] + `/v2`.
    pub fn bootpay_url(&self) -> String {
        format!("{}/v2", self.url())
    }

    /// The iamport (PortOne V1) API root: [`Sandbox::url`] + `/iamport`.
    pub fn iamport_url(&self) -> String {
        format!("{}/iamport", self.url())
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until the process ends (the binary uses this).
    pub async fn serve_forever(mut self) {
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

fn build_router(app: &Arc<App>) -> Router {
    let routes = Router::new()
        .merge(bootpay::router(app))
        .merge(iamport::router(app))
        .merge(admin::router())
        .merge(dashboard::router())
        .route("/link/{link_id}", get(bootpay::link_page))
        .fallback(not_found_fallback)
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            webhooks::webhook_layer,
        ))
        .with_state(app.clone());
    // An outer router whose middleware runs before `routes` routes, so it can rewrite paths.
    Router::new()
        .fallback_service(routes)
        .layer(axum::middleware::map_request(iamport::trim_trailing_slash))
        .layer(axum::middleware::from_fn(body::read_whole_body))
        .layer(axum::middleware::from_fn(server::log_request))
}

/// Unknown paths answer in the error shape of the API they are under.
async fn not_found_fallback(req: Request) -> Response {
    match record::split_path(req.uri().path()) {
        (record::Provider::Iamport, path) => iamport::not_found(path),
        _ => bootpay::not_found_fallback(req).await.into_response(),
    }
}

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("paywire_sandbox");
