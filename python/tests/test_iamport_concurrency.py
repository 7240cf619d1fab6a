"""iamport tokens under concurrency, the GIL, cancellation of async calls and fork safety: the machinery the
Bootpay clients use, exercised through Iamport / AsyncIamport."""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import paywire
from paywire.testing import Sandbox


def test_single_flight_token_500_asyncio_calls_on_a_cold_client(sandbox: Sandbox) -> None:
    imp_uid = sandbox.create_iamport_payment("paid", 1000)["imp_uid"]
    client = sandbox.async_iamport_client()
    assert sandbox.counters()["iamport_token_requests"] == 0

    async def main() -> list[paywire.Payment]:
        return await asyncio.gather(*(client.get_payment(imp_uid) for _ in range(500)))

    payments = asyncio.run(main())
    assert len(payments) == 500 and all(p.imp_uid == imp_uid for p in payments)
    counters = sandbox.counters()
    assert counters["iamport_token_requests"] == 1
    assert counters["requests"]["iamport:GET payments/{imp_uid}"] == 500
    assert counters["token_requests"] == 0, "the Bootpay side is untouched"


def test_single_flight_token_32_threads(sandbox: Sandbox) -> None:
    imp_uid = sandbox.create_iamport_payment("paid", 1000)["imp_uid"]
    client = sandbox.iamport_client()
    barrier = threading.Barrier(32)

    def call(_: int) -> str:
        barrier.wait()
        return client.get_payment(imp_uid).imp_uid

    with ThreadPoolExecutor(32) as pool:
        assert set(pool.map(call, range(32))) == {imp_uid}
    assert sandbox.counters()["iamport_token_requests"] == 1


def test_token_refresh_after_a_401(sandbox: Sandbox) -> None:
    imp_uid = sandbox.create_iamport_payment("paid", 1000)["imp_uid"]
    client = sandbox.iamport_client()
    client.get_payment(imp_uid)
    sandbox.expire_tokens()
    assert client.get_payment(imp_uid).imp_uid == imp_uid, "a 401 refreshes the token and retries once"
    assert sandbox.counters()["iamport_token_requests"] == 2


def test_token_is_refreshed_ahead_of_expiry() -> None:
    with Sandbox(token_ttl_secs=3) as short:
        imp_uid = short.create_iamport_payment("paid", 1000)["imp_uid"]
        client = short.iamport_client()
        client.get_payment(imp_uid)
        time.sleep(2.7)
        client.get_payment(imp_uid)
        assert short.counters()["iamport_token_requests"] == 2, "refreshed inside the last sixth, before expiry"


def test_blocking_calls_release_the_gil(sandbox: Sandbox) -> None:
    imp_uid = sandbox.create_iamport_payment("paid", 1000)["imp_uid"]
    client = sandbox.iamport_client()
    client.get_access_token()
    sandbox.fault(provider="iamport", method="GET", path="payments/*", latency_ms=500)
    ticks = 0
    done = threading.Event()

    def spin() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    spinner = threading.Thread(target=spin)
    spinner.start()
    started = time.monotonic()
    try:
        client.get_payment(imp_uid)
    finally:
        done.set()
        spinner.join()
    assert time.monotonic() - started >= 0.45
    assert ticks > 100, f"the other thread barely ran ({ticks} ticks) during a 500 ms call"


def test_cancelling_an_async_pay_again_does_not_abort_it(sandbox: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    client = sandbox.async_iamport_client()
    asyncio.run(client.issue_billing_key("cust-late", "5570-1234-5678-1234", "2028-12"))
    sandbox.fault(provider="iamport", method="POST", path="subscribe/payments/again", latency_ms=400)

    async def main() -> None:
        task = asyncio.ensure_future(client.pay_again("cust-late", "order-late-1", 9900, "정기"))
        await asyncio.sleep(0.1)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await asyncio.sleep(0.8)

    with caplog.at_level(logging.WARNING, logger="paywire"):
        asyncio.run(main())
    sandbox.clear_faults()
    assert sandbox.iamport_client().find_payment("order-late-1").status == "paid", "the charge ran to its end"
    late = [r for r in caplog.records if r.name == "paywire" and "pay_again" in r.getMessage()]
    assert late, caplog.text
    message = late[0].getMessage()
    assert late[0].levelno == logging.WARNING and "merchant_uid" in message and "order-late-1" in message


def test_async_fallback_without_a_wakeup_pipe(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    from paywire import _client

    monkeypatch.setattr(_client, "_completions", lambda loop: None)
    imp_uid = sandbox.create_iamport_payment("paid", 1000)["imp_uid"]
    client = sandbox.async_iamport_client()

    async def main() -> list[paywire.Payment]:
        return await asyncio.gather(*(client.get_payment(imp_uid) for _ in range(50)))

    assert {p.imp_uid for p in asyncio.run(main())} == {imp_uid}
    with pytest.raises(paywire.ApiError):
        asyncio.run(client.get_payment("imp_000000000000"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_iamport_clients_keep_working_after_fork(sandbox: Sandbox) -> None:
    imp_uid = sandbox.create_iamport_payment("paid", 1000)["imp_uid"]
    client = sandbox.iamport_client()
    aclient = sandbox.async_iamport_client()
    assert client.get_payment(imp_uid).imp_uid == imp_uid  # runtime, pool and token now exist in the parent
    assert asyncio.run(aclient.get_payment(imp_uid)).imp_uid == imp_uid
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report through the pipe, never return into pytest
        code = 1
        try:
            ok = client.get_payment(imp_uid).imp_uid == imp_uid
            ok = ok and asyncio.run(aclient.get_payment(imp_uid)).imp_uid == imp_uid
            os.write(write_end, b"ok" if ok else b"mismatch")
            code = 0
        except BaseException as error:  # anything must reach the parent
            os.write(write_end, repr(error).encode()[:500])
        finally:
            os._exit(code)
    os.close(write_end)
    deadline = time.monotonic() + 20
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, 9)
            pytest.fail("the forked child hung")
        time.sleep(0.05)
    message = os.read(read_end, 1000).decode()
    os.close(read_end)
    assert message == "ok" and os.waitstatus_to_exitcode(status) == 0
    assert client.get_payment(imp_uid).imp_uid == imp_uid, "the parent is unaffected"
