"""paywire's Python binding as one benchmark client: `py_paywire.py <blocking|async> BASE RID N M`.

blocking: `paywire.Bootpay`, N look-ups in a loop, then M on a pool of 32 threads.
async: `paywire.AsyncBootpay`, N awaited one after another, then M with 32 in flight (32 workers).
"""

from __future__ import annotations

import asyncio
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import paywire
from common import APPLICATION_ID, CONCURRENCY, PRIVATE_KEY, parse, report


def blocking(base: str, rid: str, n: int, m: int) -> None:
    client = paywire.Bootpay(application_id=APPLICATION_ID, private_key=PRIVATE_KEY, base_url=base)
    t0 = time.perf_counter()
    client.get_access_token()
    token_s = time.perf_counter() - t0

    def one(_: int = 0) -> int:
        receipt = client.get_receipt(rid)
        assert receipt.receipt_id == rid
        return receipt.price

    t1 = time.perf_counter()
    for _ in range(n):
        one()
    seq_s = time.perf_counter() - t1
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        t2 = time.perf_counter()
        total = sum(pool.map(one, range(m)))
        conc_s = time.perf_counter() - t2
    assert m == 0 or total > 0
    report(token_s, n, seq_s, m, conc_s)


async def run_async(base: str, rid: str, n: int, m: int) -> None:
    client = paywire.AsyncBootpay(application_id=APPLICATION_ID, private_key=PRIVATE_KEY, base_url=base)
    t0 = time.perf_counter()
    await client.get_access_token()
    token_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    for _ in range(n):
        receipt = await client.get_receipt(rid)
        assert receipt.receipt_id == rid
    seq_s = time.perf_counter() - t1
    left = m

    async def worker() -> None:
        nonlocal left
        while left > 0:
            left -= 1
            receipt = await client.get_receipt(rid)
            assert receipt.price > 0

    t2 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(min(CONCURRENCY, max(m, 1)))))
    conc_s = time.perf_counter() - t2
    report(token_s, n, seq_s, m, conc_s)


if __name__ == "__main__":
    base, rid, n, m = parse(sys.argv)
    if sys.argv[1] == "blocking":
        blocking(base, rid, n, m)
    else:
        asyncio.run(run_async(base, rid, n, m))
