//! The accept loop: HTTP/1.1 connections served by hyper with a header-read timeout.
//!
//! `axum::serve` offers no header-read timeout, so a client that trickles its headers
//! (slowloris) would hold a connection and a task forever. Here each connection is served by
//! hyper's own HTTP/1 builder with a timer, so such a connection is closed after
//! [`crate::SandboxConfig::header_read_timeout`].

use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// How long a stopping sandbox waits for in-flight requests before it gives up on them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// Serves `router` on `listener` until `stop` fires (or its sender is dropped).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    header_read_timeout: Duration,
    mut stop: oneshot::Receiver<()>,
) {
    let graceful = GracefulShutdown::new();
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = &mut stop => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(e) => {
                // Out of file descriptors and the like: back off instead of spinning.
                tracing::warn!(error = %e, "paywire-sandbox: accept failed");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(router.clone());
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(header_read_timeout);
        let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // Errors here are the peer's doing (reset, timeout, malformed request).
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "paywire-sandbox: connection ended with an error");
            }
        });
    }
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await;
}

/// One log line per request (all routes): method, path (never the query, which may carry
/// account numbers), status and duration. The `paywire-sandbox` binary prints these.
pub async fn log_request(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let started = std::time::Instant::now();
    let response = next.run(req).await;
    let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(
        target: "paywire_sandbox::access",
        method = %method,
        path = %path,
        status = response.status().as_u16(),
        duration_ms = format_args!("{duration_ms:.1}"),
        "request"
    );
    response
}
