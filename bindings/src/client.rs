//! The client objects of both providers, each an async object (Kotlin `suspend`, Swift `async throws`)
//! and a blocking twin (Java and other non-coroutine callers) over one core client, plus their
//! configuration records: `Bootpay` / `BootpayBlocking` / `BootpayConfig` and `Iamport` /
//! `IamportBlocking` / `IamportConfig`.
//!
//! The operations are not listed here: core's operation tables (`paywire::bootpay_operations!`,
//! `paywire::iamport_operations!`) are expanded with [`export_operations!`], so every operation of core's
//! table is exported, with core's own request and answer types, on both objects. [`bootpay_operations`]
//! and [`iamport_operations`] name them, for the tests that check every language exposes exactly them.

use crate::error::PaywireError;
use crate::ops::{self, apply_transport, client_objects, export_operations};
use paywire::bootpay::Mode;
use std::fmt;

/// How to reach Bootpay. Give exactly one credential pair: `client_key` + `secret_key` (recommended,
/// HTTP Basic) or `application_id` + `private_key` (legacy, Bearer token). Every field is optional;
/// `toString()` / `description` print the secrets (and the proxy URL, which may hold a password) as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display)]
pub struct BootpayConfig {
    /// Recommended pair, part 1.
    #[uniffi(default = None)]
    pub client_key: Option<String>,
    /// Recommended pair, part 2. Secret.
    #[uniffi(default = None)]
    pub secret_key: Option<String>,
    /// Legacy pair, part 1.
    #[uniffi(default = None)]
    pub application_id: Option<String>,
    /// Legacy pair, part 2. Secret.
    #[uniffi(default = None)]
    pub private_key: Option<String>,
    /// Which Bootpay server (default production).
    #[uniffi(default = None)]
    #[serde(serialize_with = "mode_name")]
    pub mode: Option<Mode>,
    /// Overrides the server, e.g. a sandbox `http://127.0.0.1:7878/v2`.
    #[uniffi(default = None)]
    pub base_url: Option<String>,
    /// Total time one attempt may take, in milliseconds (default 30 000).
    #[uniffi(default = None)]
    pub timeout_ms: Option<i64>,
    /// Time to connect, in milliseconds (default 5 000).
    #[uniffi(default = None)]
    pub connect_timeout_ms: Option<i64>,
    /// Retries of calls that are safe to repeat (default 2; payments are never repeated).
    #[uniffi(default = None)]
    pub max_retries: Option<i32>,
    /// An HTTP(S) proxy for every request. Printed as `***`.
    #[uniffi(default = None)]
    pub proxy: Option<String>,
    /// Overrides the `BOOTPAY-API-VERSION` header.
    #[uniffi(default = None)]
    pub api_version: Option<String>,
    /// Appended to the `User-Agent`.
    #[uniffi(default = None)]
    pub user_agent_suffix: Option<String>,
    /// Requests this client (and its views) has on the wire at once (default 64, at most 10 000). A call
    /// beyond it waits for a free slot up to its timeout, then fails with `Timeout` ("not sent"), so
    /// abandoned or slow calls can never multiply sockets without limit.
    #[uniffi(default = None)]
    pub max_in_flight: Option<i32>,
    /// The largest answer body read, in bytes (default 16 MiB, between 1 KiB and 1 GiB).
    #[uniffi(default = None)]
    pub max_response_bytes: Option<i64>,
}

/// How `mode` prints in the configuration's `toString()` (core's `Mode` has no wire form).
fn mode_name<S: serde::Serializer>(mode: &Option<Mode>, s: S) -> Result<S::Ok, S::Error> {
    match mode {
        Some(mode) => s.serialize_str(&format!("{mode:?}")),
        None => s.serialize_none(),
    }
}

fn build_bootpay(config: BootpayConfig) -> Result<paywire::bootpay::Client, PaywireError> {
    let mut builder = paywire::bootpay::Client::builder();
    if let Some(v) = config.client_key {
        builder = builder.client_key(v);
    }
    if let Some(v) = config.secret_key {
        builder = builder.secret_key(v);
    }
    if let Some(v) = config.application_id {
        builder = builder.application_id(v);
    }
    if let Some(v) = config.private_key {
        builder = builder.private_key(v);
    }
    if let Some(mode) = config.mode {
        builder = builder.mode(mode);
    }
    if let Some(v) = config.base_url {
        builder = builder.base_url(v);
    }
    if let Some(v) = config.api_version {
        builder = builder.api_version(v);
    }
    let builder = apply_transport!(builder, config);
    ops::build_in_runtime(|| builder.build())
}

client_objects! {
    /// The Bootpay REST v2 client. Every operation is `suspend` in Kotlin and `async throws` in Swift, and
    /// throws `PaywireException` / `PaywireError`. Share one instance: it holds the connection pool and the
    /// token (fetched once, refreshed ahead of expiry, one refresh however many calls wait).
    ///
    /// Cancelling a coroutine/task stops the *waiting*, never a request half-way: a confirm, cancel,
    /// subscribe, billing-key issue or reservation that started runs to its end; reconcile by a look-up.
    async Bootpay,
    /// The same operations as [`Bootpay`], blocking the calling thread: for Java and other callers without
    /// coroutines. Obtain it with `Bootpay.blocking()` (sharing the pool and token) or its own constructor.
    /// Never call it from a coroutine or an event loop thread.
    blocking BootpayBlocking,
    config BootpayConfig,
    core paywire::bootpay::Client,
    build build_bootpay,
}

/// How to reach iamport (PortOne V1): the REST API key pair (both required), optionally another base URL
/// (`https://static-api.iamport.kr` for fixed egress IPs, a sandbox's `iamportUrl()`), an agency's
/// sub-merchant `tier`, and the transport settings. `toString()` / `description` print `imp_secret` (and
/// the proxy URL, which may hold a password) as `***`.
#[derive(Clone, PartialEq, serde::Serialize, uniffi::Record)]
#[uniffi::export(Display)]
pub struct IamportConfig {
    /// The REST API key.
    pub imp_key: String,
    /// The REST API secret. Secret.
    pub imp_secret: String,
    /// Overrides the server (default `https://api.iamport.kr`).
    #[uniffi(default = None)]
    pub base_url: Option<String>,
    /// The sub-merchant ("Tier") code agency accounts send: 3 characters of A–Z and 0–9.
    #[uniffi(default = None)]
    pub tier: Option<String>,
    /// Total time one attempt may take, in milliseconds (default 30 000).
    #[uniffi(default = None)]
    pub timeout_ms: Option<i64>,
    /// Time to connect, in milliseconds (default 5 000).
    #[uniffi(default = None)]
    pub connect_timeout_ms: Option<i64>,
    /// Retries of calls that are safe to repeat (default 2; payments are never repeated).
    #[uniffi(default = None)]
    pub max_retries: Option<i32>,
    /// An HTTP(S) proxy for every request. Printed as `***`.
    #[uniffi(default = None)]
    pub proxy: Option<String>,
    /// Appended to the `User-Agent`.
    #[uniffi(default = None)]
    pub user_agent_suffix: Option<String>,
    /// Requests this client (and its views) has on the wire at once (default 64, at most 10 000). A call
    /// beyond it waits for a free slot up to its timeout, then fails with `Timeout` ("not sent"), so
    /// abandoned or slow calls can never multiply sockets without limit.
    #[uniffi(default = None)]
    pub max_in_flight: Option<i32>,
    /// The largest answer body read, in bytes (default 16 MiB, between 1 KiB and 1 GiB).
    #[uniffi(default = None)]
    pub max_response_bytes: Option<i64>,
}

fn build_iamport(config: IamportConfig) -> Result<paywire::iamport::Client, PaywireError> {
    let mut builder = paywire::iamport::Client::builder()
        .imp_key(config.imp_key)
        .imp_secret(config.imp_secret);
    if let Some(v) = config.base_url {
        builder = builder.base_url(v);
    }
    if let Some(v) = config.tier {
        builder = builder.tier(v);
    }
    let builder = apply_transport!(builder, config);
    ops::build_in_runtime(|| builder.build())
}

client_objects! {
    /// The iamport (PortOne V1) client. Every operation is `suspend` in Kotlin and `async throws` in Swift,
    /// and throws `PaywireException` / `PaywireError`. Share one instance: it holds the connection pool and
    /// the token (fetched lazily, refreshed ahead of expiry, one refresh however many calls wait).
    ///
    /// HTTP-200 answers with a non-zero envelope `code` are failures (`Api`, `httpStatus` 200). A payment
    /// declined by the PG may also come back as a `Payment` whose `status` is `Failed`: check it.
    /// Cancelling a coroutine/task stops the *waiting*, never a request half-way; reconcile by a look-up.
    async Iamport,
    /// The same operations as [`Iamport`], blocking the calling thread: for Java and other callers without
    /// coroutines. Obtain it with `Iamport.blocking()` (sharing the pool and token) or its own constructor.
    /// Never call it from a coroutine or an event loop thread.
    blocking IamportBlocking,
    config IamportConfig,
    core paywire::iamport::Client,
    build build_iamport,
}

/// `Display` (exported: Kotlin `toString()`, Swift `description`) and `Debug` of the configurations: core's
/// redacted record dump, so the secrets and the proxy URL print as `***`.
macro_rules! redacted_config {
    ($($ty:ident),+) => {$(
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                paywire::__write_redacted(stringify!($ty), self, f)
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self, f)
            }
        }
    )+};
}
redacted_config!(BootpayConfig, IamportConfig);

mod bootpay_exports {
    use super::{Bootpay, BootpayBlocking};
    use paywire::bootpay::*;
    paywire::bootpay_operations!(super::export_operations);
}

mod iamport_exports {
    use super::{Iamport, IamportBlocking};
    use paywire::iamport::*;
    paywire::iamport_operations!(super::export_operations);
}

/// The operations of `Bootpay` and `BootpayBlocking`, as core's table names them (`get_receipt`; Kotlin
/// and Swift spell them `getReceipt`). A test in each language checks both objects expose exactly these.
#[uniffi::export]
pub fn bootpay_operations() -> Vec<String> {
    paywire::bootpay::OPERATIONS
        .iter()
        .map(|op| op.name.to_owned())
        .collect()
}

/// The operations of `Iamport` and `IamportBlocking`, as core's table names them.
#[uniffi::export]
pub fn iamport_operations() -> Vec<String> {
    paywire::iamport::OPERATIONS
        .iter()
        .map(|op| op.name.to_owned())
        .collect()
}
