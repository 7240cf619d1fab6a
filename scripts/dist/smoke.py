"""The user's smoke flow against an installed paywire wheel: no repository, no Rust, only `pip install`.

Runs token, look-up, forgery check, confirm (verify -> your step -> confirm), partial cancel and the iamport
forgery check against the sandbox embedded in the wheel (paywire.testing.Sandbox). Exits non-zero on the
first failure; prints one line per step.
"""

import sys
import time

started = time.perf_counter()
import paywire  # noqa: E402
from paywire.testing import Sandbox  # noqa: E402

import_ms = (time.perf_counter() - started) * 1000


def step(name: str, ok: bool) -> None:
    print(f"  {'ok ' if ok else 'FAIL'} {name}")
    if not ok:
        sys.exit(1)


print(f"paywire {paywire.__file__} on Python {sys.version.split()[0]} (import {import_ms:.0f} ms)")
with Sandbox() as sandbox:
    client = sandbox.client()
    step("token", bool(client.get_access_token().access_token))

    paid = sandbox.create_receipt(status=1, price=30000)["receipt_id"]
    step("look-up", client.get_receipt(paid).price == 30000)

    try:
        client.verify_payment(paid, expected_price=29000)
        forged_caught = False
    except paywire.VerificationError:
        forged_caught = True
    step("forgery check (wrong amount refused)", forged_caught)
    step("forgery check (right amount accepted)", client.verify_payment(paid, expected_price=30000).price == 30000)

    pending = sandbox.create_receipt(status=2, price=12000)["receipt_id"]
    done = client.confirm_verified(pending, 12000, lambda receipt: receipt.order_id)
    step("confirm (verify -> step -> confirm)", done.receipt.receipt_id == pending)

    cancelled = client.cancel_payment(paid, cancel_price=1000, cancel_id="refund-1")
    step("partial cancel", cancelled.cancelled_price == 1000)

    iamport = sandbox.iamport_client()
    payment = sandbox.create_iamport_payment("paid", 30000)
    verified = iamport.verify_payment(payment["imp_uid"], expected_amount=30000)
    step("iamport verify", verified.state == "paid")
print("smoke flow passed")
