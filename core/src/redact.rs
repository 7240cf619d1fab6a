//! Scrubbing of text paywire quotes back to people: error messages, body snippets, URLs.
//!
//! Request values never reach an error (see [`crate::error`]), but an answer can: a decode error quotes
//! the start of the body, serde quotes the value it choked on, and a redirect names its `Location`. Those
//! answers may hold account numbers, card data or tokens, so everything quoted passes through here first.
//! The list of sensitive field names lives only in this module.

use serde_json::Value;

/// Field names whose values are never shown, in any language: credentials, card data, account, identity
/// and CI/DI numbers. The one list: core masks these in everything it quotes, and every binding prints
/// its records through [`crate::is_sensitive_field`].
const SENSITIVE_KEYS: &[&str] = &[
    "access_token",
    "account",
    "account_number",
    "bank_account",
    "bank_num",
    "billing_key",
    "birth",
    "card_expire_month",
    "card_expire_year",
    "card_identity_no",
    "card_no",
    "card_number",
    "card_pw",
    "cash_receipt_identity_no",
    "cvc",
    "expiry",
    "gender_digit",
    "identifier",
    "identity_no",
    "imp_secret",
    "password",
    "private_key",
    "proxy",
    "pwd_2digit",
    "refund_account",
    "refund_bank_num",
    "secret_key",
    "social_number",
    "unique",
    "unique_in_site",
    "unique_key",
    "vbank_num",
];

/// What a hidden value is replaced with.
pub(crate) const MASK: &str = "***";

/// Whether a field (by its wire name) holds a value that must never be shown: a credential, card data, an
/// account, identity or CI/DI number. Bindings print their records through it, so every language hides the
/// same fields.
///
/// ```
/// assert!(paywire::is_sensitive_field("bank_account"));
/// assert!(paywire::is_sensitive_field("user_token"));
/// assert!(!paywire::is_sensitive_field("receipt_id"));
/// ```
pub fn is_sensitive_field(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    SENSITIVE_KEYS.contains(&key.as_str()) || key.ends_with("_secret") || key.ends_with("token")
}

/// A copy of `value` with every sensitive key's value (other than `null` and `""`) replaced by `***`, at
/// any depth; other values untouched.
pub(crate) fn mask_fields(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let hidden = is_sensitive_field(k)
                        && !v.is_null()
                        && v.as_str().is_none_or(|s| !s.is_empty());
                    let v = if hidden {
                        Value::String(MASK.to_owned())
                    } else {
                        mask_fields(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(mask_fields).collect()),
        other => other.clone(),
    }
}

/// Writes `Name{"field":value,…}`: a record's wire form with [`mask_fields`] applied, so card, account
/// and identity numbers, credentials and tokens never show. The `Display` of every record
/// ([`display_redacted!`](crate::display_redacted)): Kotlin's `toString()` and Swift's `description`.
#[doc(hidden)]
pub fn write_redacted<T: serde::Serialize>(
    name: &str,
    record: &T,
    f: &mut std::fmt::Formatter<'_>,
) -> std::fmt::Result {
    match serde_json::to_value(record) {
        Ok(value) => write!(f, "{name}{}", mask_fields(&value)),
        Err(_) => write!(f, "{name}{{…}}"),
    }
}

/// `Display` and `Debug` for records: the same redacted one-line dump ([`write_redacted`]), so a billing
/// key, a card, account or identity number never shows however a record is printed. Lists types.
#[doc(hidden)]
#[macro_export]
macro_rules! display_redacted {
    ($($ty:ident),+ $(,)?) => {$(
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::__write_redacted(stringify!($ty), self, f)
            }
        }

        impl ::std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::__write_redacted(stringify!($ty), self, f)
            }
        }
    )+};
}

/// A copy of `value` with every sensitive key's value replaced by `***` and long digit runs masked in
/// every string, at any depth.
pub(crate) fn scrub_json(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = if is_sensitive_field(k) && !v.is_null() {
                        Value::String(MASK.to_owned())
                    } else {
                        scrub_json(v)
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(scrub_json).collect()),
        // A message may echo a number under any key ("refused 5570…"): long digit runs go too.
        Value::String(text) => Value::String(scrub_text(text)),
        other => other.clone(),
    }
}

/// `text` with every run of 8 or more digits (spaces and dashes allowed between them: `1234-5678-9012`)
/// replaced by `***`: card, account and identity numbers all are such runs, while status codes, amounts
/// under 10⁸ and dates split by other characters stay readable.
pub(crate) fn scrub_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            let mut digits = 0;
            let mut end = i;
            let mut j = i;
            while j < chars.len() && (chars[j].is_ascii_digit() || matches!(chars[j], '-' | ' ')) {
                if chars[j].is_ascii_digit() {
                    digits += 1;
                    end = j + 1;
                }
                j += 1;
            }
            let run: String = chars[start..end].iter().collect();
            if digits >= 8 && !is_date(&run) {
                out.push_str(MASK);
            } else {
                out.push_str(&run);
            }
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// A serde message fit to quote: serde quotes the string it choked on (`invalid type: string "…"`), which
/// can be any value of the answer, so quoted strings are masked; field names (in backticks) stay.
pub(crate) fn serde_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut in_quote = false;
    for c in message.chars() {
        if c == '"' {
            if in_quote {
                out.push_str(MASK);
            }
            in_quote = !in_quote;
            out.push(c);
        } else if !in_quote {
            out.push(c);
        }
    }
    scrub_text(&out)
}

/// `YYYY-MM-DD`: eight digits that are a date, not a number to hide.
fn is_date(run: &str) -> bool {
    let groups: Vec<usize> = run.split('-').map(str::len).collect();
    groups == [4, 2, 2] && run.chars().all(|c| c.is_ascii_digit() || c == '-')
}

/// The start of an answer body for an error message: sensitive JSON values masked, long digit runs
/// masked, at most `max` characters.
pub(crate) fn body_snippet(body: &[u8], max: usize) -> String {
    let text = match serde_json::from_slice::<Value>(body) {
        Ok(json) => scrub_json(&json).to_string(),
        Err(_) => String::from_utf8_lossy(body).into_owned(),
    };
    let text = scrub_text(text.trim());
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// A URL fit to quote: scheme, host, port and path only (no user info, query or fragment, which may carry
/// keys or account numbers), at most 200 characters.
pub(crate) fn url_for_message(raw: &str) -> String {
    let shown = match url::Url::parse(raw) {
        Ok(mut url) => {
            let _ = url.set_username("");
            let _ = url.set_password(None);
            let had_query = url.query().is_some();
            url.set_query(None);
            url.set_fragment(None);
            let mut s = url.to_string();
            if had_query {
                s.push_str("?…");
            }
            s
        }
        // A relative or broken Location: keep the path part only.
        Err(_) => raw.split(['?', '#']).next().unwrap_or_default().to_owned(),
    };
    let shown = scrub_text(&shown);
    match shown.char_indices().nth(200) {
        Some((cut, _)) => format!("{}…", &shown[..cut]),
        None => shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sensitive_keys_are_masked_at_any_depth() {
        let v = json!({"vbank_data": {"bank_account": "12345678901234", "bank_name": "국민"}, "items": [{"card_no": "4111"}], "price": 1000});
        let s = scrub_json(&v).to_string();
        assert!(!s.contains("12345678901234") && !s.contains("4111"), "{s}");
        assert!(s.contains("국민") && s.contains("1000"), "{s}");
    }

    #[test]
    fn digit_runs_are_masked_but_short_numbers_kept() {
        assert_eq!(
            scrub_text("card 4111-1111-1111-1111 refused (HTTP 502, 1000 won)"),
            "card *** refused (HTTP 502, 1000 won)"
        );
        assert_eq!(scrub_text("account 110 1234 5678"), "account ***");
        assert_eq!(scrub_text("2026-11-23"), "2026-11-23");
    }

    #[test]
    fn serde_messages_lose_values_but_keep_fields() {
        assert_eq!(
            serde_message("invalid type: string \"tok_secret\", expected i64 at `access_token`"),
            "invalid type: string \"***\", expected i64 at `access_token`"
        );
    }

    #[test]
    fn urls_lose_query_and_credentials() {
        let u = url_for_message(
            "https://user:pw@evil.example/v2/token?private_key=abc&bank_num=1234567890",
        );
        assert_eq!(u, "https://evil.example/v2/token?…");
        assert_eq!(url_for_message("/relative?x=1"), "/relative");
    }

    #[test]
    fn snippets_of_json_hide_account_numbers() {
        let body = br#"{"vbank_num":"56211234567890","amount":1000}"#;
        let s = body_snippet(body, 120);
        assert!(!s.contains("5621123"), "{s}");
        assert!(s.contains("1000"), "{s}");
    }
}
