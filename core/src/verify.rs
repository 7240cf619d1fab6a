//! Pieces of the forgery check shared by every provider: amounts compare exactly, and the check's verdict
//! is a typed [`VerificationFailure`], never a boolean the caller can forget to look at.

use crate::error::{Error, Result, VerificationFailure};

/// Refuses a payment whose paid amount is not exactly the expected one.
///
/// ```
/// assert!(paywire::verify::check_amount("r1", 1000, 1000).is_ok());
/// assert!(paywire::verify::check_amount("r1", 1000, 100).is_err());
/// ```
pub fn check_amount(payment_id: &str, expected: i64, actual: i64) -> Result<()> {
    if expected == actual {
        Ok(())
    } else {
        Err(Error::Verification {
            payment_id: payment_id.to_owned(),
            failure: VerificationFailure::AmountMismatch { expected, actual },
        })
    }
}

/// [`check_amount`] for JSON-number amounts that may be fractional: equal to the last digit or refused.
///
/// ```
/// assert!(paywire::verify::check_number_amount("imp_1", 10.5, 10.5).is_ok());
/// assert!(paywire::verify::check_number_amount("imp_1", 1000.0, 100.0).is_err());
/// ```
pub fn check_number_amount(payment_id: &str, expected: f64, actual: f64) -> Result<()> {
    if expected == actual {
        return Ok(());
    }
    let whole = |v: f64| v.fract() == 0.0 && v.abs() < 9.0e15;
    let failure = if whole(expected) && whole(actual) {
        VerificationFailure::AmountMismatch {
            expected: expected as i64,
            actual: actual as i64,
        }
    } else {
        VerificationFailure::FractionalAmountMismatch { expected, actual }
    };
    Err(Error::Verification {
        payment_id: payment_id.to_owned(),
        failure,
    })
}

/// Refuses a payment that is not in one of the accepted states.
pub(crate) fn check_status(
    payment_id: &str,
    accepted: &str,
    actual: String,
    ok: bool,
) -> Result<()> {
    if ok {
        Ok(())
    } else {
        Err(Error::Verification {
            payment_id: payment_id.to_owned(),
            failure: VerificationFailure::StatusMismatch {
                expected: accepted.to_owned(),
                actual,
            },
        })
    }
}

/// Boxes whatever error a merchant's own step returned.
pub(crate) fn merchant_error<E>(payment_id: &str, error: E) -> Error
where
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    Error::MerchantStep {
        payment_id: payment_id.to_owned(),
        source: error.into(),
    }
}
