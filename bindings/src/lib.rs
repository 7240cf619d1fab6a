//! # paywire-ffi
//!
//! The UniFFI bindings of [`paywire`] for Kotlin (JVM) and Swift: a thin layer over the core crate, with
//! no business logic and no types of its own for what core already has. Core's request and answer types
//! cross as they are (core's `uniffi` feature derives them: Bootpay amounts `i64`, iamport amounts `f64`,
//! JSON as JSON text, `Secret` as a plain string that records print as `***`). This crate holds
//! - the client objects ([`client`]: `Bootpay` async and `BootpayBlocking` for Java, `Iamport` and
//!   `IamportBlocking`, with their configuration records), whose operations are core's operation tables
//!   expanded by the machinery of `ops`;
//! - webhook parsing and the status wire values ([`webhook`]);
//! - the FFI error ([`error`]: `PaywireException` / `PaywireError`), a small type by caller action over
//!   core's rich one;
//! - the host app's log sink ([`logging`]: `LogSink`, `setLogSink`), fed by core's `tracing` events;
//! - the one process-wide tokio runtime ([`runtime`]) every call runs on, as a detached task.
//!
//! With the feature `sandbox` (on by default) the library also carries `paywire-sandbox`'s own UniFFI
//! surface (`SandboxServer`, `SandboxOptions`, `parse_sandbox_args`: that crate's `uniffi` feature): an
//! in-process sandbox for tests, demos and the JVM launcher `paywire.SandboxMainKt`, generated into Kotlin
//! package `paywire.sandbox` and a third Swift file.
//!
//! Generate the foreign sources with the workspace's `uniffi-bindgen` from the built library:
//! `cargo run -p uniffi-bindgen -- generate --library target/debug/libpaywire_ffi.so --language kotlin
//! --config uniffi.toml --out-dir OUT` (it writes one file per crate: core's types, this crate's API and
//! the sandbox's).

// `PaywireError` is the FFI error type and must be returned by value; its size only matters on the failure
// path of a network call.
#![allow(clippy::result_large_err)]

pub mod client;
pub mod error;
mod jvm;
pub mod logging;
mod ops;
mod runtime;
mod text;
pub mod webhook;

pub use client::{Bootpay, BootpayBlocking, Iamport, IamportBlocking};
pub use error::PaywireError;
pub use logging::{
    clear_log_sink, set_log_level, set_log_sink, LogLevel, LogRecord, LogSink, LogSinkError,
};

// A raw request answers core's JSON value, whose FFI form (JSON text) core declares.
use paywire::JsonValue;
uniffi::use_remote_type!(paywire::JsonValue);

uniffi::setup_scaffolding!();

// Nothing here names the sandbox, and rustc links only the crates a crate uses: this links it, so its
// exported UniFFI functions and metadata are in the library.
#[cfg(feature = "sandbox")]
extern crate paywire_sandbox as _;
