"""``to_dict()`` (issue 11 item 3): plain JSON data that round-trips through ``json``, with every sensitive
value masked, that a Pydantic v2 model and a FastAPI ``response_model`` carry."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any, Dict, List

import pytest

import paywire
from paywire.testing import Sandbox

CARD: Dict[str, Any] = dict(
    pg="nicepay",
    order_name="monthly",
    subscription_id="sub-1",
    card_no="5570000000001234",
    card_pw="12",
    card_identity_no="900101",
    card_expire_year="28",
    card_expire_month="12",
)


def _round_trips(model: Any) -> Dict[str, Any]:
    data: Dict[str, Any] = model.to_dict()
    assert json.loads(json.dumps(data)) == data, type(model).__name__
    return data


def _values(data: Any) -> List[Any]:
    if isinstance(data, dict):
        return [v for value in data.values() for v in _values(value)]
    if isinstance(data, list):
        return [v for value in data for v in _values(value)]
    return [data]


def test_bootpay_answers_round_trip_and_mask_secrets(sandbox: Sandbox, client: paywire.Bootpay) -> None:
    vbank = client.get_receipt(sandbox.create_receipt(status=5, price=30000)["receipt_id"])
    account = vbank.vbank_data.bank_account if vbank.vbank_data else None
    assert account
    data = _round_trips(vbank)
    assert data["vbank_data"]["bank_account"] == "***" and account not in json.dumps(data)
    assert data["status"] == 5 and type(data["status"]) is int, "enums go out as their raw value"
    assert data["receipt_id"] == vbank.receipt_id and data == _round_trips(vbank), "stable"

    key = client.issue_billing_key(**CARD)
    data = _round_trips(key)
    assert key.billing_key and data["billing_key"] == "***"
    assert key.billing_key not in json.dumps(data) and "5570000000001234" not in json.dumps(data)

    token = sandbox.client(credentials="token").get_access_token()
    assert token.access_token and _round_trips(token)["access_token"] == "***"


def test_iamport_answers_round_trip_and_mask_secrets(sandbox: Sandbox) -> None:
    iamport = sandbox.iamport_client()
    paid = sandbox.create_iamport_payment(status="paid", amount=1500)
    sandbox.create_iamport_payment(status="ready", amount=2000, pay_method="vbank")
    page = iamport.get_payments_by_status("all")
    data = _round_trips(page)
    assert len(data["list"]) == len(page) >= 2
    payment = iamport.get_payment(paid["imp_uid"])
    assert _round_trips(payment)["amount"] == 1500
    for item in page:
        if item.vbank_num:
            assert item.to_dict()["vbank_num"] == "***" and item.vbank_num not in json.dumps(data)


def test_webhooks_mask_in_to_dict_and_verify_from_the_raw_payload(sandbox: Sandbox, client: paywire.Bootpay) -> None:
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    payload = {**sandbox.webhook_payload(rid), "card_no": "5570000000001234"}
    hook = paywire.parse_webhook(json.dumps(payload))
    assert hook.to_dict()["card_no"] == "***" and hook.raw["card_no"] == "5570000000001234"
    assert client.verify_webhook(hook).receipt_id == rid


def test_values_a_hand_built_model_holds_become_json() -> None:
    receipt = paywire.Receipt(
        {
            "receipt_id": "r1",
            "status": paywire.ReceiptStatus.PAID,
            "pg": paywire.Pg.KCP,
            "purchased_at": datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone.utc),
            "price": Decimal("1000.50"),
            "metadata": {"tags": ("a", "b"), "private_key": "k"},
        }
    )
    data = _round_trips(receipt)
    assert data == {
        "receipt_id": "r1",
        "status": 1,
        "pg": "kcp",
        "purchased_at": "2030-01-02T03:04:05+00:00",
        "price": "1000.50",
        "metadata": {"tags": ["a", "b"], "private_key": "***"},
    }
    assert all(type(v) in (str, int, float, bool, type(None)) for v in _values(data))


def test_a_pydantic_model_carries_a_receipt(sandbox: Sandbox, client: paywire.Bootpay) -> None:
    pydantic = pytest.importorskip("pydantic")
    receipt = client.get_receipt(sandbox.create_receipt(status=5, price=30000)["receipt_id"])

    class Order(pydantic.BaseModel):  # type: ignore[misc, name-defined]
        order_id: str
        receipt: paywire.Receipt

    order = Order(order_id="o1", receipt=receipt)
    assert order.model_dump(mode="json") == {"order_id": "o1", "receipt": receipt.to_dict()}
    again = Order.model_validate_json(order.model_dump_json())
    assert again.receipt.receipt_id == receipt.receipt_id and again.receipt.status == 5
    assert Order.model_json_schema()["properties"]["receipt"]["type"] == "object"
    with pytest.raises(pydantic.ValidationError):
        Order(order_id="o1", receipt=42)


def test_a_fastapi_route_returns_a_receipt(sandbox: Sandbox, client: paywire.Bootpay) -> None:
    fastapi = pytest.importorskip("fastapi")
    pydantic = pytest.importorskip("pydantic")
    testclient = pytest.importorskip("fastapi.testclient")
    rid = sandbox.create_receipt(status=5, price=30000)["receipt_id"]

    class ReceiptOut(pydantic.BaseModel):  # type: ignore[misc, name-defined]
        model_config = pydantic.ConfigDict(extra="allow")
        receipt_id: str
        status: int
        price: int

    app = fastapi.FastAPI()

    @app.get("/dict/{receipt_id}", response_model=ReceiptOut)  # type: ignore[untyped-decorator]
    def as_dict(receipt_id: str) -> Dict[str, Any]:
        return client.get_receipt(receipt_id).to_dict()

    @app.get("/model/{receipt_id}")  # type: ignore[untyped-decorator]
    def as_model(receipt_id: str) -> paywire.Receipt:
        return client.get_receipt(receipt_id)

    http = testclient.TestClient(app)
    expected = client.get_receipt(rid).to_dict()
    for path in (f"/dict/{rid}", f"/model/{rid}"):
        answer = http.get(path)
        assert answer.status_code == 200, answer.text
        assert answer.json() == expected
        assert answer.json()["vbank_data"]["bank_account"] == "***"
    assert http.get("/openapi.json").status_code == 200
