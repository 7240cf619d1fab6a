//! Webhook bodies as providers deliver them: JSON or `application/x-www-form-urlencoded`.
//!
//! Parsing is only the first step: a webhook is a hint, never proof. Each provider's client re-fetches the
//! payment (`verify_webhook`) before anything is trusted.

use crate::error::{Error, Result};
use serde_json::{Map, Value};

/// The body a webhook endpoint must answer (HTTP 200) or the provider retries.
pub const WEBHOOK_ACK: &str = r#"{"success": true}"#;

/// Reads a webhook body into a JSON object. `content_type` decides the format when given; otherwise JSON
/// is tried first, then a form.
///
/// ```
/// let json = paywire::webhook::parse_body(br#"{"receipt_id":"r1"}"#, Some("application/json")).unwrap_or_default();
/// assert_eq!(json["receipt_id"], "r1");
/// let form = paywire::webhook::parse_body(b"imp_uid=imp_1&status=paid", None).unwrap_or_default();
/// assert_eq!(form["status"], "paid");
/// ```
pub fn parse_body(body: &[u8], content_type: Option<&str>) -> Result<Map<String, Value>> {
    let is_form = content_type.is_some_and(|c| c.contains("x-www-form-urlencoded"));
    if !is_form {
        if let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) {
            return Ok(map);
        }
        if content_type.is_some_and(|c| c.contains("json")) {
            return Err(Error::invalid_input("webhook body", "is not a JSON object"));
        }
    }
    let text = std::str::from_utf8(body)
        .map_err(|_| Error::invalid_input("webhook body", "is not UTF-8"))?;
    if !text.contains('=') {
        return Err(Error::invalid_input(
            "webhook body",
            "is neither JSON nor a form",
        ));
    }
    Ok(form_urlencoded::parse(text.trim().as_bytes())
        .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned())))
        .collect())
}

/// A webhook field as text: strings as sent, numbers printed; empty strings and anything else are absent.
pub(crate) fn field_text(raw: &Map<String, Value>, key: &str) -> Option<String> {
    match raw.get(key) {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}
