//! Identity: certificate look-up and REST identity authentication (본인인증 without a browser).

use super::client::Client;
use super::models::{Certificate, Metadata, User};
use super::spec;
use crate::error::Result;
use crate::path::{validate_id, Path};
use crate::secret::Secret;
use crate::transport::Call;
use crate::validate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// An SMS/PASS identity verification request (`POST request/authentication`). The identity number is
/// redacted in `Debug`.
///
/// ```
/// use paywire::bootpay::RequestAuthentication;
/// let req = RequestAuthentication {
///     pg: "danal".into(), method: "sms".into(), authentication_id: "auth-1".into(),
///     username: "홍길동".into(), identity_no: "900101".into(), carrier: "SKT".into(),
///     phone: "01000000000".into(), ..Default::default()
/// };
/// assert!(!format!("{req:?}").contains("900101"));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct RequestAuthentication {
    /// The PG, e.g. `danal`.
    pub pg: String,
    /// `sms` (or another method the PG offers).
    pub method: String,
    /// The merchant's unique id for this verification.
    pub authentication_id: String,
    /// Name.
    pub username: String,
    /// Birth date `YYMMDD` (+ the first digit of the back part).
    pub identity_no: Secret,
    /// `SKT`, `KT`, `LGU+`, `SKT_MVNO`, `KT_MVNO`, `LGU+_MVNO`.
    pub carrier: String,
    /// Phone number.
    pub phone: String,
    /// `sms` or `pass`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub authenticate_type: Option<String>,
    /// End-user IP.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub client_ip: Option<String>,
    /// Site URL or app name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub site_url: Option<String>,
    /// Order name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub order_name: Option<String>,
    /// The user.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub user: Option<User>,
    /// Options.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub extra: Option<Map<String, Value>>,
    /// Metadata.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub metadata: Option<Metadata>,
}

impl RequestAuthentication {
    fn validate(&self) -> Result<()> {
        validate::required("pg", &self.pg)?;
        validate::required("method", &self.method)?;
        validate::required("authentication_id", &self.authentication_id)?;
        validate::required("username", &self.username)?;
        validate::required("identity_no", self.identity_no.expose())?;
        validate::required("carrier", &self.carrier)?;
        validate::required("phone", &self.phone)
    }
}

impl Client {
    /// An identity verification result (`GET certificate/{receipt_id}`). Only status 12 means verified.
    pub async fn get_certificate(&self, receipt_id: &str) -> Result<Certificate> {
        let path = Path::with_id("certificate", "receipt_id", receipt_id)?;
        self.send(Call::op(&spec::get_certificate, path)).await
    }

    /// Starts a REST identity verification; the person receives an OTP (`POST request/authentication`).
    pub async fn request_authentication(
        &self,
        request: RequestAuthentication,
    ) -> Result<Certificate> {
        request.validate()?;
        let call = Call::fixed(&spec::request_authentication)
            .body(validate::body(&request)?)
            .hint("start a new verification with another authentication_id");
        self.send(call).await
    }

    /// Confirms the OTP the person received (`POST authenticate/confirm`); status 12 on success.
    pub async fn confirm_authentication(&self, receipt_id: &str, otp: &str) -> Result<Certificate> {
        validate_id("receipt_id", receipt_id)?;
        validate::required("otp", otp)?;
        let call = Call::fixed(&spec::confirm_authentication)
            .body(serde_json::json!({ "receipt_id": receipt_id, "otp": otp }))
            .hint(format!(
                "look the result up with get_certificate(\"{receipt_id}\")"
            ));
        self.send(call).await
    }

    /// Re-sends the OTP SMS (`POST authenticate/realarm`).
    pub async fn realarm_authentication(&self, receipt_id: &str) -> Result<Certificate> {
        validate_id("receipt_id", receipt_id)?;
        let call = Call::fixed(&spec::realarm_authentication)
            .body(serde_json::json!({ "receipt_id": receipt_id }))
            .hint(format!(
                "look the state up with get_certificate(\"{receipt_id}\")"
            ));
        self.send(call).await
    }
}

crate::display_redacted!(RequestAuthentication);
