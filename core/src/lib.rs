//! # paywire
//!
//! One Rust client for the server-side APIs of the Korean payment-gateway aggregators **Bootpay** (REST v2)
//! **iamport / PortOne V1**; the same core is exposed to Python, Kotlin and Swift.
//!
//! What it does for you: tokens are fetched lazily, cached, refreshed before they expire and shared by
//! every concurrent call (one refresh for a thousand waiters); a 401 triggers one refresh and one retry;
//! look-ups are retried on transient failures while payments never are; cancels always carry a
//! `cancel_id`; bad input fails before the network with the field named; the provider's and the PG's own
//! error codes are kept; secrets never reach `Debug`, logs or errors.
//!
//! ```no_run
//! # async fn run() -> paywire::Result<()> {
//! use paywire::bootpay::{CancelPayment, Client};
//!
//! let client = Client::builder()
//!     .client_key("your-client-key")
//!     .secret_key("your-secret-key")
//!     .build()?;
//! // The forgery check: the amount must be exactly what your order says.
//! let receipt = client.verify_payment("6100e8e7019943003850f9b0", 30000).await?;
//! // A partial cancel that can never run twice.
//! client
//!     .cancel_payment(CancelPayment { cancel_price: Some(1000), cancel_id: Some("refund-1".into()), ..CancelPayment::new(&receipt.receipt_id) })
//!     .await?;
//! # Ok(()) }
//! ```

// Core's own code has no unsafe. UniFFI's derives and scaffolding (feature `uniffi`, enabled only by
// `paywire-ffi`) emit `unsafe impl`s of its FFI traits, so only that build allows it.
#![cfg_attr(not(feature = "uniffi"), forbid(unsafe_code))]
#![cfg_attr(feature = "uniffi", allow(unsafe_code))]

mod auth;
pub mod bootpay;
mod error;
#[cfg(feature = "uniffi")]
mod ffi;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
pub mod iamport;
pub mod log;
mod operation;
mod path;
mod raw;
mod redact;
mod retry;
mod secret;
mod transport;
mod validate;
pub mod verify;
pub mod webhook;
mod wire;

pub use error::{Error, ErrorCode, PgError, Result, VerificationFailure};
pub use operation::{Argument, Operation};
pub use raw::RawRequest;

/// Any JSON value: the answer of a raw request, free-form metadata.
pub type JsonValue = serde_json::Value;
#[cfg(feature = "uniffi")]
pub use ffi::{JsonMap, QueryPair, QueryParam, INVALID_JSON};
pub use redact::is_sensitive_field;
#[doc(hidden)]
pub use redact::write_redacted as __write_redacted;
pub use retry::{default_retry_policy, RetryPolicy};
pub use secret::Secret;
pub use transport::{
    TransportSettings, DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_RESPONSE_BYTES, MAX_URL_BYTES,
    SDK_VERSION,
};

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("paywire");
