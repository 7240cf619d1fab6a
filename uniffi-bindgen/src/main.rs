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
//! - two checked passes over the generated Kotlin ([`kotlin_fixups::apply`]): lone UTF-16 surrogates
//!   become `InvalidInput` instead of an undeclared `MalformedInputException`, and throwing constructors
//!   get `@Throws` for Java. UniFFI has no option for either; see that module.

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
    if generating && kotlin {
        for out_dir in arg_values(&args, "--out-dir", "-o") {
            if let Err(e) = kotlin_fixups::apply(&PathBuf::from(out_dir)) {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
