//! Every language reads core's records by the same names.
//!
//! Kotlin and Swift read a record's Rust field names (UniFFI), while Python reads the JSON core serializes
//! (serde keys) and `paywire-pygen` names the Python attributes after the UniFFI fields. A serde attribute
//! that makes a key differ from its field name — `rename`, a struct-level `rename_all`, a field skipped
//! when serializing, a `flatten` other than the catch-all maps — would make Python disagree with Kotlin and
//! Swift with nothing else failing. This test reads core's sources and refuses those attributes.

use std::path::{Path, PathBuf};

/// Request records whose flattened sub-records are their wire shape on purpose (`card`, `options`): they
/// only travel from a caller to the provider, and Python spreads them into keyword arguments in that same
/// wire shape. An answer record never flattens a sub-record.
const FLATTENED_REQUESTS: &[&str] = &[
    "IamportIssueBillingKey",
    "OnetimePayment",
    "AgainPayment",
    "ScheduleItem",
    "SchedulePayments",
];

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// What is wrong with `attribute` (one `#[serde(…)]`, joined onto one line) placed before `item` (the
/// next line that is not an attribute or a doc comment) in struct `owner`, if anything.
fn problem(attribute: &str, item: &str, owner: &str) -> Option<String> {
    let item = item.trim();
    let field = item
        .strip_prefix("pub ")
        .and_then(|rest| rest.split_once(':'))
        .map(|(name, _)| name.trim())
        .filter(|name| !name.contains(' ') && !name.contains('('));
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    // Attribute keys only: values in quotes (paths, defaults) are not looked at.
    let outside_quotes: String = attribute
        .split('"')
        .step_by(2)
        .collect::<Vec<_>>()
        .join(" ");
    let keys = words(&outside_quotes);
    let has = |key: &str| keys.iter().any(|k| k == key);
    if item.starts_with("pub struct") && has("rename_all") {
        return Some(format!(
            "`rename_all` on a struct renames every key: {item}"
        ));
    }
    let field = field?;
    if has("rename") {
        return Some(format!("`rename` on field `{field}`"));
    }
    if has("skip") || has("skip_serializing") {
        return Some(format!(
            "field `{field}` is never serialized, so Python never sees it"
        ));
    }
    // A flattened JSON map holds the keys core does not know (both sides see them as data); a flattened
    // record is a request's wire shape, or a bug.
    let is_map = item.contains("Map<") || item.contains("JsonMap");
    if has("flatten") && !is_map && !FLATTENED_REQUESTS.contains(&owner) {
        return Some(format!(
            "field `{owner}.{field}` is a flattened record: its keys are not its name"
        ));
    }
    None
}

#[test]
fn serde_keys_are_the_field_names_every_binding_uses() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/src");
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    assert!(
        files.len() > 20,
        "core's sources not found under {}",
        core.display()
    );
    let mut problems = Vec::new();
    let mut attributes_seen = 0usize;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let mut i = 0;
        let mut owner = "";
        while i < lines.len() {
            if let Some(rest) = lines[i].trim_start().strip_prefix("pub struct ") {
                owner = rest
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or_default();
            }
            if !lines[i].trim_start().starts_with("#[serde(") {
                i += 1;
                continue;
            }
            // Join the attribute up to its closing `)]`.
            let start = i;
            let mut attribute = String::new();
            while i < lines.len() {
                attribute.push_str(lines[i].trim());
                attribute.push(' ');
                if lines[i].trim_end().ends_with(")]") {
                    break;
                }
                i += 1;
            }
            attributes_seen += 1;
            let item = lines[i + 1..]
                .iter()
                .find(|l| {
                    let l = l.trim_start();
                    !(l.starts_with("#[") || l.starts_with("///") || l.starts_with("//"))
                })
                .copied()
                .unwrap_or_default();
            if let Some(problem) = problem(&attribute, item, owner) {
                problems.push(format!("{}:{}: {problem}", file.display(), start + 1));
            }
            i += 1;
        }
    }
    assert!(
        attributes_seen > 100,
        "only {attributes_seen} serde attributes found: the scan is broken"
    );
    assert!(
        problems.is_empty(),
        "serde keys differ from field names:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_scan_finds_what_it_refuses() {
    let receipt = "Receipt";
    assert!(problem(r#"#[serde(rename = "amount")]"#, "pub price: f64,", receipt).is_some());
    assert!(problem("#[serde(skip_serializing)]", "pub token: String,", receipt).is_some());
    assert!(problem("#[serde(default, skip)]", "pub token: String,", receipt).is_some());
    assert!(problem("#[serde(flatten)]", "pub card: Card,", receipt).is_some());
    let camel = r#"#[serde(rename_all = "camelCase")]"#;
    assert!(problem(camel, "pub struct Receipt {", "").is_some());
    assert!(problem("#[serde(flatten)]", "pub extra: JsonMap,", receipt).is_none());
    assert!(problem(
        "#[serde(flatten)]",
        "pub other: Map<String, Value>,",
        receipt
    )
    .is_none());
    assert!(problem(
        "#[serde(flatten)]",
        "pub card: CardInput,",
        "OnetimePayment"
    )
    .is_none());
    let lower = r#"#[serde(rename_all = "lowercase")]"#;
    assert!(problem(lower, "pub enum Mode {", "").is_none());
    let with =
        r#"#[serde(default, with = "wire::skip_rename", skip_serializing_if = "Option::is_none")]"#;
    assert!(problem(with, "pub paid_at: Option<SystemTime>,", receipt).is_none());
}
