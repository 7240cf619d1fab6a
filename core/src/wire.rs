//! Lenient decoders for the fields providers send in more than one shape.
//!
//! Amounts arrive as `1000` or `1000.0`; codes and card fields as `"0"` or `0`. Decoding must never fail on
//! such a difference, and must never silently turn a fractional amount into a wrong integer.

use serde::de::{Deserializer, Error as _};
use serde::Deserialize;
use serde_json::Value;

fn amount_from(value: &Value) -> Result<Option<i64>, String> {
    match value {
        Value::Null => Ok(None),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                return Ok(Some(i));
            }
            match n.as_f64() {
                // Below 2^52 every float is exact to the half unit, so a whole float is a whole amount.
                Some(f) if f.fract() == 0.0 && f.abs() < 4.5e15 => Ok(Some(f as i64)),
                _ => Err(format!("amount {n} is not a whole number")),
            }
        }
        Value::String(s) => s
            .trim()
            .parse::<i64>()
            .map(Some)
            .map_err(|_| format!("amount {s:?} is not a whole number")),
        other => Err(format!("amount has an unexpected type: {other}")),
    }
}

/// An amount that may be absent (`null` → 0).
pub(crate) fn amount<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    let value = Value::deserialize(d)?;
    amount_from(&value)
        .map(Option::unwrap_or_default)
        .map_err(D::Error::custom)
}

/// A string that some servers send as a number.
pub(crate) fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Null => None,
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        other => Some(other.to_string()),
    })
}

/// An integer that some servers send as a string.
pub(crate) fn opt_int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        Value::Bool(b) => Some(i64::from(b)),
        _ => None,
    })
}

/// A JSON number amount that may be fractional (iamport: USD, JPY…); `null`/absent → 0.
pub(crate) fn number<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Number(n) => n.as_f64().unwrap_or_default(),
        Value::String(s) => s.trim().parse().map_err(D::Error::custom)?,
        _ => 0.0,
    })
}

/// Unix seconds sent as an integer, a fractional number (`1796095844.881`) or a numeric string; whole
/// seconds are kept (fractions truncated, out-of-range values saturated), anything else is 0.
pub(crate) fn unix_seconds<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    Ok(seconds_from(&Value::deserialize(d)?).unwrap_or_default())
}

fn seconds_from(value: &Value) -> Option<i64> {
    let float = |f: f64| f.is_finite().then_some(f.trunc() as i64);
    match value {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().and_then(float)),
        Value::String(s) => {
            let s = s.trim();
            s.parse()
                .ok()
                .or_else(|| s.parse::<f64>().ok().and_then(float))
        }
        _ => None,
    }
}

/// A unix timestamp in seconds where 0 (or null) means "has not happened".
pub(crate) fn timestamp<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(seconds_from(&Value::deserialize(d)?).filter(|t| *t != 0))
}

/// Serializes whole amounts as JSON integers (`1000`, not `1000.0`), fractional ones as they are.
pub(crate) fn ser_number<S: serde::Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        s.serialize_i64(*value as i64)
    } else {
        s.serialize_f64(*value)
    }
}

/// [`ser_number`] for optional amounts (only called when set).
pub(crate) fn ser_opt_number<S: serde::Serializer>(
    value: &Option<f64>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => ser_number(v, s),
        None => s.serialize_none(),
    }
}

/// A 0/1 option flag (`extra.raw_data`, `extra.subscribe_test_payment`): the seeds and SDKs send `1`,
/// `true`, `"1"` or `"true"` alike, so all are read; anything else is refused by name.
pub(crate) fn opt_flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(None),
        Value::Bool(b) => Ok(Some(b)),
        Value::Number(n) if n.as_i64() == Some(0) => Ok(Some(false)),
        Value::Number(n) if n.as_i64() == Some(1) => Ok(Some(true)),
        Value::String(s) if s == "0" || s.eq_ignore_ascii_case("false") => Ok(Some(false)),
        Value::String(s) if s == "1" || s.eq_ignore_ascii_case("true") => Ok(Some(true)),
        _ => Err(D::Error::custom("must be true/false or 1/0")),
    }
}

/// Writes a flag as the integer the official Python, Go and Java SDKs send (`1`/`0`).
pub(crate) fn ser_opt_flag<S: serde::Serializer>(
    value: &Option<bool>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.serialize_u8(u8::from(*v)),
        None => s.serialize_none(),
    }
}
