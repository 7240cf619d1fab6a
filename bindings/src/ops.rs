//! The machinery shared by the provider clients (`Bootpay`, `Iamport`): how a pair of objects (async +
//! blocking) wrapping one core client is declared, and how an operation list is exported on both.
//!
//! A provider module writes one [`client_objects!`] invocation naming core's configuration record and
//! client, then hands [`export_operations!`] to core's operation table for that provider: every operation
//! of the table is exported on both objects, so they can never disagree with each other or with core.

use crate::error::PaywireError;
use crate::runtime;

/// Builds a core client inside the shared runtime (the HTTP client may look for one while it is built).
pub(crate) fn build_in_runtime<C>(
    build: impl FnOnce() -> paywire::Result<C>,
) -> Result<C, PaywireError> {
    let _entered = runtime::runtime()?.enter();
    Ok(build()?)
}

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
        core $core:ty $(,)?
    ) => {
        $crate::ops::client_objects!(@object $async, $config, $core, [$(#[doc = $adoc])*],
            /// The blocking view of this client (same pool, same token), for Java.
            blocking -> $blocking);
        $crate::ops::client_objects!(@object $blocking, $config, $core, [$(#[doc = $bdoc])*],
            /// The async view of this client (same pool, same token).
            async_client -> $async);
    };
    // One object: its struct, `Display`, constructor, base URL, per-call views and the view of its twin.
    (@object $name:ident, $config:ty, $core:ty, [$(#[doc = $doc:literal])*],
        #[doc = $view_doc:literal] $view:ident -> $twin:ident) => {
        $(#[doc = $doc])*
        #[derive(uniffi::Object)]
        #[uniffi::export(Display)]
        pub struct $name {
            client: $core,
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{}(base_url={})", stringify!($name), self.client.base_url())
            }
        }

        #[uniffi::export]
        impl $name {
            /// Validates the configuration and builds the client; no network call is made. Throws
            /// `InvalidInput` naming the field for a missing or half credential pair or a bad value (a
            /// proxy URL that is not one, a zero timeout, 11 retries).
            #[uniffi::constructor]
            pub fn new(config: $config) -> Result<::std::sync::Arc<Self>, $crate::error::PaywireError> {
                $crate::text::check("config", &config)?;
                Ok(::std::sync::Arc::new(Self {
                    client: $crate::ops::build_in_runtime(|| <$core>::from_config(config))?,
                }))
            }

            #[doc = $view_doc]
            pub fn $view(&self) -> ::std::sync::Arc<$twin> {
                ::std::sync::Arc::new($twin {
                    client: self.client.clone(),
                })
            }

            /// The base URL in use.
            pub fn base_url(&self) -> String {
                self.client.base_url().to_owned()
            }

            /// A view of this client whose calls take at most `timeout` per attempt; it shares the pool,
            /// the token and the in-flight bound. A timeout of zero or over a day makes each call fail
            /// with `InvalidInput` naming `timeout`, before anything is sent. Kotlin:
            /// `client.withTimeout(Duration.ofSeconds(3)).getReceipt(id)`.
            pub fn with_timeout(&self, timeout: ::std::time::Duration) -> ::std::sync::Arc<Self> {
                ::std::sync::Arc::new(Self {
                    client: self.client.with_timeout(timeout),
                })
            }

            /// A view of this client whose calls that are safe to repeat follow `policy` (payments stay
            /// never repeated); it shares the pool, the token and the in-flight bound. A bad policy is
            /// `InvalidInput` naming the field (`retry.max_retries`).
            pub fn with_retry(
                &self,
                policy: paywire::RetryPolicy,
            ) -> Result<::std::sync::Arc<Self>, $crate::error::PaywireError> {
                Ok(::std::sync::Arc::new(Self {
                    client: self.client.with_retry(policy)?,
                }))
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
