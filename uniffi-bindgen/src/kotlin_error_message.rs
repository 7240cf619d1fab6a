//! Post-processing of UniFFI's Kotlin output for non-flat errors whose variants have a `message` field.
//!
//! UniFFI 0.32 generates, for every variant of a non-flat error,
//!
//! ```text
//! class Api(val `code`: kotlin.String?, ..., val `message`: kotlin.String) : PaywireException() {
//!     override val message
//!         get() = "code=${ `code` }, ..., message=${ `message` }"
//! }
//! ```
//!
//! which does not compile (two `message` members) and would make `Throwable.message` a field dump. We turn
//! the field into the override (`override val `message`: kotlin.String`) and drop the generated getter,
//! so `e.message` is the readable sentence the Rust side put there. Variants without a `message` field are
//! left as generated. The rewrite is checked: a getter that mentions `message` must be removed and its
//! field made the override, the same number of times, or generation fails (so a UniFFI upgrade that
//! changes the template cannot slip through silently).

use std::fs;
use std::path::Path;

const FIELD: &str = "val `message`: kotlin.String";
const GETTER: &str = "override val message";

fn rewrite(source: &str) -> Result<(String, usize), String> {
    let lines: Vec<&str> = source.lines().collect();
    let mut out = Vec::with_capacity(lines.len());
    let (mut fields, mut getters) = (0usize, 0usize);
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim();
        if trimmed == FIELD || trimmed == format!("{FIELD},") || trimmed == format!("{FIELD}, ") {
            let indent = &line[..line.len() - line.trim_start().len()];
            out.push(format!("{indent}override {}", line.trim_start()));
            fields += 1;
        } else if trimmed == GETTER
            && lines.get(i + 1).is_some_and(|next| {
                next.trim().starts_with("get() = \"") && next.contains("message=${ `message` }")
            })
        {
            getters += 1;
            i += 2;
            continue;
        } else {
            out.push(line.to_owned());
        }
        i += 1;
    }
    if fields != getters {
        return Err(format!(
            "Kotlin error fix-up: {fields} `message` field(s) but {getters} generated message getter(s); \
             the UniFFI template changed, see uniffi-bindgen/src/kotlin_error_message.rs"
        ));
    }
    let mut text = out.join("\n");
    if source.ends_with('\n') {
        text.push('\n');
    }
    Ok((text, fields))
}

fn kotlin_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            kotlin_files(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "kt") {
            found.push(path);
        }
    }
    Ok(())
}

/// Rewrites every generated `.kt` file under `out_dir` (this fix-up and the lone-surrogate one).
pub fn apply(out_dir: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    kotlin_files(out_dir, &mut files)
        .map_err(|e| format!("cannot list {}: {e}", out_dir.display()))?;
    let mut found_converter = false;
    let mut throwing_constructors = 0usize;
    for file in files {
        let source = fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let (mut text, count) = rewrite(&source).map_err(|e| format!("{}: {e}", file.display()))?;
        let (annotated, constructors) = crate::kotlin_constructor_throws::rewrite(&text);
        text = annotated;
        throwing_constructors += constructors;
        let mut changed = count > 0 || constructors > 0;
        if let Some(fixed) = crate::kotlin_lone_surrogates::rewrite(&text)
            .map_err(|e| format!("{}: {e}", file.display()))?
        {
            text = fixed;
            changed = true;
            found_converter = true;
        }
        if changed {
            fs::write(&file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
            eprintln!(
                "{}: {count} error variant(s) now use their `message` field as Throwable.message",
                file.display()
            );
        }
    }
    if throwing_constructors == 0 {
        return Err(format!(
            "no throwing constructor found under {}; the @Throws fix-up \
             (uniffi-bindgen/src/kotlin_constructor_throws.rs) could not be applied",
            out_dir.display()
        ));
    }
    if !found_converter {
        return Err(format!(
            "no generated Kotlin file under {} declares FfiConverterString; the lone-surrogate fix-up \
             (uniffi-bindgen/src/kotlin_lone_surrogates.rs) could not be applied",
            out_dir.display()
        ));
    }
    Ok(())
}
