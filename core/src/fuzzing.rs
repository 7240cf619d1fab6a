//! Entry points for the fuzz targets in `fuzz/` (cargo-fuzz) and for the corpus replay test: everything
//! paywire does with bytes a server (or a webhook sender) chose, with no network in between.
//!
//! Each function takes the raw fuzzer input, runs it through the same code the clients run, and panics
//! only when a property is broken (a bound exceeded, a long digit run quoted). Any other panic is a bug in
//! the decoders. Not part of the API: the module exists only with the `fuzzing` feature.
//!
//! Input layouts (kept simple so seed files can be written by hand):
//! - [`bootpay_answer`] / [`iamport_answer`]: 2 bytes HTTP status (big endian; outside 100..=599 it is
//!   folded into that range), then the body.
//! - [`webhooks`]: 1 byte choosing the `Content-Type` (see [`CONTENT_TYPES`]), then the body.
//! - [`redaction`]: 1 byte `max` for `body_snippet`, then the text.
//!
//! ```
//! paywire::fuzzing::bootpay_answer(b"\x00\xc8{\"receipt_id\":\"r1\",\"price\":1000}");
//! ```

use crate::error::Error;
use crate::redact;
use crate::transport::Call;
use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// What the clients run on an answer (answer mappings, token schedules, link shape), reached only with
/// this feature so the fuzzer exercises the real code, never a copy.
use crate::bootpay::fuzzing_hooks as bootpay_hooks;
use crate::iamport::fuzzing_hooks as iamport_hooks;

/// The content types [`webhooks`] picks from with its first byte (`None`: no header).
pub const CONTENT_TYPES: [Option<&str>; 6] = [
    None,
    Some("application/json"),
    Some("application/x-www-form-urlencoded"),
    Some("application/json; charset=utf-8"),
    Some("application/x-www-form-urlencoded; charset=UTF-8"),
    Some("text/plain"),
];

/// How many characters a snippet quotes (what the clients use).
const SNIPPET_CHARS: usize = 120;

/// The status in the first two bytes, folded into 100..=599, and the rest.
fn split_status(data: &[u8]) -> Option<(StatusCode, &[u8])> {
    let (head, body) = data.split_first_chunk::<2>()?;
    let raw = u16::from_be_bytes(*head);
    let code = if (100..=599).contains(&raw) {
        raw
    } else {
        100 + raw % 500
    };
    Some((StatusCode::from_u16(code).ok()?, body))
}

/// True when `text` holds 8 ASCII digits in a row: what redaction must never let through.
fn has_long_digit_run(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 8 {
            return true;
        }
    }
    false
}

/// Checks what every quoted text must satisfy.
fn check_quoted(what: &str, text: &str, max_chars: Option<usize>) {
    assert!(
        !has_long_digit_run(text),
        "{what} quotes a long digit run: {text:?}"
    );
    if let Some(max) = max_chars {
        let chars = text.chars().count();
        assert!(chars <= max, "{what} has {chars} chars, more than {max}");
    }
}

/// Renders an error the way callers and logs see it.
fn render(error: &Error) {
    let shown = error.to_string();
    let debug = format!("{error:?}");
    assert!(!shown.is_empty() && !debug.is_empty());
    if let Error::Decode { body_snippet, .. } = error {
        check_quoted(
            "a decode error's snippet",
            body_snippet,
            Some(SNIPPET_CHARS + 1),
        );
    }
}

/// The model from the answer's JSON through the clients' own decoder (a look-up), or the decode
/// error it would show, checked like every quoted text.
fn decode<T: DeserializeOwned>(value: &Value) -> Option<T> {
    let lookup = Call::new(
        "fuzz",
        reqwest::Method::GET,
        crate::path::Path::fixed("fuzz"),
        crate::retry::RetryClass::Idempotent,
    );
    match crate::transport::decode_answer("fuzz", &lookup, 200, value) {
        Ok(decoded) => Some(decoded),
        Err(error) => {
            if let Error::Decode { message, .. } = &error {
                check_quoted("a serde message", message, None);
            }
            render(&error);
            None
        }
    }
}

/// A Bootpay answer: the status and body go through the error mapping, and a success is decoded into
/// every model a Bootpay operation returns, with the arithmetic the client does on them.
pub fn bootpay_answer(data: &[u8]) {
    use crate::bootpay::*;
    let Some((status, body)) = split_status(data) else {
        return;
    };
    let value = match bootpay_hooks::interpret(status, body) {
        Ok(value) => value,
        Err(error) => return render(&error),
    };
    if let Some(receipt) = decode::<Receipt>(&value) {
        let _ = crate::verify::check_amount(&receipt.receipt_id, 1000, receipt.price);
        let _ = receipt.status.code();
        let _ = receipt.remaining_price();
    }
    let _ = decode::<Vec<Receipt>>(&value);
    let _ = decode::<BillingKey>(&value);
    let _ = decode::<DestroyedBillingKey>(&value);
    let _ = decode::<ReservedPayment>(&value);
    let _ = decode::<SubscribeReservation>(&value);
    let _ = decode::<CancelledReservation>(&value);
    let _ = decode::<Certificate>(&value);
    let _ = decode::<Vec<PaymentMethod>>(&value);
    let _ = decode::<UserToken>(&value);
    if let Some(token) = decode::<AccessToken>(&value) {
        let _ = bootpay_hooks::token_schedule(token.expire_in);
    }
    let _ = decode::<PaymentLink>(&bootpay_hooks::link_answer(value));
}

/// An iamport answer: the envelope mapping, then the envelope's `response` decoded into every model an
/// iamport operation returns, with the arithmetic the client does on them.
pub fn iamport_answer(data: &[u8]) {
    use crate::iamport::*;
    let Some((status, body)) = split_status(data) else {
        return;
    };
    let value = match iamport_hooks::interpret(status, body) {
        Ok(value) => value,
        Err(error) => {
            let _ = iamport_hooks::is_envelope_not_found(&error);
            return render(&error);
        }
    };
    let response = iamport_hooks::Answer::from_envelope(status.as_u16(), value).response;
    if let Some(payment) = decode::<Payment>(&response) {
        let balance = payment.cancellable_amount();
        let _ = crate::verify::check_number_amount(&payment.imp_uid, 1000.0, payment.amount);
        let _ = crate::verify::check_number_amount(&payment.imp_uid, balance, payment.amount);
        let _ = payment.status.to_string();
    }
    let _ = decode::<PaymentPage>(&response);
    let _ = decode::<Vec<Payment>>(&response);
    let _ = decode::<Schedule>(&response);
    let _ = decode::<Vec<Schedule>>(&response);
    let _ = decode::<SchedulePage>(&response);
    let _ = decode::<BillingCustomer>(&response);
    let _ = decode::<Vec<BillingCustomer>>(&response);
    let _ = decode::<Prepared>(&response);
    let _ = decode::<Certification>(&response);
    let _ = decode::<CertificationOtp>(&response);
    let _ = decode::<EscrowLogis>(&response);
    let _ = decode::<CashReceipt>(&response);
    let _ = decode::<StandardCode>(&response);
    let _ = decode::<Vec<StandardCode>>(&response);
    let _ = decode::<VbankHolder>(&response);
    let _ = decode::<PaymentBalance>(&response);
    if let Some(token) = decode::<AccessToken>(&response) {
        let _ = iamport_hooks::token_schedule(token.now, token.expired_at);
    }
}

/// A webhook delivery: both providers' parsers, and what a merchant does with a parsed webhook.
pub fn webhooks(data: &[u8]) {
    let Some((&kind, body)) = data.split_first() else {
        return;
    };
    let content_type = CONTENT_TYPES[usize::from(kind) % CONTENT_TYPES.len()];
    match crate::bootpay::BootpayWebhook::parse(body, content_type) {
        Ok(hook) => {
            assert!(!hook.receipt_id.is_empty());
            let _ = hook.event();
            let _ = hook.idempotency_key();
        }
        Err(error) => render(&error),
    }
    match crate::iamport::IamportWebhook::parse(body, content_type) {
        Ok(hook) => {
            assert!(!hook.imp_uid.is_empty());
            let _ = hook.idempotency_key();
        }
        Err(error) => render(&error),
    }
}

/// The redaction helpers on any text: bounded, and never quoting a long digit run.
pub fn redaction(data: &[u8]) {
    let Some((&max, body)) = data.split_first() else {
        return;
    };
    let max = usize::from(max);
    check_quoted(
        "body_snippet",
        &redact::body_snippet(body, max),
        Some(max + 1),
    );
    check_quoted(
        "body_snippet",
        &redact::body_snippet(body, SNIPPET_CHARS),
        Some(SNIPPET_CHARS + 1),
    );
    let text = String::from_utf8_lossy(body);
    let scrubbed = redact::scrub_text(&text);
    // Masking only ever shortens: `***` replaces at least 8 digits.
    check_quoted("scrub_text", &scrubbed, Some(text.chars().count()));
    check_quoted("serde_message", &redact::serde_message(&text), None);
    check_quoted(
        "url_for_message",
        &redact::url_for_message(&text),
        Some(201),
    );
}

#[cfg(all(test, feature = "fuzzing"))]
mod tests {
    //! Replays the committed seed corpus (and any crash reproducers kept under `fuzz/regressions/`)
    //! through the entry points, so the properties hold on stable Rust in every CI run.

    use std::path::Path;

    fn replay(target: &str, run: fn(&[u8])) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
        let mut files = 0;
        for dir in [
            root.join("corpus").join(target),
            root.join("regressions").join(target),
        ] {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let data = std::fs::read(&path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                run(&data);
                files += 1;
            }
        }
        assert!(
            files > 0,
            "no corpus files for {target} under {}",
            root.display()
        );
    }

    #[test]
    fn bootpay_answer_corpus() {
        replay("bootpay_answer", super::bootpay_answer);
    }

    #[test]
    fn iamport_answer_corpus() {
        replay("iamport_answer", super::iamport_answer);
    }

    #[test]
    fn webhooks_corpus() {
        replay("webhooks", super::webhooks);
    }

    #[test]
    fn redaction_corpus() {
        replay("redaction", super::redaction);
    }

    #[test]
    fn long_digit_runs_are_detected() {
        assert!(super::has_long_digit_run("acct 12345678"));
        assert!(!super::has_long_digit_run("2026-11-23 1234567"));
    }
}
