"""Every exception type, raised (never returned), with the fields users act on."""

from __future__ import annotations

import builtins
import socket

import pytest
from conftest import Blocking

import paywire
from paywire._errors import from_payload
from paywire.testing import Sandbox


def test_half_a_credential_pair_fails_at_construction() -> None:
    for cls in (paywire.Bootpay, paywire.AsyncBootpay):
        with pytest.raises(paywire.InvalidInputError) as err:
            cls(application_id="app")
        assert err.value.field == "private_key"
        with pytest.raises(paywire.InvalidInputError) as err2:
            cls(secret_key="secret")
        assert err2.value.field == "client_key"
        with pytest.raises(paywire.InvalidInputError):
            cls()
    with pytest.raises(paywire.InvalidInputError) as bad_mode:
        paywire.Bootpay(client_key="c", secret_key="s", mode="moon")
    assert bad_mode.value.field == "mode"
    assert paywire.Bootpay(client_key="c", secret_key="s", mode="development").base_url.startswith("https://dev-api")


def test_api_error_fields(api: Blocking) -> None:
    with pytest.raises(paywire.ApiError) as err:
        api.get_receipt("nope")
    e = err.value
    assert isinstance(e, paywire.PaywireError)
    assert (e.http_status, e.code) == (404, "RC_NOT_FOUND")
    assert "receipt" in e.message and "HTTP 404" in str(e)
    assert e.body["error_code"] == "RC_NOT_FOUND" and e.pg_error is None


def test_pg_error_under_100_won(api: Blocking) -> None:
    key = api.issue_billing_key("nicepay", "구독", "sub-pg", "5570000000001234", "12", "900101", "28", "12").billing_key
    with pytest.raises(paywire.ApiError) as err:
        api.subscribe_payment(key, "구독", "order-pg-1", 50, extra={"raw_data": True})
    e = err.value
    assert (e.http_status, e.code) == (500, -15006)
    assert e.pg_error is not None
    assert e.pg_error.code == "3041" and e.pg_error.message and e.pg_error.raw["ResultCode"] == "3041"


def test_auth_error(sandbox: Sandbox) -> None:
    client = paywire.Bootpay(base_url=sandbox.bootpay_url, application_id="wrong", private_key="wrong")
    with pytest.raises(paywire.AuthError) as err:
        client.get_receipt("r1")
    assert err.value.http_status == 401 and err.value.code == "AUTH_INVALID_KEY"
    assert "wrong" not in str(err.value)


def test_invalid_input_from_core(api: Blocking, sandbox: Sandbox) -> None:
    with pytest.raises(paywire.InvalidInputError) as err:
        api.cancel_payment("r1", cancel_price=0)
    assert err.value.field == "cancel_price" and err.value.reason
    assert isinstance(err.value, ValueError)
    with pytest.raises(paywire.InvalidInputError) as err2:
        api.publish_cash_receipt_on_receipt("r1", "010", "영수증")
    assert err2.value.field == "cash_receipt_type"
    assert sandbox.counters()["requests"] == {}


def test_timeout_error(sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    sandbox.fault(path="receipt/*", latency_ms=1500)
    for client in (
        Blocking(sandbox.client(timeout=0.3, max_retries=0)),
        Blocking(sandbox.async_client(timeout=0.3, max_retries=0)),
    ):
        with pytest.raises(paywire.TimeoutError) as err:
            client.get_receipt(rid)
        assert isinstance(err.value, builtins.TimeoutError) and isinstance(err.value, paywire.PaywireError)
        assert err.value.attempts == 1


def test_transport_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = paywire.Bootpay(base_url=f"http://127.0.0.1:{port}/v2", client_key="c", secret_key="s", max_retries=1)
    with pytest.raises(paywire.TransportError) as err:
        client.get_receipt("r1")
    assert err.value.attempts == 2


def test_decode_error(api: Blocking, sandbox: Sandbox) -> None:
    sandbox.fault(path="receipt/*", non_json=True, status=502)
    with pytest.raises(paywire.DecodeError) as err:
        api.get_receipt("r1")
    assert err.value.http_status == 502 and "<" in err.value.body_snippet


def test_outcome_unknown_on_a_money_moving_call(sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=2, price=1000)["receipt_id"]
    sandbox.fault(path="confirm", method="POST", latency_ms=1500, times=1)
    client = sandbox.client(timeout=0.3)
    with pytest.raises(paywire.OutcomeUnknownError) as err:
        client.confirm_payment(rid)
    e = err.value
    assert e.operation == "confirm_payment" and e.timed_out and "get_receipt" in e.hint
    assert sandbox.counters()["requests"]["POST confirm"] == 1, "never retried"

    rid2 = sandbox.create_receipt(status=2, price=1000)["receipt_id"]
    sandbox.fault(path="confirm", method="POST", drop=True, after=True, times=1)
    with pytest.raises(paywire.OutcomeUnknownError) as dropped:
        client.confirm_payment(rid2)
    assert not dropped.value.timed_out
    assert client.get_receipt(rid2).status == 1, "the server did confirm"


def test_verification_error_on_status(api: Blocking, sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=2, price=1000)["receipt_id"]
    with pytest.raises(paywire.VerificationError) as err:
        api.verify_payment(rid, 1000)
    assert err.value.kind == "status_mismatch" and err.value.payment_id == rid


def test_payloads_of_unknown_kinds_still_raise_paywire_errors() -> None:
    internal = from_payload({"kind": "internal", "message": "internal error in paywire: boom"})
    assert type(internal) is paywire.PaywireError and "boom" in str(internal)
    assert type(from_payload({"kind": "config", "message": "bad proxy"})) is paywire.PaywireError


def test_bad_proxy_is_a_paywire_error() -> None:
    with pytest.raises(paywire.PaywireError):
        paywire.Bootpay(client_key="c", secret_key="s", proxy="::not a url::")
