"""get_user_wallets (Bootpay ``GET wallet``) through both Python clients, against the sandbox: an endpoint
that reached Python from core's operation table alone (generated method and model, no hand-written code)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from conftest import Blocking, last_request

import paywire
from paywire import _generated
from paywire.testing import Sandbox


def card(subscription_id: str, member: str) -> dict[str, Any]:
    return dict(
        pg="nicepay",
        order_name="월간 구독",
        subscription_id=subscription_id,
        card_no="5570000000001234",
        card_pw="12",
        card_identity_no="900101",
        card_expire_year="28",
        card_expire_month="12",
        user={"id": member},
    )


def test_wallets_follow_the_members_saved_cards(api: Blocking, sandbox: Sandbox) -> None:
    # An unknown member has none; user_id goes into the query percent-encoded, sandbox as text.
    assert api.get_user_wallets("member 1/한", True) == []
    assert last_request(sandbox, "GET", "wallet")["query"] == "user_id=member+1%2F%ED%95%9C&sandbox=true"

    first = api.issue_billing_key(**card("sub-w1", "member-1")).billing_key
    api.issue_billing_key(**card("sub-w2", "member-1"))
    api.issue_billing_key(**card("sub-w3", "member-2"))

    wallets = api.get_user_wallets("member-1", True)
    assert [w.order for w in wallets] == [1, 2]
    assert len({w.wallet_id for w in wallets}) == 2
    for wallet in wallets:
        assert isinstance(wallet, _generated.Wallet)
        assert len(wallet.wallet_id) == 24
        assert wallet.sandbox is True and wallet.type == 1
        assert isinstance(wallet.expired_at, datetime) and wallet.expired_at.tzinfo is not None
        assert wallet.latest_purchased_at is None
        assert isinstance(wallet.batch_data, paywire.BillingData)
        assert wallet.batch_data.card_no == "5570********1234" and wallet.batch_data.card_company
    shown = repr(wallets[0])
    assert shown.startswith("Wallet(") and "5570000000001234" not in shown
    assert wallets[0].to_dict()["wallet_id"] == wallets[0].wallet_id

    # A charge on the first card shows as that wallet's latest payment.
    api.subscribe_payment(first, "구독", "order-w1", 9900)
    after = api.get_user_wallets("member-1", True)
    assert isinstance(after[0].latest_purchased_at, datetime)
    assert after[1].latest_purchased_at is None

    # Every sandbox wallet is a test-mode one: the live list is empty.
    assert api.get_user_wallets("member-1", False) == []
    assert last_request(sandbox, "GET", "wallet")["query"] == "user_id=member-1&sandbox=false"


@pytest.mark.parametrize("user_id", ["", "  "])
def test_blank_user_id_is_refused_before_any_request(api: Blocking, sandbox: Sandbox, user_id: str) -> None:
    with pytest.raises(paywire.InvalidInputError) as err:
        api.get_user_wallets(user_id, True)
    assert err.value.field == "user_id"
    assert sandbox.counters()["requests"] == {}
