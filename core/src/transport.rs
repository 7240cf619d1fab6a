//! HTTP execution: one pooled reqwest client per paywire client, timeouts, the retry policy, auth
//! application and the hand-off to the provider's error mapping.
//!
//! Endpoint code never touches reqwest: it builds a [`Call`] (method, path, query, body, whether it needs
//! auth, how it may be retried) and hands it here. The retry decision lives only here, so no endpoint can
//! accidentally retry a payment.

use crate::auth::Auth;
use crate::error::{Error, Result};
use crate::path::Path;
use crate::retry::{RetryClass, RetryPolicy};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, ACCEPT, CONTENT_TYPE, RETRY_AFTER};
use reqwest::{Method, StatusCode};
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

/// Static description of a provider's wire conventions.
#[derive(Clone)]
pub(crate) struct ProviderWire {
    pub name: &'static str,
    pub interpret: Interpret,
    pub headers: HeaderMap,
}

/// The transport settings every client builder offers, with their defaults applied by [`TransportOptions::config`].
#[derive(Debug, Clone, Default)]
pub(crate) struct TransportOptions {
    pub timeout: Option<Duration>,
    pub connect_timeout: Option<Duration>,
    pub proxy: Option<String>,
    pub retry: RetryPolicy,
    pub user_agent_suffix: Option<String>,
}

impl TransportOptions {
    /// The settings for `base_url`: 30 s per attempt and 5 s to connect unless set.
    pub fn config(&self, base_url: String) -> TransportConfig {
        TransportConfig {
            base_url,
            timeout: self.timeout.unwrap_or(Duration::from_secs(30)),
            connect_timeout: self.connect_timeout.unwrap_or(Duration::from_secs(5)),
            proxy: self.proxy.clone(),
            retry: self.retry,
            user_agent_suffix: self.user_agent_suffix.clone(),
        }
    }
}

/// Generates the transport setters of a client builder that has a `transport: TransportOptions` field.
macro_rules! transport_setters {
    () => {
        /// Total time one attempt may take (default 30 s). Per call: `Client::with_timeout`.
        pub fn timeout(mut self, timeout: std::time::Duration) -> Self {
            self.transport.timeout = Some(timeout);
            self
        }

        /// Time to establish a connection (default 5 s).
        pub fn connect_timeout(mut self, timeout: std::time::Duration) -> Self {
            self.transport.connect_timeout = Some(timeout);
            self
        }

        /// Sends every request through this HTTP(S) proxy, e.g. `http://proxy.internal:3128`.
        pub fn proxy(mut self, url: impl Into<String>) -> Self {
            self.transport.proxy = Some(url.into());
            self
        }

        /// The retry policy for calls that are safe to repeat (payments are never repeated).
        pub fn retry(mut self, policy: $crate::RetryPolicy) -> Self {
            self.transport.retry = policy;
            self
        }

        /// Appends a product token to our `User-Agent` (bindings add their language).
        pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
            self.transport.user_agent_suffix = Some(suffix.into());
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
}

struct Shared {
    http: reqwest::Client,
    base_url: String,
    timeout: Duration,
    retry: RetryPolicy,
    wire: ProviderWire,
    auth: Auth,
}

/// A cheap-to-clone handle on the pooled HTTP client and the auth state.
#[derive(Clone)]
pub(crate) struct Transport {
    shared: Arc<Shared>,
}

/// What one attempt produced before interpretation.
enum Attempt {
    Answered {
        status: StatusCode,
        retry_after: Option<Duration>,
        body: Vec<u8>,
    },
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
        let mut builder = reqwest::Client::builder()
            .connect_timeout(config.connect_timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .pool_max_idle_per_host(64)
            .tcp_nodelay(true)
            .user_agent(user_agent);
        if let Some(proxy) = &config.proxy {
            let proxy = reqwest::Proxy::all(proxy)
                .map_err(|e| Error::Config(format!("proxy URL is not valid: {e}")))?;
            builder = builder.proxy(proxy);
        }
        let http = builder
            .build()
            .map_err(|e| Error::Config(format!("HTTP client could not be built: {e}")))?;
        Ok(Self {
            shared: Arc::new(Shared {
                http,
                base_url: config.base_url.trim_end_matches('/').to_owned(),
                timeout: config.timeout,
                retry: config.retry,
                wire,
                auth,
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
    pub async fn execute(&self, call: &Call, timeout: Option<Duration>) -> Result<Value> {
        self.execute_counted(call, timeout).await.0
    }

    /// Runs a call; also returns how many attempts it took (a de-duplicated call that is refused as a
    /// duplicate on a later attempt means the first attempt landed).
    pub async fn execute_counted(
        &self,
        call: &Call,
        timeout: Option<Duration>,
    ) -> (Result<Value>, u32) {
        let timeout = timeout.unwrap_or(self.shared.timeout);
        let policy = &self.shared.retry;
        let mut attempts: u32 = 0;
        let mut refreshed_after_401 = false;
        loop {
            attempts += 1;
            let credential = if call.auth {
                match self.shared.auth.header(self).await {
                    Ok(header) => header,
                    Err(e) => return (Err(e), attempts),
                }
            } else {
                None
            };
            let attempt = self.send_once(call, credential.as_ref(), timeout).await;
            let retries_left = attempts <= policy.max_retries;
            match attempt {
                Attempt::Answered {
                    status,
                    retry_after,
                    body,
                } => {
                    tracing::debug!(
                        provider = self.provider(),
                        operation = call.operation,
                        status = status.as_u16(),
                        attempt = attempts,
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
                            operation = call.operation,
                            "401: refreshing the token once"
                        );
                        continue;
                    }
                    let result = (self.shared.wire.interpret)(status, &body);
                    let result = match result {
                        Err(Error::Decode {
                            provider,
                            http_status,
                            message,
                            ..
                        }) if call.sensitive_response => Err(Error::Decode {
                            provider,
                            http_status,
                            message,
                            body_snippet: "(withheld: the response carries credentials)".to_owned(),
                        }),
                        other => other,
                    };
                    let transient =
                        status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS;
                    if result.is_err() && transient && call.retry.retries_answers() && retries_left
                    {
                        match policy.delay(attempts, retry_after) {
                            Some(delay) => {
                                tracing::warn!(
                                    operation = call.operation,
                                    status = status.as_u16(),
                                    ?delay,
                                    "retrying"
                                );
                                tokio::time::sleep(delay).await;
                                continue;
                            }
                            None => return (result, attempts),
                        }
                    }
                    return (result, attempts);
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
                        before_send,
                        timed_out,
                        "request failed: {message}"
                    );
                    let may_retry = before_send || call.retry.retries_broken_connections();
                    if may_retry && retries_left {
                        if let Some(delay) = policy.delay(attempts, None) {
                            tokio::time::sleep(delay).await;
                            continue;
                        }
                    }
                    let error = if !before_send && !call.retry.retries_broken_connections() {
                        Error::OutcomeUnknown {
                            operation: call.operation.to_owned(),
                            message,
                            hint: call.reconcile_hint.clone(),
                            timed_out,
                        }
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
        credential: Option<&HeaderValue>,
        timeout: Duration,
    ) -> Attempt {
        let url = format!("{}/{}", self.shared.base_url, call.path.as_str());
        let mut request = self
            .shared
            .http
            .request(call.method.clone(), &url)
            .timeout(timeout)
            .headers(self.shared.wire.headers.clone())
            .header(ACCEPT, "application/json");
        if !call.query.is_empty() {
            request = request.query(&call.query);
        }
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
        let response = match request.send().await {
            Ok(response) => response,
            Err(e) => return failed(&e),
        };
        let status = response.status();
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        match response.bytes().await {
            Ok(body) => Attempt::Answered {
                status,
                retry_after,
                body: body.to_vec(),
            },
            Err(e) => Attempt::Failed {
                before_send: false,
                timed_out: e.is_timeout(),
                message: format!("connection lost while reading the HTTP {status} answer: {e}"),
            },
        }
    }
}

fn failed(e: &reqwest::Error) -> Attempt {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(inner) = source {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        source = inner.source();
    }
    Attempt::Failed {
        // A connect failure means no byte of the request left this machine.
        before_send: e.is_connect() && !e.is_timeout(),
        timed_out: e.is_timeout(),
        message,
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

/// The start of a body, for decode errors: at most `max` characters, on a char boundary.
pub(crate) fn snippet(body: &[u8], max: usize) -> String {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim();
    match trimmed.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &trimmed[..cut]),
        None => trimmed.to_owned(),
    }
}
