//! How every record prints: Kotlin `toString()`, Swift `description` / `debugDescription`, Rust `Debug`.
//!
//! One rule for all records, decided by field name, so a new record or field cannot forget it: the value
//! of every field that core's `paywire::is_sensitive_field` names (the one list, shared with Python and
//! with what core quotes) prints as `***`, at any depth, and JSON text fields (`*_json`) are printed with
//! the same rule applied inside them. Every record derives `Serialize` (wire names) and is listed once in
//! [`redacted!`].

use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// What a hidden value prints as.
const MASK: &str = "***";

/// Whether a field's value never prints (core's one list).
pub(crate) fn is_secret(field: &str) -> bool {
    paywire::is_sensitive_field(field)
}

fn masked(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| {
                    let value = match value {
                        Value::Null => Value::Null,
                        Value::String(s) if s.is_empty() => Value::String(s),
                        _ if is_secret(&key) => Value::String(MASK.to_owned()),
                        Value::String(text) if key.ends_with("_json") => {
                            match serde_json::from_str::<Value>(&text) {
                                Ok(inner) => Value::String(masked(inner).to_string()),
                                Err(_) => Value::String(text),
                            }
                        }
                        other => masked(other),
                    };
                    (key, value)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(masked).collect()),
        other => other,
    }
}

/// Writes `Name{"field":value,…}` with every secret masked.
pub(crate) fn write_record<T: Serialize>(
    name: &str,
    record: &T,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    match serde_json::to_value(record) {
        Ok(value) => write!(f, "{name}{}", masked(value)),
        Err(_) => write!(f, "{name}{{…}}"),
    }
}

/// `Debug` and `Display` (the same text, see [`write_record`]) for records; list every record once.
macro_rules! redacted {
    ($($ty:ident),+ $(,)?) => {$(
        impl ::std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::redact::write_record(stringify!($ty), self, f)
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::redact::write_record(stringify!($ty), self, f)
            }
        }
    )+};
}

pub(crate) use redacted;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Serialize)]
    struct Sample {
        receipt_id: String,
        vbank_data: Value,
        metadata_json: Option<String>,
        user_token: String,
    }
    redacted!(Sample);

    #[test]
    fn secrets_are_masked_at_any_depth_and_inside_json_text() {
        let sample = Sample {
            receipt_id: "r-visible".into(),
            vbank_data: json!({"bank_account": "110222333444", "bank_name": "국민", "card_no": null}),
            metadata_json: Some(r#"{"refund_account":"998877665544","note":"ok"}"#.into()),
            user_token: "tok-secret".into(),
        };
        let text = sample.to_string();
        for secret in ["110222333444", "998877665544", "tok-secret"] {
            assert!(!text.contains(secret), "{text}");
        }
        assert!(
            text.starts_with("Sample{") && text.contains("r-visible") && text.contains("국민"),
            "{text}"
        );
        assert_eq!(text, format!("{sample:?}"));
    }
}
