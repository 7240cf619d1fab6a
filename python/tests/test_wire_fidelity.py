"""Wire fidelity: paywire accepts what the official SDKs and the seeds send, sends what they send, and
reports what really came back. The official ``bootpay-backend`` SDK runs against the same sandbox, so the
bodies compared are the bodies it really sends."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Dict

import pytest

import paywire
from paywire.testing import Sandbox

bootpay_backend = pytest.importorskip("bootpay_backend")


def last_body(sandbox: Sandbox, method: str, path: str) -> Dict[str, Any]:
    for request in reversed(sandbox.requests()):
        if request["method"] == method and str(request["path"]).startswith(path):
            body = request["body"]
            assert isinstance(body, dict)
            return body
    raise AssertionError(f"no {method} {path} recorded")


def official(sandbox: Sandbox) -> Any:
    sdk = bootpay_backend.BootpayBackend(application_id=sandbox.application_id, private_key=sandbox.private_key)
    # The SDK builds every URL from BASE_URL[mode]: point production at the sandbox.
    sdk.BASE_URL = {"production": sandbox.bootpay_url}
    sdk.get_access_token()
    return sdk


def billing_key(client: paywire.Bootpay) -> str:
    return client.issue_billing_key(
        "nicepay", "구독", "sub-wire", "5570000000001234", "12", "900101", "28", "12"
    ).billing_key


@pytest.mark.parametrize("flag", [1, True, "1"])
def test_raw_data_is_read_in_every_form_and_sent_as_the_official_sdk_sends_it(sandbox: Sandbox, flag: Any) -> None:
    client = sandbox.client()
    key = billing_key(client)
    client.subscribe_payment(
        key, "구독", "order-wire-1", 9900, extra={"raw_data": flag, "subscribe_test_payment": flag}
    )
    ours = last_body(sandbox, "POST", "subscribe/payment")["extra"]
    official(sandbox).request_subscribe_card_payment(
        billing_key=key,
        order_name="구독",
        price=9900,
        order_id="order-wire-2",
        extra={"raw_data": 1, "subscribe_test_payment": 1},
    )
    theirs = last_body(sandbox, "POST", "subscribe/payment")["extra"]
    assert ours == theirs == {"raw_data": 1, "subscribe_test_payment": 1}


def test_a_flag_that_is_not_a_flag_names_its_field(sandbox: Sandbox) -> None:
    client = sandbox.client()
    with pytest.raises(paywire.InvalidInputError) as caught:
        client.subscribe_payment("key", "구독", "order-wire-3", 9900, extra={"raw_data": 7})
    assert "raw_data" in str(caught.value)


KST = timezone(timedelta(hours=9))


@pytest.mark.parametrize(
    "purchased_at",
    [
        "2026-08-31T14:50:00+0900",
        "2026-08-31T14:50:00+09:00",
        "2026-08-31T05:50:00Z",
        datetime(2026, 8, 31, 14, 50, tzinfo=KST),
    ],
)
def test_purchased_at_in_every_offset_form_goes_out_as_the_spec_and_the_official_sdk_write_it(
    sandbox: Sandbox, purchased_at: Any
) -> None:
    client = sandbox.client()
    client.request_cash_receipt(
        "order-cash-1", "현금영수증", "01000000000", "소득공제", 1000, purchased_at=purchased_at
    )
    ours = last_body(sandbox, "POST", "request/cash/receipt")["purchased_at"]
    official(sandbox).request_cash_receipt(
        order_id="order-cash-2",
        order_name="현금영수증",
        identity_no="01000000000",
        purchased_at="2026-08-31T14:50:00+0900",
        price=1000,
    )
    theirs = last_body(sandbox, "POST", "request/cash/receipt")["purchased_at"]
    if isinstance(purchased_at, str) and purchased_at.endswith("Z"):
        assert ours == "2026-08-31T05:50:00+0000"
    else:
        assert ours == theirs == "2026-08-31T14:50:00+0900"


def test_fractional_iamport_token_times_are_read(sandbox: Sandbox) -> None:
    sandbox.fault(
        provider="iamport",
        method="POST",
        path="users/getToken",
        times=1,
        body={
            "code": 0,
            "message": None,
            "response": {"access_token": "t", "now": 1796095844.881, "expired_at": 1796097644.881},
        },
    )
    token = sandbox.iamport_client().get_access_token()
    assert 1799 <= token.expire_in <= 1800


def test_a_proxy_404_is_an_error_not_missing_payments(sandbox: Sandbox) -> None:
    client = sandbox.iamport_client()
    assert client.get_payments(imp_uids=["imp_none"]).missing == ["imp_none"]
    sandbox.fault(provider="iamport", method="GET", path="payments", status=404, non_json=True)
    with pytest.raises(paywire.DecodeError) as caught:
        client.get_payments(imp_uids=["imp_none"])
    assert caught.value.http_status == 404


def test_errors_quote_the_status_that_came_back(sandbox: Sandbox) -> None:
    sandbox.fault(
        provider="iamport",
        method="POST",
        path="users/getToken",
        status=201,
        body={"code": 0, "response": {"access_token": 7}},
    )
    with pytest.raises(paywire.DecodeError) as caught:
        sandbox.iamport_client().get_payment("imp_1")
    assert caught.value.http_status == 201
    assert "HTTP 201" in str(caught.value)


def test_a_repeated_cancel_id_is_an_idempotent_replay(sandbox: Sandbox) -> None:
    client = sandbox.client()
    receipt_id = sandbox.create_receipt(status=1, price=10000)["receipt_id"]
    first = client.cancel_payment(receipt_id, cancel_price=1000, cancel_id="refund-1")
    again = client.cancel_payment(receipt_id, cancel_price=1000, cancel_id="refund-1")
    assert first.cancelled_price == again.cancelled_price == 1000
    assert client.get_receipt(receipt_id).cancelled_price == 1000


def test_a_type_error_names_the_field(sandbox: Sandbox) -> None:
    client = sandbox.client()
    with pytest.raises(paywire.InvalidInputError) as caught:
        client.subscribe_payment("key", "구독", "order-wire-4", 10.5)  # type: ignore[arg-type]
    assert caught.value.field == "price"


def test_a_misspelt_nested_key_is_refused_by_name(sandbox: Sandbox) -> None:
    client = sandbox.client()
    with pytest.raises(paywire.InvalidInputError) as caught:
        client.subscribe_payment("key", "구독", "order-wire-5", 9900, user={"usernme": "홍길동"})
    assert "usernme" in str(caught.value)
    assert not [r for r in sandbox.requests() if r["path"] == "subscribe/payment"], "nothing was sent"
