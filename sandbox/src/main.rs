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

use std::process::ExitCode;

use paywire_sandbox::cli::{self, Command};
use paywire_sandbox::{Sandbox, SandboxConfig};

#[tokio::main]
async fn main() -> ExitCode {
    let env_addr = std::env::var("PAYWIRE_SANDBOX_ADDR").ok();
    let options = match cli::parse_args("paywire-sandbox", std::env::args().skip(1), env_addr) {
        Ok(Command::Run(o)) => o,
        Ok(Command::Help(usage)) => {
            println!("{usage}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    cli::init_access_log(options.json_logs);
    let config = SandboxConfig {
        webhook_url: options.webhook_url.clone(),
        iamport_webhook_format: options.iamport_format,
        ..SandboxConfig::default()
    };
    let sandbox = match Sandbox::start_on(options.addr, config).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("paywire-sandbox: cannot listen on {}: {e}", options.addr);
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
