"""Card, account and identity numbers never appear in an error (issue 8 item 5), and every type error
names its field (issue 9 item 7).

serde's own messages quote the refused value (``invalid type: integer `4111…`, expected a string``);
paywire's name the field path and the expected type only. Each secret-bearing parameter of every method is
passed with wrong types (an int, a float, a list, a dict holding the number); the error must be an
``InvalidInputError`` naming the parameter, and the number must not be in its str, repr, args or reason,
nor in any log record of the ``paywire`` logger at DEBUG.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, Iterator, List, Tuple

import pytest
from hostile import closed_clients, names, plain_arguments, public_methods

import paywire

NUMBER = 4111111111111111
DIGITS = str(NUMBER)

# Parameters that carry card, account or identity data (both providers).
SECRET_PARAMETERS = {
    "card_no",
    "card_pw",
    "card_identity_no",
    "card_number",
    "expiry",
    "birth",
    "pwd_2digit",
    "cvc",
    "bank_account",
    "identity_no",
    "cash_receipt_identity_no",
    "refund_account",
    "bank_num",
    "identifier",
}

WRONG_TYPES = {
    "int": NUMBER,
    "float": float(NUMBER) + 0.5,
    "list": [DIGITS],
    "dict": {"number": DIGITS},
    "bool and number": [True, NUMBER],
}


def _secret_cases() -> Iterator[Tuple[Any, str, str, Dict[str, Any]]]:
    for client in closed_clients():
        for method, _, signature in public_methods(client):
            plain = plain_arguments(signature)
            if "card_number" in signature.parameters:
                plain = {**plain, "card_number": "5570-1234-5678-1234", "expiry": "2030-12"}
            for parameter in signature.parameters:
                if parameter in SECRET_PARAMETERS:
                    yield client, method, parameter, plain


def _leaks(error: BaseException) -> List[str]:
    texts = [str(error), repr(error), repr(error.args), str(getattr(error, "reason", ""))]
    return [text for text in texts if DIGITS in text or DIGITS[:8] in text]


def test_there_are_secret_parameters_to_check() -> None:
    checked = {(method, parameter) for _, method, parameter, _ in _secret_cases()}
    expected = {("issue_billing_key", "card_no"), ("pay_onetime", "card_number"), ("get_vbank_holder", "bank_num")}
    assert expected <= checked
    assert len(checked) >= 20


@pytest.mark.parametrize("kind", sorted(WRONG_TYPES))
def test_a_secret_of_the_wrong_type_is_named_and_never_quoted(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="paywire")
    for client, method, parameter, plain in _secret_cases():
        with pytest.raises(paywire.InvalidInputError) as caught:
            getattr(client, method)(**{**plain, parameter: WRONG_TYPES[kind]})
        where = f"{method}({parameter}={kind})"
        assert names(caught.value.field, parameter), f"{where} named {caught.value.field!r}"
        assert _leaks(caught.value) == [], where
    assert DIGITS not in caplog.text


_CARD = {
    "pg": "nicepay",
    "order_name": "o",
    "subscription_id": "s",
    "card_no": "4111",
    "card_pw": "12",
    "card_identity_no": "900101",
    "card_expire_year": "30",
    "card_expire_month": "12",
}
_REFUND = {"bank_account": NUMBER, "bank_username": "a", "bank_code": "088"}
_LINK = {"order_id": "o", "order_name": "n", "price": 1000}
_PRICE = "items[0].price"


@pytest.mark.parametrize(
    ("method", "arguments", "field"),
    [
        ("cancel_payment", {"receipt_id": "r", "refund": _REFUND}, "refund.bank_account"),
        ("issue_billing_key", {**_CARD, "user": {"phone": NUMBER}}, "user.phone"),
        ("request_payment_link", {**_LINK, "items": [{"id": "a", "name": "b", "qty": 1, "price": 10.5}]}, _PRICE),
        ("request_payment_link", {**_LINK, "items": [{"id": "a", "name": "b", "qty": 1, "price": "x"}]}, _PRICE),
    ],
)
def test_nested_secrets_are_named_by_their_path(method: str, arguments: Dict[str, Any], field: str) -> None:
    client = closed_clients()[0]
    with pytest.raises(paywire.InvalidInputError) as caught:
        getattr(client, method)(**arguments)
    assert caught.value.field == field
    assert _leaks(caught.value) == []


def test_a_fractional_price_names_price_and_says_whole_number() -> None:
    client = closed_clients()[0]
    with pytest.raises(paywire.InvalidInputError) as caught:
        client.request_payment_link("o", "n", 10.5)  # type: ignore[arg-type]
    assert caught.value.field == "price"
    assert caught.value.reason == "must be a whole number"
    assert "10.5" not in str(caught.value)
    assert "floating point" not in str(caught.value)


def test_a_type_error_in_an_iamport_request_names_the_field() -> None:
    iamport = closed_clients()[1]
    with pytest.raises(paywire.InvalidInputError) as caught:
        iamport.pay_again(customer_uid="c", merchant_uid="m", amount=1000, name=["x"])  # type: ignore[arg-type]
    assert caught.value.field == "name"
    assert caught.value.reason == "must be a string"
