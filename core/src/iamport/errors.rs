//! How an iamport answer becomes JSON or a typed error; the only place that knows iamport's envelope.
//!
//! Every answer is `{code, message, response}`. `code != 0` is a failure whatever the HTTP status (iamport
//! reports business failures with HTTP 200). A 207 is a partial success of a multi look-up: it is passed on
//! with its status so the operation can report which ids did not come back.

use crate::error::{Error, ErrorCode, Result};
use crate::transport::snippet;
use reqwest::StatusCode;
use serde_json::{json, Value};

const PROVIDER: &str = "iamport";

/// A successful answer: the HTTP status (200 or 207) and the envelope's `response`.
pub(crate) fn interpret(status: StatusCode, body: &[u8]) -> Result<Value> {
    let Ok(envelope) = serde_json::from_slice::<Value>(body) else {
        return Err(Error::Decode {
            provider: PROVIDER,
            http_status: status.as_u16(),
            message: "the body is not JSON".to_owned(),
            body_snippet: snippet(body, 120),
        });
    };
    let code = envelope.get("code").and_then(Value::as_i64);
    // A message echoing a card or account number must not reach our error text.
    let message = envelope
        .get("message")
        .and_then(Value::as_str)
        .map(crate::redact::scrub_text);
    if status.is_success() && code == Some(0) {
        return Ok(json!({
            "http_status": status.as_u16(),
            "response": envelope.get("response").cloned().unwrap_or(Value::Null),
        }));
    }
    if status.is_success() && code.is_none() {
        return Err(Error::Decode {
            provider: PROVIDER,
            http_status: status.as_u16(),
            message: "the answer has no envelope `code`".to_owned(),
            body_snippet: snippet(body, 120),
        });
    }
    let message = message.unwrap_or_else(|| {
        status
            .canonical_reason()
            .unwrap_or("unexpected status")
            .to_owned()
    });
    let code = envelope.get("code").and_then(ErrorCode::from_json);
    if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN {
        return Err(Error::Auth {
            provider: PROVIDER,
            http_status: status.as_u16(),
            code,
            message,
        });
    }
    Err(Error::Api {
        provider: PROVIDER,
        http_status: status.as_u16(),
        code,
        message,
        pg: None,
        body: Box::new(crate::redact::scrub_json(&envelope)),
    })
}

/// Whether `error` is iamport's own "not found" (a 404 carrying the envelope): only then does a multi
/// look-up mean "none of these exist". A proxy's HTML 404 or a wrong `base_url` is a real error.
pub(crate) fn is_envelope_not_found(error: &Error) -> bool {
    matches!(error, Error::Api { http_status: 404, body, .. } if body.get("code").is_some_and(Value::is_i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_200_with_code_1_is_a_failure() {
        let body = r#"{"code":1,"message":"취소할 결제건이 존재하지 않습니다.","response":null}"#;
        let err = interpret(StatusCode::OK, body.as_bytes());
        assert!(matches!(
            err,
            Err(Error::Api {
                http_status: 200,
                code: Some(ErrorCode::Number(1)),
                ..
            })
        ));
    }

    #[test]
    fn partial_success_keeps_its_status() {
        let body = br#"{"code":0,"message":null,"response":[{"imp_uid":"imp_1"}]}"#;
        let ok = interpret(StatusCode::MULTI_STATUS, body).unwrap_or_default();
        assert_eq!(ok["http_status"], 207);
    }
}
