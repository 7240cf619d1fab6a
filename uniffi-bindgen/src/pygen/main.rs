//! `paywire-pygen`: writes the Python package's generated module from `libpaywire_ffi`'s UniFFI metadata.
//!
//! ```text
//! cargo run -p uniffi-bindgen --bin paywire-pygen -- --library target/debug/libpaywire_ffi.so \
//!     --out python/paywire/_generated.py [--check]
//! cargo run -p uniffi-bindgen --bin paywire-pygen -- --library LIB --describe   # JSON, for the tests
//! ```
//!
//! The metadata is what the cdylib exports to Kotlin and Swift: every record (fields, types, optionality,
//! docs), every enum, and the provider client objects whose async methods are the providers' operation
//! tables (names, argument names, types and defaults, docs). From it come the Python response models and,
//! per provider, a blocking and an asyncio method mixin (see [`python`]). The mapping goes by type; the
//! few conventions that exist only in Python are written once, in [`conventions`]. `--check` fails when
//! the file on disk differs from what would be written (the staleness check of `make test`).

mod conventions;
mod meta;
mod python;

use std::process::ExitCode;

fn value(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn run(args: &[String]) -> Result<(), String> {
    let library = value(args, "--library").ok_or("--library LIB is required")?;
    let meta = meta::Meta::load(&library)?;
    if args.iter().any(|a| a == "--describe") {
        println!("{}", python::describe(&meta)?);
        return Ok(());
    }
    let out = value(args, "--out").ok_or("--out FILE is required")?;
    let text = python::module(&meta)?;
    if args.iter().any(|a| a == "--check") {
        let current = std::fs::read_to_string(&out).unwrap_or_default();
        if current != text {
            return Err(format!(
                "{out} is stale: it differs from what {library}'s metadata gives; run `make generate` and commit it"
            ));
        }
        eprintln!("{out} is up to date");
        return Ok(());
    }
    std::fs::write(&out, text).map_err(|e| format!("cannot write {out}: {e}"))?;
    eprintln!("wrote {out}");
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("paywire-pygen: {e}");
            ExitCode::FAILURE
        }
    }
}
