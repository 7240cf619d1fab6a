"""``with_options(timeout=, max_retries=, retry=RetryPolicy(...))`` (issue 11 item 3): a handle sharing the
pool and the token, with its own timeout and retry policy; calls that move money stay never repeated."""

from __future__ import annotations

import asyncio
from typing import Any, Dict

import pytest

import paywire
from paywire.testing import Sandbox

FAST = paywire.RetryPolicy(max_retries=3, base_delay=0.01, max_delay=0.02)
LOST_ANSWER: Dict[str, Any] = {"after": True, "drop": True, "times": 1}


def test_a_handle_keeps_its_class_and_shares_the_token(sandbox: Sandbox) -> None:
    client = sandbox.client(credentials="token")
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    handle = client.with_options(timeout=10, retry=FAST)
    assert type(handle) is paywire.Bootpay and handle.base_url == client.base_url
    client.get_receipt(rid)
    handle.get_receipt(rid)
    handle.with_options(max_retries=0).get_receipt(rid)
    assert sandbox.counters()["token_requests"] == 1, "one token for every handle"


def test_the_retry_policy_is_the_handles(sandbox: Sandbox) -> None:
    client = sandbox.client(max_retries=0)
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    sandbox.fault(path="receipt/*", status=503, times=3)
    with pytest.raises(paywire.ApiError) as refused:
        client.get_receipt(rid)
    assert refused.value.http_status == 503
    # Two 503s are left: the patient handle retries through them; the original still does not retry.
    assert client.with_options(retry=FAST).get_receipt(rid).receipt_id == rid
    assert sandbox.counters()["requests"]["GET receipt/{receipt_id}"] == 4
    sandbox.fault(path="receipt/*", status=503, times=1)
    with pytest.raises(paywire.ApiError):
        client.get_receipt(rid)


def test_the_timeout_is_the_handles(sandbox: Sandbox) -> None:
    client = sandbox.client(max_retries=0)
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    sandbox.fault(path="receipt/*", latency_ms=1500, times=1)
    with pytest.raises(paywire.TimeoutError):
        client.with_options(timeout=0.2).get_receipt(rid)
    sandbox.fault(path="receipt/*", latency_ms=300, times=1)
    assert client.get_receipt(rid).receipt_id == rid, "the original keeps its 30 s"


def test_a_confirm_is_sent_once_whatever_the_policy(sandbox: Sandbox) -> None:
    client = sandbox.client().with_options(max_retries=10)
    rid = sandbox.create_receipt(status=2, price=10_000)["receipt_id"]
    sandbox.fault(path="confirm", **LOST_ANSWER)
    with pytest.raises(paywire.OutcomeUnknownError):
        client.with_options(retry=paywire.RetryPolicy(max_retries=10, base_delay=0.01)).confirm_payment(rid)
    assert sandbox.counters()["requests"].get("POST confirm") == 1


def test_a_charge_with_a_billing_key_is_sent_once_whatever_the_policy(sandbox: Sandbox) -> None:
    iamport = sandbox.iamport_client().with_options(max_retries=10)
    iamport.issue_billing_key("cust-opt", card_number="5570-1234-5678-1234", expiry="2030-12")
    sandbox.fault(provider="iamport", path="subscribe/payments/again", **LOST_ANSWER)
    with pytest.raises(paywire.OutcomeUnknownError):
        iamport.pay_again(customer_uid="cust-opt", merchant_uid="again-opt", amount=5000, name="n")
    assert sandbox.counters()["requests"].get("iamport:POST subscribe/payments/again") == 1
    assert [p.amount for p in iamport.find_all_payments("again-opt")] == [5000]


@pytest.mark.parametrize(
    "options, field",
    [
        ({"timeout": 0}, "timeout"),
        ({"timeout": -1}, "timeout"),
        ({"timeout": float("nan")}, "timeout"),
        ({"timeout": 1e300}, "timeout"),
        ({"timeout": "5"}, "timeout"),
        ({"max_retries": 11}, "max_retries"),
        ({"max_retries": -1}, "max_retries"),
        ({"max_retries": 1.5}, "max_retries"),
        ({"retry": "often"}, "retry"),
        ({"retry": paywire.RetryPolicy(max_retries=11)}, "retry.max_retries"),
        ({"retry": paywire.RetryPolicy(base_delay=-1)}, "retry.base_delay"),
        ({"retry": paywire.RetryPolicy(max_delay=7200)}, "retry.max_delay"),
        ({"retry": paywire.RetryPolicy(max_retry_after=float("inf"))}, "retry.max_retry_after"),
        ({"retry": FAST, "max_retries": 1}, "max_retries"),
    ],
)
def test_bad_options_name_the_option(sandbox: Sandbox, options: Dict[str, Any], field: str) -> None:
    for client in (sandbox.client(), sandbox.iamport_client(), sandbox.async_client(), sandbox.async_iamport_client()):
        with pytest.raises(paywire.InvalidInputError) as refused:
            client.with_options(**options)
        assert refused.value.field == field, (options, str(refused.value))
    assert sandbox.counters()["requests"] == {}, "nothing was sent"


def test_the_policy_defaults_are_cores() -> None:
    policy = paywire.RetryPolicy()
    assert (policy.max_retries, policy.base_delay, policy.max_delay, policy.max_retry_after) == (2, 0.1, 2.0, 30.0)


def test_the_asyncio_clients_take_options(sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    imp_uid = sandbox.create_iamport_payment("paid", 1000)["imp_uid"]

    async def run() -> None:
        bootpay = sandbox.async_client(max_retries=0).with_options(retry=FAST, timeout=5)
        iamport = sandbox.async_iamport_client(max_retries=0).with_options(retry=FAST, timeout=5)
        assert type(bootpay) is paywire.AsyncBootpay and type(iamport) is paywire.AsyncIamport
        sandbox.fault(path="receipt/*", status=503, times=2)
        sandbox.fault(provider="iamport", path="payments/*", status=503, times=2)
        assert (await bootpay.get_receipt(rid)).receipt_id == rid
        assert (await iamport.get_payment(imp_uid)).imp_uid == imp_uid
        sandbox.fault(path="confirm", **LOST_ANSWER)
        rid2 = sandbox.create_receipt(status=2, price=1000)["receipt_id"]
        with pytest.raises(paywire.OutcomeUnknownError):
            await bootpay.with_options(max_retries=10).confirm_payment(rid2)

    asyncio.run(run())
    assert sandbox.counters()["requests"].get("POST confirm") == 1


def test_an_unknown_option_is_an_invalid_input(sandbox: Sandbox) -> None:
    options: Dict[str, Any] = {"price": 1}
    with pytest.raises(paywire.InvalidInputError) as refused:
        sandbox.client().with_options(**options)
    assert refused.value.field == "arguments" and "price" in str(refused.value)


def test_a_client_is_built_with_a_whole_retry_policy(sandbox: Sandbox) -> None:
    client = sandbox.client(retry=FAST)
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    sandbox.fault(path="receipt/*", status=503, times=3)
    assert client.get_receipt(rid).receipt_id == rid, "three retries ride out three 503s"
    assert sandbox.counters()["requests"]["GET receipt/{receipt_id}"] == 4
    stubborn = sandbox.iamport_client(retry=paywire.RetryPolicy(max_retries=0))
    sandbox.fault(provider="iamport", path="payments/*", status=503, times=1)
    with pytest.raises(paywire.ApiError) as refused:
        stubborn.get_payment("imp_missing")
    assert refused.value.http_status == 503


@pytest.mark.parametrize("build", ["client", "iamport_client", "async_client", "async_iamport_client"])
def test_retry_and_max_retries_together_are_refused_when_built(sandbox: Sandbox, build: str) -> None:
    with pytest.raises(paywire.InvalidInputError) as refused:
        getattr(sandbox, build)(retry=FAST, max_retries=1)
    assert refused.value.field == "max_retries"
    with pytest.raises(paywire.InvalidInputError) as bad:
        getattr(sandbox, build)(retry=paywire.RetryPolicy(max_retries=11))
    assert bad.value.field == "retry.max_retries"
    assert sandbox.counters()["requests"] == {}, "nothing was sent"
