//! Fault injection on the Bootpay and iamport routes: delays, replaced answers, HTML error pages and
//! connections cut mid-body, so clients can be tested against a misbehaving gateway.
//!
//! The layer sits inside request recording (faulted requests are still counted) and outside
//! the auth check (a fault hits whether or not the caller is authorized; with `after`, the
//! handler it lets run first is still behind the auth check).

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures::stream;
use serde_json::{json, Value};

use crate::record::{split_path, Provider};
use crate::state::App;

/// The page a `non_json` fault serves, as a proxy in front of Bootpay would.
pub const BAD_GATEWAY_HTML: &str = "<html><body><h1>502 Bad Gateway</h1></body></html>";

/// Longest latency a fault may add: 10 minutes (longer is surely a mistake, and would hold a
/// task and a connection that long).
pub const MAX_LATENCY_MS: u64 = 600_000;

/// One injected fault (`POST /__admin/faults`).
#[derive(Debug, Clone)]
pub struct Fault {
    id: u64,
    provider: Provider,
    method: Option<String>,
    path: String,
    latency_ms: u64,
    status: Option<u16>,
    body: Option<Value>,
    non_json: bool,
    drop: bool,
    after: bool,
    times: Option<u64>,
    /// Extra response headers (e.g. `retry-after` on a 429).
    headers: Vec<(String, String)>,
}

impl Fault {
    /// Reads an admin request body; the error names the bad field.
    pub fn from_json(id: u64, v: &Value) -> Result<Fault, String> {
        let path = v
            .get("path")
            .and_then(Value::as_str)
            .filter(|p| !p.is_empty())
            .ok_or("path is required (e.g. \"receipt/*\")")?;
        let provider = match v.get("provider") {
            None | Some(Value::Null) => Provider::Bootpay,
            Some(Value::String(p)) if p.eq_ignore_ascii_case("bootpay") => Provider::Bootpay,
            Some(Value::String(p)) if p.eq_ignore_ascii_case("iamport") => Provider::Iamport,
            Some(_) => return Err("provider must be \"bootpay\" or \"iamport\"".into()),
        };
        let path = path.trim_start_matches('/');
        let prefix = match provider {
            Provider::Bootpay => "v2/",
            Provider::Iamport => "iamport/",
        };
        let path = path.strip_prefix(prefix).unwrap_or(path).to_string();
        let method = match v.get("method") {
            None | Some(Value::Null) => None,
            Some(Value::String(m)) => Some(m.to_ascii_uppercase()),
            Some(_) => return Err("method must be a string".into()),
        };
        let uint = |key: &str| -> Result<Option<u64>, String> {
            match v.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(n) => n
                    .as_u64()
                    .map(Some)
                    .ok_or_else(|| format!("{key} must be a non-negative integer")),
            }
        };
        let flag = |key: &str| -> Result<bool, String> {
            match v.get(key) {
                None | Some(Value::Null) => Ok(false),
                Some(Value::Bool(b)) => Ok(*b),
                Some(_) => Err(format!("{key} must be a boolean")),
            }
        };
        let status = match uint("status")? {
            None => None,
            Some(s) if (100..=999).contains(&s) => u16::try_from(s).ok(),
            Some(_) => return Err("status must be an HTTP status code".into()),
        };
        Ok(Fault {
            id,
            provider,
            method,
            path,
            latency_ms: match uint("latency_ms")?.unwrap_or(0) {
                ms if ms <= MAX_LATENCY_MS => ms,
                _ => {
                    return Err(format!(
                        "latency_ms must be at most {MAX_LATENCY_MS} (10 minutes)"
                    ))
                }
            },
            status,
            body: v.get("body").filter(|b| !b.is_null()).cloned(),
            non_json: flag("non_json")?,
            drop: flag("drop")?,
            after: flag("after")?,
            times: uint("times")?,
            headers: match v.get("headers") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::Object(map)) => map
                    .iter()
                    .map(|(k, v)| {
                        let value = match v {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        };
                        // Refused here rather than silently left out of the answer.
                        header::HeaderName::from_bytes(k.as_bytes())
                            .map_err(|_| format!("headers: {k:?} is not a valid header name"))?;
                        header::HeaderValue::from_str(&value).map_err(|_| {
                            format!("headers: the value of {k:?} is not a valid header value")
                        })?;
                        Ok((k.clone(), value))
                    })
                    .collect::<Result<_, String>>()?,
                Some(_) => return Err("headers must be an object of name → value".into()),
            },
        })
    }

    /// How the admin API lists it.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "provider": self.provider.name(),
            "method": self.method,
            "path": self.path,
            "latency_ms": self.latency_ms,
            "status": self.status,
            "body": self.body,
            "non_json": self.non_json,
            "drop": self.drop,
            "after": self.after,
            "times": self.times,
            "headers": self.headers.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect::<serde_json::Map<_, _>>(),
        })
    }

    fn matches(&self, provider: Provider, method: &str, path: &str) -> bool {
        self.times != Some(0)
            && self.provider == provider
            && self
                .method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(method))
            && path_matches(&self.path, path)
    }

    /// The answer that replaces the handler's, or `None` for a latency-only fault. The
    /// fault's extra headers are on every kind of replacement.
    fn replacement(&self) -> Option<Response> {
        let mut response = self.replacement_body()?;
        for (name, value) in &self.headers {
            if let (Ok(name), Ok(value)) = (
                header::HeaderName::from_bytes(name.as_bytes()),
                header::HeaderValue::from_str(value),
            ) {
                response.headers_mut().insert(name, value);
            }
        }
        Some(response)
    }

    fn replacement_body(&self) -> Option<Response> {
        if self.drop {
            return Some(dropped_response(
                self.status_or(StatusCode::OK),
                self.provider,
            ));
        }
        if self.non_json {
            let status = self.status_or(StatusCode::BAD_GATEWAY);
            return Some(
                (
                    status,
                    [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                    BAD_GATEWAY_HTML,
                )
                    .into_response(),
            );
        }
        if self.status.is_none() && self.body.is_none() {
            return None;
        }
        let status = self.status_or(StatusCode::OK);
        let body = self.body.clone().unwrap_or_else(|| {
            let message = format!("sandbox injected fault (HTTP {})", status.as_u16());
            match self.provider {
                Provider::Bootpay => {
                    json!({ "error_code": "RC_SANDBOX_FAULT", "message": message })
                }
                Provider::Iamport => json!({ "code": -1, "message": message, "response": null }),
            }
        });
        Some((status, axum::Json(body)).into_response())
    }

    fn status_or(&self, default: StatusCode) -> StatusCode {
        self.status
            .and_then(|s| StatusCode::from_u16(s).ok())
            .unwrap_or(default)
    }
}

/// Matches a relative path against a pattern: `*` is one segment, `**` the rest (any number
/// of segments).
pub fn path_matches(pattern: &str, path: &str) -> bool {
    let pattern: Vec<&str> = pattern.split('/').collect();
    let path: Vec<&str> = path.split('/').collect();
    segments_match(&pattern, &path)
}

fn segments_match(pattern: &[&str], path: &[&str]) -> bool {
    match (pattern.first(), path.first()) {
        (Some(&"**"), _) => true,
        (None, None) => true,
        (Some(p), Some(s)) if *p == "*" || p == s => segments_match(&pattern[1..], &path[1..]),
        _ => false,
    }
}

/// Status line and headers, a first fragment of JSON, then an I/O error: hyper aborts the
/// chunked body and closes the connection, so the client fails while reading the body.
fn dropped_response(status: StatusCode, provider: Provider) -> Response {
    let first: &'static [u8] = match provider {
        Provider::Bootpay => b"{\"receipt_id\":",
        Provider::Iamport => b"{\"code\":0,\"message\":null,\"response\":",
    };
    let chunks = stream::unfold(0u8, move |step| async move {
        match step {
            0 => Some((Ok::<Bytes, std::io::Error>(Bytes::from_static(first)), 1)),
            1 => {
                // Give hyper a pending poll so it flushes the head and first chunk before
                // the error closes the connection.
                tokio::time::sleep(Duration::from_millis(20)).await;
                Some((
                    Err(std::io::Error::new(
                        std::io::ErrorKind::ConnectionAborted,
                        "paywire-sandbox drop fault",
                    )),
                    2,
                ))
            }
            _ => None,
        }
    });
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        Body::from_stream(chunks),
    )
        .into_response()
}

/// Takes the first matching fault, consuming one of its `times`.
fn take_fault(app: &App, provider: Provider, method: &str, path: &str) -> Option<Fault> {
    let mut state = app.lock();
    let index = state
        .faults
        .iter()
        .position(|f| f.matches(provider, method, path))?;
    let fault = &mut state.faults[index];
    if let Some(times) = fault.times.as_mut() {
        *times -= 1;
    }
    let taken = fault.clone();
    if taken.times == Some(0) {
        state.faults.remove(index);
    }
    Some(taken)
}

/// The middleware.
///
/// Without `after`: wait `latency_ms`, then answer the replacement (the handler never runs),
/// or, for a latency-only fault, run the handler. With `after`: run the handler first, to
/// completion even if the client has gone away meanwhile (it runs in its own task), then wait
/// `latency_ms`, then answer the replacement or, if there is none, the handler's answer.
pub async fn fault_layer(
    State(app): State<Arc<App>>,
    req: Request,
    next: Next,
) -> Result<Response, Infallible> {
    let (provider, path) = split_path(req.uri().path());
    let fault = take_fault(&app, provider, req.method().as_str(), path);
    let Some(fault) = fault else {
        return Ok(next.run(req).await);
    };
    let latency = Duration::from_millis(fault.latency_ms);
    if fault.after {
        // Its own task: a client that times out and closes the connection drops this future,
        // but the state change it asked for must still happen exactly as on a real server.
        let handled = tokio::spawn(next.run(req)).await;
        if !latency.is_zero() {
            tokio::time::sleep(latency).await;
        }
        return Ok(match (fault.replacement(), handled) {
            (Some(replaced), _) => replaced,
            (None, Ok(handled)) => handled,
            (None, Err(_)) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        });
    }
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    match fault.replacement() {
        Some(resp) => Ok(resp),
        None => Ok(next.run(req).await),
    }
}

#[cfg(test)]
mod tests {
    use super::path_matches;

    #[test]
    fn globs() {
        assert!(path_matches("receipt/*", "receipt/abc"));
        assert!(!path_matches("receipt/*", "receipt/abc/def"));
        assert!(!path_matches("receipt/*", "receipt"));
        assert!(path_matches("subscribe/**", "subscribe/payment/reserve/x"));
        assert!(path_matches("**", "cancel"));
        assert!(path_matches("cancel", "cancel"));
        assert!(!path_matches("cancel", "confirm"));
    }
}
