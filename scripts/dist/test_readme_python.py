"""Runs every ```python block of README.md and bindings/README.md against the sandbox embedded in the
installed wheel (make check-dist runs it with pytest in the no-Rust venv).

The README's placeholders are replaced before the block runs: the "your-..." credentials by the sandbox's
(readme_blocks.PLACEHOLDERS), the example ids below by fresh sandbox payments in the state the prose says, and
each client constructor gets the sandbox's base_url. Then the sandbox's state shows the block really did its
work (the cancel, the confirm).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import readme_blocks  # noqa: E402

from paywire.testing import Sandbox  # noqa: E402

PAID_RECEIPT = "6100e8e7019943003850f9b0"  # a paid Bootpay receipt of 30000
PENDING_RECEIPT = "6100e8e7019943003850f9b1"  # a Bootpay receipt of 30000 awaiting confirmation
PAID_IMP_UID = "imp_123456789012"  # a paid iamport payment of 30000

BLOCKS = readme_blocks.blocks("python")


def test_there_are_python_blocks() -> None:
    assert BLOCKS, "README.md has no ```python block any more: update this test"


@pytest.mark.parametrize("block", BLOCKS, ids=[f"{b.doc}-{b.index}-line{b.line}" for b in BLOCKS])
def test_block_runs_against_the_sandbox(block: readme_blocks.Block) -> None:
    with Sandbox() as sandbox:
        ids = {
            PAID_RECEIPT: sandbox.create_receipt(status=1, price=30000)["receipt_id"],
            PENDING_RECEIPT: sandbox.create_receipt(status=2, price=30000)["receipt_id"],
            PAID_IMP_UID: sandbox.create_iamport_payment("paid", 30000)["imp_uid"],
        }
        code = block.code
        for placeholder, value in {**readme_blocks.PLACEHOLDERS, **ids}.items():
            code = code.replace(placeholder, value)
        for name, url in (("Bootpay", sandbox.bootpay_url), ("Iamport", sandbox.iamport_url)):
            for prefix in ("paywire.", "paywire.Async"):
                cls = prefix + name
                code = code.replace(f"{cls}(", f"{cls}(base_url={url!r}, ")
        exec(compile(code, f"{readme_blocks.DOCS[block.doc].name}:{block.line}", "exec"), {"__name__": "readme"})

        client = sandbox.client()
        if PAID_RECEIPT in block.code:
            assert client.get_receipt(ids[PAID_RECEIPT]).cancelled_price == 1000
        if PENDING_RECEIPT in block.code:
            assert client.get_receipt(ids[PENDING_RECEIPT]).status == 1
        if PAID_IMP_UID in block.code:
            assert sandbox.iamport_client().get_payment(ids[PAID_IMP_UID]).cancel_amount == 1000
