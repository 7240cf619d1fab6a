"""Tokens under concurrency, the GIL, cancellation of async calls, and fork safety."""

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


def test_single_flight_token_1000_asyncio_calls(sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    client = sandbox.async_client()

    async def main() -> list[paywire.Receipt]:
        return await asyncio.gather(*(client.get_receipt(rid) for _ in range(1000)))

    receipts = asyncio.run(main())
    assert len(receipts) == 1000 and all(r.receipt_id == rid for r in receipts)
    counters = sandbox.counters()
    assert counters["token_requests"] == 1
    assert counters["requests"]["GET receipt/{receipt_id}"] == 1000


def test_single_flight_token_32_threads(sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    client = sandbox.client()
    barrier = threading.Barrier(32)

    def call(_: int) -> str:
        barrier.wait()
        return client.get_receipt(rid).receipt_id

    with ThreadPoolExecutor(32) as pool:
        assert set(pool.map(call, range(32))) == {rid}
    assert sandbox.counters()["token_requests"] == 1


def test_token_refresh_after_expiry_and_401(sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    client = sandbox.client()
    client.get_receipt(rid)
    sandbox.expire_tokens()
    assert client.get_receipt(rid).receipt_id == rid, "a 401 refreshes the token and retries once"
    assert sandbox.counters()["token_requests"] == 2
    sandbox.advance_clock(3600)
    client.get_receipt(rid)
    assert sandbox.counters()["token_requests"] == 3


def test_blocking_calls_release_the_gil(sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    client = sandbox.client()
    client.get_access_token()
    sandbox.fault(path="receipt/*", latency_ms=500)
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
        client.get_receipt(rid)
    finally:
        done.set()
        spinner.join()
    assert time.monotonic() - started >= 0.45
    assert ticks > 100, f"the other thread barely ran ({ticks} ticks) during a 500 ms call"


def test_cancelling_an_async_confirm_does_not_abort_it(sandbox: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    rid = sandbox.create_receipt(status=2, price=1000)["receipt_id"]
    client = sandbox.async_client()
    sandbox.fault(path="confirm", method="POST", latency_ms=400)

    async def main() -> None:
        task = asyncio.ensure_future(client.confirm_payment(rid))
        await asyncio.sleep(0.1)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await asyncio.sleep(0.8)

    with caplog.at_level(logging.WARNING, logger="paywire"):
        asyncio.run(main())
    sandbox.clear_faults()
    assert (
        paywire.Bootpay(base_url=sandbox.bootpay_url, client_key=sandbox.client_key, secret_key=sandbox.secret_key)
        .get_receipt(rid)
        .status
        == 1
    )
    late = [r for r in caplog.records if r.name == "paywire" and "confirm_payment" in r.getMessage()]
    assert late, caplog.text
    assert late[0].levelno == logging.WARNING and "receipt_id" in late[0].getMessage()


def test_async_client_works_across_event_loops(sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    client = sandbox.async_client()
    for _ in range(3):
        assert asyncio.run(client.get_receipt(rid)).receipt_id == rid


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_clients_keep_working_after_fork(sandbox: Sandbox) -> None:
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    client = sandbox.client()
    aclient = sandbox.async_client()
    assert client.get_receipt(rid).receipt_id == rid  # runtime, pool and token now exist in the parent
    assert asyncio.run(aclient.get_receipt(rid)).receipt_id == rid
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report through the pipe, never return into pytest
        code = 1
        try:
            ok = client.get_receipt(rid).receipt_id == rid
            ok = ok and asyncio.run(aclient.get_receipt(rid)).receipt_id == rid
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
    assert client.get_receipt(rid).receipt_id == rid, "the parent is unaffected"


def test_async_fallback_without_a_wakeup_pipe(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    """Loops that cannot watch a pipe (Windows) get their answers through call_soon_threadsafe."""
    from paywire import _client

    monkeypatch.setattr(_client, "_completions", lambda loop: None)
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    client = sandbox.async_client()

    async def main() -> list[paywire.Receipt]:
        return await asyncio.gather(*(client.get_receipt(rid) for _ in range(50)))

    assert {r.receipt_id for r in asyncio.run(main())} == {rid}
    with pytest.raises(paywire.ApiError):
        asyncio.run(client.get_receipt("nope"))
