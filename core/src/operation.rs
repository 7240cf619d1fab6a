//! The shape of an operation table and what core derives from it.
//!
//! Each provider lists its operations once, in [`bootpay_operations!`](crate::bootpay_operations) and
//! [`iamport_operations!`](crate::iamport_operations): name, doc, arguments (with the defaults bindings
//! offer), answer type, HTTP method, path template, retry class, and the one-line call into the client.
//! A table is a *callback macro*: `bootpay_operations!(my_macro)` expands to `my_macro! { … every
//! operation … }`, so every layer derives its own code from the same list — the UniFFI exports
//! (`paywire-ffi`), the pyo3 dispatch (`paywire-py`), and here, in core, [`Operation`] descriptions and a
//! compile-time check that every line calls a client method with exactly the types it declares.
//!
//! One operation in a table reads:
//!
//! ```text
//! /// Looks a payment up; `lookup_user_data` adds the buyer's data.
//! fn get_receipt(receipt_id: String, lookup_user_data: bool) -> Receipt
//!     [GET "receipt/{receipt_id}", Idempotent] defaults(lookup_user_data = false)
//!     = |c| c.get_receipt(&receipt_id, lookup_user_data);
//! ```
//!
//! Types are named as `paywire::<provider>` exports them (a callback brings them into scope with
//! `use paywire::<provider>::*`). An argument named `request` is the operation's request record: Python
//! spreads its fields as keyword arguments. `defaults(…)` uses UniFFI's `default(…)` syntax.

/// One argument of an [`Operation`].
///
/// ```
/// let op = paywire::bootpay::OPERATIONS.iter().find(|op| op.name == "get_receipt");
/// let args: Vec<_> = op.map(|op| op.args.iter().map(|a| a.name).collect()).unwrap_or_default();
/// assert_eq!(args, ["receipt_id", "lookup_user_data"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Argument {
    /// Its name, as every language spells it (language casing aside).
    pub name: &'static str,
    /// Its Rust type as `stringify!` prints the table's tokens (`Option < String >`).
    pub ty: &'static str,
}

/// An operation of a provider, as its table declares it.
///
/// ```
/// let cancel = paywire::bootpay::OPERATIONS.iter().find(|op| op.name == "cancel_payment");
/// assert_eq!(cancel.map(|op| (op.method, op.path, op.retry)), Some(("POST", "cancel", "Deduplicated")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operation {
    /// The operation's name (`get_receipt`): the Rust method, the Python method, `getReceipt` in Kotlin.
    pub name: &'static str,
    /// Its doc comment as written, lines joined by `\n` (each keeps the space that follows `///`; see
    /// [`Operation::summary`] for the trimmed first line).
    pub doc: &'static str,
    /// The HTTP method (`GET`, `POST`, …); `ANY` for the raw-request escape hatch. An operation made of
    /// several requests (a verification) names the one that decides its retry class.
    pub method: &'static str,
    /// The path template relative to the API root (`receipt/{receipt_id}`): literal segments and `{x}`
    /// segments, and at the end at most one optional segment written `[/{x}]`. Core checks every path it
    /// sends against it (in debug builds).
    pub path: &'static str,
    /// How it may be repeated: `Idempotent`, `Deduplicated` (the provider de-duplicates it by a key the
    /// call carries), `Never` (moves money or issues something), or `AsRequested` (the raw request says).
    pub retry: &'static str,
    /// Its arguments, in order.
    pub args: &'static [Argument],
    /// The defaults bindings offer, in UniFFI's `default(…)` syntax (`lookup_user_data = false`).
    pub defaults: &'static str,
    /// The answer's Rust type as `stringify!` prints the table's tokens (`Vec < Receipt >`).
    pub returns: &'static str,
}

impl Operation {
    /// The first line of the doc comment.
    ///
    /// ```
    /// let op = paywire::bootpay::OPERATIONS.first();
    /// assert!(op.is_some_and(|op| !op.summary().is_empty()));
    /// ```
    pub fn summary(&self) -> &'static str {
        self.doc.lines().next().unwrap_or_default().trim()
    }
}

/// Derives, from a provider's table, its `OPERATIONS` list, its `spec` module and a compile-time check that each line's
/// call matches a client method (argument and answer types included). Used by the provider modules.
#[doc(hidden)]
#[macro_export]
macro_rules! __describe_operations {
    (
        provider $provider:ident;
        $(
            $(#[doc = $doc:literal])*
            fn $name:ident($($arg:ident : $ty:ty),* $(,)?) -> $ret:ty
                [$method:ident $path:literal, $retry:ident] $(defaults($($default:tt)*))?
                = |$c:ident| $call:expr;
        )*
    ) => {
        /// Every operation of this provider, in table order: what every binding exposes, exactly.
        pub const OPERATIONS: &[$crate::Operation] = &[
            $(
                $crate::Operation {
                    name: stringify!($name),
                    doc: $crate::__doc_text!($($doc)*),
                    method: stringify!($method),
                    path: $path,
                    retry: stringify!($retry),
                    args: &[$($crate::Argument { name: stringify!($arg), ty: stringify!($ty) }),*],
                    defaults: stringify!($($($default)*)?),
                    returns: stringify!($ret),
                },
            )*
        ];

        // Each line's call, type-checked against the client: a table line that names a missing method,
        // passes the wrong types or promises another answer type does not compile.
        #[allow(dead_code, clippy::too_many_arguments)]
        const _: () = {
            $(
                async fn $name(
                    $c: &$crate::$provider::Client,
                    $($arg: $ty),*
                ) -> $crate::Result<$ret> {
                    $call.await
                }
            )*
        };

        /// One [`Spec`](crate::operation::Spec) per operation above (`spec::get_receipt`): what the
        /// client methods build their calls from.
        pub(crate) mod spec {
            $( $crate::operation::operation_spec!($name $method $path $retry); )*
        }
    };
}

/// The doc lines of a table entry as one text, joined by newlines.
#[doc(hidden)]
#[macro_export]
macro_rules! __doc_text {
    () => { "" };
    ($first:literal $($rest:literal)*) => {
        concat!($first $(, "\n", $rest)*)
    };
}

/// What core needs to send one operation, derived from its table line by [`__describe_operations!`](crate::__describe_operations): the name,
/// HTTP method, path template and retry class are written once, in the table, and every client method
/// builds its request from its spec (`Call::op(&spec::get_receipt, path)`).
#[derive(Debug)]
pub(crate) struct Spec {
    /// The operation's name: logs, outcome-unknown errors.
    pub name: &'static str,
    pub method: reqwest::Method,
    /// The path template; a concrete path is checked against it in debug builds ([`path_matches`]).
    pub path: &'static str,
    pub retry: crate::retry::RetryClass,
}

/// One `spec` item of [`__describe_operations!`](crate::__describe_operations).
macro_rules! operation_spec {
    ($name:ident ANY $path:literal AsRequested) => {};
    ($name:ident $method:ident $path:literal $retry:ident) => {
        // Named as the operation, so a call site reads `spec::get_receipt`. A composite operation (the
        // `verify_*` checks) sends through the calls of the operations it is made of, so its own spec may
        // stay unused.
        #[allow(non_upper_case_globals, dead_code)]
        pub(crate) static $name: $crate::operation::Spec = $crate::operation::Spec {
            name: stringify!($name),
            method: ::reqwest::Method::$method,
            path: $path,
            retry: $crate::retry::RetryClass::$retry,
        };
    };
}
pub(crate) use operation_spec;

/// Whether a concrete request path fits a table template, segment by segment: a literal segment must be
/// equal, `{x}` matches one non-empty segment, and a template may end in one optional segment written
/// `[/{x}]` (iamport's `payments/find/{merchant_uid}[/{payment_status}]`).
pub(crate) fn path_matches(template: &str, path: &str) -> bool {
    let (required, optional) = match template.strip_suffix(']').and_then(|t| t.split_once("[/")) {
        Some((required, optional)) => (required, Some(optional)),
        None => (template, None),
    };
    let segment_fits = |want: &str, got: &str| {
        if want.starts_with('{') && want.ends_with('}') {
            !got.is_empty()
        } else {
            want == got
        }
    };
    let mut got = path.split('/');
    for want in required.split('/') {
        match got.next() {
            Some(seg) if segment_fits(want, seg) => {}
            _ => return false,
        }
    }
    match (got.next(), optional) {
        (None, _) => true,
        (Some(seg), Some(want)) => segment_fits(want, seg) && got.next().is_none(),
        (Some(_), None) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::path_matches;

    #[test]
    fn paths_match_templates_segment_by_segment() {
        assert!(path_matches("confirm", "confirm"));
        assert!(path_matches("receipt/{receipt_id}", "receipt/r%2F1"));
        assert!(path_matches(
            "subscribe/customers/{customer_uid}/payments",
            "subscribe/customers/c1/payments"
        ));
        let find = "payments/find/{merchant_uid}[/{payment_status}]";
        assert!(path_matches(find, "payments/find/o1"));
        assert!(path_matches(find, "payments/find/o1/paid"));
        for (template, path) in [
            ("confirm", "cancel"),
            ("receipt/{receipt_id}", "receipt"),
            ("receipt/{receipt_id}", "receipt/"),
            ("receipt/{receipt_id}", "receipt/a/b"),
            ("receipt/{receipt_id}", "receipts/a"),
            (
                "subscribe/customers/{customer_uid}/payments",
                "subscribe/customers/c1/schedules",
            ),
            (find, "payments/find"),
            (find, "payments/find/o1/paid/x"),
            (find, "payments/find/o1/"),
        ] {
            assert!(!path_matches(template, path), "{template} ~ {path}");
        }
    }

    /// Every table template is well formed: segments are literals or one `{name}`, never empty, and an
    /// optional segment only at the end.
    #[test]
    fn every_template_is_well_formed() {
        let ops = crate::bootpay::OPERATIONS
            .iter()
            .chain(crate::iamport::OPERATIONS);
        for op in ops.filter(|op| op.method != "ANY") {
            let template = op.path.replacen("[/", "/", 1);
            let template = template.strip_suffix(']').unwrap_or(&template);
            for seg in template.split('/') {
                let inner = seg
                    .strip_prefix('{')
                    .and_then(|s| s.strip_suffix('}'))
                    .unwrap_or(seg);
                assert!(
                    !inner.is_empty() && !inner.contains(['{', '}', '[', ']', '?']),
                    "{}: bad segment {seg:?} in {:?}",
                    op.name,
                    op.path
                );
            }
        }
    }
}
