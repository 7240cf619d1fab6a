//! Handing async results back to an asyncio loop without taking the GIL on the I/O threads.
//!
//! A tokio worker that finished a call pushes the outcome onto the loop's queue and, if the loop has not
//! been woken yet, writes one byte to a pipe the loop watches (`loop.add_reader`). The loop thread then
//! drains the whole queue in one go. Taking the GIL on a worker instead would stall it behind the loop
//! for up to the interpreter's switch interval, on every single completion.

use crate::client::{abandoned, resolve_now, Outcome};
use pyo3::prelude::*;
use std::io::{ErrorKind, PipeReader, PipeWriter, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

struct Done {
    future: Py<PyAny>,
    op: String,
    outcome: Outcome,
}

pub(crate) struct Shared {
    queue: Mutex<Vec<Done>>,
    woken: AtomicBool,
    reader: PipeReader,
    writer: PipeWriter,
}

impl Shared {
    /// Queues an outcome (any thread, no GIL) and wakes the loop if it is not awake already.
    pub(crate) fn push(&self, future: Py<PyAny>, op: String, outcome: Outcome) {
        self.queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Done {
                future,
                op,
                outcome,
            });
        if !self.woken.swap(true, Ordering::SeqCst) {
            // A full pipe means a wake-up is pending anyway.
            let _ = (&self.writer).write(&[1]);
        }
    }
}

impl Drop for Shared {
    fn drop(&mut self) {
        // The loop went away with answers still queued: their callers are gone, the log is all that is left.
        let queue = std::mem::take(self.queue.get_mut().unwrap_or_else(PoisonError::into_inner));
        for done in queue {
            abandoned(&done.op, &done.outcome);
        }
    }
}

/// The completion queue of one asyncio event loop.
#[pyclass(module = "paywire._native", frozen)]
pub struct Completions {
    pub(crate) shared: Arc<Shared>,
}

#[pymethods]
impl Completions {
    /// A queue with its wake-up pipe; make `fileno()` non-blocking and `add_reader` it with `drain`.
    #[new]
    fn new() -> PyResult<Self> {
        if cfg!(not(unix)) {
            // asyncio's Windows loop cannot watch a pipe; the Python layer falls back to call_soon_threadsafe.
            return Err(pyo3::exceptions::PyNotImplementedError::new_err(
                "no wake-up pipe on this platform",
            ));
        }
        let (reader, writer) = std::io::pipe()?;
        Ok(Self {
            shared: Arc::new(Shared {
                queue: Mutex::new(Vec::new()),
                woken: AtomicBool::new(false),
                reader,
                writer,
            }),
        })
    }

    /// The read end of the wake-up pipe.
    fn fileno(&self) -> i64 {
        #[cfg(unix)]
        {
            use std::os::fd::AsRawFd;
            i64::from(self.shared.reader.as_raw_fd())
        }
        #[cfg(not(unix))]
        {
            -1
        }
    }

    /// Completes every queued future (called by the loop when the pipe is readable).
    fn drain(&self, py: Python<'_>) -> PyResult<()> {
        let mut sink = [0u8; 256];
        loop {
            match (&self.shared.reader).read(&mut sink) {
                Ok(n) if n == sink.len() => continue,
                Ok(_) => break,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        // Cleared before taking the queue: a push that misses this batch sees `false` and wakes us again.
        self.shared.woken.store(false, Ordering::SeqCst);
        let batch = std::mem::take(
            &mut *self
                .shared
                .queue
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        );
        for done in batch {
            resolve_now(py, done.future.bind(py), &done.op, done.outcome)?;
        }
        Ok(())
    }
}
