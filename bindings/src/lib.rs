//! # paywire-ffi
//!
//! The UniFFI bindings of [`paywire`] for Kotlin (JVM) and Swift: a thin layer over the core crate, with
//! no business logic of its own. It holds
//! - records and enums mirroring core's request and response types ([`requests`], [`models`], [`enums`],
//!   [`webhook`]), Bootpay amounts as `i64`, date-times as the ISO-8601 strings Bootpay sent, unmodelled
//!   JSON as text;
//! - objects wrapping the clients ([`client`]: `Bootpay` async, `BootpayBlocking` for Java; [`iamport`]:
//!   `Iamport` and `IamportBlocking`, with iamport's own records: amounts `f64`, unix-second timestamps),
//!   declared with the shared machinery of `ops` (one operation list per provider);
//! - one error enum ([`error`]: `PaywireException` / `PaywireError`);
//! - the host app's log sink ([`logging`]: `LogSink`, `setLogSink`), fed by core's `tracing` events;
//! - the one process-wide tokio runtime ([`runtime`]) every call runs on, as a detached task;
//! - `SandboxServer`, `SandboxOptions` and `parse_sandbox_args` (feature `sandbox`): an in-process sandbox
//!   for tests, demos and the JVM launcher `paywire.SandboxMainKt`.
//!
//! Generate the foreign sources with the workspace's `uniffi-bindgen` from the built library:
//! `cargo run -p uniffi-bindgen -- generate --library target/debug/libpaywire_ffi.so --language kotlin
//! --config uniffi.toml --out-dir OUT`.

// `PaywireError` is the FFI error type and must be returned by value; its size only matters on the failure
// path of a network call.
#![allow(clippy::result_large_err)]

pub mod client;
pub mod enums;
pub mod error;
pub mod iamport;
mod jvm;
pub mod logging;
pub mod models;
mod ops;
mod redact;
pub mod requests;
mod runtime;
#[cfg(feature = "sandbox")]
pub mod sandbox;
mod text;
pub mod webhook;

pub use client::{Bootpay, BootpayBlocking, BootpayConfig};
pub use error::PaywireError;
pub use iamport::{Iamport, IamportBlocking, IamportConfig};
pub use logging::{
    clear_log_sink, set_log_level, set_log_sink, LogLevel, LogRecord, LogSink, LogSinkError,
};

uniffi::setup_scaffolding!();
