//! Post-processing of UniFFI's Kotlin objects: a throwing primary constructor gets `@Throws`.
//!
//! UniFFI 0.32 annotates every throwing *method* with `@Throws(PaywireException::class)` (so Java sees a
//! checked exception it can catch by name) but not the primary *constructor*: `new Bootpay(config)` throws
//! `PaywireException` (a bad key pair, a lone surrogate in a secret) yet javac refuses
//! `try { new Bootpay(config); } catch (PaywireException e)` with "exception is never thrown". We add the
//! same annotation UniFFI puts on methods. Checked: at least one constructor must be annotated, or
//! generation fails (a template change cannot slip through silently).

/// Annotates the throwing primary constructors of one generated file; answers the text and how many.
pub fn rewrite(source: &str) -> (String, usize) {
    let lines: Vec<&str> = source.lines().collect();
    let mut out = Vec::with_capacity(lines.len());
    let mut count = 0;
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let primary = trimmed.starts_with("constructor(`")
            && trimmed.ends_with(") :")
            && !lines[i.saturating_sub(1)].contains("@Throws");
        if primary {
            let thrown = lines
                .iter()
                .skip(i + 1)
                .take(3)
                .find_map(|next| {
                    let rest = next.split("uniffiRustCallWithError(").nth(1)?;
                    rest.split(')').next().map(str::to_owned)
                })
                .filter(|name| {
                    !name.is_empty()
                        && name
                            .chars()
                            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
                });
            if let Some(thrown) = thrown {
                let indent = &line[..line.len() - trimmed.len()];
                out.push(format!("{indent}@Throws({thrown}::class)"));
                count += 1;
            }
        }
        out.push((*line).to_owned());
    }
    let mut text = out.join("\n");
    if source.ends_with('\n') {
        text.push('\n');
    }
    (text, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throwing_constructors_are_annotated_once() {
        let source = "    constructor(`config`: BootpayConfig) :\n        this(UniffiWithHandle, \n    uniffiRustCallWithError(PaywireException) { _status ->\n";
        let (text, count) = rewrite(source);
        assert_eq!(count, 1);
        assert!(text.starts_with("    @Throws(PaywireException::class)\n    constructor("));
        assert_eq!(rewrite(&text).1, 0, "already annotated");
        let plain = "    constructor(`x`: Long) :\n        this(UniffiWithHandle, uniffiRustCall() { _status ->\n";
        assert_eq!(rewrite(plain).1, 0);
    }
}
