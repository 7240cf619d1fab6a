//! Cash receipts: for a PortOne payment (by `imp_uid`) and for a sale outside PortOne (by `merchant_uid`).

use super::billing::check_amount_positive;
use super::client::Client;
use super::models::CashReceipt;
use super::spec;
use crate::error::{Error, Result};
use crate::path::Path;
use crate::secret::Secret;
use crate::transport::Call;
use crate::validate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A cash receipt for a PortOne payment (`POST receipts/{imp_uid}`); `identifier` is redacted in `Debug`.
///
/// ```
/// use paywire::iamport::IssueCashReceipt;
/// let req = IssueCashReceipt { r#type: Some("person".into()), ..IssueCashReceipt::new("01000000000") };
/// assert!(!format!("{req:?}").contains("01000000000"));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct IssueCashReceipt {
    /// Tax card, phone, resident or business number.
    pub identifier: Secret,
    /// `person`, `business`, `phone` or `taxcard`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub identifier_type: Option<String>,
    /// `person` (income deduction, default) or `company` (expense proof).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub r#type: Option<String>,
    /// Buyer name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub buyer_name: Option<String>,
    /// Buyer e-mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub buyer_email: Option<String>,
    /// Buyer phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub buyer_tel: Option<String>,
    /// Tax-free part.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tax_free: Option<i64>,
    /// Other PG-specific fields (`product_type`, `corp_reg_no`, …).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub other: Map<String, Value>,
}

impl IssueCashReceipt {
    /// A request for `identifier`.
    pub fn new(identifier: impl Into<Secret>) -> Self {
        Self {
            identifier: identifier.into(),
            ..Self::default()
        }
    }
}

/// A cash receipt for a sale outside PortOne (`POST receipts/external/{merchant_uid}`).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct IssueExternalCashReceipt {
    /// Sale name.
    pub name: String,
    /// Amount.
    #[serde(serialize_with = "crate::wire::ser_number")]
    pub amount: f64,
    /// Tax card, phone, resident or business number.
    pub identifier: Secret,
    /// Channel.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub channel_key: Option<String>,
    /// PG (older routing).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pg: Option<String>,
    /// `person`, `business`, `phone` or `taxcard`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub identifier_type: Option<String>,
    /// `person` or `company`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub r#type: Option<String>,
    /// Other fields (`buyer_*`, `tax_free`, `pay_method`, …).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub other: Map<String, Value>,
}

fn check_type(value: Option<&str>) -> Result<()> {
    match value {
        None | Some("person") | Some("company") => Ok(()),
        Some(other) => Err(Error::invalid_input(
            "type",
            format!("must be person or company (got {other:?})"),
        )),
    }
}

impl Client {
    /// The cash receipt of a payment (`GET receipts/{imp_uid}`).
    pub async fn get_cash_receipt(&self, imp_uid: &str) -> Result<CashReceipt> {
        let path = Path::with_id("receipts", "imp_uid", imp_uid)?;
        self.send(Call::op(&spec::get_cash_receipt, path)).await
    }

    /// Issues a cash receipt for a paid cash-like payment (`POST receipts/{imp_uid}`).
    pub async fn issue_cash_receipt(
        &self,
        imp_uid: &str,
        request: IssueCashReceipt,
    ) -> Result<CashReceipt> {
        let path = Path::with_id("receipts", "imp_uid", imp_uid)?;
        validate::required("identifier", request.identifier.expose())?;
        check_type(request.r#type.as_deref())?;
        let call = Call::op(&spec::issue_cash_receipt, path)
            .body(validate::body(&request)?)
            .hint(format!("look it up with get_cash_receipt(\"{imp_uid}\")"));
        self.send(call).await
    }

    /// Revokes the cash receipt of a payment (`DELETE receipts/{imp_uid}`).
    pub async fn revoke_cash_receipt(&self, imp_uid: &str) -> Result<CashReceipt> {
        let path = Path::with_id("receipts", "imp_uid", imp_uid)?;
        let call = Call::op(&spec::revoke_cash_receipt, path)
            .hint(format!("look it up with get_cash_receipt(\"{imp_uid}\")"));
        self.send(call).await
    }

    /// The cash receipt of an external sale (`GET receipts/external/{merchant_uid}`).
    pub async fn get_external_cash_receipt(&self, merchant_uid: &str) -> Result<CashReceipt> {
        let path = Path::with_id("receipts/external", "merchant_uid", merchant_uid)?;
        self.send(Call::op(&spec::get_external_cash_receipt, path))
            .await
    }

    /// Issues a cash receipt for an external sale (`POST receipts/external/{merchant_uid}`).
    pub async fn issue_external_cash_receipt(
        &self,
        merchant_uid: &str,
        request: IssueExternalCashReceipt,
    ) -> Result<CashReceipt> {
        let path = Path::with_id("receipts/external", "merchant_uid", merchant_uid)?;
        validate::required("name", &request.name)?;
        validate::required("identifier", request.identifier.expose())?;
        check_amount_positive("amount", request.amount)?;
        check_type(request.r#type.as_deref())?;
        let call = Call::op(&spec::issue_external_cash_receipt, path)
            .body(validate::body(&request)?)
            .hint(format!(
                "look it up with get_external_cash_receipt(\"{merchant_uid}\")"
            ));
        self.send(call).await
    }

    /// Revokes the cash receipt of an external sale (`DELETE receipts/external/{merchant_uid}`).
    pub async fn revoke_external_cash_receipt(&self, merchant_uid: &str) -> Result<CashReceipt> {
        let path = Path::with_id("receipts/external", "merchant_uid", merchant_uid)?;
        let call = Call::op(&spec::revoke_external_cash_receipt, path).hint(format!(
            "look it up with get_external_cash_receipt(\"{merchant_uid}\")"
        ));
        self.send(call).await
    }
}

crate::display_redacted!(IssueCashReceipt, IssueExternalCashReceipt);
