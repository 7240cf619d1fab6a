//! The one error type of the bindings: `PaywireException` in Kotlin, `PaywireError` in Swift.
//!
//! The two-layer error: core's `paywire::Error` is rich and Rust-shaped; this one is what a foreign caller
//! acts on, variant by caller action, every field a caller needs, plus a `summary` holding core's one-line
//! `Display` text. The field is not called `message` so UniFFI's generated Kotlin compiles as it is
//! (its exception already has a `message`, the `field=value` dump UniFFI writes); the error's `Display`
//! is exported, so Kotlin's `toString()` (what loggers and stack traces print) is the summary, and the
//! hand-written Swift extension makes it the `description` / `errorDescription`. No variant holds a secret: core never copies request bodies or
//! credentials into errors, and this layer adds none.

use paywire::{Error, ErrorCode, PgError, VerificationFailure};

/// Every failure paywire reports. `summary` is always a readable one-line sentence; the other fields carry
/// the detail. Switch on the variant (Kotlin `when`, Swift `switch` with a `default`).
#[derive(Debug, Clone, PartialEq, thiserror::Error, uniffi::Error)]
#[uniffi::export(Display)]
pub enum PaywireError {
    /// The provider answered with an error: HTTP 4xx/5xx, an `error_code` in a Bootpay body, or a non-zero
    /// envelope `code` in an iamport answer (iamport reports business failures with HTTP 200).
    #[error("{summary}")]
    Api {
        /// `bootpay` or `iamport`.
        provider: String,
        /// The HTTP status.
        http_status: i32,
        /// The provider's error code as sent (`RC_NOT_FOUND`, or a number such as `-15006` or iamport's
        /// envelope `1` / `-1` as text).
        code: Option<String>,
        /// The provider's own message, verbatim.
        api_message: String,
        /// The PG's own error (code, message, raw JSON), when the provider returned it (`extra.raw_data`).
        pg: Option<PgError>,
        /// The whole error body, as JSON text.
        body_json: String,
        /// One readable sentence (core's `Display`).
        summary: String,
    },
    /// Credentials were refused (HTTP 401/403) even after one fresh token.
    #[error("{summary}")]
    Auth {
        /// `bootpay` or `iamport`.
        provider: String,
        /// The HTTP status.
        http_status: i32,
        /// The provider's error code.
        code: Option<String>,
        /// The provider's own message.
        api_message: String,
        /// One readable sentence.
        summary: String,
    },
    /// Input that cannot be right; nothing was sent.
    #[error("{summary}")]
    InvalidInput {
        /// The offending field, as the wire names it.
        field: String,
        /// What is wrong with it.
        reason: String,
        /// One readable sentence.
        summary: String,
    },
    /// A call that is safe to repeat did not finish in time, after its retries.
    #[error("{summary}")]
    Timeout {
        /// How many attempts were made.
        attempts: i32,
        /// One readable sentence.
        summary: String,
    },
    /// The network failed for a call that is safe to repeat, after its retries.
    #[error("{summary}")]
    Transport {
        /// How many attempts were made.
        attempts: i32,
        /// One readable sentence.
        summary: String,
    },
    /// A money-moving call broke after its request may have reached the provider; it was NOT retried.
    /// Follow `hint` (a look-up) before trying again.
    #[error("{summary}")]
    OutcomeUnknown {
        /// The operation, e.g. `subscribe_payment`.
        operation: String,
        /// What broke (timeout, connection lost).
        reason: String,
        /// How to find out what happened.
        hint: String,
        /// Whether it was a timeout rather than a broken connection.
        timed_out: bool,
        /// The key that makes repeating this exact call safe (Bootpay `cancel_id`, iamport `checksum`).
        idempotency_key: Option<String>,
        /// One readable sentence.
        summary: String,
    },
    /// The server answered with a redirect, which paywire never follows; the request was not processed.
    #[error("{summary}")]
    Redirect {
        /// `bootpay` or `iamport`.
        provider: String,
        /// The 3xx status.
        http_status: i32,
        /// Where it pointed (scheme, host and path only).
        location: String,
        /// One readable sentence.
        summary: String,
    },
    /// The answer was not the JSON expected (e.g. an HTML page from a proxy).
    #[error("{summary}")]
    Decode {
        /// `bootpay` or `iamport`.
        provider: String,
        /// The HTTP status.
        http_status: i32,
        /// What did not parse.
        reason: String,
        /// The first characters of the body.
        body_snippet: String,
        /// One readable sentence.
        summary: String,
    },
    /// A forgery check refused the payment; in a confirm flow, nothing was confirmed.
    #[error("{summary}")]
    Verification {
        /// The receipt id (Bootpay) or `imp_uid` (iamport) checked.
        payment_id: String,
        /// What did not match, with the expected and reported values (core's own type).
        failure: VerificationFailure,
        /// One readable sentence.
        summary: String,
    },
    /// The merchant's own step failed inside a verify-then-confirm flow, so nothing was confirmed.
    /// (Not produced over FFI: the Kotlin/Swift `confirmVerified` lets your own exception through.)
    #[error("{summary}")]
    MerchantStep {
        /// The receipt id.
        payment_id: String,
        /// One readable sentence.
        summary: String,
    },
    /// The client could not be built (bad proxy URL, TLS) or the runtime could not start.
    #[error("{summary}")]
    Config {
        /// One readable sentence.
        summary: String,
    },
    /// The calling Java thread was interrupted (`Thread.interrupt()`, `Future.cancel(true)`) while it waited
    /// for a blocking call (`BootpayBlocking`, `IamportBlocking`). The thread's interrupt flag is left set,
    /// as Java asks of code that reports an interrupt by another exception. When `in_background` is true
    /// the request had already started: it runs to its end (a payment, confirm or cancel is never cut
    /// half-way) and its outcome is logged to stderr; reconcile with a look-up before repeating it.
    #[error("{summary}")]
    Interrupted {
        /// The operation, e.g. `cancel_payment`.
        operation: String,
        /// Whether the call had started and goes on in the background (false: nothing was sent).
        in_background: bool,
        /// One readable sentence.
        summary: String,
    },
    /// A bug in paywire (a caught panic); the process is fine, the call failed. Please report it.
    #[error("{summary}")]
    Internal {
        /// One readable sentence.
        summary: String,
    },
}

impl PaywireError {
    pub(crate) fn config(message: String) -> Self {
        Self::Config { summary: message }
    }

    pub(crate) fn internal(message: String) -> Self {
        Self::Internal { summary: message }
    }

    /// The caller's thread was interrupted while it waited for `operation` (see `runtime::block_on`).
    pub(crate) fn interrupted(operation: &str, in_background: bool) -> Self {
        let message = if in_background {
            format!(
                "{operation}: the calling thread was interrupted; the call goes on in the background and \
                 its outcome is logged (reconcile with a look-up before repeating it)"
            )
        } else {
            format!("{operation}: the calling thread was interrupted before anything was sent")
        };
        Self::Interrupted {
            operation: operation.to_owned(),
            in_background,
            summary: message,
        }
    }

    /// An `InvalidInput` raised by this layer (e.g. metadata that is not a JSON object).
    pub(crate) fn invalid_input(field: &str, reason: &str) -> Self {
        Error::invalid_input(field, reason).into()
    }
}

fn code_text(code: Option<ErrorCode>) -> Option<String> {
    code.map(|c| c.to_string())
}

fn status(value: u16) -> i32 {
    i32::from(value)
}

fn attempts(value: u32) -> i32 {
    i32::try_from(value).unwrap_or(i32::MAX)
}

impl From<Error> for PaywireError {
    fn from(error: Error) -> Self {
        let message = error.to_string();
        match error {
            Error::Api {
                provider,
                http_status,
                code,
                message: api_message,
                pg,
                body,
            } => Self::Api {
                provider: provider.to_owned(),
                http_status: status(http_status),
                code: code_text(code),
                api_message,
                pg: pg.map(|p| *p),
                body_json: body.to_string(),
                summary: message,
            },
            Error::Auth {
                provider,
                http_status,
                code,
                message: api_message,
            } => Self::Auth {
                provider: provider.to_owned(),
                http_status: status(http_status),
                code: code_text(code),
                api_message,
                summary: message,
            },
            Error::InvalidInput { field, reason } => Self::InvalidInput {
                field,
                reason,
                summary: message,
            },
            Error::Timeout { attempts: n, .. } => Self::Timeout {
                attempts: attempts(n),
                summary: message,
            },
            Error::Transport { attempts: n, .. } => Self::Transport {
                attempts: attempts(n),
                summary: message,
            },
            Error::OutcomeUnknown {
                operation,
                message: reason,
                hint,
                timed_out,
                idempotency_key,
            } => Self::OutcomeUnknown {
                operation,
                reason,
                hint,
                timed_out,
                idempotency_key,
                summary: message,
            },
            Error::Redirect {
                provider,
                http_status,
                location,
            } => Self::Redirect {
                provider: provider.to_owned(),
                http_status: status(http_status),
                location,
                summary: message,
            },
            Error::Decode {
                provider,
                http_status,
                message: reason,
                body_snippet,
            } => Self::Decode {
                provider: provider.to_owned(),
                http_status: status(http_status),
                reason,
                body_snippet,
                summary: message,
            },
            Error::Verification {
                payment_id,
                failure,
            } => Self::Verification {
                payment_id,
                failure,
                summary: message,
            },
            Error::MerchantStep { payment_id, .. } => Self::MerchantStep {
                payment_id,
                summary: message,
            },
            Error::Config(_) => Self::Config { summary: message },
            // `paywire::Error` is non-exhaustive: a variant added later still arrives readable.
            _ => Self::Internal { summary: message },
        }
    }
}
