//! Post-processing of UniFFI's duration lowering in Kotlin and Swift, so a duration Rust cannot hold
//! becomes a typed error instead of an undeclared exception (Kotlin) or a crash (Swift).
//!
//! Rust's `Duration` is unsigned. UniFFI 0.32's generated converters refuse what does not fit their own
//! way: Kotlin's `FfiConverterDuration.write` throws `IllegalArgumentException` for a negative
//! `java.time.Duration` (an exception the API never declares), and Swift's calls `fatalError` for a negative
//! or too large `TimeInterval` and traps converting NaN — a process crash from one bad timeout. UniFFI has
//! no option for this and its builtin `Duration` cannot be given a custom converter, so both writers are
//! changed to lower such a value as the longest duration Rust has (`u64::MAX` seconds). Every duration
//! paywire takes is bounded (a timeout at most a day, a backoff at most an hour), so it is answered with
//! `InvalidInput` naming the field (`timeout`, `retry.base_delay`) before anything is sent.
//!
//! Each rewrite is checked: a generated file that declares the converter must contain the expected line
//! exactly once, or generation fails (a UniFFI upgrade that changes the template cannot slip through).

/// What a converter's file must contain, and what the one matching line becomes.
struct Fix {
    declares: &'static str,
    /// The line (trimmed) to replace.
    line: &'static str,
    /// The replacement lines, at the same indentation.
    with: &'static [&'static str],
}

const KOTLIN: Fix = Fix {
    declares: "public object FfiConverterDuration",
    line: r#"throw IllegalArgumentException("Invalid duration, must be non-negative")"#,
    with: &[
        "// paywire: lowered as the longest duration, which every paywire field refuses as InvalidInput naming it",
        "buf.putLong(-1L)",
        "buf.putInt(0)",
        "return",
    ],
};

const SWIFT: Fix = Fix {
    declares: "fileprivate struct FfiConverterDuration",
    line: "public static func write(_ value: TimeInterval, into buf: inout [UInt8]) {",
    with: &[
        "public static func write(_ value: TimeInterval, into buf: inout [UInt8]) {",
        "    // paywire: negative, NaN, infinite or beyond UInt64 is lowered as the longest duration, which every",
        "    // paywire field refuses as InvalidInput naming it (the checks below would crash the process).",
        "    guard value.isFinite, value >= 0, value < 1.8e19 else {",
        "        writeInt(&buf, UInt64.max)",
        "        writeInt(&buf, UInt32(0))",
        "        return",
        "    }",
    ],
};

/// Rewrites one generated Kotlin file; `Ok(None)` when it declares no duration converter.
pub fn rewrite_kotlin(source: &str) -> Result<Option<String>, String> {
    rewrite(source, &KOTLIN)
}

/// Rewrites one generated Swift file; `Ok(None)` when it declares no duration converter.
pub fn rewrite_swift(source: &str) -> Result<Option<String>, String> {
    rewrite(source, &SWIFT)
}

fn rewrite(source: &str, fix: &Fix) -> Result<Option<String>, String> {
    if !source.contains(fix.declares) {
        return Ok(None);
    }
    // Only inside the converter's declaration: other `write` functions look alike.
    let start = source.find(fix.declares).unwrap_or_default();
    let (before, converter) = source.split_at(start);
    let mut out = Vec::new();
    let mut replaced = 0usize;
    for line in converter.lines() {
        if replaced == 0 && line.trim() == fix.line {
            let indent = &line[..line.len() - line.trim_start().len()];
            out.extend(fix.with.iter().map(|l| format!("{indent}{l}")));
            replaced += 1;
        } else {
            out.push(line.to_owned());
        }
    }
    if replaced != 1 {
        return Err(format!(
            "duration fix-up: `{}` not found in the generated `{}`; the UniFFI template changed, see \
             uniffi-bindgen/src/duration_bounds.rs",
            fix.line, fix.declares
        ));
    }
    let mut text = format!("{before}{}", out.join("\n"));
    if source.ends_with('\n') {
        text.push('\n');
    }
    Ok(Some(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kotlin_negative_duration_is_lowered_not_thrown() {
        let source = "public object FfiConverterDuration {\n    override fun write(value: java.time.Duration, buf: ByteBuffer) {\n        if (value.seconds < 0) {\n            throw IllegalArgumentException(\"Invalid duration, must be non-negative\")\n        }\n    }\n}\n";
        let fixed = rewrite_kotlin(source).ok().flatten().unwrap_or_default();
        assert!(!fixed.contains("IllegalArgumentException"));
        assert!(fixed.contains("            buf.putLong(-1L)\n"));
        assert!(fixed.ends_with('\n'));
        assert_eq!(rewrite_kotlin("object Other").ok(), Some(None));
        assert!(rewrite_kotlin("public object FfiConverterDuration {}").is_err());
    }

    #[test]
    fn swift_guard_precedes_the_fatal_errors() {
        let source = "fileprivate struct FfiConverterDuration {\n    public static func write(_ value: TimeInterval, into buf: inout [UInt8]) {\n        if value < 0 {\n            fatalError(\"Invalid duration, must be non-negative\")\n        }\n    }\n}\n";
        let fixed = rewrite_swift(source).ok().flatten().unwrap_or_default();
        let guard = fixed.find("guard value.isFinite").unwrap_or(usize::MAX);
        let fatal = fixed.find("fatalError").unwrap_or(0);
        assert!(guard < fatal);
        assert!(rewrite_swift("fileprivate struct FfiConverterDuration {}").is_err());
    }
}
