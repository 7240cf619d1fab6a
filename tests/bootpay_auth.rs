//! The token lifecycle and the two credential schemes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use paywire::bootpay::Client;
use paywire_sandbox::SandboxConfig;
use paywire_tests::{Env, APPLICATION_ID, PRIVATE_KEY};
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn token_is_fetched_lazily_and_cached() {
    let env = Env::start().await;
    let id = env.receipt_id(1, 1000).await;
    let client = env.token_client();
    assert_eq!(
        env.token_requests().await,
        0,
        "building a client makes no call"
    );
    for _ in 0..5 {
        client.get_receipt(&id, false).await.unwrap();
    }
    assert_eq!(env.token_requests().await, 1);
    let sent = env.last_request("GET", "receipt/").await;
    assert!(sent["headers"]["authorization"]
        .as_str()
        .unwrap()
        .starts_with("Bearer "));
    let token_call = env.last_request("POST", "request/token").await;
    assert_eq!(
        token_call["body"],
        json!({"application_id": APPLICATION_ID, "private_key": PRIVATE_KEY})
    );
    assert!(
        token_call["headers"]["authorization"].is_null(),
        "the token call carries no Authorization"
    );
}

#[tokio::test]
async fn token_is_refreshed_ahead_of_expiry() {
    let env = Env::start_with(SandboxConfig {
        token_ttl: Duration::from_secs(2),
        ..SandboxConfig::default()
    })
    .await;
    let id = env.receipt_id(1, 1000).await;
    let client = env.token_client();
    client.get_receipt(&id, false).await.unwrap();
    let first = client.get_access_token().await.unwrap();
    assert!(first.expire_in.unwrap() <= 2);
    // 5/6 of a 2 s lifetime is ~1.67 s: after 1.8 s the client must fetch a new token by itself, before
    // the sandbox would refuse the old one.
    tokio::time::sleep(Duration::from_millis(1800)).await;
    client.get_receipt(&id, false).await.unwrap();
    assert_eq!(env.token_requests().await, 2);
}

#[tokio::test]
async fn a_thousand_concurrent_calls_on_a_cold_client_make_one_token_request() {
    let env = Env::start().await;
    let id = env.receipt_id(1, 1000).await;
    let client = env.token_client();
    let calls = (0..1000).map(|_| {
        let client = client.clone();
        let id = id.clone();
        tokio::spawn(async move { client.get_receipt(&id, false).await })
    });
    let results = futures::future::join_all(calls).await;
    assert!(results.into_iter().all(|r| r.unwrap().is_ok()));
    assert_eq!(env.token_requests().await, 1);
}

#[tokio::test]
async fn a_401_refreshes_once_and_retries() {
    let env = Env::start().await;
    let id = env.receipt_id(1, 1000).await;
    let client = env.token_client();
    client.get_receipt(&id, false).await.unwrap();
    env.admin_post("tokens/expire", json!({})).await;
    let receipt = client.get_receipt(&id, false).await.unwrap();
    assert_eq!(receipt.receipt_id, id);
    assert_eq!(env.token_requests().await, 2);
}

#[tokio::test]
async fn a_payment_refused_with_401_is_retried_after_refresh_without_double_charge() {
    let env = Env::start().await;
    let id = env.receipt_id(2, 1000).await;
    let client = env.token_client();
    client.get_receipt(&id, false).await.unwrap();
    env.admin_post("tokens/expire", json!({})).await;
    // A 401 is a refusal before processing: the confirm is sent again with a fresh token, once.
    let receipt = client.confirm_payment(&id).await.unwrap();
    assert_eq!(receipt.status, paywire::bootpay::ReceiptStatus::Paid);
    assert_eq!(env.route_count("POST confirm").await, 2);
}

#[tokio::test]
async fn persistent_401_is_an_auth_error_mentioning_the_ip_allow_list() {
    let env = Env::start().await;
    env.fault(json!({"path": "receipt/*", "status": 401, "body": {"error_code": "AUTH_TOKEN_INVALID", "message": "invalid"}}))
        .await;
    let err = env
        .token_client()
        .get_receipt("abc", false)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            paywire::Error::Auth {
                http_status: 401,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("IP"), "{err}");
    assert_eq!(env.token_requests().await, 2, "one refresh, then give up");
}

#[tokio::test]
async fn wrong_private_key_is_an_auth_error() {
    let env = Env::start().await;
    let client = Client::builder()
        .application_id(APPLICATION_ID)
        .private_key("wrong")
        .base_url(env.sandbox.bootpay_url())
        .build()
        .unwrap();
    let err = client.get_receipt("abc", false).await.unwrap_err();
    assert!(matches!(err, paywire::Error::Auth { .. }), "{err:?}");
}

#[tokio::test]
async fn basic_auth_makes_no_token_call() {
    let env = Env::start().await;
    let id = env.receipt_id(1, 1000).await;
    let client = env.basic_client();
    client.get_receipt(&id, false).await.unwrap();
    let token = client.get_access_token().await.unwrap();
    assert_eq!(token.access_token.expose(), "");
    assert_eq!(token.expire_in, Some(0));
    assert_eq!(env.token_requests().await, 0);
    let sent = env.last_request("GET", "receipt/").await;
    // base64("sandbox-client-key:sandbox-secret-key")
    assert_eq!(
        sent["headers"]["authorization"],
        "Basic c2FuZGJveC1jbGllbnQta2V5OnNhbmRib3gtc2VjcmV0LWtleQ=="
    );
}

#[tokio::test]
async fn both_pairs_given_the_basic_pair_wins() {
    let env = Env::start().await;
    let id = env.receipt_id(1, 1000).await;
    let client = Client::builder()
        .application_id(APPLICATION_ID)
        .private_key(PRIVATE_KEY)
        .client_key(paywire_tests::CLIENT_KEY)
        .secret_key(paywire_tests::SECRET_KEY)
        .base_url(env.sandbox.bootpay_url())
        .build()
        .unwrap();
    client.get_receipt(&id, false).await.unwrap();
    assert_eq!(env.token_requests().await, 0);
}

#[test]
fn half_a_pair_or_none_fails_at_build_time() {
    let cases = [
        (Client::builder().application_id("a"), "private_key"),
        (Client::builder().private_key("p"), "application_id"),
        (Client::builder().client_key("c"), "secret_key"),
        (Client::builder().secret_key("s"), "client_key"),
        (
            Client::builder().client_key("c").secret_key("  "),
            "secret_key",
        ),
        (Client::builder(), "credentials"),
    ];
    for (builder, field) in cases {
        match builder.build() {
            Err(paywire::Error::InvalidInput { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected InvalidInput({field}), got {other:?}"),
        }
    }
    let bad_url = Client::builder()
        .client_key("c")
        .secret_key("s")
        .base_url("ftp://x")
        .build();
    assert!(matches!(bad_url, Err(paywire::Error::InvalidInput { .. })));
    assert!("sandboxx".parse::<paywire::bootpay::Mode>().is_err());
}

#[tokio::test]
async fn a_failing_token_endpoint_is_not_hammered_by_waiting_callers() {
    let env = Env::start().await;
    env.fault(json!({"method": "POST", "path": "request/token", "status": 503, "body": {"error_code": "DOWN", "message": "token service down"}}))
        .await;
    let client = Client::builder()
        .application_id(APPLICATION_ID)
        .private_key(PRIVATE_KEY)
        .base_url(env.sandbox.bootpay_url())
        .retry(paywire::RetryPolicy::none())
        .build()
        .unwrap();
    let calls = (0..200).map(|_| {
        let client = client.clone();
        tokio::spawn(async move { client.get_receipt("r1", false).await })
    });
    for result in futures::future::join_all(calls).await {
        let err = result.unwrap().unwrap_err();
        assert_eq!(err.http_status(), Some(503), "{err}");
        assert!(err.has_code("DOWN"));
    }
    let fetches = env.token_requests().await;
    assert!(
        fetches < 10,
        "200 waiting callers shared the failure instead of fetching again: {fetches}"
    );
}
