//! Text a foreign caller could not encode (a lone UTF-16 surrogate in a Kotlin/Java string) and JSON text
//! that did not parse (core's JSON custom types hand it over under `paywire::INVALID_JSON`).
//!
//! UniFFI's generated Kotlin refuses such a string with `java.nio.charset.MalformedInputException`, an
//! exception the API never declares. Our `uniffi-bindgen` (`kotlin_lone_surrogates.rs`) makes the encoder
//! put U+FFFF in its place instead, a noncharacter that Unicode reserves for exactly this internal use and
//! that no payment API accepts. [`check`] runs on every argument before anything else and turns that
//! character into `InvalidInput` naming the field (`receipt_id`, `cancel_id`, `user.username`,
//! `items[2].name`), so Kotlin, Java and Swift callers only ever see `PaywireException` / `PaywireError`.

use crate::error::PaywireError;
use serde::Serialize;
use serde_json::Value;

/// What the Kotlin encoder writes for a lone surrogate.
pub(crate) const UNENCODABLE: char = '\u{FFFF}';

const REASON: &str = "contains a lone UTF-16 surrogate or U+FFFF, which is not text (a broken \
                      \\uD800-style escape?); nothing was sent";

const NOT_JSON: &str = "is not valid JSON text (an object where one is expected); nothing was sent";

/// What is wrong at `path`, if anything.
fn find(value: &Value, path: &mut String) -> Option<&'static str> {
    match value {
        Value::String(s) => s.contains(UNENCODABLE).then_some(REASON),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            let found = find(item, path);
            if found.is_none() {
                path.truncate(len);
            }
            found
        }),
        // JSON text that did not parse (see `paywire::INVALID_JSON`): the field holding it is named.
        Value::Object(map) if map.contains_key(paywire::INVALID_JSON) => Some(NOT_JSON),
        Value::Object(map) => map.iter().find_map(|(key, item)| {
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(key);
            let found = if key.contains(UNENCODABLE) {
                Some(REASON)
            } else {
                find(item, path)
            };
            if found.is_none() {
                path.truncate(len);
            }
            found
        }),
        _ => None,
    }
}

/// `InvalidInput` naming the field when argument `name` (or a field inside it, for a record) holds text a
/// foreign caller could not encode. Records name their own fields (`cancel_id`), other values the
/// argument (`receipt_id`, `imp_uids[1]`).
pub(crate) fn check<T: Serialize + ?Sized>(name: &str, value: &T) -> Result<(), PaywireError> {
    let Ok(value) = serde_json::to_value(value) else {
        return Ok(());
    };
    let mut path = if value.is_object() {
        String::new()
    } else {
        name.to_owned()
    };
    if let Some(reason) = find(&value, &mut path) {
        // A flattened map (`extra`) holding bad JSON text sits at the record's top: name the argument.
        let field = if path.is_empty() { name } else { path.as_str() };
        return Err(PaywireError::invalid_input(field, reason));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn field(name: &str, value: &Value) -> Option<String> {
        match check(name, value) {
            Err(PaywireError::InvalidInput { field, .. }) => Some(field),
            _ => None,
        }
    }

    #[test]
    fn names_the_argument_or_the_record_field() {
        assert_eq!(
            field("receipt_id", &json!("ab\u{FFFF}")),
            Some("receipt_id".into())
        );
        assert_eq!(
            field("ids", &json!(["a", "b\u{FFFF}"])),
            Some("ids[1]".into())
        );
        let request = json!({"receipt_id": "r", "user": {"username": "x\u{FFFF}"}});
        assert_eq!(field("request", &request), Some("user.username".into()));
        let items = json!({"items": [{"name": "a"}, {"name": "\u{FFFF}"}]});
        assert_eq!(field("request", &items), Some("items[1].name".into()));
        assert_eq!(field("request", &json!({"a": "plain", "n": 1})), None);
        assert_eq!(field("receipt_id", &json!("한글 ok")), None);
    }
}
