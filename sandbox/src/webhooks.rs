//! Webhooks delivered for real: when a payment changes state the sandbox POSTs the provider's
//! webhook to the merchant, retries the way the provider does, and records every attempt.
//!
//! Detection is by comparison, not by hooks in each handler: after every request (and so
//! after reservations and schedules the request ran), each payment's webhook-relevant state
//! (`status`, amount cancelled) is compared with the one last notified. Whatever path changed
//! it — API, admin, dashboard, a due reservation — the merchant hears about it once.
//!
//! Delivery is asynchronous: events go through a bounded queue to a dispatcher task, which runs
//! each delivery (its retries with exponential backoff) in its own task.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use serde_json::{json, Map, Value};
use tokio::sync::mpsc;

use crate::clock::format_time;
use crate::iamport::params as iam_params;
use crate::record::{split_path, Provider};
use crate::state::{App, State as Store};

/// Bootpay resends a webhook until it gets `{"success": true}`, at most this many more times
/// (spec bootpay-v2 §9: "default 10 times").
pub const BOOTPAY_RETRIES: u32 = 10;

/// iamport resends at most this many more times (spec iamport-v1 §7.1: "up to 5 retries").
pub const IAMPORT_RETRIES: u32 = 5;

/// Deliveries kept for `GET /__admin/webhooks`; the oldest are forgotten past it.
pub const MAX_DELIVERIES: usize = 1000;

/// Events waiting for the dispatcher; past it an event is recorded as not sent.
const QUEUE_DEPTH: usize = 1024;

/// Longest wait between two attempts, whatever the backoff base.
const MAX_BACKOFF: Duration = Duration::from_secs(60);

/// The receiver's answer is kept up to this many bytes.
const MAX_ANSWER_KEPT: usize = 4096;

/// How iamport webhook bodies are encoded (a console setting at iamport). With the `uniffi` feature it
/// crosses as it is: Kotlin `IamportFormat.FORM`, Swift `.form`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum IamportFormat {
    /// `application/json` (the default).
    #[default]
    Json,
    /// `application/x-www-form-urlencoded`.
    Form,
}

impl IamportFormat {
    /// `"json"` or `"form"`.
    pub fn name(self) -> &'static str {
        match self {
            IamportFormat::Json => "json",
            IamportFormat::Form => "form",
        }
    }
}

/// Webhook settings and bookkeeping inside the store.
#[derive(Debug)]
pub struct WebhookState {
    /// The sandbox-wide receiver (both providers), if any.
    pub url: Option<String>,
    /// Encoding of iamport bodies.
    pub iamport_format: IamportFormat,
    /// Per-payment receivers: Bootpay by `order_id`, iamport by `merchant_uid`.
    pub targets: HashMap<(Provider, String), Vec<String>>,
    /// Last notified (status, cancelled amount) per Bootpay receipt id.
    seen_bootpay: HashMap<String, (i64, i64)>,
    /// Last notified (status, number of cancels) per iamport imp_uid.
    seen_iamport: HashMap<String, (String, usize)>,
    /// iamport payments whose next cancel came through the API without `enable_webhook`.
    pub quiet_iamport_cancels: HashSet<String>,
    /// Deliveries, oldest first.
    pub deliveries: VecDeque<Delivery>,
    /// Id of the next delivery.
    pub next_id: u64,
}

impl WebhookState {
    /// No receiver, nothing seen.
    pub fn new(url: Option<String>, iamport_format: IamportFormat) -> Self {
        WebhookState {
            url,
            iamport_format,
            targets: HashMap::new(),
            seen_bootpay: HashMap::new(),
            seen_iamport: HashMap::new(),
            quiet_iamport_cancels: HashSet::new(),
            deliveries: VecDeque::new(),
            next_id: 1,
        }
    }
}

/// One webhook to one receiver, with every attempt.
#[derive(Debug, Clone)]
pub struct Delivery {
    /// Sequence number (`/__admin/webhooks/{id}/resend`).
    pub id: u64,
    /// Which API it imitates.
    pub provider: Provider,
    /// `webhook_type` (Bootpay) or `status` (iamport).
    pub event: String,
    /// Receipt id or imp_uid.
    pub payment_id: String,
    /// Receiver.
    pub url: String,
    /// The body sent, as JSON (form deliveries encode it).
    pub payload: Value,
    /// Form encoding instead of JSON.
    pub form: bool,
    /// `pending`, `delivered`, `failed` (gave up) or `dropped` (queue full).
    pub state: &'static str,
    /// Each attempt's outcome.
    pub attempts: Vec<Value>,
    /// Sandbox time it was created.
    pub created_at: String,
    /// The delivery this one resends.
    pub resend_of: Option<u64>,
}

impl Delivery {
    /// How the admin API shows it.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "provider": self.provider.name(),
            "event": self.event,
            "payment_id": self.payment_id,
            "url": self.url,
            "content_type": if self.form { "application/x-www-form-urlencoded" } else { "application/json" },
            "payload": self.payload,
            "state": self.state,
            "attempts": self.attempts,
            "created_at": self.created_at,
            "resend_of": self.resend_of,
        })
    }

    fn max_attempts(&self) -> u32 {
        1 + match self.provider {
            Provider::Bootpay => BOOTPAY_RETRIES,
            Provider::Iamport => IAMPORT_RETRIES,
        }
    }
}

/// The handle on the dispatcher task.
#[derive(Debug)]
pub struct Dispatcher {
    queue: mpsc::Sender<u64>,
}

/// Timing of deliveries (from `SandboxConfig`).
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// Wait before the first retry; doubled each time, at most 60 s.
    pub backoff_base: Duration,
    /// Limit on one attempt (connect, send, read the answer).
    pub attempt_timeout: Duration,
}

impl Dispatcher {
    /// Starts the dispatcher. It holds the app weakly, so it ends with the sandbox.
    pub fn start(app: Weak<App>, timing: Timing) -> Dispatcher {
        // reqwest is built without a default TLS provider; https receivers need one.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let (queue, mut events) = mpsc::channel::<u64>(QUEUE_DEPTH);
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timing.attempt_timeout)
            .build()
            .ok();
        tokio::spawn(async move {
            while let Some(id) = events.recv().await {
                let (Some(app), Some(client)) = (app.upgrade(), client.clone()) else {
                    break;
                };
                tokio::spawn(deliver(app, client, id, timing));
            }
        });
        Dispatcher { queue }
    }

    /// Queues delivery `id`; answers false if the queue is full.
    fn send(&self, id: u64) -> bool {
        self.queue.try_send(id).is_ok()
    }
}

/// Runs one delivery's attempts until the receiver accepts or the retries run out.
async fn deliver(app: Arc<App>, client: reqwest::Client, id: u64, timing: Timing) {
    let Some(delivery) = app.lock().webhooks.delivery(id).cloned() else {
        return;
    };
    let max = delivery.max_attempts();
    for attempt in 1..=max {
        if attempt > 1 {
            let factor = 2u32.saturating_pow(attempt - 2);
            let wait = timing
                .backoff_base
                .checked_mul(factor)
                .unwrap_or(MAX_BACKOFF)
                .min(MAX_BACKOFF);
            tokio::time::sleep(wait).await;
        }
        let request = client.post(&delivery.url);
        let request = if delivery.form {
            let encoded = form_urlencoded::Serializer::new(String::new())
                .extend_pairs(form_pairs(&delivery.payload))
                .finish();
            request
                .header("content-type", "application/x-www-form-urlencoded")
                .body(encoded)
        } else {
            request.json(&delivery.payload)
        };
        let started = Instant::now();
        let outcome = match request.send().await {
            Ok(resp) => {
                let status = resp.status().as_u16();
                let body = resp.bytes().await.unwrap_or_default();
                Ok((status, body))
            }
            Err(e) => Err(e.to_string()),
        };
        let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
        let (record, accepted) = match &outcome {
            Ok((status, body)) => {
                let accepted = accepts(delivery.provider, *status, body);
                let kept = &body[..body.len().min(MAX_ANSWER_KEPT)];
                (
                    json!({
                        "attempt": attempt,
                        "status": status,
                        "answer": String::from_utf8_lossy(kept),
                        "accepted": accepted,
                        "duration_ms": duration_ms,
                    }),
                    accepted,
                )
            }
            Err(error) => (
                json!({
                    "attempt": attempt,
                    "status": null,
                    "error": error,
                    "accepted": false,
                    "duration_ms": duration_ms,
                }),
                false,
            ),
        };
        let mut state = app.lock();
        let at = format_time(&state.now());
        let Some(d) = state.webhooks.delivery_mut(id) else {
            return;
        };
        let mut record = record;
        record["at"] = json!(at);
        d.attempts.push(record);
        if accepted {
            d.state = "delivered";
            return;
        }
        if attempt == max {
            d.state = "failed";
        }
    }
}

/// Bootpay: 2xx with `{"success": true}`. iamport: any 2xx.
fn accepts(provider: Provider, status: u16, body: &[u8]) -> bool {
    if !(200..300).contains(&status) {
        return false;
    }
    match provider {
        Provider::Iamport => true,
        Provider::Bootpay => serde_json::from_slice::<Value>(body)
            .ok()
            .is_some_and(|v| v.get("success") == Some(&Value::Bool(true))),
    }
}

/// A flat JSON object as form pairs (nested values as their JSON text, null as empty).
fn form_pairs(payload: &Value) -> Vec<(String, String)> {
    payload
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| {
            let text = match v {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            };
            (k.clone(), text)
        })
        .collect()
}

impl WebhookState {
    fn delivery(&self, id: u64) -> Option<&Delivery> {
        self.deliveries.iter().find(|d| d.id == id)
    }

    fn delivery_mut(&mut self, id: u64) -> Option<&mut Delivery> {
        self.deliveries.iter_mut().find(|d| d.id == id)
    }

    /// Whether anything could be sent at all (skips the comparison when not).
    fn active(&self) -> bool {
        self.url.is_some() || !self.targets.is_empty()
    }

    fn receivers(&self, provider: Provider, order: &str) -> Vec<String> {
        match self.targets.get(&(provider, order.to_string())) {
            Some(urls) if !urls.is_empty() => urls.clone(),
            _ => self.url.iter().cloned().collect(),
        }
    }

    fn push(&mut self, mut d: Delivery) -> u64 {
        d.id = self.next_id;
        self.next_id += 1;
        if self.deliveries.len() >= MAX_DELIVERIES {
            self.deliveries.pop_front();
        }
        let id = d.id;
        self.deliveries.push_back(d);
        id
    }
}

/// Marks every payment's current state as already notified (when a receiver is configured, so
/// it hears about changes from then on, not about the past).
pub fn mark_all_seen(store: &mut Store) {
    let bootpay: Vec<(String, (i64, i64))> = store
        .receipts
        .values()
        .map(|r| (r.receipt_id.clone(), (r.status, r.cancelled_price)))
        .collect();
    let iamport: Vec<(String, (String, usize))> = store
        .iamport
        .payments
        .values()
        .map(|p| {
            (
                p.imp_uid.clone(),
                (p.status.clone(), p.cancel_history.len()),
            )
        })
        .collect();
    store.webhooks.seen_bootpay.extend(bootpay);
    store.webhooks.seen_iamport.extend(iamport);
}

/// Finds payments whose state changed since last notified and creates their deliveries;
/// answers the ids to queue.
fn collect_events(store: &mut Store) -> Vec<u64> {
    if !store.webhooks.active() {
        return Vec::new();
    }
    let now = format_time(&store.now());
    let mut created = Vec::new();
    let mut pending: Vec<Delivery> = Vec::new();
    let all = store.webhooks.url.is_some();

    for r in store.receipts.values() {
        let signature = (r.status, r.cancelled_price);
        let seen = store.webhooks.seen_bootpay.get(&r.receipt_id);
        if seen == Some(&signature) {
            continue;
        }
        let targets = store.webhooks.receivers(Provider::Bootpay, &r.order_id);
        if !all
            && !store
                .webhooks
                .targets
                .contains_key(&(Provider::Bootpay, r.order_id.clone()))
        {
            continue;
        }
        // Paid (1), virtual account issued (5), cancelled (20), billing key issued (11).
        if ![1, 5, 11, 20].contains(&r.status) {
            continue;
        }
        let payload = r.webhook_json();
        let event = payload
            .get("webhook_type")
            .and_then(Value::as_str)
            .map_or_else(|| format!("status {}", r.status), str::to_string);
        for url in targets {
            pending.push(Delivery {
                id: 0,
                provider: Provider::Bootpay,
                event: event.clone(),
                payment_id: r.receipt_id.clone(),
                url,
                payload: payload.clone(),
                form: false,
                state: "pending",
                attempts: Vec::new(),
                created_at: now.clone(),
                resend_of: None,
            });
        }
    }
    let bootpay_seen: Vec<(String, (i64, i64))> = store
        .receipts
        .values()
        .filter(|r| {
            all || store
                .webhooks
                .targets
                .contains_key(&(Provider::Bootpay, r.order_id.clone()))
        })
        .map(|r| (r.receipt_id.clone(), (r.status, r.cancelled_price)))
        .collect();

    let form = store.webhooks.iamport_format == IamportFormat::Form;
    let mut iamport_seen = Vec::new();
    for p in store.iamport.payments.values() {
        let has_target = store
            .webhooks
            .targets
            .contains_key(&(Provider::Iamport, p.merchant_uid.clone()));
        if !all && !has_target {
            continue;
        }
        let signature = (p.status.clone(), p.cancel_history.len());
        let previous = store.webhooks.seen_iamport.get(&p.imp_uid);
        if previous == Some(&signature) {
            continue;
        }
        iamport_seen.push((p.imp_uid.clone(), signature.clone()));
        let cancelled_more = previous.is_some_and(|(_, n)| *n < signature.1)
            || (previous.is_none() && signature.1 > 0);
        let send = match p.status.as_str() {
            "paid" | "ready" => {
                !cancelled_more || !store.webhooks.quiet_iamport_cancels.contains(&p.imp_uid)
            }
            // A failed payment is announced only when a schedule ran it (spec iamport-v1 §7.1).
            "failed" => p.customer_uid_usage.as_deref() == Some("payment.scheduled"),
            "cancelled" => !store.webhooks.quiet_iamport_cancels.contains(&p.imp_uid),
            _ => false,
        };
        if !send {
            continue;
        }
        let mut payload = json!({
            "imp_uid": p.imp_uid,
            "merchant_uid": p.merchant_uid,
            "status": p.status,
        });
        if cancelled_more {
            if let Some(last) = p.cancel_history.last() {
                payload["cancellation_id"] = json!(last.cancellation_id);
            }
        }
        for url in store.webhooks.receivers(Provider::Iamport, &p.merchant_uid) {
            pending.push(Delivery {
                id: 0,
                provider: Provider::Iamport,
                event: p.status.clone(),
                payment_id: p.imp_uid.clone(),
                url,
                payload: payload.clone(),
                form,
                state: "pending",
                attempts: Vec::new(),
                created_at: now.clone(),
                resend_of: None,
            });
        }
    }
    store.webhooks.seen_bootpay.extend(bootpay_seen);
    store.webhooks.seen_iamport.extend(iamport_seen);
    store.webhooks.quiet_iamport_cancels.clear();
    for d in pending {
        created.push(store.webhooks.push(d));
    }
    created
}

/// Queues deliveries; one that does not fit in the queue is marked `dropped`.
fn enqueue(app: &App, store: &mut Store, ids: Vec<u64>) {
    for id in ids {
        if !app.webhook_dispatcher().send(id) {
            if let Some(d) = store.webhooks.delivery_mut(id) {
                d.state = "dropped";
            }
        }
    }
}

/// Compares and queues now (after an admin or dashboard change, or a request).
pub fn notify_changes(app: &App) {
    let mut store = app.lock();
    let ids = collect_events(&mut store);
    enqueue(app, &mut store, ids);
}

/// Sends a recorded delivery again, as a new delivery; answers it.
pub fn resend(app: &App, id: u64) -> Option<Value> {
    let mut store = app.lock();
    let original = store.webhooks.delivery(id)?.clone();
    let now = format_time(&store.now());
    let new_id = store.webhooks.push(Delivery {
        state: "pending",
        attempts: Vec::new(),
        created_at: now,
        resend_of: Some(id),
        ..original
    });
    enqueue(app, &mut store, vec![new_id]);
    store.webhooks.delivery(new_id).map(Delivery::to_json)
}

/// The middleware (around every route): registers per-payment receivers named in the request
/// (iamport `notice_url`, Bootpay `feedback_url`), runs the request, then notifies changes.
pub async fn webhook_layer(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    // The body was buffered by the outer body layer: this only moves the bytes.
    let bytes = axum::body::to_bytes(body, crate::body::MAX_REQUEST_BODY)
        .await
        .unwrap_or_default();
    register_targets(&app, parts.uri.path(), &parts.headers, &bytes);
    let req = Request::from_parts(parts, axum::body::Body::from(bytes));
    let response = next.run(req).await;
    notify_changes(&app);
    response
}

/// Requests that may name a per-payment receiver (only these bodies are read here).
const TARGET_PATHS: &[(Provider, &str)] = &[
    (Provider::Iamport, "payments/prepare"),
    (Provider::Iamport, "subscribe/payments/onetime"),
    (Provider::Iamport, "subscribe/payments/again"),
    (Provider::Iamport, "subscribe/payments/schedule"),
    (Provider::Iamport, "vbanks"),
    (Provider::Bootpay, "subscribe/payment/reserve"),
];

/// Reads `notice_url` (iamport) or `feedback_url` (Bootpay reserve) with the order id it is for.
fn register_targets(app: &App, path: &str, headers: &HeaderMap, bytes: &axum::body::Bytes) {
    if bytes.is_empty() || path.starts_with("/__admin") {
        return;
    }
    let (provider, relative) = split_path(path);
    let relative = relative.trim_end_matches('/');
    if !TARGET_PATHS.contains(&(provider, relative)) {
        return;
    }
    let Ok(body) = iam_params::parse(headers, bytes) else {
        return;
    };
    let mut found: Vec<(String, Vec<String>)> = Vec::new();
    match provider {
        Provider::Iamport => {
            let urls = url_list(body.get("notice_url"));
            if let (false, Some(m)) = (
                urls.is_empty(),
                body.get("merchant_uid").and_then(Value::as_str),
            ) {
                found.push((m.to_string(), urls));
            }
            if relative == "subscribe/payments/schedule" {
                for s in body
                    .get("schedules")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let urls = url_list(s.get("notice_url"));
                    if let (false, Some(m)) = (
                        urls.is_empty(),
                        s.get("merchant_uid").and_then(Value::as_str),
                    ) {
                        found.push((m.to_string(), urls));
                    }
                }
            }
        }
        Provider::Bootpay => {
            let urls = url_list(body.get("feedback_url"));
            if let (false, Some(o)) = (
                urls.is_empty(),
                body.get("order_id").and_then(Value::as_str),
            ) {
                found.push((o.to_string(), urls));
            }
        }
    }
    if found.is_empty() {
        return;
    }
    let mut store = app.lock();
    for (order, urls) in found {
        store.webhooks.targets.insert((provider, order), urls);
    }
}

/// A URL or a list of URLs; only `http://`/`https://` ones are kept.
fn url_list(v: Option<&Value>) -> Vec<String> {
    let list: Vec<&Value> = match v {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => vec![other],
        None => Vec::new(),
    };
    list.into_iter()
        .filter_map(Value::as_str)
        .filter(|u| valid_url(u))
        .map(str::to_string)
        .collect()
}

/// An absolute `http`/`https` URL with a host.
pub fn valid_url(url: &str) -> bool {
    (url.starts_with("http://") || url.starts_with("https://"))
        && url
            .parse::<axum::http::Uri>()
            .ok()
            .is_some_and(|u| u.host().is_some_and(|h| !h.is_empty()))
}

/// `GET /__admin/webhooks` body: deliveries newest last, and the settings.
pub fn deliveries_json(store: &Store) -> Value {
    let mut settings = Map::new();
    settings.insert("webhook_url".into(), json!(store.webhooks.url));
    settings.insert(
        "iamport_webhook_format".into(),
        json!(store.webhooks.iamport_format.name()),
    );
    json!({
        "settings": settings,
        "deliveries": store.webhooks.deliveries.iter().map(Delivery::to_json).collect::<Vec<_>>(),
    })
}
