//! Cash receipts: on an existing Bootpay payment, and standalone; and their cancels.

use super::client::Client;
use super::models::{Metadata, Receipt, User};
use super::spec;
use crate::error::Result;
use crate::path::{validate_id, Path};
use crate::secret::Secret;
use crate::transport::Call;
use crate::validate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

const CASH_RECEIPT_TYPES: [&str; 2] = ["소득공제", "지출증빙"];

fn check_type(value: &str) -> Result<()> {
    if CASH_RECEIPT_TYPES.contains(&value) {
        Ok(())
    } else {
        Err(crate::Error::invalid_input(
            "cash_receipt_type",
            format!("must be 소득공제 or 지출증빙 (got {value:?})"),
        ))
    }
}

/// A cash receipt on an existing payment (`POST request/receipt/cash/publish`).
///
/// ```
/// use paywire::bootpay::PublishCashReceipt;
/// let req = PublishCashReceipt::new("r1", "01000000000", "소득공제");
/// assert!(!format!("{req:?}").contains("01000000000"));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct PublishCashReceipt {
    /// The payment.
    pub receipt_id: String,
    /// Resident, business or phone number.
    pub identity_no: Secret,
    /// `소득공제` or `지출증빙`.
    pub cash_receipt_type: String,
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub username: Option<String>,
    /// E-mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub email: Option<String>,
    /// Phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phone: Option<String>,
    /// Currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub currency: Option<String>,
}

impl PublishCashReceipt {
    /// A request with its required fields.
    pub fn new(
        receipt_id: impl Into<String>,
        identity_no: impl Into<Secret>,
        cash_receipt_type: impl Into<String>,
    ) -> Self {
        Self {
            receipt_id: receipt_id.into(),
            identity_no: identity_no.into(),
            cash_receipt_type: cash_receipt_type.into(),
            ..Self::default()
        }
    }
}

/// A standalone cash receipt (`POST request/cash/receipt`).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct RequestCashReceipt {
    /// The merchant's order id.
    pub order_id: String,
    /// Order name.
    pub order_name: String,
    /// Resident, business or phone number.
    pub identity_no: Secret,
    /// `소득공제` or `지출증빙`.
    pub cash_receipt_type: String,
    /// Amount.
    pub price: i64,
    /// PG (unset: the project's default).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pg: Option<String>,
    /// When it was bought: ISO 8601 with an offset (`+09:00`, `+0900` or `Z`); sent as `2026-08-31T14:50:00+0900`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub purchased_at: Option<String>,
    /// Tax-free part.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tax_free: Option<i64>,
    /// The buyer.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub user: Option<User>,
    /// Metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub metadata: Option<Metadata>,
    /// Options.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Option<Map<String, Value>>,
}

/// Who cancels a cash receipt and why (sent as query parameters).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct CancelCashReceipt {
    /// Who.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancel_username: Option<String>,
    /// Why.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub cancel_message: Option<String>,
}

impl CancelCashReceipt {
    fn apply(&self, mut call: Call) -> Result<Call> {
        validate::not_blank("cancel_username", self.cancel_username.as_deref())?;
        validate::not_blank("cancel_message", self.cancel_message.as_deref())?;
        if let Some(who) = &self.cancel_username {
            call = call.query("cancel_username", who.clone());
        }
        if let Some(why) = &self.cancel_message {
            call = call.query("cancel_message", why.clone());
        }
        Ok(call)
    }
}

impl Client {
    /// Issues a cash receipt for an existing payment (`POST request/receipt/cash/publish`).
    pub async fn publish_cash_receipt_on_receipt(
        &self,
        request: PublishCashReceipt,
    ) -> Result<Receipt> {
        validate_id("receipt_id", &request.receipt_id)?;
        validate::required("identity_no", request.identity_no.expose())?;
        check_type(&request.cash_receipt_type)?;
        let call = Call::fixed(&spec::publish_cash_receipt_on_receipt)
            .body(validate::body(&request)?)
            .hint(format!(
                "look the receipt's cash_receipt_data up with get_receipt(\"{}\")",
                request.receipt_id
            ));
        self.send(call).await
    }

    /// Cancels the cash receipt of a payment (`DELETE request/receipt/cash/cancel/{receipt_id}`).
    pub async fn cancel_cash_receipt_on_receipt(
        &self,
        receipt_id: &str,
        request: CancelCashReceipt,
    ) -> Result<Receipt> {
        let path = Path::with_id("request/receipt/cash/cancel", "receipt_id", receipt_id)?;
        let call = request.apply(Call::op(&spec::cancel_cash_receipt_on_receipt, path).hint(
            format!("look the receipt up with get_receipt(\"{receipt_id}\")"),
        ))?;
        self.send(call).await
    }

    /// Issues a standalone cash receipt (`POST request/cash/receipt`).
    pub async fn request_cash_receipt(&self, request: RequestCashReceipt) -> Result<Receipt> {
        let mut request = request;
        validate::required("order_id", &request.order_id)?;
        validate::required("order_name", &request.order_name)?;
        validate::required("identity_no", request.identity_no.expose())?;
        check_type(&request.cash_receipt_type)?;
        validate::positive("price", request.price)?;
        validate::opt_non_negative("tax_free", request.tax_free)?;
        validate::not_blank("pg", request.pg.as_deref())?;
        if let Some(at) = &request.purchased_at {
            // Any offset form is accepted; the wire gets the one the spec shows.
            let at = validate::datetime_with_offset("purchased_at", at)?;
            request.purchased_at = Some(validate::bootpay_datetime(&at));
        }
        let call = Call::fixed(&spec::request_cash_receipt)
            .body(validate::body(&request)?)
            .hint(format!(
                "look the order up with get_receipts_by_order_id(\"{}\")",
                request.order_id
            ));
        self.send(call).await
    }

    /// Cancels a standalone cash receipt (`DELETE request/cash/receipt/{receipt_id}`).
    pub async fn cancel_cash_receipt(
        &self,
        receipt_id: &str,
        request: CancelCashReceipt,
    ) -> Result<Receipt> {
        let path = Path::with_id("request/cash/receipt", "receipt_id", receipt_id)?;
        let call = request.apply(Call::op(&spec::cancel_cash_receipt, path).hint(format!(
            "look the receipt up with get_receipt(\"{receipt_id}\")"
        )))?;
        self.send(call).await
    }
}

crate::display_redacted!(PublishCashReceipt, RequestCashReceipt, CancelCashReceipt);
