"""Uses every public name of paywire; checked with ``mypy --strict`` (not collected by pytest)."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any, Dict, List, Literal, Optional

import paywire
from paywire import (
    IAMPORT_OPERATIONS,
    OPERATIONS,
    SDK_VERSION,
    AccessToken,
    Amount,
    ApiError,
    AsyncBootpay,
    AsyncIamport,
    AuthenticateData,
    AuthError,
    BankData,
    BillingCustomer,
    BillingData,
    BillingKey,
    Bootpay,
    BootpayWebhook,
    CancelledReservation,
    CardData,
    CashReceipt,
    CashReceiptData,
    Certificate,
    Certification,
    CertificationOtp,
    Confirmed,
    DecodeError,
    DestroyedBillingKey,
    EscrowData,
    EscrowLogis,
    EscrowParty,
    EscrowShipment,
    Iamport,
    IamportToken,
    IamportWebhook,
    InvalidInputError,
    Item,
    OutcomeUnknownError,
    Page,
    Partial,
    Payment,
    PaymentBalance,
    PaymentCancel,
    PaymentLink,
    PaymentMethod,
    PaywireError,
    PgError,
    Prepared,
    Receipt,
    RedirectError,
    Refund,
    ReservedPayment,
    Schedule,
    ScheduleItem,
    ShippingCompany,
    ShippingUser,
    StandardCode,
    SubscribeExtra,
    SubscribeReservation,
    TimeoutError,  # noqa: A004
    TransportError,
    User,
    UserToken,
    VbankHolder,
    VerificationError,
    VerifiedPayment,
    parse_datetime,
    parse_iamport_webhook,
    parse_webhook,
)
from paywire.testing import Sandbox, SandboxAdminError

KST = timezone(timedelta(hours=9))


def card_fields(receipt: Receipt) -> Optional[str]:
    card: Optional[CardData] = receipt.card_data
    bank: Optional[BankData] = receipt.bank_data or receipt.vbank_data
    escrow: Optional[EscrowData] = receipt.escrow_data
    cash: Optional[CashReceiptData] = receipt.cash_receipt_data
    when: Optional[datetime] = receipt.purchased_at
    _ = (bank, escrow, cash, when)
    return card.card_company if card else None


def blocking(sandbox: Sandbox) -> None:
    client: Bootpay = Bootpay(
        application_id=sandbox.application_id,
        private_key=sandbox.private_key,
        base_url=sandbox.bootpay_url,
        timeout=10.0,
        connect_timeout=2.0,
        max_retries=1,
    )
    token: AccessToken = client.get_access_token()
    expires: Optional[int] = token.expire_in
    rid: str = sandbox.create_receipt(status=2, price=30000)["receipt_id"]
    receipt: Receipt = client.get_receipt(rid, lookup_user_data=True)
    price: int = receipt.price
    receipts: List[Receipt] = client.get_receipts_by_order_id(receipt.order_id or "")

    def step(verified: Receipt) -> str:
        return verified.receipt_id

    confirmed: Confirmed[str] = client.confirm_verified(rid, 30000, step)
    order_ref: str = confirmed.output
    cancelled: Receipt = client.cancel_payment(
        rid,
        cancel_price=1000,
        cancel_id="refund-1",
        refund=Refund("1234", "홍길동", "088"),
        items=[Item("sku", "셔츠", 1, 1000), {"id": "x", "name": "y", "qty": 1, "price": 0}],
        metadata={"k": "v"},
    )
    link: PaymentLink = client.request_payment_link("o", "n", 1000, user=User(id="m"))
    methods: List[PaymentMethod] = client.get_payment_methods()
    key: BillingKey = client.issue_billing_key(
        "nicepay",
        "구독",
        "sub",
        "5570000000001234",
        "12",
        "900101",
        "28",
        "12",
        extra=SubscribeExtra(raw_data=True),
        user={"id": "m"},
    )
    data: Optional[BillingData] = key.billing_data
    first: Optional[Receipt] = key.receipt_data
    client.get_billing_key_by_receipt(key.receipt_id or "")
    client.get_billing_key_by_key(key.billing_key)
    client.get_sequential_billing_key(key.billing_key, "widget", "m")
    paid: Receipt = client.subscribe_payment(key.billing_key, "구독", "order-1", 9900)
    reserved: ReservedPayment = client.reserve_subscribe_payment(
        key.billing_key, "구독", "order-2", 9900, datetime(2030, 1, 1, tzinfo=KST)
    )
    reservation: SubscribeReservation = client.get_subscribe_reservation(reserved.reserve_id)
    revoked: CancelledReservation = client.cancel_subscribe_reservation(reservation.reserve_id)
    destroyed: DestroyedBillingKey = client.destroy_billing_key(key.billing_key)
    pending: Receipt = client.request_transfer_billing_key(
        "nicepay", "이체", "sub-t", "ARS", "홍길동", "국민", "1234", "900101"
    )
    client.publish_transfer_billing_key(pending.receipt_id)
    user_token: UserToken = client.request_user_token("m", gender=0)
    shipped_rid: str = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    client.start_escrow_shipping(
        shipped_rid, "123", "CJ대한통운", user=ShippingUser(username="u"), company=ShippingCompany(name="c")
    )
    client.publish_cash_receipt_on_receipt(shipped_rid, "01000000000", "소득공제")
    client.cancel_cash_receipt_on_receipt(shipped_rid, cancel_message="m")
    cash: Receipt = client.request_cash_receipt(
        "c", "n", "01000000000", "지출증빙", 1000, purchased_at="2026-01-01T00:00:00Z"
    )
    client.cancel_cash_receipt(cash.receipt_id)
    cert: Certificate = client.request_authentication("danal", "sms", "a", "홍", "900101", "SKT", "010")
    client.realarm_authentication(cert.receipt_id)
    cert = client.confirm_authentication(cert.receipt_id, sandbox.otp)
    identity: Optional[AuthenticateData] = client.get_certificate(cert.receipt_id).authenticate_data
    raw: Any = client.raw_request("GET", f"receipt/{rid}", query={"lookup_user_data": "false"}, idempotent=True)
    client.verify_payment(shipped_rid, 1000)
    second: str = sandbox.create_receipt(status=2, price=500)["receipt_id"]
    awaiting: Receipt = client.verify_awaiting_confirm(second, 500)
    checked: Receipt = client.confirm_checked(second, 500)
    hook: BootpayWebhook = Bootpay.parse_webhook(b'{"receipt_id": "r"}', "application/json")
    hook2: BootpayWebhook = parse_webhook('{"receipt_id": "r"}')
    event: str = hook.event
    verified: Receipt = client.verify_webhook(sandbox.webhook_payload(shipped_rid))
    _ = (
        expires,
        price,
        receipts,
        order_ref,
        cancelled,
        link,
        methods,
        data,
        first,
        paid,
        revoked,
        destroyed,
        user_token,
        identity,
        raw,
        hook2,
        event,
        verified,
        card_fields(receipt),
        awaiting,
        checked,
    )


async def asynchronous(sandbox: Sandbox) -> None:
    client = AsyncBootpay(client_key=sandbox.client_key, secret_key=sandbox.secret_key, base_url=sandbox.bootpay_url)
    rid: str = sandbox.create_receipt(status=2, price=1000)["receipt_id"]

    async def step(receipt: Receipt) -> int:
        return receipt.price

    confirmed: Confirmed[int] = await client.confirm_verified(rid, 1000, step)
    receipts: List[Receipt] = await asyncio.gather(*(client.get_receipt(rid) for _ in range(3)))
    token: AccessToken = await client.get_access_token()
    _ = (confirmed, receipts, token)


def iamport_blocking(sandbox: Sandbox) -> None:
    client: Iamport = Iamport(
        imp_key=sandbox.imp_key,
        imp_secret=sandbox.imp_secret,
        base_url=sandbox.iamport_url,
        tier="A01",
        timeout=10.0,
        connect_timeout=2.0,
        max_retries=1,
    )
    now = int(time.time())
    token: IamportToken = client.get_access_token()
    left: int = token.expire_in
    prepared: Prepared = client.prepare_payment("t-order-1", 30000, currency="KRW")
    client.update_prepared_payment("t-order-1", Decimal("30000"))
    client.get_prepared_payment(prepared.merchant_uid)
    imp_uid: str = sandbox.create_iamport_payment("paid", 30000, merchant_uid="t-order-1")["imp_uid"]
    payment: Payment = client.get_payment(imp_uid, include_sandbox=True)
    amount: Amount = payment.amount
    paid_at: Optional[datetime] = payment.paid_at
    left_to_cancel: Amount = payment.cancellable_amount
    several: Partial[Payment] = client.get_payments([imp_uid], merchant_uids=["t-order-1"])
    found: List[Payment] = several.items
    missing: List[str] = several.missing
    complete: bool = several.complete
    client.find_payment("t-order-1", status="paid", sorting="-paid")
    page: Page[Payment] = client.find_all_payments("t-order-1", page=1, limit=10)
    listed: List[Payment] = page.list
    client.get_payments_by_status("paid", from_=datetime.now(timezone.utc) - timedelta(days=1), to=now + 60)
    balance: PaymentBalance = client.get_payment_balance(imp_uid)
    verified: VerifiedPayment = client.verify_payment(imp_uid, expected_amount=30000)
    state: Literal["paid", "virtual_account_issued"] = verified.state
    hook: IamportWebhook = Iamport.parse_webhook(f"imp_uid={imp_uid}&status=paid")
    hook2: IamportWebhook = parse_iamport_webhook(b'{"imp_uid": "imp_000000000001"}', "application/json")
    key_of_event: str = hook.idempotency_key
    claimed: Optional[str] = hook2.status
    client.verify_webhook(hook)
    client.verify_webhook(sandbox.iamport_webhook_payload(imp_uid))
    cancelled: Payment = client.cancel_payment(imp_uid, amount=1000, reason="부분 환불")
    history: List[PaymentCancel] = cancelled.cancel_history
    when: Optional[datetime] = history[0].cancelled_at

    customer: BillingCustomer = client.issue_billing_key(
        "t-cust", "5570-1234-5678-1234", "2028-12", "900101", "12", customer_name="홍길동"
    )
    keys: Partial[BillingCustomer] = client.get_billing_keys([customer.customer_uid])
    client.get_billing_key("t-cust")
    client.pay_onetime("t-one", 1000, "5570-1234-5678-1234", "2028-12", customer_uid="t-cust-2", custom_data={"a": 1})
    client.pay_again("t-cust", "t-again", 9900, "정기", buyer_name="홍길동", other={"bypass": {}})
    client.get_billing_key_payments("t-cust", page=1)
    schedules: List[Schedule] = client.schedule_payments(
        "t-cust",
        [
            ScheduleItem("t-sched-1", now + 600, 9900, "1회차"),
            {"merchant_uid": "t-sched-2", "schedule_at": now + 900, "amount": 1, "name": "2"},
        ],
    )
    run_at: Optional[datetime] = schedules[0].schedule_at
    client.get_schedule("t-sched-1")
    client.update_schedule("t-sched-1", datetime.now(timezone.utc) + timedelta(hours=1))
    client.get_schedules(now, now + 86_400, status="scheduled", page=1, limit=10, sorting="-started")
    client.get_schedules_by_customer("t-cust", now, now + 86_400, status="scheduled", page=1)
    of_key: Page[Schedule] = client.get_billing_key_schedules("t-cust", now, now + 86_400)
    client.unschedule_payments("t-cust", ["t-sched-2"])
    client.reschedule_payment("t-sched-2", now + 1200)
    client.unschedule_payments(merchant_uids=["t-sched-2"])
    client.retry_schedule("t-sched-2")
    client.delete_billing_key("t-cust-2", reason="해지", requester="admin")

    vbank: Payment = client.issue_vbank("t-vbank", 50000, "088", now + 86_400, vbank_holder="페이와이어")
    client.update_vbank(vbank.imp_uid, amount=45000, vbank_due=now + 2 * 86_400)
    client.revoke_vbank(vbank.imp_uid)
    holder: VbankHolder = client.get_vbank_holder("088", "110123456789")

    otp: CertificationOtp = client.request_certification_otp("홍길동", "01000000000", "900101", "1", "SKT")
    cert: Certification = client.confirm_certification_otp(otp.imp_uid, sandbox.otp)
    client.get_certification(cert.imp_uid)
    client.delete_certification(cert.imp_uid)

    logis: EscrowLogis = client.register_escrow_logis(
        imp_uid, EscrowParty(name="보내는이"), {"name": "받는이"}, EscrowShipment("CJGLS", "1", now)
    )
    client.update_escrow_logis(imp_uid, {}, {}, {"company": "CJGLS", "invoice": "2", "sent_at": now})
    client.get_escrow_logis(imp_uid)

    receipt: CashReceipt = client.issue_cash_receipt(imp_uid, "01000000000", "person")
    client.get_cash_receipt(imp_uid)
    client.revoke_cash_receipt(imp_uid)
    client.issue_external_cash_receipt("t-ext", "판매", 5000, "01000000000", type="company")
    client.get_external_cash_receipt("t-ext")
    client.revoke_external_cash_receipt("t-ext")

    banks: List[StandardCode] = client.get_banks()
    client.get_bank("088")
    client.get_cards()
    client.get_card("366")
    raw: Any = client.raw_request("GET", f"payments/{imp_uid}", query=[("include_sandbox", "true")])
    _ = (
        left,
        amount,
        paid_at,
        left_to_cancel,
        found,
        missing,
        complete,
        listed,
        balance,
        state,
        key_of_event,
        claimed,
        when,
        keys,
        run_at,
        of_key,
        holder,
        logis,
        receipt,
        banks,
        raw,
    )


async def iamport_asynchronous(sandbox: Sandbox) -> None:
    async with AsyncIamport(
        imp_key=sandbox.imp_key, imp_secret=sandbox.imp_secret, base_url=sandbox.iamport_url
    ) as client:
        imp_uid: str = sandbox.create_iamport_payment("paid", 1000)["imp_uid"]
        payments: List[Payment] = await asyncio.gather(*(client.get_payment(imp_uid) for _ in range(3)))
        verified: VerifiedPayment = await client.verify_payment(imp_uid, 1000)
        hook: IamportWebhook = AsyncIamport.parse_webhook(f"imp_uid={imp_uid}")
        checked: Payment = await client.verify_webhook(hook)
        token: IamportToken = await client.get_access_token()
        _ = (payments, verified, checked, token)


def errors(sandbox: Sandbox) -> None:
    client = sandbox.client()
    try:
        client.get_receipt("nope")
    except ApiError as e:
        status: int = e.http_status
        code = e.code
        pg: Optional[PgError] = e.pg_error
        body: Any = e.body
        _ = (status, code, pg, body, e.message)
    except AuthError as e:
        _ = e.http_status
    except InvalidInputError as e:
        field: str = e.field
        _ = (field, e.reason)
    except TimeoutError as e:
        _ = e.attempts
    except TransportError as e:
        _ = e.attempts
    except DecodeError as e:
        snippet: str = e.body_snippet
        _ = (snippet, e.http_status)
    except OutcomeUnknownError as e:
        key: Optional[str] = e.idempotency_key
        _ = (e.operation, e.hint, e.timed_out, key)
    except RedirectError as e:
        location: str = e.location
        _ = (e.http_status, location)
    except VerificationError as e:
        _ = (e.payment_id, e.kind, e.expected, e.actual)
    except PaywireError as e:
        _ = str(e)
    except SandboxAdminError as e:
        _ = (e.status, e.body)


def main() -> None:
    ops: tuple[str, ...] = OPERATIONS + IAMPORT_OPERATIONS
    version: str = SDK_VERSION + paywire.__version__
    when: Optional[datetime] = parse_datetime("2026-01-01T00:00:00+0900")
    with Sandbox() as sandbox:
        counters: Dict[str, Any] = sandbox.counters()
        sandbox.fault(path="receipt/*", latency_ms=1)
        sandbox.clear_faults()
        recorded: List[Dict[str, Any]] = sandbox.requests()
        sandbox.clear_requests()
        sandbox.advance_clock(1)
        sandbox.expire_tokens()
        blocking(sandbox)
        asyncio.run(asynchronous(sandbox))
        errors(sandbox)
        iamport_blocking(sandbox)
        asyncio.run(iamport_asynchronous(sandbox))
        imp_url: str = sandbox.iamport_url
        pair: str = sandbox.imp_key + sandbox.imp_secret
        vbank: Dict[str, Any] = sandbox.create_iamport_payment("ready", 1000, pay_method="vbank")
        deposited: Dict[str, Any] = sandbox.deposit_vbank(vbank["imp_uid"])
        _ = (imp_url, pair, deposited, sandbox.iamport_client(), sandbox.async_iamport_client())
        _ = (ops, version, when, counters, recorded)


if __name__ == "__main__":
    main()
