//! The seed-003 server flow: the forgery check of an iamport payment.

use super::client::Client;
use super::enums::PaymentStatus;
use super::models::Payment;
use crate::error::{Error, Result, VerificationFailure};
use crate::verify::check_number_amount;

/// What a verified payment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum VerifiedState {
    /// Paid: fulfil the order (idempotently).
    Paid,
    /// A virtual account was issued and awaits the deposit: show the account, wait for the `paid` webhook.
    VirtualAccountIssued,
}

/// A payment that passed [`Client::verify_payment`].
#[derive(Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct VerifiedPayment {
    /// The payment as iamport reports it.
    pub payment: Payment,
    /// Paid, or a virtual account awaiting the deposit.
    pub state: VerifiedState,
}

impl Client {
    /// The forgery check: re-fetches the payment and accepts it only when its amount is exactly
    /// `expected_amount` and it is `paid`, or `ready` as a really issued virtual account (pay method
    /// `vbank` with an account number). Anything else is [`Error::Verification`]; on an amount mismatch,
    /// cancel the payment (it was tampered with).
    ///
    /// ```no_run
    /// # async fn run(client: paywire::iamport::Client) -> paywire::Result<()> {
    /// use paywire::iamport::VerifiedState;
    /// let verified = client.verify_payment("imp_123456789012", 30000.0).await?;
    /// match verified.state {
    ///     VerifiedState::Paid => println!("fulfil order {}", verified.payment.merchant_uid),
    ///     VerifiedState::VirtualAccountIssued => println!("pay into {:?}", verified.payment.vbank_num),
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn verify_payment(
        &self,
        imp_uid: &str,
        expected_amount: f64,
    ) -> Result<VerifiedPayment> {
        if !expected_amount.is_finite() || expected_amount < 0.0 {
            return Err(Error::invalid_input(
                "expected_amount",
                "must be a non-negative number",
            ));
        }
        let payment = self.get_payment(imp_uid, true).await?;
        check_number_amount(imp_uid, expected_amount, payment.amount)?;
        let state = match &payment.status {
            PaymentStatus::Paid => VerifiedState::Paid,
            PaymentStatus::Ready
                if payment.pay_method.as_deref() == Some("vbank")
                    && payment.vbank_num.as_deref().is_some_and(|n| !n.is_empty()) =>
            {
                VerifiedState::VirtualAccountIssued
            }
            other => {
                let actual = match (other, payment.pay_method.as_deref()) {
                    (PaymentStatus::Ready, method) => format!(
                        "ready ({}, no issued virtual account)",
                        method.unwrap_or("unknown method")
                    ),
                    (status, _) => status.to_string(),
                };
                return Err(Error::Verification {
                    payment_id: imp_uid.to_owned(),
                    failure: VerificationFailure::StatusMismatch {
                        expected: "paid, or ready with an issued virtual account".to_owned(),
                        actual,
                    },
                });
            }
        };
        Ok(VerifiedPayment { payment, state })
    }
}

crate::display_redacted!(VerifiedPayment);
