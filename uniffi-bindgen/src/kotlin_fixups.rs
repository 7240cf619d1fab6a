//! The post-processing passes still applied to UniFFI's generated Kotlin (each checked: a template
//! change that defeats one fails generation instead of slipping through):
//! - [`kotlin_lone_surrogates`](crate::kotlin_lone_surrogates): UniFFI's string encoder throws
//!   `java.nio.charset.MalformedInputException` (an exception the API never declares) for a lone UTF-16
//!   surrogate, and UniFFI offers no option or custom converter for its builtin `String`; the pass makes
//!   it write U+FFFF, which paywire-ffi answers with `PaywireException.InvalidInput` naming the field.
//! - [`kotlin_constructor_throws`](crate::kotlin_constructor_throws): UniFFI puts `@Throws` on throwing
//!   methods but not on throwing primary constructors, so Java could not `catch (PaywireException e)`
//!   around `new Bootpay(config)`.
//! - [`duration_bounds`](crate::duration_bounds): a negative `java.time.Duration` is lowered as the longest
//!   duration (refused as `InvalidInput` naming the field) instead of throwing `IllegalArgumentException`.
//!
//! (The third pass, which made an error field called `message` the exception's message, is gone: the
//! field is now `summary` and the error's exported `Display` is its `toString()`.)

use std::fs;
use std::path::Path;

/// Every file under `dir` whose extension is `extension`, at any depth.
pub fn files_with(
    dir: &Path,
    extension: &str,
    found: &mut Vec<std::path::PathBuf>,
) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files_with(&path, extension, found)?;
        } else if path.extension().is_some_and(|e| e == extension) {
            found.push(path);
        }
    }
    Ok(())
}

/// Rewrites every generated `.kt` file under `out_dir` with every pass.
pub fn apply(out_dir: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    files_with(out_dir, "kt", &mut files)
        .map_err(|e| format!("cannot list {}: {e}", out_dir.display()))?;
    let mut found_converter = false;
    let mut throwing_constructors = 0usize;
    for file in files {
        let source = fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let (mut text, constructors) = crate::kotlin_constructor_throws::rewrite(&source);
        throwing_constructors += constructors;
        let mut changed = constructors > 0;
        if let Some(fixed) = crate::kotlin_lone_surrogates::rewrite(&text)
            .map_err(|e| format!("{}: {e}", file.display()))?
        {
            text = fixed;
            changed = true;
            found_converter = true;
        }
        if let Some(fixed) = crate::duration_bounds::rewrite_kotlin(&text)
            .map_err(|e| format!("{}: {e}", file.display()))?
        {
            text = fixed;
            changed = true;
        }
        if changed {
            fs::write(&file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
            eprintln!(
                "{}: {constructors} throwing constructor(s) annotated, string encoder checked",
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
