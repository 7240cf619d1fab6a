//! The command line of every sandbox launcher: the `paywire-sandbox` binary, `python -m
//! paywire.sandbox` and the JVM's `paywire.SandboxMainKt` (through `parse_sandbox_args`, feature
//! `uniffi`) read the same flags with this one parser, and validate a host and webhook URL with the
//! same rules.
//!
//! ```text
//! [--host HOST] [--port PORT] [--addr HOST:PORT] [--webhook-url URL]
//! [--iamport-webhook-format json|form] [--log-format plain|json]
//! ```
//!
//! ```
//! use paywire_sandbox::cli::{parse_args, Command};
//! let args = ["--port", "8765", "--webhook-url", "http://127.0.0.1:9000/hook"];
//! match parse_args("paywire-sandbox", args.map(String::from), None) {
//!     Command::Run { options, .. } => assert_eq!(options.port, 8765),
//!     _ => unreachable!(),
//! }
//! ```

use std::io::IsTerminal;
use std::net::{IpAddr, SocketAddr};

use crate::webhooks::{valid_url, IamportFormat};
use crate::SandboxOptions;

/// The address a launcher listens on without `--host`, `--port`, `--addr` or
/// `PAYWIRE_SANDBOX_ADDR`.
pub const DEFAULT_HOST: &str = "127.0.0.1";
/// The port a launcher listens on without flags (0 would pick a free one).
pub const DEFAULT_PORT: u16 = 7878;

/// What a command line asks for ([`parse_args`]): every launcher does the same with it. Kotlin/Swift
/// name it `SandboxCommand` (a bare `Command` would be too vague in their namespace).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Enum),
    uniffi(name = "SandboxCommand")
)]
pub enum Command {
    /// Start a sandbox with `options` (its address, with `--port` defaulting to [`DEFAULT_PORT`]).
    Run {
        /// Where to listen and where webhooks go.
        options: SandboxOptions,
        /// `--log-format json`: the access log as one JSON object per request instead of a plain line.
        json_logs: bool,
    },
    /// `-h`/`--help`: print `usage` and exit with status 0.
    Help {
        /// The usage text.
        usage: String,
    },
    /// A bad flag: print `message` on stderr and exit with status 2.
    Invalid {
        /// What is wrong, with the usage text when that helps.
        message: String,
    },
}

/// The usage text, with `program` as the command's name.
pub fn usage(program: &str) -> String {
    let pad = " ".repeat(program.len() + 8);
    format!(
        "usage: {program} [--host HOST] [--port PORT] [--webhook-url URL]
{pad}[--iamport-webhook-format json|form] [--log-format plain|json]
  --host HOST          address to listen on (default {DEFAULT_HOST})
  --port PORT          port (default {DEFAULT_PORT}; 0 picks a free one)
  --addr HOST:PORT     both at once (or PAYWIRE_SANDBOX_ADDR)
  --webhook-url URL    where webhooks of both providers are POSTed
  --iamport-webhook-format json|form   encoding of iamport webhooks (default json)
  --log-format plain|json              one line per request on stdout (default plain)"
    )
}

/// The IP address `host` names, or why not (hosts are IP addresses: `127.0.0.1`, `0.0.0.0`, `::1`).
pub fn parse_host(host: &str) -> Result<IpAddr, String> {
    host.parse()
        .map_err(|_| format!("must be an IP address (e.g. 127.0.0.1 or 0.0.0.0), not {host:?}"))
}

/// Whether `url` may receive webhooks: an absolute `http://` or `https://` URL with a host.
pub fn check_webhook_url(url: &str) -> Result<(), String> {
    if valid_url(url) {
        Ok(())
    } else {
        Err(format!(
            "must be an absolute http:// or https:// URL, not {url:?}"
        ))
    }
}

/// `json` or `form`.
pub fn parse_iamport_format(name: &str) -> Result<IamportFormat, String> {
    match name {
        "json" => Ok(IamportFormat::Json),
        "form" => Ok(IamportFormat::Form),
        _ => Err(format!("must be json or form, not {name:?}")),
    }
}

fn value(
    args: &mut impl Iterator<Item = String>,
    arg: &str,
    flag: &str,
    program: &str,
) -> Result<Option<String>, String> {
    if arg == flag {
        return args
            .next()
            .map(Some)
            .ok_or_else(|| format!("{flag} needs a value\n{}", usage(program)));
    }
    Ok(arg.strip_prefix(&format!("{flag}=")).map(str::to_string))
}

/// Reads the flags after the program name (`program` names the command in the usage text).
/// `env_addr` is `PAYWIRE_SANDBOX_ADDR` (used when no address flag is given).
pub fn parse_args(
    program: &str,
    args: impl IntoIterator<Item = String>,
    env_addr: Option<String>,
) -> Command {
    parse(program, args, env_addr).unwrap_or_else(|message| Command::Invalid { message })
}

/// [`parse_args`], with `Err` for [`Command::Invalid`] so each flag can use `?`.
fn parse(
    program: &str,
    args: impl IntoIterator<Item = String>,
    env_addr: Option<String>,
) -> Result<Command, String> {
    let mut args = args.into_iter();
    let (mut host, mut port, mut addr) = (None, None, None);
    let mut webhook_url = None;
    let mut iamport_format = None;
    let mut json_logs = false;
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(Command::Help {
                usage: usage(program),
            });
        } else if let Some(v) = value(&mut args, &arg, "--host", program)? {
            host = Some(v);
        } else if let Some(v) = value(&mut args, &arg, "--port", program)? {
            port = Some(
                v.parse::<u16>()
                    .map_err(|_| format!("--port must be 0-65535, not {v}"))?,
            );
        } else if let Some(v) = value(&mut args, &arg, "--addr", program)? {
            addr = Some(v);
        } else if let Some(v) = value(&mut args, &arg, "--webhook-url", program)? {
            check_webhook_url(&v).map_err(|e| format!("--webhook-url {e}"))?;
            webhook_url = Some(v);
        } else if let Some(v) = value(&mut args, &arg, "--iamport-webhook-format", program)? {
            iamport_format = Some(
                parse_iamport_format(&v).map_err(|e| format!("--iamport-webhook-format {e}"))?,
            );
        } else if let Some(v) = value(&mut args, &arg, "--log-format", program)? {
            json_logs = match v.as_str() {
                "plain" => false,
                "json" => true,
                _ => return Err(format!("--log-format must be plain or json, not {v}")),
            };
        } else {
            return Err(format!("unknown argument {arg}\n{}", usage(program)));
        }
    }
    let addr = match (host, port, addr) {
        (None, None, Some(a)) => a,
        (None, None, None) => env_addr
            .filter(|a| !a.is_empty())
            .unwrap_or_else(|| format!("{DEFAULT_HOST}:{DEFAULT_PORT}")),
        (host, port, None) => {
            let host = host.unwrap_or_else(|| DEFAULT_HOST.into());
            let ip = parse_host(&host).map_err(|e| format!("--host {e}"))?;
            SocketAddr::new(ip, port.unwrap_or(DEFAULT_PORT)).to_string()
        }
        (_, _, Some(_)) => return Err("--addr cannot be combined with --host/--port".into()),
    };
    let addr: SocketAddr = addr
        .parse()
        .map_err(|e| format!("invalid address {addr}: {e}"))?;
    Ok(Command::Run {
        options: SandboxOptions {
            host: addr.ip().to_string(),
            port: addr.port(),
            webhook_url,
            iamport_webhook_format: iamport_format,
        },
        json_logs,
    })
}

/// Installs the access log: one line per request on stdout (`RUST_LOG` filters, `info` by
/// default), JSON objects when `json`, colour codes only when stdout is a terminal. Does nothing
/// when the process already has a `tracing` subscriber.
pub fn init_access_log(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stdout)
        .with_ansi(std::io::stdout().is_terminal());
    // `try_init` fails (harmlessly) when a subscriber is already set.
    let _ = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

#[cfg(test)]
mod tests {
    use super::{parse_args, Command, DEFAULT_PORT};
    use crate::webhooks::IamportFormat;

    fn run(args: &[&str]) -> Command {
        parse_args("prog", args.iter().map(|a| a.to_string()), None)
    }

    #[test]
    fn flags_are_read() {
        let Command::Run {
            options: o,
            json_logs,
        } = run(&[
            "--host=0.0.0.0",
            "--port",
            "8765",
            "--webhook-url",
            "http://127.0.0.1:9/h",
            "--iamport-webhook-format",
            "form",
            "--log-format=json",
        ])
        else {
            panic!("not parsed")
        };
        assert_eq!((o.host.as_str(), o.port), ("0.0.0.0", 8765));
        assert_eq!(o.webhook_url.as_deref(), Some("http://127.0.0.1:9/h"));
        assert_eq!(o.iamport_webhook_format, Some(IamportFormat::Form));
        assert!(json_logs);
        let Command::Run {
            options: o,
            json_logs,
        } = run(&[])
        else {
            panic!("not parsed")
        };
        assert_eq!((o.host.as_str(), o.port), ("127.0.0.1", DEFAULT_PORT));
        assert_eq!(o.iamport_webhook_format, None);
        assert!(!json_logs);
        let env = parse_args("prog", Vec::new(), Some("[::1]:5".into()));
        assert!(matches!(env, Command::Run { options: o, .. } if o.host == "::1" && o.port == 5));
    }

    #[test]
    fn bad_flags_are_refused_with_the_flag_named() {
        for (args, flag) in [
            (&["--port", "70000"][..], "--port"),
            (&["--host", "localhost"][..], "--host"),
            (&["--webhook-url", "ftp://x"][..], "--webhook-url"),
            (&["--webhook-url", "http://"][..], "--webhook-url"),
            (
                &["--iamport-webhook-format", "xml"][..],
                "--iamport-webhook-format",
            ),
            (&["--log-format", "xml"][..], "--log-format"),
            (&["--port"][..], "--port"),
            (&["--bogus"][..], "--bogus"),
            (&["--addr", "127.0.0.1:1", "--port", "2"][..], "--addr"),
        ] {
            let Command::Invalid { message } = run(args) else {
                panic!("{args:?} accepted")
            };
            assert!(message.contains(flag), "{args:?}: {message}");
        }
        assert!(
            matches!(run(&["--help"]), Command::Help { usage } if usage.starts_with("usage: prog "))
        );
    }
}
