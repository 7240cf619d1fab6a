//! The escape hatch: a hand-made request for an endpoint paywire does not wrap yet, sent through the same
//! auth, retry and error layers as every wrapped operation.

use crate::error::{Error, Result};
use crate::path::Path;
use crate::retry::RetryClass;
use crate::transport::Call;
use reqwest::Method;
use serde_json::Value;

/// A request for an endpoint paywire does not wrap yet, sent through the same auth, retry and error layers.
///
/// ```
/// use paywire::RawRequest;
/// let req = RawRequest::get("seller/payment/method");
/// assert_eq!(req.method, "GET");
/// ```
#[derive(Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct RawRequest {
    /// `GET`, `POST`, `PUT` or `DELETE`.
    pub method: String,
    /// The path relative to the base URL, e.g. `receipt/abc`. Give ids already encoded.
    pub path: String,
    /// Query parameters.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub query: Vec<(String, String)>,
    /// The JSON body.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub body: Option<Value>,
    /// Whether repeating it is safe (default: only for `GET`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub idempotent: bool,
}

impl RawRequest {
    /// A `GET` of `path` (retried on transient failures).
    pub fn get(path: impl Into<String>) -> Self {
        Self {
            method: "GET".to_owned(),
            path: path.into(),
            query: Vec::new(),
            body: None,
            idempotent: true,
        }
    }

    /// A `POST` of `body` to `path` (never retried once sent).
    pub fn post(path: impl Into<String>, body: Value) -> Self {
        Self {
            method: "POST".to_owned(),
            path: path.into(),
            query: Vec::new(),
            body: Some(body),
            idempotent: false,
        }
    }
}

/// Whether a path segment could leave the API root or change the path once a server decodes it: empty,
/// `.`/`..` in any encoding (`%2e%2e`, `.%2E`), a backslash (`\..\`), or an encoded `/` or `\`.
fn segment_escapes(segment: &str) -> bool {
    let decoded = percent_encoding::percent_decode_str(segment).decode_utf8_lossy();
    segment.is_empty()
        || segment.contains('\\')
        || matches!(decoded.as_ref(), "." | "..")
        || decoded.contains(['/', '\\'])
}

/// Checks a raw request and turns it into a call: a relative path without `..`, `?` or `#`; only
/// idempotent requests are retried.
pub(crate) fn into_call(request: RawRequest) -> Result<Call> {
    let method = Method::from_bytes(request.method.to_ascii_uppercase().as_bytes())
        .map_err(|_| Error::invalid_input("method", "is not an HTTP method"))?;
    let path = request.path.trim_start_matches('/');
    if path.is_empty() || path.split('/').any(segment_escapes) {
        return Err(Error::invalid_input(
            "path",
            "must be a relative path without empty, `.` or `..` segments (also percent-encoded), backslashes or encoded slashes",
        ));
    }
    if path.contains(['?', '#']) || path.chars().any(char::is_control) {
        return Err(Error::invalid_input(
            "path",
            "must not contain `?`, `#` or control characters; use query",
        ));
    }
    let retry = if request.idempotent {
        RetryClass::Idempotent
    } else {
        RetryClass::Never
    };
    let mut call = Call::new("raw_request", method, Path::raw(path), retry);
    call.body = request.body;
    call.query = request.query;
    Ok(call)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_segments_are_refused_in_every_encoding() {
        for bad in [
            "../x",
            "a/%2e%2e/x",
            "a/.%2E/x",
            "%2E/x",
            "a/\\..\\x",
            "a%2fb",
            "a%5Cb",
            "a//b",
            "./a",
        ] {
            assert!(into_call(RawRequest::get(bad)).is_err(), "{bad}");
        }
        assert!(into_call(RawRequest::get("receipt/a%20b")).is_ok());
    }
}

crate::display_redacted!(RawRequest);
