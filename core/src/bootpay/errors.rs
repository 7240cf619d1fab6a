//! How a Bootpay answer becomes JSON or a typed error; the only place that knows Bootpay's error body.
//!
//! Bootpay signals failure by an `error_code` key (string or number) and a non-2xx status. A PG failure
//! asked for with `extra.raw_data` carries the PG's own answer under `data` (seed 000). Anything that is not
//! JSON (a proxy's HTML page) is a decode error quoting the start of the body.

use crate::error::{Error, ErrorCode, PgError, Result};
use crate::transport::snippet;
use reqwest::StatusCode;
use serde_json::Value;

const PROVIDER: &str = "bootpay";

pub(crate) fn interpret(status: StatusCode, body: &[u8]) -> Result<Value> {
    let parsed: Option<Value> = if body.iter().all(u8::is_ascii_whitespace) {
        Some(Value::Null)
    } else {
        serde_json::from_slice(body).ok()
    };
    let Some(json) = parsed else {
        return Err(Error::Decode {
            provider: PROVIDER,
            http_status: status.as_u16(),
            message: "the body is not JSON".to_owned(),
            body_snippet: snippet(body, 120),
        });
    };
    let error_code = json.get("error_code").filter(|c| !c.is_null());
    if status.is_success() && error_code.is_none() {
        return Ok(json);
    }
    Err(api_error(status, json))
}

fn api_error(status: StatusCode, body: Value) -> Error {
    // A provider or PG that echoes a card or account number in its message must not put it in our error.
    let body = crate::redact::scrub_json(&body);
    let code = body
        .get("error_code")
        .and_then(ErrorCode::from_json)
        .or_else(|| body.get("code").and_then(ErrorCode::from_json));
    let message = body
        .get("message")
        .or_else(|| body.get("msg"))
        .and_then(Value::as_str)
        .map(crate::redact::scrub_text)
        .unwrap_or_else(|| {
            status
                .canonical_reason()
                .unwrap_or("unexpected status")
                .to_owned()
        });
    if matches!(status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN) {
        return Error::Auth {
            provider: PROVIDER,
            http_status: status.as_u16(),
            code,
            message,
        };
    }
    Error::Api {
        provider: PROVIDER,
        http_status: status.as_u16(),
        code,
        pg: pg_error(&body).map(Box::new),
        message,
        body: Box::new(body),
    }
}

/// The PG's raw error: an object under `data` (NICEPAY `ResultCode`/`ResultMsg` and the like), or a bare
/// `pg_error_code` beside Bootpay's own code.
fn pg_error(body: &Value) -> Option<PgError> {
    let text = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    if let Some(data) = body.get("data").filter(|d| d.is_object()) {
        let pick = |keys: &[&str]| keys.iter().find_map(|k| data.get(*k).and_then(text));
        return Some(PgError {
            code: pick(&[
                "ResultCode",
                "result_code",
                "pg_error_code",
                "code",
                "resultCode",
            ]),
            message: pick(&["ResultMsg", "result_msg", "message", "msg", "resultMsg"])
                .map(|m| crate::redact::scrub_text(&m)),
            raw: data.clone(),
        });
    }
    body.get("pg_error_code")
        .and_then(text)
        .map(|code| PgError {
            code: Some(code),
            message: body
                .get("pg_error_message")
                .and_then(text)
                .map(|m| crate::redact::scrub_text(&m)),
            raw: body.clone(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn seed_000_pg_error_is_typed() {
        let body = json!({"error_code": -15006, "message": "금액오류", "data": {"ResultCode": "3041", "ResultMsg": "금액오류(100원 미만)"}});
        let err = interpret(
            StatusCode::INTERNAL_SERVER_ERROR,
            body.to_string().as_bytes(),
        );
        let Err(Error::Api {
            http_status,
            code,
            pg,
            ..
        }) = err
        else {
            panic!("expected an API error")
        };
        assert_eq!(http_status, 500);
        assert_eq!(code, Some(ErrorCode::Number(-15006)));
        let pg = pg.unwrap_or_else(|| panic!("pg error missing"));
        assert_eq!(pg.code.as_deref(), Some("3041"));
    }

    #[test]
    fn error_code_on_200_is_still_an_error() {
        let err = interpret(
            StatusCode::OK,
            br#"{"error_code":"RC_NOT_FOUND","message":"x"}"#,
        );
        assert!(matches!(
            err,
            Err(Error::Api {
                http_status: 200,
                ..
            })
        ));
    }

    #[test]
    fn html_is_a_decode_error_quoting_the_body() {
        let err = interpret(
            StatusCode::BAD_GATEWAY,
            b"<html><body>502 Bad Gateway</body></html>",
        );
        let Err(Error::Decode {
            body_snippet,
            http_status,
            ..
        }) = err
        else {
            panic!("expected a decode error")
        };
        assert_eq!(http_status, 502);
        assert!(body_snippet.starts_with("<html>"));
    }
}
