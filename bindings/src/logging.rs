//! paywire's `tracing` events, handed to a log sink the host app installs (`LogSink` in Kotlin and Swift).
//!
//! Kotlin and Swift have no `tracing`: an app that wants paywire's logs implements `LogSink` (forwarding
//! to SLF4J, `java.util.logging`, swift-log, …) and calls `setLogSink(sink, minLevel)`. That installs, once
//! per process, a `tracing` subscriber whose one layer turns each event of core (targets `paywire` and
//! `paywire::…`) into a [`LogRecord`]: level, target, message, and core's structured fields (`operation`,
//! `provider`, HTTP `status`, `attempt`, `duration_ms`) typed, each `null`/`nil` when the event has none.
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

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, OnceLock, RwLock};
use tracing::field::{Field, Visit};
use tracing::level_filters::LevelFilter;
use tracing::{Event, Level, Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::prelude::*;

/// How severe a log record is, from the most verbose (`Trace`) to the most severe (`Error`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, uniffi::Enum)]
pub enum LogLevel {
    /// Very fine detail (core emits none today).
    Trace,
    /// Every HTTP attempt and its answer, token fetches.
    Debug,
    /// Notable steps: a token refreshed after a 401, a cancel replayed as already applied.
    Info,
    /// Something went wrong and was handled: a retry, a dropped connection, an oversized answer.
    Warn,
    /// A failure paywire could not handle itself.
    Error,
}

impl LogLevel {
    /// 1 (`Error`) to 5 (`Trace`): the verbosity this level lets through; 0 stands for "no sink".
    fn verbosity(self) -> u8 {
        match self {
            LogLevel::Error => 1,
            LogLevel::Warn => 2,
            LogLevel::Info => 3,
            LogLevel::Debug => 4,
            LogLevel::Trace => 5,
        }
    }

    fn of(level: &Level) -> LogLevel {
        match *level {
            Level::ERROR => LogLevel::Error,
            Level::WARN => LogLevel::Warn,
            Level::INFO => LogLevel::Info,
            Level::DEBUG => LogLevel::Debug,
            _ => LogLevel::Trace,
        }
    }
}

/// One log event of paywire, as the sink receives it. Holds no secret.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct LogRecord {
    /// How severe the event is.
    pub level: LogLevel,
    /// Where in paywire it comes from (a Rust module path such as `paywire::transport`).
    pub target: String,
    /// The event's text, without its fields.
    pub message: String,
    /// The operation being performed, as core names it (`get_receipt`, `cancel_payment`), if any.
    pub operation: Option<String>,
    /// `bootpay` or `iamport`, if the event concerns one provider.
    pub provider: Option<String>,
    /// The HTTP status of the answer the event is about, if any.
    pub http_status: Option<i32>,
    /// Which attempt of the call (1 for the first), if the event concerns one HTTP attempt.
    pub attempt: Option<i32>,
    /// How long that attempt took, in milliseconds.
    pub duration_ms: Option<f64>,
    /// The event's other fields (for example `delay`, `timed_out`, `attempts`), as text.
    pub fields: HashMap<String, String>,
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
    set_verbosity(min_level.verbosity());
}

/// Changes the level of the installed sink: records at `min_level` or more severe reach it from the next
/// event on, from every client. Does nothing when no sink is installed.
#[uniffi::export]
pub fn set_log_level(min_level: LogLevel) {
    let sink = read_sink().is_some();
    if sink {
        set_verbosity(min_level.verbosity());
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
                LogRecord {
                    level: LogLevel::Warn,
                    target: "paywire::logging".to_owned(),
                    message: format!(
                        "{dropped} paywire log records were dropped: the log sink is slower than the events"
                    ),
                    operation: None,
                    provider: None,
                    http_status: None,
                    attempt: None,
                    duration_ms: None,
                    fields: HashMap::new(),
                },
            );
        }
    }
}

/// Calls the sink; whatever it throws or panics is swallowed (the record is lost, nothing else).
fn hand_over(sink: &dyn LogSink, record: LogRecord) {
    let _ = catch_unwind(AssertUnwindSafe(|| sink.log(record)));
}

fn ours(target: &str) -> bool {
    target == "paywire" || target.starts_with("paywire::")
}

/// The one layer of the process-wide subscriber: paywire's events at the sink's level go to the queue.
struct SinkLayer;

impl<S: Subscriber> Layer<S> for SinkLayer {
    fn enabled(&self, metadata: &Metadata<'_>, _ctx: Context<'_, S>) -> bool {
        ours(metadata.target())
            && LogLevel::of(metadata.level()).verbosity() <= VERBOSITY.load(Ordering::Relaxed)
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
        let metadata = event.metadata();
        let mut record = LogRecord {
            level: LogLevel::of(metadata.level()),
            target: metadata.target().to_owned(),
            message: String::new(),
            operation: None,
            provider: None,
            http_status: None,
            attempt: None,
            duration_ms: None,
            fields: HashMap::new(),
        };
        event.record(&mut Fields(&mut record));
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

/// Fills a record from an event's fields: the message, the structured fields typed, the rest as text.
struct Fields<'a>(&'a mut LogRecord);

impl Fields<'_> {
    fn other(&mut self, field: &Field, value: String) {
        self.0.fields.insert(field.name().to_owned(), value);
    }

    fn integer(&mut self, field: &Field, value: i128) {
        let slot = match field.name() {
            "status" => &mut self.0.http_status,
            "attempt" => &mut self.0.attempt,
            "duration_ms" => {
                self.0.duration_ms = Some(value as f64);
                return;
            }
            _ => return self.other(field, value.to_string()),
        };
        match i32::try_from(value) {
            Ok(v) => *slot = Some(v),
            Err(_) => self.other(field, value.to_string()),
        }
    }

    fn text(&mut self, field: &Field, value: String) {
        match field.name() {
            "message" => self.0.message = value,
            "operation" => self.0.operation = Some(value),
            "provider" => self.0.provider = Some(value),
            _ => self.other(field, value),
        }
    }
}

impl Visit for Fields<'_> {
    fn record_i64(&mut self, field: &Field, value: i64) {
        self.integer(field, i128::from(value));
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        self.integer(field, i128::from(value));
    }

    fn record_f64(&mut self, field: &Field, value: f64) {
        if field.name() == "duration_ms" {
            self.0.duration_ms = Some(value);
        } else {
            self.other(field, value.to_string());
        }
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        self.other(field, value.to_string());
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.text(field, value.to_owned());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        // `message` arrives as `format_args!`, whose Debug is its Display: the text as written.
        let mut text = String::new();
        let _ = write!(text, "{value:?}");
        self.text(field, text);
    }
}
