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

/// How far the clock may be moved in total: 100 years. Far enough for any expiry or schedule a
/// test needs, and far from the edge of what dates can represent, so no later arithmetic
/// (token lifetimes, reservation times) can overflow.
pub const MAX_CLOCK_OFFSET_SECS: f64 = 100.0 * 365.25 * 86_400.0;

impl Clock {
    /// The sandbox's current time, in Korean time.
    pub fn now(&self) -> Time {
        let real = Utc::now();
        // The offset is bounded by `advance`; the fallback is only a guard against a clock
        // moved there by some future code path.
        real.checked_add_signed(self.offset)
            .unwrap_or(real)
            .with_timezone(&KST)
    }

    /// Moves the clock forward by `seconds` (finite, not negative, and keeping the total
    /// offset within [`MAX_CLOCK_OFFSET_SECS`]); the error says why not. Going back is refused
    /// so expiry never un-happens.
    pub fn advance(&mut self, seconds: f64) -> Result<(), String> {
        let limit = MAX_CLOCK_OFFSET_SECS - self.offset_seconds();
        if !(seconds.is_finite() && (0.0..=limit).contains(&seconds)) {
            return Err(format!(
                "seconds must be a number from 0 to {limit:.0} (the clock moves at most 100 years in total)"
            ));
        }
        // In range: at most ~3.2e12 ms, far inside i64.
        let millis = (seconds * 1000.0).round() as i64;
        self.offset = self
            .offset
            .checked_add(&TimeDelta::milliseconds(millis))
            .ok_or("seconds moves the clock out of range")?;
        Ok(())
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
    fn advance_is_bounded() {
        let mut clock = Clock::default();
        assert!(clock.advance(1e13).is_err());
        assert!(clock.advance(-1.0).is_err());
        assert!(clock.advance(f64::NAN).is_err());
        assert!(clock.advance(f64::INFINITY).is_err());
        assert!(clock.advance(MAX_CLOCK_OFFSET_SECS).is_ok());
        assert!(clock.advance(1.0).is_err());
        let _ = clock.now();
    }

    #[test]
    fn offsetless_dates_are_refused() {
        assert!(parse_time_with_offset("2026-11-23T10:00:00").is_none());
        assert!(parse_time_with_offset("2026-11-23T10:00:00+0900").is_some());
    }
}
