//! The client objects of both providers, each an async object (Kotlin `suspend`, Swift `async throws`)
//! and a blocking twin (Java and other non-coroutine callers) over one core client: `Bootpay` /
//! `BootpayBlocking` and `Iamport` / `IamportBlocking`. They are built from core's own configuration
//! records (`BootpayConfig`, `IamportConfig`, with `TransportSettings` and `RetryPolicy` inside).
//!
//! The operations are not listed here: core's operation tables (`paywire::bootpay_operations!`,
//! `paywire::iamport_operations!`) are expanded with [`export_operations!`], so every operation of core's
//! table is exported, with core's own request and answer types, on both objects. [`bootpay_operations`]
//! and [`iamport_operations`] name them, for the tests that check every language exposes exactly them.

use crate::ops::{client_objects, export_operations};

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
    config paywire::bootpay::BootpayConfig,
    core paywire::bootpay::Client,
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
    config paywire::iamport::IamportConfig,
    core paywire::iamport::Client,
}

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
