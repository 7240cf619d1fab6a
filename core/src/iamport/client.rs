//! The iamport (PortOne V1) client, its builder and the raw-request escape hatch.

use super::errors::interpret;
use super::models::AccessToken;
use super::spec;
use crate::auth::{Auth, FetchedToken};
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::transport::{
    headers, transport_setters, Call, PerCall, ProviderWire, Transport, TransportSettings,
};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::fmt;
use std::time::Duration;

/// The production API.
pub const PRODUCTION_URL: &str = "https://api.iamport.kr";
/// The same API from fixed egress IPs, for merchants whose firewall allow-lists destinations.
pub const STATIC_IP_URL: &str = "https://static-api.iamport.kr";

/// Everything an iamport [`Client`] is built from, as one record (what [`ClientBuilder`] fills in): the
/// REST API key pair (both required), optionally another base URL ([`STATIC_IP_URL`] for fixed egress IPs,
/// a sandbox), an agency's sub-merchant `tier`, and the transport settings. It is the configuration Kotlin
/// and Swift pass to `Iamport(…)`; it prints `imp_secret` and the proxy as `***`.
///
/// ```
/// use paywire::iamport::{Client, IamportConfig};
/// let config = IamportConfig {
///     imp_key: "key".into(),
///     imp_secret: "secret".into(),
///     base_url: Some("http://127.0.0.1:7878/iamport".into()),
///     ..IamportConfig::default()
/// };
/// assert!(!config.to_string().contains("\"secret\""));
/// assert!(Client::from_config(config).is_ok());
/// ```
#[derive(Clone, Default, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct IamportConfig {
    /// The REST API key.
    pub imp_key: String,
    /// The REST API secret.
    pub imp_secret: Secret,
    /// Overrides the server (default [`PRODUCTION_URL`]).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub base_url: Option<String>,
    /// The sub-merchant ("Tier") code agency accounts send as the `Tier` header: 3 characters of A–Z
    /// and 0–9.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub tier: Option<String>,
    /// Timeouts, retries, proxy, limits (defaults when `None`).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub transport: Option<TransportSettings>,
}
crate::display_redacted!(IamportConfig);

/// Builds an iamport [`Client`] from `imp_key` + `imp_secret`.
///
/// ```
/// use paywire::iamport::Client;
/// let err = Client::builder().imp_key("key").build().err().map(|e| e.to_string());
/// assert_eq!(err.as_deref(), Some("invalid input: imp_secret is required when imp_key is set"));
/// assert!(Client::builder().imp_key("k").imp_secret("s").base_url("http://127.0.0.1:7878/iamport").build().is_ok());
/// ```
#[derive(Default, Clone)]
pub struct ClientBuilder {
    config: IamportConfig,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "iamport::ClientBuilder({:?})", self.config)
    }
}

impl From<IamportConfig> for ClientBuilder {
    fn from(config: IamportConfig) -> Self {
        Self { config }
    }
}

impl ClientBuilder {
    /// The REST API key.
    pub fn imp_key(mut self, value: impl Into<String>) -> Self {
        self.config.imp_key = value.into();
        self
    }

    /// The REST API secret.
    pub fn imp_secret(mut self, value: impl Into<Secret>) -> Self {
        self.config.imp_secret = value.into();
        self
    }

    /// Overrides the base URL ([`STATIC_IP_URL`], a sandbox `http://127.0.0.1:7878/iamport`, a proxy).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.config.base_url = Some(url.into());
        self
    }

    transport_setters!();

    /// The sub-merchant ("Tier") code sent as the `Tier` header by agency accounts.
    pub fn tier(mut self, code: impl Into<String>) -> Self {
        self.config.tier = Some(code.into());
        self
    }

    /// Validates the configuration and builds the client. No network call is made.
    pub fn build(self) -> Result<Client> {
        let config = self.config;
        let key = Some(config.imp_key).filter(|k| !k.trim().is_empty());
        let secret = Some(config.imp_secret).filter(|s| !s.is_empty());
        let (imp_key, imp_secret) = match (key, secret) {
            (Some(k), Some(s)) => (k, s),
            (Some(_), None) => {
                return Err(Error::invalid_input(
                    "imp_secret",
                    "is required when imp_key is set",
                ))
            }
            (None, Some(_)) => {
                return Err(Error::invalid_input(
                    "imp_key",
                    "is required when imp_secret is set",
                ))
            }
            (None, None) => {
                return Err(Error::invalid_input(
                    "credentials",
                    "are missing: give imp_key + imp_secret",
                ))
            }
        };
        if let Some(tier) = &config.tier {
            if tier.len() != 3 || !tier.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(Error::invalid_input(
                    "tier",
                    "must be a 3-character code of A–Z and 0–9",
                ));
            }
        }
        let base_url = config
            .base_url
            .clone()
            .unwrap_or_else(|| PRODUCTION_URL.to_owned());
        if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
            return Err(Error::invalid_input(
                "base_url",
                "must start with http:// or https://",
            ));
        }
        let mut wire_headers = Vec::new();
        if let Some(tier) = &config.tier {
            wire_headers.push(("tier", tier.clone()));
        }
        let auth = Auth::token(move |transport| {
            let imp_key = imp_key.clone();
            let imp_secret = imp_secret.clone();
            Box::pin(async move { fetch_token(&transport, &imp_key, &imp_secret).await })
        });
        let transport = Transport::new(
            config.transport.unwrap_or_default().config(base_url)?,
            ProviderWire {
                name: "iamport",
                interpret,
                // The answer is the envelope's `response`: every answer goes through `interpret`.
                plain_success: None,
                headers: headers(&wire_headers),
            },
            auth,
        )?;
        Ok(Client {
            transport,
            per_call: PerCall::default(),
        })
    }
}

async fn fetch_token(
    transport: &Transport,
    imp_key: &str,
    imp_secret: &Secret,
) -> Result<FetchedToken> {
    let mut call = Call::fixed(&spec::get_access_token)
        .body(json!({ "imp_key": imp_key, "imp_secret": imp_secret.expose() }));
    call.auth = false;
    call.sensitive_response = true;
    let (status, value) = transport.execute_status(&call, PerCall::default()).await?;
    let answer = Answer::from_envelope(status, value);
    let token: AccessToken = transport.decode(&call, answer.http_status, answer.response)?;
    if token.access_token.is_empty() {
        return Err(Error::Decode {
            provider: "iamport",
            http_status: status,
            message: "the token answer has no access_token".to_owned(),
            body_snippet: "(withheld)".to_owned(),
        });
    }
    let (lifetime, refresh_after) = token_schedule(token.now, token.expired_at);
    Ok(FetchedToken {
        token: token.access_token,
        lifetime,
        refresh_after,
    })
}

/// How long a token lives and when to refresh it. `expired_at` is in the server's clock: only its
/// difference to the server's `now` means anything here. Asking again inside the last minute returns the
/// same token extended by 5 minutes, so refreshing in that minute (or in the last sixth of a shorter test
/// lifetime) never leaves a gap.
pub(crate) fn token_schedule(now: i64, expired_at: i64) -> (Duration, Duration) {
    let lifetime = crate::auth::clamp_lifetime(expired_at.saturating_sub(now));
    let margin = Duration::from_secs(60).min(lifetime / 6);
    (lifetime, lifetime.saturating_sub(margin))
}

/// The iamport (PortOne V1) client. Clone it freely: clones share the connection pool and the token.
///
/// ```no_run
/// # async fn run() -> paywire::Result<()> {
/// use paywire::iamport::Client;
/// let client = Client::builder().imp_key("your-imp-key").imp_secret("your-imp-secret").build()?;
/// let verified = client.verify_payment("imp_123456789012", 30000.0).await?;
/// println!("{:?}", verified.state);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) transport: Transport,
    pub(crate) per_call: PerCall,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("iamport::Client")
            .field("base_url", &self.transport.base_url())
            .field("timeout", &self.per_call.timeout)
            .field("retry", &self.per_call.retry)
            .finish_non_exhaustive()
    }
}

/// A successful answer with its HTTP status (207 marks a partial multi look-up).
pub(crate) struct Answer {
    pub http_status: u16,
    pub response: Value,
}

impl Answer {
    /// The envelope's `response` of what `interpret` passed on.
    pub(crate) fn from_envelope(http_status: u16, mut value: Value) -> Self {
        Self {
            http_status,
            response: value
                .get_mut("response")
                .map(Value::take)
                .unwrap_or(Value::Null),
        }
    }
}

impl Client {
    /// Starts a builder.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// Validates `config` and builds the client (the builder, given whole). No network call is made.
    pub fn from_config(config: IamportConfig) -> Result<Client> {
        ClientBuilder::from(config).build()
    }

    /// A view of this client whose calls use `timeout` per attempt; it shares the pool and the token.
    pub fn with_timeout(&self, timeout: Duration) -> Client {
        Client {
            transport: self.transport.clone(),
            per_call: self.per_call.with_timeout(timeout),
        }
    }

    /// A view of this client whose calls that are safe to repeat follow `policy`; it shares the pool, the
    /// token and the timeout. Calls that move money stay never repeated once sent, whatever the policy.
    /// A policy out of bounds (over 10 retries, a delay over an hour) is an `InvalidInput` error.
    ///
    /// ```
    /// use paywire::RetryPolicy;
    /// let client = paywire::iamport::Client::builder().imp_key("k").imp_secret("s").base_url("http://127.0.0.1:9").build()?;
    /// let patient = client.with_retry(RetryPolicy { max_retries: 5, ..RetryPolicy::default() })?;
    /// let refused = client.with_retry(RetryPolicy { max_retries: 11, ..RetryPolicy::default() });
    /// assert!(matches!(refused, Err(paywire::Error::InvalidInput { field, .. }) if field == "retry.max_retries"));
    /// # drop(patient);
    /// # Ok::<(), paywire::Error>(())
    /// ```
    pub fn with_retry(&self, policy: crate::RetryPolicy) -> Result<Client> {
        Ok(Client {
            transport: self.transport.clone(),
            per_call: self.per_call.with_retry(policy)?,
        })
    }

    /// The base URL in use.
    pub fn base_url(&self) -> &str {
        self.transport.base_url()
    }

    pub(crate) async fn answer(&self, call: Call) -> Result<Answer> {
        self.answer_of(&call).await
    }

    async fn answer_of(&self, call: &Call) -> Result<Answer> {
        let (http_status, value) = self.transport.execute_status(call, self.per_call).await?;
        Ok(Answer::from_envelope(http_status, value))
    }

    pub(crate) async fn send<T: DeserializeOwned>(&self, call: Call) -> Result<T> {
        let answer = self.answer_of(&call).await?;
        self.transport
            .decode(&call, answer.http_status, answer.response)
    }

    /// The current access token (`POST users/getToken`), fetched if needed and cached; `expire_in` is
    /// the seconds it has left.
    pub async fn get_access_token(&self) -> Result<super::models::CurrentToken> {
        let (token, left) = self
            .transport
            .auth()
            .current_token(&self.transport)
            .await?
            .unwrap_or_default();
        Ok(super::models::CurrentToken {
            access_token: token,
            expire_in: left.as_secs() as i64,
        })
    }

    /// Sends a request for an endpoint paywire does not wrap (e.g. the Naver Pay actions), through the
    /// same auth, retry and error layers; returns the envelope's `response`.
    pub async fn raw_request(&self, request: crate::RawRequest) -> Result<Value> {
        let call = crate::raw::into_call(request)?;
        Ok(self.answer(call).await?.response)
    }
}

/// Decodes an envelope's `response` into its model.
pub(crate) fn decode<T: DeserializeOwned>(value: Value) -> Result<T> {
    match serde_json::from_value::<T>(value.clone()) {
        Ok(decoded) => Ok(decoded),
        Err(e) => Err(Error::Decode {
            provider: "iamport",
            http_status: 200,
            message: crate::redact::serde_message(&e.to_string()),
            body_snippet: crate::transport::snippet(value.to_string().as_bytes(), 120),
        }),
    }
}
