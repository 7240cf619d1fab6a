//! User tokens for easy-pay / biometric payments started from the front end.

use super::client::Client;
use super::spec;
use crate::error::Result;
use crate::secret::Secret;
use crate::transport::Call;
use crate::validate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

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
        deserialize_with = "crate::wire::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub expired_at: Option<String>,
    /// Unknown fields.
    #[serde(flatten)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Map<String, Value>,
}

impl Client {
    /// Issues a user token (`POST request/user/token`).
    pub async fn request_user_token(&self, request: RequestUserToken) -> Result<UserToken> {
        validate::required("user_id", &request.user_id)?;
        let call = Call::fixed(&spec::request_user_token)
            .body(validate::body(&request)?)
            .hint("request a new user token");
        self.send(call).await
    }
}

crate::display_redacted!(RequestUserToken, UserToken);
