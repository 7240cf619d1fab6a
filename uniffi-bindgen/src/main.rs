//! `uniffi-bindgen`: generates the Kotlin and Swift sources of `paywire-ffi` from the built library.
//!
//! ```text
//! cargo run -p uniffi-bindgen -- generate --library target/debug/libpaywire_ffi.so \
//!     --language kotlin --config uniffi.toml --out-dir OUT
//! ```
//!
//! It is UniFFI's own generator (kept as its own crate, out of `default-members`, because it is slow to
//! build, and so its uniffi version is the workspace's, equal to the cdylib's) plus:
//! - a guard: an old-style flat `--config` file is refused (UniFFI >= 0.32 would ignore it with a mere
//!   warning and silently generate package `uniffi.paywire_ffi`);
//! - checked passes over the generated Kotlin ([`kotlin_fixups::apply`]): lone UTF-16 surrogates become
//!   `InvalidInput` instead of an undeclared `MalformedInputException`, throwing constructors get
//!   `@Throws` for Java, and a negative duration is refused as `InvalidInput` instead of an undeclared
//!   `IllegalArgumentException`;
//! - one checked pass over the generated Swift ([`duration_bounds`]): a negative, NaN or infinite
//!   `TimeInterval` is refused as `InvalidInput` instead of crashing the process in `fatalError`.
//!
//! UniFFI has no option for any of them; see those modules.

mod duration_bounds;
mod kotlin_constructor_throws;
mod kotlin_fixups;
mod kotlin_lone_surrogates;

use std::path::PathBuf;
use std::process::ExitCode;

fn arg_values(args: &[String], long: &str, short: &str) -> Vec<String> {
    let mut values = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == long || arg == short {
            if let Some(v) = iter.next() {
                values.push(v.clone());
            }
        } else if let Some(v) = arg.strip_prefix(&format!("{long}=")) {
            values.push(v.to_owned());
        }
    }
    values
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let generating = args.get(1).map(String::as_str) == Some("generate");
    if generating {
        for config in arg_values(&args, "--config", "-c") {
            match std::fs::read_to_string(&config) {
                Ok(text) if text.contains("[crates.") || text.contains("[defaults") => {}
                Ok(_) => {
                    eprintln!(
                        "error: {config} is an old-style UniFFI config; use [crates.paywire_ffi.bindings.kotlin] sections"
                    );
                    return ExitCode::FAILURE;
                }
                Err(e) => {
                    eprintln!("error: cannot read {config}: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
    }

    // Exits the process itself on failure.
    uniffi::uniffi_bindgen_main();

    let kotlin = arg_values(&args, "--language", "-l")
        .iter()
        .any(|l| l == "kotlin");
    let swift = arg_values(&args, "--language", "-l")
        .iter()
        .any(|l| l == "swift");
    for out_dir in arg_values(&args, "--out-dir", "-o") {
        let out_dir = PathBuf::from(out_dir);
        let fixed = match (generating, kotlin, swift) {
            (true, true, _) => kotlin_fixups::apply(&out_dir),
            (true, _, true) => swift_fixups(&out_dir),
            _ => Ok(()),
        };
        if let Err(e) = fixed {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// Applies the duration pass to every generated `.swift` file under `out_dir` (files without a duration
/// converter are left alone).
fn swift_fixups(out_dir: &std::path::Path) -> Result<(), String> {
    let mut files = Vec::new();
    kotlin_fixups::files_with(out_dir, "swift", &mut files)
        .map_err(|e| format!("cannot list {}: {e}", out_dir.display()))?;
    for file in files {
        let source = std::fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        if let Some(fixed) = duration_bounds::rewrite_swift(&source)
            .map_err(|e| format!("{}: {e}", file.display()))?
        {
            std::fs::write(&file, fixed)
                .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        }
    }
    Ok(())
}
