"""The money-safety fault matrix, Python subset (issue 8 item 9), against the embedded sandbox.

Operations: Bootpay cancel, confirm and subscribe payment; iamport cancel and pay_again. Faults: the
answer dropped after the server applied the call, an HTML 502 after it applied the call, and a 307
redirect (the call is not processed). Each cell asserts the error class, then does what the error says —
repeat the cancel with ``cancel_id=e.idempotency_key`` / ``checksum=float(e.idempotency_key)``, or look the
payment up — and asserts that the provider's state changed exactly once.
"""

from __future__ import annotations

from typing import Any, Callable, Dict

import pytest

import paywire
from paywire.testing import Sandbox

FAULTS: Dict[str, Dict[str, Any]] = {
    "dropped after processing": {"after": True, "drop": True},
    "HTML 502 after processing": {"after": True, "non_json": True, "status": 502},
    "307 redirect": {"status": 307, "headers": {"location": "http://127.0.0.1:1/x"}},
}
PROCESSED = {"dropped after processing", "HTML 502 after processing"}


def _expect(fault: str, call: Callable[[], Any]) -> paywire.PaywireError:
    """Runs the faulted call and checks the error class the fault must give."""
    with pytest.raises(paywire.PaywireError) as caught:
        call()
    error = caught.value
    if fault in PROCESSED:
        assert isinstance(error, paywire.OutcomeUnknownError), f"{fault}: {type(error).__name__}: {error}"
        assert error.hint
    else:
        assert isinstance(error, paywire.RedirectError), f"{fault}: {type(error).__name__}: {error}"
        assert error.http_status == 307
        assert error.location.startswith("http://127.0.0.1:1/x")
    return error


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_bootpay_cancel(sandbox: Sandbox, fault: str) -> None:
    # Without retries: a cancel is repeated safely by core itself (same cancel_id), so the caller sees
    # OutcomeUnknownError only once the retries are spent.
    client = sandbox.client(max_retries=0)
    rid = sandbox.create_receipt(status=1, price=10_000)["receipt_id"]
    sandbox.fault(path="cancel", times=1, **FAULTS[fault])
    error = _expect(fault, lambda: client.cancel_payment(rid, cancel_price=1000))
    if isinstance(error, paywire.OutcomeUnknownError):
        assert error.idempotency_key, "a Bootpay cancel names the cancel_id it used"
        # What the error says: repeat with the same cancel_id. Twice, to be sure it is a replay.
        for _ in range(2):
            again = client.cancel_payment(rid, cancel_price=1000, cancel_id=error.idempotency_key)
            assert again.cancelled_price == 1000
    else:
        # Not processed: the look-up shows nothing cancelled, and the call can be made again.
        assert client.get_receipt(rid).cancelled_price == 0
        client.cancel_payment(rid, cancel_price=1000, cancel_id="after-redirect")
    assert client.get_receipt(rid).cancelled_price == 1000


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_bootpay_confirm(sandbox: Sandbox, fault: str) -> None:
    client = sandbox.client(max_retries=2)
    rid = sandbox.create_receipt(status=2, price=10_000)["receipt_id"]
    sandbox.fault(path="confirm", times=1, **FAULTS[fault])
    _expect(fault, lambda: client.confirm_payment(rid))
    # What the error says: look the receipt up before anything else.
    looked_up = client.get_receipt(rid)
    if fault in PROCESSED:
        assert looked_up.status == 1
    else:
        assert looked_up.status == 2
        assert client.confirm_payment(rid).status == 1
    assert sandbox.counters()["requests"].get("POST confirm") == (1 if fault in PROCESSED else 2)
    assert client.get_receipt(rid).status == 1


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_bootpay_subscribe_payment(sandbox: Sandbox, fault: str) -> None:
    client = sandbox.client(max_retries=2)
    key = client.issue_billing_key(
        pg="nicepay",
        order_name="구독",
        subscription_id=f"sub-{fault}",
        card_no="5570000000001234",
        card_pw="12",
        card_identity_no="900101",
        card_expire_year="30",
        card_expire_month="12",
    ).billing_key
    order_id = f"order-{len(fault)}"
    sandbox.fault(path="subscribe/payment", times=1, **FAULTS[fault])
    _expect(fault, lambda: client.subscribe_payment(key, "구독", order_id, 9900))
    # What the error says: look the order up; charge again only if nothing is there.
    found = client.get_receipts_by_order_id(order_id)
    if fault in PROCESSED:
        assert [r.price for r in found] == [9900]
    else:
        assert found == []
        client.subscribe_payment(key, "구독", order_id, 9900)
    assert [r.price for r in client.get_receipts_by_order_id(order_id)] == [9900]


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_iamport_cancel(sandbox: Sandbox, fault: str) -> None:
    iamport = sandbox.iamport_client(max_retries=0)
    imp_uid = sandbox.create_iamport_payment("paid", 10_000)["imp_uid"]
    sandbox.fault(provider="iamport", path="payments/cancel", times=1, **FAULTS[fault])
    error = _expect(fault, lambda: iamport.cancel_payment(imp_uid=imp_uid, amount=1000))
    if isinstance(error, paywire.OutcomeUnknownError):
        assert error.idempotency_key is not None, "an iamport cancel names the checksum it used"
        checksum = float(error.idempotency_key)
        assert checksum == 10_000
        # What the error says: repeat with the same checksum. Twice, to be sure it never refunds again.
        for _ in range(2):
            again = iamport.cancel_payment(imp_uid=imp_uid, amount=1000, checksum=checksum)
            assert again.cancel_amount == 1000
    else:
        assert iamport.get_payment(imp_uid).cancel_amount == 0
        iamport.cancel_payment(imp_uid=imp_uid, amount=1000)
    payment = iamport.get_payment(imp_uid)
    assert payment.cancel_amount == 1000
    assert len(payment.cancel_history) == 1


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_iamport_pay_again(sandbox: Sandbox, fault: str) -> None:
    iamport = sandbox.iamport_client(max_retries=2)
    customer_uid = f"cust-{len(fault)}"
    iamport.issue_billing_key(customer_uid, card_number="5570-1234-5678-1234", expiry="2030-12")
    merchant_uid = f"again-{len(fault)}"
    sandbox.fault(provider="iamport", path="subscribe/payments/again", times=1, **FAULTS[fault])
    charge = {"customer_uid": customer_uid, "merchant_uid": merchant_uid, "amount": 5000, "name": "n"}
    _expect(fault, lambda: iamport.pay_again(**charge))
    # What the error says: find the payment by merchant_uid; charge again only if there is none.
    if fault in PROCESSED:
        assert iamport.find_payment(merchant_uid).amount == 5000
    else:
        with pytest.raises(paywire.ApiError):
            iamport.find_payment(merchant_uid)
        iamport.pay_again(**charge)
    payments = iamport.find_all_payments(merchant_uid)
    assert [p.amount for p in payments] == [5000]


@pytest.mark.parametrize("fault", sorted(PROCESSED))
def test_a_cancel_retried_by_the_client_after_a_lost_answer_refunds_once(sandbox: Sandbox, fault: str) -> None:
    client = sandbox.client(max_retries=2)
    rid = sandbox.create_receipt(status=1, price=10_000)["receipt_id"]
    sandbox.fault(path="cancel", times=1, **FAULTS[fault])
    assert client.cancel_payment(rid, cancel_price=1000).cancelled_price == 1000
    assert client.get_receipt(rid).cancelled_price == 1000

    iamport = sandbox.iamport_client(max_retries=2)
    imp_uid = sandbox.create_iamport_payment("paid", 10_000)["imp_uid"]
    sandbox.fault(provider="iamport", path="payments/cancel", times=1, **FAULTS[fault])
    assert iamport.cancel_payment(imp_uid=imp_uid, amount=1000).cancel_amount == 1000
    assert len(iamport.get_payment(imp_uid).cancel_history) == 1
