//! Virtual accounts issued by API: issue, change, revoke, and the account-holder look-up.

use super::billing::check_amount_positive;
use super::client::Client;
use super::models::{Payment, VbankHolder};
use super::spec;
use crate::error::{Error, Result};
use crate::path::{validate_id, Path};
use crate::transport::Call;
use crate::validate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// A virtual account to issue (`POST vbanks`).
///
/// ```
/// use paywire::iamport::IssueVbank;
/// let req = IssueVbank::new("order-vbank-1", 50000.0, "088", 1_796_000_000);
/// assert_eq!(req.vbank_code, "088");
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct IssueVbank {
    /// The order.
    pub merchant_uid: String,
    /// Amount due.
    #[serde(serialize_with = "crate::wire::ser_number")]
    pub amount: f64,
    /// Bank code.
    pub vbank_code: String,
    /// Deposit deadline (unix s).
    pub vbank_due: i64,
    /// Channel (required by current iamport; older accounts route by `pg`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub channel_key: Option<String>,
    /// PG (older routing).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pg: Option<String>,
    /// Account holder shown to the buyer.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub vbank_holder: Option<String>,
    /// Order name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
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
    /// Deposit webhook URLs.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub notice_url: Option<Vec<String>>,
    /// Merchant data.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub custom_data: Option<String>,
    /// Any other field (`tax_free`, `vat_amount`, `vbank_num`, …).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub other: Map<String, Value>,
}

impl IssueVbank {
    /// A request with its required fields.
    pub fn new(
        merchant_uid: impl Into<String>,
        amount: f64,
        vbank_code: impl Into<String>,
        vbank_due: i64,
    ) -> Self {
        Self {
            merchant_uid: merchant_uid.into(),
            amount,
            vbank_code: vbank_code.into(),
            vbank_due,
            ..Self::default()
        }
    }
}

impl Client {
    /// Issues a virtual account (`POST vbanks`): a `ready` payment with `vbank_*` filled.
    pub async fn issue_vbank(&self, request: IssueVbank) -> Result<Payment> {
        validate_id("merchant_uid", &request.merchant_uid)?;
        check_amount_positive("amount", request.amount)?;
        validate::required("vbank_code", &request.vbank_code)?;
        validate::positive("vbank_due", request.vbank_due)?;
        let call = Call::fixed(&spec::issue_vbank)
            .body(validate::body(&request)?)
            .hint(format!(
                "look the order up with find_payment(\"{}\")",
                request.merchant_uid
            ));
        self.send(call).await
    }

    /// Changes the amount or due date of an unpaid virtual account (`PUT vbanks/{imp_uid}`).
    pub async fn update_vbank(
        &self,
        imp_uid: &str,
        amount: Option<f64>,
        vbank_due: Option<i64>,
    ) -> Result<Payment> {
        let path = Path::with_id("vbanks", "imp_uid", imp_uid)?;
        if amount.is_none() && vbank_due.is_none() {
            return Err(Error::invalid_input("amount", "or vbank_due must be given"));
        }
        let mut body = json!({});
        if let Some(amount) = amount {
            check_amount_positive("amount", amount)?;
            body["amount"] = super::payments::amount_json(amount);
        }
        if let Some(due) = vbank_due {
            validate::positive("vbank_due", due)?;
            body["vbank_due"] = json!(due);
        }
        let call = Call::op(&spec::update_vbank, path).body(body);
        self.send(call).await
    }

    /// Revokes an unpaid virtual account (`DELETE vbanks/{imp_uid}`).
    pub async fn revoke_vbank(&self, imp_uid: &str) -> Result<Payment> {
        let path = Path::with_id("vbanks", "imp_uid", imp_uid)?;
        let call = Call::op(&spec::revoke_vbank, path).hint(format!(
            "look the payment up with get_payment(\"{imp_uid}\")"
        ));
        self.send(call).await
    }

    /// The holder of a bank account (`GET vbanks/holder`), e.g. to check a refund account.
    pub async fn get_vbank_holder(&self, bank_code: &str, bank_num: &str) -> Result<VbankHolder> {
        validate::required("bank_code", bank_code)?;
        validate::required("bank_num", bank_num)?;
        let call = Call::fixed(&spec::get_vbank_holder)
            .query("bank_code", bank_code)
            .query("bank_num", bank_num);
        self.send(call).await
    }
}

crate::display_redacted!(IssueVbank);
