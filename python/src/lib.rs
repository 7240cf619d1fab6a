//! `paywire._native`: the compiled half of the `paywire` Python package.
//!
//! It stays thin on purpose: a JSON dispatch onto core's `bootpay::Client` and `iamport::Client` (blocking
//! with the GIL released, or as asyncio futures on one shared tokio runtime), webhook parsing, an in-process sandbox
//! and a bridge from `tracing` to Python's `logging`. Everything users touch — keyword arguments, typed
//! answers, exception classes — lives in the pure-Python package around it.

mod bootpay;
mod client;
mod completion;
mod decode;
mod dispatch;
mod errors;
mod iamport;
mod logging;
mod runtime;
mod sandbox;

use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// Parses a webhook body (JSON or form) of `provider` ("bootpay" or "iamport"); returns its fields as a
/// dict or raises `NativeError`.
#[pyfunction]
#[pyo3(signature = (body, content_type=None, provider="bootpay"))]
fn parse_webhook<'py>(
    py: Python<'py>,
    body: &Bound<'py, PyBytes>,
    content_type: Option<&str>,
    provider: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let answer = client::parse_webhook(provider, body.as_bytes(), content_type)
        .map_err(|p| errors::to_py(&p))?;
    client::to_python(py, &answer)
}

/// Whether a field's value never shows in a `repr` (core's one list, shared by every language).
#[pyfunction]
fn is_sensitive_field(name: &str) -> bool {
    paywire::is_sensitive_field(name)
}

/// core's canonical name of a PG given by any of its names (`"나이스페이"` → `"nicepay"`); an unknown one
/// comes back as given.
#[pyfunction]
fn pg_name(name: &str) -> String {
    paywire::bootpay::Pg::from(name).as_str().to_owned()
}

/// A core variant's name (`AwaitingConfirm`) as a Python member name (`AWAITING_CONFIRM`).
fn member_name(variant: &dyn std::fmt::Debug) -> String {
    let variant = format!("{variant:?}");
    let mut name = String::with_capacity(variant.len() + 4);
    for (i, c) in variant.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            name.push('_');
        }
        name.push(c.to_ascii_uppercase());
    }
    name
}

/// The values core knows of an open enum, as `(member name, wire value)` pairs for the Python enums.
fn known<T: std::fmt::Debug, V>(
    values: impl Iterator<Item = T>,
    wire: impl Fn(&T) -> V,
) -> Vec<(String, V)> {
    values.map(|v| (member_name(&v), wire(&v))).collect()
}

/// The names of a table's operations, in table order.
fn names(table: &[paywire::Operation]) -> Vec<&'static str> {
    table.iter().map(|op| op.name).collect()
}

/// The operation names of `provider` ("bootpay" or "iamport"), in the order of core's table: exactly what
/// the dispatch runs. Raises `NativeError` (invalid_input) for another provider.
#[pyfunction]
fn operations(provider: &str) -> PyResult<Vec<&'static str>> {
    let table = dispatch::table(provider).map_err(|e| errors::to_py(&errors::payload(&e)))?;
    Ok(names(table))
}

/// core's description of each operation of `provider`, in table order: dicts with `name`, `doc`,
/// `method`, `path`, `retry`, `args` (a list of `(name, rust type)`), `defaults` (UniFFI's `default(…)`
/// text) and `returns` (the Rust answer type).
#[pyfunction]
fn operation_specs<'py>(
    py: Python<'py>,
    provider: &str,
) -> PyResult<Vec<Bound<'py, pyo3::types::PyDict>>> {
    let table = dispatch::table(provider).map_err(|e| errors::to_py(&errors::payload(&e)))?;
    table
        .iter()
        .map(|op| {
            let spec = pyo3::types::PyDict::new(py);
            spec.set_item("name", op.name)?;
            spec.set_item("doc", doc_text(op.doc))?;
            spec.set_item("method", op.method)?;
            spec.set_item("path", op.path)?;
            spec.set_item("retry", op.retry)?;
            let args: Vec<(&str, String)> =
                op.args.iter().map(|a| (a.name, rust_type(a.ty))).collect();
            spec.set_item("args", args)?;
            spec.set_item("defaults", op.defaults)?;
            spec.set_item("returns", rust_type(op.returns))?;
            Ok(spec)
        })
        .collect()
}

/// A table's doc text without the space each `///` line starts with.
fn doc_text(doc: &str) -> String {
    let lines: Vec<&str> = doc
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    lines.join("\n")
}

/// A type as `stringify!` spells it (`Option < Sorting >`) in the usual spelling (`Option<Sorting>`).
fn rust_type(ty: &str) -> String {
    ty.replace(" <", "<").replace("< ", "<").replace(" >", ">")
}

/// The Python module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    logging::install();
    m.add("NativeError", m.py().get_type::<errors::NativeError>())?;
    m.add("OPERATIONS", names(paywire::bootpay::OPERATIONS))?;
    m.add("IAMPORT_OPERATIONS", names(paywire::iamport::OPERATIONS))?;
    m.add("SDK_VERSION", paywire::SDK_VERSION)?;
    let retry = paywire::RetryPolicy::default();
    let defaults = pyo3::types::PyDict::new(m.py());
    defaults.set_item("max_retries", retry.max_retries)?;
    defaults.set_item("base_delay", retry.base_delay.as_secs_f64())?;
    defaults.set_item("max_delay", retry.max_delay.as_secs_f64())?;
    defaults.set_item("max_retry_after", retry.max_retry_after.as_secs_f64())?;
    m.add("RETRY_DEFAULTS", defaults)?;
    {
        use paywire::bootpay::{Pg, ReceiptStatus, WebhookType};
        use paywire::iamport::{PaymentStatus, ScheduleStatus};
        m.add(
            "RECEIPT_STATUSES",
            known(ReceiptStatus::known(), |s| s.code()),
        )?;
        m.add("PGS", known(Pg::known(), |p| p.as_str().to_owned()))?;
        m.add(
            "WEBHOOK_TYPES",
            known(WebhookType::known(), |t| t.as_str().to_owned()),
        )?;
        m.add(
            "IAMPORT_PAYMENT_STATUSES",
            known(PaymentStatus::known(), |s| s.as_str().to_owned()),
        )?;
        m.add(
            "IAMPORT_SCHEDULE_STATUSES",
            known(ScheduleStatus::known(), |s| s.as_str().to_owned()),
        )?;
    }
    m.add_class::<client::NativeClient>()?;
    m.add_class::<sandbox::SandboxServer>()?;
    m.add_class::<completion::Completions>()?;
    m.add_function(wrap_pyfunction!(parse_webhook, m)?)?;
    m.add_function(wrap_pyfunction!(is_sensitive_field, m)?)?;
    m.add_function(wrap_pyfunction!(pg_name, m)?)?;
    m.add_function(wrap_pyfunction!(operations, m)?)?;
    m.add_function(wrap_pyfunction!(operation_specs, m)?)?;
    m.add_function(wrap_pyfunction!(sandbox::parse_sandbox_args, m)?)?;
    Ok(())
}
