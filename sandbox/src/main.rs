//! The `paywire-sandbox` binary: serves the sandbox until the process is interrupted.
//!
//! ```text
//! paywire-sandbox [--host HOST] [--port PORT] [--webhook-url URL]
//!                 [--iamport-webhook-format json|form] [--log-format plain|json]
//! ```
//!
//! Address: `--host`/`--port` (or `--addr HOST:PORT`), else `PAYWIRE_SANDBOX_ADDR`, else
//! `127.0.0.1:7878`. The flags are read by [`paywire_sandbox::cli`], which the JVM launcher
//! (`paywire.SandboxMainKt`) shares. One log line per request on stdout (method, path, status, duration),
//! without colour codes unless stdout is a terminal. Ctrl-C ends the process.

// The library allows unsafe only for UniFFI's generated code (feature `uniffi`); the binary has none.
#![forbid(unsafe_code)]

use std::process::ExitCode;

use paywire_sandbox::cli::{self, Command};

#[tokio::main]
async fn main() -> ExitCode {
    let env_addr = std::env::var("PAYWIRE_SANDBOX_ADDR").ok();
    let (options, json_logs) =
        match cli::parse_args("paywire-sandbox", std::env::args().skip(1), env_addr) {
            Command::Run { options, json_logs } => (options, json_logs),
            Command::Help { usage } => {
                println!("{usage}");
                return ExitCode::SUCCESS;
            }
            Command::Invalid { message } => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
        };
    cli::init_access_log(json_logs);
    let sandbox = match options.start().await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("paywire-sandbox: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("paywire-sandbox listening on {}", sandbox.url());
    println!("dashboard: {}/", sandbox.url());
    if let Some(url) = &options.webhook_url {
        println!("webhooks go to {url}");
    }
    sandbox.serve_forever().await;
    ExitCode::SUCCESS
}
