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

/// Bounded, jittered exponential backoff for calls that are safe to repeat. Kotlin and Swift get it as a
/// record (`RetryPolicy(maxRetries = 3, …)`, start from `defaultRetryPolicy()`); its count is signed so
/// Java can set it (Kotlin's unsigned types are not callable from Java).
///
/// ```
/// use paywire::RetryPolicy;
/// use std::time::Duration;
/// let policy = RetryPolicy { max_retries: 3, ..RetryPolicy::default() };
/// assert_eq!(policy.max_retries, 3);
/// assert_eq!(RetryPolicy::none().max_retries, 0);
/// assert!(RetryPolicy::default().max_delay <= Duration::from_secs(5));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 = never retry, at most 10).
    #[cfg_attr(feature = "uniffi", uniffi(default = 2))]
    pub max_retries: i32,
    /// The first backoff (default 100 ms); doubled for each further attempt, with full jitter.
    #[serde(serialize_with = "second")]
    pub base_delay: Duration,
    /// The longest backoff between two attempts (default 2 s).
    #[serde(serialize_with = "second")]
    pub max_delay: Duration,
    /// The longest `Retry-After` honoured (default 30 s); a longer one ends the retries and returns the
    /// error.
    #[serde(serialize_with = "second")]
    pub max_retry_after: Duration,
}
crate::display_redacted!(RetryPolicy);

/// How a duration prints in a record's dump: seconds, as a number.
fn second<S: serde::Serializer>(value: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(value.as_secs_f64())
}

/// [`second`] of an optional duration.
pub(crate) fn seconds<S: serde::Serializer>(
    value: &Option<Duration>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(d) => second(d, s),
        None => s.serialize_none(),
    }
}

/// The policy a client uses when none is given (2 retries, 100 ms first backoff, at most 2 s between
/// attempts, `Retry-After` honoured up to 30 s): a starting point to change one knob of, e.g. Kotlin
/// `defaultRetryPolicy().copy(maxRetries = 5)`.
///
/// ```
/// assert_eq!(paywire::default_retry_policy(), paywire::RetryPolicy::default());
/// ```
#[cfg_attr(feature = "uniffi", uniffi::export)]
pub fn default_retry_policy() -> RetryPolicy {
    RetryPolicy::default()
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
        if !(0..=10).contains(&self.max_retries) {
            return Err(crate::Error::invalid_input(
                "retry.max_retries",
                format!("must be between 0 and 10 (got {})", self.max_retries),
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
