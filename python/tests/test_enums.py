"""Open enums for statuses, PGs and webhook types (issue 11 item 3): core's value sets, unknown values
kept, equal to the raw wire values, readable reprs, and used by the models."""

from __future__ import annotations

import json
import pickle
from typing import Any, List, Tuple, Type

import pytest

import paywire
from paywire import _native
from paywire.testing import Sandbox

CORE_LISTS: List[Tuple[Type[Any], Any]] = [
    (paywire.ReceiptStatus, _native.RECEIPT_STATUSES),
    (paywire.Pg, _native.PGS),
    (paywire.WebhookType, _native.WEBHOOK_TYPES),
    (paywire.PaymentStatus, _native.IAMPORT_PAYMENT_STATUSES),
    (paywire.ScheduleStatus, _native.IAMPORT_SCHEDULE_STATUSES),
]


@pytest.mark.parametrize("enum_class, core", CORE_LISTS, ids=[c.__name__ for c, _ in CORE_LISTS])
def test_the_members_are_cores_values(enum_class: Type[Any], core: Any) -> None:
    # The Python classes spell the members out (for type checkers and IDEs); core's list is the truth.
    assert [(m.name, m.value) for m in enum_class] == [tuple(pair) for pair in core]


def test_unknown_values_are_kept_and_compare_equal() -> None:
    odd = paywire.ReceiptStatus(99)
    assert odd == 99 and isinstance(odd, int) and isinstance(odd, paywire.ReceiptStatus)
    assert not odd.known and paywire.ReceiptStatus.PAID.known
    assert repr(odd) == "<ReceiptStatus.UNKNOWN: 99>"
    assert paywire.ReceiptStatus(-1) is paywire.ReceiptStatus.FAILED
    new = paywire.PaymentStatus("partial_cancelled")
    assert new == "partial_cancelled" and not new.known
    assert repr(new) == "<PaymentStatus.UNKNOWN: 'partial_cancelled'>"
    text: Any = "one"
    with pytest.raises(ValueError):
        paywire.ReceiptStatus(text)


def test_values_behave_as_the_raw_values_did() -> None:
    paid = paywire.ReceiptStatus.PAID
    assert paid == 1 and str(paid) == "1" and f"{paid}" == "1" and f"{paid:03d}" == "001"
    assert repr(paid) == "<ReceiptStatus.PAID: 1>"
    assert json.dumps({"s": paid, "p": paywire.Pg.KCP}) == '{"s": 1, "p": "kcp"}'
    iamport_paid: Any = paywire.PaymentStatus.PAID
    assert str(iamport_paid) == "paid" and iamport_paid == "paid"
    by_status: Any = {paid: "x"}
    assert by_status[1] == "x", "hashes as the raw value"
    for value in (paid, paywire.ReceiptStatus(77), paywire.Pg("newpg"), paywire.ScheduleStatus.REVOKED):
        assert pickle.loads(pickle.dumps(value)) == value


def test_any_pg_name_core_accepts_finds_its_member() -> None:
    assert paywire.Pg("나이스페이") is paywire.Pg.NICEPAY
    assert paywire.Pg("toss") is paywire.Pg.TOSSPAYMENTS
    assert paywire.Pg("newpg") == "newpg" and not paywire.Pg("newpg").known


def test_bootpay_models_carry_the_enums(sandbox: Sandbox, client: paywire.Bootpay) -> None:
    rid = sandbox.create_receipt(status=2, price=1000, pg="나이스페이")["receipt_id"]
    receipt = client.get_receipt(rid)
    status: Any = receipt.status
    assert status == 2 and status is paywire.ReceiptStatus.AWAITING_CONFIRM
    assert receipt.pg is paywire.Pg.NICEPAY
    assert "status=<ReceiptStatus.AWAITING_CONFIRM: 2>" in repr(receipt)
    assert paywire.Receipt({"status": 41}).status is paywire.ReceiptStatus.TRANSFER_CONSENTED
    assert paywire.Receipt({"status": 1234}).status == 1234
    garbled: Any = paywire.Receipt({"status": "garbled"}).status
    assert garbled == "garbled", "a hand-built odd value is kept as is"


def test_iamport_models_carry_the_enums(sandbox: Sandbox) -> None:
    payment = sandbox.create_iamport_payment(status="paid", amount=1000)
    found = sandbox.iamport_client().get_payment(payment["imp_uid"])
    status: Any = found.status
    assert status == "paid" and status is paywire.PaymentStatus.PAID
    assert paywire.Schedule({"schedule_status": "executed", "payment_status": "failed"}).payment_status is (
        paywire.PaymentStatus.FAILED
    )
    assert paywire.Schedule({}).schedule_status is paywire.ScheduleStatus.SCHEDULED
