//! The native client: a core client (`bootpay::Client` or `iamport::Client`) behind a JSON-in, objects-out
//! dispatch.
//!
//! Python calls `call(op, args_json)` (blocking, GIL released) or `call_async(op, args_json)` (an asyncio
//! future). Arguments are deserialized straight into core's request structs, so validation and wire
//! names stay core's; answers stay typed until a thread holding the GIL turns them into dicts and lists
//! in one pass (`to_python`, no JSON text). The pure-Python layer only shapes keyword arguments and wraps
//! the answers. This module is the machinery both providers share (arguments, runtime, completion, fork
//! handling, logging of abandoned answers); the dispatch itself is derived from core's operation tables
//! (`dispatch.rs`), and `bootpay.rs` / `iamport.rs` hold what is provider-specific.

use crate::completion::Completions;
use crate::decode;
use crate::errors;
use crate::runtime;
use futures::FutureExt;
use paywire::{Error, RetryPolicy};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyTuple;
use serde_json::{Map, Value};
use std::panic::AssertUnwindSafe;
use std::sync::mpsc::RecvTimeoutError;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// A call's answer, still core's typed value: it becomes Python objects (dicts, lists, ints, strs) in one
/// pass when it reaches a thread holding the GIL, with no JSON text in between (see [`to_python`]).
pub(crate) type Answer = Box<dyn erased_serde::Serialize + Send>;

/// What a call ends with: its answer, or an error payload for `errors::to_py`.
pub(crate) type Outcome = Result<Answer, Value>;

/// The longest timeout accepted, in seconds (core's limit: a day).
const MAX_SECONDS: f64 = 86_400.0;

/// How long a blocking call waits between two looks at pending signals (Ctrl-C).
const SIGNAL_SLICE: Duration = Duration::from_millis(50);

/// The `InvalidInput` for a serde failure outside any argument's value (the whole JSON, a webhook body):
/// the field only, never serde's message, which may quote the input.
pub(crate) fn invalid(field: &str, error: &serde_json::Error) -> Error {
    decode::refused(Some(field), ".", error)
}

/// The arguments of one call: a JSON object keyed by core's parameter names.
pub(crate) struct Args(Map<String, Value>);

impl Args {
    fn parse(json: &str) -> Result<Self, Error> {
        match serde_json::from_str::<Value>(json) {
            Ok(Value::Object(map)) => Ok(Self(map)),
            Ok(_) => Err(Error::invalid_input("arguments", "must be a JSON object")),
            Err(e) => Err(invalid("arguments", &e)),
        }
    }

    /// The arguments by name.
    pub(crate) fn map(&self) -> &Map<String, Value> {
        &self.0
    }
}

/// An answer for Python, kept typed until it is handed over (see [`to_python`]).
pub(crate) fn out<T: serde::Serialize + Send + 'static>(value: T) -> Result<Answer, Error> {
    Ok(Box::new(value))
}

/// The answer as Python objects, built straight from the typed value: what `json.loads` of its JSON would
/// give (dicts in wire order, ints, floats, strs, `None`), without writing and re-reading JSON text.
pub(crate) fn to_python<'py>(py: Python<'py>, answer: &Answer) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, &**answer).map_err(|e| {
        errors::to_py(&errors::internal(format!(
            "could not hand the answer to Python: {e}"
        )))
    })
}

/// The error of an operation name the provider does not have.
pub(crate) fn unknown_operation(op: &str) -> Error {
    Error::invalid_input("operation", format!("{op:?} is not a paywire operation"))
}

/// The configuration of a client, as the Python layer sends it.
pub(crate) struct Config(Map<String, Value>);

impl Config {
    /// An optional text setting.
    pub(crate) fn text(&self, k: &str) -> Result<Option<String>, Error> {
        match self.0.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(Error::invalid_input(k, "must be a string")),
        }
    }

    /// An optional duration setting, in (fractional) seconds: above 0 and at most a day. Checked here,
    /// before any conversion, so `1e300`, `inf` or `nan` is an error naming the setting, never a panic.
    pub(crate) fn seconds(&self, k: &str) -> Result<Option<Duration>, Error> {
        let refused =
            || Error::invalid_input(k, "must be a number of seconds above 0 and at most 86400");
        match self.0.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => {
                let seconds = v
                    .as_f64()
                    .filter(|s| *s > 0.0 && *s <= MAX_SECONDS)
                    .ok_or_else(refused)?;
                Duration::try_from_secs_f64(seconds)
                    .ok()
                    .filter(|d| !d.is_zero())
                    .map(Some)
                    .ok_or_else(refused)
            }
        }
    }

    /// An optional count setting (a positive whole number).
    pub(crate) fn count(&self, k: &str) -> Result<Option<usize>, Error> {
        match self.0.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .map(Some)
                .ok_or_else(|| Error::invalid_input(k, "must be a positive whole number")),
        }
    }

    /// A `RetryPolicy` given whole (`retry`: `{max_retries, base_delay, max_delay, max_retry_after}`, the
    /// delays in seconds, each optional), core's defaults for what is left out; or `max_retries` alone.
    /// Errors name the option (`retry.base_delay`, `max_retries`).
    pub(crate) fn retry_policy(&self) -> Result<Option<RetryPolicy>, Error> {
        let whole = self.0.get("retry").filter(|v| !v.is_null());
        let count = self.retry()?;
        let Some(whole) = whole else {
            return Ok(count);
        };
        if count.is_some() {
            return Err(Error::invalid_input(
                "max_retries",
                "cannot be given together with retry (set retry.max_retries instead)",
            ));
        }
        let Value::Object(fields) = whole else {
            return Err(Error::invalid_input(
                "retry",
                "must be a paywire.RetryPolicy",
            ));
        };
        let mut policy = RetryPolicy::default();
        if let Some(v) = fields.get("max_retries").filter(|v| !v.is_null()) {
            policy.max_retries =
                v.as_u64()
                    .and_then(|n| i32::try_from(n).ok())
                    .ok_or_else(|| {
                        Error::invalid_input("retry.max_retries", "must be a non-negative integer")
                    })?;
        }
        for (name, slot) in [
            ("base_delay", &mut policy.base_delay),
            ("max_delay", &mut policy.max_delay),
            ("max_retry_after", &mut policy.max_retry_after),
        ] {
            if let Some(v) = fields.get(name).filter(|v| !v.is_null()) {
                let field = format!("retry.{name}");
                let seconds = v
                    .as_f64()
                    .filter(|s| s.is_finite() && *s >= 0.0 && *s <= 3600.0)
                    .ok_or_else(|| {
                        Error::invalid_input(&field, "must be a number of seconds from 0 to 3600")
                    })?;
                *slot = Duration::try_from_secs_f64(seconds).map_err(|_| {
                    Error::invalid_input(&field, "must be a number of seconds from 0 to 3600")
                })?;
            }
        }
        Ok(Some(policy))
    }

    /// The retry policy, when `max_retries` is set.
    pub(crate) fn retry(&self) -> Result<Option<RetryPolicy>, Error> {
        let Some(v) = self.0.get("max_retries").filter(|v| !v.is_null()) else {
            return Ok(None);
        };
        let retries = v
            .as_u64()
            .and_then(|n| i32::try_from(n).ok())
            .ok_or_else(|| Error::invalid_input("max_retries", "must be a non-negative integer"))?;
        Ok(Some(RetryPolicy {
            max_retries: retries,
            ..RetryPolicy::default()
        }))
    }
}

/// Applies the transport settings every provider's builder has (core's `transport_setters!`).
macro_rules! transport_options {
    ($builder:expr, $config:expr) => {{
        let mut builder = $builder;
        let config: &$crate::client::Config = $config;
        if let Some(v) = config.text("proxy")? {
            builder = builder.proxy(v);
        }
        if let Some(v) = config.seconds("timeout")? {
            builder = builder.timeout(v);
        }
        if let Some(v) = config.seconds("connect_timeout")? {
            builder = builder.connect_timeout(v);
        }
        if let Some(policy) = config.retry_policy()? {
            builder = builder.retry(policy);
        }
        if let Some(v) = config.count("max_response_bytes")? {
            builder = builder.max_response_bytes(v);
        }
        if let Some(v) = config.count("max_in_flight")? {
            builder = builder.max_in_flight(v);
        }
        if let Some(v) = config.text("user_agent_suffix")? {
            builder = builder.user_agent_suffix(v);
        }
        builder
    }};
}
pub(crate) use transport_options;

/// What a handle made by `with_options` sets for its calls (core's `with_timeout` / `with_retry`).
#[derive(Clone, Copy, Default)]
struct Overrides {
    timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
}

impl Overrides {
    /// `client` as this handle's view of it (same pool and token).
    fn apply(&self, client: AnyClient) -> Result<AnyClient, Error> {
        Ok(each_client!(client, |c| {
            let c = match self.timeout {
                Some(t) => c.with_timeout(t),
                None => c,
            };
            match self.retry {
                Some(r) => c.with_retry(r)?,
                None => c,
            }
        }))
    }
}

/// `$body` run on the provider's client inside `$client`, re-wrapped in the same variant: one text for
/// what both providers' clients do alike.
macro_rules! each_client {
    ($client:expr, |$c:ident| $body:expr) => {
        match $client {
            AnyClient::Bootpay($c) => AnyClient::Bootpay($body),
            AnyClient::Iamport($c) => AnyClient::Iamport($body),
        }
    };
}
use each_client;

/// The configuration of one provider's client, kept to rebuild the client after a fork.
#[derive(Clone)]
enum Builder {
    Bootpay(paywire::bootpay::ClientBuilder),
    Iamport(paywire::iamport::ClientBuilder),
}

/// A live client of either provider; cheap to clone (clones share the pool and the token).
#[derive(Clone)]
enum AnyClient {
    Bootpay(paywire::bootpay::Client),
    Iamport(paywire::iamport::Client),
}

impl Builder {
    fn new(provider: &str, config: &Config) -> Result<Self, Value> {
        let built = match provider {
            "bootpay" => crate::bootpay::builder(config).map(Builder::Bootpay),
            "iamport" => crate::iamport::builder(config).map(Builder::Iamport),
            other => return Err(errors::internal(format!("unknown provider {other:?}"))),
        };
        built.map_err(|e| errors::payload(&e))
    }

    fn build(&self) -> Result<AnyClient, Error> {
        match self {
            Builder::Bootpay(b) => b.clone().build().map(AnyClient::Bootpay),
            Builder::Iamport(b) => b.clone().build().map(AnyClient::Iamport),
        }
    }
}

impl AnyClient {
    fn base_url(&self) -> &str {
        match self {
            AnyClient::Bootpay(c) => c.base_url(),
            AnyClient::Iamport(c) => c.base_url(),
        }
    }
}

/// Runs one operation of `client` and encodes its answer.
async fn dispatch(client: AnyClient, op: String, args_json: String) -> Result<Answer, Error> {
    let args = Args::parse(&args_json)?;
    match client {
        AnyClient::Bootpay(c) => crate::bootpay::dispatch(c, &op, args).await,
        AnyClient::Iamport(c) => crate::iamport::dispatch(c, &op, args).await,
    }
}

/// Parses a webhook body of `provider` with core's rules; answers the fields and the whole payload.
pub(crate) fn parse_webhook(provider: &str, body: &[u8], content_type: Option<&str>) -> Outcome {
    let parsed = std::panic::catch_unwind(|| match provider {
        "bootpay" => crate::bootpay::parse_webhook(body, content_type),
        "iamport" => crate::iamport::parse_webhook(body, content_type),
        other => Err(Error::invalid_input(
            "provider",
            format!("must be bootpay or iamport (got {other:?})"),
        )),
    })
    .map_err(|panic| errors::internal(errors::panic_message(panic.as_ref())))?;
    parsed
        .map(|value| Box::new(value) as Answer)
        .map_err(|e| errors::payload(&e))
}

/// Runs `dispatch`, turning errors and panics into payloads for Python.
async fn guarded(client: AnyClient, op: String, args_json: String) -> Outcome {
    match AssertUnwindSafe(dispatch(client, op, args_json))
        .catch_unwind()
        .await
    {
        Ok(Ok(answer)) => Ok(answer),
        Ok(Err(error)) => Err(errors::payload(&error)),
        Err(panic) => Err(errors::internal(errors::panic_message(panic.as_ref()))),
    }
}

struct Built {
    pid: u32,
    client: AnyClient,
}

/// The configuration and the live client of one `paywire.Bootpay` / `AsyncBootpay` / `Iamport` /
/// `AsyncIamport`.
#[pyclass(module = "paywire._native", frozen)]
pub struct NativeClient {
    builder: Builder,
    provider: &'static str,
    base_url: String,
    /// Shared by every handle `with_options` made from the same client: one pool, one token.
    built: Arc<Mutex<Built>>,
    overrides: Overrides,
}

impl NativeClient {
    fn build(config_json: &str, provider: &str) -> Result<Self, Value> {
        let config = match serde_json::from_str::<Value>(config_json) {
            Ok(Value::Object(map)) => Config(map),
            _ => return Err(errors::internal("the configuration is not a JSON object")),
        };
        let builder = Builder::new(provider, &config)?;
        // Building the core client needs a runtime context only for the pool's timers; the check of
        // the credentials and URL happens here, at construction, as promised to users.
        let rt = runtime::get().map_err(|e| errors::internal(e.to_string()))?;
        let _entered = rt.enter();
        let client = builder.build().map_err(|e| errors::payload(&e))?;
        Ok(Self {
            provider: match builder {
                Builder::Bootpay(_) => "bootpay",
                Builder::Iamport(_) => "iamport",
            },
            builder,
            base_url: client.base_url().to_owned(),
            built: Arc::new(Mutex::new(Built {
                pid: std::process::id(),
                client,
            })),
            overrides: Overrides::default(),
        })
    }

    /// The client of this process. After a fork the inherited one (its pool, its token cache, its
    /// runtime's reactor) is unusable, so it is rebuilt from the kept configuration and the old one leaked.
    fn client(&self) -> Result<AnyClient, Value> {
        let pid = std::process::id();
        let shared = {
            let mut built = self.built.lock().unwrap_or_else(PoisonError::into_inner);
            if built.pid != pid {
                let fresh = self.builder.build().map_err(|e| errors::payload(&e))?;
                std::mem::forget(std::mem::replace(&mut built.client, fresh));
                built.pid = pid;
            }
            built.client.clone()
        };
        self.overrides
            .apply(shared)
            .map_err(|e| errors::payload(&e))
    }

    fn with_options_of(&self, options_json: &str) -> Result<Self, Value> {
        let options = match serde_json::from_str::<Value>(options_json) {
            Ok(Value::Object(map)) => Config(map),
            _ => return Err(errors::internal("the options are not a JSON object")),
        };
        let parsed = (|| -> Result<Overrides, Error> {
            let mut overrides = self.overrides;
            if let Some(t) = options.seconds("timeout")? {
                overrides.timeout = Some(t);
            }
            if let Some(policy) = options.retry_policy()? {
                overrides.retry = Some(policy);
            }
            Ok(overrides)
        })()
        .map_err(|e| errors::payload(&e))?;
        let handle = Self {
            builder: self.builder.clone(),
            provider: self.provider,
            base_url: self.base_url.clone(),
            built: Arc::clone(&self.built),
            overrides: parsed,
        };
        // Checked now (core's bounds on the policy), not at the first call; a count out of bounds is
        // named as the caller spelled it.
        let alone = options.0.get("max_retries").is_some_and(|v| !v.is_null());
        match handle.client() {
            Ok(_) => Ok(handle),
            Err(payload) if alone && payload["field"] == "retry.max_retries" => {
                let reason = payload["reason"].as_str().unwrap_or("is out of bounds");
                Err(errors::payload(&Error::invalid_input(
                    "max_retries",
                    reason,
                )))
            }
            Err(payload) => Err(payload),
        }
    }
}

static RESOLVE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static GET_RUNNING_LOOP: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

#[pymethods]
impl NativeClient {
    /// Builds a `provider` ("bootpay" or "iamport") client from a JSON configuration; raises
    /// `NativeError` (invalid_input) for a bad one.
    #[new]
    #[pyo3(signature = (config_json, provider="bootpay"))]
    fn new(py: Python<'_>, config_json: &str, provider: &str) -> PyResult<Self> {
        crate::logging::refresh(py);
        // A panic while building (a bug) must reach Python as a PaywireError, not as PanicException.
        std::panic::catch_unwind(|| Self::build(config_json, provider))
            .unwrap_or_else(|panic| Err(errors::internal(errors::panic_message(panic.as_ref()))))
            .map_err(|p| errors::to_py(&p))
    }

    /// A handle on the same client (pool, token, in-flight bound) whose calls use the given `timeout`
    /// and/or retry policy (JSON: `{"timeout": s, "max_retries": n, "retry": {...}}`, each optional);
    /// what is not given is this handle's. Raises `NativeError` (invalid_input naming the option).
    fn with_options(&self, options_json: &str) -> PyResult<Self> {
        std::panic::catch_unwind(AssertUnwindSafe(|| self.with_options_of(options_json)))
            .unwrap_or_else(|panic| Err(errors::internal(errors::panic_message(panic.as_ref()))))
            .map_err(|p| errors::to_py(&p))
    }

    /// The base URL in use.
    #[getter]
    fn base_url(&self) -> String {
        self.base_url.clone()
    }

    /// `"bootpay"` or `"iamport"`.
    #[getter]
    fn provider(&self) -> &'static str {
        self.provider
    }

    /// Runs `op` and returns its answer as Python objects, with the GIL released while it waits.
    ///
    /// The wait is cut in slices of `SIGNAL_SLICE`, between which pending signals are handled: Ctrl-C
    /// raises `KeyboardInterrupt` at once instead of after the call. The call itself is a detached task
    /// and keeps running (a confirm or a charge is never cut half-way); an outcome nobody waits for any
    /// more is logged on the `paywire` logger, as on the asyncio side.
    fn call<'py>(
        &self,
        py: Python<'py>,
        op: String,
        args_json: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        crate::logging::refresh(py);
        let client = self.client().map_err(|p| errors::to_py(&p))?;
        let rt = runtime::get().map_err(|e| errors::to_py(&errors::internal(e.to_string())))?;
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        // Spawned rather than `block_on` here: the request future then runs on the worker that also
        // drives its connection, saving two thread hand-offs per call.
        rt.spawn(async move {
            let outcome = guarded(client, op.clone(), args_json).await;
            if let Err(std::sync::mpsc::SendError(outcome)) = tx.send(outcome) {
                abandoned(&op, &outcome);
            }
        });
        let mut rx = rx;
        loop {
            // The receiver is Send but not Sync: it travels into the GIL-free closure and back.
            let (back, waited) = py.detach(move || {
                let waited = rx.recv_timeout(SIGNAL_SLICE);
                (rx, waited)
            });
            rx = back;
            match waited {
                Ok(Ok(answer)) => return to_python(py, &answer),
                Ok(Err(payload)) => return Err(errors::to_py(&payload)),
                // Dropping `rx` on the way out is what tells the task to log its outcome.
                Err(RecvTimeoutError::Timeout) => py.check_signals()?,
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(errors::to_py(&errors::internal(
                        "the paywire runtime stopped during the call",
                    )))
                }
            }
        }
    }

    /// Starts `op` on the shared runtime and returns an asyncio future of its answer.
    ///
    /// The work is a detached tokio task: cancelling the future stops the waiting, never the request
    /// (a confirm or a charge must not be cut half-way). An answer nobody waits for any more is logged.
    #[pyo3(signature = (op, args_json, completions=None))]
    fn call_async(
        &self,
        py: Python<'_>,
        op: String,
        args_json: String,
        completions: Option<&Bound<'_, Completions>>,
    ) -> PyResult<Py<PyAny>> {
        crate::logging::refresh(py);
        let get_loop = GET_RUNNING_LOOP.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
            Ok(py.import("asyncio")?.getattr("get_running_loop")?.unbind())
        })?;
        let event_loop = get_loop.call0(py)?;
        let future = event_loop.call_method0(py, "create_future")?;
        let client = self.client().map_err(|p| errors::to_py(&p))?;
        let rt = runtime::get().map_err(|e| errors::to_py(&errors::internal(e.to_string())))?;
        let fut_ref = future.clone_ref(py);
        match completions {
            Some(queue) => {
                let shared = queue.get().shared.clone();
                rt.spawn(async move {
                    let outcome = guarded(client, op.clone(), args_json).await;
                    shared.push(fut_ref, op, outcome);
                });
            }
            None => {
                rt.spawn(async move {
                    let outcome = guarded(client, op.clone(), args_json).await;
                    deliver(event_loop, fut_ref, op, outcome);
                });
            }
        }
        Ok(future)
    }
}

/// Hands an outcome to the event loop's thread, where the future may be completed safely.
fn deliver(event_loop: Py<PyAny>, future: Py<PyAny>, op: String, outcome: Outcome) {
    let mut outcome = Some(outcome);
    let attached = Python::try_attach(|py| -> PyResult<()> {
        let resolve = RESOLVE.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
            Ok(wrap_pyfunction!(resolve, py)?.into_any().unbind())
        })?;
        // From here on the parcel owns the outcome: if the loop never runs the callback, dropping the
        // parcel logs it.
        let parcel = Parcel {
            op: op.clone(),
            outcome: Mutex::new(outcome.take()),
        };
        let args = PyTuple::new(
            py,
            [
                resolve.clone_ref(py).into_bound(py),
                future.into_bound(py),
                Bound::new(py, parcel)?.into_any(),
            ],
        )?;
        event_loop.call_method1(py, "call_soon_threadsafe", args)?;
        Ok(())
    });
    if attached.is_none() {
        // The interpreter is going away: nobody can be told but the log.
        if let Some(outcome) = outcome {
            abandoned(&op, &outcome);
        }
    }
}

/// An outcome on its way to the event loop's thread through `call_soon_threadsafe`.
#[pyclass(module = "paywire._native", frozen)]
struct Parcel {
    op: String,
    outcome: Mutex<Option<Outcome>>,
}

impl Parcel {
    fn take(&self) -> Option<Outcome> {
        self.outcome
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }
}

impl Drop for Parcel {
    fn drop(&mut self) {
        // Never delivered (the loop closed before running the callback): the log is all that is left.
        if let Some(outcome) = self.take() {
            abandoned(&self.op, &outcome);
        }
    }
}

/// Logs the outcome of a call whose caller stopped waiting.
pub(crate) fn abandoned(op: &str, outcome: &Outcome) {
    match outcome {
        Ok(answer) => tracing::warn!(
            target: "paywire",
            operation = op,
            result = %summary(answer),
            "{op} completed after its caller stopped waiting"
        ),
        Err(error) => {
            let message = error
                .get("message")
                .and_then(|m| m.as_str())
                .unwrap_or("unknown");
            tracing::warn!(
                target: "paywire",
                operation = op,
                error = %message,
                "{op} failed after its caller stopped waiting"
            )
        }
    }
}

/// The identifying fields of an answer, never a secret (tokens, card data stay out).
fn summary(answer: &Answer) -> String {
    let Ok(Value::Object(map)) = serde_json::to_value(&**answer) else {
        return "ok".to_owned();
    };
    let keys = [
        "receipt_id",
        "order_id",
        "reserve_id",
        "imp_uid",
        "merchant_uid",
        "customer_uid",
        "status",
        "schedule_status",
        "state",
        "price",
        "cancelled_price",
        "amount",
        "cancel_amount",
        "success",
    ];
    let parts: Vec<String> = keys
        .iter()
        .filter_map(|k| {
            map.get(*k)
                .filter(|v| !v.is_null())
                .map(|v| format!("{k}={v}"))
        })
        .collect();
    if parts.is_empty() {
        "ok".to_owned()
    } else {
        parts.join(", ")
    }
}

/// Completes `future` on its loop's thread, unless its awaiting task was cancelled meanwhile.
#[pyfunction]
fn resolve(py: Python<'_>, future: Bound<'_, PyAny>, parcel: &Bound<'_, Parcel>) -> PyResult<()> {
    let parcel = parcel.get();
    match parcel.take() {
        Some(outcome) => resolve_now(py, &future, &parcel.op, outcome),
        None => Ok(()),
    }
}

/// Sets the result or exception of `future` (on its loop's thread), or logs an outcome nobody awaits.
pub(crate) fn resolve_now(
    py: Python<'_>,
    future: &Bound<'_, PyAny>,
    op: &str,
    outcome: Outcome,
) -> PyResult<()> {
    if future.call_method0("done")?.is_truthy()? {
        abandoned(op, &outcome);
        return Ok(());
    }
    match outcome {
        Ok(answer) => future.call_method1("set_result", (to_python(py, &answer)?,))?,
        Err(payload) => {
            let error = errors::to_py(&payload).into_value(py);
            future.call_method1("set_exception", (error,))?
        }
    };
    Ok(())
}
