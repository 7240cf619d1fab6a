//! Which calls may be repeated, and how long to wait between attempts.
//!
//! A payment, a subscribe charge, a confirm or a billing-key issue is never repeated once its request may
//! have reached the provider: repeating it could charge twice. Look-ups and the token call are repeated on
//! broken connections, 5xx and 429; a cancel is repeated only because it always carries a `cancel_id` the
//! provider de-duplicates.

use rand::Rng;
use std::time::Duration;

/// How a call may be retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RetryClass {
    /// Safe to repeat: GET look-ups, the token call.
    Idempotent,
    /// Repeatable because the provider de-duplicates it by a key the call carries (Bootpay `cancel_id`).
    Deduplicated,
    /// Moves money or issues something: never repeated after the request may have left.
    Never,
}

impl RetryClass {
    pub fn retries_answers(self) -> bool {
        !matches!(self, Self::Never)
    }

    pub fn retries_broken_connections(self) -> bool {
        !matches!(self, Self::Never)
    }
}

/// Bounded, jittered exponential backoff for calls that are safe to repeat.
///
/// ```
/// use paywire::RetryPolicy;
/// use std::time::Duration;
/// let policy = RetryPolicy { max_retries: 3, ..RetryPolicy::default() };
/// assert_eq!(policy.max_retries, 3);
/// assert_eq!(RetryPolicy::none().max_retries, 0);
/// assert!(RetryPolicy::default().max_delay <= Duration::from_secs(5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 = never retry).
    pub max_retries: u32,
    /// The first backoff; doubled for each further attempt, with full jitter.
    pub base_delay: Duration,
    /// The longest backoff between two attempts.
    pub max_delay: Duration,
    /// The longest `Retry-After` honoured; a longer one ends the retries and returns the error.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 2,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(2),
            max_retry_after: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        Self {
            max_retries: 0,
            ..Self::default()
        }
    }

    /// Checks the policy: at most 10 retries, delays of at most an hour (a longer wait is a mistake).
    pub(crate) fn validate(&self) -> crate::Result<()> {
        const HOUR: Duration = Duration::from_secs(3600);
        if self.max_retries > 10 {
            return Err(crate::Error::invalid_input(
                "retry.max_retries",
                format!("must be at most 10 (got {})", self.max_retries),
            ));
        }
        for (field, value) in [
            ("retry.base_delay", self.base_delay),
            ("retry.max_delay", self.max_delay),
            ("retry.max_retry_after", self.max_retry_after),
        ] {
            if value > HOUR {
                return Err(crate::Error::invalid_input(
                    field,
                    format!("must be at most 3600 s (got {} s)", value.as_secs_f64()),
                ));
            }
        }
        Ok(())
    }

    /// The wait before attempt `attempt + 1`, or `None` when the server asks for longer than we accept.
    pub(crate) fn delay(&self, attempt: u32, retry_after: Option<Duration>) -> Option<Duration> {
        if let Some(asked) = retry_after {
            return (asked <= self.max_retry_after).then_some(asked);
        }
        let exp = self
            .base_delay
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(16));
        let cap = exp.min(self.max_delay);
        let millis = u64::try_from(cap.as_millis()).unwrap_or(u64::MAX);
        let jittered = rand::rng().random_range(millis / 2..=millis.max(1));
        Some(Duration::from_millis(jittered))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_is_bounded_and_honours_retry_after() {
        let policy = RetryPolicy::default();
        for attempt in 1..10 {
            let d = policy.delay(attempt, None).unwrap_or_default();
            assert!(d <= policy.max_delay, "attempt {attempt}: {d:?}");
        }
        assert_eq!(
            policy.delay(1, Some(Duration::from_secs(1))),
            Some(Duration::from_secs(1))
        );
        assert_eq!(policy.delay(1, Some(Duration::from_secs(31))), None);
    }

    #[test]
    fn never_class_repeats_nothing() {
        assert!(!RetryClass::Never.retries_answers());
        assert!(!RetryClass::Never.retries_broken_connections());
        assert!(RetryClass::Deduplicated.retries_broken_connections());
    }
}
