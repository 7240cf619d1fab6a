//! Escrow shipping registration (`escrows/logis/{imp_uid}`): 409 when reading or updating
//! what was never registered, or registering twice.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use serde_json::{json, Map, Value};

use super::params::{self, Body};
use super::{ok, IamError, IamResult};
use crate::state::App;

const NOT_REGISTERED: &str = "등록된 배송정보가 없습니다.";

/// The `logis` object of the body (`sender`/`receiver` must be objects when sent).
fn logis(body: &Body) -> Result<Body, IamError> {
    for k in ["sender", "receiver"] {
        if !matches!(
            body.get(k),
            None | Some(Value::Null) | Some(Value::Object(_))
        ) {
            return Err(IamError::invalid(format!("{k} must be an object")));
        }
    }
    match body.get("logis") {
        Some(Value::Object(m)) => Ok(m.clone()),
        _ => Err(IamError::invalid("logis is required (an object)")),
    }
}

fn check_payment(app: &App, imp_uid: &str) -> Result<(), IamError> {
    let state = app.lock();
    let p = state
        .iamport
        .payments
        .get(imp_uid)
        .ok_or_else(IamError::payment_not_found)?;
    if p.status != "paid" {
        return Err(IamError::invalid(format!(
            "shipping can only be registered for a paid payment (status {})",
            p.status
        )));
    }
    Ok(())
}

/// `GET escrows/logis/{imp_uid}` (409 if nothing is registered).
pub async fn lookup(State(app): State<Arc<App>>, Path(imp_uid): Path<String>) -> IamResult {
    let state = app.lock();
    if !state.iamport.payments.contains_key(&imp_uid) {
        return Err(IamError::payment_not_found());
    }
    let logis = state
        .iamport
        .escrows
        .get(&imp_uid)
        .ok_or_else(|| IamError::conflict(NOT_REGISTERED))?;
    ok(logis.clone())
}

/// `POST escrows/logis/{imp_uid}` `{sender, receiver, logis: {company, invoice, sent_at}, products?}`
/// (409 if already registered).
pub async fn register(
    State(app): State<Arc<App>>,
    Path(imp_uid): Path<String>,
    headers: HeaderMap,
    bytes: Bytes,
) -> IamResult {
    let body = params::parse(&headers, &bytes)?;
    let l = logis(&body)?;
    let company = params::req_str(&l, "company")?;
    let invoice = params::req_str(&l, "invoice")?;
    let sent_at = params::req_int(&l, "sent_at")?;
    check_payment(&app, &imp_uid)?;
    let mut state = app.lock();
    let now = state.now().timestamp();
    if state.iamport.escrows.contains_key(&imp_uid) {
        return Err(IamError::conflict("이미 배송정보가 등록되어 있습니다."));
    }
    let answer = json!({
        "company": company,
        "invoice": invoice,
        "sent_at": sent_at,
        "applied_at": now,
    });
    state.iamport.escrows.insert(imp_uid, answer.clone());
    ok(answer)
}

/// `PUT escrows/logis/{imp_uid}`: changes the sent `logis` fields (409 if none registered).
pub async fn update(
    State(app): State<Arc<App>>,
    Path(imp_uid): Path<String>,
    headers: HeaderMap,
    bytes: Bytes,
) -> IamResult {
    let body = params::parse(&headers, &bytes)?;
    let l = logis(&body)?;
    let company = params::opt_str(&l, "company")?;
    let invoice = params::opt_str(&l, "invoice")?;
    let sent_at = params::opt_int(&l, "sent_at")?;
    let mut state = app.lock();
    let now = state.now().timestamp();
    if !state.iamport.payments.contains_key(&imp_uid) {
        return Err(IamError::payment_not_found());
    }
    let stored = state
        .iamport
        .escrows
        .get_mut(&imp_uid)
        .ok_or_else(|| IamError::conflict(NOT_REGISTERED))?;
    let mut changes = Map::new();
    changes.insert("company".into(), json!(company));
    changes.insert("invoice".into(), json!(invoice));
    changes.insert("sent_at".into(), json!(sent_at));
    for (k, v) in changes {
        if !v.is_null() {
            stored[k.as_str()] = v;
        }
    }
    stored["applied_at"] = json!(now);
    ok(stored.clone())
}
