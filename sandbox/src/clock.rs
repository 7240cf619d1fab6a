//! The sandbox clock: real time shifted by an offset that only ever grows.
//!
//! Tests need token expiry and scheduled reservations without sleeping, so the admin API
//! can move this clock forward; everything time-dependent reads it instead of the system clock.

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};

/// Bootpay answers in Korean time; every date the sandbox renders carries `+09:00`.
pub const KST: FixedOffset = match FixedOffset::east_opt(9 * 3600) {
    Some(offset) => offset,
    None => panic!("+09:00 is a valid offset"),
};

/// A timestamp as the sandbox stores it.
pub type Time = DateTime<FixedOffset>;

/// Real time plus an offset set by `POST /__admin/clock/advance`.
#[derive(Debug, Default, Clone)]
pub struct Clock {
    offset: TimeDelta,
}

impl Clock {
    /// The sandbox's current time, in Korean time.
    pub fn now(&self) -> Time {
        (Utc::now() + self.offset).with_timezone(&KST)
    }

    /// Moves the clock forward; negative amounts are ignored so expiry never un-happens.
    pub fn advance(&mut self, seconds: f64) {
        if seconds.is_finite() && seconds > 0.0 {
            let millis = (seconds * 1000.0).round() as i64;
            self.offset += TimeDelta::milliseconds(millis);
        }
    }

    /// How far the clock has been moved, in seconds.
    pub fn offset_seconds(&self) -> f64 {
        self.offset.num_milliseconds() as f64 / 1000.0
    }
}

/// Renders a time the way Bootpay does: `2026-11-23T10:00:00+09:00`.
pub fn format_time(time: &Time) -> String {
    time.with_timezone(&KST)
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// Parses a client-sent date that must carry an offset: RFC 3339 (`Z` or `+09:00`), or the
/// `+0900` form the Python SDK produces with `%z`.
pub fn parse_time_with_offset(text: &str) -> Option<Time> {
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%z"))
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .ok()
        .map(|t| t.with_timezone(&KST))
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_kst_offset() {
        let t = parse_time_with_offset("2026-11-23T01:00:00Z").expect("valid");
        assert_eq!(format_time(&t), "2026-11-23T10:00:00+09:00");
    }

    #[test]
    fn offsetless_dates_are_refused() {
        assert!(parse_time_with_offset("2026-11-23T10:00:00").is_none());
        assert!(parse_time_with_offset("2026-11-23T10:00:00+0900").is_some());
    }
}
