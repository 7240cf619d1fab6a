"""Run by tests/test_interrupt.py in a child process: one blocking call that the parent interrupts with SIGINT.

argv: a JSON object {provider, base_url, credentials, op, args}. Prints "READY" just before the call, then
one JSON line: when KeyboardInterrupt arrived (time.monotonic, comparable with the parent's on Linux), what
else was raised, and the ``paywire`` log lines that appeared within 15 s after the interruption.
"""

from __future__ import annotations

import json
import logging
import signal
import sys
import time
from typing import Any, Dict, List

import paywire

# A process started with SIGINT ignored (a background job of a non-interactive shell, as some CI runners
# start their steps) inherits that, and Python then installs no KeyboardInterrupt handler. This script is
# about what paywire does when Ctrl-C reaches Python, so it installs Python's own handler either way.
signal.signal(signal.SIGINT, signal.default_int_handler)

spec: Dict[str, Any] = json.loads(sys.argv[1])
lines: List[str] = []


class Collect(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        lines.append(record.getMessage())


logging.getLogger("paywire").addHandler(Collect())
logging.getLogger("paywire").setLevel(logging.INFO)
cls = paywire.Bootpay if spec["provider"] == "bootpay" else paywire.Iamport
client = cls(base_url=spec["base_url"], timeout=30.0, **spec["credentials"])
report: Dict[str, Any] = {"interrupted_at": None, "raised": None}
print("READY", flush=True)
try:
    getattr(client, spec["op"])(**spec["args"])
    report["raised"] = "nothing"
except KeyboardInterrupt:
    report["interrupted_at"] = time.monotonic()
except BaseException as error:
    report["raised"] = type(error).__name__
deadline = time.monotonic() + 15
while time.monotonic() < deadline and not any("after its caller stopped waiting" in line for line in lines):
    time.sleep(0.05)
report["log"] = lines
print(json.dumps(report), flush=True)
