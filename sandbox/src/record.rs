//! Request recording and counters for the Bootpay and iamport routes.
//!
//! Tests assert on what actually went over the wire (headers, query encoding, body fields,
//! how many token calls a client made), so this is the outermost layer: it sees every
//! request, including ones a fault answers.

use std::convert::Infallible;
use std::sync::Arc;

use std::time::Instant;

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};

use crate::bootpay::{route_pattern, ApiError};
use crate::iamport::IamError;
use crate::state::App;

/// Headers kept in recorded requests.
const RECORDED_HEADERS: [&str; 8] = [
    "authorization",
    "content-type",
    "bootpay-api-version",
    "bootpay-sdk-version",
    "bootpay-sdk-type",
    "user-agent",
    "accept",
    "tier",
];

/// Largest part of one body kept in the recorder; the rest is cut off with a marker.
pub const MAX_RECORDED_BODY: usize = 64 * 1024;

/// Most bytes all recorded requests may hold together; the oldest are forgotten past it.
pub const MAX_RECORDED_TOTAL: usize = 16 * 1024 * 1024;

/// Fixed cost counted per recorded request (method, path, headers, bookkeeping), so many tiny
/// requests are bounded too.
const RECORD_OVERHEAD: usize = 256;

/// One recorded request. The body is kept as bytes (at most [`MAX_RECORDED_BODY`]) and only
/// parsed when read, so the memory it holds is what the byte budget counts.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// Sequence number, for updating the answer once the handler has run.
    pub seq: u64,
    /// Which API.
    pub provider: Provider,
    /// HTTP method.
    pub method: String,
    /// Path relative to the API root.
    pub path: String,
    /// Raw query string.
    pub query: String,
    /// The kept headers.
    pub headers: Vec<(String, String)>,
    /// The body, cut at [`MAX_RECORDED_BODY`].
    pub body: Bytes,
    /// The body's full length.
    pub body_len: usize,
    /// The answer's status, once known.
    pub status: Option<u16>,
    /// How long the answer took, once known.
    pub duration_ms: Option<f64>,
    /// When it arrived (sandbox clock, for the dashboard).
    pub at: String,
}

impl Recorded {
    /// What the recorder counts against [`MAX_RECORDED_TOTAL`].
    pub fn cost(&self) -> usize {
        RECORD_OVERHEAD
            + self.path.len()
            + self.query.len()
            + self.body.len()
            + self
                .headers
                .iter()
                .map(|(k, v)| k.len() + v.len())
                .sum::<usize>()
    }

    /// How `GET /__admin/requests` shows it: `body` parsed JSON or null, `raw_body` the text
    /// when it is not JSON, `body_truncated` when it was cut.
    pub fn to_json(&self) -> Value {
        let headers: Map<String, Value> = self
            .headers
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect();
        let mut entry = json!({
            "provider": self.provider.name(),
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": headers,
            "body": Value::Null,
            "status": self.status,
            "duration_ms": self.duration_ms,
            "at": self.at,
        });
        let truncated = self.body.len() < self.body_len;
        if truncated {
            entry["raw_body"] = json!(format!(
                "{}…[truncated: {} of {} bytes kept]",
                String::from_utf8_lossy(&self.body),
                self.body.len(),
                self.body_len
            ));
            entry["body_truncated"] = json!(true);
            entry["body_bytes"] = json!(self.body_len);
        } else if !self.body.is_empty() {
            match serde_json::from_slice::<Value>(&self.body) {
                Ok(v) => entry["body"] = v,
                Err(_) => entry["raw_body"] = json!(String::from_utf8_lossy(&self.body)),
            }
        }
        entry
    }
}

/// A request path relative to the API root: `/v2/receipt/abc` → `receipt/abc`.
pub fn relative_path(path: &str) -> &str {
    let path = path.trim_start_matches('/');
    if path == "v2" {
        return "";
    }
    path.strip_prefix("v2/").unwrap_or(path)
}

/// Which emulated API a request is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Provider {
    /// Bootpay REST v2, under `/v2`.
    Bootpay,
    /// iamport (PortOne V1), under `/iamport`.
    Iamport,
}

impl Provider {
    /// `"bootpay"` or `"iamport"`, as faults and recorded requests name it.
    pub fn name(self) -> &'static str {
        match self {
            Provider::Bootpay => "bootpay",
            Provider::Iamport => "iamport",
        }
    }
}

/// The provider of a request path and the path relative to its API root:
/// `/iamport/payments/x` → (iamport, `payments/x`), `/v2/receipt/abc` → (bootpay, `receipt/abc`).
pub fn split_path(path: &str) -> (Provider, &str) {
    let trimmed = path.trim_start_matches('/');
    if trimmed == "iamport" {
        return (Provider::Iamport, "");
    }
    match trimmed.strip_prefix("iamport/") {
        Some(rest) => (Provider::Iamport, rest),
        None => (Provider::Bootpay, relative_path(path)),
    }
}

/// The middleware: counts, records, then passes the request on with its body restored.
pub async fn record_layer(
    State(app): State<Arc<App>>,
    req: Request,
    next: Next,
) -> Result<Response, Infallible> {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| split_path(m.as_str()).1.to_string());
    let (provider, path) = split_path(req.uri().path());
    let path = path.to_string();
    let (parts, body) = req.into_parts();
    let bytes = match to_bytes(body, crate::body::MAX_REQUEST_BODY).await {
        Ok(b) => b,
        Err(_) => {
            const REFUSED: &str = "request body too large or unreadable";
            return Ok(match provider {
                Provider::Bootpay => ApiError::invalid(REFUSED).into_response(),
                Provider::Iamport => IamError::invalid(REFUSED).into_response(),
            });
        }
    };

    let method = parts.method.as_str().to_string();
    let headers = RECORDED_HEADERS
        .iter()
        .filter_map(|name| {
            parts.headers.get(*name).map(|v| {
                (
                    name.to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
        })
        .collect();
    let kept = bytes.slice(..bytes.len().min(MAX_RECORDED_BODY));
    tracing::debug!(provider = provider.name(), %method, %path, "request");

    let seq = {
        let mut state = app.lock();
        let key = match provider {
            Provider::Bootpay => {
                if method == "POST" && path == "request/token" {
                    state.counters.token_requests += 1;
                }
                match route {
                    Some(r) => format!("{method} {}", route_pattern(&method, &r)),
                    None => format!("{method} {path}"),
                }
            }
            Provider::Iamport => {
                if method == "POST" && path == "users/getToken" {
                    state.counters.iamport_token_requests += 1;
                }
                format!("iamport:{method} {}", route.as_deref().unwrap_or(&path))
            }
        };
        *state.counters.requests.entry(key).or_insert(0) += 1;
        let at = crate::clock::format_time(&state.now());
        state.record_request(Recorded {
            seq: 0,
            provider,
            method,
            path,
            query: parts.uri.query().unwrap_or("").to_string(),
            headers,
            body: kept,
            body_len: bytes.len(),
            status: None,
            duration_ms: None,
            at,
        })
    };

    let started = Instant::now();
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let elapsed = started.elapsed().as_secs_f64() * 1000.0;
    app.lock()
        .finish_request(seq, response.status().as_u16(), elapsed);
    Ok(response)
}
