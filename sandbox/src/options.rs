//! Where and how a launcher starts a sandbox ([`SandboxOptions`]), and what goes wrong when it cannot
//! ([`SandboxError`]). Every launcher reads the same options: the `paywire-sandbox` binary and the JVM's
//! `paywire.SandboxMainKt` from the command line ([`crate::cli::parse_args`]), Kotlin/Swift code by hand
//! (`SandboxServer.startWith`, feature `uniffi`).

use std::net::SocketAddr;

use crate::cli;
use crate::{IamportFormat, Sandbox, SandboxConfig};

/// Where a sandbox listens and where it sends webhooks; the credentials are the default ones
/// ([`crate::SandboxCredentials::default`]). Every field has a default: `127.0.0.1`, a free port, no
/// webhook receiver, JSON iamport webhooks. Kotlin: `SandboxOptions(port = 8765u, webhookUrl =
/// "http://127.0.0.1:9000/hook")`.
///
/// ```no_run
/// # async fn demo() -> Result<(), paywire_sandbox::SandboxError> {
/// use paywire_sandbox::SandboxOptions;
/// let options = SandboxOptions { port: 8765, ..SandboxOptions::default() };
/// let sandbox = options.start().await?;
/// assert_eq!(sandbox.url(), "http://127.0.0.1:8765");
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SandboxOptions {
    /// The IP address to listen on (`0.0.0.0` for every interface; a host name is refused).
    // The foreign default must be `cli::DEFAULT_HOST`, which an attribute cannot name.
    #[cfg_attr(feature = "uniffi", uniffi(default = "127.0.0.1"))]
    pub host: String,
    /// The port; 0 picks a free one (read it back from [`Sandbox::addr`], `SandboxServer.port()`).
    #[cfg_attr(feature = "uniffi", uniffi(default = 0))]
    pub port: u16,
    /// Where webhooks of both providers are POSTed (`None`: only to payments that name their own
    /// receiver). An absolute `http://` or `https://` URL.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub webhook_url: Option<String>,
    /// Encoding of iamport webhooks (`None`: JSON). Optional rather than defaulted because UniFFI has no
    /// default value for an enum field.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub iamport_webhook_format: Option<IamportFormat>,
}

impl Default for SandboxOptions {
    fn default() -> Self {
        SandboxOptions {
            host: cli::DEFAULT_HOST.to_owned(),
            port: 0,
            webhook_url: None,
            iamport_webhook_format: None,
        }
    }
}

impl SandboxOptions {
    /// The address to listen on and the sandbox's configuration, or [`SandboxError::InvalidInput`]
    /// naming `host` or `webhook_url` (checked with the command line's own rules).
    pub fn resolve(&self) -> Result<(SocketAddr, SandboxConfig), SandboxError> {
        let ip =
            cli::parse_host(&self.host).map_err(|reason| SandboxError::invalid("host", reason))?;
        if let Some(url) = &self.webhook_url {
            cli::check_webhook_url(url)
                .map_err(|reason| SandboxError::invalid("webhook_url", reason))?;
        }
        let config = SandboxConfig {
            webhook_url: self.webhook_url.clone(),
            iamport_webhook_format: self.iamport_webhook_format.unwrap_or_default(),
            ..SandboxConfig::default()
        };
        Ok((SocketAddr::new(ip, self.port), config))
    }

    /// Starts a sandbox where these options say, on the current tokio runtime. Bad options are
    /// `InvalidInput` before anything is bound; an address that cannot be bound (a port in use) is
    /// [`SandboxError::Bind`] naming it.
    pub async fn start(&self) -> Result<Sandbox, SandboxError> {
        let (addr, config) = self.resolve()?;
        Sandbox::start_on(addr, config)
            .await
            .map_err(|e| SandboxError::Bind {
                address: addr.to_string(),
                reason: e.to_string(),
            })
    }
}

/// Why a sandbox did not start. Its `Display` is one readable sentence (Kotlin `message`/`toString()`,
/// Swift `description`/`localizedDescription`); Kotlin throws it as `SandboxException`.
///
/// ```
/// use paywire_sandbox::{SandboxError, SandboxOptions};
/// let options = SandboxOptions { host: "localhost".into(), ..SandboxOptions::default() };
/// let Err(SandboxError::InvalidInput { field, .. }) = options.resolve() else { unreachable!() };
/// assert_eq!(field, "host");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Error), uniffi::export(Display))]
pub enum SandboxError {
    /// An option is not valid (nothing was bound): `field` is `host` or `webhook_url`.
    #[error("invalid input: {field} {reason}")]
    InvalidInput {
        /// The option's name, as Rust spells it (`webhook_url`).
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The address could not be bound (a port in use, an address this machine does not have).
    #[error("the sandbox could not listen on {address}: {reason}")]
    Bind {
        /// `HOST:PORT`.
        address: String,
        /// The operating system's reason.
        reason: String,
    },
    /// The threads that serve an in-process sandbox could not be started (`SandboxServer` only).
    #[error("the sandbox could not start its threads: {reason}")]
    Runtime {
        /// The operating system's reason.
        reason: String,
    },
}

impl SandboxError {
    fn invalid(field: &str, reason: String) -> Self {
        SandboxError::InvalidInput {
            field: field.to_owned(),
            reason,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(options: SandboxOptions) -> Option<String> {
        match options.resolve() {
            Err(SandboxError::InvalidInput { field, .. }) => Some(field),
            _ => None,
        }
    }

    #[test]
    fn bad_options_name_the_field() {
        let host = |host: &str| SandboxOptions {
            host: host.into(),
            ..SandboxOptions::default()
        };
        assert_eq!(field(host("localhost")), Some("host".into()));
        assert_eq!(field(host("")), Some("host".into()));
        for url in ["ftp://x/hook", "http://", "not a url", "http://h\u{FFFF}/x"] {
            let options = SandboxOptions {
                webhook_url: Some(url.into()),
                ..SandboxOptions::default()
            };
            assert_eq!(field(options), Some("webhook_url".into()), "{url}");
        }
        let message = host("localhost").resolve().err().map(|e| e.to_string());
        assert_eq!(
            message.as_deref(),
            Some("invalid input: host must be an IP address (e.g. 127.0.0.1 or 0.0.0.0), not \"localhost\"")
        );
    }

    #[test]
    fn good_options_give_the_address_and_configuration() {
        let options = SandboxOptions {
            host: "::1".into(),
            port: 8765,
            webhook_url: Some("http://127.0.0.1:9/hook".into()),
            iamport_webhook_format: Some(IamportFormat::Form),
        };
        let Ok((addr, config)) = options.resolve() else {
            panic!("refused")
        };
        assert_eq!(addr.to_string(), "[::1]:8765");
        assert_eq!(
            config.webhook_url.as_deref(),
            Some("http://127.0.0.1:9/hook")
        );
        assert_eq!(config.iamport_webhook_format, IamportFormat::Form);
        let Ok((addr, config)) = SandboxOptions::default().resolve() else {
            panic!("refused")
        };
        assert_eq!(addr.to_string(), "127.0.0.1:0");
        assert_eq!(config.iamport_webhook_format, IamportFormat::Json);
    }

    #[tokio::test]
    async fn a_port_in_use_is_a_bind_error_naming_the_address() {
        let Ok(first) = SandboxOptions::default().start().await else {
            panic!("no first sandbox")
        };
        let taken = SandboxOptions {
            port: first.addr().port(),
            ..SandboxOptions::default()
        };
        match taken.start().await {
            Err(SandboxError::Bind { address, .. }) => {
                assert_eq!(address, first.addr().to_string())
            }
            other => panic!("not a bind error: {other:?}"),
        }
    }
}
