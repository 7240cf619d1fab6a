//! Checks that run before any network call, so bad input fails with the field named and nothing half-done.

use crate::error::{Error, Result};

/// A required text field must not be empty or blank.
pub(crate) fn required(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid_input(
            field,
            "is required and must not be empty",
        ));
    }
    Ok(())
}

/// An optional text field, when given, must not be blank (`""` never stands in for "unset").
pub(crate) fn not_blank(field: &str, value: Option<&str>) -> Result<()> {
    match value {
        Some(v) if v.trim().is_empty() => Err(Error::invalid_input(
            field,
            "must not be empty when given (leave it unset instead)",
        )),
        _ => Ok(()),
    }
}

/// An amount that may be zero but never negative.
pub(crate) fn non_negative(field: &str, amount: i64) -> Result<()> {
    if amount < 0 {
        return Err(Error::invalid_input(
            field,
            format!("must not be negative (got {amount})"),
        ));
    }
    Ok(())
}

/// An optional amount, when given, must not be negative.
pub(crate) fn opt_non_negative(field: &str, amount: Option<i64>) -> Result<()> {
    amount.map_or(Ok(()), |a| non_negative(field, a))
}

/// An amount that must be above zero.
pub(crate) fn positive(field: &str, amount: i64) -> Result<()> {
    if amount <= 0 {
        return Err(Error::invalid_input(
            field,
            format!("must be greater than 0 (got {amount})"),
        ));
    }
    Ok(())
}

/// A timestamp the server will interpret: RFC 3339 with an explicit offset, never a naive local time.
pub(crate) fn datetime_with_offset(field: &str, value: &str) -> Result<()> {
    chrono::DateTime::parse_from_rfc3339(value).map(|_| ()).map_err(|_| {
        Error::invalid_input(
            field,
            format!("must be an RFC 3339 date-time with an offset, e.g. 2026-11-23T17:05:36+09:00 (got {value:?})"),
        )
    })
}

/// Items must be well-formed: id and name present, quantity above zero, price not negative.
pub(crate) fn items(items: Option<&[crate::bootpay::Item]>) -> Result<()> {
    for (i, item) in items.unwrap_or_default().iter().enumerate() {
        required(&format!("items[{i}].id"), &item.id)?;
        required(&format!("items[{i}].name"), &item.name)?;
        positive(&format!("items[{i}].qty"), item.qty)?;
        non_negative(&format!("items[{i}].price"), item.price)?;
    }
    Ok(())
}

/// The JSON of a request value (its serialization cannot fail: plain structs of strings and numbers).
pub(crate) fn body<T: serde::Serialize>(value: &T) -> Result<serde_json::Value> {
    serde_json::to_value(value).map_err(|e| Error::invalid_input("body", e.to_string()))
}
