//! The Bootpay client, its builder, the modes and the raw-request escape hatch.

use super::errors::interpret;
use super::models::AccessToken;
use super::spec;
use crate::auth::{Auth, FetchedToken};
use crate::error::{Error, Result};
use crate::raw::RawRequest;
use crate::secret::Secret;
use crate::transport::{
    headers, transport_setters, Call, PerCall, ProviderWire, Transport, TransportSettings,
    SDK_VERSION,
};
use base64::Engine;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};
use std::fmt;
use std::time::Duration;

/// The `BOOTPAY-API-VERSION` header value we speak by default.
pub const DEFAULT_API_VERSION: &str = "5.1.0";

/// Which Bootpay server to talk to. A `base_url` set on the builder overrides it.
///
/// ```
/// use paywire::bootpay::Mode;
/// assert_eq!(Mode::Production.base_url(), "https://api.bootpay.co.kr/v2");
/// assert_eq!("stage".parse::<Mode>().ok(), Some(Mode::Stage));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Mode {
    /// `https://api.bootpay.co.kr/v2`
    #[default]
    Production,
    /// `https://dev-api.bootpay.co.kr/v2`
    Development,
    /// `https://stage-api.bootpay.co.kr/v2`
    Stage,
    /// `https://test-api.bootpay.co.kr/v2`
    Test,
}

impl Mode {
    /// The base URL of the mode.
    pub fn base_url(self) -> &'static str {
        match self {
            Self::Production => "https://api.bootpay.co.kr/v2",
            Self::Development => "https://dev-api.bootpay.co.kr/v2",
            Self::Stage => "https://stage-api.bootpay.co.kr/v2",
            Self::Test => "https://test-api.bootpay.co.kr/v2",
        }
    }
}

impl std::str::FromStr for Mode {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "production" | "prod" => Ok(Self::Production),
            "development" | "dev" => Ok(Self::Development),
            "stage" => Ok(Self::Stage),
            "test" => Ok(Self::Test),
            other => Err(Error::invalid_input(
                "mode",
                format!("is {other:?}; expected production, development, stage or test"),
            )),
        }
    }
}

/// Everything a Bootpay [`Client`] is built from, as one record (what [`ClientBuilder`] fills in): give
/// exactly one credential pair, `client_key` + `secret_key` (recommended, HTTP Basic) or
/// `application_id` + `private_key` (legacy, Bearer token). Every other field is optional. It is the
/// configuration Kotlin and Swift pass to `Bootpay(…)`; it prints the secrets and the proxy as `***`.
///
/// ```
/// use paywire::bootpay::{BootpayConfig, Client};
/// let config = BootpayConfig {
///     client_key: Some("ck".into()),
///     secret_key: Some("sk".into()),
///     base_url: Some("http://127.0.0.1:7878/v2".into()),
///     ..BootpayConfig::default()
/// };
/// assert!(!format!("{config:?}").contains("\"sk\""));
/// assert!(Client::from_config(config).is_ok());
/// ```
#[derive(Clone, Default, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct BootpayConfig {
    /// Recommended pair, part 1: the client key (HTTP Basic, no token call).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub client_key: Option<String>,
    /// Recommended pair, part 2: the secret key.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub secret_key: Option<Secret>,
    /// Legacy pair, part 1: the REST application id (Bearer token via `request/token`).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub application_id: Option<String>,
    /// Legacy pair, part 2: the private key.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub private_key: Option<Secret>,
    /// Which Bootpay server (default production).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub mode: Option<Mode>,
    /// Overrides the server, e.g. a sandbox `http://127.0.0.1:7878/v2`.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub base_url: Option<String>,
    /// Overrides the `BOOTPAY-API-VERSION` header (default [`DEFAULT_API_VERSION`]).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub api_version: Option<String>,
    /// Timeouts, retries, proxy, limits (defaults when `None`).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub transport: Option<TransportSettings>,
}
crate::display_redacted!(BootpayConfig);

/// Builds a [`Client`]. Exactly one complete credential pair is needed.
///
/// ```
/// use paywire::bootpay::Client;
/// let err = Client::builder().application_id("app").build().err().map(|e| e.to_string());
/// assert_eq!(err.as_deref(), Some("invalid input: private_key is required when application_id is set"));
/// let client = Client::builder().client_key("ck").secret_key("sk").base_url("http://127.0.0.1:7878/v2").build();
/// assert!(client.is_ok());
/// ```
#[derive(Default, Clone)]
pub struct ClientBuilder {
    config: BootpayConfig,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ClientBuilder({:?})", self.config)
    }
}

impl From<BootpayConfig> for ClientBuilder {
    fn from(config: BootpayConfig) -> Self {
        Self { config }
    }
}

impl ClientBuilder {
    /// Legacy pair, part 1: the REST application id (Bearer token via `request/token`).
    pub fn application_id(mut self, value: impl Into<String>) -> Self {
        self.config.application_id = Some(value.into());
        self
    }

    /// Legacy pair, part 2: the private key.
    pub fn private_key(mut self, value: impl Into<Secret>) -> Self {
        self.config.private_key = Some(value.into());
        self
    }

    /// Recommended pair, part 1: the client key (HTTP Basic, no token call).
    pub fn client_key(mut self, value: impl Into<String>) -> Self {
        self.config.client_key = Some(value.into());
        self
    }

    /// Recommended pair, part 2: the secret key.
    pub fn secret_key(mut self, value: impl Into<Secret>) -> Self {
        self.config.secret_key = Some(value.into());
        self
    }

    /// The server to use (default production).
    pub fn mode(mut self, mode: Mode) -> Self {
        self.config.mode = Some(mode);
        self
    }

    /// Overrides the base URL (a sandbox, a proxy), e.g. `http://127.0.0.1:7878/v2`.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.config.base_url = Some(url.into());
        self
    }

    transport_setters!();

    /// Overrides the `BOOTPAY-API-VERSION` header (default [`DEFAULT_API_VERSION`]).
    pub fn api_version(mut self, version: impl Into<String>) -> Self {
        self.config.api_version = Some(version.into());
        self
    }

    /// Validates the configuration and builds the client. No network call is made.
    pub fn build(self) -> Result<Client> {
        let config = self.config;
        let provided = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.trim().is_empty());
        let provided_secret = |v: &Option<Secret>| v.as_ref().is_some_and(|s| !s.is_empty());
        let legacy = pair(
            provided(&config.application_id),
            provided_secret(&config.private_key),
            "application_id",
            "private_key",
        )?;
        let basic = pair(
            provided(&config.client_key),
            provided_secret(&config.secret_key),
            "client_key",
            "secret_key",
        )?;
        let auth = if basic {
            // Both pairs given: the recommended one wins, as in every official SDK.
            let raw = format!(
                "{}:{}",
                config.client_key.as_deref().unwrap_or_default(),
                config
                    .secret_key
                    .as_ref()
                    .map(Secret::expose)
                    .unwrap_or_default()
            );
            let encoded = base64::engine::general_purpose::STANDARD.encode(raw);
            Auth::fixed(&format!("Basic {encoded}"))?
        } else if legacy {
            let application_id = config.application_id.clone().unwrap_or_default();
            let private_key = config.private_key.clone().unwrap_or_default();
            Auth::token(move |transport| {
                let application_id = application_id.clone();
                let private_key = private_key.clone();
                Box::pin(
                    async move { fetch_token(&transport, &application_id, &private_key).await },
                )
            })
        } else {
            return Err(Error::invalid_input(
                "credentials",
                "are missing: give client_key + secret_key, or application_id + private_key",
            ));
        };
        let base_url = config
            .base_url
            .clone()
            .unwrap_or_else(|| config.mode.unwrap_or_default().base_url().to_owned());
        if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
            return Err(Error::invalid_input(
                "base_url",
                "must start with http:// or https://",
            ));
        }
        let wire = ProviderWire {
            name: "bootpay",
            interpret,
            // Bootpay signals an error by a top-level `error_code`: a 2xx without one is the model itself.
            plain_success: Some(|body| crate::transport::lacks_top_level_key(body, "error_code")),
            headers: headers(&[
                (
                    "bootpay-api-version",
                    config
                        .api_version
                        .clone()
                        .unwrap_or_else(|| DEFAULT_API_VERSION.to_owned()),
                ),
                ("bootpay-sdk-version", format!("paywire-{SDK_VERSION}")),
            ]),
        };
        let transport = Transport::new(
            config.transport.unwrap_or_default().config(base_url)?,
            wire,
            auth,
        )?;
        Ok(Client {
            transport,
            per_call: PerCall::default(),
        })
    }
}

fn pair(first: bool, second: bool, first_name: &str, second_name: &str) -> Result<bool> {
    match (first, second) {
        (true, false) => Err(Error::invalid_input(
            second_name,
            format!("is required when {first_name} is set"),
        )),
        (false, true) => Err(Error::invalid_input(
            first_name,
            format!("is required when {second_name} is set"),
        )),
        (both, _) => Ok(both),
    }
}

async fn fetch_token(
    transport: &Transport,
    application_id: &str,
    private_key: &Secret,
) -> Result<FetchedToken> {
    let mut call = Call::fixed(&spec::get_access_token)
        .body(json!({ "application_id": application_id, "private_key": private_key.expose() }));
    call.auth = false;
    call.sensitive_response = true;
    let (status, token): (u16, AccessToken) = transport
        .execute_status_as(&call, PerCall::default())
        .await?;
    if token.access_token.is_empty() {
        return Err(Error::Decode {
            provider: "bootpay",
            http_status: status,
            message: "the token answer has no access_token".to_owned(),
            body_snippet: "(withheld)".to_owned(),
        });
    }
    let (lifetime, refresh_after) = token_schedule(token.expire_in);
    Ok(FetchedToken {
        token: token.access_token,
        lifetime,
        refresh_after,
    })
}

/// How long a token lives and when to refresh it, from the server's `expire_in` (default 30 minutes).
/// Bootpay re-issues the same token for 25 of its 30 minutes; refreshing at 5/6 of the lifetime always
/// lands inside that window.
pub(crate) fn token_schedule(expire_in: Option<i64>) -> (Duration, Duration) {
    let lifetime = crate::auth::clamp_lifetime(expire_in.unwrap_or(1800));
    (lifetime, lifetime.mul_f64(5.0 / 6.0))
}

/// The Bootpay REST v2 client. Clone it freely: clones share the connection pool and the token.
///
/// ```no_run
/// # async fn run() -> paywire::Result<()> {
/// use paywire::bootpay::Client;
/// let client = Client::builder()
///     .client_key("your-client-key")
///     .secret_key("your-secret-key")
///     .build()?;
/// let receipt = client.get_receipt("6100e8e7019943003850f9b0", false).await?;
/// println!("{:?} paid {}", receipt.order_id, receipt.price);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) transport: Transport,
    pub(crate) per_call: PerCall,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("bootpay::Client")
            .field("base_url", &self.transport.base_url())
            .field("timeout", &self.per_call.timeout)
            .field("retry", &self.per_call.retry)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Starts a builder.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// Validates `config` and builds the client (the builder, given whole). No network call is made.
    pub fn from_config(config: BootpayConfig) -> Result<Client> {
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
    /// let client = paywire::bootpay::Client::builder().client_key("ck").secret_key("sk").base_url("http://127.0.0.1:9").build()?;
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

    pub(crate) async fn send<T: DeserializeOwned>(&self, call: Call) -> Result<T> {
        self.transport.execute_as(&call, self.per_call).await
    }

    /// The current access token (`request/token`), fetched if needed and cached.
    ///
    /// With client_key/secret_key there is no token: this returns an empty token and `expire_in` 0,
    /// without a network call, as the official SDKs do.
    pub async fn get_access_token(&self) -> Result<AccessToken> {
        Ok(
            match self.transport.auth().current_token(&self.transport).await? {
                Some((token, left)) => AccessToken {
                    access_token: token,
                    expire_in: Some(left.as_secs() as i64),
                    extra: Default::default(),
                },
                None => AccessToken {
                    access_token: Secret::default(),
                    expire_in: Some(0),
                    extra: Default::default(),
                },
            },
        )
    }

    /// Sends a request for an endpoint paywire does not wrap, with the same auth, retries and errors.
    pub async fn raw_request(&self, request: RawRequest) -> Result<Value> {
        let call = crate::raw::into_call(request)?;
        self.transport.execute(&call, self.per_call).await
    }
}
