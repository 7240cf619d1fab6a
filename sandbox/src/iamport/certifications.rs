//! Identity verification by OTP (`certifications/otp/…`) and the result look-up/erase.
//! The OTP is the sandbox's [`crate::SandboxCredentials::otp`] ([`crate::SANDBOX_OTP`] unless configured).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use serde_json::json;

use super::model::{new_pg_tid, pg_route};
use super::params;
use super::{ok, IamError, IamResult};
use crate::model::{digits, hex_id};
use crate::state::App;

const NOT_FOUND: &str = "인증결과가 존재하지 않습니다.";

/// `POST certifications/otp/request`: checks the personal data and answers `{imp_uid}`.
pub async fn otp_request(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    bytes: Bytes,
) -> IamResult {
    let body = params::parse(&headers, &bytes)?;
    let name = params::req_str(&body, "name")?;
    let phone: String = params::req_str(&body, "phone")?
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let birth = params::req_str(&body, "birth")?;
    let gender_digit = params::req_str(&body, "gender_digit")?;
    let carrier = params::req_str(&body, "carrier")?;
    let mvno = params::opt_bool(&body, "is_mvno")?.unwrap_or(false);
    let merchant_uid = params::opt_str(&body, "merchant_uid")?;
    let (pg_provider, _) = pg_route(params::opt_str(&body, "pg")?.as_deref(), "danal");
    if !(10..=11).contains(&phone.len()) {
        return Err(IamError::invalid(
            "phone must be a 10 or 11 digit phone number",
        ));
    }
    let birth_ok = birth.len() == 6 && birth.chars().all(|c| c.is_ascii_digit());
    if !birth_ok {
        return Err(IamError::invalid("birth must be YYMMDD"));
    }
    let digit = gender_digit
        .parse::<u8>()
        .ok()
        .filter(|d| (1..=8).contains(d))
        .ok_or_else(|| IamError::invalid("gender_digit must be 1 to 8"))?;
    if !["SKT", "KT", "LGT"].contains(&carrier.as_str()) {
        return Err(IamError::invalid("carrier must be SKT, KT or LGT"));
    }
    let century = if matches!(digit, 1 | 2 | 5 | 6) {
        "19"
    } else {
        "20"
    };
    let birthday = format!("{century}{}-{}-{}", &birth[..2], &birth[2..4], &birth[4..6]);
    let mut state = app.lock();
    let imp_uid = loop {
        let id = format!("imp_{}", digits(12));
        if !state.iamport.certifications.contains_key(&id)
            && !state.iamport.payments.contains_key(&id)
        {
            break id;
        }
    };
    let cert = json!({
        "imp_uid": imp_uid,
        "merchant_uid": merchant_uid,
        "pg_tid": new_pg_tid(),
        "pg_provider": pg_provider,
        "name": name,
        "gender": if digit % 2 == 1 { "male" } else { "female" },
        "birthday": birthday,
        "foreigner": digit >= 5,
        "foreigner_v2": digit >= 5,
        "phone": phone,
        "carrier": if mvno { format!("{carrier}_MVNO") } else { carrier },
        "certified": false,
        "certified_at": 0,
        "unique_key": format!("{}==", hex_id(32)),
        "unique_in_site": hex_id(32),
        "origin": null,
    });
    state.iamport.certifications.insert(imp_uid.clone(), cert);
    ok(json!({ "imp_uid": imp_uid }))
}

/// `POST certifications/otp/confirm/{imp_uid}` `{otp}`: a wrong OTP or a second confirm → 400.
pub async fn otp_confirm(
    State(app): State<Arc<App>>,
    Path(imp_uid): Path<String>,
    headers: HeaderMap,
    bytes: Bytes,
) -> IamResult {
    let body = params::parse(&headers, &bytes)?;
    let otp = params::req_str(&body, "otp")?;
    let mut state = app.lock();
    let now = state.now().timestamp();
    let expected_otp = state.config.credentials.otp.clone();
    let cert = state
        .iamport
        .certifications
        .get_mut(&imp_uid)
        .ok_or_else(|| IamError::not_found(NOT_FOUND))?;
    if cert["certified"] == json!(true) {
        return Err(IamError::invalid("이미 인증이 완료된 건입니다."));
    }
    if otp != expected_otp {
        return Err(IamError::invalid("인증번호가 일치하지 않습니다."));
    }
    cert["certified"] = json!(true);
    cert["certified_at"] = json!(now);
    ok(cert.clone())
}

/// `GET certifications/{imp_uid}` (`certified: false` while the OTP is pending).
pub async fn lookup(State(app): State<Arc<App>>, Path(imp_uid): Path<String>) -> IamResult {
    let state = app.lock();
    let cert = state
        .iamport
        .certifications
        .get(&imp_uid)
        .ok_or_else(|| IamError::not_found(NOT_FOUND))?;
    ok(cert.clone())
}

/// `DELETE certifications/{imp_uid}`: forgets the result and answers it.
pub async fn erase(State(app): State<Arc<App>>, Path(imp_uid): Path<String>) -> IamResult {
    let mut state = app.lock();
    let cert = state
        .iamport
        .certifications
        .remove(&imp_uid)
        .ok_or_else(|| IamError::not_found(NOT_FOUND))?;
    ok(cert)
}
