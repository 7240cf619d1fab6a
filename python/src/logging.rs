//! paywire's `tracing` events, forwarded to Python's `logging` (logger `paywire`).
//!
//! core logs no secrets, so events are forwarded as they are: core reads each into a `paywire::log::LogRecord`
//! and this module only delivers it (the text is the record's one-line form, message then fields). Warnings and above always reach Python;
//! debug and info events only when the `paywire` logger wants them. Asking Python for every event would
//! mean taking the GIL on the I/O threads for nothing, so the logger's effective level is sampled at the
//! start of every call (the GIL is held there anyway; one cached `getEffectiveLevel`): a level set after
//! a client exists applies from its next call.
//!
//! Each record carries core's structured fields as attributes (`logging`'s `extra`): `operation`,
//! `provider`, `status` (the HTTP status, if any), `attempt` and `duration_ms` (of the attempt), each
//! `None` when the event has no such field.

use paywire::log::{is_paywire_target, LogLevel, LogRecord};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use tracing::field::{Field, Visit};
use tracing::{Event, Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::prelude::*;

/// The lowest Python level forwarded for events below WARNING (Python's numbers: 10 DEBUG, 20 INFO).
static THRESHOLD: AtomicU8 = AtomicU8::new(30);
static LOGGER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
/// Whether the sandbox's per-request events (target `paywire_sandbox::access`) go to the Python logger
/// `paywire.sandbox`. Off unless a `SandboxServer(log_requests=True)` asked: tests' sandboxes stay quiet.
static SANDBOX_ACCESS: AtomicBool = AtomicBool::new(false);
static ACCESS_LOGGER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
const ACCESS_TARGET: &str = "paywire_sandbox::access";

fn python_level(level: LogLevel) -> u8 {
    match level {
        LogLevel::Error => 40,
        LogLevel::Warn => 30,
        LogLevel::Info => 20,
        LogLevel::Debug | LogLevel::Trace => 10,
    }
}

/// The fields of one sandbox access event, in the order they were recorded.
#[derive(Default)]
struct AccessFields(Vec<(&'static str, String)>);

impl Visit for AccessFields {
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.push((field.name(), value.to_string()));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push((field.name(), value.to_string()));
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.push((field.name(), format!("{value:?}")));
    }
}

impl AccessFields {
    fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// Sends one access event to `logging.getLogger("paywire.sandbox")`: the message is
/// `METHOD PATH STATUS DURATIONms`, and `record.paywire_request` holds the fields as a dict
/// (`method`, `path`, `status` (int), `duration_ms` (float)) for structured formatters.
fn forward_access(event: &Event<'_>) {
    let mut fields = AccessFields::default();
    event.record(&mut fields);
    let status: u16 = fields.get("status").parse().unwrap_or(0);
    let duration_ms: f64 = fields.get("duration_ms").parse().unwrap_or(0.0);
    let text = format!(
        "{} {} {} {:.1}ms",
        fields.get("method"),
        fields.get("path"),
        status,
        duration_ms
    );
    let _ = Python::try_attach(|py| -> PyResult<()> {
        let logger = ACCESS_LOGGER.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
            Ok(py
                .import("logging")?
                .call_method1("getLogger", ("paywire.sandbox",))?
                .unbind())
        })?;
        let request = PyDict::new(py);
        request.set_item("method", fields.get("method"))?;
        request.set_item("path", fields.get("path"))?;
        request.set_item("status", status)?;
        request.set_item("duration_ms", duration_ms)?;
        let extra = PyDict::new(py);
        extra.set_item("paywire_request", request)?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("extra", extra)?;
        logger.call_method(py, "log", (20, text), Some(&kwargs))?;
        Ok(())
    });
}

/// Turns on forwarding of the sandbox's per-request events (for `python -m paywire.sandbox`).
pub(crate) fn forward_sandbox_access() {
    SANDBOX_ACCESS.store(true, Ordering::Relaxed);
    tracing::callsite::rebuild_interest_cache();
}

struct PythonLogging;

impl<S: Subscriber> Layer<S> for PythonLogging {
    fn enabled(&self, metadata: &Metadata<'_>, _ctx: Context<'_, S>) -> bool {
        if metadata.target() == ACCESS_TARGET {
            return SANDBOX_ACCESS.load(Ordering::Relaxed);
        }
        is_paywire_target(metadata.target())
            && python_level(LogLevel::of(metadata.level()))
                >= THRESHOLD.load(Ordering::Relaxed).min(30)
    }

    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        if event.metadata().target() == ACCESS_TARGET {
            forward_access(event);
            return;
        }
        let record = LogRecord::from_event(event);
        let level = python_level(record.level);
        // During interpreter shutdown there is nobody to log to.
        let _ = Python::try_attach(|py| -> PyResult<()> {
            let extra = PyDict::new(py);
            extra.set_item("operation", &record.operation)?;
            extra.set_item("provider", &record.provider)?;
            extra.set_item("status", record.http_status)?;
            extra.set_item("attempt", record.attempt)?;
            extra.set_item("duration_ms", record.duration_ms)?;
            let kwargs = PyDict::new(py);
            kwargs.set_item("extra", extra)?;
            logger(py)?.call_method(py, "log", (level, record.to_string()), Some(&kwargs))?;
            Ok(())
        });
    }
}

/// `logging.getLogger("paywire")`, looked up once.
fn logger(py: Python<'_>) -> PyResult<&Py<PyAny>> {
    LOGGER.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py
            .import("logging")?
            .call_method1("getLogger", ("paywire",))?
            .unbind())
    })
}

/// Installs the forwarding layer as the process's tracing subscriber (once; later calls do nothing).
pub(crate) fn install() {
    let subscriber = tracing_subscriber::registry().with(PythonLogging);
    let _ = tracing::subscriber::set_global_default(subscriber);
}

/// Samples the `paywire` logger's effective level, so debug/info events are forwarded exactly when wanted.
/// Called at the start of every call (and when a client is built); cheap when nothing changed, and the
/// interest cache of tracing's call sites is rebuilt only when the level did change.
pub(crate) fn refresh(py: Python<'_>) {
    let Ok(level) = logger(py)
        .and_then(|l| l.call_method0(py, "getEffectiveLevel"))
        .and_then(|l| l.extract::<i64>(py))
    else {
        return;
    };
    let level = level.clamp(0, 50) as u8;
    if THRESHOLD.swap(level, Ordering::Relaxed) != level {
        tracing::callsite::rebuild_interest_cache();
    }
}
