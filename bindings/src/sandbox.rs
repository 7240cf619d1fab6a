//! `SandboxServer`: an in-process `paywire-sandbox` for Kotlin/Swift tests and demos (feature `sandbox`,
//! on by default). It runs on the shared runtime, listens where [`SandboxOptions`] say (`127.0.0.1` and a
//! free port by default), delivers webhooks to `webhook_url`, and stops when `stop()` is called or the
//! object is freed. Its admin API (`/__admin/...`) is plain HTTP, described at `/__admin/openapi.json`.
//!
//! [`parse_sandbox_args`] reads the `paywire-sandbox` command line with the binary's own parser
//! (`paywire_sandbox::cli`), for launchers in other languages (`paywire.SandboxMainKt`).

use crate::error::PaywireError;
use crate::runtime;
use paywire_sandbox::cli::{self, Command};
use paywire_sandbox::{IamportFormat, Sandbox, SandboxConfig, SANDBOX_OTP};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

/// How the sandbox encodes iamport webhook bodies (a console setting at iamport).
#[derive(Clone, Copy, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum SandboxWebhookFormat {
    /// `application/json` (the default).
    Json,
    /// `application/x-www-form-urlencoded`.
    Form,
}

impl From<SandboxWebhookFormat> for IamportFormat {
    fn from(f: SandboxWebhookFormat) -> Self {
        match f {
            SandboxWebhookFormat::Json => IamportFormat::Json,
            SandboxWebhookFormat::Form => IamportFormat::Form,
        }
    }
}

impl From<IamportFormat> for SandboxWebhookFormat {
    fn from(f: IamportFormat) -> Self {
        match f {
            IamportFormat::Json => SandboxWebhookFormat::Json,
            IamportFormat::Form => SandboxWebhookFormat::Form,
        }
    }
}

/// Where and how [`SandboxServer::start_with`] listens. Kotlin: `SandboxOptions(port = 8765,
/// webhookUrl = "http://127.0.0.1:9000/hook")`; every field has a default.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct SandboxOptions {
    /// The IP address to listen on (`0.0.0.0` for every interface).
    #[uniffi(default = "127.0.0.1")]
    pub host: String,
    /// The port; 0 picks a free one (read it back with `SandboxServer.port()`).
    #[uniffi(default = 0)]
    pub port: u16,
    /// Where webhooks of both providers are POSTed (`None`: only to payments that name their own receiver).
    #[uniffi(default = None)]
    pub webhook_url: Option<String>,
    /// Encoding of iamport webhooks (`None`: JSON).
    #[uniffi(default = None)]
    pub iamport_webhook_format: Option<SandboxWebhookFormat>,
}

impl SandboxOptions {
    /// The address and configuration, or `InvalidInput` naming the field.
    fn resolve(&self) -> Result<(SocketAddr, SandboxConfig), PaywireError> {
        crate::text::check("host", &self.host)?;
        crate::text::check("webhook_url", &self.webhook_url)?;
        let ip =
            cli::parse_host(&self.host).map_err(|e| PaywireError::invalid_input("host", &e))?;
        if let Some(url) = &self.webhook_url {
            cli::check_webhook_url(url)
                .map_err(|e| PaywireError::invalid_input("webhook_url", &e))?;
        }
        let config = SandboxConfig {
            webhook_url: self.webhook_url.clone(),
            iamport_webhook_format: self
                .iamport_webhook_format
                .unwrap_or(SandboxWebhookFormat::Json)
                .into(),
            ..SandboxConfig::default()
        };
        Ok((SocketAddr::new(ip, self.port), config))
    }
}

/// What a `paywire-sandbox` command line asks for ([`parse_sandbox_args`]).
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Enum)]
pub enum SandboxCommand {
    /// Start a sandbox with `options`; `json_logs`: the access log as JSON objects (`--log-format json`).
    Run {
        /// Where and how to listen.
        options: SandboxOptions,
        /// `--log-format json`.
        json_logs: bool,
    },
    /// `--help`: print `usage` and exit with status 0.
    Help {
        /// The usage text.
        usage: String,
    },
    /// A bad flag: print `message` on stderr and exit with status 2.
    Invalid {
        /// What is wrong, with the usage text when that helps.
        message: String,
    },
}

/// Reads the flags of the `paywire-sandbox` binary (`--host --port --addr --webhook-url
/// --iamport-webhook-format --log-format`, `PAYWIRE_SANDBOX_ADDR` as the fallback address) with the
/// binary's own parser; `program` names the command in the usage text. Kotlin:
/// `parseSandboxArgs("paywire-sandbox", args.toList())`.
#[uniffi::export]
pub fn parse_sandbox_args(program: String, args: Vec<String>) -> SandboxCommand {
    let env_addr = std::env::var("PAYWIRE_SANDBOX_ADDR").ok();
    match cli::parse_args(&program, args, env_addr) {
        Ok(Command::Run(o)) => SandboxCommand::Run {
            options: SandboxOptions {
                host: o.addr.ip().to_string(),
                port: o.addr.port(),
                webhook_url: o.webhook_url,
                iamport_webhook_format: Some(o.iamport_format.into()),
            },
            json_logs: o.json_logs,
        },
        Ok(Command::Help(usage)) => SandboxCommand::Help { usage },
        Err(message) => SandboxCommand::Invalid { message },
    }
}

/// Turns on the sandbox's access log, as the `paywire-sandbox` binary has it: one line per request on
/// stdout (method, path, status, duration), JSON objects when `json`. For a launcher's `main`; does nothing
/// when the process already has a Rust `tracing` subscriber. Filter with `RUST_LOG`.
#[uniffi::export]
pub fn sandbox_init_access_log(json: bool) {
    cli::init_access_log(json);
}

/// The credentials every sandbox accepts (test values, not secrets).
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct SandboxCredentials {
    /// Bootpay, HTTP Basic pair: first half.
    pub client_key: String,
    /// Bootpay, HTTP Basic pair: second half.
    pub secret_key: String,
    /// Bootpay, token pair: first half.
    pub application_id: String,
    /// Bootpay, token pair: second half.
    pub private_key: String,
    /// iamport REST API key.
    pub imp_key: String,
    /// iamport REST API secret.
    pub imp_secret: String,
    /// The OTP of identity authentication (both providers).
    pub otp: String,
}

/// A running Bootpay + iamport sandbox. Credentials it accepts: Bootpay `sandbox-client-key` /
/// `sandbox-secret-key` (Basic) and `sandbox-application-id` / `sandbox-private-key` (token); iamport
/// `sandbox-imp-key` / `sandbox-imp-secret`. The OTP is `123456` on both sides.
#[derive(uniffi::Object)]
pub struct SandboxServer {
    url: String,
    port: u16,
    server: Mutex<Option<Sandbox>>,
}

#[uniffi::export]
impl SandboxServer {
    /// Starts a sandbox on `127.0.0.1:0` with the default credentials (`start_with` the default options).
    #[uniffi::constructor]
    pub fn start() -> Result<Arc<Self>, PaywireError> {
        Self::start_with(SandboxOptions {
            host: cli::DEFAULT_HOST.to_owned(),
            port: 0,
            webhook_url: None,
            iamport_webhook_format: None,
        })
    }

    /// Starts a sandbox where `options` say. A bad `host` or `webhook_url` is `InvalidInput` naming it
    /// (nothing is bound); an address that cannot be bound (a port in use) is `Config` naming the address.
    /// Kotlin: `SandboxServer.startWith(SandboxOptions(port = 8765))`.
    #[uniffi::constructor]
    pub fn start_with(options: SandboxOptions) -> Result<Arc<Self>, PaywireError> {
        let (addr, config) = options.resolve()?;
        let sandbox = runtime::block_on("sandbox_start", async move {
            Sandbox::start_on(addr, config).await.map_err(|e| {
                PaywireError::config(format!("the sandbox could not listen on {addr}: {e}"))
            })
        })?;
        Ok(Arc::new(Self {
            url: sandbox.url(),
            port: sandbox.addr().port(),
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

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The credentials it accepts (the same for every sandbox).
    pub fn credentials(&self) -> SandboxCredentials {
        let c = SandboxConfig::default();
        SandboxCredentials {
            client_key: c.client_key,
            secret_key: c.secret_key,
            application_id: c.application_id,
            private_key: c.private_key,
            imp_key: c.imp_key,
            imp_secret: c.imp_secret,
            otp: SANDBOX_OTP.to_owned(),
        }
    }

    /// Stops the server (idempotent).
    pub fn stop(&self) {
        let taken = match self.server.lock() {
            Ok(mut guard) => guard.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        drop(taken);
    }
}
