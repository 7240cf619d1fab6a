"""The official Python SDK (bootpay-backend 2.9.0) as one benchmark client: `py_official.py BASE RID N M`.

Pointed at the bench server through its mode table (it has no base-URL option). Used as documented:
one BootpayBackend, get_access_token, then receipt_payment; 32 threads share it for the concurrent part.
"""

from __future__ import annotations

import sys
import time
from concurrent.futures import ThreadPoolExecutor

from bootpay_backend import BootpayBackend
from common import APPLICATION_ID, CONCURRENCY, PRIVATE_KEY, parse, report

base, rid, n, m = parse(sys.argv)
BootpayBackend.BASE_URL = dict(BootpayBackend.BASE_URL, bench=base)
client = BootpayBackend(APPLICATION_ID, PRIVATE_KEY, mode="bench")
t0 = time.perf_counter()
token = client.get_access_token()
assert token.get("access_token"), token
token_s = time.perf_counter() - t0


def one(_: int = 0) -> int:
    receipt = client.receipt_payment(rid)
    assert receipt["receipt_id"] == rid, receipt
    return int(receipt["price"])


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
