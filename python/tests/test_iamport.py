"""Every operation of core's iamport (PortOne V1) client, through Iamport and AsyncIamport, against the
sandbox over HTTP (mirrors tests/iamport_endpoints.rs and tests/iamport_flows.rs)."""

from __future__ import annotations

import inspect
import json
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from conftest import Blocking, iamport_request

import paywire
from paywire.testing import Sandbox, SandboxAdminError

CARD = "5570-1234-5678-1234"
KST = timezone(timedelta(hours=9))


def card(**extra: Any) -> dict[str, Any]:
    return {"card_number": CARD, "expiry": "2028-12", "birth": "900101", "pwd_2digit": "12", **extra}


def paid(sandbox: Sandbox, amount: float, **fields: Any) -> tuple[str, str]:
    p = sandbox.create_iamport_payment("paid", amount, **fields)
    return p["imp_uid"], p["merchant_uid"]


def now() -> int:
    return int(time.time())


def test_both_clients_expose_every_core_operation() -> None:
    assert len(paywire.IAMPORT_OPERATIONS) == 51
    assert len(set(paywire.IAMPORT_OPERATIONS)) == 51
    for name in [*paywire.IAMPORT_OPERATIONS, "parse_webhook"]:
        assert callable(getattr(paywire.Iamport, name)), name
        assert callable(getattr(paywire.AsyncIamport, name)), name
        if name != "parse_webhook":
            assert inspect.iscoroutinefunction(getattr(paywire.AsyncIamport, name)), name
            assert not inspect.iscoroutinefunction(getattr(paywire.Iamport, name)), name
    public = {n for n in dir(paywire.Iamport) if not n.startswith("_")} - {"base_url", "parse_webhook", "with_options"}
    assert public == set(paywire.IAMPORT_OPERATIONS), "nothing more, nothing less than core's operations"
    assert {n for n in dir(paywire.AsyncIamport) if not n.startswith("_")} == {
        n for n in dir(paywire.Iamport) if not n.startswith("_")
    }


def test_construction() -> None:
    for cls in (paywire.Iamport, paywire.AsyncIamport):
        with pytest.raises(paywire.InvalidInputError) as half:
            cls(imp_key="key")
        assert half.value.field == "imp_secret"
        with pytest.raises(paywire.InvalidInputError) as other_half:
            cls(imp_secret="secret")
        assert other_half.value.field == "imp_key"
        with pytest.raises(paywire.InvalidInputError) as none:
            cls()
        assert none.value.field == "credentials"
        with pytest.raises(paywire.InvalidInputError) as tier:
            cls(imp_key="k", imp_secret="s", tier="toolong")
        assert tier.value.field == "tier"
        with pytest.raises(paywire.InvalidInputError) as url:
            cls(imp_key="k", imp_secret="s", base_url="ftp://x")
        assert url.value.field == "base_url"
    client = paywire.Iamport(imp_key="key-123", imp_secret="secret-456", tier="A01")
    assert client.base_url == "https://api.iamport.kr"
    assert repr(client) == "Iamport(base_url='https://api.iamport.kr')"
    assert paywire.AsyncIamport(imp_key="k", imp_secret="s", base_url="https://static-api.iamport.kr").base_url == (
        "https://static-api.iamport.kr"
    )
    with client as same:
        assert same is client


def test_token_is_lazy_cached_bearer(iamport: Blocking, sandbox: Sandbox) -> None:
    imp_uid, _ = paid(sandbox, 1000)
    assert sandbox.counters()["iamport_token_requests"] == 0
    iamport.get_payment(imp_uid)
    iamport.get_payment(imp_uid)
    assert sandbox.counters()["iamport_token_requests"] == 1
    assert iamport_request(sandbox, "POST", "users/getToken")["body"] == {
        "imp_key": "sandbox-imp-key",
        "imp_secret": "sandbox-imp-secret",
    }
    sent = iamport_request(sandbox, "GET", "payments/")
    assert sent["headers"]["authorization"].startswith("Bearer ")
    assert sent["query"] == "include_sandbox=false"
    assert "paywire-py/" in sent["headers"]["user-agent"]
    token = iamport.get_access_token()
    assert isinstance(token, paywire.IamportToken)
    assert token.access_token and 1700 < token.expire_in <= 1800
    assert token.access_token not in repr(token) and "***" in repr(token)


def test_payment_lookups(iamport: Blocking, sandbox: Sandbox) -> None:
    imp_uid, merchant_uid = paid(sandbox, 15000, name="티셔츠", custom_data='{"order": 7}')
    payment = iamport.get_payment(imp_uid, include_sandbox=True)
    assert isinstance(payment, paywire.Payment)
    assert (payment.imp_uid, payment.merchant_uid, payment.amount, payment.status) == (
        imp_uid,
        merchant_uid,
        15000,
        "paid",
    )
    assert type(payment.amount) is int and payment.cancel_amount == 0 and payment.cancellable_amount == 15000
    assert isinstance(payment.paid_at, datetime) and payment.paid_at.tzinfo == timezone.utc
    assert abs(payment.paid_at.timestamp() - time.time()) < 300
    assert payment.cancelled_at is None and payment.failed_at is None, "0 is not-happened"
    assert payment.name == "티셔츠" and payment.custom_data == '{"order": 7}'
    assert payment.cancel_history == [] and payment.sandbox is True
    assert payment["pg_provider"] == payment.pg_provider and "deposit_history" in payment.to_dict()
    assert iamport_request(sandbox, "GET", "payments/")["query"] == "include_sandbox=true"

    assert iamport.find_payment(merchant_uid).imp_uid == imp_uid
    found = iamport.find_payment(merchant_uid, status="paid", sorting="-paid")
    assert found.imp_uid == imp_uid
    sent = iamport_request(sandbox, "GET", "payments/find/")
    assert (sent["path"], sent["query"]) == (f"payments/find/{merchant_uid}/paid", "sorting=-paid")
    with pytest.raises(paywire.ApiError) as none:
        iamport.find_payment(merchant_uid, status="failed")
    assert none.value.http_status == 404 and none.value.code == -1

    everything = iamport.find_all_payments(merchant_uid)
    assert isinstance(everything, paywire.Page)
    assert len(everything.list) == 1 and everything.list[0].imp_uid == imp_uid
    assert [p.imp_uid for p in everything] == [imp_uid] and len(everything) == 1
    iamport.find_all_payments(merchant_uid, status="paid", page=1, limit=5, sorting="started")
    sent = iamport_request(sandbox, "GET", "payments/findAll/")
    assert sent["path"] == f"payments/findAll/{merchant_uid}/paid"
    assert sent["query"] == "page=1&limit=5&sorting=started"

    page = iamport.get_payments_by_status("paid", page=1, limit=10)
    assert (page.total, page.next, page.previous) == (1, 0, 0)
    window = iamport.get_payments_by_status(
        from_=datetime.now(timezone.utc) - timedelta(days=1), to=now() + 60, sorting="-started"
    )
    assert window.total == 1
    sent = iamport_request(sandbox, "GET", "payments/status/")
    assert sent["path"] == "payments/status/all"
    assert "from=" in sent["query"] and "to=" in sent["query"] and "sorting=-started" in sent["query"]

    balance = iamport.get_payment_balance(imp_uid)
    assert isinstance(balance, paywire.PaymentBalance) and balance.amount == 15000
    assert balance["primary"] is not None


def test_multi_lookups_report_partial_answers(iamport: Blocking, sandbox: Sandbox) -> None:
    a, _ = paid(sandbox, 1000)
    b, mb = paid(sandbox, 2000)
    both = iamport.get_payments([a, b])
    assert isinstance(both, paywire.Partial)
    assert both.complete and both.missing == [] and {p.imp_uid for p in both.items} == {a, b}
    assert iamport_request(sandbox, "GET", "payments")["query"] == f"imp_uid%5B%5D={a}&imp_uid%5B%5D={b}"

    partial = iamport.get_payments(imp_uids=[a, "imp_000000000000"], merchant_uids=[mb])
    assert not partial.complete, "a 207 is never a plain success"
    assert partial.missing == ["imp_000000000000"]
    assert [p.imp_uid for p in partial.items] == [a, b]
    none = iamport.get_payments(["imp_000000000000"])
    assert none.items == [] and not none.complete and none.missing == ["imp_000000000000"]


def test_cancel_sends_a_checksum_and_refuses_a_stale_one(iamport: Blocking, sandbox: Sandbox) -> None:
    imp_uid, merchant_uid = paid(sandbox, 10000)
    after = iamport.cancel_payment(imp_uid, amount=3000, reason="부분 환불")
    assert (after.cancel_amount, after.status, after.cancellable_amount) == (3000, "paid", 7000)
    [cancel] = after.cancel_history
    assert isinstance(cancel, paywire.PaymentCancel)
    assert cancel.amount == 3000 and cancel.reason == "부분 환불" and cancel.cancellation_id
    assert isinstance(cancel.cancelled_at, datetime) and cancel.cancelled_at.tzinfo is not None
    assert iamport_request(sandbox, "POST", "payments/cancel")["body"] == {
        "imp_uid": imp_uid,
        "amount": 3000,
        "checksum": 10000,
        "reason": "부분 환불",
    }
    # A caller whose view is stale is refused by the server: HTTP 200 with code 1, raised as ApiError.
    with pytest.raises(paywire.ApiError) as stale:
        iamport.cancel_payment(imp_uid=imp_uid, amount=1000, checksum=10000)
    e = stale.value
    assert (e.http_status, e.code) == (200, 1)
    assert "checksum" in e.message and e.body["code"] == 1 and e.body["response"] is None
    assert "HTTP 200" in str(e)
    assert iamport.get_payment(imp_uid).cancel_amount == 3000

    full = iamport.cancel_payment(merchant_uid=merchant_uid, extra={"requester": "admin"}, enable_webhook=False)
    assert (full.status, full.cancel_amount, len(full.cancel_history)) == ("cancelled", 10000, 2)
    body = iamport_request(sandbox, "POST", "payments/cancel")["body"]
    assert "amount" not in body and body["checksum"] == 7000 and body["extra"] == {"requester": "admin"}
    with pytest.raises(paywire.ApiError) as again:
        iamport.cancel_payment(imp_uid)
    assert again.value.http_status == 200


def test_vbank_refund_fields(iamport: Blocking, sandbox: Sandbox) -> None:
    vbank = sandbox.create_iamport_payment("ready", 20000, pay_method="vbank")
    sandbox.deposit_vbank(vbank["imp_uid"])
    with pytest.raises(paywire.ApiError) as missing:
        iamport.cancel_payment(vbank["imp_uid"], amount=5000)
    assert missing.value.http_status == 200
    refunded = iamport.cancel_payment(
        vbank["imp_uid"],
        amount=5000,
        refund_holder="홍길동",
        refund_bank="88",
        refund_account="110123456789",
        refund_tel="01000000000",
    )
    assert refunded.cancel_amount == 5000
    body = iamport_request(sandbox, "POST", "payments/cancel")["body"]
    assert body["refund_account"] == "110123456789" and body["refund_holder"] == "홍길동"


def test_prepare_update_read_and_block_a_mismatched_amount(iamport: Blocking, sandbox: Sandbox) -> None:
    prepared = iamport.prepare_payment("order-prep-1", 30000, currency="KRW")
    assert isinstance(prepared, paywire.Prepared)
    assert (prepared.merchant_uid, prepared.amount) == ("order-prep-1", 30000)
    assert iamport_request(sandbox, "POST", "payments/prepare")["body"] == {
        "merchant_uid": "order-prep-1",
        "amount": 30000,
        "currency": "KRW",
    }
    iamport.update_prepared_payment("order-prep-1", Decimal("25000"))
    assert iamport_request(sandbox, "PUT", "payments/prepare")["body"] == {
        "merchant_uid": "order-prep-1",
        "amount": 25000,
    }
    assert iamport.get_prepared_payment("order-prep-1").amount == 25000
    with pytest.raises(paywire.ApiError) as none:
        iamport.get_prepared_payment("order-none")
    assert none.value.http_status == 404
    with pytest.raises(paywire.ApiError) as twice:
        iamport.prepare_payment("order-prep-1", 1000)
    assert (twice.value.http_status, twice.value.code) == (200, 1)
    with pytest.raises(SandboxAdminError) as forged:
        sandbox.create_iamport_payment("paid", 100, merchant_uid="order-prep-1")
    assert forged.value.status == 409, "the browser payment with a forged amount is stopped"


def test_billing_keys_onetime_and_again(iamport: Blocking, sandbox: Sandbox) -> None:
    key = iamport.issue_billing_key("cust-1", CARD, "2028-12", "900101", "12", customer_name="홍길동")
    assert isinstance(key, paywire.BillingCustomer)
    assert key.customer_uid == "cust-1" and key.card_name and isinstance(key.inserted, datetime)
    assert "1234" not in repr(key) and "card_number='***'" in repr(key)
    assert iamport_request(sandbox, "POST", "subscribe/customers/")["body"] == {
        "card_number": CARD,
        "expiry": "2028-12",
        "birth": "900101",
        "pwd_2digit": "12",
        "customer_name": "홍길동",
    }
    assert iamport.get_billing_key("cust-1").customer_uid == "cust-1"
    some = iamport.get_billing_keys(["cust-1", "cust-none"])
    assert not some.complete and some.missing == ["cust-none"] and some.items[0].customer_uid == "cust-1"
    assert iamport.get_billing_keys(["cust-1"]).complete

    first = iamport.pay_onetime(
        "order-one-1",
        9900,
        CARD,
        "2028-12",
        birth="900101",
        customer_uid="cust-2",
        name="첫 결제",
        buyer_name="홍길동",
        custom_data={"plan": "pro"},
        other={"interest_free_by_merchant": False},
    )
    assert (first.status, first.amount, first.customer_uid) == ("paid", 9900, "cust-2")
    body = iamport_request(sandbox, "POST", "subscribe/payments/onetime")["body"]
    assert body["custom_data"] == '{"plan": "pro"}' and body["interest_free_by_merchant"] is False
    assert body["customer_uid"] == "cust-2" and body["amount"] == 9900 and body["buyer_name"] == "홍길동"

    again = iamport.pay_again("cust-2", "order-again-1", 9900, "정기")
    assert again.status == "paid"
    assert iamport_request(sandbox, "POST", "subscribe/payments/again")["body"] == {
        "customer_uid": "cust-2",
        "merchant_uid": "order-again-1",
        "amount": 9900,
        "name": "정기",
    }
    payments = iamport.get_billing_key_payments("cust-2", page=1)
    assert payments.total == 2 and all(isinstance(p, paywire.Payment) for p in payments.list)

    with pytest.raises(paywire.ApiError) as unknown:
        iamport.pay_again("cust-none", "order-again-2", 9900, "정기")
    assert (unknown.value.http_status, unknown.value.code) == (200, 1)
    with pytest.raises(paywire.ApiError) as declined:
        iamport.pay_onetime("order-one-2", 9900, "4000-0000-0000-0000", "2028-12")
    assert (declined.value.http_status, declined.value.code) == (200, -1) and "8326" in declined.value.message
    failed = iamport.pay_again("cust-2", "order-again-3", 50, "소액")
    assert failed.status == "failed" and failed.fail_reason, "the second decline style: code 0, status failed"
    assert isinstance(failed.failed_at, datetime)

    deleted = iamport.delete_billing_key("cust-1", reason="해지", requester="customer")
    assert deleted.customer_uid == "cust-1"
    assert (
        iamport_request(sandbox, "DELETE", "subscribe/customers/")["query"]
        == "reason=%ED%95%B4%EC%A7%80&extra%5Brequester%5D=customer"
    )
    with pytest.raises(paywire.ApiError) as gone:
        iamport.get_billing_key("cust-1")
    assert gone.value.http_status == 404


def test_schedules_register_execute_and_revoke(iamport: Blocking, sandbox: Sandbox) -> None:
    iamport.issue_billing_key("cust-s", CARD, "2028-12")
    start = now()
    registered = iamport.schedule_payments(
        "cust-s",
        [
            paywire.ScheduleItem("sched-1", datetime.fromtimestamp(start + 60, KST), 9900, "1회차"),
            {"merchant_uid": "sched-2", "schedule_at": start + 3600, "amount": 9900, "name": "2회차"},
        ],
    )
    assert [s.merchant_uid for s in registered] == ["sched-1", "sched-2"]
    assert all(isinstance(s, paywire.Schedule) and s.schedule_status == "scheduled" for s in registered)
    assert registered[0].schedule_at == datetime.fromtimestamp(start + 60, timezone.utc)
    body = iamport_request(sandbox, "POST", "subscribe/payments/schedule")["body"]
    assert body["customer_uid"] == "cust-s"
    assert body["schedules"] == [
        {"merchant_uid": "sched-1", "schedule_at": start + 60, "amount": 9900, "name": "1회차", "currency": "KRW"},
        {"merchant_uid": "sched-2", "schedule_at": start + 3600, "amount": 9900, "name": "2회차", "currency": "KRW"},
    ]
    assert iamport.get_schedule("sched-1").schedule_status == "scheduled"
    moved = iamport.update_schedule("sched-2", datetime.fromtimestamp(start + 7200, timezone.utc))
    assert moved.schedule_at == datetime.fromtimestamp(start + 7200, timezone.utc)
    assert iamport_request(sandbox, "PUT", "subscribe/payments/schedule/")["body"] == {"schedule_at": start + 7200}

    sandbox.advance_clock(120)
    executed = iamport.get_schedule("sched-1")
    assert (executed.schedule_status, executed.payment_status) == ("executed", "paid")
    assert isinstance(executed.executed_at, datetime) and executed.imp_uid
    assert iamport.get_payment(executed.imp_uid).amount == 9900

    assert iamport.get_schedules(start, start + 86_400).total == 2
    scheduled = iamport.get_schedules(
        datetime.fromtimestamp(start, timezone.utc), start + 86_400, status="scheduled", page=1, limit=10
    )
    assert [s.merchant_uid for s in scheduled.list] == ["sched-2"]
    assert "schedule_status=scheduled" in iamport_request(sandbox, "GET", "subscribe/payments/schedule")["query"]
    by_customer = iamport.get_schedules_by_customer("cust-s", start, start + 86_400, status="scheduled")
    assert len(by_customer.list) == 1
    sent = iamport_request(sandbox, "GET", "subscribe/payments/schedule/customers/")
    assert "schedule-status=scheduled" in sent["query"] and f"from={start}" in sent["query"]
    of_key = iamport.get_billing_key_schedules("cust-s", start, start + 86_400)
    assert of_key.total == 2
    iamport.get_billing_key_schedules("cust-s", start, start + 86_400, status="executed", page=1)

    revoked = iamport.unschedule_payments("cust-s", ["sched-2"])
    assert revoked[0].schedule_status == "revoked" and isinstance(revoked[0].revoked_at, datetime)
    assert iamport_request(sandbox, "POST", "subscribe/payments/unschedule")["body"] == {
        "customer_uid": "cust-s",
        "merchant_uid": ["sched-2"],
    }
    again = iamport.reschedule_payment("sched-2", start + 9000)
    assert again.schedule_status == "scheduled"
    iamport.unschedule_payments(merchant_uids=["sched-2"])
    retried = iamport.retry_schedule("sched-2")
    assert isinstance(retried, paywire.Payment) and retried.status == "paid"
    with pytest.raises(paywire.ApiError) as nothing:
        iamport.unschedule_payments("cust-none")
    assert nothing.value.http_status == 200


def test_schedule_with_card_issues_the_key_first(iamport: Blocking, sandbox: Sandbox) -> None:
    start = now()
    item = paywire.ScheduleItem("sched-c1", start + 600, 1000, "첫 회차", buyer_name="홍길동", other={"x": 1})
    assert item.to_dict() == {
        "merchant_uid": "sched-c1",
        "schedule_at": start + 600,
        "amount": 1000,
        "name": "첫 회차",
        "currency": "KRW",
        "buyer_name": "홍길동",
        "x": 1,
    }
    [schedule] = iamport.schedule_payments("cust-c", [item], card_number=CARD, expiry="2028-12", birth="900101")
    assert schedule.customer_uid == "cust-c"
    assert iamport.get_billing_key("cust-c").customer_uid == "cust-c"
    body = iamport_request(sandbox, "POST", "subscribe/payments/schedule")["body"]
    assert (body["card_number"], body["expiry"], body["birth"]) == (CARD, "2028-12", "900101")
    with pytest.raises(paywire.InvalidInputError) as half:
        iamport.schedule_payments("cust-d", [item], card_number=CARD)
    assert half.value.field == "expiry", "half a card is refused, never silently dropped"


def test_virtual_accounts(iamport: Blocking, sandbox: Sandbox) -> None:
    due = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=1)
    vbank = iamport.issue_vbank(
        "order-vb-1",
        50000,
        "088",
        due,
        vbank_holder="페이와이어",
        name="가상계좌 주문",
        notice_url="https://example.com/hook",
    )
    assert (vbank.status, vbank.pay_method) == ("ready", "vbank")
    assert vbank.vbank_num and vbank.vbank_code == "088" and vbank.vbank_date == due
    assert isinstance(vbank.vbank_issued_at, datetime)
    body = iamport_request(sandbox, "POST", "vbanks")["body"]
    assert body["vbank_due"] == int(due.timestamp()) and body["notice_url"] == ["https://example.com/hook"]
    updated = iamport.update_vbank(vbank.imp_uid, amount=45000)
    assert updated.amount == 45000
    assert iamport_request(sandbox, "PUT", "vbanks/")["body"] == {"amount": 45000}
    later = iamport.update_vbank(vbank.imp_uid, vbank_due=due + timedelta(days=1))
    assert later.vbank_date == due + timedelta(days=1)
    revoked = iamport.revoke_vbank(vbank.imp_uid)
    assert revoked.status != "ready"
    with pytest.raises(paywire.ApiError) as twice:
        iamport.revoke_vbank(vbank.imp_uid)
    assert twice.value.http_status == 400
    holder = iamport.get_vbank_holder("088", "110123456789")
    assert isinstance(holder, paywire.VbankHolder) and holder.bank_holder


def test_otp_certification(iamport: Blocking, sandbox: Sandbox) -> None:
    pending = iamport.request_certification_otp("홍길동", "010-0000-0000", "900101", 1, "SKT", company="paywire")
    assert isinstance(pending, paywire.CertificationOtp) and pending.imp_uid.startswith("imp_")
    body = iamport_request(sandbox, "POST", "certifications/otp/request")["body"]
    assert body["gender_digit"] == "1" and body["company"] == "paywire"
    with pytest.raises(paywire.ApiError) as wrong:
        iamport.confirm_certification_otp(pending.imp_uid, "000000")
    assert wrong.value.http_status == 400
    certified = iamport.confirm_certification_otp(pending.imp_uid, sandbox.otp)
    assert isinstance(certified, paywire.Certification)
    assert certified.certified and isinstance(certified.certified_at, datetime)
    assert certified.name == "홍길동" and certified.gender == "male" and certified.foreigner is False
    looked_up = iamport.get_certification(pending.imp_uid)
    assert looked_up.imp_uid == pending.imp_uid
    if looked_up.unique_key:
        assert looked_up.unique_key not in repr(looked_up) and "unique_key='***'" in repr(looked_up)
    iamport.delete_certification(pending.imp_uid)
    with pytest.raises(paywire.ApiError) as gone:
        iamport.get_certification(pending.imp_uid)
    assert gone.value.http_status == 404
    with pytest.raises(paywire.InvalidInputError) as bad:
        iamport.request_certification_otp("홍길동", "01000000000", "900101", "9", "SKT")
    assert bad.value.field == "gender_digit"


def test_escrow_logistics(iamport: Blocking, sandbox: Sandbox) -> None:
    imp_uid, _ = paid(sandbox, 30000)
    with pytest.raises(paywire.ApiError) as none:
        iamport.get_escrow_logis(imp_uid)
    assert none.value.http_status == 409
    sent_at = datetime.now(KST).replace(microsecond=0)
    registered = iamport.register_escrow_logis(
        imp_uid,
        paywire.EscrowParty(name="페이와이어", tel="0200000000"),
        paywire.EscrowParty(name="홍길동", postcode="04524"),
        paywire.EscrowShipment("CJGLS", "123456789", sent_at),
    )
    assert isinstance(registered, paywire.EscrowLogis)
    assert registered.invoice == "123456789" and registered.sent_at == sent_at
    body = iamport_request(sandbox, "POST", "escrows/logis/")["body"]
    assert body["logis"] == {"company": "CJGLS", "invoice": "123456789", "sent_at": int(sent_at.timestamp())}
    assert body["receiver"] == {"name": "홍길동", "postcode": "04524"}
    with pytest.raises(paywire.ApiError) as twice:
        iamport.register_escrow_logis(imp_uid, {}, {}, {"company": "CJGLS", "invoice": "1", "sent_at": now()})
    assert twice.value.http_status == 409
    moved = iamport.update_escrow_logis(
        imp_uid,
        {"name": "페이와이어"},
        {"name": "홍길동"},
        {"company": "CJGLS", "invoice": "987654321", "sent_at": sent_at},
    )
    assert moved.invoice == "987654321" and isinstance(moved.applied_at, datetime)
    assert iamport.get_escrow_logis(imp_uid).invoice == "987654321"


def test_cash_receipts(iamport: Blocking, sandbox: Sandbox) -> None:
    imp_uid, _ = paid(sandbox, 20000, pay_method="trans")
    receipt = iamport.issue_cash_receipt(imp_uid, "01000000000", "person")
    assert isinstance(receipt, paywire.CashReceipt)
    assert (receipt.amount, receipt.type, receipt.imp_uid) == (20000, "person", imp_uid)
    assert isinstance(receipt.applied_at, datetime) and receipt.cancelled_at is None
    assert iamport_request(sandbox, "POST", "receipts/")["body"] == {"identifier": "01000000000", "type": "person"}
    with pytest.raises(paywire.ApiError) as twice:
        iamport.issue_cash_receipt(imp_uid, "01000000000")
    assert twice.value.http_status == 400
    with pytest.raises(paywire.InvalidInputError) as bad_type:
        iamport.issue_cash_receipt(imp_uid, "01000000000", "friend")
    assert bad_type.value.field == "type"
    assert iamport.get_cash_receipt(imp_uid).imp_uid == imp_uid
    revoked = iamport.revoke_cash_receipt(imp_uid)
    assert isinstance(revoked.cancelled_at, datetime)

    external = iamport.issue_external_cash_receipt(
        "cash-ext-1", "현금 판매", 5000, "01000000000", type="company", other={"buyer_name": "홍길동"}
    )
    assert (external.amount, external.merchant_uid) == (5000, "cash-ext-1")
    body = iamport_request(sandbox, "POST", "receipts/external/")["body"]
    assert body == {
        "name": "현금 판매",
        "amount": 5000,
        "identifier": "01000000000",
        "type": "company",
        "buyer_name": "홍길동",
    }
    assert iamport.get_external_cash_receipt("cash-ext-1").merchant_uid == "cash-ext-1"
    assert isinstance(iamport.revoke_external_cash_receipt("cash-ext-1").cancelled_at, datetime)


def test_codes_and_raw_request(iamport: Blocking, sandbox: Sandbox) -> None:
    banks = iamport.get_banks()
    assert any(b.code == "088" for b in banks) and all(isinstance(b, paywire.StandardCode) for b in banks)
    assert iamport.get_bank("088").name
    assert iamport.get_cards() and iamport.get_card("366").name
    with pytest.raises(paywire.ApiError) as unknown:
        iamport.get_bank("999")
    assert unknown.value.http_status == 404

    imp_uid, _ = paid(sandbox, 1000)
    raw = iamport.raw_request("GET", f"payments/{imp_uid}", query={"include_sandbox": True})
    assert raw["imp_uid"] == imp_uid and raw["amount"] == 1000, "the envelope's response, as plain values"
    assert iamport_request(sandbox, "GET", "payments/")["query"] == "include_sandbox=true"
    many = iamport.raw_request("GET", "payments", query=[("imp_uid[]", imp_uid), ("imp_uid[]", "imp_000000000000")])
    assert [p["imp_uid"] for p in many] == [imp_uid]


# ---- the seed-003 flow: forgery check and webhooks -----------------------------------------------------


def test_verify_payment_catches_a_forged_amount_and_accepts_the_right_one(iamport: Blocking, sandbox: Sandbox) -> None:
    iamport.prepare_payment("order-003", 30000)
    imp_uid, _ = paid(sandbox, 30000, merchant_uid="order-003")
    with pytest.raises(paywire.VerificationError) as forged:
        iamport.verify_payment(imp_uid, 300)
    e = forged.value
    assert (e.kind, e.payment_id, e.expected, e.actual) == ("amount_mismatch", imp_uid, 300, 30000)
    assert type(e.expected) is int and type(e.actual) is int
    verified = iamport.verify_payment(imp_uid, expected_amount=30000)
    assert isinstance(verified, paywire.VerifiedPayment)
    assert verified.state == "paid" and verified.payment.imp_uid == imp_uid
    assert isinstance(verified.payment, paywire.Payment) and verified.payment.amount == 30000


def test_ready_is_accepted_only_as_an_issued_virtual_account(iamport: Blocking, sandbox: Sandbox) -> None:
    vbank = sandbox.create_iamport_payment("ready", 50000, pay_method="vbank")
    verified = iamport.verify_payment(vbank["imp_uid"], 50000)
    assert verified.state == "virtual_account_issued" and verified.payment.vbank_num

    abandoned = sandbox.create_iamport_payment("ready", 50000, pay_method="card")
    with pytest.raises(paywire.VerificationError) as err:
        iamport.verify_payment(abandoned["imp_uid"], 50000)
    assert err.value.kind == "status_mismatch" and "ready" in str(err.value.actual)

    deposited = sandbox.deposit_vbank(vbank["imp_uid"])
    assert deposited["status"] == "paid"
    assert iamport.verify_payment(vbank["imp_uid"], 50000).state == "paid"


def test_fractional_amounts_compare_exactly(iamport: Blocking, sandbox: Sandbox) -> None:
    imp_uid, _ = paid(sandbox, 10.5, currency="USD")
    verified = iamport.verify_payment(imp_uid, 10.5)
    assert verified.payment.amount == 10.5 and type(verified.payment.amount) is float
    assert verified.payment.currency == "USD"
    assert iamport.verify_payment(imp_uid, Decimal("10.5")).state == "paid"
    with pytest.raises(paywire.VerificationError) as err:
        iamport.verify_payment(imp_uid, 10)
    e = err.value
    assert e.kind == "amount_mismatch", "core's FractionalAmountMismatch is an amount mismatch too"
    assert (e.expected, e.actual) == (10, 10.5) and type(e.expected) is int and type(e.actual) is float
    with pytest.raises(paywire.VerificationError) as close:
        iamport.verify_payment(imp_uid, 10.4999)
    assert (close.value.expected, close.value.actual) == (10.4999, 10.5)
    partial = iamport.cancel_payment(imp_uid, amount=0.5)
    assert (partial.cancel_amount, partial.cancellable_amount) == (0.5, 10)
    assert type(partial.cancellable_amount) is int


def test_webhooks_parse_verify_and_deduplicate(iamport: Blocking, sandbox: Sandbox) -> None:
    imp_uid, merchant_uid = paid(sandbox, 8000)
    payload = sandbox.iamport_webhook_payload(imp_uid)
    assert payload == {"imp_uid": imp_uid, "merchant_uid": merchant_uid, "status": "paid"}
    hook = paywire.Iamport.parse_webhook(json.dumps(payload).encode(), "application/json")
    assert isinstance(hook, paywire.IamportWebhook)
    assert (hook.imp_uid, hook.merchant_uid, hook.status, hook.cancellation_id) == (imp_uid, merchant_uid, "paid", None)
    assert hook.raw == payload and hook.to_dict() == payload and hook["status"] == "paid"
    assert hook.idempotency_key == f"iamport:{imp_uid}:paid:"
    for given in (hook, json.dumps(payload), payload):
        payment = iamport.verify_webhook(given)
        assert isinstance(payment, paywire.Payment) and payment.amount == 8000

    form = f"imp_uid={imp_uid}&merchant_uid={merchant_uid}&status=paid"
    redelivered = paywire.parse_iamport_webhook(form, "application/x-www-form-urlencoded")
    assert redelivered.idempotency_key == hook.idempotency_key, "a re-delivery is the same event"
    assert paywire.AsyncIamport.parse_webhook(form).raw == {
        "imp_uid": imp_uid,
        "merchant_uid": merchant_uid,
        "status": "paid",
    }
    assert iamport.verify_webhook(form.encode()).imp_uid == imp_uid

    cancelled = iamport.cancel_payment(imp_uid, amount=3000)
    cancellation_id = cancelled.cancel_history[0].cancellation_id
    cancel_hook = paywire.parse_iamport_webhook(
        json.dumps(
            {
                "imp_uid": imp_uid,
                "merchant_uid": merchant_uid,
                "status": "cancelled",
                "cancellation_id": cancellation_id,
            }
        )
    )
    assert cancel_hook.cancellation_id == cancellation_id
    assert cancel_hook.idempotency_key != hook.idempotency_key

    with pytest.raises(paywire.VerificationError) as forged:
        iamport.verify_webhook({"imp_uid": imp_uid, "merchant_uid": "other-order", "status": "paid"})
    assert (forged.value.kind, forged.value.expected, forged.value.actual) == (
        "order_mismatch",
        "other-order",
        merchant_uid,
    )
    with pytest.raises(paywire.InvalidInputError) as no_id:
        paywire.parse_iamport_webhook(b"status=paid")
    assert no_id.value.field == "imp_uid"


# ---- errors, retries, outcome-unknown --------------------------------------------------------------


def test_wrong_credentials_are_an_auth_error(sandbox: Sandbox) -> None:
    for client in (
        Blocking(paywire.Iamport(imp_key=sandbox.imp_key, imp_secret="wrong-secret", base_url=sandbox.iamport_url)),
        Blocking(
            paywire.AsyncIamport(imp_key=sandbox.imp_key, imp_secret="wrong-secret", base_url=sandbox.iamport_url)
        ),
    ):
        with pytest.raises(paywire.AuthError) as err:
            client.get_payment("imp_123456789012")
        assert (err.value.http_status, err.value.code) == (401, -1)
        assert "wrong-secret" not in str(err.value) and "wrong-secret" not in repr(err.value)


def test_an_interrupted_billing_payment_is_outcome_unknown_and_not_retried(iamport: Blocking, sandbox: Sandbox) -> None:
    iamport.issue_billing_key("cust-u", CARD, "2028-12")
    sandbox.fault(provider="iamport", method="POST", path="subscribe/payments/again", drop=True, after=True, times=1)
    with pytest.raises(paywire.OutcomeUnknownError) as err:
        iamport.pay_again("cust-u", "order-u-1", 9900, "정기")
    e = err.value
    assert e.operation == "pay_again" and not e.timed_out
    assert 'find_payment("order-u-1")' in e.hint
    assert sandbox.counters()["requests"]["iamport:POST subscribe/payments/again"] == 1, "never retried"
    assert iamport.find_payment("order-u-1").status == "paid", "the server did charge"


def test_a_cancel_retried_after_a_dropped_answer_refunds_once(iamport: Blocking, sandbox: Sandbox) -> None:
    imp_uid, _ = paid(sandbox, 10000)
    sandbox.fault(provider="iamport", method="POST", path="payments/cancel", drop=True, after=True, times=1)
    after = iamport.cancel_payment(imp_uid, amount=4000)
    assert after.cancel_amount == 4000, "refunded once, not twice"
    assert sandbox.counters()["requests"]["iamport:POST payments/cancel"] == 2


def test_lookups_are_retried_and_html_is_a_decode_error(iamport: Blocking, sandbox: Sandbox) -> None:
    imp_uid, _ = paid(sandbox, 1000)
    sandbox.fault(provider="iamport", method="GET", path="payments/*", status=503, times=1)
    assert iamport.get_payment(imp_uid).imp_uid == imp_uid
    sandbox.fault(provider="iamport", path="payments/*", non_json=True, status=502)
    with pytest.raises(paywire.DecodeError) as err:
        iamport.get_payment(imp_uid)
    assert err.value.http_status == 502 and "<" in err.value.body_snippet


def test_timeout_is_raised_for_a_lookup(sandbox: Sandbox) -> None:
    imp_uid, _ = paid(sandbox, 1000)
    sandbox.fault(provider="iamport", method="GET", path="payments/*", latency_ms=1500)
    for client in (
        Blocking(sandbox.iamport_client(timeout=0.3, max_retries=0)),
        Blocking(sandbox.async_iamport_client(timeout=0.3, max_retries=0)),
    ):
        with pytest.raises(paywire.TimeoutError):
            client.get_payment(imp_uid)


def test_invalid_input_fails_before_any_request(iamport: Blocking, sandbox: Sandbox) -> None:
    naive = datetime(2030, 1, 1, 9, 0)
    checks: list[tuple[Any, str]] = [
        (lambda: iamport.get_payment(""), "imp_uid"),
        (lambda: iamport.get_payment("imp/1"), "imp_uid"),
        (lambda: iamport.cancel_payment(), "imp_uid"),
        (lambda: iamport.cancel_payment("imp_1", amount=-1), "amount"),
        (lambda: iamport.prepare_payment("o", 0), "amount"),
        (lambda: iamport.pay_onetime("o", 100, "1234", "2028-12"), "card_number"),
        (lambda: iamport.pay_onetime("o", 100, CARD, "12/28"), "expiry"),
        (lambda: iamport.pay_again("c", "o", 100, ""), "name"),
        (lambda: iamport.get_schedules(10, 5), "schedule_to"),
        (lambda: iamport.get_payments(), "imp_uids"),
        (lambda: iamport.verify_payment("imp_1", -1), "expected_amount"),
        (lambda: iamport.find_all_payments("o", limit=5000), "limit"),
        (lambda: iamport.update_vbank("imp_1"), "amount"),
        (lambda: iamport.unschedule_payments(), "customer_uid"),
        (lambda: iamport.schedule_payments("c", []), "schedules"),
        (lambda: iamport.get_payments_by_status(from_=naive), "from"),
        (lambda: iamport.update_schedule("m", naive), "schedule_at"),
        (lambda: iamport.update_schedule("m", "tomorrow"), "schedule_at"),
        (lambda: iamport.issue_vbank("o", 1000, "088", naive), "vbank_due"),
        (
            lambda: iamport.schedule_payments("c", [{"merchant_uid": "m", "schedule_at": naive}]),
            "schedules[0].schedule_at",
        ),
        (
            lambda: iamport.register_escrow_logis("imp_1", {}, {}, paywire.EscrowShipment("C", "1", naive)),
            "logis.sent_at",
        ),
        (lambda: iamport.cancel_payment("imp_1", amount=float("nan")), "amount"),
    ]
    for call, field in checks:
        with pytest.raises(paywire.InvalidInputError) as err:
            call()
        assert err.value.field == field, (field, err.value)
        assert isinstance(err.value, ValueError)
    counters = sandbox.counters()
    assert counters["iamport_token_requests"] == 0 and counters["requests"] == {}, "nothing reached the server"
