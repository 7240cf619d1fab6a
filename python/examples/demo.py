"""The seed flows of paywire (Bootpay, then iamport's seed 003), run against an embedded sandbox: no
credentials, no network.

python examples/demo.py
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import paywire
from paywire.testing import Sandbox

KST = timezone(timedelta(hours=9))


def step(title: str) -> None:
    print(f"\n== {title}")


def main() -> None:
    with Sandbox() as sandbox:
        print(f"sandbox running at {sandbox.url}")
        client = paywire.Bootpay(
            application_id=sandbox.application_id,
            private_key=sandbox.private_key,
            base_url=sandbox.bootpay_url,
        )

        step("1. access token (fetched once, cached, refreshed ahead of expiry)")
        token = client.get_access_token()
        print(f"   {token!r}  (the token itself never appears in a repr)")

        step("2. receipt look-up and the forgery check")
        paid = sandbox.create_receipt(status=1, price=30000, order_name="티셔츠")
        receipt = client.verify_payment(paid["receipt_id"], expected_price=30000)
        print(
            f"   verified: {receipt.receipt_id} {receipt.order_name} {receipt.price:,} KRW, "
            f"paid at {receipt.purchased_at:%Y-%m-%d %H:%M %z}"
        )
        try:
            client.verify_payment(paid["receipt_id"], expected_price=300)
        except paywire.VerificationError as refused:
            print(f"   forged amount refused: {refused.kind} (expected {refused.expected}, paid {refused.actual})")

        step("3. server confirm: verify, run our own step, then confirm")
        awaiting = sandbox.create_receipt(status=2, price=15000, order_name="모자")

        def reserve_stock(verified: paywire.Receipt) -> str:
            print(f"   step: reserving stock for {verified.order_name} (status {verified.status}, awaiting confirm)")
            return "stock-reserved"

        confirmed = client.confirm_verified(awaiting["receipt_id"], 15000, reserve_stock)
        print(
            f"   confirmed: status {confirmed.receipt.status} ({confirmed.receipt.status_locale}), "
            f"step said {confirmed.output!r}"
        )

        step("4. partial cancel (idempotent by cancel_id)")
        cancelled = client.cancel_payment(
            receipt.receipt_id, cancel_price=10000, cancel_id="refund-0001", cancel_message="사이즈 교환"
        )
        print(f"   cancelled {cancelled.cancelled_price:,} of {cancelled.price:,} KRW, status {cancelled.status}")
        try:
            client.cancel_payment(receipt.receipt_id, cancel_price=10000, cancel_id="refund-0001")
        except paywire.ApiError as duplicate:
            print(f"   the same cancel_id again is refused: {duplicate.code}")

        step("5. billing key -> subscribe -> reserve -> cancel reservation -> destroy")
        key = client.issue_billing_key(
            "nicepay",
            "월간 구독",
            "sub-demo-1",
            "5570000000001234",
            "12",
            "900101",
            "28",
            "12",
            user=paywire.User(id="member-1", username="홍길동"),
        )
        print(f"   issued {key.billing_key} ({key!r:.60}...)")
        charge = client.subscribe_payment(key.billing_key, "11월 구독", "order-sub-11", 9900)
        print(f"   charged {charge.price:,} KRW: {charge.receipt_id} status {charge.status}")
        reserved = client.reserve_subscribe_payment(
            key.billing_key, "12월 구독", "order-sub-12", 9900, datetime(2030, 12, 1, 9, 0, tzinfo=KST)
        )
        print(f"   reserved {reserved.reserve_id} for {reserved.reserve_execute_at}")
        revoked = client.cancel_subscribe_reservation(reserved.reserve_id)
        print(f"   reservation cancelled: {revoked.success}")
        destroyed = client.destroy_billing_key(key.billing_key)
        print(f"   destroyed {destroyed.billing_key}")
        try:
            client.subscribe_payment(key.billing_key, "1월 구독", "order-sub-01", 9900)
        except paywire.ApiError as gone:
            print(f"   charging it now fails: HTTP {gone.http_status} {gone.code}")

        step("6. identity: REST authentication with the sandbox OTP, then the certificate")
        started = client.request_authentication(
            "danal", "sms", "auth-demo-1", "홍길동", "9001011", "SKT", "01000000000"
        )
        print(f"   OTP sent for {started.receipt_id} (status {started.status})")
        client.confirm_authentication(started.receipt_id, sandbox.otp)
        certificate = client.get_certificate(started.receipt_id)
        print(
            f"   certificate: status {certificate.status} ({certificate.status_locale}), "
            f"{certificate.authenticate_data!r}"
        )

        step("7. escrow: shipping started")
        escrow = sandbox.create_receipt(status=1, price=50000, order_name="노트북", pg="inicis")
        shipped = client.start_escrow_shipping(
            escrow["receipt_id"],
            "1234567890",
            "CJ대한통운",
            user=paywire.ShippingUser(username="홍길동", zipcode="04524", address="서울시 중구"),
        )
        print(f"   {shipped.receipt_id}: {shipped.escrow_data!r}")

        iamport_seed_003(sandbox)

        counters = sandbox.counters()
        print(
            f"\nsandbox saw {counters['token_requests']} Bootpay and {counters['iamport_token_requests']} iamport "
            "token request(s) for the whole demo"
        )


def iamport_seed_003(sandbox: Sandbox) -> None:
    """Seed 003: an iamport (PortOne V1) browser payment, checked server-side before the order ships."""
    client = paywire.Iamport(imp_key=sandbox.imp_key, imp_secret=sandbox.imp_secret, base_url=sandbox.iamport_url)
    order = "order-003"

    step("8. iamport: register the amount before the browser payment window opens")
    prepared = client.prepare_payment(order, 30000)
    print(f"   prepared {prepared.merchant_uid}: {prepared.amount:,} KRW (a window with another amount is refused)")

    step("9. iamport: the customer pays in the browser (sandbox admin API)")
    created = sandbox.create_iamport_payment("paid", 30000, merchant_uid=order, name="티셔츠")
    print(f"   payment {created['imp_uid']} for {created['merchant_uid']} arrived")

    step("10. iamport: the webhook is parsed, then verified by re-fetching the payment")
    body = json.dumps(sandbox.iamport_webhook_payload(created["imp_uid"]))
    hook = paywire.Iamport.parse_webhook(body, "application/json")
    print(f"   webhook says {hook.status!r} for {hook.imp_uid} (store {hook.idempotency_key!r} to process it once)")
    payment = client.verify_webhook(hook)
    print(
        f"   re-fetched: {payment.status} {payment.amount:,} {payment.currency}, "
        f"paid at {payment.paid_at:%Y-%m-%d %H:%M %Z}"
    )

    step("11. iamport: verify_payment refuses a forged amount and accepts the right one")
    try:
        client.verify_payment(payment.imp_uid, expected_amount=300)
    except paywire.VerificationError as refused:
        print(f"   forged amount refused: {refused.kind} (expected {refused.expected}, paid {refused.actual})")
    verified = client.verify_payment(payment.imp_uid, expected_amount=30000)
    print(f"   verified: state {verified.state!r}, {verified.payment.name} {verified.payment.amount:,} KRW")

    step("12. iamport: partial cancel (guarded by a checksum of the cancellable balance)")
    cancelled = client.cancel_payment(payment.imp_uid, amount=10000, reason="사이즈 교환")
    last = cancelled.cancel_history[-1]
    print(
        f"   cancelled {last.amount:,} of {cancelled.amount:,} KRW (id {last.cancellation_id}); "
        f"status {cancelled.status}, {cancelled.cancellable_amount:,} KRW still cancellable"
    )
    try:
        client.cancel_payment(payment.imp_uid, amount=10000, checksum=30000)
    except paywire.ApiError as stale:
        print(
            f"   a cancel with a stale checksum is refused: HTTP {stale.http_status}, "
            f"code {stale.code}: {stale.message}"
        )


if __name__ == "__main__":
    main()
