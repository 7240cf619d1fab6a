//! A user's easy-pay side: user tokens for payments started from the front end, and the user's wallets
//! (saved payment methods).

use super::client::Client;
use super::models::BillingData;
use super::spec;
use crate::error::Result;
use crate::secret::Secret;
use crate::transport::Call;
use crate::validate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::time::SystemTime;

/// A user-token request (`POST request/user/token`).
///
/// ```
/// use paywire::bootpay::RequestUserToken;
/// let req = RequestUserToken { gender: Some(0), ..RequestUserToken::new("member-1") };
/// assert_eq!(serde_json::to_value(&req).ok(), Some(serde_json::json!({"user_id": "member-1", "gender": 0})));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct RequestUserToken {
    /// The merchant's member id.
    pub user_id: String,
    /// E-mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub email: Option<String>,
    /// Name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub username: Option<String>,
    /// 0 female, 1 male.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub gender: Option<i64>,
    /// Birth date.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub birth: Option<String>,
    /// Phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub phone: Option<String>,
}

impl RequestUserToken {
    /// A request for `user_id`.
    pub fn new(user_id: impl Into<String>) -> Self {
        Self {
            user_id: user_id.into(),
            ..Self::default()
        }
    }
}

/// A user token for the front end; redacted in `Debug`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct UserToken {
    /// The token.
    #[serde(default)]
    pub user_token: Secret,
    /// When it expires.
    #[serde(
        default,
        with = "crate::wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub expired_at: Option<SystemTime>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

/// A saved payment method of a user (a "wallet", spec §6.8), as `get_user_wallets` lists it.
///
/// ```
/// let wallet: paywire::bootpay::Wallet = serde_json::from_value(serde_json::json!({
///     "wallet_id": "6540b5f1d01c7e001d9a3f21", "type": 1, "sandbox": 1, "order": 1,
///     "batch_data": {"card_no": "5365****1234", "card_company": "국민", "card_type": 0},
/// }))?;
/// assert_eq!(wallet.sandbox, Some(true));
/// assert_eq!(wallet.batch_data.and_then(|card| card.card_company).as_deref(), Some("국민"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
pub struct Wallet {
    /// The wallet id: what a payment with this saved method names.
    #[serde(default)]
    pub wallet_id: String,
    // Named as on the wire (no serde rename), like every field: the generated Python models read each
    // field by its name from core's JSON, so a renamed field would be empty in Python only.
    /// Its kind (Bootpay does not publish the values).
    #[serde(
        default,
        deserialize_with = "crate::wire::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub r#type: Option<i64>,
    /// Whether it was registered in test mode (`1`/`0` on the wire).
    // Written back as a JSON bool (an answer is never sent), which is what Python's generated `bool`
    // field reads from core's JSON.
    #[serde(
        default,
        deserialize_with = "crate::wire::opt_flag",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub sandbox: Option<bool>,
    /// Its position among the user's wallets (1 first).
    #[serde(
        default,
        deserialize_with = "crate::wire::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub order: Option<i64>,
    /// Bootpay's payment status of the wallet (values not published).
    #[serde(
        default,
        deserialize_with = "crate::wire::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub payment_status: Option<i64>,
    /// The saved card (masked number, company, type).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub batch_data: Option<BillingData>,
    /// The card company code.
    #[serde(
        default,
        deserialize_with = "crate::wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub card_code: Option<String>,
    /// When it stops working.
    #[serde(
        default,
        with = "crate::wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub expired_at: Option<SystemTime>,
    /// When it last paid.
    #[serde(
        default,
        with = "crate::wire::iso_time",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub latest_purchased_at: Option<SystemTime>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

impl Client {
    /// The wallets (saved payment methods) of a member, in their order (`GET wallet?user_id=…&sandbox=…`);
    /// `sandbox` picks the ones registered in test mode. Bootpay marks the wallet calls deprecated, but a
    /// saved-card payment still names a `wallet_id` from here. An unknown user has no wallets (an empty
    /// list). `user_id` goes into the query string percent-encoded (of the official SDKs only Node's encodes it).
    ///
    /// ```no_run
    /// # async fn run(client: paywire::bootpay::Client) -> paywire::Result<()> {
    /// let wallets = client.get_user_wallets("member-1", true).await?;
    /// for wallet in &wallets {
    ///     let card = wallet.batch_data.as_ref().and_then(|card| card.card_no.as_deref());
    ///     println!("{} {}", wallet.wallet_id, card.unwrap_or("-"));
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn get_user_wallets(&self, user_id: &str, sandbox: bool) -> Result<Vec<Wallet>> {
        validate::required("user_id", user_id)?;
        let call = Call::fixed(&spec::get_user_wallets)
            .query("user_id", user_id)
            .query("sandbox", if sandbox { "true" } else { "false" });
        self.send(call).await
    }

    /// Issues a user token (`POST request/user/token`).
    pub async fn request_user_token(&self, request: RequestUserToken) -> Result<UserToken> {
        validate::required("user_id", &request.user_id)?;
        let call = Call::fixed(&spec::request_user_token)
            .body(validate::body(&request)?)
            .hint("request a new user token");
        self.send(call).await
    }
}

crate::display_redacted!(RequestUserToken, UserToken, Wallet);
