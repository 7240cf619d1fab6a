//! Post-processing of UniFFI's Kotlin string lowering, so a lone UTF-16 surrogate becomes a typed error.
//!
//! UniFFI 0.32's `FfiConverterString.toUtf8` encodes with `onMalformedInput(CodingErrorAction.REPORT)`, so
//! a Kotlin/Java string holding a lone surrogate (`"abc\uD800"`, easily produced by a JSON `"\ud800"`
//! escape) throws `java.nio.charset.MalformedInputException` out of whichever call it was passed to: an
//! exception the API never declares and Java cannot even name in a `catch`. UniFFI has no option for this
//! and its builtin `String` cannot be given a custom converter, so we change that one line: the encoder
//! writes U+FFFF (bytes `EF BF BF`, a noncharacter reserved for internal use, still valid UTF-8, so the
//! Rust side stays sound) in place of the surrogate, and `paywire-ffi`'s `text::check`, which runs on every
//! argument, answers `PaywireException.InvalidInput` naming the field.
//!
//! The rewrite is checked: the generated file that declares `FfiConverterString` must contain the REPORT
//! line exactly once inside `toUtf8`, or generation fails (a UniFFI upgrade that changes the template
//! cannot slip through silently).

const CONVERTER: &str = "public object FfiConverterString";
const REPORT: &str = "onMalformedInput(CodingErrorAction.REPORT)";
const REPLACE: &str = "onMalformedInput(CodingErrorAction.REPLACE)";
/// U+FFFF in UTF-8; `text::UNENCODABLE` in paywire-ffi.
const REPLACEMENT: &str = "replaceWith(byteArrayOf(0xEF.toByte(), 0xBF.toByte(), 0xBF.toByte()))";

/// Rewrites one generated file; `Ok(None)` when it does not declare `FfiConverterString`.
pub fn rewrite(source: &str) -> Result<Option<String>, String> {
    if !source.contains(CONVERTER) {
        return Ok(None);
    }
    let lines: Vec<&str> = source.lines().collect();
    let mut out = Vec::with_capacity(lines.len() + 1);
    let (mut in_to_utf8, mut replaced) = (false, 0usize);
    for line in &lines {
        let trimmed = line.trim();
        if trimmed.starts_with("fun toUtf8(value: String): ByteBuffer") {
            in_to_utf8 = true;
        } else if in_to_utf8 && trimmed.starts_with("override fun ") {
            in_to_utf8 = false;
        }
        if in_to_utf8 && trimmed == REPORT {
            let indent = &line[..line.len() - line.trim_start().len()];
            out.push(format!("{indent}{REPLACE}"));
            out.push(format!(
                "{indent}// paywire: a lone surrogate becomes U+FFFF, which paywire-ffi rejects as InvalidInput naming the field"
            ));
            out.push(format!("{indent}{REPLACEMENT}"));
            replaced += 1;
        } else {
            out.push((*line).to_owned());
        }
    }
    if replaced != 1 {
        return Err(format!(
            "Kotlin lone-surrogate fix-up: expected one `{REPORT}` in FfiConverterString.toUtf8, found \
             {replaced}; the UniFFI template changed, see uniffi-bindgen/src/kotlin_lone_surrogates.rs"
        ));
    }
    let mut text = out.join("\n");
    if source.ends_with('\n') {
        text.push('\n');
    }
    Ok(Some(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str =
        "public object FfiConverterString: FfiConverter<String, RustBuffer.ByValue> {
    fun toUtf8(value: String): ByteBuffer {
        // Make sure we don't have invalid UTF-16, check for lone surrogates.
        return Charsets.UTF_8.newEncoder().run {
            onMalformedInput(CodingErrorAction.REPORT)
            encode(CharBuffer.wrap(value))
        }
    }

    override fun lower(value: String): RustBuffer.ByValue {
";

    #[test]
    fn the_encoder_replaces_instead_of_throwing() {
        let text = rewrite(TEMPLATE).unwrap().unwrap();
        assert!(!text.contains(REPORT) && text.contains(REPLACE) && text.contains(REPLACEMENT));
    }

    #[test]
    fn a_changed_template_fails_generation() {
        let changed = TEMPLATE.replace(REPORT, "onMalformedInput(CodingErrorAction.IGNORE)");
        assert!(rewrite(&changed).is_err());
        assert_eq!(rewrite("class Other").unwrap(), None);
    }
}
