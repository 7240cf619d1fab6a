//! Payment links (`POST request/payment`): a URL the customer opens to pay.

use super::client::Client;
use super::models::{Item, Metadata, User};
use super::spec;
use crate::error::Result;
use crate::transport::Call;
use crate::validate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A payment-link request.
///
/// ```
/// use paywire::bootpay::RequestPaymentLink;
/// let req = RequestPaymentLink::new("order-1", "티셔츠", 30000);
/// assert_eq!(req.price, 30000);
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct RequestPaymentLink {
    /// The merchant's order id.
    pub order_id: String,
    /// Order name.
    pub order_name: String,
    /// Amount.
    pub price: i64,
    /// PG (unset: the unified window with every enabled PG).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub pg: Option<String>,
    /// Method.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub method: Option<String>,
    /// Methods allowed in the unified window.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub methods: Option<Vec<String>>,
    /// Tax-free part.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub tax_free: Option<i64>,
    /// The buyer.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub user: Option<User>,
    /// Items.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub items: Option<Vec<Item>>,
    /// Payment-window options (`separately_confirmed`, `redirect_url`, `expire_month`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Option<Map<String, Value>>,
    /// Metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub metadata: Option<Metadata>,
}

impl RequestPaymentLink {
    /// A link request with its required fields.
    pub fn new(order_id: impl Into<String>, order_name: impl Into<String>, price: i64) -> Self {
        Self {
            order_id: order_id.into(),
            order_name: order_name.into(),
            price,
            ..Self::default()
        }
    }
}

/// A payment link.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct PaymentLink {
    /// The URL to send the customer to.
    #[serde(
        default,
        deserialize_with = "crate::wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub url: Option<String>,
    /// Everything else Bootpay returns.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

impl Client {
    /// Creates a payment link (`POST request/payment`).
    pub async fn request_payment_link(&self, request: RequestPaymentLink) -> Result<PaymentLink> {
        validate::required("order_id", &request.order_id)?;
        validate::required("order_name", &request.order_name)?;
        validate::positive("price", request.price)?;
        validate::opt_non_negative("tax_free", request.tax_free)?;
        validate::items(request.items.as_deref())?;
        let call = Call::fixed(&spec::request_payment_link)
            .body(validate::body(&request)?)
            .hint(format!(
                "check for an existing link of order_id {:?}",
                request.order_id
            ));
        let (status, value) = self.transport.execute_status(&call, self.per_call).await?;
        self.transport.decode(&call, status, link_answer(value))
    }
}

/// The link answer in one shape: older servers answer the URL as a bare string (or under `data`).
pub(crate) fn link_answer(value: Value) -> Value {
    match value {
        Value::String(url) => serde_json::json!({ "url": url }),
        Value::Object(mut map) if !map.contains_key("url") => {
            if let Some(Value::String(url)) = map.get("data").cloned() {
                map.insert("url".to_owned(), Value::String(url));
            }
            Value::Object(map)
        }
        other => other,
    }
}

crate::display_redacted!(RequestPaymentLink, PaymentLink);
