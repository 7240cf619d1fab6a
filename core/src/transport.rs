//! HTTP execution: one pooled reqwest client per paywire client, timeouts, the retry policy, auth
//! application and the hand-off to the provider's error mapping.
//!
//! Endpoint code never touches reqwest: it builds a [`Call`] (method, path, query, body, whether it needs
//! auth, how it may be retried) and hands it here. The retry decision lives only here, so no endpoint can
//! accidentally retry a payment.

use crate::auth::Auth;
use crate::error::{Error, Result};
use crate::operation::Spec;
use crate::path::Path;
use crate::retry::{RetryClass, RetryPolicy};
use crate::secret::Secret;
use reqwest::header::{
    HeaderMap, HeaderName, HeaderValue, ACCEPT, CONTENT_TYPE, LOCATION, RETRY_AFTER,
};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;

/// The crate version, sent as our SDK version.
pub const SDK_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Turns an HTTP answer into the JSON a caller wants, or the provider's error.
pub(crate) type Interpret = fn(StatusCode, &[u8]) -> Result<Value>;

/// One request, described without reqwest.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    /// The operation name, for logs and outcome-unknown errors.
    pub operation: &'static str,
    pub method: Method,
    pub path: Path,
    pub query: Vec<(String, String)>,
    pub body: Option<Value>,
    pub auth: bool,
    pub retry: RetryClass,
    /// How to find out what happened when the outcome is unknown.
    pub reconcile_hint: String,
    /// The response holds secrets (a token): never quote it in a decode error.
    pub sensitive_response: bool,
    /// The key that makes repeating this call safe (Bootpay `cancel_id`, iamport `checksum`), quoted in an
    /// outcome-unknown error so the caller can repeat exactly this call.
    pub idempotency_key: Option<String>,
}

impl Call {
    /// A call that needs auth, with no body, query or special retry rules.
    pub fn new(operation: &'static str, method: Method, path: Path, retry: RetryClass) -> Self {
        Self {
            operation,
            method,
            path,
            query: Vec::new(),
            body: None,
            auth: true,
            retry,
            reconcile_hint: "look the payment up".to_owned(),
            sensitive_response: false,
            idempotency_key: None,
        }
    }

    /// The call of a table operation at `path`: name, method and retry class come from its table line.
    /// In debug builds (every test) `path` must fit the line's path template, so a table that says one
    /// path while the client sends another fails the first test that sends it.
    pub fn op(spec: &'static Spec, path: Path) -> Self {
        debug_assert!(
            crate::operation::path_matches(spec.path, path.as_str()),
            "{}: path {:?} does not fit the table's template {:?}",
            spec.name,
            path.as_str(),
            spec.path
        );
        Self::new(spec.name, spec.method.clone(), path, spec.retry)
    }

    /// The call of a table operation whose path template has no placeholder: the template is the path.
    pub fn fixed(spec: &'static Spec) -> Self {
        Self::op(spec, Path::fixed(spec.path))
    }

    /// Whether the call may move money or issue something: its outcome matters when no answer was read.
    pub fn moves_money(&self) -> bool {
        self.retry != RetryClass::Idempotent
    }

    /// Sets the key that makes repeating this call safe.
    pub fn idempotency_key(mut self, key: impl Into<String>) -> Self {
        self.idempotency_key = Some(key.into());
        self
    }

    /// The outcome-unknown error of this call.
    pub fn outcome_unknown(&self, message: impl Into<String>, timed_out: bool) -> Error {
        Error::OutcomeUnknown {
            operation: self.operation.to_owned(),
            message: message.into(),
            hint: self.reconcile_hint.clone(),
            timed_out,
            idempotency_key: self.idempotency_key.clone(),
        }
    }

    /// Adds a JSON body.
    pub fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    /// Adds a query parameter.
    pub fn query(mut self, key: &str, value: impl Into<String>) -> Self {
        self.query.push((key.to_owned(), value.into()));
        self
    }

    /// Sets the reconcile hint of an outcome-unknown error.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.reconcile_hint = hint.into();
        self
    }
}

/// Says whether a 2xx body is well-formed JSON that carries none of the provider's error signals, so it
/// may be decoded straight into the caller's type without going through [`Interpret`] first.
pub(crate) type PlainSuccess = fn(&[u8]) -> bool;

/// Static description of a provider's wire conventions.
#[derive(Clone)]
pub(crate) struct ProviderWire {
    pub name: &'static str,
    pub interpret: Interpret,
    /// The fast path's check; `None`: every answer goes through `interpret`.
    pub plain_success: Option<PlainSuccess>,
    pub headers: HeaderMap,
}

/// A successful answer: the raw body when the provider's [`PlainSuccess`] check passed (the caller decodes
/// it straight into its type, with no JSON tree in between), else the JSON `interpret` produced.
pub(crate) enum Success {
    Body(Vec<u8>),
    Json(Value),
}

/// The largest answer read by default (16 MiB): far above any real answer, far below what hurts.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;
/// How many requests one client has on the wire at once by default.
pub const DEFAULT_MAX_IN_FLIGHT: usize = 64;
/// The longest request URL sent (servers and proxies commonly refuse more than 8 KiB).
pub const MAX_URL_BYTES: usize = 8 * 1024;
/// The longest timeout accepted: anything longer is a mistake (or `1e300` from a binding).
const MAX_TIMEOUT: Duration = Duration::from_secs(24 * 60 * 60);

/// The transport settings of a client, as one record: what the builders' `timeout`, `connect_timeout`,
/// `retry`, `proxy`, `user_agent_suffix`, `max_in_flight` and `max_response_bytes` set, given whole with
/// `transport(settings)` or inside a binding's configuration (Kotlin `TransportSettings(timeout =
/// Duration.ofSeconds(5))`, Swift `TransportSettings(timeout: 5)`). `None` keeps the default. The counts
/// are signed so Java can set them (Kotlin's unsigned types are not callable from Java); every value is
/// checked when the client is built, a bad one is `InvalidInput` naming it.
///
/// ```
/// use paywire::{bootpay::Client, TransportSettings};
/// use std::time::Duration;
/// let settings = TransportSettings { timeout: Some(Duration::from_secs(5)), ..TransportSettings::default() };
/// let builder = || Client::builder().client_key("ck").secret_key("sk");
/// assert!(builder().transport(settings).build().is_ok());
/// let bad = TransportSettings { max_in_flight: Some(0), ..TransportSettings::default() };
/// let refused = builder().transport(bad).build();
/// assert!(matches!(refused, Err(paywire::Error::InvalidInput { field, .. }) if field == "max_in_flight"));
/// ```
#[derive(Clone, Default, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct TransportSettings {
    /// Total time one attempt may take (default 30 s, at most a day).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    #[serde(serialize_with = "crate::retry::seconds")]
    pub timeout: Option<Duration>,
    /// Time to establish a connection (default 5 s, at most a day).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    #[serde(serialize_with = "crate::retry::seconds")]
    pub connect_timeout: Option<Duration>,
    /// How calls that are safe to repeat are retried (default [`RetryPolicy::default`]); payments are
    /// never repeated.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub retry: Option<RetryPolicy>,
    /// An HTTP(S) proxy for every request, e.g. `http://proxy.internal:3128`. It may hold a password, so
    /// it prints as `***`.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub proxy: Option<Secret>,
    /// Appended to the `User-Agent` (bindings add their language).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub user_agent_suffix: Option<String>,
    /// Requests this client (and its views) has on the wire at once (default 64, 1 to 10 000). A call
    /// beyond it waits for a free slot up to its timeout, then fails with `Timeout` ("not sent"), so
    /// abandoned or slow calls can never multiply sockets without limit.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub max_in_flight: Option<i32>,
    /// The largest answer body read, in bytes (default 16 MiB, 1 KiB to 1 GiB); a larger one is refused
    /// while it streams in.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub max_response_bytes: Option<i64>,
}
crate::display_redacted!(TransportSettings);

/// What one client handle sets for its calls instead of its builder's settings (`with_timeout`,
/// `with_retry`): the handles share the pool, the token and the in-flight bound.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct PerCall {
    /// Time one attempt may take.
    pub timeout: Option<Duration>,
    /// The retry policy of calls that are safe to repeat (never-repeated calls stay never repeated).
    pub retry: Option<RetryPolicy>,
}

impl PerCall {
    /// These settings with `timeout` per attempt (a client's `with_timeout` view).
    pub(crate) fn with_timeout(self, timeout: Duration) -> PerCall {
        PerCall {
            timeout: Some(timeout),
            ..self
        }
    }

    /// These settings with `policy` for calls that are safe to repeat, once it is checked (a client's
    /// `with_retry` view).
    pub(crate) fn with_retry(self, policy: RetryPolicy) -> Result<PerCall> {
        policy.validate()?;
        Ok(PerCall {
            retry: Some(policy),
            ..self
        })
    }
}

/// Checks a timeout: above zero and at most a day.
pub(crate) fn validate_timeout(field: &str, timeout: Duration) -> Result<Duration> {
    if timeout.is_zero() || timeout > MAX_TIMEOUT {
        return Err(Error::invalid_input(
            field,
            format!(
                "must be above 0 and at most {} s (got {} s)",
                MAX_TIMEOUT.as_secs(),
                timeout.as_secs_f64()
            ),
        ));
    }
    Ok(timeout)
}

impl TransportSettings {
    /// The settings for `base_url`: 30 s per attempt, 5 s to connect, 16 MiB answers and 64 requests in
    /// flight unless set; every value checked, so no later arithmetic can overflow.
    pub(crate) fn config(&self, base_url: String) -> Result<TransportConfig> {
        let timeout = validate_timeout("timeout", self.timeout.unwrap_or(Duration::from_secs(30)))?;
        let connect_timeout = validate_timeout(
            "connect_timeout",
            self.connect_timeout.unwrap_or(Duration::from_secs(5)),
        )?;
        let max_response_bytes = bounded(
            "max_response_bytes",
            self.max_response_bytes,
            DEFAULT_MAX_RESPONSE_BYTES,
            1024..=1024 * 1024 * 1024,
            "between 1 KiB and 1 GiB",
        )?;
        let max_in_flight = bounded(
            "max_in_flight",
            self.max_in_flight.map(i64::from),
            DEFAULT_MAX_IN_FLIGHT,
            1..=10_000,
            "between 1 and 10000",
        )?;
        let retry = self.retry.unwrap_or_default();
        retry.validate()?;
        Ok(TransportConfig {
            base_url,
            timeout,
            connect_timeout,
            proxy: self.proxy.as_ref().map(|p| p.expose().to_owned()),
            retry,
            user_agent_suffix: self.user_agent_suffix.clone(),
            max_response_bytes,
            max_in_flight,
        })
    }
}

/// `value` (or `default` when unset) as a `usize` within `range`; `InvalidInput` naming `field` otherwise.
fn bounded(
    field: &str,
    value: Option<i64>,
    default: usize,
    range: std::ops::RangeInclusive<usize>,
    expected: &str,
) -> Result<usize> {
    let Some(value) = value else {
        return Ok(default);
    };
    usize::try_from(value)
        .ok()
        .filter(|v| range.contains(v))
        .ok_or_else(|| Error::invalid_input(field, format!("must be {expected} (got {value})")))
}

/// Generates the transport setters of a client builder that holds its configuration record in `config`,
/// whose `transport: Option<TransportSettings>` they fill in.
macro_rules! transport_setters {
    () => {
        fn transport_mut(&mut self) -> &mut $crate::TransportSettings {
            self.config.transport.get_or_insert_with(Default::default)
        }

        /// Sets every transport setting at once, replacing the ones set before.
        pub fn transport(mut self, settings: $crate::TransportSettings) -> Self {
            *self.transport_mut() = settings;
            self
        }

        /// Total time one attempt may take (default 30 s, at most a day). Per call: `Client::with_timeout`.
        pub fn timeout(mut self, timeout: std::time::Duration) -> Self {
            self.transport_mut().timeout = Some(timeout);
            self
        }

        /// Time to establish a connection (default 5 s, at most a day).
        pub fn connect_timeout(mut self, timeout: std::time::Duration) -> Self {
            self.transport_mut().connect_timeout = Some(timeout);
            self
        }

        /// Sends every request through this HTTP(S) proxy, e.g. `http://proxy.internal:3128`.
        pub fn proxy(mut self, url: impl Into<String>) -> Self {
            self.transport_mut().proxy = Some($crate::Secret::new(url));
            self
        }

        /// The retry policy for calls that are safe to repeat (payments are never repeated).
        pub fn retry(mut self, policy: $crate::RetryPolicy) -> Self {
            self.transport_mut().retry = Some(policy);
            self
        }

        /// Appends a product token to our `User-Agent` (bindings add their language).
        pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
            self.transport_mut().user_agent_suffix = Some(suffix.into());
            self
        }

        /// The largest answer body read (default 16 MiB); a larger one is refused while it streams in.
        pub fn max_response_bytes(mut self, bytes: usize) -> Self {
            self.transport_mut().max_response_bytes =
                Some(i64::try_from(bytes).unwrap_or(i64::MAX));
            self
        }

        /// How many requests this client (and its clones) has on the wire at once (default 64). Further
        /// calls wait for a free slot up to their timeout, so a slow provider plus callers that give up
        /// can never multiply sockets without limit.
        pub fn max_in_flight(mut self, requests: usize) -> Self {
            self.transport_mut().max_in_flight = Some(i32::try_from(requests).unwrap_or(i32::MAX));
            self
        }
    };
}
pub(crate) use transport_setters;

/// Transport settings chosen by the client builder.
#[derive(Debug, Clone)]
pub(crate) struct TransportConfig {
    pub base_url: String,
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub proxy: Option<String>,
    pub retry: RetryPolicy,
    pub user_agent_suffix: Option<String>,
    pub max_response_bytes: usize,
    pub max_in_flight: usize,
}

struct Shared {
    http: reqwest::Client,
    base_url: String,
    /// `base_url` parsed once (when it is a plain base: no query or fragment): a call's URL is a copy with
    /// its path set, so the host is never parsed again. `None`: each URL is built and parsed as text.
    base: Option<reqwest::Url>,
    timeout: Duration,
    retry: RetryPolicy,
    wire: ProviderWire,
    auth: Auth,
    max_response_bytes: usize,
    /// One permit per request on the wire (see `max_in_flight`).
    in_flight: tokio::sync::Semaphore,
    max_in_flight: usize,
}

/// A cheap-to-clone handle on the pooled HTTP client and the auth state.
#[derive(Clone)]
pub(crate) struct Transport {
    shared: Arc<Shared>,
}

/// A call's URL: parsed from the client's base (no host parsing per call), or text when the base could not
/// be kept parsed (reqwest then parses it, and reports a bad one, as it always did).
#[derive(Clone)]
enum Target {
    Parsed(reqwest::Url),
    Text(String),
}

/// What one attempt produced before interpretation.
enum Attempt {
    Answered {
        status: StatusCode,
        retry_after: Option<Duration>,
        /// Where a 3xx pointed (already stripped of anything secret).
        location: Option<String>,
        body: Vec<u8>,
    },
    /// The answer was larger than `max_response_bytes`: it was not read.
    TooLarge { status: StatusCode, limit: usize },
    Failed {
        /// Nothing reached the server (connection refused, DNS): safe to retry anything.
        before_send: bool,
        timed_out: bool,
        message: String,
    },
}

impl Transport {
    pub fn new(config: TransportConfig, wire: ProviderWire, auth: Auth) -> Result<Self> {
        // reqwest with rustls needs a process-wide crypto provider; installing twice is harmless.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let user_agent = match &config.user_agent_suffix {
            Some(suffix) => format!("paywire/{SDK_VERSION} (rust; {suffix})"),
            None => format!("paywire/{SDK_VERSION} (rust)"),
        };
        // The provider's fixed headers and `Accept` go into the client once, not into every request.
        let mut fixed_headers = wire.headers.clone();
        fixed_headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        let mut builder = reqwest::Client::builder()
            .default_headers(fixed_headers)
            .connect_timeout(config.connect_timeout)
            // Never follow a redirect: a 307 would re-send a token request's keys (or a payment) to
            // whatever host the answer names, and a 303 would turn a confirm into a GET of another page.
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(Duration::from_secs(60))
            .pool_max_idle_per_host(config.max_in_flight.min(64))
            .tcp_nodelay(true)
            .user_agent(user_agent);
        if let Some(proxy) = &config.proxy {
            let proxy = reqwest::Proxy::all(proxy).map_err(|_| {
                Error::invalid_input(
                    "proxy",
                    "is not a valid URL (e.g. http://proxy.internal:3128)",
                )
            })?;
            builder = builder.proxy(proxy);
        }
        let http = builder.build().map_err(|e| {
            Error::Config(format!(
                "HTTP client could not be built: {}",
                e.without_url()
            ))
        })?;
        Ok(Self {
            shared: Arc::new(Shared {
                http,
                base_url: config.base_url.trim_end_matches('/').to_owned(),
                base: parsed_base(config.base_url.trim_end_matches('/')),
                timeout: config.timeout,
                retry: config.retry,
                wire,
                auth,
                max_response_bytes: config.max_response_bytes,
                in_flight: tokio::sync::Semaphore::new(config.max_in_flight),
                max_in_flight: config.max_in_flight,
            }),
        })
    }

    pub fn provider(&self) -> &'static str {
        self.shared.wire.name
    }

    pub fn auth(&self) -> &Auth {
        &self.shared.auth
    }

    pub fn base_url(&self) -> &str {
        &self.shared.base_url
    }

    /// Runs a call and returns its JSON.
    pub async fn execute(&self, call: &Call, per_call: PerCall) -> Result<Value> {
        self.execute_counted(call, per_call)
            .await
            .0
            .map(|(_, value)| value)
    }

    /// Runs a call and decodes its answer into `T`: straight from the body's bytes when the provider's
    /// fast check passed, else (and whenever that direct decode fails) exactly as [`Transport::decode`]
    /// would, so errors, redaction and the outcome-unknown rule are those of the JSON path.
    pub async fn execute_as<T: DeserializeOwned>(
        &self,
        call: &Call,
        per_call: PerCall,
    ) -> Result<T> {
        self.execute_status_as(call, per_call).await.map(|(_, t)| t)
    }

    /// [`Transport::execute_as`], also returning the HTTP status it succeeded with.
    pub async fn execute_status_as<T: DeserializeOwned>(
        &self,
        call: &Call,
        per_call: PerCall,
    ) -> Result<(u16, T)> {
        let (status, success) = self.execute_answer(call, per_call).await.0?;
        let decoded = match success {
            Success::Body(body) => match serde_json::from_slice::<T>(&body) {
                Ok(decoded) => decoded,
                Err(_) => {
                    let value = self.settle_success(call, status, &body)?;
                    self.decode(call, status.as_u16(), value)?
                }
            },
            Success::Json(value) => self.decode(call, status.as_u16(), value)?,
        };
        Ok((status.as_u16(), decoded))
    }

    /// Runs a call and returns the HTTP status it succeeded with and its JSON.
    pub async fn execute_status(&self, call: &Call, per_call: PerCall) -> Result<(u16, Value)> {
        self.execute_counted(call, per_call).await.0
    }

    /// Decodes a successful answer of `call` into its model. For a call that moves money an answer that
    /// does not decode (`code 0` with a `null` response, an empty body) may still stand for a charge that
    /// exists, so it is an outcome-unknown error, never a plain decode error.
    pub fn decode<T: DeserializeOwned>(
        &self,
        call: &Call,
        http_status: u16,
        value: Value,
    ) -> Result<T> {
        decode_answer(self.provider(), call, http_status, &value)
    }

    /// The full URL of a call, refused before sending when it is too long for servers to accept.
    fn url(&self, call: &Call) -> Result<Target> {
        let path = call.path.as_str();
        let url = match &self.shared.base {
            Some(base) => {
                let mut url = base.clone();
                let base_path = base.path().trim_end_matches('/');
                let mut full_path = String::with_capacity(base_path.len() + 1 + path.len());
                full_path.push_str(base_path);
                full_path.push('/');
                full_path.push_str(path);
                url.set_path(&full_path);
                if !call.query.is_empty() {
                    url.query_pairs_mut().extend_pairs(&call.query);
                }
                Target::Parsed(url)
            }
            None => {
                let mut text = format!("{}/{}", self.shared.base_url, path);
                if !call.query.is_empty() {
                    text.push('?');
                    let start = text.len();
                    text = form_urlencoded::Serializer::for_suffix(text, start)
                        .extend_pairs(&call.query)
                        .finish();
                }
                Target::Text(text)
            }
        };
        let url_len = match &url {
            Target::Parsed(url) => url.as_str().len(),
            Target::Text(text) => text.len(),
        };
        if url_len > MAX_URL_BYTES {
            return Err(Error::invalid_input(
                "url",
                format!(
                    "of {} would be {} bytes, over the {MAX_URL_BYTES}-byte limit servers accept; an id or query value is far too long (nothing was sent)",
                    call.operation,
                    url_len
                ),
            ));
        }
        Ok(url)
    }

    /// Runs a call; also returns how many attempts it took (a de-duplicated call that is refused as a
    /// duplicate on a later attempt means an earlier attempt landed).
    pub async fn execute_counted(
        &self,
        call: &Call,
        per_call: PerCall,
    ) -> (Result<(u16, Value)>, u32) {
        let (result, attempts) = self.execute_answer(call, per_call).await;
        let result = result.and_then(|(status, success)| {
            let value = match success {
                Success::Json(value) => value,
                Success::Body(body) => match serde_json::from_slice::<Value>(&body) {
                    Ok(value) => value,
                    Err(_) => self.settle_success(call, status, &body)?,
                },
            };
            Ok((status.as_u16(), value))
        });
        (result, attempts)
    }

    /// What the attempt loop would have made of a 2xx `body` that skipped `interpret` (the fast path),
    /// for when decoding it directly failed: the provider's reading, credentials withheld, and an
    /// unreadable answer to a call that moves money turned into an outcome-unknown error.
    fn settle_success(&self, call: &Call, status: StatusCode, body: &[u8]) -> Result<Value> {
        match self.interpret_answer(call, status, body) {
            Err(e) if call.moves_money() && answer_leaves_outcome_open(status, &e) => {
                Err(call.outcome_unknown(format!("no readable answer: {e}"), false))
            }
            other => other,
        }
    }

    /// The provider's reading of an answer; a decode error of a call whose answer carries credentials
    /// does not quote the body.
    fn interpret_answer(&self, call: &Call, status: StatusCode, body: &[u8]) -> Result<Value> {
        match (self.shared.wire.interpret)(status, body) {
            Err(Error::Decode {
                provider,
                http_status,
                message,
                ..
            }) if call.sensitive_response => Err(Error::Decode {
                provider,
                http_status,
                message,
                body_snippet: WITHHELD.to_owned(),
            }),
            other => other,
        }
    }

    /// The attempt loop: auth, the in-flight bound, retries, the 401 refresh, redirects and the
    /// outcome-unknown rule. A 2xx that passes the provider's fast check comes back as its raw body.
    async fn execute_answer(
        &self,
        call: &Call,
        per_call: PerCall,
    ) -> (Result<(StatusCode, Success)>, u32) {
        let timeout = match per_call
            .timeout
            .map(|t| validate_timeout("timeout", t))
            .transpose()
        {
            Ok(t) => t.unwrap_or(self.shared.timeout),
            Err(e) => return (Err(e), 0),
        };
        let url = match self.url(call) {
            Ok(url) => url,
            Err(e) => return (Err(e), 0),
        };
        let policy = per_call.retry.unwrap_or(self.shared.retry);
        let mut attempts: u32 = 0;
        let mut refreshed_after_401 = false;
        // Whether an earlier attempt of this call may have been processed by the server.
        let mut maybe_processed = false;
        loop {
            attempts += 1;
            let credential = if call.auth {
                match self.shared.auth.header(self).await {
                    Ok(header) => header,
                    Err(e) if maybe_processed && call.moves_money() => {
                        return (
                            Err(call.outcome_unknown(
                                format!("an earlier attempt got no answer and no new token could be had: {e}"),
                                false,
                            )),
                            attempts,
                        )
                    }
                    Err(e) => return (Err(e), attempts),
                }
            } else {
                None
            };
            // The slot is held only while this attempt is on the wire (not while a token is fetched,
            // which needs a slot of its own).
            let permit = match tokio::time::timeout(timeout, self.shared.in_flight.acquire()).await
            {
                Ok(Ok(permit)) => permit,
                _ => {
                    let busy = Error::Timeout {
                            attempts: attempts - 1,
                            message: format!(
                                "{} requests of this client were already in flight (max_in_flight) for {} s; this attempt was not sent",
                                self.shared.max_in_flight,
                                timeout.as_secs_f64()
                            ),
                        };
                    let error = if maybe_processed && call.moves_money() {
                        call.outcome_unknown(busy.to_string(), true)
                    } else {
                        busy
                    };
                    return (Err(error), attempts);
                }
            };
            let started = std::time::Instant::now();
            let attempt = self
                .send_once(call, url.clone(), credential.as_ref(), timeout)
                .await;
            drop(permit);
            // Every event of this attempt carries these fields (bindings turn them into structured logs).
            let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
            let retries_left = i64::from(attempts) <= i64::from(policy.max_retries);
            match attempt {
                Attempt::Answered {
                    status,
                    retry_after,
                    location,
                    body,
                } => {
                    tracing::debug!(
                        provider = self.provider(),
                        operation = call.operation,
                        status = status.as_u16(),
                        attempt = attempts,
                        duration_ms,
                        "answered"
                    );
                    if status == StatusCode::UNAUTHORIZED
                        && call.auth
                        && !refreshed_after_401
                        && self.shared.auth.can_refresh()
                    {
                        // A 401 is a refusal before any processing, so a fresh token and one more try is safe
                        // for every call, payments included.
                        refreshed_after_401 = true;
                        self.shared.auth.invalidate(credential.as_ref());
                        attempts -= 1;
                        tracing::info!(
                            provider = self.provider(),
                            operation = call.operation,
                            status = status.as_u16(),
                            attempt = attempts + 1,
                            duration_ms,
                            "401: refreshing the token once"
                        );
                        continue;
                    }
                    if status.is_redirection() {
                        // Never followed; and a 3xx is an answer from before any processing.
                        let error = Error::Redirect {
                            provider: self.provider(),
                            http_status: status.as_u16(),
                            location: location.unwrap_or_else(|| "(no Location)".to_owned()),
                        };
                        let error = if maybe_processed && call.moves_money() {
                            call.outcome_unknown(
                                format!("an earlier attempt got no answer; this one: {error}"),
                                false,
                            )
                        } else {
                            error
                        };
                        return (Err(error), attempts);
                    }
                    if status.is_success()
                        && self
                            .shared
                            .wire
                            .plain_success
                            .is_some_and(|plain| plain(&body))
                    {
                        return (Ok((status, Success::Body(body))), attempts);
                    }
                    let result = self
                        .interpret_answer(call, status, &body)
                        .map(Success::Json);
                    let unreadable = result
                        .as_ref()
                        .err()
                        .is_some_and(|e| answer_leaves_outcome_open(status, e));
                    maybe_processed |= unreadable;
                    let transient =
                        status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS;
                    if result.is_err() && transient && call.retry.retries_answers() && retries_left
                    {
                        match policy.delay(attempts, retry_after) {
                            Some(delay) => {
                                tracing::warn!(
                                    provider = self.provider(),
                                    operation = call.operation,
                                    status = status.as_u16(),
                                    attempt = attempts,
                                    duration_ms,
                                    ?delay,
                                    "retrying"
                                );
                                tokio::time::sleep(delay).await;
                                continue;
                            }
                            None => return (result.map(|v| (status, v)), attempts),
                        }
                    }
                    if call.moves_money() && unreadable {
                        let message = match &result {
                            Err(e) => format!("no readable answer: {e}"),
                            Ok(_) => String::new(),
                        };
                        return (Err(call.outcome_unknown(message, false)), attempts);
                    }
                    return (result.map(|v| (status, v)), attempts);
                }
                Attempt::TooLarge { status, limit } => {
                    let message = format!(
                        "the HTTP {status} answer is larger than {limit} bytes (max_response_bytes) and was not read"
                    );
                    tracing::warn!(
                        provider = self.provider(),
                        operation = call.operation,
                        status = status.as_u16(),
                        attempt = attempts,
                        duration_ms,
                        "{message}"
                    );
                    let error = if call.moves_money() && !status.is_client_error() {
                        call.outcome_unknown(message, false)
                    } else {
                        Error::Decode {
                            provider: self.provider(),
                            http_status: status.as_u16(),
                            message,
                            body_snippet: String::new(),
                        }
                    };
                    return (Err(error), attempts);
                }
                Attempt::Failed {
                    before_send,
                    timed_out,
                    message,
                } => {
                    tracing::warn!(
                        provider = self.provider(),
                        operation = call.operation,
                        attempt = attempts,
                        duration_ms,
                        before_send,
                        timed_out,
                        "request failed: {message}"
                    );
                    maybe_processed |= !before_send;
                    let may_retry = before_send || call.retry.retries_broken_connections();
                    if may_retry && retries_left {
                        if let Some(delay) = policy.delay(attempts, None) {
                            tokio::time::sleep(delay).await;
                            continue;
                        }
                    }
                    let error = if maybe_processed && call.moves_money() {
                        call.outcome_unknown(message, timed_out)
                    } else if timed_out {
                        Error::Timeout { attempts, message }
                    } else {
                        Error::Transport { attempts, message }
                    };
                    return (Err(error), attempts);
                }
            }
        }
    }

    async fn send_once(
        &self,
        call: &Call,
        url: Target,
        credential: Option<&HeaderValue>,
        timeout: Duration,
    ) -> Attempt {
        let http = &self.shared.http;
        let request = match url {
            Target::Parsed(url) => http.request(call.method.clone(), url),
            Target::Text(text) => http.request(call.method.clone(), text),
        };
        let mut request = request.timeout(timeout);
        if let Some(credential) = credential {
            request = request.header(reqwest::header::AUTHORIZATION, credential.clone());
        }
        if let Some(body) = &call.body {
            match serde_json::to_vec(body) {
                Ok(bytes) => {
                    request = request.header(CONTENT_TYPE, "application/json").body(bytes);
                }
                Err(e) => {
                    return Attempt::Failed {
                        before_send: true,
                        timed_out: false,
                        message: format!("request body could not be encoded: {e}"),
                    }
                }
            }
        }
        let mut response = match request.send().await {
            Ok(response) => response,
            Err(e) => return failed(e),
        };
        let status = response.status();
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let location = response
            .headers()
            .get(LOCATION)
            .map(|v| crate::redact::url_for_message(&String::from_utf8_lossy(v.as_bytes())));
        let limit = self.shared.max_response_bytes;
        if response
            .content_length()
            .is_some_and(|len| len > limit as u64)
        {
            return Attempt::TooLarge { status, limit };
        }
        // Read chunk by chunk so a lying or missing Content-Length can never make us hold more than the cap.
        let expected = response.content_length().map_or(0, |len| len as usize);
        let mut body = Vec::with_capacity(expected);
        loop {
            match response.chunk().await {
                Ok(Some(chunk)) => {
                    if body.len() + chunk.len() > limit {
                        return Attempt::TooLarge { status, limit };
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => break,
                Err(e) => {
                    return Attempt::Failed {
                        before_send: false,
                        timed_out: e.is_timeout(),
                        message: format!(
                            "connection lost while reading the HTTP {status} answer: {}",
                            error_chain(e)
                        ),
                    }
                }
            }
        }
        Attempt::Answered {
            status,
            retry_after,
            location,
            body,
        }
    }
}

/// [`Transport::decode`] without a transport (the fuzz targets run it on answers they make up).
pub(crate) fn decode_answer<T: DeserializeOwned>(
    provider: &'static str,
    call: &Call,
    http_status: u16,
    value: &Value,
) -> Result<T> {
    T::deserialize(value).map_err(|e| {
        let message = crate::redact::serde_message(&e.to_string());
        if call.moves_money() {
            call.outcome_unknown(format!("the answer could not be read ({message})"), false)
        } else {
            Error::Decode {
                provider,
                http_status,
                message,
                body_snippet: if call.sensitive_response {
                    WITHHELD.to_owned()
                } else {
                    snippet(value.to_string().as_bytes(), 120)
                },
            }
        }
    })
}

/// What decode errors show instead of a body that carries credentials.
const WITHHELD: &str = "(withheld: the response carries credentials)";

/// Whether an error answer leaves open whether the request was processed: a gateway's page or an empty or
/// garbled body on a 2xx or 5xx, a 5xx that is not the provider's own error (no provider code), or any
/// 502/503/504 (statuses of the proxies and load balancers in front of a provider, which answer them
/// after the request went on). A 4xx, or a 500 carrying the provider's code (a PG decline, seed 000), is a
/// definite refusal.
fn answer_leaves_outcome_open(status: StatusCode, error: &Error) -> bool {
    if status.is_client_error() {
        return false;
    }
    let gateway = matches!(
        status,
        StatusCode::BAD_GATEWAY | StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT
    );
    match error {
        Error::Decode { .. } => true,
        Error::Api { code, .. } => status.is_server_error() && (gateway || code.is_none()),
        _ => false,
    }
}

/// A reqwest error and its causes in one line, without the URL (which may hold ids or account numbers).
fn error_chain(e: reqwest::Error) -> String {
    let e = e.without_url();
    let mut message = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    crate::redact::scrub_text(&message)
}

fn failed(e: reqwest::Error) -> Attempt {
    Attempt::Failed {
        // A connect failure means no byte of the request left this machine.
        before_send: e.is_connect() && !e.is_timeout(),
        timed_out: e.is_timeout(),
        message: error_chain(e),
    }
}

/// Builds a header map from static pairs; invalid values are skipped (they are compile-time constants).
pub(crate) fn headers(pairs: &[(&'static str, String)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        if let Ok(value) = HeaderValue::from_str(value) {
            map.insert(HeaderName::from_static(name), value);
        }
    }
    map
}

/// The start of a body, for decode errors: sensitive values masked, at most `max` characters.
pub(crate) fn snippet(body: &[u8], max: usize) -> String {
    crate::redact::body_snippet(body, max)
}

/// `base_url` as a parsed base for [`Transport::url`], when parsing it changes nothing a caller could notice
/// (no query, fragment or normalisation): otherwise `None`, and every URL is parsed from its text as before.
fn parsed_base(base_url: &str) -> Option<reqwest::Url> {
    let base = reqwest::Url::parse(base_url).ok()?;
    let plain = !base.cannot_be_a_base()
        && base.query().is_none()
        && base.fragment().is_none()
        && base.as_str().trim_end_matches('/') == base_url;
    plain.then_some(base)
}

/// Whether `body` cannot carry a non-null `key` at its top level, so a 2xx may skip the provider's
/// `interpret` and be decoded straight into its model (whether it is JSON at all is then the decoder's
/// finding, which falls back to `interpret`). Without a `\u` escape a key's text is its bytes, so a body
/// whose bytes never spell `key` is answered by one scan; otherwise it is parsed without building anything.
/// Any doubt (invalid UTF-8, a scalar, `key` twice) answers `false`: the slow path. E.g. for `error_code`,
/// `{"receipt_id":"r1","data":{"error_code":1}}` passes and `{"error_code":"RC_X"}` does not (the cases
/// are the unit test below; a crate-private function has no runnable doc example).
pub(crate) fn lacks_top_level_key(body: &[u8], key: &str) -> bool {
    use serde::de::DeserializeSeed;
    let Ok(text) = std::str::from_utf8(body) else {
        return false;
    };
    if !text.contains(key) && !text.contains("\\u") {
        return true;
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let absent = TopLevelKey(key).deserialize(&mut deserializer);
    matches!(absent, Ok(true)) && deserializer.end().is_ok()
}

/// A serde visitor answering "is `.0` absent (or null) at the top level?" while skipping every value.
struct TopLevelKey<'k>(&'k str);

impl<'de> serde::de::DeserializeSeed<'de> for TopLevelKey<'_> {
    type Value = bool;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for TopLevelKey<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object or array")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<bool, A::Error> {
        use serde::de::{Error as _, IgnoredAny};
        let mut absent = true;
        let mut seen = false;
        while let Some(is_key) = map.next_key_seed(KeyIs(self.0))? {
            if is_key {
                if seen {
                    return Err(A::Error::custom("the key appears twice"));
                }
                seen = true;
                absent = map.next_value::<Option<IgnoredAny>>()?.is_none();
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(absent)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<bool, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(true)
    }
}

/// A map key compared with the wanted one, never copied.
struct KeyIs<'k>(&'k str);

impl<'de> serde::de::DeserializeSeed<'de> for KeyIs<'_> {
    type Value = bool;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<bool, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> serde::de::Visitor<'de> for KeyIs<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> std::result::Result<bool, E> {
        Ok(key == self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::lacks_top_level_key;

    #[test]
    fn the_fast_check_refuses_any_body_that_may_carry_the_key() {
        let key = "error_code";
        assert!(lacks_top_level_key(
            br#"{"receipt_id":"r1","data":{"error_code":1}}"#,
            key
        ));
        assert!(lacks_top_level_key(
            br#"{"error_code":null,"price":1}"#,
            key
        ));
        assert!(lacks_top_level_key(br#"[{"error_code":1}]"#, key));
        assert!(lacks_top_level_key(
            br#"{"receipt_id":"r1","name":"caf\u00e9"}"#,
            key
        ));
        assert!(!lacks_top_level_key(br#"{"error_code":"RC_X"}"#, key));
        assert!(!lacks_top_level_key(br#"{"error_code":0}"#, key));
        assert!(!lacks_top_level_key(br#"{"error\u005fcode":1}"#, key));
        assert!(!lacks_top_level_key(
            br#"{"error_code":null,"error_code":null}"#,
            key
        ));
        assert!(!lacks_top_level_key(b"null \\u0041", key));
        assert!(!lacks_top_level_key(
            br#"{"a":"\u00e9","error_code":null} x"#,
            key
        ));
        assert!(!lacks_top_level_key(br#"{"a":"error_code"#, key));
        assert!(!lacks_top_level_key(b"\xff\xfe", key));
        // Bodies that cannot hold the key pass whatever they are: decoding them is the model's test.
        assert!(lacks_top_level_key(b"", key));
        assert!(lacks_top_level_key(b"<html>bad gateway</html>", key));
    }
}
