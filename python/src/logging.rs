//! paywire's `tracing` events, forwarded to Python's `logging` (logger `paywire`).
//!
//! core logs no secrets, so events are forwarded as they are. Warnings and above always reach Python;
//! debug and info events only when the `paywire` logger wanted them when a client was last created,
//! because asking Python for every event would mean taking the GIL on the I/O threads for nothing.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU8, Ordering};
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::prelude::*;

/// The lowest Python level forwarded for events below WARNING (Python's numbers: 10 DEBUG, 20 INFO).
static THRESHOLD: AtomicU8 = AtomicU8::new(30);
static LOGGER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn python_level(level: &Level) -> u8 {
    match *level {
        Level::ERROR => 40,
        Level::WARN => 30,
        Level::INFO => 20,
        _ => 10,
    }
}

fn ours(target: &str) -> bool {
    target == "paywire" || target.starts_with("paywire::")
}

#[derive(Default)]
struct Message {
    text: String,
    fields: String,
}

impl Visit for Message {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.text.push_str(value);
        } else {
            let _ = write!(
                self.fields,
                "{}{}={}",
                if self.fields.is_empty() { "" } else { ", " },
                field.name(),
                value
            );
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.text, "{value:?}");
        } else {
            let _ = write!(
                self.fields,
                "{}{}={:?}",
                if self.fields.is_empty() { "" } else { ", " },
                field.name(),
                value
            );
        }
    }
}

struct PythonLogging;

impl<S: Subscriber> Layer<S> for PythonLogging {
    fn enabled(&self, metadata: &Metadata<'_>, _ctx: Context<'_, S>) -> bool {
        ours(metadata.target())
            && python_level(metadata.level()) >= THRESHOLD.load(Ordering::Relaxed).min(30)
    }

    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        let mut message = Message::default();
        event.record(&mut message);
        let text = if message.fields.is_empty() {
            message.text
        } else {
            format!("{} ({})", message.text, message.fields)
        };
        let level = python_level(event.metadata().level());
        // During interpreter shutdown there is nobody to log to.
        let _ = Python::try_attach(|py| -> PyResult<()> {
            let logger = LOGGER.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
                Ok(py
                    .import("logging")?
                    .call_method1("getLogger", ("paywire",))?
                    .unbind())
            })?;
            logger.call_method1(py, "log", (level, text))?;
            Ok(())
        });
    }
}

/// Installs the forwarding layer as the process's tracing subscriber (once; later calls do nothing).
pub(crate) fn install() {
    let subscriber = tracing_subscriber::registry().with(PythonLogging);
    let _ = tracing::subscriber::set_global_default(subscriber);
}

/// Records the `paywire` logger's effective level, so debug/info events are forwarded when wanted.
#[pyfunction]
pub(crate) fn set_log_level(level: i64) {
    THRESHOLD.store(level.clamp(0, 50) as u8, Ordering::Relaxed);
    tracing::callsite::rebuild_interest_cache();
}
