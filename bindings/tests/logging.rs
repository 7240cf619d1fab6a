//! The log sink from Rust (`LogSink` is a plain trait there): records reach it at its level, in order,
//! with core's structured fields typed; a sink that panics loses its records and breaks nothing.

use paywire_ffi::{
    clear_log_sink, set_log_level, set_log_sink, LogLevel, LogRecord, LogSink, LogSinkError,
};
use std::sync::Arc;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tracing::Level;

struct Collect(Arc<Mutex<Vec<LogRecord>>>);

impl LogSink for Collect {
    fn log(&self, record: LogRecord) -> Result<(), LogSinkError> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(record);
        Ok(())
    }
}

struct Throw;

impl LogSink for Throw {
    fn log(&self, _record: LogRecord) -> Result<(), LogSinkError> {
        panic!("a sink that panics")
    }
}

fn wait_for(records: &Mutex<Vec<LogRecord>>, message: &str) -> Option<LogRecord> {
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        let found = records
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .find(|r| r.message == message)
            .cloned();
        if found.is_some() {
            return found;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    None
}

// One test: the sink and the level are process-wide, so parallel tests would see each other.
#[test]
fn records_reach_the_sink_at_its_level_and_a_failing_sink_breaks_nothing() {
    let records = Arc::new(Mutex::new(Vec::new()));
    set_log_sink(Box::new(Collect(records.clone())), LogLevel::Debug);
    tracing::debug!(
        target: "paywire::transport",
        provider = "bootpay",
        operation = "get_receipt",
        status = 200u16,
        attempt = 1u32,
        duration_ms = 1.5,
        timed_out = false,
        "answered"
    );
    tracing::debug!(target: "paywire_sandbox", "not paywire's");
    let Some(record) = wait_for(&records, "answered") else {
        panic!("no record arrived")
    };
    assert_eq!(record.level, LogLevel::Debug);
    assert_eq!(record.target, "paywire::transport");
    assert_eq!(record.provider.as_deref(), Some("bootpay"));
    assert_eq!(record.operation.as_deref(), Some("get_receipt"));
    assert_eq!(record.http_status, Some(200));
    assert_eq!(record.attempt, Some(1));
    assert_eq!(record.duration_ms, Some(1.5));
    assert_eq!(
        record.fields.get("timed_out").map(String::as_str),
        Some("false")
    );

    set_log_level(LogLevel::Warn);
    tracing::debug!(target: "paywire::transport", "filtered");
    tracing::warn!(target: "paywire::transport", "kept {}", 2);
    assert!(wait_for(&records, "kept 2").is_some());
    // Delivery is in order: had "filtered" been queued, it would have arrived before "kept 2".
    let all = records.lock().unwrap_or_else(|e| e.into_inner()).clone();
    assert!(all.iter().all(|r| r.message != "filtered"), "{all:?}");
    assert!(all.iter().all(|r| r.target != "paywire_sandbox"), "{all:?}");

    set_log_sink(Box::new(Throw), LogLevel::Debug);
    tracing::warn!(target: "paywire", "to a sink that panics");
    set_log_sink(Box::new(Collect(records.clone())), LogLevel::Debug);
    tracing::info!(target: "paywire", "after the panic");
    assert!(wait_for(&records, "after the panic").is_some());

    clear_log_sink();
    assert!(!tracing::enabled!(target: "paywire", Level::ERROR));
}
