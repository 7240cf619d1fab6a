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
mod errors;
mod iamport;
mod logging;
mod runtime;
mod sandbox;

use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// Parses a webhook body (JSON or form) of `provider` ("bootpay" or "iamport"); returns its fields as
/// JSON or raises `NativeError`.
#[pyfunction]
#[pyo3(signature = (body, content_type=None, provider="bootpay"))]
fn parse_webhook(
    body: &Bound<'_, PyBytes>,
    content_type: Option<&str>,
    provider: &str,
) -> PyResult<String> {
    client::parse_webhook(provider, body.as_bytes(), content_type).map_err(|p| errors::to_py(&p))
}

/// The Python module.
/// Whether a field's value never shows in a `repr` (core's one list, shared by every language).
#[pyfunction]
fn is_sensitive_field(name: &str) -> bool {
    paywire::is_sensitive_field(name)
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    logging::install();
    m.add("NativeError", m.py().get_type::<errors::NativeError>())?;
    m.add("OPERATIONS", bootpay::OPERATIONS.to_vec())?;
    m.add("IAMPORT_OPERATIONS", iamport::OPERATIONS.to_vec())?;
    m.add("SDK_VERSION", paywire::SDK_VERSION)?;
    m.add_class::<client::NativeClient>()?;
    m.add_class::<sandbox::SandboxServer>()?;
    m.add_class::<completion::Completions>()?;
    m.add_function(wrap_pyfunction!(parse_webhook, m)?)?;
    m.add_function(wrap_pyfunction!(is_sensitive_field, m)?)?;
    Ok(())
}
