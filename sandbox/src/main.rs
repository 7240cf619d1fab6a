//! The `paywire-sandbox` binary: serves the sandbox until the process is interrupted.
//!
//! Address: `--addr HOST:PORT`, else `PAYWIRE_SANDBOX_ADDR`, else `127.0.0.1:7878`.
//! Ctrl-C ends the process (the default SIGINT action; there is nothing to flush).

use std::net::SocketAddr;
use std::process::ExitCode;

use paywire_sandbox::{Sandbox, SandboxConfig};

const DEFAULT_ADDR: &str = "127.0.0.1:7878";
const USAGE: &str = "usage: paywire-sandbox [--addr HOST:PORT]\n\
    (or PAYWIRE_SANDBOX_ADDR; default 127.0.0.1:7878)";

fn requested_addr() -> Result<String, String> {
    let mut args = std::env::args().skip(1);
    let mut addr = None;
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Err(USAGE.into());
        } else if arg == "--addr" {
            addr = Some(args.next().ok_or("--addr needs a value")?);
        } else if let Some(value) = arg.strip_prefix("--addr=") {
            addr = Some(value.to_string());
        } else {
            return Err(format!("unknown argument {arg}\n{USAGE}"));
        }
    }
    Ok(addr
        .or_else(|| std::env::var("PAYWIRE_SANDBOX_ADDR").ok())
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| DEFAULT_ADDR.into()))
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let addr = match requested_addr() {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    let addr: SocketAddr = match addr.parse() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("invalid address {addr}: {e}");
            return ExitCode::from(2);
        }
    };
    let sandbox = match Sandbox::start_on(addr, SandboxConfig::default()).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("paywire-sandbox: cannot listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("paywire-sandbox listening on {}", sandbox.url());
    sandbox.serve_forever().await;
    ExitCode::SUCCESS
}
