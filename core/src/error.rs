//! The one error type of the crate.
//!
//! Every variant carries what a caller needs to act on it: the HTTP status and the provider's own code and
//! message for API failures, the PG's raw error when one was returned, the field for bad input, and for
//! money-moving calls that broke half-way a plain statement that the outcome is unknown and how to find out.
//! No variant ever holds a secret: request bodies are never copied into errors.

use serde_json::Value;
use std::fmt;

/// Result alias used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A provider error code. Bootpay sends both string constants (`AUTH_EXPIRED`) and numbers (`-15006`);
/// both are kept as sent.
///
/// ```
/// use paywire::ErrorCode;
/// assert_eq!(ErrorCode::Number(-15006).to_string(), "-15006");
/// assert_eq!(ErrorCode::Text("RC_NOT_FOUND".into()).as_str(), Some("RC_NOT_FOUND"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorCode {
    /// A string code such as `RC_NOT_FOUND`.
    Text(String),
    /// A numeric code such as `-15006`.
    Number(i64),
}

impl ErrorCode {
    /// Reads a code from a JSON value; `null`, objects and arrays are not codes.
    pub(crate) fn from_json(value: &Value) -> Option<Self> {
        match value {
            Value::String(s) if !s.is_empty() => Some(Self::Text(s.clone())),
            Value::Number(n) => n
                .as_i64()
                .map(Self::Number)
                .or_else(|| Some(Self::Text(n.to_string()))),
            _ => None,
        }
    }

    /// The code as a string slice when it is a string code.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::Text(s) => Some(s),
            Self::Number(_) => None,
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(s) => f.write_str(s),
            Self::Number(n) => write!(f, "{n}"),
        }
    }
}

/// The payment gateway's own error, returned by Bootpay under `data` when `extra.raw_data` was asked for
/// (e.g. NICEPAY `{"ResultCode": "3041", "ResultMsg": "금액오류…"}`).
///
/// ```
/// # use paywire::PgError;
/// let pg = PgError { code: Some("3041".into()), message: Some("금액오류".into()), raw: serde_json::json!({"ResultCode": "3041"}) };
/// assert_eq!(pg.code.as_deref(), Some("3041"));
/// ```
#[derive(Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct PgError {
    /// The PG's result code (`ResultCode`, `pg_error_code`, `code`), as a string.
    pub code: Option<String>,
    /// The PG's message (`ResultMsg`, `message`, `msg`).
    pub message: Option<String>,
    /// The whole raw object as the PG returned it (JSON text across the FFI).
    pub raw: Value,
}

// Redacted like every record: Kotlin's `toString()` / Swift's `description` never show a card number
// or credential the PG may echo in its raw error.
crate::display_redacted!(PgError);

/// Why a forgery check or a confirm pre-check refused a payment. Crosses the FFI as it is (a sealed
/// class in Kotlin, an enum in Swift) with the `uniffi` feature.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum VerificationFailure {
    /// The amount paid is not the amount the merchant expected: a forged or stale amount.
    AmountMismatch {
        /// What the merchant's order says.
        expected: i64,
        /// What the provider says was paid.
        actual: i64,
    },
    /// Like `AmountMismatch`, for amounts with a fractional part (non-KRW iamport payments).
    FractionalAmountMismatch {
        /// What the merchant's order says.
        expected: f64,
        /// What the provider says was paid.
        actual: f64,
    },
    /// The payment is not in the state the step needs (e.g. not paid, not awaiting confirmation).
    StatusMismatch {
        /// The states that would have been accepted, as the provider writes them.
        expected: String,
        /// The state the provider reports.
        actual: String,
    },
    /// The payment's currency is not the expected one.
    CurrencyMismatch {
        /// Expected currency.
        expected: String,
        /// Reported currency.
        actual: String,
    },
    /// The payment belongs to another order than the one given.
    OrderMismatch {
        /// The merchant's order id.
        expected: String,
        /// The order id the provider reports.
        actual: String,
    },
    /// Anything else that makes the payment unusable (e.g. a `ready` iamport payment that is not a virtual account).
    Other(String),
}

impl fmt::Display for VerificationFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::AmountMismatch { expected, actual } => {
                write!(f, "amount mismatch: expected {expected}, paid {actual}")
            }
            Self::FractionalAmountMismatch { expected, actual } => {
                write!(f, "amount mismatch: expected {expected}, paid {actual}")
            }
            Self::StatusMismatch { expected, actual } => {
                write!(f, "status is {actual}, expected {expected}")
            }
            Self::CurrencyMismatch { expected, actual } => {
                write!(f, "currency is {actual}, expected {expected}")
            }
            Self::OrderMismatch { expected, actual } => {
                write!(f, "order id is {actual}, expected {expected}")
            }
            Self::Other(reason) => f.write_str(reason),
        }
    }
}

/// Every failure paywire reports.
///
/// `Display` is one sentence; the fields carry the detail. None of them contains a secret.
///
/// ```
/// use paywire::Error;
/// let err = Error::invalid_input("receipt_id", "must not be empty");
/// assert_eq!(err.to_string(), "invalid input: receipt_id must not be empty");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The provider answered with an error.
    #[error("{provider} API error (HTTP {http_status}{}): {message}{}", code.as_ref().map(|c| format!(", code {c}")).unwrap_or_default(), pg.as_ref().map(|p| format!(" [PG {}: {}]", p.code.as_deref().unwrap_or("?"), p.message.as_deref().unwrap_or("?"))).unwrap_or_default())]
    Api {
        /// `bootpay` or `iamport`.
        provider: &'static str,
        /// The HTTP status (iamport reports some failures with 200; see `code`).
        http_status: u16,
        /// The provider's error code (`error_code` / `code`), as sent.
        code: Option<ErrorCode>,
        /// The provider's message.
        message: String,
        /// The PG's raw error when the provider returned one.
        pg: Option<Box<PgError>>,
        /// The whole error body, for anything not modelled.
        body: Box<Value>,
    },

    /// Credentials were refused (HTTP 401/403) even after one fresh token.
    #[error("{provider} authentication failed (HTTP {http_status}{}): {message}. Check the keys, and that this server's IP is allowed in the {provider} admin console", code.as_ref().map(|c| format!(", code {c}")).unwrap_or_default())]
    Auth {
        /// `bootpay` or `iamport`.
        provider: &'static str,
        /// The HTTP status.
        http_status: u16,
        /// The provider's error code.
        code: Option<ErrorCode>,
        /// The provider's message.
        message: String,
    },

    /// Input that cannot be right; nothing was sent.
    #[error("invalid input: {field} {reason}")]
    InvalidInput {
        /// The offending field, as the wire names it.
        field: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A call that is safe to repeat did not finish in time (after its retries).
    #[error("timed out after {attempts} attempt(s): {message}")]
    Timeout {
        /// How many attempts were made.
        attempts: u32,
        /// What timed out.
        message: String,
    },

    /// The network failed for a call that is safe to repeat (after its retries).
    #[error("transport error after {attempts} attempt(s): {message}")]
    Transport {
        /// How many attempts were made.
        attempts: u32,
        /// The underlying failure.
        message: String,
    },

    /// A call that moves money (or issues something) got no readable answer after its request may have
    /// reached the provider. Do what `hint` says before anything else; repeating the call with
    /// `idempotency_key` (when there is one) can never move money twice.
    #[error("outcome unknown for {operation}: {message}. The request may have been processed; {hint}{}", idempotency_key.as_ref().map(|k| format!(" (idempotency key {k:?})")).unwrap_or_default())]
    OutcomeUnknown {
        /// The operation, e.g. `subscribe_payment`.
        operation: String,
        /// What broke (timeout, connection lost, an unreadable answer).
        message: String,
        /// What to do next, safely.
        hint: String,
        /// Whether it was a timeout rather than a broken connection.
        timed_out: bool,
        /// The key that makes repeating this exact call safe: the Bootpay `cancel_id`, the iamport cancel
        /// `checksum`. Repeating the call with it returns the result of the first attempt if that landed.
        idempotency_key: Option<String>,
    },

    /// The server answered with a redirect. paywire never follows one (it would re-send keys or a payment
    /// to another host); a 3xx comes before any processing, so nothing happened.
    #[error("{provider} answered HTTP {http_status} redirecting to {location}; paywire never follows redirects and the request was not processed. Check base_url (or the proxy in front of it)")]
    Redirect {
        /// `bootpay` or `iamport`.
        provider: &'static str,
        /// The 3xx status.
        http_status: u16,
        /// Where it pointed: scheme, host and path only.
        location: String,
    },

    /// The answer was not the JSON expected (e.g. an HTML page from a proxy).
    #[error("could not decode the {provider} response (HTTP {http_status}): {message}; body starts with: {body_snippet:?}")]
    Decode {
        /// `bootpay` or `iamport`.
        provider: &'static str,
        /// The HTTP status.
        http_status: u16,
        /// What did not parse.
        message: String,
        /// The first characters of the body.
        body_snippet: String,
    },

    /// A forgery check refused the payment; for a confirm flow, nothing was confirmed.
    #[error("payment {payment_id} failed verification: {failure}")]
    Verification {
        /// The receipt id / imp_uid checked.
        payment_id: String,
        /// What did not match.
        failure: VerificationFailure,
    },

    /// The merchant's own step failed inside a verify-then-confirm flow, so nothing was confirmed.
    #[error("merchant step failed for {payment_id}; the payment was NOT confirmed: {source}")]
    MerchantStep {
        /// The receipt id.
        payment_id: String,
        /// The merchant's error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },

    /// The client could not be built (TLS, proxy).
    #[error("configuration error: {0}")]
    Config(String),
}

impl Error {
    /// Builds an [`Error::InvalidInput`].
    pub fn invalid_input(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The HTTP status, when the provider answered.
    pub fn http_status(&self) -> Option<u16> {
        match self {
            Self::Api { http_status, .. }
            | Self::Auth { http_status, .. }
            | Self::Redirect { http_status, .. }
            | Self::Decode { http_status, .. } => Some(*http_status),
            _ => None,
        }
    }

    /// The provider's error code, when it sent one.
    pub fn code(&self) -> Option<&ErrorCode> {
        match self {
            Self::Api { code, .. } | Self::Auth { code, .. } => code.as_ref(),
            _ => None,
        }
    }

    /// The PG's raw error, when the provider returned one.
    pub fn pg_error(&self) -> Option<&PgError> {
        match self {
            Self::Api { pg, .. } => pg.as_deref(),
            _ => None,
        }
    }

    /// A copy of this error for the other callers that waited on the same failed operation (a token
    /// fetch); the merchant's own error, which cannot be copied, becomes its message.
    pub(crate) fn copy_for_waiter(&self) -> Self {
        match self {
            Self::Api {
                provider,
                http_status,
                code,
                message,
                pg,
                body,
            } => Self::Api {
                provider,
                http_status: *http_status,
                code: code.clone(),
                message: message.clone(),
                pg: pg.clone(),
                body: body.clone(),
            },
            Self::Auth {
                provider,
                http_status,
                code,
                message,
            } => Self::Auth {
                provider,
                http_status: *http_status,
                code: code.clone(),
                message: message.clone(),
            },
            Self::InvalidInput { field, reason } => {
                Self::invalid_input(field.clone(), reason.clone())
            }
            Self::Timeout { attempts, message } => Self::Timeout {
                attempts: *attempts,
                message: message.clone(),
            },
            Self::Transport { attempts, message } => Self::Transport {
                attempts: *attempts,
                message: message.clone(),
            },
            Self::OutcomeUnknown {
                operation,
                message,
                hint,
                timed_out,
                idempotency_key,
            } => Self::OutcomeUnknown {
                operation: operation.clone(),
                message: message.clone(),
                hint: hint.clone(),
                timed_out: *timed_out,
                idempotency_key: idempotency_key.clone(),
            },
            Self::Redirect {
                provider,
                http_status,
                location,
            } => Self::Redirect {
                provider,
                http_status: *http_status,
                location: location.clone(),
            },
            Self::Decode {
                provider,
                http_status,
                message,
                body_snippet,
            } => Self::Decode {
                provider,
                http_status: *http_status,
                message: message.clone(),
                body_snippet: body_snippet.clone(),
            },
            Self::Verification {
                payment_id,
                failure,
            } => Self::Verification {
                payment_id: payment_id.clone(),
                failure: failure.clone(),
            },
            Self::MerchantStep { payment_id, source } => Self::Transport {
                attempts: 0,
                message: format!("merchant step for {payment_id} failed: {source}"),
            },
            Self::Config(message) => Self::Config(message.clone()),
        }
    }

    /// True when the provider's string code equals `code`.
    pub fn has_code(&self, code: &str) -> bool {
        self.code().and_then(ErrorCode::as_str) == Some(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_stay_small_enough_for_result() {
        // Users return `paywire::Result` from their own functions; keep clippy's result_large_err quiet there.
        assert!(
            std::mem::size_of::<Error>() <= 128,
            "{}",
            std::mem::size_of::<Error>()
        );
    }

    #[test]
    fn display_is_one_sentence_with_codes() {
        let err = Error::Api {
            provider: "bootpay",
            http_status: 500,
            code: Some(ErrorCode::Number(-15006)),
            message: "금액오류".into(),
            pg: Some(Box::new(PgError {
                code: Some("3041".into()),
                message: Some("금액오류".into()),
                raw: Value::Null,
            })),
            body: Box::new(Value::Null),
        };
        assert_eq!(
            err.to_string(),
            "bootpay API error (HTTP 500, code -15006): 금액오류 [PG 3041: 금액오류]"
        );
    }
}
