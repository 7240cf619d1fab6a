//! Reading iamport request fields: JSON or form bodies, bracket-array query strings, and
//! lenient scalars (form bodies carry numbers as text), with `400 code -1` naming a bad field.
//!
//! As on the Bootpay side, a field that is absent, `null` or `""` counts as missing.

use axum::body::Bytes;
use axum::http::{header, HeaderMap};
use serde_json::{Map, Value};

use super::model::Money;
use super::IamError;

/// A request's body as a JSON object (form bodies are turned into one).
pub type Body = Map<String, Value>;

/// Parses a JSON or `application/x-www-form-urlencoded` body; an empty body is `{}`.
pub fn parse(headers: &HeaderMap, bytes: &Bytes) -> Result<Body, IamError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
    if is_form {
        return Ok(form_to_object(form_urlencoded::parse(bytes)));
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(IamError::invalid("the request body must be a JSON object")),
        Err(e) => Err(IamError::invalid(format!(
            "the request body is neither JSON nor a form: {e}"
        ))),
    }
}

/// Form pairs as an object: `k[]=a&k[]=b` → `{"k": ["a","b"]}`, `a[b]=c` → `{"a": {"b": "c"}}`.
fn form_to_object<'a>(
    pairs: impl Iterator<Item = (std::borrow::Cow<'a, str>, std::borrow::Cow<'a, str>)>,
) -> Body {
    let mut out = Map::new();
    for (key, value) in pairs {
        let value = Value::String(value.into_owned());
        if let Some(name) = key.strip_suffix("[]") {
            let slot = out
                .entry(name.to_string())
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(items) = slot {
                items.push(value);
            }
        } else if let Some((name, rest)) = key.split_once('[') {
            let inner = rest.trim_end_matches(']').to_string();
            let slot = out
                .entry(name.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = slot {
                m.insert(inner, value);
            }
        } else {
            out.insert(key.into_owned(), value);
        }
    }
    out
}

/// A query string as an object, with the same bracket rules as form bodies.
pub fn query(raw: Option<&str>) -> Body {
    form_to_object(form_urlencoded::parse(raw.unwrap_or("").as_bytes()))
}

/// Every value of a query/body list field, sent as `key[]`, repeated, or as one string.
pub fn list(body: &Body, key: &str) -> Vec<String> {
    match body.get(key) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(scalar_text)
            .filter(|s| !s.is_empty())
            .collect(),
        Some(v) => scalar_text(v)
            .filter(|s| !s.is_empty())
            .into_iter()
            .collect(),
        None => Vec::new(),
    }
}

fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn present<'a>(body: &'a Body, key: &str) -> Option<&'a Value> {
    match body.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(v) => Some(v),
    }
}

/// A required string (numbers are accepted and read as text).
pub fn req_str(body: &Body, key: &str) -> Result<String, IamError> {
    opt_str(body, key)?.ok_or_else(|| IamError::invalid(format!("{key} is required")))
}

/// An optional string (numbers are accepted and read as text).
pub fn opt_str(body: &Body, key: &str) -> Result<Option<String>, IamError> {
    match present(body, key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err(IamError::invalid(format!("{key} must be a string"))),
    }
}

/// A required, non-negative amount (JSON number or numeric text; fractions allowed).
pub fn req_money(body: &Body, key: &str) -> Result<Money, IamError> {
    opt_money(body, key)?.ok_or_else(|| IamError::invalid(format!("{key} is required")))
}

/// An optional, non-negative amount.
pub fn opt_money(body: &Body, key: &str) -> Result<Option<Money>, IamError> {
    match present(body, key) {
        None => Ok(None),
        Some(v) => match Money::from_json(v) {
            Some(m) if !m.is_negative() => Ok(Some(m)),
            Some(_) => Err(IamError::invalid(format!("{key} must not be negative"))),
            None => Err(IamError::invalid(format!("{key} must be a number"))),
        },
    }
}

/// A required integer (unix seconds, page numbers).
pub fn req_int(body: &Body, key: &str) -> Result<i64, IamError> {
    opt_int(body, key)?.ok_or_else(|| IamError::invalid(format!("{key} is required")))
}

/// An optional integer; integral floats and numeric text count.
pub fn opt_int(body: &Body, key: &str) -> Result<Option<i64>, IamError> {
    let bad = || IamError::invalid(format!("{key} must be an integer"));
    match present(body, key) {
        None => Ok(None),
        Some(Value::Number(n)) => n
            .as_i64()
            .or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                    .map(|f| f as i64)
            })
            .map(Some)
            .ok_or_else(bad),
        Some(Value::String(s)) => s.trim().parse::<i64>().map(Some).map_err(|_| bad()),
        Some(_) => Err(bad()),
    }
}

/// An optional flag: `true`/`false`, `1`/`0` or their text.
pub fn opt_bool(body: &Body, key: &str) -> Result<Option<bool>, IamError> {
    match present(body, key) {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(Value::Number(n)) => Ok(Some(n.as_f64().is_some_and(|f| f != 0.0))),
        Some(Value::String(s)) if s == "true" || s == "1" => Ok(Some(true)),
        Some(Value::String(s)) if s == "false" || s == "0" => Ok(Some(false)),
        Some(_) => Err(IamError::invalid(format!("{key} must be a boolean"))),
    }
}

/// `custom_data`: kept as JSON text (objects and arrays are serialized, as iamport does).
pub fn custom_data(body: &Body) -> Option<String> {
    match present(body, "custom_data") {
        None => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(v) => Some(v.to_string()),
    }
}

/// `page` (from 1, default 1) and `limit` (1–1000, default 20) of a paged list.
pub fn paging(query: &Body) -> Result<(usize, usize), IamError> {
    let page = opt_int(query, "page")?.unwrap_or(1);
    if page < 1 {
        return Err(IamError::invalid("page must be 1 or more"));
    }
    let limit = opt_int(query, "limit")?.unwrap_or(20);
    if !(1..=1000).contains(&limit) {
        return Err(IamError::invalid("limit must be between 1 and 1000"));
    }
    Ok((page as usize, limit as usize))
}

/// One page of `items` as `{total, previous, next, list}` (§3.4); a page past the last
/// (other than page 1 of an empty list) is a 400.
pub fn page(items: Vec<Value>, page: usize, limit: usize) -> Result<Value, IamError> {
    let total = items.len();
    let last = total.div_ceil(limit).max(1);
    if page > last {
        return Err(IamError::invalid(format!(
            "page {page} is out of range (last page {last})"
        )));
    }
    let list: Vec<Value> = items
        .into_iter()
        .skip((page - 1) * limit)
        .take(limit)
        .collect();
    Ok(serde_json::json!({
        "total": total,
        "previous": page.saturating_sub(1),
        "next": if page < last { page + 1 } else { 0 },
        "list": list,
    }))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn form_brackets_become_arrays_and_objects() {
        let b = query(Some(
            "imp_uid[]=a&imp_uid[]=b&extra[requester]=admin&page=2",
        ));
        assert_eq!(list(&b, "imp_uid"), vec!["a", "b"]);
        assert_eq!(b["extra"]["requester"], "admin");
        assert_eq!(opt_int(&b, "page").unwrap(), Some(2));
    }

    #[test]
    fn pages_count_from_one() {
        let items: Vec<Value> = (0..45).map(|i| json!(i)).collect();
        let p = page(items.clone(), 3, 20).unwrap();
        assert_eq!(
            (p["total"].clone(), p["previous"].clone(), p["next"].clone()),
            (json!(45), json!(2), json!(0))
        );
        assert_eq!(p["list"].as_array().unwrap().len(), 5);
        assert!(page(items, 4, 20).is_err());
        assert_eq!(page(Vec::new(), 1, 20).unwrap()["next"], 0);
    }
}
