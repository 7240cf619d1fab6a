//! Escrow: telling the PG that goods have shipped (INICIS and KCP only).

use super::client::Client;
use super::models::Receipt;
use super::spec;
use crate::error::Result;
use crate::path::Path;
use crate::transport::Call;
use crate::validate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The recipient of an escrow shipment.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct ShippingUser {
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub username: Option<String>,
    /// Phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phone: Option<String>,
    /// Postal code.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub zipcode: Option<String>,
    /// Address.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub address: Option<String>,
}

/// The sender of an escrow shipment.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct ShippingCompany {
    /// Company name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub name: Option<String>,
    /// Phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phone: Option<String>,
    /// Postal code.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub zipcode: Option<String>,
    /// Address line 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub addr1: Option<String>,
    /// Address line 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub addr2: Option<String>,
}

/// Shipping start (`PUT escrow/shipping/start/{receipt_id}`).
///
/// ```
/// use paywire::bootpay::ShippingStart;
/// let req = ShippingStart { shipping_prepayment: Some(false), ..ShippingStart::new("r1", "123456789", "CJ대한통운") };
/// let body = serde_json::to_value(&req).unwrap_or_default();
/// assert_eq!(body["shipping_prepayment"], serde_json::json!(false));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct ShippingStart {
    /// The escrow payment (sent in the path and the body).
    pub receipt_id: String,
    /// Tracking number.
    pub tracking_number: String,
    /// Courier name, e.g. `CJ대한통운`.
    pub delivery_corp: String,
    /// Sales slip URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub receipt_url: Option<String>,
    /// Whether shipping was prepaid.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub shipping_prepayment: Option<bool>,
    /// Days until delivery.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub shipping_day: Option<i64>,
    /// Recipient.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub user: Option<ShippingUser>,
    /// Sender.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub company: Option<ShippingCompany>,
    /// URL told about the buyer's purchase confirmation (INICIS).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub redirect_url: Option<String>,
    /// Anything else Bootpay accepts.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub other: Map<String, Value>,
}

impl ShippingStart {
    /// A shipping start with its required fields.
    pub fn new(
        receipt_id: impl Into<String>,
        tracking_number: impl Into<String>,
        delivery_corp: impl Into<String>,
    ) -> Self {
        Self {
            receipt_id: receipt_id.into(),
            tracking_number: tracking_number.into(),
            delivery_corp: delivery_corp.into(),
            ..Self::default()
        }
    }
}

impl Client {
    /// Registers the shipment of an escrow payment (`PUT escrow/shipping/start/{receipt_id}`).
    pub async fn start_escrow_shipping(&self, request: ShippingStart) -> Result<Receipt> {
        let path = Path::with_id("escrow/shipping/start", "receipt_id", &request.receipt_id)?;
        validate::required("tracking_number", &request.tracking_number)?;
        validate::required("delivery_corp", &request.delivery_corp)?;
        let call = Call::op(&spec::start_escrow_shipping, path)
            .body(validate::body(&request)?)
            .hint(format!(
                "look the receipt's escrow_data up with get_receipt(\"{}\")",
                request.receipt_id
            ));
        self.send(call).await
    }
}

crate::display_redacted!(ShippingUser, ShippingCompany, ShippingStart);
