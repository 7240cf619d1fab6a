//! paywire's `tracing` events as plain records, for the bindings that deliver them to another language's
//! logging (Python's `logging`, a Kotlin/Swift `LogSink`).
//!
//! Core logs with `tracing`; every event about an HTTP attempt carries the same structured fields:
//! `operation`, `provider`, `status` (HTTP), `attempt` (1 for the first) and `duration_ms` (of the
//! attempt). [`LogRecord::from_event`] reads an event once into a [`LogRecord`]: level, target, message,
//! those fields typed, and any other field as text. A binding only filters ([`is_paywire_target`]) and
//! delivers. Core logs no secret, and a record holds only what its event held.
//!
//! With the `uniffi` feature the record and its level cross the FFI as they are (`LogRecord`, `LogLevel`).

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use tracing::field::{Field, Visit};

/// Whether events of `target` are paywire's own (`paywire`, `paywire::…`): the ones bindings forward.
pub fn is_paywire_target(target: &str) -> bool {
    target == "paywire" || target.starts_with("paywire::")
}

/// How severe a log record is, from the most verbose (`Trace`) to the most severe (`Error`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
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
    /// The level of a `tracing` event.
    pub fn of(level: &tracing::Level) -> Self {
        match *level {
            tracing::Level::ERROR => Self::Error,
            tracing::Level::WARN => Self::Warn,
            tracing::Level::INFO => Self::Info,
            tracing::Level::DEBUG => Self::Debug,
            _ => Self::Trace,
        }
    }
}

/// One log event of paywire, read from a `tracing` event. Holds no secret.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
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
    /// The HTTP status of the answer the event is about, if any (the event's `status` field).
    pub http_status: Option<i32>,
    /// Which attempt of the call (1 for the first), if the event concerns one HTTP attempt.
    pub attempt: Option<i32>,
    /// How long that attempt took, in milliseconds.
    pub duration_ms: Option<f64>,
    /// The event's other fields (for example `delay`, `timed_out`), as text.
    pub fields: HashMap<String, String>,
}

impl LogRecord {
    /// A record with no fields (for what a binding itself reports, such as dropped records).
    pub fn new(level: LogLevel, target: &str, message: String) -> Self {
        Self {
            level,
            target: target.to_owned(),
            message,
            operation: None,
            provider: None,
            http_status: None,
            attempt: None,
            duration_ms: None,
            fields: HashMap::new(),
        }
    }

    /// Reads an event: its level, target, message, the structured fields typed, the rest as text.
    pub fn from_event(event: &tracing::Event<'_>) -> Self {
        let metadata = event.metadata();
        let mut record = Self::new(
            LogLevel::of(metadata.level()),
            metadata.target(),
            String::new(),
        );
        event.record(&mut Fields(&mut record));
        record
    }
}

/// The message followed by the fields that are set, for text-only logs:
/// `answered (operation=get_receipt, provider=bootpay, status=200, attempt=1, duration_ms=3.2)`.
impl fmt::Display for LogRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut shown = String::new();
        let mut add = |name: &str, value: &dyn fmt::Display| {
            let comma = if shown.is_empty() { "" } else { ", " };
            let _ = write!(shown, "{comma}{name}={value}");
        };
        let text = |v: &Option<String>| v.clone();
        for (name, value) in [
            ("operation", text(&self.operation)),
            ("provider", text(&self.provider)),
            ("status", self.http_status.map(|v| v.to_string())),
            ("attempt", self.attempt.map(|v| v.to_string())),
            ("duration_ms", self.duration_ms.map(|v| format!("{v:.1}"))),
        ] {
            if let Some(value) = value {
                add(name, &value);
            }
        }
        let mut others: Vec<_> = self.fields.iter().collect();
        others.sort();
        for (name, value) in others {
            add(name, value);
        }
        if shown.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{} ({shown})", self.message)
        }
    }
}

/// Fills a record from an event's fields.
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
        match field.name() {
            "duration_ms" => self.0.duration_ms = Some(value),
            _ => self.other(field, value.to_string()),
        }
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        self.other(field, value.to_string());
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.text(field, value.to_owned());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        // `message` arrives as `format_args!`, whose Debug is its Display: the text as written.
        self.text(field, format!("{value:?}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

    struct Keep(Arc<Mutex<Vec<LogRecord>>>);

    impl<S: tracing::Subscriber> Layer<S> for Keep {
        fn on_event(&self, event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
            if let Ok(mut kept) = self.0.lock() {
                kept.push(LogRecord::from_event(event));
            }
        }
    }

    #[test]
    fn an_event_becomes_a_typed_record_and_a_line() {
        let kept = Arc::new(Mutex::new(Vec::new()));
        let subscriber = tracing_subscriber::registry().with(Keep(kept.clone()));
        tracing::subscriber::with_default(subscriber, || {
            tracing::warn!(
                provider = "bootpay",
                operation = "get_receipt",
                status = 503u16,
                attempt = 1u32,
                duration_ms = 2.5,
                timed_out = false,
                "retrying"
            );
        });
        let kept = kept.lock().map(|k| k.clone()).unwrap_or_default();
        let [record] = kept.as_slice() else {
            panic!("one record expected, got {kept:?}");
        };
        assert_eq!(record.level, LogLevel::Warn);
        assert!(is_paywire_target(&record.target), "{}", record.target);
        assert_eq!(
            (record.http_status, record.attempt, record.duration_ms),
            (Some(503), Some(1), Some(2.5))
        );
        assert_eq!(record.operation.as_deref(), Some("get_receipt"));
        assert_eq!(
            record.to_string(),
            "retrying (operation=get_receipt, provider=bootpay, status=503, attempt=1, duration_ms=2.5, timed_out=false)"
        );
        assert!(!is_paywire_target("paywire_sandbox::access"));
    }
}
