//! What core's types need to cross UniFFI as they are (feature `uniffi`, enabled only by `paywire-ffi`).
//!
//! Records and enums derive `uniffi::Record` / `uniffi::Enum` where they are declared; this module holds
//! the custom types those derives rely on, each carried as a UniFFI builtin:
//! - [`Secret`](crate::Secret) → `String` (the foreign side holds the plain value it gave or was given;
//!   records print it as `***`: their `Display`, exported as Kotlin `toString()` / Swift `description`,
//!   is core's redacted one, see `crate::redact`);
//! - JSON (`serde_json::Value`, a JSON object map) → its JSON text; an empty text reads as `null` / `{}`,
//!   so a record field's default (`""`) is valid. Text that is not JSON (or not an object, for a map)
//!   never fails the lift (UniFFI would turn that into an internal error): it reads as an object holding
//!   it under [`INVALID_JSON`], which `paywire-ffi` reports as `InvalidInput` naming the field before
//!   anything is sent;
//! - a raw request's query pair `(String, String)` → the record [`QueryParam`].

use crate::{JsonValue, Secret};
use serde_json::{Map, Value};

/// A JSON object (unknown fields, metadata, a webhook's payload): JSON text across the FFI.
pub type JsonMap = Map<String, Value>;

/// One query parameter of a raw request, as core holds it: `(name, value)`.
pub type QueryPair = (String, String);

/// One query parameter of a raw request (`name=value`), as foreign languages build it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct QueryParam {
    /// The parameter's name.
    pub name: String,
    /// Its value.
    pub value: String,
}

/// The key under which JSON text that did not parse arrives (U+FFFF: no real key has it).
pub const INVALID_JSON: &str = "\u{FFFF}invalid-json";

fn invalid(text: String) -> Map<String, Value> {
    Map::from_iter([(INVALID_JSON.to_owned(), Value::String(text))])
}

uniffi::custom_type!(Secret, String, {
    lower: |secret| secret.expose().to_owned(),
    try_lift: |text| Ok(Secret::new(text)),
});

uniffi::custom_type!(JsonValue, String, {
    remote,
    lower: |value| value.to_string(),
    try_lift: |text| Ok(if text.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|_| Value::Object(invalid(text)))
    }),
});

uniffi::custom_type!(JsonMap, String, {
    remote,
    lower: |map| Value::Object(map).to_string(),
    try_lift: |text| Ok(if text.trim().is_empty() {
        Map::new()
    } else {
        match serde_json::from_str(&text) {
            Ok(Value::Object(map)) => map,
            _ => invalid(text),
        }
    }),
});

uniffi::custom_type!(QueryPair, QueryParam, {
    remote,
    lower: |pair| QueryParam { name: pair.0, value: pair.1 },
    try_lift: |param| Ok((param.name, param.value)),
});
