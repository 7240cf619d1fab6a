//! Turning the JSON arguments of a call into core's types, with errors that name the field and never the
//! value.
//!
//! serde's own messages quote what they refused (`invalid type: string "4111…", expected i64`), and the
//! value may be a card number, a password or an account number. So the path of the culprit comes from
//! `serde_path_to_error` (`items[0].price`, `user.username`) and the reason is rebuilt from the *expected*
//! half of the message only, which describes a Rust type and never the input.

use paywire::Error;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// `value` as a `T`. `field` is the argument's name (`None` for a whole request object, whose field
/// names then come from the path alone).
///
/// ```ignore
/// let price: i64 = decode::from_value(Some("price"), &json!(10.5))?; // InvalidInput "price": must be a whole number
/// ```
pub(crate) fn from_value<T: DeserializeOwned>(
    field: Option<&str>,
    value: &Value,
) -> Result<T, Error> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        refused(field, &path, e.inner())
    })
}

/// The `InvalidInput` for a serde failure at `path` (serde_path_to_error's form, `.` for the root) under
/// the argument `field`.
pub(crate) fn refused(field: Option<&str>, path: &str, error: &serde_json::Error) -> Error {
    let (extra, reason) = reason(&error.to_string());
    let mut name = field.unwrap_or_default().to_owned();
    if path != "." {
        join(&mut name, path);
    }
    // serde_path_to_error's path already ends at an unknown key, never at a missing one.
    if let Some(extra) = extra.filter(|extra| !path.ends_with(extra.as_str())) {
        join(&mut name, &extra);
    }
    if name.is_empty() {
        name.push_str("arguments");
    }
    Error::invalid_input(name, reason)
}

fn join(name: &mut String, segment: &str) {
    if !name.is_empty() && !segment.starts_with('[') {
        name.push('.');
    }
    name.push_str(segment);
}

/// The field a message names itself (missing / unknown field) and a reason free of the refused value.
fn reason(message: &str) -> (Option<String>, String) {
    let expected = message
        .rsplit_once(", expected ")
        .map(|(_, expected)| expected.trim());
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or_default();
        return (Some(name.to_owned()), "is required".to_owned());
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        // A key the caller wrote (a misspelling), not a value: naming it is the point.
        let name = rest.split('`').next().unwrap_or_default();
        let known = expected.map_or_else(String::new, |e| format!(" (expected {e})"));
        return (
            Some(name.to_owned()),
            format!("is not a known field{known}"),
        );
    }
    let kind_of_refusal = message.starts_with("invalid type:")
        || message.starts_with("invalid value:")
        || message.starts_with("invalid length")
        || message.starts_with("unknown variant");
    // core's lenient amount decoder: "amount 10.5 is not a whole number" quotes the amount.
    if message.starts_with("amount ") {
        return (None, "must be a whole number".to_owned());
    }
    match expected {
        Some(expected) if kind_of_refusal => (None, format!("must be {}", friendly(expected))),
        // A message of a hand-written Deserialize impl may quote the input: say only that it is wrong.
        _ => (None, "has an invalid value".to_owned()),
    }
}

/// serde's name of an expected Rust type, in the words of a Python user.
fn friendly(expected: &str) -> String {
    match expected {
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "a whole number".to_owned(),
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => "a non-negative whole number".to_owned(),
        "f32" | "f64" => "a number".to_owned(),
        "a sequence" => "a list".to_owned(),
        "a map" => "an object (a dict)".to_owned(),
        "a borrowed string" => "a string".to_owned(),
        other if other.starts_with("struct ") => "an object (a dict)".to_owned(),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Card {
        number: String,
        price: i64,
        items: Option<Vec<Item>>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        price: i64,
    }

    fn field_and_reason(error: Error) -> (String, String) {
        match error {
            Error::InvalidInput { field, reason } => (field, reason),
            other => panic!("not invalid input: {other}"),
        }
    }

    #[test]
    fn a_wrong_type_names_the_field_and_not_the_value() {
        let error = from_value::<Card>(None, &json!({"number": 4111111111111111u64, "price": 1}))
            .err()
            .map(field_and_reason);
        let (field, reason) = error.unwrap_or_default();
        assert_eq!(field, "number");
        assert_eq!(reason, "must be a string");
        assert!(!reason.contains("4111"));
    }

    #[test]
    fn a_fraction_where_a_whole_number_belongs() {
        let error = from_value::<i64>(Some("price"), &json!(10.5))
            .err()
            .map(field_and_reason);
        assert_eq!(
            error.unwrap_or_default(),
            ("price".to_owned(), "must be a whole number".to_owned())
        );
    }

    #[test]
    fn nested_paths_missing_and_unknown_fields() {
        let nested = json!({"number": "x", "price": 1, "items": [{"price": "9"}]});
        let error = from_value::<Card>(None, &nested)
            .err()
            .map(field_and_reason);
        assert_eq!(error.unwrap_or_default().0, "items[0].price");
        let missing = from_value::<Card>(None, &json!({"price": 1}))
            .err()
            .map(field_and_reason);
        assert_eq!(
            missing.unwrap_or_default(),
            ("number".to_owned(), "is required".to_owned())
        );
        let unknown =
            json!({"number": "x", "price": 1, "items": [{"price": 1, "pirce": "secret 4111"}]});
        let (field, reason) = from_value::<Card>(None, &unknown)
            .err()
            .map(field_and_reason)
            .unwrap_or_default();
        assert_eq!(field, "items[0].pirce");
        assert!(!reason.contains("4111"), "{reason}");
    }

    #[test]
    fn a_value_that_looks_like_the_separator_is_not_quoted() {
        let sneaky = json!({"number": ["a"], "price": "4111, expected 4111"});
        let (_, reason) = from_value::<Card>(None, &sneaky)
            .err()
            .map(field_and_reason)
            .unwrap_or_default();
        assert!(!reason.contains("4111"), "{reason}");
    }
}
