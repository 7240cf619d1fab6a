//! The one process-wide tokio runtime of the bindings, and the only two ways code reaches it.
//!
//! Every exported operation, async or blocking, runs its core call as a task spawned on this runtime:
//! - [`run`] (async exports): the foreign future only awaits the task's `JoinHandle`. Cancelling the Kotlin
//!   coroutine (or dropping the Swift future) drops that handle, which *detaches* the task: a confirm,
//!   cancel, subscribe or billing-key issue that already started runs to its end and is never cut
//!   half-way; its outcome stays reconcilable by a look-up. The foreign side needs no reactor, so the
//!   exports do not use `async_runtime = "tokio"`: this file is the single place the choice is made.
//! - [`block_on`] (the `BootpayBlocking` exports for Java): the calling (non-tokio) thread parks until the
//!   task ends, or until its Java interrupt flag is set (checked every [`INTERRUPT_POLL`], see `jvm`):
//!   then it returns `Interrupted` at once (flag still set) while the task finishes in the background and
//!   its outcome is logged to stderr, so a money-moving call that was already sent is never cut half-way
//!   and whoever reconciles can see how it ended.
//!
//! A panic inside a task is caught by tokio and comes back as [`PaywireError::Internal`]; no panic
//! crosses the FFI boundary (the release profile keeps `panic = "unwind"`).

use crate::error::PaywireError;
use crate::jvm;
use std::future::Future;
use std::sync::OnceLock;
use std::time::Duration;
use tokio::runtime::{Builder, Runtime};

static RUNTIME: OnceLock<Result<Runtime, String>> = OnceLock::new();

/// The shared runtime, built on first use: multi-thread, two workers (HTTP calls are I/O-bound).
pub(crate) fn runtime() -> Result<&'static Runtime, PaywireError> {
    RUNTIME
        .get_or_init(|| {
            Builder::new_multi_thread()
                .worker_threads(2)
                .thread_name("paywire-ffi")
                // Workers wake Kotlin coroutines through JNA callbacks: attached once, not per callback.
                .on_thread_start(jvm::attach_runtime_thread)
                .on_thread_stop(jvm::detach_runtime_thread)
                .enable_all()
                .build()
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| PaywireError::config(format!("the paywire runtime could not start: {e}")))
}

fn joined<T>(
    result: Result<Result<T, PaywireError>, tokio::task::JoinError>,
) -> Result<T, PaywireError> {
    match result {
        Ok(inner) => inner,
        Err(e) if e.is_panic() => {
            let payload = e.into_panic();
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(PaywireError::internal(format!(
                "paywire panicked (a bug, please report it): {detail}"
            )))
        }
        Err(e) => Err(PaywireError::internal(format!(
            "the paywire task was cancelled: {e}"
        ))),
    }
}

/// Runs `future` as a detached task on the shared runtime and awaits its result (async exports).
pub(crate) async fn run<T, F>(future: F) -> Result<T, PaywireError>
where
    F: Future<Output = Result<T, PaywireError>> + Send + 'static,
    T: Send + 'static,
{
    let handle = runtime()?.spawn(future);
    joined(handle.await)
}

/// How often a blocked Java thread looks at its interrupt flag.
const INTERRUPT_POLL: Duration = Duration::from_millis(10);

/// Runs `future` as a task on the shared runtime and blocks the calling thread until it ends (blocking
/// exports), or until the calling Java thread is interrupted: then `Interrupted`, with the task left to
/// finish in the background and its outcome logged. Must not be called from a runtime thread; foreign
/// threads never are.
pub(crate) fn block_on<T, F>(operation: &'static str, future: F) -> Result<T, PaywireError>
where
    F: Future<Output = Result<T, PaywireError>> + Send + 'static,
    T: Send + 'static,
{
    let rt = runtime()?;
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(PaywireError::internal(
            "a blocking paywire call was made from inside an async runtime; use the async API there".to_owned(),
        ));
    }
    if jvm::interrupted() {
        return Err(PaywireError::interrupted(operation, false));
    }
    let mut handle = rt.spawn(future);
    loop {
        match rt.block_on(async {
            // Built inside the runtime: a timer needs its context.
            tokio::time::timeout(INTERRUPT_POLL, &mut handle).await
        }) {
            Ok(result) => return joined(result),
            Err(_elapsed) if jvm::interrupted() => {
                rt.spawn(async move {
                    let outcome = joined(handle.await);
                    eprintln!("{}", background_outcome(operation, outcome.as_ref().err()));
                });
                return Err(PaywireError::interrupted(operation, true));
            }
            Err(_elapsed) => {}
        }
    }
}

/// The log line of a call whose caller was interrupted and that finished in the background.
fn background_outcome(operation: &str, error: Option<&PaywireError>) -> String {
    match error {
        None => format!(
            "paywire: {operation} (caller interrupted) finished in the background: succeeded"
        ),
        Some(e) => format!(
            "paywire: {operation} (caller interrupted) finished in the background: failed: {e}"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boom() -> Result<(), PaywireError> {
        panic!("simulated panic")
    }

    #[test]
    fn a_panic_in_a_task_comes_back_as_internal_from_both_ways_in() {
        for result in [
            runtime().and_then(|rt| rt.block_on(run(async { boom() }))),
            block_on("simulated", async { boom() }),
        ] {
            match result {
                Err(PaywireError::Internal { summary }) => {
                    assert!(summary.contains("simulated panic"), "{summary}")
                }
                other => panic!("expected Internal, got {other:?}"),
            }
        }
    }

    #[test]
    fn background_outcomes_are_one_readable_line() {
        assert_eq!(
            background_outcome("cancel_payment", None),
            "paywire: cancel_payment (caller interrupted) finished in the background: succeeded"
        );
        let e = PaywireError::invalid_input("receipt_id", "must not be empty");
        let line = background_outcome("get_receipt", Some(&e));
        assert!(
            line.ends_with(&e.to_string()) && !line.contains('\n'),
            "{line}"
        );
    }
}
