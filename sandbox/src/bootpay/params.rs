//! Reading request fields with the sandbox's error rules: a missing or mistyped required
//! field is `400 RC_INVALID_PARAMETER` naming that field.
//!
//! SDKs disagree on how they send "unset" (PY sends `null`/`""`, GO zero values, JAVA
//! `1000.0` for amounts), so absence means missing, `null` or `""`, and integral floats count
//! as integers.

use axum::body::Bytes;
use serde_json::{Map, Value};

use super::ApiError;

/// A request's JSON object body (an empty body counts as `{}`).
pub type Body = Map<String, Value>;

/// Parses the body; anything but a JSON object (or nothing) is refused.
pub fn parse(bytes: &Bytes) -> Result<Body, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(ApiError::invalid("the request body must be a JSON object")),
        Err(e) => Err(ApiError::invalid(format!(
            "the request body is not JSON: {e}"
        ))),
    }
}

fn present<'a>(body: &'a Body, key: &str) -> Option<&'a Value> {
    match body.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(v) => Some(v),
    }
}

/// A required string field.
pub fn req_str(body: &Body, key: &str) -> Result<String, ApiError> {
    opt_str(body, key)?.ok_or_else(|| ApiError::invalid(format!("{key} is required")))
}

/// An optional string field (`null` and `""` read as absent).
pub fn opt_str(body: &Body, key: &str) -> Result<Option<String>, ApiError> {
    match present(body, key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(ApiError::invalid(format!("{key} must be a string"))),
    }
}

/// A JSON number as a whole-won amount, if it is one.
pub fn as_amount(value: &Value) -> Option<i64> {
    if let Some(i) = value.as_i64() {
        return Some(i);
    }
    value
        .as_f64()
        .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
        .map(|f| f as i64)
}

/// A required amount.
pub fn req_amount(body: &Body, key: &str) -> Result<i64, ApiError> {
    opt_amount(body, key)?.ok_or_else(|| ApiError::invalid(format!("{key} is required")))
}

/// An optional amount; negative amounts are refused.
pub fn opt_amount(body: &Body, key: &str) -> Result<Option<i64>, ApiError> {
    match present(body, key) {
        None => Ok(None),
        Some(v) => match as_amount(v) {
            Some(n) if n >= 0 => Ok(Some(n)),
            Some(_) => Err(ApiError::invalid(format!("{key} must not be negative"))),
            None => Err(ApiError::invalid(format!(
                "{key} must be a whole number of won"
            ))),
        },
    }
}

/// An optional object field (`metadata`, `user`, `extra`, `refund`).
pub fn opt_obj(body: &Body, key: &str) -> Result<Option<Value>, ApiError> {
    match present(body, key) {
        None => Ok(None),
        Some(v @ Value::Object(_)) => Ok(Some(v.clone())),
        Some(_) => Err(ApiError::invalid(format!("{key} must be an object"))),
    }
}

/// `true`, `1` or `"1"`/`"true"`: how SDKs spell a flag like `extra.raw_data`.
pub fn truthy(value: Option<&Value>) -> bool {
    match value {
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_f64().is_some_and(|f| f != 0.0),
        Some(Value::String(s)) => s == "1" || s.eq_ignore_ascii_case("true"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body(v: Value) -> Body {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn empty_strings_count_as_missing() {
        let b = body(json!({"a": "", "b": null, "c": "x"}));
        assert!(req_str(&b, "a").is_err());
        assert!(req_str(&b, "b").is_err());
        assert_eq!(req_str(&b, "c").ok().as_deref(), Some("x"));
    }

    #[test]
    fn integral_floats_are_amounts() {
        let b = body(json!({"p": 1000.0, "q": 10.5, "r": "1000"}));
        assert_eq!(req_amount(&b, "p").ok(), Some(1000));
        assert!(req_amount(&b, "q").is_err());
        assert!(req_amount(&b, "r").is_err());
    }
}
