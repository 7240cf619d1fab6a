//! One client of the benchmark per process: `paywire-bench <raw|core> <base_url> <receipt_id> <N> <M> [CONC]`.
//!
//! Fetches one token, does N receipt look-ups one after another and M with CONC (default 32) in flight,
//! then prints one JSON line: `{"client","token_s","seq_calls","seq_s","conc_calls","conc_s","rss_kb"}`.
//! `raw` is the floor: reqwest with the same headers and the body read as bytes, no JSON typing at all.
//! `core` is `paywire::bootpay::Client::get_receipt`. Both run on a multi-thread
//! tokio runtime with 2 workers, what a server application would use on this machine.

use futures::stream::{self, StreamExt};
use std::time::Instant;

const APPLICATION_ID: &str = "bench-application-id";
const PRIVATE_KEY: &str = "bench-private-key-0000000000000000000000000=";

struct Args {
    client: String,
    base_url: String,
    receipt_id: String,
    n: usize,
    m: usize,
    conc: usize,
}

fn args() -> Result<Args, String> {
    let a: Vec<String> = std::env::args().skip(1).collect();
    if a.len() < 5 {
        return Err("usage: paywire-bench <raw|core> <base_url> <receipt_id> <N> <M> [CONC]".into());
    }
    let num = |s: &str| s.parse::<usize>().map_err(|e| format!("{s}: {e}"));
    Ok(Args {
        client: a[0].clone(),
        base_url: a[1].trim_end_matches('/').to_owned(),
        receipt_id: a[2].clone(),
        n: num(&a[3])?,
        m: num(&a[4])?,
        conc: a.get(5).map(|s| num(s)).transpose()?.unwrap_or(32),
    })
}

/// Peak resident set of this process (VmHWM), in KiB.
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

/// The floor: what any client must do at least (same URL, headers, token, body read fully).
struct Raw {
    http: reqwest::Client,
    token_url: String,
    receipt_url: String,
    auth: String,
}

impl Raw {
    fn new(base: &str, receipt_id: &str) -> Self {
        let _ = rustls_provider();
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .tcp_nodelay(true)
            .pool_max_idle_per_host(64)
            .build()
            .unwrap_or_else(|e| panic!("reqwest client: {e}"));
        Raw {
            http,
            token_url: format!("{base}/request/token"),
            receipt_url: format!("{base}/receipt/{receipt_id}?lookup_user_data=false"),
            auth: String::new(),
        }
    }

    async fn token(&mut self) {
        let body = serde_json::json!({"application_id": APPLICATION_ID, "private_key": PRIVATE_KEY});
        let bytes = self
            .http
            .post(&self.token_url)
            .json(&body)
            .send()
            .await
            .and_then(|r| r.error_for_status())
            .unwrap_or_else(|e| panic!("token: {e}"))
            .bytes()
            .await
            .unwrap_or_else(|e| panic!("token body: {e}"));
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("token json: {e}"));
        let token = v["access_token"].as_str().unwrap_or_default();
        self.auth = format!("Bearer {token}");
    }

    async fn lookup(&self) -> usize {
        let r = self
            .http
            .get(&self.receipt_url)
            .header("authorization", &self.auth)
            .header("accept", "application/json")
            .header("bootpay-api-version", "5.1.0")
            .send()
            .await
            .unwrap_or_else(|e| panic!("lookup: {e}"));
        assert!(r.status().is_success(), "lookup status {}", r.status());
        r.bytes().await.unwrap_or_else(|e| panic!("lookup body: {e}")).len()
    }
}

fn rustls_provider() -> bool {
    paywire_rustls_install()
}

/// paywire installs the ring provider when its client is built; the raw client needs it too.
fn paywire_rustls_install() -> bool {
    // Building (and dropping) a paywire client installs the process-wide rustls provider exactly as
    // the core does, so both clients run on the same crypto setup without a direct rustls dependency.
    paywire::bootpay::Client::builder()
        .client_key("x")
        .secret_key("y")
        .base_url("http://127.0.0.1:9/v2")
        .build()
        .is_ok()
}

async fn run(a: Args) -> serde_json::Value {
    let t0 = Instant::now();
    match a.client.as_str() {
        "raw" => {
            let mut raw = Raw::new(&a.base_url, &a.receipt_id);
            raw.token().await;
            let token_s = t0.elapsed().as_secs_f64();
            let t1 = Instant::now();
            for _ in 0..a.n {
                raw.lookup().await;
            }
            let seq_s = t1.elapsed().as_secs_f64();
            let raw = &raw;
            let t2 = Instant::now();
            let total: usize = stream::iter(0..a.m)
                .map(|_| raw.lookup())
                .buffer_unordered(a.conc)
                .fold(0, |acc, n| async move { acc + n })
                .await;
            let conc_s = t2.elapsed().as_secs_f64();
            assert!(a.m == 0 || total > 0);
            serde_json::json!({"token_s": token_s, "seq_s": seq_s, "conc_s": conc_s})
        }
        "core" => {
            let client = paywire::bootpay::Client::builder()
                .application_id(APPLICATION_ID)
                .private_key(PRIVATE_KEY)
                .base_url(&a.base_url)
                .build()
                .unwrap_or_else(|e| panic!("client: {e}"));
            client.get_access_token().await.unwrap_or_else(|e| panic!("token: {e}"));
            let token_s = t0.elapsed().as_secs_f64();
            let t1 = Instant::now();
            for _ in 0..a.n {
                let r = client.get_receipt(&a.receipt_id, false).await.unwrap_or_else(|e| panic!("lookup: {e}"));
                assert_eq!(r.receipt_id, a.receipt_id);
            }
            let seq_s = t1.elapsed().as_secs_f64();
            let (client, rid) = (&client, a.receipt_id.as_str());
            let t2 = Instant::now();
            let ok: usize = stream::iter(0..a.m)
                .map(|_| async move {
                    let r = client.get_receipt(rid, false).await.unwrap_or_else(|e| panic!("lookup: {e}"));
                    usize::from(r.price > 0)
                })
                .buffer_unordered(a.conc)
                .fold(0, |acc, n| async move { acc + n })
                .await;
            let conc_s = t2.elapsed().as_secs_f64();
            assert_eq!(ok, a.m);
            serde_json::json!({"token_s": token_s, "seq_s": seq_s, "conc_s": conc_s})
        }
        other => panic!("unknown client {other:?} (raw or core)"),
    }
}

fn main() {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap_or_else(|e| panic!("runtime: {e}"));
    let client = a.client.clone();
    let (n, m) = (a.n, a.m);
    let mut out = rt.block_on(run(a));
    out["client"] = client.into();
    out["seq_calls"] = n.into();
    out["conc_calls"] = m.into();
    out["rss_kb"] = peak_rss_kb().into();
    println!("{out}");
}
