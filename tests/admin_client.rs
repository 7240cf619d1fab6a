//! The typed admin client (`paywire_sandbox::AdminClient`) against the OpenAPI document the
//! sandbox serves, and each of its methods against a live sandbox.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};

use paywire_sandbox::{
    AdminClient, ConfigUpdate, FaultProvider, FaultSpec, IamportFormat, NewBootpayReceipt,
    NewIamportPayment, ADMIN_OPERATIONS,
};
use paywire_tests::Env;
use serde_json::{json, Value};

/// `createBootpayReceipt` → `create_bootpay_receipt`.
fn snake_case(operation_id: &str) -> String {
    let mut out = String::new();
    for c in operation_id.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// (METHOD, path) → operationId of every operation in the document.
fn documented(doc: &Value) -> BTreeMap<(String, String), String> {
    doc["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .expect("path item")
                .iter()
                .filter(|(method, _)| {
                    ["get", "post", "put", "patch", "delete"].contains(&method.as_str())
                })
                .map(move |(method, op)| {
                    (
                        (method.to_ascii_uppercase(), path.clone()),
                        op["operationId"].as_str().expect("operationId").to_owned(),
                    )
                })
        })
        .collect()
}

#[tokio::test]
async fn every_documented_operation_has_exactly_one_helper_and_no_helper_is_undocumented() {
    let env = Env::start().await;
    let admin = AdminClient::new(&env.sandbox.url()).unwrap();
    // The document as served (what a user sees) is the file in the repository.
    let served = admin.openapi().await.unwrap();
    let file: Value = serde_json::from_str(include_str!("../sandbox/openapi/admin.json")).unwrap();
    assert_eq!(served, file);
    let documented = documented(&served);

    let mut helpers: BTreeMap<(String, String), Vec<&str>> = BTreeMap::new();
    for op in ADMIN_OPERATIONS {
        helpers
            .entry((op.method.to_owned(), op.path.to_owned()))
            .or_default()
            .push(op.helper);
    }
    for ((method, path), operation_id) in &documented {
        let found = helpers
            .get(&(method.clone(), path.clone()))
            .cloned()
            .unwrap_or_default();
        assert_eq!(
            found,
            [snake_case(operation_id).as_str()],
            "{method} {path} ({operation_id}) must have exactly one helper, named after it"
        );
    }
    let documented_keys: BTreeSet<_> = documented.keys().cloned().collect();
    let helper_keys: BTreeSet<_> = helpers.keys().cloned().collect();
    assert_eq!(
        helper_keys.difference(&documented_keys).collect::<Vec<_>>(),
        Vec::<&(String, String)>::new(),
        "helpers for operations the document does not describe"
    );
}

/// The property names of an operation's JSON request body in the document.
fn body_properties(doc: &Value, method: &str, path: &str) -> BTreeSet<String> {
    let mut schema =
        &doc["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"];
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.trim_start_matches("#/components/schemas/");
        schema = &doc["components"]["schemas"][name];
    }
    schema["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("{method} {path}: no body properties"))
        .keys()
        .cloned()
        .collect()
}

fn keys(value: impl serde::Serialize) -> BTreeSet<String> {
    serde_json::to_value(value)
        .unwrap()
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect()
}

#[test]
fn the_typed_inputs_cover_every_documented_body_field() {
    let doc: Value = serde_json::from_str(include_str!("../sandbox/openapi/admin.json")).unwrap();
    let text = || Some("x".to_owned());
    let receipt = NewBootpayReceipt {
        price: 1,
        status: paywire_sandbox::BootpayReceiptStatus::Paid,
        tax_free: Some(0),
        order_id: text(),
        order_name: text(),
        pg: text(),
        method: text(),
        metadata: Some(json!({})),
        user: Some(json!({})),
        webhook_url: text(),
    };
    assert_eq!(
        keys(&receipt),
        body_properties(&doc, "post", "/__admin/bootpay/receipts")
    );
    let payment = NewIamportPayment {
        amount: 1.0,
        status: paywire_sandbox::IamportPaymentStatus::Paid,
        merchant_uid: text(),
        pay_method: text(),
        pg_provider: text(),
        currency: text(),
        name: text(),
        buyer_name: text(),
        buyer_email: text(),
        buyer_tel: text(),
        buyer_addr: text(),
        buyer_postcode: text(),
        custom_data: text(),
        tax_free: Some(0.0),
        escrow: Some(false),
        vbank_code: text(),
        fail_reason: text(),
        notice_url: vec!["http://x".into()],
    };
    assert_eq!(
        keys(&payment),
        body_properties(&doc, "post", "/__admin/iamport/payments")
    );
    let fault = FaultSpec {
        provider: FaultProvider::Iamport,
        method: text(),
        path: "x".into(),
        latency_ms: Some(1),
        status: Some(500),
        body: Some(json!({})),
        headers: [("retry-after".to_owned(), "1".to_owned())].into(),
        non_json: true,
        drop: true,
        after: true,
        times: Some(1),
    };
    assert_eq!(
        keys(&fault),
        body_properties(&doc, "post", "/__admin/faults")
    );
    let config = ConfigUpdate {
        token_ttl_secs: Some(1.0),
        webhook_url: Some(None),
        iamport_webhook_format: Some(IamportFormat::Json),
    };
    assert_eq!(
        keys(&config),
        body_properties(&doc, "post", "/__admin/config")
    );
    assert_eq!(
        body_properties(&doc, "post", "/__admin/clock/advance"),
        BTreeSet::from(["seconds".to_owned()]),
        "advance_clock sends {{seconds}}"
    );
}

#[tokio::test]
async fn every_helper_works_against_a_live_sandbox() {
    let env = Env::start().await;
    let admin = AdminClient::new(&env.sandbox.url()).unwrap();

    // Bootpay seeding, webhook payload, deposit.
    let paid = admin
        .create_bootpay_receipt(&NewBootpayReceipt::paid(1000).order_id("admin-1"))
        .await
        .unwrap();
    assert_eq!(
        (paid.status, paid.price, paid.order_id.as_str()),
        (1, 1000, "admin-1")
    );
    assert_eq!(paid.raw["receipt_id"], paid.receipt_id.as_str());
    let awaiting = admin
        .create_bootpay_receipt(&NewBootpayReceipt::awaiting_confirm(2000))
        .await
        .unwrap();
    assert_eq!(awaiting.status, 2);
    let vbank = admin
        .create_bootpay_receipt(&NewBootpayReceipt::virtual_account(3000))
        .await
        .unwrap();
    assert_eq!(vbank.status, 5);
    let payload = admin
        .bootpay_webhook_payload(&vbank.receipt_id)
        .await
        .unwrap();
    assert_eq!(payload["webhook_type"], "PAYMENT_VIRTUAL_ACCOUNT_ISSUED");
    assert_eq!(
        admin
            .deposit_bootpay_vbank(&vbank.receipt_id)
            .await
            .unwrap()
            .status,
        1
    );
    let refused = admin
        .deposit_bootpay_vbank(&paid.receipt_id)
        .await
        .unwrap_err();
    assert_eq!(refused.status(), Some(400), "{refused}");
    let unknown = admin
        .bootpay_webhook_payload("no/such id")
        .await
        .unwrap_err();
    assert_eq!(unknown.status(), Some(404), "{unknown}");
    let bad = admin
        .create_bootpay_receipt(&NewBootpayReceipt::paid(-1))
        .await
        .unwrap_err();
    // (The sandbox's price check names the field in its message only, not in `field`.)
    assert_eq!(bad.status(), Some(400), "{bad}");
    assert!(bad.to_string().contains("price"), "{bad}");

    // iamport seeding, deposit, webhook payload.
    let ip = admin
        .create_iamport_payment(&NewIamportPayment::paid(1000.0).merchant_uid("admin-i"))
        .await
        .unwrap();
    assert_eq!((ip.status.as_str(), ip.amount), ("paid", 1000.0));
    let ready = admin
        .create_iamport_payment(&NewIamportPayment::virtual_account(5000.0))
        .await
        .unwrap();
    assert_eq!(ready.status, "ready");
    assert_eq!(
        admin
            .deposit_iamport_vbank(&ready.imp_uid)
            .await
            .unwrap()
            .status,
        "paid"
    );
    let failed = admin
        .create_iamport_payment(&NewIamportPayment::failed(100.0, "카드 한도 초과"))
        .await
        .unwrap();
    assert_eq!(failed.status, "failed");
    let payload = admin.iamport_webhook_payload(&ip.imp_uid).await.unwrap();
    assert_eq!(payload["merchant_uid"], "admin-i");
    assert_eq!(payload["status"], "paid");

    // Faults.
    let fault = admin
        .add_fault(
            &FaultSpec::iamport("payments/*")
                .method("GET")
                .status(503)
                .times(2),
        )
        .await
        .unwrap();
    assert_eq!(fault.provider, FaultProvider::Iamport);
    assert_eq!((fault.status, fault.times), (Some(503), Some(2)));
    let listed = admin.list_faults().await.unwrap();
    assert_eq!(listed, vec![fault]);
    let bad = admin
        .add_fault(&FaultSpec::bootpay("receipt/*").status(42))
        .await
        .unwrap_err();
    assert_eq!(bad.status(), Some(400), "{bad}");
    admin.clear_faults().await.unwrap();
    assert!(admin.list_faults().await.unwrap().is_empty());

    // Traffic: counters and the request log.
    let client = env.token_client();
    client.get_receipt(&paid.receipt_id, false).await.unwrap();
    let counters = admin.counters().await.unwrap();
    assert_eq!(counters.token_requests, 1);
    assert_eq!(
        counters.requests.get("GET receipt/{receipt_id}"),
        Some(&1),
        "{counters:?}"
    );
    let requests = admin.list_requests().await.unwrap();
    let last = requests.last().unwrap();
    assert_eq!(
        (last.provider.as_str(), last.method.as_str()),
        ("bootpay", "GET")
    );
    assert_eq!(last.path, format!("receipt/{}", paid.receipt_id));
    assert_eq!(last.status, Some(200));
    admin.clear_requests().await.unwrap();
    assert!(admin.list_requests().await.unwrap().is_empty());

    // Clock and tokens.
    let clock = admin.advance_clock(3600.0).await.unwrap();
    assert!(clock.offset_seconds >= 3600.0, "{clock:?}");
    let expired = admin.expire_tokens().await.unwrap();
    assert_eq!(expired.expired, 1);
    assert!(admin.advance_clock(-1.0).await.unwrap_err().field() == Some("seconds"));

    // Configuration.
    let start = admin.read_config().await.unwrap();
    assert_eq!(start.webhook_url, None);
    assert_eq!(start.iamport_webhook_format, IamportFormat::Json);
    let set = admin
        .configure(&ConfigUpdate {
            token_ttl_secs: Some(60.0),
            webhook_url: Some(Some("http://127.0.0.1:9/hook".into())),
            iamport_webhook_format: Some(IamportFormat::Form),
        })
        .await
        .unwrap();
    assert_eq!(set.token_ttl_secs, 60.0);
    assert_eq!(set.webhook_url.as_deref(), Some("http://127.0.0.1:9/hook"));
    assert_eq!(admin.read_config().await.unwrap(), set);
    let removed = admin
        .configure(&ConfigUpdate::webhook_url(None))
        .await
        .unwrap();
    assert_eq!(removed.webhook_url, None);
    let bad = admin
        .configure(&ConfigUpdate::webhook_url(Some("ftp://x")))
        .await
        .unwrap_err();
    assert_eq!(bad.field(), Some("webhook_url"), "{bad}");

    // Webhooks: a delivery to a receiver that is not there, recorded and sent again.
    admin
        .create_bootpay_receipt(
            &NewBootpayReceipt::paid(500).webhook_url("http://127.0.0.1:9/nothing-listens"),
        )
        .await
        .unwrap();
    let webhooks = admin.list_webhooks().await.unwrap();
    assert_eq!(webhooks.settings.webhook_url, None);
    assert_eq!(webhooks.deliveries.len(), 1, "{webhooks:?}");
    let first = &webhooks.deliveries[0];
    assert_eq!(first.event, "PAYMENT_COMPLETED");
    let again = admin.resend_webhook(first.id).await.unwrap();
    assert_eq!(again.resend_of, Some(first.id));
    assert_eq!(again.payload, first.payload);
    assert_eq!(
        admin.resend_webhook(999).await.unwrap_err().status(),
        Some(404)
    );

    // Reset: back to the start.
    admin.reset().await.unwrap();
    assert!(admin.list_webhooks().await.unwrap().deliveries.is_empty());
    assert_eq!(admin.counters().await.unwrap().token_requests, 0);
    assert_eq!(admin.read_config().await.unwrap(), start);
    assert_eq!(
        admin
            .bootpay_webhook_payload(&paid.receipt_id)
            .await
            .unwrap_err()
            .status(),
        Some(404)
    );
}

#[tokio::test]
async fn a_sandbox_that_is_not_there_is_a_transport_error() {
    let admin = AdminClient::new("http://127.0.0.1:9").unwrap();
    let err = admin.counters().await.unwrap_err();
    assert!(matches!(
        err,
        paywire_sandbox::AdminError::Transport {
            operation: "counters",
            ..
        }
    ));
    assert!(AdminClient::new("not a url").is_err());
    // The inputs serialise to what the document describes.
    assert_eq!(
        serde_json::to_value(NewBootpayReceipt::virtual_account(10).order_id("o")).unwrap(),
        json!({"price": 10, "status": 5, "order_id": "o"})
    );
    assert_eq!(
        serde_json::to_value(NewIamportPayment::virtual_account(10.0)).unwrap(),
        json!({"amount": 10.0, "status": "ready", "pay_method": "vbank"})
    );
}
