//! Credentials and the token cache, applied by the transport to every call that says it needs auth.
//!
//! Tokens are fetched lazily on first use, cached, and refreshed ahead of expiry. However many calls find
//! the token stale at once, one of them fetches and the others wait for its result (single flight). After
//! a 401 the token the failed call used is dropped, so the next attempt fetches a fresh one.

use crate::error::Result;
use crate::secret::Secret;
use crate::transport::Transport;
use futures::future::BoxFuture;
use reqwest::header::HeaderValue;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::RwLock;
use std::time::{Duration, Instant};

/// A token as a provider issued it.
pub(crate) struct FetchedToken {
    pub token: Secret,
    /// How long the provider says it lives.
    pub lifetime: Duration,
    /// When to fetch a new one, measured from now (before `lifetime`).
    pub refresh_after: Duration,
}

/// The longest token lifetime believed: a server (or a man in the middle) answering `i64::MAX` must not make
/// the expiry arithmetic overflow, and no provider issues tokens for longer than a day.
const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);

/// A server-reported lifetime in seconds as a duration between 1 s and a day.
pub(crate) fn clamp_lifetime(seconds: i64) -> Duration {
    Duration::from_secs(u64::try_from(seconds).unwrap_or(0).max(1)).min(MAX_TOKEN_LIFETIME)
}

type Fetcher = Box<dyn Fn(Transport) -> BoxFuture<'static, Result<FetchedToken>> + Send + Sync>;

struct Cached {
    header: HeaderValue,
    token: Secret,
    refresh_at: Instant,
    expires_at: Instant,
}

/// What the last token fetch left behind, guarded by the single-flight lock.
#[derive(Default)]
struct FetchState {
    /// The failure of the last fetch, handed to the callers that waited for it.
    last_failure: Option<crate::Error>,
}

/// The token cache of one client.
pub(crate) struct TokenCache {
    current: RwLock<Option<Cached>>,
    refresh: tokio::sync::Mutex<FetchState>,
    /// Bumped after every fetch, so a waiter can tell that a fetch ran while it waited.
    fetches: AtomicU64,
    fetcher: Fetcher,
}

/// How requests of one client are authorised.
pub(crate) enum Auth {
    /// A fixed header (HTTP Basic): no token call ever.
    Fixed(HeaderValue),
    /// A bearer token from the provider's token endpoint.
    Token(Box<TokenCache>),
}

impl Auth {
    /// A fixed, sensitive header value (never printed by reqwest's `Debug`).
    pub fn fixed(value: &str) -> Result<Self> {
        let mut header = HeaderValue::from_str(value).map_err(|_| {
            crate::Error::invalid_input(
                "credentials",
                "contain characters not allowed in an HTTP header",
            )
        })?;
        header.set_sensitive(true);
        Ok(Self::Fixed(header))
    }

    /// A token cache filled by `fetcher`.
    pub fn token<F>(fetcher: F) -> Self
    where
        F: Fn(Transport) -> BoxFuture<'static, Result<FetchedToken>> + Send + Sync + 'static,
    {
        Self::Token(Box::new(TokenCache {
            current: RwLock::new(None),
            refresh: tokio::sync::Mutex::new(FetchState::default()),
            fetches: AtomicU64::new(0),
            fetcher: Box::new(fetcher),
        }))
    }

    /// Whether a 401 can be answered by fetching a new token.
    pub fn can_refresh(&self) -> bool {
        matches!(self, Self::Token(_))
    }

    /// The `Authorization` value for the next request.
    pub async fn header(&self, transport: &Transport) -> Result<Option<HeaderValue>> {
        match self {
            Self::Fixed(header) => Ok(Some(header.clone())),
            Self::Token(cache) => cache.header(transport).await.map(Some),
        }
    }

    /// Drops the cached token if it is the one that was refused.
    pub fn invalidate(&self, used: Option<&HeaderValue>) {
        if let Self::Token(cache) = self {
            cache.invalidate(used);
        }
    }

    /// The current token and how long it has left, fetching one if needed; `None` for fixed credentials.
    pub async fn current_token(&self, transport: &Transport) -> Result<Option<(Secret, Duration)>> {
        match self {
            Self::Fixed(_) => Ok(None),
            Self::Token(cache) => {
                cache.header(transport).await?;
                Ok(cache.snapshot())
            }
        }
    }
}

impl TokenCache {
    fn fresh_header(&self) -> Option<HeaderValue> {
        let guard = self.current.read().ok()?;
        let cached = guard.as_ref()?;
        (Instant::now() < cached.refresh_at).then(|| cached.header.clone())
    }

    fn snapshot(&self) -> Option<(Secret, Duration)> {
        let guard = self.current.read().ok()?;
        let cached = guard.as_ref()?;
        Some((
            cached.token.clone(),
            cached.expires_at.saturating_duration_since(Instant::now()),
        ))
    }

    async fn header(&self, transport: &Transport) -> Result<HeaderValue> {
        if let Some(header) = self.fresh_header() {
            return Ok(header);
        }
        // Single flight: whoever holds this lock fetches; the rest find a fresh token once they get it, or
        // share the failure of the fetch they waited for instead of each hammering the token endpoint.
        let seen = self.fetches.load(Ordering::Acquire);
        let mut state = self.refresh.lock().await;
        if let Some(header) = self.fresh_header() {
            return Ok(header);
        }
        if self.fetches.load(Ordering::Acquire) != seen {
            if let Some(failure) = &state.last_failure {
                return Err(failure.copy_for_waiter());
            }
        }
        tracing::debug!(provider = transport.provider(), "fetching an access token");
        let outcome = (self.fetcher)(transport.clone()).await;
        self.fetches.fetch_add(1, Ordering::AcqRel);
        let fetched = match outcome {
            Ok(fetched) => {
                state.last_failure = None;
                fetched
            }
            Err(e) => {
                state.last_failure = Some(e.copy_for_waiter());
                return Err(e);
            }
        };
        let mut header = HeaderValue::from_str(&format!("Bearer {}", fetched.token.expose()))
            .map_err(|_| crate::Error::Decode {
                provider: transport.provider(),
                http_status: 200,
                message: "the access token is not a valid header value".to_owned(),
                body_snippet: "(withheld)".to_owned(),
            })?;
        header.set_sensitive(true);
        let now = Instant::now();
        let cached = Cached {
            header: header.clone(),
            token: fetched.token,
            refresh_at: now + fetched.refresh_after.min(fetched.lifetime),
            expires_at: now + fetched.lifetime,
        };
        if let Ok(mut slot) = self.current.write() {
            *slot = Some(cached);
        }
        Ok(header)
    }

    fn invalidate(&self, used: Option<&HeaderValue>) {
        if let Ok(mut slot) = self.current.write() {
            let is_used = match (slot.as_ref(), used) {
                (Some(cached), Some(used)) => cached.header == *used,
                (Some(_), None) => true,
                (None, _) => false,
            };
            if is_used {
                *slot = None;
            }
        }
    }
}
