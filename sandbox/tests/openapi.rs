//! `/__admin/openapi.json` over HTTP: every documented operation is served (not 405, not the
//! unknown-path 404), and every other method on a documented path answers 405.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use paywire_sandbox::{Sandbox, SandboxConfig};
use reqwest::{Method, StatusCode};
use serde_json::Value;

#[tokio::test]
async fn every_documented_operation_is_served_and_nothing_else() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let sb = Sandbox::start(SandboxConfig::default()).await.unwrap();
    let http = reqwest::Client::new();
    let doc: Value = http
        .get(format!("{}/__admin/openapi.json", sb.url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 16);
    let mut operations = 0;
    for (path, ops) in paths {
        let concrete = path
            .split('/')
            .map(|s| if s.starts_with('{') { "1" } else { s })
            .collect::<Vec<_>>()
            .join("/");
        for method in ["GET", "POST", "PUT", "DELETE", "PATCH"] {
            let documented = ops.get(method.to_ascii_lowercase()).is_some();
            let resp = http
                .request(
                    Method::from_bytes(method.as_bytes()).unwrap(),
                    format!("{}{concrete}", sb.url()),
                )
                .header("content-type", "application/json")
                .body("{}")
                .send()
                .await
                .unwrap();
            let status = resp.status();
            let text = resp.text().await.unwrap();
            if documented {
                operations += 1;
                assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
                assert!(
                    !text.contains("endpoint not found"),
                    "{method} {path}: not routed"
                );
            } else {
                assert_eq!(
                    status,
                    StatusCode::METHOD_NOT_ALLOWED,
                    "{method} {path} is served but not documented"
                );
            }
        }
    }
    assert!(operations >= 20, "{operations}");
}
