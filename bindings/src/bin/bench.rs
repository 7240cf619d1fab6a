//! The Rust side of the look-up micro-benchmark (`bindings/kotlin/bench.sh`): the same loop as the Kotlin
//! bench — one receipt look-up at a time against an in-process sandbox — called from Rust directly, so the
//! difference is the cost of the FFI layer (UniFFI + JNA + the task hop), not of HTTP.
//!
//! `cargo run --release -p paywire-ffi --bin paywire-ffi-bench -- [ITERATIONS]` prints
//! `rust: N calls, X calls/s, Y us/call` (plain loop) and `rust-spawned: …` (each call spawned as a task and
//! awaited, as paywire-ffi does).

use paywire::bootpay::{Client, RawRequest};
use paywire_sandbox::{Sandbox, SandboxConfig};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let iterations: u32 = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(5000);
    // Same shape as paywire-ffi's shared runtime: multi-thread, two workers.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let sandbox = Sandbox::start(SandboxConfig::default()).await?;
        let admin = Client::builder()
            .client_key("sandbox-client-key")
            .secret_key("sandbox-secret-key")
            .base_url(sandbox.url())
            .build()?;
        let created = admin
            .raw_request(RawRequest::post(
                "__admin/bootpay/receipts",
                serde_json::json!({"status": 1, "price": 1000}),
            ))
            .await?;
        let receipt_id = created["receipt_id"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let client = Client::builder()
            .client_key("sandbox-client-key")
            .secret_key("sandbox-secret-key")
            .base_url(sandbox.bootpay_url())
            .build()?;
        for _ in 0..iterations.min(500) {
            client.get_receipt(&receipt_id, false).await?;
        }
        let report = |label: &str, elapsed: f64| {
            println!(
                "{label}: {iterations} calls, {:.0} calls/s, {:.1} us/call",
                f64::from(iterations) / elapsed,
                elapsed * 1e6 / f64::from(iterations)
            );
        };
        // 1. The plain Rust loop.
        let started = Instant::now();
        for _ in 0..iterations {
            client.get_receipt(&receipt_id, false).await?;
        }
        report("rust", started.elapsed().as_secs_f64());
        // 2. The same with paywire-ffi's task hop (each call spawned, its JoinHandle awaited), to separate
        //    the runtime hop from the UniFFI/JNA cost in the Kotlin figures.
        let started = Instant::now();
        for _ in 0..iterations {
            let (c, id) = (client.clone(), receipt_id.clone());
            tokio::spawn(async move { c.get_receipt(&id, false).await }).await??;
        }
        report("rust-spawned", started.elapsed().as_secs_f64());
        Ok::<(), Box<dyn std::error::Error>>(())
    })
}
