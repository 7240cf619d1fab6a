//! core's `Error` as data for the Python layer.
//!
//! The native module raises one exception type, `NativeError`, whose single argument is a JSON object
//! (`kind` plus the variant's fields). `paywire._errors` turns it into the typed classes users catch
//! (`ApiError`, `TimeoutError`, …): Python classes can inherit from both `PaywireError` and the builtin
//! `TimeoutError`, which `create_exception!` cannot express, and every field stays in one place.

use paywire::{Error, ErrorCode, VerificationFailure};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::PyErr;
use serde_json::{json, Value};

create_exception!(
    _native,
    NativeError,
    PyException,
    "A paywire failure as a JSON payload; the `paywire` package re-raises it as a typed PaywireError."
);

fn code(code: Option<&ErrorCode>) -> Value {
    match code {
        Some(ErrorCode::Text(s)) => Value::String(s.clone()),
        Some(ErrorCode::Number(n)) => json!(n),
        None => Value::Null,
    }
}

/// An amount as JSON: whole ones as integers (as core writes amounts on the wire), others as floats.
fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        json!(value as i64)
    } else {
        json!(value)
    }
}

/// The JSON description of a core error. `message` is always core's one-line `Display`.
pub(crate) fn payload(error: &Error) -> Value {
    let message = error.to_string();
    match error {
        Error::Api {
            provider,
            http_status,
            code: c,
            message: api_message,
            pg,
            body,
        } => json!({
            "kind": "api",
            "message": message,
            "provider": provider,
            "http_status": http_status,
            "code": code(c.as_ref()),
            "api_message": api_message,
            "pg_error": pg.as_ref().map(|p| json!({"code": p.code, "message": p.message, "raw": p.raw})),
            "body": body,
        }),
        Error::Auth {
            provider,
            http_status,
            code: c,
            message: api_message,
        } => json!({
            "kind": "auth",
            "message": message,
            "provider": provider,
            "http_status": http_status,
            "code": code(c.as_ref()),
            "api_message": api_message,
        }),
        Error::InvalidInput { field, reason } => {
            json!({"kind": "invalid_input", "message": message, "field": field, "reason": reason})
        }
        Error::Timeout { attempts, .. } => {
            json!({"kind": "timeout", "message": message, "attempts": attempts})
        }
        Error::Transport { attempts, .. } => {
            json!({"kind": "transport", "message": message, "attempts": attempts})
        }
        Error::OutcomeUnknown {
            operation,
            hint,
            timed_out,
            idempotency_key,
            ..
        } => json!({
            "kind": "outcome_unknown",
            "message": message,
            "operation": operation,
            "hint": hint,
            "timed_out": timed_out,
            "idempotency_key": idempotency_key,
        }),
        Error::Redirect {
            provider,
            http_status,
            location,
        } => json!({
            "kind": "redirect",
            "message": message,
            "provider": provider,
            "http_status": http_status,
            "location": location,
        }),
        Error::Decode {
            provider,
            http_status,
            body_snippet,
            ..
        } => json!({
            "kind": "decode",
            "message": message,
            "provider": provider,
            "http_status": http_status,
            "body_snippet": body_snippet,
        }),
        Error::Verification {
            payment_id,
            failure,
        } => {
            let (kind, expected, actual) = match failure {
                VerificationFailure::AmountMismatch { expected, actual } => {
                    ("amount_mismatch", json!(expected), json!(actual))
                }
                VerificationFailure::StatusMismatch { expected, actual } => {
                    ("status_mismatch", json!(expected), json!(actual))
                }
                VerificationFailure::CurrencyMismatch { expected, actual } => {
                    ("currency_mismatch", json!(expected), json!(actual))
                }
                VerificationFailure::OrderMismatch { expected, actual } => {
                    ("order_mismatch", json!(expected), json!(actual))
                }
                VerificationFailure::FractionalAmountMismatch { expected, actual } => {
                    ("amount_mismatch", number(*expected), number(*actual))
                }
                VerificationFailure::Other(reason) => ("other", Value::Null, json!(reason)),
                // A kind core adds later still reaches Python as a VerificationError.
                #[allow(unreachable_patterns)]
                other => ("other", Value::Null, json!(other.to_string())),
            };
            json!({
                "kind": "verification",
                "message": message,
                "payment_id": payment_id,
                "failure": kind,
                "expected": expected,
                "actual": actual,
            })
        }
        Error::Config(_) => json!({"kind": "config", "message": message}),
        _ => json!({"kind": "other", "message": message}),
    }
}

/// A payload for a failure of the binding itself (a panic, a runtime that would not start).
pub(crate) fn internal(message: impl Into<String>) -> Value {
    json!({"kind": "internal", "message": message.into()})
}

/// The Python exception carrying `payload`.
pub(crate) fn to_py(payload: &Value) -> PyErr {
    NativeError::new_err(payload.to_string())
}

/// The message of a caught panic, for the `internal` payload.
pub(crate) fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let detail = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    format!("internal error in paywire (a bug; please report it): {detail}")
}
