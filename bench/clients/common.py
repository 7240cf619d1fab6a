"""Shared by the Python client processes of the benchmark: arguments, peak RSS, the result line."""

from __future__ import annotations

import json
import resource
import sys
from typing import List

APPLICATION_ID = "bench-application-id"
PRIVATE_KEY = "bench-private-key-0000000000000000000000000="
CONCURRENCY = 32


def parse(argv: List[str]) -> tuple:
    """`<base_url> <receipt_id> <N> <M>` (after any client-specific leading arguments)."""
    base_url, receipt_id, n, m = argv[-4:]
    return base_url.rstrip("/"), receipt_id, int(n), int(m)


def report(token_s: float, n: int, seq_s: float, m: int, conc_s: float) -> None:
    """Prints the one JSON line bench.py reads (peak RSS from getrusage: KiB on Linux)."""
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"token_s": token_s, "seq_calls": n, "seq_s": seq_s, "conc_calls": m, "conc_s": conc_s, "rss_kb": rss_kb}))
    sys.stdout.flush()
