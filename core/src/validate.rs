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

/// The largest amount accepted for a fractional-currency amount (iamport): far above any real payment,
/// far below where `f64` stops counting units exactly.
pub(crate) const MAX_AMOUNT: f64 = 1e12;
/// The smallest non-zero amount: a thousandth (the smallest unit of any currency iamport settles).
pub(crate) const MIN_AMOUNT: f64 = 0.001;

/// A fractional amount (iamport) that must be above zero: finite, at least 0.001, at most 10¹².
pub(crate) fn amount(field: &str, value: f64) -> Result<()> {
    if value.is_finite() && (MIN_AMOUNT..=MAX_AMOUNT).contains(&value) {
        return Ok(());
    }
    // `{:e}` keeps 5e-324 and 1e308 short in the message.
    let shown = if value.is_finite() && (value == 0.0 || (1e-3..1e15).contains(&value.abs())) {
        value.to_string()
    } else {
        format!("{value:e}")
    };
    Err(Error::invalid_input(
        field,
        format!("must be a number from {MIN_AMOUNT} to {MAX_AMOUNT:e} (got {shown})"),
    ))
}

/// A fractional amount that may be zero: 0, or as [`amount`].
pub(crate) fn amount_or_zero(field: &str, value: f64) -> Result<()> {
    if value == 0.0 {
        return Ok(());
    }
    amount(field, value)
}

/// A Bootpay charge's tax-free part can't exceed its price.
pub(crate) fn tax_free_within(
    price_field: &str,
    price: Option<i64>,
    tax_free: Option<i64>,
) -> Result<()> {
    if let (Some(price), Some(tax_free)) = (price, tax_free) {
        if tax_free > price {
            return Err(Error::invalid_input(
                "tax_free",
                format!("must not exceed {price_field} (got {tax_free} > {price})"),
            ));
        }
    }
    Ok(())
}

/// A timestamp the server will interpret: ISO 8601 with an explicit offset, in the extended (`+09:00`,
/// `Z`) or the basic (`+0900`, as the official Python SDK and the spec's example write it) form, with or
/// without fractional seconds; never a naive local time.
pub(crate) fn datetime_with_offset(
    field: &str,
    value: &str,
) -> Result<chrono::DateTime<chrono::FixedOffset>> {
    let value = value.trim();
    chrono::DateTime::parse_from_rfc3339(value)
        .or_else(|_| chrono::DateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S%z"))
        .or_else(|_| chrono::DateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .map_err(|_| {
            Error::invalid_input(
                field,
                format!("must be an ISO 8601 date-time with an offset, e.g. 2026-08-31T14:50:00+09:00 or 2026-08-31T14:50:00+0900 (got {value:?})"),
            )
        })
}

/// The form Bootpay documents for request date-times: `2026-08-31T14:50:00+0900`.
pub(crate) fn bootpay_datetime(at: &chrono::DateTime<chrono::FixedOffset>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%z").to_string()
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
