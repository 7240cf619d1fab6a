//! The web dashboard at `/`: server-rendered HTML, no front-end build chain.
//!
//! A person plays the customer (checkout by card or virtual account, a deposit, a declined
//! card), confirms and cancels as the merchant's console would, and watches payments, webhook
//! deliveries, the request log (secrets and card data redacted), faults and the clock. Every
//! form posts to a `/dashboard/...` route that calls the same functions as the admin API and the
//! emulated APIs, then redirects back to `/` with a message (POST-redirect-GET).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use serde_json::{json, Map, Value};

use crate::clock::format_time;
use crate::record::Recorded;
use crate::state::App;
use crate::{admin, bootpay, iamport};

/// Rows shown per table (newest first).
const ROWS: usize = 100;

/// The dashboard routes.
pub fn router() -> Router<Arc<App>> {
    Router::new()
        .route("/", get(page))
        .route("/dashboard/checkout", post(checkout))
        .route(
            "/dashboard/bootpay/{receipt_id}/confirm",
            post(bootpay_confirm),
        )
        .route(
            "/dashboard/bootpay/{receipt_id}/deposit",
            post(bootpay_deposit),
        )
        .route(
            "/dashboard/bootpay/{receipt_id}/cancel",
            post(bootpay_cancel),
        )
        .route(
            "/dashboard/iamport/{imp_uid}/deposit",
            post(iamport_deposit),
        )
        .route("/dashboard/iamport/{imp_uid}/cancel", post(iamport_cancel))
        .route("/dashboard/webhooks/{id}/resend", post(resend))
        .route("/dashboard/webhook-url", post(set_webhook_url))
        .route("/dashboard/faults", post(arm_fault))
        .route("/dashboard/faults/clear", post(clear_faults))
        .route("/dashboard/clock", post(advance_clock))
        .route("/dashboard/reset", post(reset))
}

type FormData = Form<HashMap<String, String>>;

/// Where a form goes back to: `/` with a message (and the payment it is about).
fn back(message: &str, focus: Option<&str>) -> Response {
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("msg", message);
    if let Some(id) = focus {
        query.append_pair("focus", id);
    }
    Redirect::to(&format!("/?{}", query.finish())).into_response()
}

/// The JSON of a handler's success, or the `message` of its error answer.
async fn outcome<E: IntoResponse>(result: Result<Json<Value>, E>) -> Result<Value, String> {
    match result {
        Ok(Json(v)) => Ok(v),
        Err(e) => {
            let response = e.into_response();
            let status = response.status();
            let bytes = axum::body::to_bytes(response.into_body(), 64 * 1024)
                .await
                .unwrap_or_default();
            let body: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
            Err(body
                .get("message")
                .and_then(Value::as_str)
                .map_or_else(|| format!("HTTP {status}"), str::to_string))
        }
    }
}

/// iamport handlers answer an envelope: its `response`, or its `message` when `code` ≠ 0.
fn unwrap_envelope(v: Value) -> Result<Value, String> {
    if v.get("code").and_then(Value::as_i64) == Some(0) {
        Ok(v.get("response").cloned().unwrap_or(Value::Null))
    } else {
        Err(v
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or("refused")
            .to_string())
    }
}

fn field<'a>(form: &'a HashMap<String, String>, key: &str) -> Option<&'a str> {
    form.get(key).map(|s| s.trim()).filter(|s| !s.is_empty())
}

fn body_of(v: Value) -> Bytes {
    Bytes::from(v.to_string())
}

/// `POST /dashboard/checkout`: the customer pays (or fails to).
async fn checkout(State(app): State<Arc<App>>, Form(form): FormData) -> Response {
    let Some(amount) = field(&form, "amount").and_then(|a| a.parse::<i64>().ok()) else {
        return back("금액을 입력하세요 / enter a whole amount", None);
    };
    let order = field(&form, "order_id").map(str::to_string);
    let name = field(&form, "order_name").unwrap_or("sandbox order");
    let outcome_kind = field(&form, "outcome").unwrap_or("paid");
    let webhook_url = field(&form, "webhook_url");
    match field(&form, "provider").unwrap_or("bootpay") {
        "iamport" => {
            let (status, pay_method) = match outcome_kind {
                "vbank" => ("ready", "vbank"),
                "fail" => ("failed", "card"),
                _ => ("paid", "card"),
            };
            let mut body = json!({
                "amount": amount, "status": status, "pay_method": pay_method, "name": name,
                "buyer_name": "홍길동",
            });
            if let Some(o) = &order {
                body["merchant_uid"] = json!(o);
            }
            if status == "failed" {
                body["fail_reason"] = json!("[PG 8326] 카드 승인 거절 (sandbox: declined card)");
            }
            if let Some(url) = webhook_url {
                body["notice_url"] = json!(url);
            }
            match outcome(admin::iamport_payment(State(app), body_of(body)).await).await {
                Ok(p) => {
                    let id = p["imp_uid"].as_str().unwrap_or_default();
                    back(
                        &format!("iamport {id}: {}", iamport_label(status)),
                        Some(id),
                    )
                }
                Err(m) => back(&format!("iamport: {m}"), None),
            }
        }
        _ => {
            if outcome_kind == "fail" {
                // A declined card never becomes a Bootpay receipt: the window shows the error.
                return back(
                    "카드 승인 실패 / card declined: no payment was created (Bootpay keeps no receipt)",
                    None,
                );
            }
            let (status, method) = match outcome_kind {
                "vbank" => (5, "vbank"),
                "confirm" => (2, "card"),
                _ => (1, "card"),
            };
            let mut body = json!({
                "price": amount, "status": status, "method": method, "order_name": name,
                "user": {"username": "홍길동"},
            });
            if let Some(o) = &order {
                body["order_id"] = json!(o);
            }
            if let Some(url) = webhook_url {
                body["webhook_url"] = json!(url);
            }
            match outcome(admin::create_receipt(State(app), body_of(body)).await).await {
                Ok(r) => {
                    let id = r["receipt_id"].as_str().unwrap_or_default();
                    back(
                        &format!("Bootpay {id}: {}", bootpay_label(status, false)),
                        Some(id),
                    )
                }
                Err(m) => back(&format!("Bootpay: {m}"), None),
            }
        }
    }
}

async fn bootpay_confirm(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    let body = body_of(json!({ "receipt_id": id }));
    match outcome(bootpay::payments::confirm(State(app), body).await).await {
        Ok(_) => back(
            &format!("Bootpay {id}: 결제완료 / paid (confirmed)"),
            Some(&id),
        ),
        Err(m) => back(&format!("Bootpay {id}: {m}"), Some(&id)),
    }
}

async fn bootpay_deposit(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    match outcome(admin::bootpay_deposit(State(app), Path(id.clone())).await).await {
        Ok(_) => back(&format!("Bootpay {id}: 입금완료 / deposited"), Some(&id)),
        Err(m) => back(&format!("Bootpay {id}: {m}"), Some(&id)),
    }
}

async fn bootpay_cancel(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    Form(form): FormData,
) -> Response {
    let mut body = json!({
        "receipt_id": id,
        "cancel_username": "dashboard",
        "cancel_message": "cancelled from the sandbox dashboard",
    });
    if let Some(price) = field(&form, "amount") {
        match price.parse::<i64>() {
            Ok(p) => body["cancel_price"] = json!(p),
            Err(_) => {
                return back(
                    "취소 금액 / cancel amount must be a whole number",
                    Some(&id),
                )
            }
        }
    }
    match outcome(bootpay::payments::cancel(State(app), body_of(body)).await).await {
        Ok(r) => back(
            &format!(
                "Bootpay {id}: {}",
                bootpay_label(20, r["cancelled_price"] != r["price"])
            ),
            Some(&id),
        ),
        Err(m) => back(&format!("Bootpay {id}: {m}"), Some(&id)),
    }
}

async fn iamport_deposit(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    match outcome(admin::iamport_deposit(State(app), Path(id.clone())).await).await {
        Ok(_) => back(
            &format!("iamport {id}: 입금완료 / deposited → paid"),
            Some(&id),
        ),
        Err(m) => back(&format!("iamport {id}: {m}"), Some(&id)),
    }
}

async fn iamport_cancel(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    Form(form): FormData,
) -> Response {
    // A console cancel: iamport sends its webhook (as `enable_webhook` does for API cancels).
    let mut body = json!({
        "imp_uid": id, "reason": "cancelled from the sandbox dashboard", "enable_webhook": true,
        "refund_holder": "홍길동", "refund_bank": "088", "refund_account": "1002000000000",
    });
    if let Some(amount) = field(&form, "amount") {
        match amount.parse::<f64>() {
            Ok(a) => body["amount"] = json!(a),
            Err(_) => return back("취소 금액 / cancel amount must be a number", Some(&id)),
        }
    }
    let answer = iamport::payments::cancel(State(app), HeaderMap::new(), body_of(body)).await;
    let response = answer.into_response();
    let bytes = axum::body::to_bytes(response.into_body(), 1024 * 1024)
        .await
        .unwrap_or_default();
    let envelope: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    match unwrap_envelope(envelope) {
        Ok(p) => back(
            &format!(
                "iamport {id}: {}",
                iamport_label(p["status"].as_str().unwrap_or(""))
            ),
            Some(&id),
        ),
        Err(m) => back(&format!("iamport {id}: {m}"), Some(&id)),
    }
}

async fn resend(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    match outcome(admin::resend_webhook(State(app), Path(id.clone())).await).await {
        Ok(d) => back(
            &format!("webhook #{id} 재전송 / sent again as #{}", d["id"]),
            None,
        ),
        Err(m) => back(&format!("webhook #{id}: {m}"), None),
    }
}

async fn set_webhook_url(State(app): State<Arc<App>>, Form(form): FormData) -> Response {
    let url = field(&form, "webhook_url");
    let body = json!({ "webhook_url": url });
    match outcome(admin::configure(State(app), body_of(body)).await).await {
        Ok(_) => back(
            &format!("webhook URL: {}", url.unwrap_or("(none / 없음)")),
            None,
        ),
        Err(m) => back(&m, None),
    }
}

async fn arm_fault(State(app): State<Arc<App>>, Form(form): FormData) -> Response {
    let mut spec = Map::new();
    for key in ["provider", "method", "path"] {
        if let Some(v) = field(&form, key) {
            spec.insert(key.into(), json!(v));
        }
    }
    for key in ["status", "latency_ms", "times"] {
        if let Some(v) = field(&form, key) {
            match v.parse::<u64>() {
                Ok(n) => {
                    spec.insert(key.into(), json!(n));
                }
                Err(_) => return back(&format!("{key} must be a whole number"), None),
            }
        }
    }
    for key in ["after", "drop", "non_json"] {
        if field(&form, key).is_some() {
            spec.insert(key.into(), json!(true));
        }
    }
    if let Some(location) = field(&form, "location") {
        spec.insert("headers".into(), json!({ "location": location }));
    }
    match outcome(admin::add_fault(State(app), body_of(Value::Object(spec))).await).await {
        Ok(f) => back(&format!("fault #{} armed / 장애 설정", f["id"]), None),
        Err(m) => back(&format!("fault: {m}"), None),
    }
}

async fn clear_faults(State(app): State<Arc<App>>) -> Response {
    app.lock().faults.clear();
    back("faults cleared / 장애 해제", None)
}

async fn advance_clock(State(app): State<Arc<App>>, Form(form): FormData) -> Response {
    let seconds = field(&form, "seconds").and_then(|s| s.parse::<f64>().ok());
    let Some(seconds) = seconds else {
        return back("seconds must be a number", None);
    };
    match admin::advance_clock_by(&app, seconds) {
        Ok(v) => back(
            &format!("clock / 시계: {}", v["now"].as_str().unwrap_or("")),
            None,
        ),
        Err(m) => back(&m, None),
    }
}

async fn reset(State(app): State<Arc<App>>) -> Response {
    app.reset();
    back("reset / 초기화", None)
}

// ---------- the page ----------

/// HTML-escapes text.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Korean / English label of a Bootpay status.
pub fn bootpay_label(status: i64, partial: bool) -> &'static str {
    match status {
        0 => "결제대기 / Pending",
        1 => "결제완료 / Paid",
        2 => "승인대기 / Awaiting confirmation",
        5 => "가상계좌 발급완료 / Virtual account issued",
        11 => "빌링키 발급완료 / Billing key issued",
        12 => "본인인증완료 / Identity verified",
        20 if partial => "부분취소 / Partially cancelled",
        20 => "결제취소 / Cancelled",
        41 => "자동이체 등록대기 / Transfer pending",
        _ => "기타 / Other",
    }
}

/// Korean / English label of an iamport status.
pub fn iamport_label(status: &str) -> &'static str {
    match status {
        "ready" => "입금대기 / Ready (awaiting deposit)",
        "paid" => "결제완료 / Paid",
        "failed" => "결제실패 / Failed",
        "cancelled" => "결제취소 / Cancelled",
        _ => "기타 / Other",
    }
}

/// Keys whose values never appear on the page.
const SECRET_KEYS: &[&str] = &[
    "private_key",
    "secret_key",
    "imp_secret",
    "access_token",
    "card_no",
    "card_number",
    "card_pw",
    "pwd_2digit",
    "card_identity_no",
    "identity_no",
    "birth",
    "expiry",
    "card_expire_year",
    "card_expire_month",
    "refund_account",
    "refund_holder",
    "bank_num",
    "account_number",
    "bank_account",
    "phone",
    "otp",
];

fn is_secret(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    let key = key.trim_end_matches("[]");
    SECRET_KEYS.contains(&key)
}

/// A JSON value with secret members replaced by `"***"`.
pub fn redact(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, v)| {
                    let v = if is_secret(k) {
                        json!("***")
                    } else {
                        redact(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(redact).collect()),
        other => other.clone(),
    }
}

/// A query string or form body with secret values replaced by `***`.
fn redact_pairs(text: &str) -> String {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(text.as_bytes())
        .map(|(k, v)| {
            let v = if is_secret(&k) {
                "***".into()
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

fn request_row(r: &Recorded, out: &mut String) {
    let entry = r.to_json();
    let body = if entry["body"].is_null() {
        entry["raw_body"]
            .as_str()
            .map(|raw| {
                if entry["body_truncated"] == true {
                    format!("({} bytes, truncated)", r.body_len)
                } else {
                    redact_pairs(raw)
                }
            })
            .unwrap_or_default()
    } else {
        serde_json::to_string_pretty(&redact(&entry["body"])).unwrap_or_default()
    };
    let query = if r.query.is_empty() {
        String::new()
    } else {
        format!("?{}", redact_pairs(&r.query))
    };
    let status = r.status.map_or("…".into(), |s| s.to_string());
    let duration = r.duration_ms.map_or("…".into(), |d| format!("{d:.1} ms"));
    let prefix = match r.provider {
        crate::record::Provider::Bootpay => "/v2/",
        crate::record::Provider::Iamport => "/iamport/",
    };
    let _ = write!(
        out,
        "<tr><td>{}</td><td>{}</td><td><code>{}{}{}</code></td><td class=\"st s{}\">{}</td><td>{}</td><td>{}</td></tr>",
        esc(&r.at),
        esc(&r.method),
        prefix,
        esc(&r.path),
        esc(&query),
        status.chars().next().unwrap_or('x'),
        esc(&status),
        esc(&duration),
        if body.is_empty() {
            String::new()
        } else {
            format!("<details><summary>body</summary><pre>{}</pre></details>", esc(&body))
        },
    );
}

fn time_of(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .map(|t| format_time(&t.with_timezone(&crate::clock::KST)))
        .unwrap_or_default()
}

/// `GET /`.
async fn page(State(app): State<Arc<App>>, Query(q): Query<HashMap<String, String>>) -> Response {
    let state = app.lock();
    let mut html = String::with_capacity(64 * 1024);
    let now = format_time(&state.now());
    let webhook_url = state.webhooks.url.clone().unwrap_or_default();
    let _ = write!(
        html,
        r#"<!doctype html><html lang="ko"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>paywire sandbox</title><style>{CSS}</style></head><body>
<header><h1>paywire sandbox</h1><span>Bootpay <code>{base}/v2</code> · iamport <code>{base}/iamport</code> · <a href="/__admin/openapi.json">admin API</a></span>
<span id="clock">시계 / clock: <b>{now}</b></span>
<label><input type="checkbox" id="live"> 자동 새로고침 / live</label></header>"#,
        base = esc(&state.base_url),
        now = esc(&now),
    );
    if let Some(msg) = q.get("msg") {
        let _ = write!(
            html,
            r#"<p id="flash" data-payment-id="{}">{}</p>"#,
            esc(q.get("focus").map_or("", String::as_str)),
            esc(msg)
        );
    }

    // Checkout.
    let _ = write!(
        html,
        r#"<section><h2>고객 결제 / Play the customer</h2>
<form id="checkout" method="post" action="/dashboard/checkout" class="row">
<label>PG <select name="provider"><option value="bootpay">Bootpay</option><option value="iamport">iamport</option></select></label>
<label>주문번호 / order id <input name="order_id" placeholder="(auto)"></label>
<label>상품명 / order name <input name="order_name" value="sandbox order"></label>
<label>금액 / amount <input name="amount" type="number" min="0" value="1000" required></label>
<label>결과 / outcome <select name="outcome">
<option value="paid">카드 결제 / card, paid</option>
<option value="confirm">카드, 승인대기 / card, awaiting confirm (Bootpay)</option>
<option value="vbank">가상계좌 / virtual account</option>
<option value="fail">카드 거절 / card declined</option></select></label>
<label>webhook URL (이 결제만 / this payment) <input name="webhook_url" placeholder="(sandbox default)"></label>
<button id="checkout-submit">결제하기 / Pay</button></form></section>"#
    );

    // Payments.
    let _ = write!(
        html,
        r#"<section><h2>결제 / Payments</h2><table id="payments"><thead><tr><th>PG</th><th>id</th><th>주문 / order</th><th>금액 / amount</th><th>수단 / method</th><th>상태 / status</th><th>이력 / history</th><th>작업 / actions</th></tr></thead><tbody>"#
    );
    let mut receipts: Vec<_> = state.receipts.values().collect();
    receipts.sort_by(|a, b| {
        b.requested_at
            .cmp(&a.requested_at)
            .then(b.receipt_id.cmp(&a.receipt_id))
    });
    for r in receipts.iter().take(ROWS) {
        let partial = r.status == 20 && r.cancelled_price < r.price;
        let mut history = format!("요청 / requested {}", format_time(&r.requested_at));
        if let Some(t) = r.purchased_at {
            let _ = write!(history, "<br>결제 / paid {}", format_time(&t));
        }
        for c in &r.cancel_history {
            let _ = write!(
                history,
                "<br>취소 / cancelled {} {}",
                c["cancel_price"],
                esc(c["cancelled_at"].as_str().unwrap_or(""))
            );
        }
        let id = esc(&r.receipt_id);
        let mut actions = String::new();
        if r.status == 2 {
            let _ = write!(
                actions,
                r#"<form method="post" action="/dashboard/bootpay/{id}/confirm"><button class="confirm">승인 / Confirm</button></form>"#
            );
        }
        if r.status == 5 {
            let _ = write!(
                actions,
                r#"<form method="post" action="/dashboard/bootpay/{id}/deposit"><button class="deposit">입금 / Deposit</button></form>"#
            );
        }
        if (r.status == 1 || r.status == 20) && r.remaining_price() > 0 {
            let _ = write!(
                actions,
                r#"<form method="post" action="/dashboard/bootpay/{id}/cancel"><input name="amount" type="number" min="1" placeholder="전액 / all" size="6"><button class="cancel">취소 / Cancel</button></form>"#
            );
        }
        let _ = write!(
            html,
            r#"<tr id="pay-{id}" data-provider="bootpay" data-status="{}"><td>Bootpay</td><td><code>{id}</code></td><td>{}<br><small>{}</small></td><td>{}{}</td><td>{}</td><td class="status">{}</td><td><small>{}</small></td><td>{}</td></tr>"#,
            r.status,
            esc(&r.order_id),
            esc(&r.order_name),
            r.price,
            if r.cancelled_price > 0 {
                format!("<br><small>취소 −{}</small>", r.cancelled_price)
            } else {
                String::new()
            },
            esc(&r.method),
            bootpay_label(r.status, partial),
            history,
            actions
        );
    }
    let mut payments: Vec<_> = state.iamport.payments.values().collect();
    payments.sort_by_key(|p| std::cmp::Reverse(p.seq));
    for p in payments.iter().take(ROWS) {
        let mut history = format!("시작 / started {}", time_of(p.started_at));
        if p.paid_at > 0 {
            let _ = write!(history, "<br>결제 / paid {}", time_of(p.paid_at));
        }
        if p.failed_at > 0 {
            let _ = write!(
                history,
                "<br>실패 / failed {} {}",
                time_of(p.failed_at),
                esc(p.fail_reason.as_deref().unwrap_or(""))
            );
        }
        for c in &p.cancel_history {
            let _ = write!(
                history,
                "<br>취소 / cancelled {} {} <code>{}</code>",
                c.amount,
                time_of(c.cancelled_at),
                esc(&c.cancellation_id)
            );
        }
        let id = esc(&p.imp_uid);
        let mut actions = String::new();
        if p.status == "ready" && p.pay_method == "vbank" {
            let _ = write!(
                actions,
                r#"<form method="post" action="/dashboard/iamport/{id}/deposit"><button class="deposit">입금 / Deposit</button></form>"#
            );
        }
        if p.status == "paid" {
            let _ = write!(
                actions,
                r#"<form method="post" action="/dashboard/iamport/{id}/cancel"><input name="amount" type="number" min="1" placeholder="전액 / all" size="6"><button class="cancel">취소 / Cancel</button></form>"#
            );
        }
        let _ = write!(
            html,
            r#"<tr id="pay-{id}" data-provider="iamport" data-status="{}"><td>iamport</td><td><code>{id}</code></td><td>{}<br><small>{}</small></td><td>{}{}</td><td>{}</td><td class="status">{}</td><td><small>{}</small></td><td>{}</td></tr>"#,
            esc(&p.status),
            esc(&p.merchant_uid),
            esc(p.name.as_deref().unwrap_or("")),
            p.amount,
            if p.cancel_amount.is_zero() {
                String::new()
            } else {
                format!("<br><small>취소 −{}</small>", p.cancel_amount)
            },
            esc(&p.pay_method),
            iamport_label(&p.status),
            history,
            actions
        );
    }
    html.push_str("</tbody></table></section>");

    // Webhooks.
    let _ = write!(
        html,
        r#"<section><h2>웹훅 / Webhooks</h2>
<form id="webhook-url" method="post" action="/dashboard/webhook-url" class="row"><label>기본 수신 URL / receiver <input name="webhook_url" size="40" value="{}" placeholder="http://127.0.0.1:9000/hook"></label><button>저장 / Save</button></form>
<table id="webhooks"><thead><tr><th>#</th><th>PG</th><th>이벤트 / event</th><th>결제 / payment</th><th>URL</th><th>상태 / state</th><th>시도 / attempts</th><th>payload</th><th></th></tr></thead><tbody>"#,
        esc(&webhook_url)
    );
    for d in state.webhooks.deliveries.iter().rev().take(ROWS) {
        let mut attempts = String::new();
        for a in &d.attempts {
            let _ = write!(
                attempts,
                "<div>#{} {} <code>{}</code></div>",
                a["attempt"],
                a["status"].as_u64().map_or_else(
                    || esc(a["error"].as_str().unwrap_or("error")),
                    |s| s.to_string()
                ),
                esc(a["answer"].as_str().unwrap_or(""))
            );
        }
        let state_label = match d.state {
            "delivered" => "전송완료 / delivered",
            "failed" => "실패 / failed",
            "dropped" => "대기열 초과 / dropped",
            _ => "전송중 / pending",
        };
        let _ = write!(
            html,
            r#"<tr id="webhook-{id}" data-state="{state}" data-event="{event}" data-payment="{payment}"><td>{id}</td><td>{provider}</td><td>{event}{resent}</td><td><code>{payment}</code></td><td><small>{url}</small></td><td class="wstate">{label}</td><td><small>{attempts}</small></td><td><details><summary>JSON</summary><pre>{payload}</pre></details></td><td><form method="post" action="/dashboard/webhooks/{id}/resend"><button class="resend">다시 보내기 / Send again</button></form></td></tr>"#,
            id = d.id,
            state = d.state,
            provider = d.provider.name(),
            event = esc(&d.event),
            payment = esc(&d.payment_id),
            url = esc(&d.url),
            label = state_label,
            resent = d
                .resend_of
                .map_or_else(String::new, |o| format!("<br><small>↻ #{o}</small>")),
            attempts = attempts,
            payload = esc(&serde_json::to_string_pretty(&redact(&d.payload)).unwrap_or_default()),
        );
    }
    html.push_str("</tbody></table></section>");

    // Faults and clock.
    let _ = write!(
        html,
        r#"<section><h2>장애 주입 / Faults · 시계 / Clock</h2>
<form id="fault" method="post" action="/dashboard/faults" class="row">
<label>PG <select name="provider"><option>bootpay</option><option>iamport</option></select></label>
<label>method <input name="method" size="6" placeholder="any"></label>
<label>path <input name="path" value="confirm" size="14"></label>
<label>status <input name="status" size="4"></label>
<label>latency ms <input name="latency_ms" size="6"></label>
<label>times <input name="times" size="3" value="1"></label>
<label>Location <input name="location" size="18" placeholder="(3xx)"></label>
<label><input type="checkbox" name="after"> after</label>
<label><input type="checkbox" name="drop"> drop</label>
<label><input type="checkbox" name="non_json"> HTML 502</label>
<button>설정 / Arm</button></form>
<form method="post" action="/dashboard/faults/clear"><button>모두 해제 / Clear all</button></form>
<ul id="faults">"#
    );
    for f in &state.faults {
        let _ = write!(
            html,
            "<li><code>{}</code></li>",
            esc(&f.to_json().to_string())
        );
    }
    let _ = write!(
        html,
        r#"</ul><form id="clock-form" method="post" action="/dashboard/clock" class="row"><label>시계 앞으로 / advance clock (s) <input name="seconds" value="3600" size="8"></label><button>이동 / Advance</button></form>
<form method="post" action="/dashboard/reset"><button>초기화 / Reset everything</button></form></section>"#
    );

    // Request log.
    html.push_str(r#"<section><h2>요청 기록 / Request log</h2><table id="requests"><thead><tr><th>시각 / at</th><th>method</th><th>path</th><th>status</th><th>duration</th><th>body (redacted)</th></tr></thead><tbody>"#);
    for r in state.requests.iter().rev().take(ROWS) {
        request_row(r, &mut html);
    }
    html.push_str("</tbody></table></section>");
    let _ = write!(html, "<script>{JS}</script></body></html>");
    drop(state);
    let mut response = Html(html).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

const CSS: &str = r#"
body{font:14px/1.4 system-ui,"Apple SD Gothic Neo","Noto Sans KR",sans-serif;margin:0 1.5em 2em;color:#1d232a;background:#f7f8fa}
header{display:flex;flex-wrap:wrap;gap:1.2em;align-items:baseline;padding:.8em 0;border-bottom:1px solid #d5d9e0}
h1{font-size:20px;margin:0}h2{font-size:16px;margin:1.2em 0 .5em}
section{background:#fff;border:1px solid #e1e4ea;border-radius:6px;padding:.4em 1em 1em;margin-top:1em}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #eceef2;vertical-align:top}
th{background:#f0f2f5;font-weight:600}code{font-size:12px}pre{max-width:46em;max-height:20em;overflow:auto;font-size:12px;background:#f4f5f7;padding:.5em}
.row{display:flex;flex-wrap:wrap;gap:.6em;align-items:end}label{display:flex;flex-direction:column;font-size:12px;color:#4a5563}
form{margin:.2em 0}button{cursor:pointer;padding:3px 10px;border:1px solid #8a94a6;border-radius:4px;background:#fff}
button.confirm,button#checkout-submit{background:#1f6feb;color:#fff;border-color:#1f6feb}button.cancel{color:#b42318;border-color:#b42318}
#flash{background:#fff6d6;border:1px solid #e9c46a;padding:.5em 1em;border-radius:4px}
tr[data-status="1"] .status,tr[data-status="paid"] .status,tr[data-state="delivered"] .wstate{color:#1a7f37;font-weight:600}
tr[data-status="20"] .status,tr[data-status="cancelled"] .status,tr[data-status="failed"] .status,tr[data-state="failed"] .wstate{color:#b42318;font-weight:600}
.st.s4,.st.s5{color:#b42318}
"#;

const JS: &str = r#"
(function(){var box=document.getElementById('live');box.checked=localStorage.getItem('live')==='1';
box.addEventListener('change',function(){localStorage.setItem('live',box.checked?'1':'0');});
setInterval(function(){if(box.checked&&!document.querySelector('input:focus')){location.href='/';}},2000);})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_redacted() {
        let v = json!({"card_no": "5365100000001234", "nested": [{"imp_secret": "s", "amount": 1}], "private_key": "k"});
        let r = redact(&v);
        assert_eq!(r["card_no"], "***");
        assert_eq!(r["nested"][0]["imp_secret"], "***");
        assert_eq!(r["nested"][0]["amount"], 1);
        assert_eq!(r["private_key"], "***");
        assert_eq!(
            redact_pairs("bank_code=088&bank_num=1002123&x=1"),
            "bank_code=088&bank_num=***&x=1"
        );
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
