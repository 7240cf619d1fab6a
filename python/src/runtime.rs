//! The one tokio runtime every client of the process shares, rebuilt in a forked child.
//!
//! A runtime's worker threads do not survive `fork()`: in a gunicorn or celery child the parent's runtime
//! is a husk whose tasks never run. The runtime is therefore tagged with the PID that built it, and a
//! caller in another process gets a fresh one. The husk is leaked on purpose: dropping it would wait for
//! threads that do not exist in the child.

use std::sync::{Arc, Mutex, PoisonError};
use tokio::runtime::{Builder, Runtime};

struct Tagged {
    pid: u32,
    runtime: Arc<Runtime>,
}

static RUNTIME: Mutex<Option<Tagged>> = Mutex::new(None);

/// The runtime of this process, created on first use (or first use after a fork).
pub(crate) fn get() -> std::io::Result<Arc<Runtime>> {
    let pid = std::process::id();
    let mut slot = RUNTIME.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(tagged) = slot.as_ref() {
        if tagged.pid == pid {
            return Ok(tagged.runtime.clone());
        }
    }
    if let Some(stale) = slot.take() {
        std::mem::forget(stale.runtime);
    }
    // Small on purpose: the work is I/O, and the process may be one of many forked workers.
    let workers = std::thread::available_parallelism()
        .map(|n| n.get().clamp(1, 4))
        .unwrap_or(2);
    let runtime = Arc::new(
        Builder::new_multi_thread()
            .worker_threads(workers)
            .thread_name("paywire-io")
            .enable_all()
            .build()?,
    );
    *slot = Some(Tagged {
        pid,
        runtime: runtime.clone(),
    });
    Ok(runtime)
}
