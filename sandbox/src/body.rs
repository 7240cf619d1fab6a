//! Every request body is read before routing, whatever the handler does with it.
//!
//! A handler that ignores its body (`/__admin/reset`, `tokens/expire`, any GET) would leave
//! the unread bytes on the connection; hyper then closes a keep-alive connection after the
//! answer without saying so, and the client's next request on it fails. Reading the body
//! here, up to [`MAX_REQUEST_BODY`], keeps keep-alive correct for every route. A bigger body
//! is refused with 413 and `Connection: close`, so the client knows not to reuse the
//! connection whose unread bytes are still in flight.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::record::{split_path, Provider};

/// Largest request body the sandbox reads (4 MiB).
pub const MAX_REQUEST_BODY: usize = 4 * 1024 * 1024;

/// The middleware: buffers the whole body, or answers 413 and closes the connection.
pub async fn read_whole_body(req: Request, next: Next) -> Response {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let provider = split_path(req.uri().path()).0;
    let is_admin = req.uri().path().starts_with("/__admin");
    if declared.is_some_and(|n| n > MAX_REQUEST_BODY as u64) {
        return too_large(provider, is_admin);
    }
    let (parts, body) = req.into_parts();
    match to_bytes(body, MAX_REQUEST_BODY).await {
        Ok(bytes) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        // Over the limit while streaming (chunked), or the client broke off mid-body.
        Err(_) => too_large(provider, is_admin),
    }
}

/// 413 in the error shape of the API the path is under, with `Connection: close`.
fn too_large(provider: Provider, is_admin: bool) -> Response {
    let message = format!("request body larger than {MAX_REQUEST_BODY} bytes, or unreadable");
    let body = match provider {
        Provider::Iamport if !is_admin => {
            json!({ "code": -1, "message": message, "response": null })
        }
        _ => json!({ "error_code": "RC_PAYLOAD_TOO_LARGE", "message": message }),
    };
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        [(header::CONNECTION, "close")],
        Json(body),
    )
        .into_response()
}
