"""Ctrl-C interrupts a blocking call at once (issue 8 items 6 and 7).

A child process makes one blocking call against the sandbox, whose answer a latency fault holds back for
3 s; the parent sends SIGINT 0.5 s into the call. ``KeyboardInterrupt`` must arrive well before the answer
(the wait checks signals every 50 ms; the bound asserted is a generous 0.5 s). A money-moving call keeps
running: its outcome is logged on the ``paywire`` logger and the provider's state changes exactly once.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict

import pytest

from paywire.testing import Sandbox

SCRIPT = Path(__file__).parent / "scripts" / "interrupted_call.py"
LATENCY_MS = 3000


def _interrupt(spec: Dict[str, Any]) -> Dict[str, Any]:
    """Runs the call in a child, interrupts it 0.5 s in; the child's report plus the signal's delay."""
    with tempfile.TemporaryDirectory() as cwd:  # off the source tree: the child imports the installed wheel
        child = subprocess.Popen(
            [sys.executable, str(SCRIPT), json.dumps(spec)],
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "READY"
        time.sleep(0.5)
        signalled = time.monotonic()
        os.kill(child.pid, signal.SIGINT)
        out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    report: Dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    assert report["raised"] is None, f"the call raised {report['raised']} instead of KeyboardInterrupt"
    report["delay"] = report["interrupted_at"] - signalled
    print(f"{spec['op']}: KeyboardInterrupt {report['delay']:.3f} s after SIGINT; log: {report['log']}")
    return report


def test_ctrl_c_interrupts_a_slow_lookup(sandbox: Sandbox) -> None:
    receipt = sandbox.create_receipt(status=1, price=1000)
    sandbox.fault(path="receipt/*", latency_ms=LATENCY_MS)
    credentials = {"application_id": sandbox.application_id, "private_key": sandbox.private_key}
    spec = {
        "provider": "bootpay",
        "base_url": sandbox.bootpay_url,
        "credentials": credentials,
        "op": "get_receipt",
        "args": {"receipt_id": receipt["receipt_id"]},
    }
    report = _interrupt(spec)
    assert report["delay"] < 0.5, f"KeyboardInterrupt came {report['delay']:.3f} s after SIGINT"


def test_an_interrupted_bootpay_cancel_finishes_in_the_background_and_is_logged(sandbox: Sandbox) -> None:
    receipt = sandbox.create_receipt(status=1, price=10_000)
    sandbox.fault(path="cancel", latency_ms=LATENCY_MS)
    spec = {
        "provider": "bootpay",
        "base_url": sandbox.bootpay_url,
        "credentials": {"client_key": sandbox.client_key, "secret_key": sandbox.secret_key},
        "op": "cancel_payment",
        "args": {"receipt_id": receipt["receipt_id"], "cancel_price": 4000, "cancel_id": "ctrl-c-1"},
    }
    report = _interrupt(spec)
    assert report["delay"] < 0.5, f"KeyboardInterrupt came {report['delay']:.3f} s after SIGINT"
    logged = [line for line in report["log"] if "after its caller stopped waiting" in line]
    assert len(logged) == 1, report["log"]
    assert "cancel_payment completed" in logged[0]
    sandbox.clear_faults()
    after = sandbox.client().get_receipt(receipt["receipt_id"])
    assert after.cancelled_price == 4000
    assert sandbox.counters()["requests"].get("POST cancel") == 1


@pytest.mark.parametrize("op", ["pay_again", "cancel_payment"])
def test_an_interrupted_iamport_money_call_finishes_and_is_logged(sandbox: Sandbox, op: str) -> None:
    iamport = sandbox.iamport_client()
    if op == "pay_again":
        iamport.issue_billing_key("cust-ctrl-c", card_number="5570-1234-5678-1234", expiry="2030-12")
        args: Dict[str, Any] = {"customer_uid": "cust-ctrl-c", "merchant_uid": "m-ctrl-c", "amount": 5000, "name": "n"}
        path = "subscribe/payments/again"
    else:
        payment = sandbox.create_iamport_payment("paid", 10_000)
        args = {"imp_uid": payment["imp_uid"], "amount": 3000}
        path = "payments/cancel"
    sandbox.fault(provider="iamport", path=path, latency_ms=LATENCY_MS)
    spec = {
        "provider": "iamport",
        "base_url": sandbox.iamport_url,
        "credentials": {"imp_key": sandbox.imp_key, "imp_secret": sandbox.imp_secret},
        "op": op,
        "args": args,
    }
    report = _interrupt(spec)
    assert report["delay"] < 0.5, f"KeyboardInterrupt came {report['delay']:.3f} s after SIGINT"
    logged = [line for line in report["log"] if "after its caller stopped waiting" in line]
    assert len(logged) == 1 and f"{op} completed" in logged[0], report["log"]
    sandbox.clear_faults()
    assert sandbox.counters()["requests"].get(f"iamport:POST {path}") == 1
    if op == "pay_again":
        assert iamport.find_payment("m-ctrl-c").amount == 5000
    else:
        assert iamport.get_payment(args["imp_uid"]).cancel_amount == 3000
