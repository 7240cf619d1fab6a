"""Typed answers (attributes, dates, to_dict, redacted repr), input helpers and logging."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import pytest

import paywire
from paywire.testing import Sandbox

KST = timezone(timedelta(hours=9))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-23T10:00:00+09:00", datetime(2026, 11, 23, 10, tzinfo=KST)),
        ("2026-11-23T10:00:00+0900", datetime(2026, 11, 23, 10, tzinfo=KST)),
        ("2026-11-23T01:00:00Z", datetime(2026, 11, 23, 1, tzinfo=timezone.utc)),
        ("2026-11-23T01:00:00.123456789Z", datetime(2026, 11, 23, 1, 0, 0, 123456, tzinfo=timezone.utc)),
        ("2026-11-23T10:00:00-0330", datetime(2026, 11, 23, 10, tzinfo=timezone(-timedelta(hours=3, minutes=30)))),
    ],
)
def test_dates_keep_their_offset(text: str, expected: datetime) -> None:
    parsed = paywire.parse_datetime(text)
    assert parsed == expected and parsed is not None and parsed.utcoffset() == expected.utcoffset()
    assert paywire.Receipt({"purchased_at": text}).purchased_at == expected


def test_unreadable_dates_are_none_but_kept_in_to_dict() -> None:
    receipt = paywire.Receipt({"receipt_id": "r1", "purchased_at": "yesterday"})
    assert receipt.purchased_at is None and receipt.to_dict()["purchased_at"] == "yesterday"


def test_to_dict_keeps_unknown_fields(sandbox: Sandbox, client: paywire.Bootpay) -> None:
    rid = sandbox.create_receipt(status=1, price=10000)["receipt_id"]
    cancelled = client.cancel_payment(rid, cancel_price=1000)
    data = cancelled.to_dict()
    assert data["receipt_id"] == rid and "cancel_history" in data, "a sandbox-only field survives"
    assert cancelled["cancel_history"] == data["cancel_history"] and "cancel_history" in cancelled
    assert isinstance(cancelled.card_data, paywire.CardData)
    assert cancelled.card_data.card_no and cancelled.card_data.card_no not in repr(cancelled)
    data["price"] = 1
    assert cancelled.price == 10000, "to_dict() is a copy"
    with pytest.raises(AttributeError):
        cancelled.no_such_field  # type: ignore[attr-defined]  # noqa: B018


def test_repr_redacts_secrets() -> None:
    token = paywire.AccessToken({"access_token": "tok-secret", "expire_in": 10})
    user_token = paywire.UserToken({"user_token": "ut-secret"})
    certificate = paywire.Certificate({"receipt_id": "c1", "authenticate_data": {"unique": "ci-secret", "name": "홍"}})
    billing = paywire.BillingKey({"billing_key": "k", "billing_data": {"card_no": "5570********1234"}})
    for obj, secret in [
        (token, "tok-secret"),
        (user_token, "ut-secret"),
        (certificate, "ci-secret"),
        (billing, "5570"),
    ]:
        assert secret not in repr(obj) and "***" in repr(obj)
    assert token.access_token == "tok-secret"
    assert "1234567890" not in repr(paywire.Refund("1234567890", "홍길동", "088"))


def test_input_helpers_to_dict() -> None:
    assert paywire.User(id="m", gender=0).to_dict() == {"id": "m", "gender": 0}
    assert paywire.Item("s", "n", 2, 100, cat1="c").to_dict() == {
        "id": "s",
        "name": "n",
        "qty": 2,
        "price": 100,
        "cat1": "c",
    }
    assert paywire.SubscribeExtra(raw_data=True, other={"x": 1}).to_dict() == {"raw_data": True, "x": 1}
    assert paywire.ShippingUser(username="u").to_dict() == {"username": "u"}
    assert paywire.ShippingCompany(name="c", addr1="a").to_dict() == {"name": "c", "addr1": "a"}


def test_models_compare_by_content() -> None:
    assert paywire.Receipt({"receipt_id": "a"}) == paywire.Receipt({"receipt_id": "a"})
    assert paywire.Receipt({"receipt_id": "a"}) != paywire.Receipt({"receipt_id": "b"})


def test_core_retries_are_logged_on_the_paywire_logger(
    sandbox: Sandbox, client: paywire.Bootpay, caplog: pytest.LogCaptureFixture
) -> None:
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    token = client.get_access_token().access_token
    sandbox.fault(path="receipt/*", status=503, times=1)
    with caplog.at_level(logging.DEBUG, logger="paywire"):
        client = sandbox.client()  # samples the logger's level
        assert client.get_receipt(rid).receipt_id == rid
    records = [r for r in caplog.records if r.name == "paywire"]
    assert records, caplog.text
    assert all(token not in r.getMessage() and sandbox.private_key not in r.getMessage() for r in records)
    assert any(
        (r.levelno >= logging.INFO and "503" in r.getMessage()) or "retry" in r.getMessage().lower() for r in records
    ), caplog.text


def test_repr_hides_the_fields_every_language_hides(sandbox: Sandbox) -> None:
    # The list is core's (paywire.is_sensitive_field in Rust): Kotlin's toString and Swift's description
    # hide the same fields.
    receipt_id = sandbox.create_receipt(status=5, price=30000)["receipt_id"]
    receipt = sandbox.client().get_receipt(receipt_id)
    account = receipt.vbank_data.bank_account if receipt.vbank_data else None
    assert account and account not in repr(receipt)
    assert account not in repr(receipt.vbank_data)
