"""Every operation of the core client, through both Python clients, against the sandbox."""

from __future__ import annotations

import asyncio
import inspect
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from conftest import Blocking, last_request

import paywire
from paywire.testing import Sandbox

KST = timezone(timedelta(hours=9))


def card(subscription_id: str, **extra: Any) -> dict[str, Any]:
    return dict(
        pg="nicepay",
        order_name="월간 구독",
        subscription_id=subscription_id,
        card_no="5570000000001234",
        card_pw="12",
        card_identity_no="900101",
        card_expire_year="28",
        card_expire_month="12",
        **extra,
    )


def test_both_clients_expose_every_core_operation() -> None:
    assert len(paywire.OPERATIONS) >= 33
    for name in [*paywire.OPERATIONS, "confirm_verified", "parse_webhook"]:
        assert callable(getattr(paywire.Bootpay, name)), name
        assert callable(getattr(paywire.AsyncBootpay, name)), name
        if name != "parse_webhook":
            assert inspect.iscoroutinefunction(getattr(paywire.AsyncBootpay, name)), name
            assert not inspect.iscoroutinefunction(getattr(paywire.Bootpay, name)), name


def test_access_token(api: Blocking, sandbox: Sandbox) -> None:
    token = api.get_access_token()
    assert isinstance(token, paywire.AccessToken)
    assert token.access_token and 0 < (token.expire_in or 0) <= 1800
    assert token.access_token not in repr(token)
    basic_client = sandbox.async_client(credentials="basic") if api.is_async else sandbox.client(credentials="basic")
    basic = Blocking(basic_client)
    empty = basic.get_access_token()
    assert empty.access_token == "" and empty.expire_in == 0


def test_receipt_lookups_confirm_and_cancel(api: Blocking, sandbox: Sandbox) -> None:
    created = sandbox.create_receipt(status=2, price=30000, tax_free=1000, metadata={"order": 7})
    rid = created["receipt_id"]
    receipt = api.get_receipt(rid)
    assert isinstance(receipt, paywire.Receipt)
    assert (receipt.receipt_id, receipt.price, receipt.status) == (rid, 30000, 2)
    assert receipt.metadata == {"order": 7}
    assert api.get_receipt(rid, lookup_user_data=True).receipt_id == rid
    assert last_request(sandbox, "GET", "receipt/")["query"] == "lookup_user_data=true"

    by_order = api.get_receipts_by_order_id(created["order_id"])
    assert [r.receipt_id for r in by_order] == [rid]
    assert api.get_receipts_by_order_id("no-such-order") == []

    confirmed = api.confirm_payment(rid)
    assert confirmed.status == 1 and isinstance(confirmed.purchased_at, datetime)

    partial = api.cancel_payment(
        rid,
        cancel_price=5000,
        cancel_tax_free=0,
        cancel_id="refund-1",
        cancel_username="관리자",
        cancel_message="부분 취소",
        items=[paywire.Item("sku-1", "셔츠", 1, 5000)],
        metadata={"why": "size"},
    )
    assert (partial.status, partial.cancelled_price) == (20, 5000)
    body = last_request(sandbox, "POST", "cancel")["body"]
    assert body["cancel_id"] == "refund-1"
    assert body["items"] == [{"id": "sku-1", "name": "셔츠", "qty": 1, "price": 5000}]
    # A repeat with a cancel_id already applied is an idempotent replay: the receipt as it stands, no refund.
    replay = api.cancel_payment(rid, cancel_price=5000, cancel_id="refund-1")
    assert replay.cancelled_price == 5000
    rest = api.cancel_payment(rid, items=[{"id": "sku-2", "name": "바지", "qty": 1, "price": 25000}])
    assert rest.cancelled_price == 30000
    assert last_request(sandbox, "POST", "cancel")["body"]["cancel_id"].startswith("paywire-")


def test_vbank_refund_accepts_a_typed_object_or_a_dict(api: Blocking, sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=1, price=10000, method="vbank")["receipt_id"]
    api.cancel_payment(rid, cancel_price=1000, refund=paywire.Refund("1234567890", "홍길동", "088"))
    assert last_request(sandbox, "POST", "cancel")["body"]["refund"] == {
        "bank_account": "1234567890",
        "bank_username": "홍길동",
        "bank_code": "088",
    }
    api.cancel_payment(rid, cancel_price=1000, refund={"bank_account": "1", "bank_username": "김", "bank_code": "004"})
    assert last_request(sandbox, "POST", "cancel")["body"]["refund"]["bank_code"] == "004"


def test_payment_link_and_methods(api: Blocking, sandbox: Sandbox) -> None:
    link = api.request_payment_link(
        "order-link-1",
        "티셔츠",
        30000,
        pg="nicepay",
        tax_free=0,
        user=paywire.User(id="member-1", gender=0),
        extra={"separately_confirmed": False},
    )
    assert isinstance(link, paywire.PaymentLink) and "/link/" in (link.url or "")
    body = last_request(sandbox, "POST", "request/payment")["body"]
    assert body["user"] == {"id": "member-1", "gender": 0}
    assert body["extra"] == {"separately_confirmed": False}
    methods = api.get_payment_methods()
    assert methods and all(isinstance(m, paywire.PaymentMethod) for m in methods)


def test_billing_key_lifecycle(api: Blocking, sandbox: Sandbox) -> None:
    key = api.issue_billing_key(**card("sub-1", user={"id": "member-1", "gender": 0}))
    assert isinstance(key, paywire.BillingKey) and key.status == 11 and key.billing_key
    assert "5570000000001234" not in repr(key)
    rid = key.receipt_id
    assert rid is not None
    assert api.get_billing_key_by_receipt(rid).billing_key == key.billing_key
    assert api.get_billing_key_by_key(key.billing_key).receipt_id == rid
    assert api.get_sequential_billing_key(key.billing_key, "widget key/1", "member-1").billing_key == key.billing_key
    destroyed = api.destroy_billing_key(key.billing_key)
    assert isinstance(destroyed, paywire.DestroyedBillingKey) and destroyed.billing_key == key.billing_key
    with pytest.raises(paywire.ApiError) as gone:
        api.get_billing_key_by_key(key.billing_key)
    assert gone.value.http_status == 404


def test_subscribe_and_reservations(api: Blocking, sandbox: Sandbox) -> None:
    key = api.issue_billing_key(**card("sub-2")).billing_key
    paid = api.subscribe_payment(
        key,
        "11월 구독",
        "order-sub-1",
        9900,
        tax_free=0,
        card_quota="00",
        extra=paywire.SubscribeExtra(raw_data=True),
        metadata={"plan": "pro"},
    )
    assert (paid.status, paid.price) == (1, 9900)
    # Sent as the official Python, Go and Java SDKs send the flag.
    assert last_request(sandbox, "POST", "subscribe/payment")["body"]["extra"] == {"raw_data": 1}

    at = datetime(2030, 12, 1, 9, 0, tzinfo=KST)
    reserved = api.reserve_subscribe_payment(key, "12월 구독", "order-sub-2", 9900, at)
    assert isinstance(reserved, paywire.ReservedPayment) and reserved.reserve_id
    sent = last_request(sandbox, "POST", "subscribe/payment/reserve")["body"]
    assert sent["reserve_execute_at"] == "2030-12-01T09:00:00+09:00"
    looked_up = api.get_subscribe_reservation(reserved.reserve_id)
    assert isinstance(looked_up, paywire.SubscribeReservation)
    assert (looked_up.price, looked_up.order_id, looked_up.status) == (9900, "order-sub-2", 1)
    assert looked_up.reserve_execute_at == at
    cancelled = api.cancel_subscribe_reservation(reserved.reserve_id)
    assert isinstance(cancelled, paywire.CancelledReservation) and cancelled.success


def test_naive_datetime_is_refused_before_sending(api: Blocking, sandbox: Sandbox) -> None:
    with pytest.raises(paywire.InvalidInputError) as err:
        api.reserve_subscribe_payment("key", "x", "o", 1000, datetime(2030, 1, 1, 9, 0))
    assert err.value.field == "reserve_execute_at"
    with pytest.raises(paywire.InvalidInputError) as err2:
        api.request_cash_receipt("o", "n", "01000000000", "소득공제", 1000, purchased_at=datetime(2030, 1, 1))
    assert err2.value.field == "purchased_at"
    assert sandbox.counters()["requests"] == {}


def test_automatic_transfer_billing_key(api: Blocking, sandbox: Sandbox) -> None:
    pending = api.request_transfer_billing_key(
        "nicepay",
        "계좌 자동이체",
        "sub-transfer",
        "ARS",
        "홍길동",
        "국민",
        "123456789012",
        "900101",
        phone="01000000000",
    )
    assert pending.status == 41
    assert "cash_receipt_type" not in last_request(sandbox, "POST", "request/subscribe/automatic-transfer")["body"]
    key = api.publish_transfer_billing_key(pending.receipt_id)
    assert key.status == 11


def test_user_token(api: Blocking, sandbox: Sandbox) -> None:
    token = api.request_user_token("member-9", gender=0, phone="01000000000")
    assert isinstance(token, paywire.UserToken) and token.user_token
    assert isinstance(token.expired_at, datetime) and token.expired_at.tzinfo is not None
    assert token.user_token not in repr(token)
    assert last_request(sandbox, "POST", "request/user/token")["body"] == {
        "user_id": "member-9",
        "gender": 0,
        "phone": "01000000000",
    }


def test_escrow_shipping(api: Blocking, sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=1, price=30000)["receipt_id"]
    receipt = api.start_escrow_shipping(
        rid,
        "1234567890",
        "CJ대한통운",
        shipping_prepayment=False,
        shipping_day=0,
        user=paywire.ShippingUser(username="홍길동", zipcode="04524"),
        company={"name": "paywire"},
    )
    assert isinstance(receipt.escrow_data, paywire.EscrowData)
    body = last_request(sandbox, "PUT", "escrow/shipping/start/")["body"]
    assert body["shipping_prepayment"] is False and body["shipping_day"] == 0
    assert body["user"] == {"username": "홍길동", "zipcode": "04524"}
    assert body["company"] == {"name": "paywire"}


def test_cash_receipts(api: Blocking, sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=1, price=10000)["receipt_id"]
    receipt = api.publish_cash_receipt_on_receipt(rid, "01000000000", "소득공제")
    assert isinstance(receipt.cash_receipt_data, paywire.CashReceiptData)
    api.cancel_cash_receipt_on_receipt(rid, cancel_username="관리자", cancel_message="요청 취소")
    assert last_request(sandbox, "DELETE", "request/receipt/cash/cancel/")["query"].startswith("cancel_username=")

    standalone = api.request_cash_receipt(
        "cash-1", "현금 판매", "01000000000", "지출증빙", 5000, purchased_at=datetime(2026, 11, 23, 10, tzinfo=KST)
    )
    body = last_request(sandbox, "POST", "request/cash/receipt")["body"]
    # The form the spec and the official Python SDK send.
    assert body["purchased_at"] == "2026-11-23T10:00:00+0900" and "pg" not in body
    cancelled = api.cancel_cash_receipt(standalone.receipt_id)
    assert cancelled.status == 20


def test_rest_identity_authentication(api: Blocking, sandbox: Sandbox) -> None:
    started = api.request_authentication(
        "danal", "sms", "auth-1", "홍길동", "9001011", "SKT", "01000000000", client_ip="127.0.0.1"
    )
    assert isinstance(started, paywire.Certificate)
    again = api.realarm_authentication(started.receipt_id)
    assert again.authenticate_data is not None and again.authenticate_data.number_of_realarms == 1
    with pytest.raises(paywire.ApiError) as wrong:
        api.confirm_authentication(started.receipt_id, "000000")
    assert wrong.value.code == "AUTH_OTP_MISMATCH"
    done = api.confirm_authentication(started.receipt_id, sandbox.otp)
    assert done.status == 12
    certificate = api.get_certificate(started.receipt_id)
    assert certificate.status == 12 and isinstance(certificate.authenticated_at, datetime)
    data = certificate.authenticate_data
    assert data is not None
    if data.unique:
        assert data.unique not in repr(certificate)


def test_raw_request(api: Blocking, sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    value = api.raw_request("GET", f"receipt/{rid}", query={"lookup_user_data": False})
    assert value["receipt_id"] == rid
    assert last_request(sandbox, "GET", "receipt/")["query"] == "lookup_user_data=false"
    assert sandbox.counters()["token_requests"] == 1
    with pytest.raises(paywire.ApiError) as err:
        api.raw_request("GET", "receipt/nope")
    assert err.value.http_status == 404
    with pytest.raises(paywire.InvalidInputError):
        api.raw_request("GET", "../admin")
    created = api.raw_request("POST", "request/user/token", body={"user_id": "raw-1"}, idempotent=False)
    assert created["user_token"]


def test_verify_payment_is_the_forgery_check(api: Blocking, sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=1, price=30000)["receipt_id"]
    assert api.verify_payment(rid, 30000).receipt_id == rid
    with pytest.raises(paywire.VerificationError) as forged:
        api.verify_payment(rid, 300)
    assert (forged.value.kind, forged.value.expected, forged.value.actual) == ("amount_mismatch", 300, 30000)
    assert forged.value.payment_id == rid


def test_confirm_verified_runs_the_step_between(api: Blocking, sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=2, price=30000)["receipt_id"]
    seen: list[int] = []
    if api.is_async:

        async def step(receipt: paywire.Receipt) -> str:
            await asyncio.sleep(0)
            seen.append(receipt.status)
            return "stock reserved"

    else:

        def step(receipt: paywire.Receipt) -> str:  # type: ignore[misc]
            seen.append(receipt.status)
            return "stock reserved"

    confirmed = api.confirm_verified(rid, 30000, step)
    assert isinstance(confirmed, paywire.Confirmed)
    assert seen == [2] and confirmed.output == "stock reserved" and confirmed.receipt.status == 1


def test_confirm_verified_step_failure_confirms_nothing(api: Blocking, sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=2, price=30000)["receipt_id"]

    class OutOfStock(Exception):
        pass

    if api.is_async:

        async def step(receipt: paywire.Receipt) -> None:
            raise OutOfStock(receipt.receipt_id)

    else:

        def step(receipt: paywire.Receipt) -> None:  # type: ignore[misc]
            raise OutOfStock(receipt.receipt_id)

    with pytest.raises(OutOfStock):
        api.confirm_verified(rid, 30000, step)
    assert api.get_receipt(rid).status == 2
    assert "POST confirm" not in sandbox.counters()["requests"]
    with pytest.raises(paywire.VerificationError) as forged:
        api.confirm_verified(rid, 100, step)
    assert forged.value.kind == "amount_mismatch"


def test_webhooks(api: Blocking, sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=1, price=5000)["receipt_id"]
    payload = sandbox.webhook_payload(rid)
    import json

    hook = api.parse_webhook(json.dumps(payload).encode(), "application/json")
    assert isinstance(hook, paywire.BootpayWebhook)
    assert (hook.receipt_id, hook.status, hook.event) == (rid, 1, "PAYMENT_COMPLETED")
    assert hook.idempotency_key.startswith(f"bootpay:{rid}:")
    assert hook.raw == payload
    assert hook.to_dict()["card_data"]["card_no"] == "***", "to_dict() masks what repr hides"
    assert api.verify_webhook(hook).receipt_id == rid
    assert api.verify_webhook(json.dumps(payload)).receipt_id == rid
    assert api.verify_webhook(payload).receipt_id == rid
    forged = dict(payload, order_id="someone-else")
    with pytest.raises(paywire.VerificationError) as err:
        api.verify_webhook(forged)
    assert err.value.kind == "order_mismatch"
    form = paywire.parse_webhook(f"receipt_id={rid}&status=20&price=5000&cancelled_price=1000")
    assert form.event == "PAYMENT_PARTIAL_CANCELLED" and form.price == 5000
    with pytest.raises(paywire.InvalidInputError):
        paywire.parse_webhook(b"{}", "application/json")
