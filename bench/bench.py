"""paywire vs the official Bootpay Python SDK (bootpay-backend), against the in-process sandbox.

The same workload for every client: one access token, then N receipt look-ups one after another, then
M look-ups with 32 in flight (threads for the blocking clients, asyncio.gather + a semaphore of 32 for
AsyncBootpay). Each client starts cold (no token, no connections). This is a benchmark, not a test.

    python bench.py --sequential 2000 --concurrent 5000
"""

from __future__ import annotations

import argparse
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict

import paywire
from paywire.testing import Sandbox

try:
    from bootpay_backend import BootpayBackend
except ImportError:  # the bench still runs paywire alone
    BootpayBackend = None

CONCURRENCY = 32


def timed(label: str, calls: int, run: Callable[[], Any]) -> float:
    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    rate = calls / elapsed
    print(f"  {label:<34} {calls:>6} calls in {elapsed:7.3f} s = {rate:>9.0f} calls/s", flush=True)
    return rate


def bench_blocking(sandbox: Sandbox, rid: str, n: int, m: int) -> Dict[str, float]:
    client = paywire.Bootpay(
        application_id=sandbox.application_id, private_key=sandbox.private_key, base_url=sandbox.bootpay_url
    )

    def one(_: int = 0) -> None:
        assert client.get_receipt(rid).receipt_id == rid

    timed("token", 1, client.get_access_token)
    seq = timed("sequential", n, lambda: [one() for _ in range(n)])
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        conc = timed(f"{CONCURRENCY} threads", m, lambda: list(pool.map(one, range(m))))
    return {"sequential": seq, "concurrent": conc}


def bench_async(sandbox: Sandbox, rid: str, n: int, m: int) -> Dict[str, float]:
    client = paywire.AsyncBootpay(
        application_id=sandbox.application_id, private_key=sandbox.private_key, base_url=sandbox.bootpay_url
    )
    rates: Dict[str, float] = {}

    async def main() -> None:
        started = time.perf_counter()
        await client.get_access_token()
        print(f"  {'token':<34} {1:>6} calls in {time.perf_counter() - started:7.3f} s", flush=True)

        started = time.perf_counter()
        for _ in range(n):
            assert (await client.get_receipt(rid)).receipt_id == rid
        elapsed = time.perf_counter() - started
        rates["sequential"] = n / elapsed
        print(f"  {'sequential (await one by one)':<34} {n:>6} calls in {elapsed:7.3f} s = "
              f"{n / elapsed:>9.0f} calls/s", flush=True)

        gate = asyncio.Semaphore(CONCURRENCY)

        async def one() -> None:
            async with gate:
                assert (await client.get_receipt(rid)).receipt_id == rid

        started = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(m)))
        elapsed = time.perf_counter() - started
        rates["concurrent"] = m / elapsed
        print(f"  {f'gather, semaphore {CONCURRENCY}':<34} {m:>6} calls in {elapsed:7.3f} s = "
              f"{m / elapsed:>9.0f} calls/s", flush=True)

    asyncio.run(main())
    return rates


def bench_official(sandbox: Sandbox, rid: str, n: int, m: int) -> Dict[str, float]:
    assert BootpayBackend is not None
    api = BootpayBackend(application_id=sandbox.application_id, private_key=sandbox.private_key)
    # The SDK builds every URL from BASE_URL[mode] (rest_client.py): point production at the sandbox.
    api.BASE_URL = {"production": sandbox.bootpay_url}

    def one(_: int = 0) -> None:
        answer = api.receipt_payment(rid)
        assert answer.get("receipt_id") == rid, answer

    timed("token (manual get_access_token)", 1, api.get_access_token)
    seq = timed("sequential", n, lambda: [one() for _ in range(n)])
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        conc = timed(f"{CONCURRENCY} threads", m, lambda: list(pool.map(one, range(m))))
    return {"sequential": seq, "concurrent": conc}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sequential", "-n", type=int, default=2000, help="N sequential look-ups per client")
    parser.add_argument("--concurrent", "-m", type=int, default=5000, help="M look-ups, 32 in flight, per client")
    parser.add_argument("--official-scale", type=float, default=0.5,
                        help="fraction of N and M for the (slow) official SDK; rates are per call either way")
    args = parser.parse_args()
    n, m = args.sequential, args.concurrent

    with Sandbox() as sandbox:
        rid = sandbox.create_receipt(status=1, price=30000)["receipt_id"]
        print(f"sandbox {sandbox.url}; receipt {rid}; N={n}, M={m}", flush=True)
        print("paywire.Bootpay (blocking)")
        blocking = bench_blocking(sandbox, rid, n, m)
        print("paywire.AsyncBootpay (asyncio)")
        asynchronous = bench_async(sandbox, rid, n, m)
        official = None
        if BootpayBackend is not None:
            on, om = max(1, int(n * args.official_scale)), max(1, int(m * args.official_scale))
            print(f"bootpay-backend (official SDK, requests; N={on}, M={om})")
            official = bench_official(sandbox, rid, on, om)
        print(f"token requests seen by the sandbox: {sandbox.counters()['token_requests']} (one per client)")

    print("\nsummary (calls/s)")
    print(f"  {'client':<28} {'sequential':>12} {f'{CONCURRENCY} in flight':>14}")
    rows = [("paywire.Bootpay", blocking), ("paywire.AsyncBootpay", asynchronous)]
    if official:
        rows.append(("bootpay-backend (official)", official))
    for name, rates in rows:
        print(f"  {name:<28} {rates['sequential']:>12.0f} {rates['concurrent']:>14.0f}")
    if official:
        print("\nratios vs the official SDK")
        async_ratio = asynchronous["concurrent"] / official["concurrent"]
        seq_ratio = blocking["sequential"] / official["sequential"]
        print(f"  AsyncBootpay, {CONCURRENCY} in flight:  {async_ratio:6.1f}x  (target >= 20x)")
        print(f"  Bootpay, {CONCURRENCY} threads:         {blocking['concurrent'] / official['concurrent']:6.1f}x")
        print(f"  Bootpay, sequential:          {seq_ratio:6.1f}x  (target >= 5x)")
        print(f"  AsyncBootpay, sequential:     {asynchronous['sequential'] / official['sequential']:6.1f}x")


if __name__ == "__main__":
    main()
