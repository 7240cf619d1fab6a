//! The machinery shared by the provider clients (`Bootpay`, `Iamport`): how a pair of objects (async +
//! blocking) wrapping one core client is declared, how an operation list is exported on both, and how the
//! transport part of a configuration (timeouts, retries, proxy, user agent) reaches a core builder.
//!
//! A provider module writes its configuration record, a `build_client(config)` function and one
//! [`client_objects!`] invocation, then hands [`export_operations!`] to core's operation table for that
//! provider: every operation of the table is exported on both objects, so they can never disagree with
//! each other or with core.

use crate::error::PaywireError;
use crate::runtime;
use paywire::RetryPolicy;
use std::time::Duration;

/// A positive number of milliseconds as a `Duration`; `InvalidInput` naming `field` otherwise.
pub(crate) fn millis(field: &str, value: Option<i64>) -> Result<Option<Duration>, PaywireError> {
    match value {
        None => Ok(None),
        Some(ms) => u64::try_from(ms)
            .ok()
            .filter(|ms| *ms > 0)
            .map(|ms| Some(Duration::from_millis(ms)))
            .ok_or_else(|| {
                PaywireError::invalid_input(field, "must be a positive number of milliseconds")
            }),
    }
}

/// `max_retries` as core's retry policy (the other knobs keep core's defaults).
pub(crate) fn retry_policy(max_retries: Option<i32>) -> Result<Option<RetryPolicy>, PaywireError> {
    max_retries
        .map(|n| {
            u32::try_from(n)
                .map(|max_retries| RetryPolicy {
                    max_retries,
                    ..RetryPolicy::default()
                })
                .map_err(|_| PaywireError::invalid_input("max_retries", "must not be negative"))
        })
        .transpose()
}

/// A positive count (`max_in_flight`, `max_response_bytes`) as `usize`; `InvalidInput` naming `field` when it
/// is zero or negative (core checks the upper bounds).
pub(crate) fn count(field: &str, value: Option<i64>) -> Result<Option<usize>, PaywireError> {
    value
        .map(|n| {
            usize::try_from(n)
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| PaywireError::invalid_input(field, "must be a positive number"))
        })
        .transpose()
}

/// Builds a core client inside the shared runtime (the HTTP client may look for one while it is built).
pub(crate) fn build_in_runtime<C>(
    build: impl FnOnce() -> paywire::Result<C>,
) -> Result<C, PaywireError> {
    let _entered = runtime::runtime()?.enter();
    Ok(build()?)
}

/// Applies the transport fields every configuration record has (`timeout_ms`, `connect_timeout_ms`,
/// `max_retries`, `max_in_flight`, `max_response_bytes`, `proxy`, `user_agent_suffix`) to a core builder; both core builders share these setters.
/// Use inside a function returning `Result<_, PaywireError>`.
macro_rules! apply_transport {
    ($builder:expr, $config:expr) => {{
        let mut builder = $builder;
        if let Some(t) = $crate::ops::millis("timeout_ms", $config.timeout_ms)? {
            builder = builder.timeout(t);
        }
        if let Some(t) = $crate::ops::millis("connect_timeout_ms", $config.connect_timeout_ms)? {
            builder = builder.connect_timeout(t);
        }
        if let Some(policy) = $crate::ops::retry_policy($config.max_retries)? {
            builder = builder.retry(policy);
        }
        if let Some(n) = $crate::ops::count("max_in_flight", $config.max_in_flight.map(i64::from))?
        {
            builder = builder.max_in_flight(n);
        }
        if let Some(n) = $crate::ops::count("max_response_bytes", $config.max_response_bytes)? {
            builder = builder.max_response_bytes(n);
        }
        if let Some(v) = $config.proxy {
            builder = builder.proxy(v);
        }
        if let Some(v) = $config.user_agent_suffix {
            builder = builder.user_agent_suffix(v);
        }
        builder
    }};
}
pub(crate) use apply_transport;

/// Declares a provider's two objects over one core client: `$async` (every operation `suspend` /
/// `async throws`) and `$blocking` (the same operations, blocking, for Java), each with a constructor from
/// the configuration record, a view of the other (same pool, same token), `base_url()` and a `Display`
/// (`Name(base_url=…)`, never a credential).
macro_rules! client_objects {
    (
        $(#[doc = $adoc:literal])*
        async $async:ident,
        $(#[doc = $bdoc:literal])*
        blocking $blocking:ident,
        config $config:ty,
        core $core:ty,
        build $build:path $(,)?
    ) => {
        $(#[doc = $adoc])*
        #[derive(uniffi::Object)]
        #[uniffi::export(Display)]
        pub struct $async {
            client: $core,
        }

        $(#[doc = $bdoc])*
        #[derive(uniffi::Object)]
        #[uniffi::export(Display)]
        pub struct $blocking {
            client: $core,
        }

        impl ::std::fmt::Display for $async {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{}(base_url={})", stringify!($async), self.client.base_url())
            }
        }

        impl ::std::fmt::Display for $blocking {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{}(base_url={})", stringify!($blocking), self.client.base_url())
            }
        }

        #[uniffi::export]
        impl $async {
            /// Validates the configuration and builds the client; no network call is made. Throws
            /// `InvalidInput` for a missing or half credential pair or a bad value, `Config` for a bad
            /// proxy URL.
            #[uniffi::constructor]
            pub fn new(config: $config) -> Result<::std::sync::Arc<Self>, $crate::error::PaywireError> {
                $crate::text::check("config", &config)?;
                Ok(::std::sync::Arc::new(Self {
                    client: $build(config)?,
                }))
            }

            /// The blocking view of this client (same pool, same token), for Java.
            pub fn blocking(&self) -> ::std::sync::Arc<$blocking> {
                ::std::sync::Arc::new($blocking {
                    client: self.client.clone(),
                })
            }

            /// The base URL in use.
            pub fn base_url(&self) -> String {
                self.client.base_url().to_owned()
            }
        }

        #[uniffi::export]
        impl $blocking {
            /// Validates the configuration and builds the client; no network call is made.
            #[uniffi::constructor]
            pub fn new(config: $config) -> Result<::std::sync::Arc<Self>, $crate::error::PaywireError> {
                $crate::text::check("config", &config)?;
                Ok(::std::sync::Arc::new(Self {
                    client: $build(config)?,
                }))
            }

            /// The async view of this client (same pool, same token).
            pub fn async_client(&self) -> ::std::sync::Arc<$async> {
                ::std::sync::Arc::new($async {
                    client: self.client.clone(),
                })
            }

            /// The base URL in use.
            pub fn base_url(&self) -> String {
                self.client.base_url().to_owned()
            }
        }
    };
}
pub(crate) use client_objects;

/// The callback given to core's operation tables (`paywire::bootpay_operations!`,
/// `paywire::iamport_operations!`): exports every operation twice, `async` on the provider's async object
/// and blocking on its blocking one, with the table's doc and `defaults(…)` (as UniFFI method defaults).
/// Each export checks its arguments for text a foreign caller could not encode (`text::check`), then runs
/// the table's call on a clone of the core client as a detached task on the shared runtime
/// ([`runtime::run`](crate::runtime::run) / [`runtime::block_on`](crate::runtime::block_on)).
/// Invoke it where the provider's types are in scope (`use paywire::bootpay::*`).
macro_rules! export_operations {
    (provider bootpay; $($ops:tt)*) => {
        $crate::ops::export_operations!(@objects Bootpay, BootpayBlocking; $($ops)*);
    };
    (provider iamport; $($ops:tt)*) => {
        $crate::ops::export_operations!(@objects Iamport, IamportBlocking; $($ops)*);
    };
    (@objects $async:ident, $blocking:ident; $(
        $(#[doc = $doc:literal])*
        fn $name:ident($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty
            [$method:ident $path:literal, $retry:ident] $(defaults($($default:tt)*))?
            = |$c:ident| $call:expr;
    )*) => {
        #[::uniffi::export]
        impl $async {
            $(
                $(#[doc = $doc])*
                $(#[uniffi::method(default($($default)*))])?
                pub async fn $name(&self, $($arg: $ty),*) -> Result<$ret, $crate::error::PaywireError> {
                    $($crate::text::check(stringify!($arg), &$arg)?;)*
                    let $c = self.client.clone();
                    $crate::runtime::run(async move { Ok($call.await?) }).await
                }
            )*
        }

        #[::uniffi::export]
        impl $blocking {
            $(
                $(#[doc = $doc])*
                $(#[uniffi::method(default($($default)*))])?
                pub fn $name(&self, $($arg: $ty),*) -> Result<$ret, $crate::error::PaywireError> {
                    $($crate::text::check(stringify!($arg), &$arg)?;)*
                    let $c = self.client.clone();
                    $crate::runtime::block_on(stringify!($name), async move { Ok($call.await?) })
                }
            )*
        }
    };
}
pub(crate) use export_operations;
