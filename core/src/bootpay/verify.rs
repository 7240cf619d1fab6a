//! Bootpay's forgery check and the seed-001 server confirm as one call: verify (status 2, exact price),
//! run the merchant's own step, and only then confirm.

use super::client::Client;
use super::enums::ReceiptStatus;
use super::models::Receipt;
use crate::error::{Error, Result, VerificationFailure};
use crate::verify::{check_amount, check_status, merchant_error};
use std::future::Future;

/// What [`Client::confirm_verified`] returns: the confirmed receipt and the merchant step's own result.
#[derive(Debug, Clone)]
pub struct Confirmed<T> {
    /// The receipt after confirmation (status 1).
    pub receipt: Receipt,
    /// What the merchant's step returned.
    pub output: T,
}

fn check_currency(receipt: &Receipt) -> Result<()> {
    match receipt.currency.as_deref() {
        None | Some("KRW") | Some("WON") | Some("krw") => Ok(()),
        Some(other) => Err(Error::Verification {
            payment_id: receipt.receipt_id.clone(),
            failure: VerificationFailure::CurrencyMismatch {
                expected: "KRW".to_owned(),
                actual: other.to_owned(),
            },
        }),
    }
}

impl Client {
    /// The forgery check: fetches the receipt and accepts it only if it is paid (status 1), in KRW, for
    /// exactly `expected_price`. Never trust an amount or status that came from the browser.
    ///
    /// ```no_run
    /// # async fn run(client: paywire::bootpay::Client) -> paywire::Result<()> {
    /// match client.verify_payment("6100e8e7019943003850f9b0", 30000).await {
    ///     Ok(receipt) => println!("paid: {}", receipt.receipt_id),
    ///     Err(paywire::Error::Verification { failure, .. }) => eprintln!("refused: {failure}"),
    ///     Err(other) => return Err(other),
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn verify_payment(&self, receipt_id: &str, expected_price: i64) -> Result<Receipt> {
        self.fetch_checked(receipt_id, expected_price, ReceiptStatus::Paid)
            .await
    }

    /// Verify, run your step, confirm — the single-transaction server confirm (seed 001).
    ///
    /// 1. The receipt must await confirmation (status 2) and be for exactly `expected_price`.
    /// 2. `step` runs with the verified receipt (reserve stock, mark the order, … inside your DB transaction).
    /// 3. Only if `step` succeeded is the payment confirmed.
    ///
    /// If `step` fails, nothing is confirmed and [`Error::MerchantStep`] carries your error. If the confirm
    /// itself fails after `step` succeeded, the error is returned and your transaction should roll back.
    ///
    /// ```no_run
    /// # async fn run(client: paywire::bootpay::Client) -> paywire::Result<()> {
    /// let confirmed = client
    ///     .confirm_verified("6100e8e7019943003850f9b0", 30000, |receipt| async move {
    ///         // reserve stock in your own transaction here
    ///         Ok::<_, std::io::Error>(receipt.order_id.clone())
    ///     })
    ///     .await?;
    /// assert_eq!(confirmed.receipt.status, paywire::bootpay::ReceiptStatus::Paid);
    /// # Ok(()) }
    /// ```
    pub async fn confirm_verified<F, Fut, T, E>(
        &self,
        receipt_id: &str,
        expected_price: i64,
        step: F,
    ) -> Result<Confirmed<T>>
    where
        F: FnOnce(Receipt) -> Fut,
        Fut: Future<Output = std::result::Result<T, E>>,
        E: Into<Box<dyn std::error::Error + Send + Sync>>,
    {
        let receipt = self
            .verify_awaiting_confirm(receipt_id, expected_price)
            .await?;
        let output = step(receipt)
            .await
            .map_err(|e| merchant_error(receipt_id, e))?;
        let confirmed = self.confirm_checked(receipt_id, expected_price).await?;
        Ok(Confirmed {
            receipt: confirmed,
            output,
        })
    }

    /// Step 1 of [`Client::confirm_verified`] for callers that run their own step in between (bindings):
    /// the receipt must await confirmation (status 2), in KRW, for exactly `expected_price`.
    pub async fn verify_awaiting_confirm(
        &self,
        receipt_id: &str,
        expected_price: i64,
    ) -> Result<Receipt> {
        self.fetch_checked(receipt_id, expected_price, ReceiptStatus::AwaitingConfirm)
            .await
    }

    /// Step 3 of [`Client::confirm_verified`]: confirms, then checks the confirmed price again (Bootpay
    /// recommends comparing the confirm answer with the order too).
    pub async fn confirm_checked(&self, receipt_id: &str, expected_price: i64) -> Result<Receipt> {
        crate::validate::non_negative("expected_price", expected_price)?;
        let confirmed = self.confirm_payment(receipt_id).await?;
        check_amount(receipt_id, expected_price, confirmed.price)?;
        Ok(confirmed)
    }

    /// Fetches the receipt and accepts it only in `status`, in KRW, for exactly `expected_price`.
    async fn fetch_checked(
        &self,
        receipt_id: &str,
        expected_price: i64,
        status: ReceiptStatus,
    ) -> Result<Receipt> {
        crate::validate::non_negative("expected_price", expected_price)?;
        let receipt = self.get_receipt(receipt_id, false).await?;
        check_amount(receipt_id, expected_price, receipt.price)?;
        check_currency(&receipt)?;
        check_status(
            receipt_id,
            &status.to_string(),
            receipt.status.to_string(),
            receipt.status == status,
        )?;
        Ok(receipt)
    }
}
