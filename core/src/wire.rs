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

/// A point in time in a provider's answer as a `SystemTime` (Kotlin `java.time.Instant`, Swift `Date`,
/// Python `datetime`): every value held is one chrono can print, so writing it back never fails.
fn time_of(seconds: i64, nanos: u32) -> Option<std::time::SystemTime> {
    chrono::DateTime::<chrono::Utc>::from_timestamp(seconds, nanos).map(std::time::SystemTime::from)
}

/// Seconds and nanoseconds since the epoch of `time`, saturating (a time from a binding may be anything).
fn seconds_of(time: &std::time::SystemTime) -> (i64, u32) {
    let saturate = |secs: u64| i64::try_from(secs).unwrap_or(i64::MAX);
    match time.duration_since(std::time::UNIX_EPOCH) {
        Ok(after) => (saturate(after.as_secs()), after.subsec_nanos()),
        // Before 1970: whole seconds, rounded down.
        Err(e) => {
            let before = e.duration();
            let carry = u64::from(before.subsec_nanos() > 0);
            (
                saturate(before.as_secs().saturating_add(carry)).saturating_neg(),
                (1_000_000_000 - before.subsec_nanos()) % 1_000_000_000,
            )
        }
    }
}

/// iamport's times: unix seconds on the wire, `0`/`null` meaning "has not happened" (→ `None`); written
/// back as unix seconds.
pub(crate) mod unix_time {
    use serde::{Deserializer, Serializer};
    use std::time::SystemTime;

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<SystemTime>, D::Error> {
        Ok(super::timestamp(d)?.and_then(|secs| super::time_of(secs, 0)))
    }

    pub(crate) fn serialize<S: Serializer>(
        value: &Option<SystemTime>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(time) => s.serialize_i64(super::seconds_of(time).0),
            None => s.serialize_none(),
        }
    }
}

/// Bootpay's times: ISO-8601 text with an offset (`2026-08-31T14:50:00+09:00`, or `+0900`, with or
/// without fractions); a bare `2026-08-31 14:50:00` is Korean time, unix seconds are read too. Empty text
/// is `None`; text that is no time at all is `None` with a warning logged (one odd field must not make a
/// whole receipt unreadable). Written back as RFC 3339 in Korean time (`+09:00`).
pub(crate) mod iso_time {
    use serde::{Deserialize, Deserializer, Serializer};
    use serde_json::Value;
    use std::time::SystemTime;

    /// Korea Standard Time, Bootpay's zone.
    fn kst() -> Option<chrono::FixedOffset> {
        chrono::FixedOffset::east_opt(9 * 3600)
    }

    fn parse(text: &str) -> Option<SystemTime> {
        let text = text.trim();
        let with_offset = chrono::DateTime::parse_from_rfc3339(text)
            .or_else(|_| chrono::DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%z"))
            .or_else(|_| chrono::DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z"))
            .ok();
        let at = with_offset.or_else(|| {
            let naive = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
                .or_else(|_| chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
                .ok()?;
            naive.and_local_timezone(kst()?).single()
        })?;
        super::time_of(at.timestamp(), at.timestamp_subsec_nanos())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<SystemTime>, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::String(text) if text.trim().is_empty() => None,
            Value::String(text) => {
                let time = parse(&text);
                if time.is_none() {
                    tracing::warn!(
                        target: "paywire::decode",
                        value = %crate::redact::scrub_text(&text),
                        "a Bootpay time that is not ISO-8601 was read as absent"
                    );
                }
                time
            }
            other => super::seconds_from(&other)
                .filter(|secs| *secs != 0)
                .and_then(|secs| super::time_of(secs, 0)),
        })
    }

    pub(crate) fn serialize<S: Serializer>(
        value: &Option<SystemTime>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let Some(time) = value else {
            return s.serialize_none();
        };
        let (secs, nanos) = super::seconds_of(time);
        match (chrono::DateTime::from_timestamp(secs, nanos), kst()) {
            (Some(at), Some(kst)) => s.serialize_str(
                &at.with_timezone(&kst)
                    .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false),
            ),
            _ => s.serialize_i64(secs),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn read(json: &str) -> Option<SystemTime> {
            let mut d = serde_json::Deserializer::from_str(json);
            deserialize(&mut d).ok().flatten()
        }

        fn write(time: Option<SystemTime>) -> String {
            let mut out = Vec::new();
            let _ = serialize(&time, &mut serde_json::Serializer::new(&mut out));
            String::from_utf8(out).unwrap_or_default()
        }

        #[test]
        fn every_form_bootpay_sends_reads_as_the_same_instant() {
            let at = read(r#""2026-08-31T14:50:00+09:00""#);
            assert!(at.is_some());
            for same in [
                r#""2026-08-31T14:50:00+0900""#,
                r#""2026-08-31T05:50:00Z""#,
                r#""2026-08-31 14:50:00""#,
                r#""2026-08-31T14:50:00.000+09:00""#,
                "1788155400",
            ] {
                assert_eq!(read(same), at, "{same}");
            }
            assert_eq!(write(at), r#""2026-08-31T14:50:00+09:00""#);
            for absent in [
                r#""""#,
                "null",
                "0",
                r#""soon""#,
                r#""9999999-01-01T00:00:00Z""#,
            ] {
                assert_eq!(read(absent), None, "{absent}");
            }
        }

        #[test]
        fn any_time_a_binding_hands_over_can_be_written() {
            let far =
                SystemTime::UNIX_EPOCH.checked_add(std::time::Duration::from_secs(u64::MAX / 4));
            assert!(write(far).parse::<i64>().is_ok());
            let before = SystemTime::UNIX_EPOCH.checked_sub(std::time::Duration::from_millis(1500));
            assert_eq!(write(before), r#""1970-01-01T08:59:58.500+09:00""#);
        }
    }
}
