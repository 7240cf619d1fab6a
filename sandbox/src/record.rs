//! Request recording and counters for the Bootpay and iamport routes.
//!
//! Tests assert on what actually went over the wire (headers, query encoding, body fields,
//! how many token calls a client made), so this is the outermost layer: it sees every
//! request, including ones a fault answers.

use std::convert::Infallible;
use std::sync::Arc;

use axum::body::{to_bytes, Body};
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

/// Largest body read for recording; bigger ones are recorded as null and refused.
const MAX_BODY: usize = 4 * 1024 * 1024;

/// A request path relative to the API root: `/v2/receipt/abc` → `receipt/abc`.
pub fn relative_path(path: &str) -> &str {
    let path = path.trim_start_matches('/');
    if path == "v2" {
        return "";
    }
    path.strip_prefix("v2/").unwrap_or(path)
}

/// Which emulated API a request is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    let bytes = match to_bytes(body, MAX_BODY).await {
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
    let mut headers = Map::new();
    for name in RECORDED_HEADERS {
        if let Some(v) = parts.headers.get(name) {
            headers.insert(name.into(), json!(String::from_utf8_lossy(v.as_bytes())));
        }
    }
    let mut entry = json!({
        "provider": provider.name(),
        "method": method,
        "path": path,
        "query": parts.uri.query().unwrap_or(""),
        "headers": headers,
        "body": Value::Null,
    });
    if !bytes.is_empty() {
        match serde_json::from_slice::<Value>(&bytes) {
            Ok(v) => entry["body"] = v,
            Err(_) => entry["raw_body"] = json!(String::from_utf8_lossy(&bytes)),
        }
    }
    tracing::debug!(provider = provider.name(), %method, %path, "request");

    {
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
        state.record_request(entry);
    }

    Ok(next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await)
}
