//! The seed flows end to end against an embedded sandbox, with no credentials: run `make demo`.
//!
//! Every step prints what it did; a step that fails stops the demo with the error paywire reports.

use paywire::bootpay::{
    CancelPayment, Client, IssueBillingKey, RequestAuthentication, ReserveSubscribePayment,
    ShippingStart, SubscribePayment,
};
use paywire_sandbox::{Sandbox, SandboxConfig, SANDBOX_OTP};
use serde_json::{json, Value};

fn step(title: &str) {
    println!("\n== {title}");
}

async fn admin(
    http: &reqwest::Client,
    sandbox: &Sandbox,
    path: &str,
    body: Value,
) -> paywire::Result<Value> {
    let response = http
        .post(format!("{}/__admin/{path}", sandbox.url()))
        .json(&body)
        .send()
        .await
        .map_err(|e| paywire::Error::Config(format!("sandbox admin call failed: {e}")))?;
    response
        .json()
        .await
        .map_err(|e| paywire::Error::Config(format!("sandbox admin answer: {e}")))
}

#[tokio::main]
async fn main() -> paywire::Result<()> {
    let config = SandboxConfig::default();
    let sandbox = Sandbox::start(config.clone())
        .await
        .map_err(|e| paywire::Error::Config(format!("sandbox did not start: {e}")))?;
    println!(
        "paywire {} demo — sandbox at {}",
        paywire::SDK_VERSION,
        sandbox.bootpay_url()
    );
    let client = Client::builder()
        .application_id(&config.credentials.application_id)
        .private_key(config.credentials.private_key.as_str())
        .base_url(sandbox.bootpay_url())
        .build()?;
    // Built after paywire's client, which installs the TLS crypto provider reqwest needs.
    let http = reqwest::Client::new();

    step("1. Access token (fetched lazily, cached, refreshed ahead of expiry)");
    let token = client.get_access_token().await?;
    println!(
        "token {:?} valid for {} s",
        token.access_token,
        token.expire_in.unwrap_or_default()
    );

    step("2. Receipt look-up and the forgery check");
    let paid = admin(
        &http,
        &sandbox,
        "bootpay/receipts",
        json!({"status": 1, "price": 30000, "order_name": "티셔츠"}),
    )
    .await?;
    let paid_id = paid["receipt_id"].as_str().unwrap_or_default().to_owned();
    let receipt = client.get_receipt(&paid_id, false).await?;
    println!(
        "receipt {} — {} KRW, status {}",
        receipt.receipt_id, receipt.price, receipt.status
    );
    let verified = client.verify_payment(&paid_id, 30000).await?;
    println!(
        "verify_payment(expected 30000): accepted ({} KRW)",
        verified.price
    );
    match client.verify_payment(&paid_id, 300).await {
        Err(e @ paywire::Error::Verification { .. }) => {
            println!("verify_payment(expected 300): refused — {e}")
        }
        other => println!("verify_payment(expected 300): unexpected {other:?}"),
    }

    step("3. Server confirm as one transaction (verify → your step → confirm)");
    let pending = admin(
        &http,
        &sandbox,
        "bootpay/receipts",
        json!({"status": 2, "price": 12000}),
    )
    .await?;
    let pending_id = pending["receipt_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let out_of_stock = client
        .confirm_verified(&pending_id, 12000, |_| async {
            Err::<(), _>(std::io::Error::other("out of stock"))
        })
        .await;
    if let Err(e) = out_of_stock {
        println!("step failed → {e}");
    }
    let confirmed = client
        .confirm_verified(&pending_id, 12000, |r| async move {
            println!(
                "  (your step: reserving stock for order {:?})",
                r.order_id.unwrap_or_default()
            );
            Ok::<_, std::io::Error>(())
        })
        .await?;
    println!("confirmed: status {}", confirmed.receipt.status);

    step("4. Partial cancel with a cancel_id (a retry can never cancel twice)");
    let cancel = CancelPayment {
        cancel_price: Some(10000),
        cancel_id: Some("refund-demo-1".into()),
        cancel_message: Some("사이즈 교환".into()),
        ..CancelPayment::new(&paid_id)
    };
    let after = client.cancel_payment(cancel.clone()).await?;
    println!(
        "cancelled {} of {} KRW (status {})",
        after.cancelled_price, after.price, after.status
    );
    match client.cancel_payment(cancel).await {
        Err(e) => println!("same cancel_id again → refused: {e}"),
        Ok(_) => println!("same cancel_id again → unexpectedly accepted"),
    }

    step("5. Billing key → subscribe → reserve → reserve cancel → destroy");
    let key = client
        .issue_billing_key(IssueBillingKey::new(
            "nicepay",
            "월간 구독",
            "sub-demo",
            "5570000000001234",
            "12",
            "900101",
            "28",
            "12",
        ))
        .await?;
    println!("billing key {} ({})", key.billing_key, key.status);
    let charge = client
        .subscribe_payment(SubscribePayment::new(
            &key.billing_key,
            "11월 구독료",
            "order-demo-sub-1",
            9900,
        ))
        .await?;
    println!(
        "charged {} KRW → receipt {}",
        charge.price, charge.receipt_id
    );
    let reserved = client
        .reserve_subscribe_payment(ReserveSubscribePayment::new(
            &key.billing_key,
            "12월 구독료",
            "order-demo-sub-2",
            9900,
            "2030-12-01T09:00:00+09:00",
        ))
        .await?;
    println!(
        "reserved {} for {}",
        reserved.reserve_id,
        reserved
            .reserve_execute_at
            .map(|at| chrono::DateTime::<chrono::Utc>::from(at).to_rfc3339())
            .unwrap_or_default()
    );
    let cancelled = client
        .cancel_subscribe_reservation(&reserved.reserve_id)
        .await?;
    println!("reservation cancelled: {}", cancelled.success);
    let destroyed = client.destroy_billing_key(&key.billing_key).await?;
    println!("billing key {} destroyed", destroyed.billing_key);

    step("6. Identity verification and its certificate");
    let started = client
        .request_authentication(RequestAuthentication {
            pg: "danal".into(),
            method: "sms".into(),
            authentication_id: "auth-demo".into(),
            username: "홍길동".into(),
            identity_no: "9001011".into(),
            carrier: "SKT".into(),
            phone: "01000000000".into(),
            ..RequestAuthentication::default()
        })
        .await?;
    client
        .confirm_authentication(&started.receipt_id, SANDBOX_OTP)
        .await?;
    let certificate = client.get_certificate(&started.receipt_id).await?;
    println!(
        "certificate {} — status {}",
        certificate.receipt_id, certificate.status
    );

    step("7. Escrow shipping start");
    let escrow = admin(
        &http,
        &sandbox,
        "bootpay/receipts",
        json!({"status": 1, "price": 45000, "pg": "inicis"}),
    )
    .await?;
    let escrow_id = escrow["receipt_id"].as_str().unwrap_or_default().to_owned();
    let shipped = client
        .start_escrow_shipping(ShippingStart::new(&escrow_id, "1234567890", "CJ대한통운"))
        .await?;
    let state = shipped
        .escrow_data
        .and_then(|e| e.status_locale)
        .unwrap_or_default();
    println!("escrow {escrow_id}: {state}");

    step("8. The PG's own error, asked for with extra.raw_data");
    let key = client
        .issue_billing_key(IssueBillingKey::new(
            "nicepay",
            "구독",
            "sub-demo-2",
            "5570000000001234",
            "12",
            "900101",
            "28",
            "12",
        ))
        .await?;
    let tiny = SubscribePayment {
        extra: Some(paywire::bootpay::SubscribeExtra {
            raw_data: Some(true),
            ..Default::default()
        }),
        ..SubscribePayment::new(&key.billing_key, "구독", "order-demo-tiny", 50)
    };
    if let Err(e) = client.subscribe_payment(tiny).await {
        println!("{e}");
    }

    iamport_flow(&sandbox, &config, &http).await?;

    println!("\ndemo finished: every step ran against the embedded sandbox.");
    Ok(())
}

/// Seed 003: prepare the amount, the payment arrives, the webhook comes in, verify, then a partial cancel.
async fn iamport_flow(
    sandbox: &Sandbox,
    config: &SandboxConfig,
    http: &reqwest::Client,
) -> paywire::Result<()> {
    use paywire::iamport::{CancelPayment as IamportCancel, Client as Iamport, IamportWebhook};

    step("9. iamport: prepare → pay → webhook → verify (forgery check) → partial cancel");
    let iamport = Iamport::builder()
        .imp_key(&config.credentials.imp_key)
        .imp_secret(config.credentials.imp_secret.as_str())
        .base_url(sandbox.iamport_url())
        .build()?;
    let prepared = iamport
        .prepare_payment("order-demo-003", 39000.0, Some("KRW"))
        .await?;
    println!(
        "prepared {} for {} KRW (a browser payment of another amount is refused)",
        prepared.merchant_uid, prepared.amount
    );
    let paid = admin(
        http,
        sandbox,
        "iamport/payments",
        json!({"status": "paid", "amount": 39000, "merchant_uid": "order-demo-003"}),
    )
    .await?;
    let imp_uid = paid["imp_uid"].as_str().unwrap_or_default().to_owned();
    println!("the customer paid: {imp_uid}");
    let body = http
        .get(format!(
            "{}/__admin/iamport/webhook/{imp_uid}",
            sandbox.url()
        ))
        .send()
        .await
        .map_err(|e| paywire::Error::Config(format!("sandbox admin call failed: {e}")))?
        .bytes()
        .await
        .map_err(|e| paywire::Error::Config(format!("sandbox admin answer: {e}")))?;
    let hook = IamportWebhook::parse(&body, Some("application/json"))?;
    let fetched = iamport.verify_webhook(&hook).await?;
    println!(
        "webhook {} → re-fetched: {} {} KRW (answer {})",
        hook.idempotency_key(),
        fetched.status,
        fetched.amount,
        paywire::webhook::WEBHOOK_ACK
    );
    match iamport.verify_payment(&imp_uid, 3900.0).await {
        Err(e @ paywire::Error::Verification { .. }) => {
            println!("verify_payment(expected 3900): refused — {e}")
        }
        other => println!("verify_payment(expected 3900): unexpected {other:?}"),
    }
    let verified = iamport.verify_payment(&imp_uid, 39000.0).await?;
    println!("verify_payment(expected 39000): {:?}", verified.state);
    let cancelled = iamport
        .cancel_payment(IamportCancel {
            amount: Some(9000.0),
            reason: Some("부분 환불".into()),
            ..IamportCancel::by_imp_uid(&imp_uid)
        })
        .await?;
    println!(
        "partial cancel with checksum: {} of {} KRW cancelled, status {}",
        cancelled.cancel_amount, cancelled.amount, cancelled.status
    );
    Ok(())
}
