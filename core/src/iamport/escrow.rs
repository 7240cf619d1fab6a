//! Escrow shipping information (`escrows/logis`).

use super::client::Client;
use super::models::EscrowLogis;
use super::spec;
use crate::error::Result;
use crate::path::Path;
use crate::transport::Call;
use crate::validate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A sender or receiver.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct EscrowParty {
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// Phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tel: Option<String>,
    /// Address.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub addr: Option<String>,
    /// Postcode.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub postcode: Option<String>,
    /// Other fields (`relationship`, `formed_address`).
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub other: Map<String, Value>,
}

/// The shipment itself.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct EscrowShipment {
    /// Courier code (`CJGLS`, `HANJIN`, `EPOST`, …; unknown → `ETC`).
    pub company: String,
    /// Tracking number.
    pub invoice: String,
    /// When it was sent (unix s).
    pub sent_at: i64,
    /// Expected delivery `YYYYMMDD` (daou).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub receiving_at: Option<String>,
    /// Address (daou).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub address: Option<String>,
}

/// Shipping information to register or update.
///
/// ```
/// use paywire::iamport::{EscrowLogisRequest, EscrowShipment};
/// let req = EscrowLogisRequest { logis: EscrowShipment { company: "CJGLS".into(), invoice: "1234".into(), sent_at: 1_700_000_000, ..Default::default() }, ..Default::default() };
/// assert_eq!(req.logis.company, "CJGLS");
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct EscrowLogisRequest {
    /// Sender.
    pub sender: EscrowParty,
    /// Receiver.
    pub receiver: EscrowParty,
    /// Shipment.
    pub logis: EscrowShipment,
    /// Products (welcome requires them).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub products: Option<Vec<Value>>,
    /// Send the buyer an e-mail (nice_v2).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub send_email: Option<bool>,
}

impl EscrowLogisRequest {
    fn validate(&self) -> Result<()> {
        validate::required("logis.company", &self.logis.company)?;
        validate::required("logis.invoice", &self.logis.invoice)?;
        validate::positive("logis.sent_at", self.logis.sent_at)
    }
}

impl Client {
    /// Shipping information of an escrow payment (`GET escrows/logis/{imp_uid}`; 409 when none).
    pub async fn get_escrow_logis(&self, imp_uid: &str) -> Result<EscrowLogis> {
        let path = Path::with_id("escrows/logis", "imp_uid", imp_uid)?;
        self.send(Call::op(&spec::get_escrow_logis, path)).await
    }

    /// Registers shipping information (`POST escrows/logis/{imp_uid}`; 409 when already registered).
    pub async fn register_escrow_logis(
        &self,
        imp_uid: &str,
        request: EscrowLogisRequest,
    ) -> Result<EscrowLogis> {
        let path = Path::with_id("escrows/logis", "imp_uid", imp_uid)?;
        request.validate()?;
        let call = Call::op(&spec::register_escrow_logis, path)
            .body(validate::body(&request)?)
            .hint(format!("look it up with get_escrow_logis(\"{imp_uid}\")"));
        self.send(call).await
    }

    /// Updates shipping information (`PUT escrows/logis/{imp_uid}`).
    pub async fn update_escrow_logis(
        &self,
        imp_uid: &str,
        request: EscrowLogisRequest,
    ) -> Result<EscrowLogis> {
        let path = Path::with_id("escrows/logis", "imp_uid", imp_uid)?;
        request.validate()?;
        let call = Call::op(&spec::update_escrow_logis, path).body(validate::body(&request)?);
        self.send(call).await
    }
}

crate::display_redacted!(EscrowParty, EscrowShipment, EscrowLogisRequest);
