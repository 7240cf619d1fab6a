//! Identity verification results and the OTP (SMS/app) verification flow.

use super::client::Client;
use super::models::{Certification, CertificationOtp};
use super::spec;
use crate::error::{Error, Result};
use crate::path::Path;
use crate::secret::Secret;
use crate::transport::Call;
use crate::validate;
use serde::{Deserialize, Serialize};
use serde_json::json;

/// An OTP verification request (`POST certifications/otp/request`); `birth` and `gender_digit` are
/// redacted in `Debug`.
///
/// ```
/// use paywire::iamport::CertificationOtpRequest;
/// let req = CertificationOtpRequest::new("홍길동", "01000000000", "900101", "1", "SKT");
/// assert!(!format!("{req:?}").contains("900101"));
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display))]
#[serde(deny_unknown_fields)]
pub struct CertificationOtpRequest {
    /// Name.
    pub name: String,
    /// Phone (non-digits are stripped by iamport).
    pub phone: String,
    /// Birth date `YYMMDD`.
    pub birth: Secret,
    /// 7th digit of the resident number (1–4; foreigners 5–8).
    pub gender_digit: Secret,
    /// `SKT`, `KT` or `LGT`.
    pub carrier: String,
    /// MVNO line.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub is_mvno: Option<bool>,
    /// Service name in the SMS.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub company: Option<String>,
    /// The merchant's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub merchant_uid: Option<String>,
    /// Channel (required for kcp_v2).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub channel_key: Option<String>,
    /// `SMS` or `APP` (kcp_v2).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub verification_method: Option<String>,
}

impl CertificationOtpRequest {
    /// A request with its required fields.
    pub fn new(
        name: impl Into<String>,
        phone: impl Into<String>,
        birth: impl Into<Secret>,
        gender_digit: impl Into<Secret>,
        carrier: impl Into<String>,
    ) -> Self {
        Self {
            name: name.into(),
            phone: phone.into(),
            birth: birth.into(),
            gender_digit: gender_digit.into(),
            carrier: carrier.into(),
            ..Self::default()
        }
    }
}

impl Client {
    /// An identity verification result (`GET certifications/{imp_uid}`).
    pub async fn get_certification(&self, imp_uid: &str) -> Result<Certification> {
        let path = Path::with_id("certifications", "imp_uid", imp_uid)?;
        self.send(Call::op(&spec::get_certification, path)).await
    }

    /// Erases a verification result from PortOne (`DELETE certifications/{imp_uid}`).
    pub async fn delete_certification(&self, imp_uid: &str) -> Result<Certification> {
        let path = Path::with_id("certifications", "imp_uid", imp_uid)?;
        let call = Call::op(&spec::delete_certification, path).hint(format!(
            "look it up with get_certification(\"{imp_uid}\") (404 = erased)"
        ));
        self.send(call).await
    }

    /// Starts an OTP verification (`POST certifications/otp/request`); answers the id to confirm.
    pub async fn request_certification_otp(
        &self,
        request: CertificationOtpRequest,
    ) -> Result<CertificationOtp> {
        validate::required("name", &request.name)?;
        validate::required("phone", &request.phone)?;
        validate::required("birth", request.birth.expose())?;
        validate::required("carrier", &request.carrier)?;
        let digit = request.gender_digit.expose();
        if !(digit.len() == 1 && ('1'..='8').contains(&digit.chars().next().unwrap_or('0'))) {
            return Err(Error::invalid_input(
                "gender_digit",
                "must be one digit from 1 to 8",
            ));
        }
        let call = Call::fixed(&spec::request_certification_otp)
            .body(validate::body(&request)?)
            .hint("start a new verification");
        self.send(call).await
    }

    /// Confirms the OTP the person received (`POST certifications/otp/confirm/{imp_uid}`).
    pub async fn confirm_certification_otp(
        &self,
        imp_uid: &str,
        otp: &str,
    ) -> Result<Certification> {
        let path = Path::with_id("certifications/otp/confirm", "imp_uid", imp_uid)?;
        validate::required("otp", otp)?;
        let call = Call::op(&spec::confirm_certification_otp, path)
            .body(json!({ "otp": otp }))
            .hint(format!(
                "look the result up with get_certification(\"{imp_uid}\")"
            ));
        self.send(call).await
    }
}

crate::display_redacted!(CertificationOtpRequest);
