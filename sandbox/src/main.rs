//! The `paywire-sandbox` binary: serves the sandbox until the process is interrupted.
//!
//! ```text
//! paywire-sandbox [--host HOST] [--port PORT] [--webhook-url URL]
//!                 [--iamport-webhook-format json|form] [--log-format plain|json]
//! ```
//!
//! Address: `--host`/`--port` (or `--addr HOST:PORT`), else `PAYWIRE_SANDBOX_ADDR`, else
//! `127.0.0.1:7878`. One log line per request on stdout (method, path, status, duration),
//! without colour codes unless stdout is a terminal. Ctrl-C ends the process.

use std::io::IsTerminal;
use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;

use paywire_sandbox::{IamportFormat, Sandbox, SandboxConfig};

const DEFAULT_HOST: &str = "127.0.0.1";
const DEFAULT_PORT: u16 = 7878;
const USAGE: &str = "usage: paywire-sandbox [--host HOST] [--port PORT] [--webhook-url URL]
                       [--iamport-webhook-format json|form] [--log-format plain|json]
  --host HOST          address to listen on (default 127.0.0.1)
  --port PORT          port (default 7878; 0 picks a free one)
  --addr HOST:PORT     both at once (or PAYWIRE_SANDBOX_ADDR)
  --webhook-url URL    where webhooks of both providers are POSTed
  --iamport-webhook-format json|form   encoding of iamport webhooks (default json)
  --log-format plain|json              one line per request on stdout (default plain)";

/// What the command line asked for.
struct Options {
    addr: SocketAddr,
    webhook_url: Option<String>,
    iamport_format: IamportFormat,
    json_logs: bool,
}

fn value(
    args: &mut impl Iterator<Item = String>,
    arg: &str,
    flag: &str,
) -> Result<Option<String>, String> {
    if arg == flag {
        return args
            .next()
            .map(Some)
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"));
    }
    Ok(arg.strip_prefix(&format!("{flag}=")).map(str::to_string))
}

fn parse_options() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let (mut host, mut port, mut addr) = (None, None, None);
    let mut webhook_url = None;
    let mut iamport_format = IamportFormat::Json;
    let mut json_logs = false;
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Err(USAGE.into());
        } else if let Some(v) = value(&mut args, &arg, "--host")? {
            host = Some(v);
        } else if let Some(v) = value(&mut args, &arg, "--port")? {
            port = Some(
                v.parse::<u16>()
                    .map_err(|_| format!("--port must be 0-65535, not {v}"))?,
            );
        } else if let Some(v) = value(&mut args, &arg, "--addr")? {
            addr = Some(v);
        } else if let Some(v) = value(&mut args, &arg, "--webhook-url")? {
            if !(v.starts_with("http://") || v.starts_with("https://")) {
                return Err(format!(
                    "--webhook-url must be an http:// or https:// URL, not {v}"
                ));
            }
            webhook_url = Some(v);
        } else if let Some(v) = value(&mut args, &arg, "--iamport-webhook-format")? {
            iamport_format = match v.as_str() {
                "json" => IamportFormat::Json,
                "form" => IamportFormat::Form,
                _ => {
                    return Err(format!(
                        "--iamport-webhook-format must be json or form, not {v}"
                    ))
                }
            };
        } else if let Some(v) = value(&mut args, &arg, "--log-format")? {
            json_logs = match v.as_str() {
                "plain" => false,
                "json" => true,
                _ => return Err(format!("--log-format must be plain or json, not {v}")),
            };
        } else {
            return Err(format!("unknown argument {arg}\n{USAGE}"));
        }
    }
    let addr = match (host, port, addr) {
        (None, None, Some(a)) => a,
        (None, None, None) => std::env::var("PAYWIRE_SANDBOX_ADDR")
            .ok()
            .filter(|a| !a.is_empty())
            .unwrap_or_else(|| format!("{DEFAULT_HOST}:{DEFAULT_PORT}")),
        (host, port, None) => {
            let host = host.unwrap_or_else(|| DEFAULT_HOST.into());
            let ip: IpAddr = host
                .parse()
                .map_err(|_| format!("--host must be an IP address, not {host}"))?;
            SocketAddr::new(ip, port.unwrap_or(DEFAULT_PORT)).to_string()
        }
        (_, _, Some(_)) => return Err("--addr cannot be combined with --host/--port".into()),
    };
    let addr = addr
        .parse()
        .map_err(|e| format!("invalid address {addr}: {e}"))?;
    Ok(Options {
        addr,
        webhook_url,
        iamport_format,
        json_logs,
    })
}

fn init_logging(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stdout)
        .with_ansi(std::io::stdout().is_terminal());
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match parse_options() {
        Ok(o) => o,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    init_logging(options.json_logs);
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
