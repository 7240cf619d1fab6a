"""iamport answers offline: unix timestamps, amounts, redacted repr, pages and input helpers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import paywire
from paywire._iamport_models import from_unix, to_unix

KST = timezone(timedelta(hours=9))


def test_unix_timestamps_are_aware_utc_datetimes_and_zero_is_none() -> None:
    payment = paywire.Payment(
        {"imp_uid": "imp_1", "paid_at": 1_700_000_000, "cancelled_at": 0, "vbank_date": "1700003600", "amount": 1000}
    )
    assert payment.paid_at == datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc)
    assert payment.paid_at is not None and payment.paid_at.tzinfo is timezone.utc
    assert payment.cancelled_at is None and payment.failed_at is None
    assert payment.vbank_date == datetime(2023, 11, 14, 23, 13, 20, tzinfo=timezone.utc)
    assert payment.to_dict()["paid_at"] == 1_700_000_000, "to_dict keeps the wire value"
    key = paywire.BillingCustomer({"customer_uid": "c", "inserted": 1_700_000_000, "updated": None})
    assert key.inserted is not None and key.updated is None
    assert from_unix("yesterday") is None and from_unix(True) is None and from_unix(float("nan")) is None


def test_time_inputs() -> None:
    assert to_unix(1_700_000_000, "x") == 1_700_000_000
    assert to_unix(datetime(2023, 11, 15, 7, 13, 20, 999_999, tzinfo=KST), "x") == 1_700_000_000
    for bad in (datetime(2030, 1, 1), "2030-01-01", True, 1.5):
        with pytest.raises(paywire.InvalidInputError) as err:
            to_unix(bad, "schedule_at")  # type: ignore[arg-type]
        assert err.value.field == "schedule_at"


def test_amounts_stay_as_sent_and_defaults_are_sane() -> None:
    whole = paywire.Payment({"amount": 30000, "cancel_amount": 1000})
    assert whole.amount == 30000 and type(whole.amount) is int and whole.cancellable_amount == 29000
    fractional = paywire.Payment({"amount": 10.5, "cancel_amount": 0.25})
    assert fractional.cancellable_amount == 10.25
    empty = paywire.Payment({})
    assert (empty.imp_uid, empty.amount, empty.status, empty.cancel_history, empty.sandbox) == (
        "",
        0,
        "ready",
        [],
        False,
    )


def test_repr_redacts_secrets() -> None:
    cert = paywire.Certification({"imp_uid": "imp_1", "unique_key": "CI-SECRET", "unique_in_site": "DI-SECRET"})
    assert "CI-SECRET" not in repr(cert) and "DI-SECRET" not in repr(cert)
    assert cert.unique_key == "CI-SECRET", "the attribute itself is the value"
    payment = paywire.Payment({"imp_uid": "imp_1", "card_number": "5365********1234"})
    assert "5365" not in repr(payment)
    token = paywire.IamportToken({"access_token": "tok-123", "expire_in": 10})
    assert "tok-123" not in repr(token) and token.access_token == "tok-123"
    assert "***" in repr(paywire.BillingCustomer({"customer_uid": "c", "card_number": "5365********1234"}))


def test_page_partial_and_verified() -> None:
    page = paywire.Page(
        {"total": 2, "previous": 0, "next": 0, "list": [{"imp_uid": "a"}, {"imp_uid": "b"}]}, paywire.Payment
    )
    assert [p.imp_uid for p in page] == ["a", "b"] and len(page) == 2 and page.total == 2
    assert all(isinstance(p, paywire.Payment) for p in page.list)
    partial = paywire.Partial(
        {"items": [{"customer_uid": "c"}], "missing": ["d"], "complete": False}, paywire.BillingCustomer
    )
    assert partial.items[0].customer_uid == "c" and partial.missing == ["d"] and not partial.complete
    verified = paywire.VerifiedPayment({"payment": {"imp_uid": "a", "amount": 5}, "state": "virtual_account_issued"})
    assert verified.payment.amount == 5 and verified.state == "virtual_account_issued"


def test_input_helpers() -> None:
    at = datetime(2030, 12, 1, 9, 0, tzinfo=KST)
    item = paywire.ScheduleItem("m-1", at, 9900, "12월", tax_free=0)
    assert item.to_dict() == {
        "merchant_uid": "m-1",
        "schedule_at": int(at.timestamp()),
        "amount": 9900,
        "name": "12월",
        "currency": "KRW",
        "tax_free": 0,
    }
    assert paywire.EscrowParty(name="n", other={"relationship": "본인"}).to_dict() == {
        "name": "n",
        "relationship": "본인",
    }
    assert paywire.EscrowShipment("CJGLS", "1", 1_700_000_000).to_dict() == {
        "company": "CJGLS",
        "invoice": "1",
        "sent_at": 1_700_000_000,
    }
    with pytest.raises(paywire.InvalidInputError) as err:
        paywire.EscrowShipment("CJGLS", "1", datetime(2030, 1, 1)).to_dict()
    assert err.value.field == "logis.sent_at"


def test_webhook_model() -> None:
    hook = paywire.parse_iamport_webhook('{"imp_uid": "imp_1", "merchant_uid": "o1", "status": "ready", "extra": 1}')
    assert (hook.imp_uid, hook.status, hook.idempotency_key) == ("imp_1", "ready", "iamport:imp_1:ready:")
    assert hook.raw["extra"] == 1 and "extra" in hook and hook.get("missing") is None
    form = paywire.parse_iamport_webhook(b"imp_uid=imp_1&merchant_uid=o1&status=ready&extra=1")
    assert form.idempotency_key == hook.idempotency_key and form.raw["extra"] == "1"
    assert form != hook, "equal events, different payloads"
    with pytest.raises(paywire.InvalidInputError):
        paywire.parse_iamport_webhook(b"{not json", "application/json")
