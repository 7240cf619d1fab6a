//! The in-memory store: everything the sandbox knows, behind one mutex.
//!
//! One lock keeps multi-object updates (a charge that creates a receipt and moves a
//! reservation) atomic. Handlers do all their work synchronously under it and never hold it
//! across an await, so contention stays at a few microseconds per request.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::{json, Value};

use crate::clock::{Clock, Time};
use crate::faults::Fault;
use crate::iamport::store::IamportState;
use crate::model::Authentication;
use crate::model::{reserve_status, BillingKey, Receipt, Reservation};
use crate::record::{Recorded, MAX_RECORDED_TOTAL};
use crate::webhooks::{Dispatcher, Timing, WebhookState};
use crate::SandboxConfig;

/// Recorded requests kept at most; older ones are forgotten so long benchmarks stay bounded
/// (the byte budget, [`crate::record::MAX_RECORDED_TOTAL`], applies as well).
pub const MAX_RECORDED_REQUESTS: usize = 10_000;

/// Shared by every handler: the store plus what never changes after start.
#[derive(Debug)]
pub struct App {
    state: Mutex<State>,
    initial: SandboxConfig,
    base_url: String,
    dispatcher: Dispatcher,
}

impl App {
    /// A store with the given configuration, serving under `base_url`, and its webhook
    /// dispatcher (a task: call inside a tokio runtime).
    pub fn new(config: SandboxConfig, base_url: String) -> Arc<Self> {
        let timing = Timing {
            backoff_base: config.webhook_backoff_base,
            attempt_timeout: config.webhook_timeout,
        };
        Arc::new_cyclic(|weak| App {
            state: Mutex::new(State::new(config.clone(), base_url.clone())),
            initial: config,
            base_url,
            dispatcher: Dispatcher::start(weak.clone(), timing),
        })
    }

    /// The webhook dispatcher.
    pub fn webhook_dispatcher(&self) -> &Dispatcher {
        &self.dispatcher
    }

    /// Locks the store, first running reservations whose time has come: that is how "the
    /// next request after the clock passes `reserve_execute_at`" executes them.
    pub fn lock(&self) -> MutexGuard<'_, State> {
        // A panic in a handler must not take the whole sandbox down with a poisoned lock.
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        guard.run_due_reservations();
        guard.run_due_iamport_schedules();
        guard
    }

    /// Forgets everything, back to the state at start. Sequence numbers of recorded requests
    /// and webhook deliveries keep counting, so a request or delivery still in flight cannot
    /// update a newer entry that happens to reuse its number.
    pub fn reset(&self) {
        let mut state = self.lock();
        let request_seq = state.next_request_seq;
        let delivery_seq = state.webhooks.next_id;
        *state = State::new(self.initial.clone(), self.base_url.clone());
        state.next_request_seq = request_seq;
        state.webhooks.next_id = delivery_seq;
    }
}

/// The token `request/token` hands out again while it is inside the re-issue window.
#[derive(Debug, Clone)]
pub struct ReusableToken {
    /// The token itself.
    pub token: String,
    /// End of the re-issue window.
    pub reuse_until: Time,
}

/// Request counters shown by `GET /__admin/counters`.
#[derive(Debug, Default)]
pub struct Counters {
    /// Every `POST request/token`, faulted ones included.
    pub token_requests: u64,
    /// Every iamport `POST users/getToken`, faulted ones included.
    pub iamport_token_requests: u64,
    /// By `"METHOD route-pattern"`.
    pub requests: BTreeMap<String, u64>,
}

/// Everything the sandbox knows.
#[derive(Debug)]
pub struct State {
    /// Credentials and token lifetime in force.
    pub config: SandboxConfig,
    /// `http://127.0.0.1:PORT`, for URLs inside answers.
    pub base_url: String,
    /// The sandbox clock.
    pub clock: Clock,
    /// Issued access tokens and when each expires.
    pub tokens: HashMap<String, Time>,
    /// The token re-issued inside its window.
    pub reusable_token: Option<ReusableToken>,
    /// Receipts by id.
    pub receipts: HashMap<String, Receipt>,
    /// Receipt ids by order id, in creation order.
    pub orders: HashMap<String, Vec<String>>,
    /// Live billing keys by key.
    pub billing_keys: HashMap<String, BillingKey>,
    /// Billing key by the receipt id it was issued with.
    pub billing_by_receipt: HashMap<String, String>,
    /// Automatic-transfer receipts already published as billing keys.
    pub published_transfers: HashSet<String>,
    /// Reservations by id.
    pub reservations: HashMap<String, Reservation>,
    /// Earliest time a pending reservation is due, so the per-request check is one compare.
    pub next_due: Option<Time>,
    /// User tokens issued, by token.
    pub user_tokens: HashMap<String, Value>,
    /// REST authentications by receipt id.
    pub authentications: HashMap<String, Authentication>,
    /// `authentication_id`s that completed (cannot be used again).
    pub completed_authentication_ids: HashSet<String>,
    /// Payment links by link id.
    pub links: HashMap<String, Value>,
    /// Injected faults, checked in insertion order.
    pub faults: Vec<Fault>,
    /// Id of the next fault.
    pub next_fault_id: u64,
    /// Request counters.
    pub counters: Counters,
    /// Recorded requests, oldest first.
    pub requests: VecDeque<Recorded>,
    /// What the recorded requests cost together (see [`Recorded::cost`]).
    pub requests_bytes: usize,
    /// Sequence number of the next recorded request.
    pub next_request_seq: u64,
    /// Everything on the iamport side.
    pub iamport: IamportState,
    /// Webhook receivers, what was notified, and the deliveries.
    pub webhooks: WebhookState,
}

impl State {
    fn new(config: SandboxConfig, base_url: String) -> Self {
        State {
            base_url,
            clock: Clock::default(),
            tokens: HashMap::new(),
            reusable_token: None,
            receipts: HashMap::new(),
            orders: HashMap::new(),
            billing_keys: HashMap::new(),
            billing_by_receipt: HashMap::new(),
            published_transfers: HashSet::new(),
            reservations: HashMap::new(),
            next_due: None,
            user_tokens: HashMap::new(),
            authentications: HashMap::new(),
            completed_authentication_ids: HashSet::new(),
            links: HashMap::new(),
            faults: Vec::new(),
            next_fault_id: 1,
            counters: Counters::default(),
            requests: VecDeque::new(),
            requests_bytes: 0,
            next_request_seq: 1,
            iamport: IamportState::default(),
            webhooks: WebhookState::new(config.webhook_url.clone(), config.iamport_webhook_format),
            config,
        }
    }

    /// The sandbox clock's now.
    pub fn now(&self) -> Time {
        self.clock.now()
    }

    /// A new receipt (status 0) stamped with the sandbox clock and URL.
    pub fn new_receipt(&self, order_id: String, order_name: String) -> Receipt {
        Receipt::new(&self.base_url, self.now(), order_id, order_name)
    }

    /// Stores a receipt and indexes it by order id.
    pub fn insert_receipt(&mut self, receipt: Receipt) -> &Receipt {
        let id = receipt.receipt_id.clone();
        self.orders
            .entry(receipt.order_id.clone())
            .or_default()
            .push(id.clone());
        self.receipts.entry(id).or_insert(receipt)
    }

    /// Whether a payment already carries this order id. Billing-key issue receipts (status
    /// 11, 41) carry the `subscription_id` and do not count.
    pub fn order_exists(&self, order_id: &str) -> bool {
        self.orders.get(order_id).is_some_and(|ids| {
            ids.iter()
                .filter_map(|id| self.receipts.get(id))
                .any(|r| r.status != 11 && r.status != 41)
        })
    }

    /// A paid card receipt charged on a billing key (subscribe payments and reservations).
    pub fn billing_receipt(
        &self,
        key: &BillingKey,
        order_id: String,
        order_name: String,
        price: i64,
        tax_free: i64,
    ) -> Receipt {
        let mut r = self.new_receipt(order_id, order_name);
        r.price = price;
        r.tax_free = tax_free;
        r.pg = key.pg.clone();
        r.method = key.method.clone();
        r.method_origin = if key.method == "bank_rebill" {
            "bank"
        } else {
            "card"
        }
        .into();
        r.card = key.card.clone();
        r.user = key.user.clone();
        r.status = 1;
        r.purchased_at = Some(r.requested_at);
        r
    }

    /// Recomputes the earliest pending reservation time.
    pub fn refresh_next_due(&mut self) {
        self.next_due = self
            .reservations
            .values()
            .filter(|r| r.status == reserve_status::RESERVED)
            .map(|r| r.execute_at)
            .min();
    }

    fn run_due_reservations(&mut self) {
        let now = self.now();
        if self.next_due.is_none_or(|due| due > now) {
            return;
        }
        let mut due: Vec<(Time, String)> = self
            .reservations
            .values()
            .filter(|r| r.status == reserve_status::RESERVED && r.execute_at <= now)
            .map(|r| (r.execute_at, r.reserve_id.clone()))
            .collect();
        due.sort();
        for (_, id) in due {
            self.execute_reservation(&id, now);
        }
        self.refresh_next_due();
    }

    fn execute_reservation(&mut self, reserve_id: &str, now: Time) {
        let Some(res) = self.reservations.get(reserve_id).cloned() else {
            return;
        };
        // A destroyed key does not cancel its reservations (spec §4.2 #14): the charge fails.
        let charged = match self.billing_keys.get(&res.billing_key) {
            Some(key) if res.price >= 100 => {
                let mut r = self.billing_receipt(
                    key,
                    res.order_id.clone(),
                    res.order_name.clone(),
                    res.price,
                    res.tax_free,
                );
                r.metadata = res.metadata.clone();
                if res.user.as_object().is_some_and(|u| !u.is_empty()) {
                    r.user = Some(res.user.clone());
                }
                if let Some(key) = self.billing_keys.get_mut(&res.billing_key) {
                    key.last_charged_at = r.purchased_at;
                }
                Some(self.insert_receipt(r).receipt_id.clone())
            }
            _ => None,
        };
        if let Some(res) = self.reservations.get_mut(reserve_id) {
            res.finished_at = Some(now);
            res.status = if charged.is_some() {
                reserve_status::EXECUTED
            } else {
                reserve_status::FAILED
            };
            res.receipt_id = charged;
        }
    }

    /// Appends a recorded request, forgetting the oldest past the count or byte cap; answers
    /// its sequence number.
    pub fn record_request(&mut self, mut entry: Recorded) -> u64 {
        entry.seq = self.next_request_seq;
        self.next_request_seq += 1;
        let cost = entry.cost();
        while !self.requests.is_empty()
            && (self.requests.len() >= MAX_RECORDED_REQUESTS
                || self.requests_bytes + cost > MAX_RECORDED_TOTAL)
        {
            if let Some(old) = self.requests.pop_front() {
                self.requests_bytes = self.requests_bytes.saturating_sub(old.cost());
            }
        }
        self.requests_bytes += cost;
        let seq = entry.seq;
        self.requests.push_back(entry);
        seq
    }

    /// Notes the answer of a recorded request (if it is still kept).
    pub fn finish_request(&mut self, seq: u64, status: u16, duration_ms: f64) {
        let Some(first) = self.requests.front().map(|r| r.seq) else {
            return;
        };
        let index = seq.checked_sub(first).and_then(|i| usize::try_from(i).ok());
        if let Some(entry) = index.and_then(|i| self.requests.get_mut(i)) {
            if entry.seq == seq {
                entry.status = Some(status);
                entry.duration_ms = Some(duration_ms);
            }
        }
    }

    /// Forgets the recorded requests.
    pub fn clear_requests(&mut self) {
        self.requests.clear();
        self.requests_bytes = 0;
    }

    /// `GET /__admin/counters`.
    pub fn counters_json(&self) -> Value {
        json!({
            "token_requests": self.counters.token_requests,
            "iamport_token_requests": self.counters.iamport_token_requests,
            "requests": self.counters.requests,
        })
    }
}
