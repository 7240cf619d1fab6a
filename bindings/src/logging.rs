//! paywire's `tracing` events, handed to a log sink the host app installs (`LogSink` in Kotlin and Swift).
//!
//! Kotlin and Swift have no `tracing`: an app that wants paywire's logs implements `LogSink` (forwarding
//! to SLF4J, `java.util.logging`, swift-log, …) and calls `setLogSink(sink, minLevel)`. That installs, once
//! per process, a `tracing` subscriber whose one layer hands each event of core (targets `paywire` and
//! `paywire::…`) to the sink as core reads it, a [`LogRecord`] (`paywire::log`; Kotlin `paywire.types`):
//! level, target, message, and the structured fields (`operation`, `provider`, HTTP `status`, `attempt`,
//! `duration_ms`) typed, each `null`/`nil` when the event has none. This module only delivers.
//! Core logs no secret (credentials, tokens, card data are redacted before they reach an event); this layer
//! copies only what the event holds and adds nothing.
//!
//! Design choices, and why:
//! - **Level changes apply at once.** The level lives in one atomic; `setLogSink`, `setLogLevel` and
//!   `clearLogSink` rebuild `tracing`'s per-call-site interest cache when it changes, so clients created
//!   earlier log at the new level from their next event, and nobody re-creates a client.
//! - **Near-zero cost when unused.** No subscriber exists until the first `setLogSink`. After that, with no
//!   sink or a filtered level, the layer's `max_level_hint` makes `tracing`'s macros stop at one relaxed
//!   atomic load of the global maximum level, and call sites below the level are cached as never-interesting.
//! - **The sink never runs on paywire's I/O threads.** An event is queued (bounded, never waiting: when the
//!   queue is full the record is dropped and counted) and one delivery thread calls the sink, in order, one
//!   record at a time. A slow sink cannot delay a payment call; the sink is never entered re-entrantly; a
//!   sink may even call paywire (its events are queued, not delivered inside the call). Drops are reported
//!   to the sink by one `WARN` record once it catches up.
//! - **A failing sink breaks nothing.** A Kotlin exception becomes `LogSinkError` (every foreign exception
//!   does: UniFFI's unexpected-error path converts rather than panics), and a panic while delivering is
//!   caught; the record is lost, the call that logged it never notices.
//! - Events emitted on the delivery thread itself are ignored, so nothing a sink triggers there can loop.
//!
//! The process-wide subscriber is `tracing`'s global default. If something else set one first (only the
//! sandbox launcher's access log does, `sandboxInitAccessLog`), records cannot be delivered: `setLogSink`
//! says so once on stderr. The Python extension is a separate library with its own copy of `tracing` and
//! its own global default, so the two never see each other's events.

use paywire::log::is_paywire_target;
pub use paywire::log::{LogLevel, LogRecord};
use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, OnceLock, RwLock};
use tracing::level_filters::LevelFilter;
use tracing::{Event, Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::prelude::*;

/// 1 (`Error`) to 5 (`Trace`): the verbosity a sink at `level` lets through; 0 stands for "no sink".
fn verbosity(level: LogLevel) -> u8 {
    match level {
        LogLevel::Error => 1,
        LogLevel::Warn => 2,
        LogLevel::Info => 3,
        LogLevel::Debug => 4,
        LogLevel::Trace => 5,
    }
}

/// What a sink may throw. paywire ignores it (the record is lost, the call goes on); any exception a
/// Kotlin sink throws arrives as this type, so none can crash or hang a call.
#[derive(Debug, Clone, PartialEq, thiserror::Error, uniffi::Error)]
pub enum LogSinkError {
    /// The sink failed; `reason` is what it said.
    #[error("the log sink failed: {reason}")]
    Failed {
        /// The sink's own description of the failure.
        reason: String,
    },
}

impl From<uniffi::UnexpectedUniFFICallbackError> for LogSinkError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        LogSinkError::Failed { reason: e.reason }
    }
}

/// Receives paywire's log records: implement it to forward them to the app's logging (SLF4J,
/// `java.util.logging`, swift-log) and install it with `setLogSink`.
///
/// Records arrive on one paywire thread (`paywire-log`), one at a time and in order, shortly after the
/// event; keep `log` quick. Exceptions it throws are ignored.
#[uniffi::export(callback_interface)]
pub trait LogSink: Send + Sync {
    /// Handles one record.
    fn log(&self, record: LogRecord) -> Result<(), LogSinkError>;
}

/// Installs `sink` (replacing any earlier one) and forwards every paywire record at `min_level` or more
/// severe to it, from every client, existing ones included.
#[uniffi::export]
pub fn set_log_sink(sink: Box<dyn LogSink>, min_level: LogLevel) {
    if !install() {
        return;
    }
    *write_sink() = Some(Arc::from(sink));
    set_verbosity(verbosity(min_level));
}

/// Changes the level of the installed sink: records at `min_level` or more severe reach it from the next
/// event on, from every client. Does nothing when no sink is installed.
#[uniffi::export]
pub fn set_log_level(min_level: LogLevel) {
    let sink = read_sink().is_some();
    if sink {
        set_verbosity(verbosity(min_level));
    }
}

/// Removes the sink: paywire stops producing records (records already queued are still delivered to it).
#[uniffi::export]
pub fn clear_log_sink() {
    set_verbosity(0);
    *write_sink() = None;
}

/// The verbosity records need to reach the sink: 0 (no sink, nothing), 1 (errors) … 5 (everything).
static VERBOSITY: AtomicU8 = AtomicU8::new(0);
static SINK: RwLock<Option<Arc<dyn LogSink>>> = RwLock::new(None);
/// The delivery queue's sending end, set once the subscriber and the delivery thread exist.
static QUEUE: OnceLock<Option<SyncSender<Delivery>>> = OnceLock::new();
/// Records dropped because the queue was full, not yet reported to the sink.
static DROPPED: AtomicU64 = AtomicU64::new(0);
/// Records waiting for the sink at most; beyond that a slow sink loses records rather than slowing paywire.
const QUEUE_CAPACITY: usize = 4096;

thread_local! {
    /// Set on the delivery thread: events emitted there (while a sink runs) are not queued again.
    static DELIVERING: Cell<bool> = const { Cell::new(false) };
}

/// A record and the sink that was installed when it was emitted.
type Delivery = (Arc<dyn LogSink>, LogRecord);

// A poisoned lock only means a panic elsewhere while it was held; the `Option` inside is still whole.
fn read_sink() -> Option<Arc<dyn LogSink>> {
    SINK.read().unwrap_or_else(|e| e.into_inner()).clone()
}

fn write_sink() -> std::sync::RwLockWriteGuard<'static, Option<Arc<dyn LogSink>>> {
    SINK.write().unwrap_or_else(|e| e.into_inner())
}

fn set_verbosity(verbosity: u8) {
    if VERBOSITY.swap(verbosity, Ordering::Relaxed) != verbosity {
        // Call sites cached their interest (and `tracing` its global maximum level): recompute them.
        tracing::callsite::rebuild_interest_cache();
    }
}

/// Starts the delivery thread and installs the subscriber, once. False when records cannot be delivered.
fn install() -> bool {
    QUEUE
        .get_or_init(|| {
            let (sender, receiver) = sync_channel(QUEUE_CAPACITY);
            let started = std::thread::Builder::new()
                .name("paywire-log".to_owned())
                .spawn(move || deliver(receiver));
            if let Err(e) = started {
                eprintln!("paywire: no log records: the delivery thread could not start: {e}");
                return None;
            }
            let subscriber = tracing_subscriber::registry().with(SinkLayer);
            if tracing::subscriber::set_global_default(subscriber).is_err() {
                eprintln!(
                    "paywire: no log records: this process already has a tracing subscriber \
                     (sandboxInitAccessLog installs one)"
                );
                return None;
            }
            Some(sender)
        })
        .is_some()
}

/// The delivery thread: hands each queued record to its sink, one at a time, until the process ends.
fn deliver(queue: Receiver<Delivery>) {
    DELIVERING.with(|d| d.set(true));
    // Attached to the JVM once (if there is one), so JNA does not attach and detach it for every record.
    crate::jvm::attach_runtime_thread();
    for (sink, record) in queue {
        hand_over(&*sink, record);
        let dropped = DROPPED.swap(0, Ordering::Relaxed);
        if dropped > 0 {
            hand_over(
                &*sink,
                LogRecord::new(
                    LogLevel::Warn,
                    "paywire::logging",
                    format!(
                        "{dropped} paywire log records were dropped: the log sink is slower than the events"
                    ),
                ),
            );
        }
    }
}

/// Calls the sink; whatever it throws or panics is swallowed (the record is lost, nothing else).
fn hand_over(sink: &dyn LogSink, record: LogRecord) {
    let _ = catch_unwind(AssertUnwindSafe(|| sink.log(record)));
}

/// The one layer of the process-wide subscriber: paywire's events at the sink's level go to the queue.
struct SinkLayer;

impl<S: Subscriber> Layer<S> for SinkLayer {
    fn enabled(&self, metadata: &Metadata<'_>, _ctx: Context<'_, S>) -> bool {
        is_paywire_target(metadata.target())
            && verbosity(LogLevel::of(metadata.level())) <= VERBOSITY.load(Ordering::Relaxed)
    }

    fn max_level_hint(&self) -> Option<LevelFilter> {
        Some(match VERBOSITY.load(Ordering::Relaxed) {
            0 => LevelFilter::OFF,
            1 => LevelFilter::ERROR,
            2 => LevelFilter::WARN,
            3 => LevelFilter::INFO,
            4 => LevelFilter::DEBUG,
            _ => LevelFilter::TRACE,
        })
    }

    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        if DELIVERING.with(Cell::get) {
            return;
        }
        let Some(Some(queue)) = QUEUE.get() else {
            return;
        };
        let Some(sink) = read_sink() else {
            return;
        };
        let record = LogRecord::from_event(event);
        match queue.try_send((sink, record)) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                DROPPED.fetch_add(1, Ordering::Relaxed);
            }
            // The delivery thread is gone (it only ends with the process): nobody to tell.
            Err(TrySendError::Disconnected(_)) => {}
        }
    }
}
