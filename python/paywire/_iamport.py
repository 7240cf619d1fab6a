"""``Iamport`` (blocking) and ``AsyncIamport`` (asyncio): every operation of core's iamport (PortOne V1)
client, on the same machinery as the Bootpay clients (one JSON dispatch, GIL released, one shared tokio
runtime, detached async calls, fork-safe, the same exceptions).

iamport conventions, as Python sees them:

- Amounts are numbers: pass an ``int``, a ``float`` or a ``Decimal`` (converted to the nearest float, as
  JSON carries it); answers hold ``int`` for whole amounts and ``float`` for fractional ones. The forgery
  check (``verify_payment``) compares exactly.
- Times sent as unix seconds (``schedule_at``, ``vbank_due``, ``from_``/``to``, ``schedule_from``/
  ``schedule_to``, ``logis.sent_at``) take an ``int`` or a timezone-aware ``datetime``; a naive
  ``datetime`` raises ``InvalidInputError`` before anything is sent. ``from`` is a Python keyword, so
  the window parameters are ``from_`` and ``to``.
- Business failures come as HTTP 200 with a non-zero envelope ``code``: they raise ``ApiError`` with
  ``http_status == 200`` and ``code`` the envelope's code (``1``, ``-1``); a PG decline may instead be a
  payment whose ``status`` is ``"failed"`` — check it.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from ._client import (
    _args,
    _Async,
    _Blocking,
    _Client,
    _guarded,
    _identity,
    _mapping,
    _native_client,
    _parse_webhook,
    _raw_args,
    _wire,
)
from ._client import _webhook_payload as _payload_of
from ._errors import invalid_input
from ._iamport_models import (
    BillingCustomer,
    CashReceipt,
    Certification,
    CertificationOtp,
    EscrowLogis,
    EscrowParty,
    EscrowShipment,
    IamportToken,
    IamportWebhook,
    Page,
    Partial,
    Payment,
    PaymentBalance,
    Prepared,
    Schedule,
    ScheduleItem,
    StandardCode,
    VbankHolder,
    VerifiedPayment,
    to_unix,
)
from ._models import Model

__all__ = ["AsyncIamport", "Iamport", "parse_iamport_webhook"]

#: An amount as input: ``int``, ``float`` or ``Decimal``.
AmountIn = Union[int, float, Decimal]
#: A time as input: unix seconds or a timezone-aware ``datetime``.
TimeIn = Union[int, datetime]
ScheduleItemLike = Union[ScheduleItem, Mapping[str, Any]]
EscrowPartyLike = Union[EscrowParty, Mapping[str, Any]]
EscrowShipmentLike = Union[EscrowShipment, Mapping[str, Any]]
IamportWebhookLike = Union[IamportWebhook, bytes, str, Mapping[str, Any]]
CustomData = Union[str, Mapping[str, Any], None]

# Python parameter → core's argument name.
_RENAMED = {"from_": "from"}


def _iargs(scope: Dict[str, Any], *times: str) -> Dict[str, Any]:
    """A call's arguments (a method's ``locals()``) for the dispatch: unset ones dropped, ``times``
    converted to unix seconds, ``other`` merged in, ``custom_data`` mappings encoded as JSON text."""
    args: Dict[str, Any] = {}
    for key, value in scope.items():
        if value is None or key in ("self", "other"):
            continue
        name = _RENAMED.get(key, key)
        if key in times:
            value = to_unix(value, name)
        elif key == "custom_data" and isinstance(value, Mapping):
            value = json.dumps(_wire(value, name), ensure_ascii=False)
        args[name] = _wire(value, name)
    other = scope.get("other")
    if other is not None:
        # Merged into the request as further fields; each keeps its own name in errors.
        args.update({str(k): _wire(v, str(k)) for k, v in _wire(_mapping(other, "other"), "other").items()})
    return args


def _schedule(item: ScheduleItemLike, index: int) -> Dict[str, Any]:
    field = f"schedules[{index}]"
    if isinstance(item, ScheduleItem):
        return {k: _wire(v, f"{field}.{k}") for k, v in item.to_dict().items()}
    data = {str(k): v for k, v in _mapping(item, field).items()}
    if "schedule_at" in data:
        data["schedule_at"] = to_unix(data["schedule_at"], f"{field}.schedule_at")
    if isinstance(data.get("custom_data"), Mapping):
        data["custom_data"] = json.dumps(_wire(data["custom_data"], f"{field}.custom_data"), ensure_ascii=False)
    data.setdefault("currency", "KRW")
    return {k: _wire(v, f"{field}.{k}") for k, v in data.items() if v is not None}


def _schedules(schedules: Sequence[ScheduleItemLike]) -> List[Dict[str, Any]]:
    if not isinstance(schedules, (list, tuple)):
        raise invalid_input("schedules", f"must be a list (got {type(schedules).__name__})")
    return [_schedule(item, i) for i, item in enumerate(schedules)]


def _logis(
    sender: EscrowPartyLike,
    receiver: EscrowPartyLike,
    logis: EscrowShipmentLike,
    products: Optional[Sequence[Mapping[str, Any]]],
    send_email: Optional[bool],
) -> Dict[str, Any]:
    if isinstance(logis, EscrowShipment):
        shipment = logis.to_dict()
    else:
        shipment = {str(k): v for k, v in _mapping(logis, "logis").items()}
    if "sent_at" in shipment:
        shipment["sent_at"] = to_unix(shipment["sent_at"], "logis.sent_at")
    return _args(
        {"sender": sender, "receiver": receiver, "logis": shipment, "products": products, "send_email": send_email}
    )


def _page(item: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda raw: Page(raw, item)


def _partial(item: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda raw: Partial(raw, item)


def _list(item: Callable[[Any], Model]) -> Callable[[Any], Any]:
    return lambda raw: [item(x) for x in raw]


@_guarded
def parse_iamport_webhook(body: Union[bytes, str], content_type: Optional[str] = None) -> IamportWebhook:
    """Parses an iamport webhook body (JSON or form; ``imp_uid`` is required). V1 webhooks are unsigned:
    ``verify_webhook`` it (a re-fetch of the payment) before acting."""
    return IamportWebhook(_parse_webhook("iamport", body, content_type))


def _webhook_payload(webhook: IamportWebhookLike) -> Dict[str, Any]:
    return _payload_of(webhook, parse_iamport_webhook)


class _IamportClient(_Client):
    __slots__ = ()

    def __init__(
        self,
        *,
        imp_key: Optional[str] = None,
        imp_secret: Optional[str] = None,
        base_url: Optional[str] = None,
        tier: Optional[str] = None,
        timeout: Optional[float] = 30.0,
        connect_timeout: Optional[float] = 5.0,
        proxy: Optional[str] = None,
        max_retries: int = 2,
        max_response_bytes: Optional[int] = None,
        max_in_flight: Optional[int] = None,
    ) -> None:
        self._native = _native_client(
            "iamport",
            {
                "imp_key": imp_key,
                "imp_secret": imp_secret,
                "base_url": base_url,
                "tier": tier,
                "timeout": timeout,
                "connect_timeout": connect_timeout,
                "proxy": proxy,
                "max_retries": max_retries,
                "max_response_bytes": max_response_bytes,
                "max_in_flight": max_in_flight,
            },
        )

    parse_webhook = staticmethod(parse_iamport_webhook)


class Iamport(_IamportClient, _Blocking):
    """The blocking iamport (PortOne V1) client. Create one per process and share it between threads: calls
    release the GIL and share one connection pool and one token (fetched once however many threads ask,
    refreshed ahead of expiry and once after a 401). It keeps working in children of a forking server.

    ``imp_key`` + ``imp_secret`` are the REST API key pair; half a pair raises ``InvalidInputError``.
    ``base_url`` defaults to ``https://api.iamport.kr`` (``https://static-api.iamport.kr`` for fixed egress
    IPs); ``tier`` is the sub-merchant code of agency accounts; ``timeout`` is per attempt, in seconds.
    ``timeout`` and ``connect_timeout`` must be above 0 and at most a day. ``max_response_bytes`` caps an
    answer's size (default 16 MiB, 1 KiB–1 GiB; a larger one is refused while it streams in);
    ``max_in_flight`` bounds the requests this client has on the wire at once (default 64, 1–10000).
    Redirects are never followed: a 3xx raises ``RedirectError``.
    """

    __slots__ = ()

    def get_access_token(self) -> IamportToken:
        """The current access token (``users/getToken``), fetched if needed and cached."""
        return self._call("get_access_token", {}, IamportToken)

    # ---- payments --------------------------------------------------------------------------------

    def get_payment(self, imp_uid: str, include_sandbox: bool = False) -> Payment:
        """One payment (``GET payments/{imp_uid}``); ``include_sandbox`` shows test-channel payments too."""
        return self._call("get_payment", _iargs(locals()), Payment)

    def get_payments(
        self, imp_uids: Optional[Sequence[str]] = None, merchant_uids: Optional[Sequence[str]] = None
    ) -> Partial[Payment]:
        """Up to 100 payments by ids. An answer missing some ids (HTTP 207) has ``complete == False`` and
        names them in ``missing``."""
        return self._call("get_payments", _iargs(locals()), _partial(Payment))

    def find_payment(self, merchant_uid: str, status: Optional[str] = None, sorting: Optional[str] = None) -> Payment:
        """The payment of an order (the first by ``sorting``, default ``"-started"``: newest); ``status``
        narrows it (``"paid"``…)."""
        return self._call("find_payment", _iargs(locals()), Payment)

    def find_all_payments(
        self,
        merchant_uid: str,
        status: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        sorting: Optional[str] = None,
    ) -> Page[Payment]:
        """Every payment of an order, paged."""
        return self._call("find_all_payments", _iargs(locals()), _page(Payment))

    def get_payments_by_status(
        self,
        status: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        sorting: Optional[str] = None,
        from_: Optional[TimeIn] = None,
        to: Optional[TimeIn] = None,
    ) -> Page[Payment]:
        """Payments in a state (``None``: all) over a window ``[from_, to]`` of at most 90 days, paged."""
        return self._call("get_payments_by_status", _iargs(locals(), "from_", "to"), _page(Payment))

    def get_payment_balance(self, imp_uid: str) -> PaymentBalance:
        """The per-means amount breakdown of a (PAYCO) payment."""
        return self._call("get_payment_balance", _iargs(locals()), PaymentBalance)

    def cancel_payment(
        self,
        imp_uid: Optional[str] = None,
        merchant_uid: Optional[str] = None,
        amount: Optional[AmountIn] = None,
        tax_free: Optional[AmountIn] = None,
        vat_amount: Optional[AmountIn] = None,
        checksum: Optional[AmountIn] = None,
        reason: Optional[str] = None,
        refund_holder: Optional[str] = None,
        refund_bank: Optional[str] = None,
        refund_account: Optional[str] = None,
        refund_tel: Optional[str] = None,
        retain_promotion: Optional[bool] = None,
        enable_webhook: Optional[bool] = None,
        extra: Optional[Mapping[str, Any]] = None,
    ) -> Payment:
        """Cancels fully (no ``amount``) or partly. ``checksum`` (the cancellable balance you believe
        remains) is filled from a fresh look-up when unset, so a retried cancel never refunds twice; a
        stale one is refused (``ApiError``, HTTP 200). A paid virtual account needs the ``refund_*`` fields.
        On ``OutcomeUnknownError`` repeat with ``checksum=float(error.idempotency_key)``: if the lost cancel
        went through, the payment comes back as it stands instead of being refunded again."""
        return self._call("cancel_payment", _iargs(locals()), Payment)

    def prepare_payment(self, merchant_uid: str, amount: AmountIn, currency: Optional[str] = None) -> Prepared:
        """Registers the amount an order must be paid with: a browser payment of another amount is
        stopped before the PG window opens."""
        return self._call("prepare_payment", _iargs(locals()), Prepared)

    def update_prepared_payment(self, merchant_uid: str, amount: AmountIn, currency: Optional[str] = None) -> Prepared:
        """Changes a registered amount."""
        return self._call("update_prepared_payment", _iargs(locals()), Prepared)

    def get_prepared_payment(self, merchant_uid: str) -> Prepared:
        """The registered amount of an order."""
        return self._call("get_prepared_payment", _iargs(locals()), Prepared)

    # ---- billing keys ----------------------------------------------------------------------------

    def get_billing_keys(self, customer_uids: Sequence[str]) -> Partial[BillingCustomer]:
        """Several billing keys; a partial answer (HTTP 207) has ``complete == False``."""
        return self._call("get_billing_keys", _iargs(locals()), _partial(BillingCustomer))

    def get_billing_key(self, customer_uid: str) -> BillingCustomer:
        """One billing key."""
        return self._call("get_billing_key", _iargs(locals()), BillingCustomer)

    def issue_billing_key(
        self,
        customer_uid: str,
        card_number: str,
        expiry: str,
        birth: Optional[str] = None,
        pwd_2digit: Optional[str] = None,
        cvc: Optional[str] = None,
        *,
        channel_key: Optional[str] = None,
        pg: Optional[str] = None,
        customer_id: Optional[str] = None,
        customer_name: Optional[str] = None,
        customer_tel: Optional[str] = None,
        customer_email: Optional[str] = None,
        customer_addr: Optional[str] = None,
        customer_postcode: Optional[str] = None,
    ) -> BillingCustomer:
        """Issues (or replaces) a billing key from card data: ``card_number`` ``dddd-dddd-dddd-dddd``,
        ``expiry`` ``YYYY-MM``, ``birth`` ``YYMMDD`` (or a business number). Never retried once sent."""
        return self._call("issue_billing_key", _iargs(locals()), BillingCustomer)

    def delete_billing_key(
        self, customer_uid: str, reason: Optional[str] = None, requester: Optional[str] = None
    ) -> BillingCustomer:
        """Deletes a billing key (revoke its schedules first); ``requester`` is ``customer`` or ``admin``."""
        return self._call("delete_billing_key", _iargs(locals()), BillingCustomer)

    def get_billing_key_payments(self, customer_uid: str, page: Optional[int] = None) -> Page[Payment]:
        """Payments made with a billing key, paged."""
        return self._call("get_billing_key_payments", _iargs(locals()), _page(Payment))

    def get_billing_key_schedules(
        self,
        customer_uid: str,
        from_: TimeIn,
        to: TimeIn,
        status: Optional[str] = None,
        page: Optional[int] = None,
    ) -> Page[Schedule]:
        """Schedules of a billing key in ``[from_, to)`` (at most 3 months), paged."""
        return self._call("get_billing_key_schedules", _iargs(locals(), "from_", "to"), _page(Schedule))

    def pay_onetime(
        self,
        merchant_uid: str,
        amount: AmountIn,
        card_number: str,
        expiry: str,
        *,
        birth: Optional[str] = None,
        pwd_2digit: Optional[str] = None,
        cvc: Optional[str] = None,
        customer_uid: Optional[str] = None,
        name: Optional[str] = None,
        pg: Optional[str] = None,
        currency: Optional[str] = None,
        tax_free: Optional[AmountIn] = None,
        vat_amount: Optional[AmountIn] = None,
        buyer_name: Optional[str] = None,
        buyer_email: Optional[str] = None,
        buyer_tel: Optional[str] = None,
        buyer_addr: Optional[str] = None,
        buyer_postcode: Optional[str] = None,
        card_quota: Optional[int] = None,
        custom_data: CustomData = None,
        notice_url: Optional[str] = None,
        product_type: Optional[str] = None,
        other: Optional[Mapping[str, Any]] = None,
    ) -> Payment:
        """A key-in card payment, storing the card as ``customer_uid`` when given. Never retried once sent:
        on ``OutcomeUnknownError`` look the order up with ``find_payment(merchant_uid)``. A PG decline may
        come back as a payment with ``status == "failed"``. ``other`` adds any further field."""
        return self._call("pay_onetime", _iargs(locals()), Payment)

    def pay_again(
        self,
        customer_uid: str,
        merchant_uid: str,
        amount: AmountIn,
        name: str,
        *,
        channel_key: Optional[str] = None,
        currency: Optional[str] = None,
        tax_free: Optional[AmountIn] = None,
        vat_amount: Optional[AmountIn] = None,
        buyer_name: Optional[str] = None,
        buyer_email: Optional[str] = None,
        buyer_tel: Optional[str] = None,
        buyer_addr: Optional[str] = None,
        buyer_postcode: Optional[str] = None,
        card_quota: Optional[int] = None,
        custom_data: CustomData = None,
        notice_url: Optional[str] = None,
        product_type: Optional[str] = None,
        other: Optional[Mapping[str, Any]] = None,
    ) -> Payment:
        """A payment with a stored billing key. Never retried once sent: on ``OutcomeUnknownError`` look the
        order up with ``find_payment(merchant_uid)``. Check ``status``: a decline may be ``"failed"``."""
        return self._call("pay_again", _iargs(locals()), Payment)

    # ---- schedules -------------------------------------------------------------------------------

    def schedule_payments(
        self,
        customer_uid: str,
        schedules: Sequence[ScheduleItemLike],
        *,
        card_number: Optional[str] = None,
        expiry: Optional[str] = None,
        birth: Optional[str] = None,
        pwd_2digit: Optional[str] = None,
        cvc: Optional[str] = None,
        checking_amount: Optional[int] = None,
        channel_key: Optional[str] = None,
        customer_id: Optional[str] = None,
    ) -> List[Schedule]:
        """Registers scheduled payments of a billing key (issued first from the card data when it does not
        exist yet). ``schedules``: ``ScheduleItem``s or dicts (``currency`` defaults to KRW)."""
        args = _iargs({k: v for k, v in locals().items() if k != "schedules"})
        args["schedules"] = _schedules(schedules)
        return self._call("schedule_payments", args, _list(Schedule))

    def unschedule_payments(
        self, customer_uid: Optional[str] = None, merchant_uids: Optional[Sequence[str]] = None
    ) -> List[Schedule]:
        """Revokes schedules: every pending one of a key (no ``merchant_uids``), or the listed ones."""
        return self._call("unschedule_payments", _iargs(locals()), _list(Schedule))

    def get_schedule(self, merchant_uid: str) -> Schedule:
        """One schedule."""
        return self._call("get_schedule", _iargs(locals()), Schedule)

    def update_schedule(self, merchant_uid: str, schedule_at: TimeIn) -> Schedule:
        """Moves a pending schedule."""
        return self._call("update_schedule", _iargs(locals(), "schedule_at"), Schedule)

    def reschedule_payment(self, merchant_uid: str, schedule_at: TimeIn) -> Schedule:
        """Schedules a failed or revoked run again."""
        return self._call("reschedule_payment", _iargs(locals(), "schedule_at"), Schedule)

    def retry_schedule(self, merchant_uid: str) -> Payment:
        """Runs a failed or revoked schedule now; answers the payment (check its ``status``)."""
        return self._call("retry_schedule", _iargs(locals()), Payment)

    def get_schedules(
        self,
        schedule_from: TimeIn,
        schedule_to: TimeIn,
        status: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        sorting: Optional[str] = None,
    ) -> Page[Schedule]:
        """Schedules in ``[schedule_from, schedule_to)`` (at most 3 months), paged."""
        return self._call("get_schedules", _iargs(locals(), "schedule_from", "schedule_to"), _page(Schedule))

    def get_schedules_by_customer(
        self,
        customer_uid: str,
        from_: TimeIn,
        to: TimeIn,
        status: Optional[str] = None,
        page: Optional[int] = None,
    ) -> Page[Schedule]:
        """Schedules of a billing key in ``[from_, to)``, paged."""
        return self._call("get_schedules_by_customer", _iargs(locals(), "from_", "to"), _page(Schedule))

    # ---- virtual accounts ------------------------------------------------------------------------

    def issue_vbank(
        self,
        merchant_uid: str,
        amount: AmountIn,
        vbank_code: str,
        vbank_due: TimeIn,
        *,
        channel_key: Optional[str] = None,
        pg: Optional[str] = None,
        vbank_holder: Optional[str] = None,
        name: Optional[str] = None,
        buyer_name: Optional[str] = None,
        buyer_email: Optional[str] = None,
        buyer_tel: Optional[str] = None,
        notice_url: Union[str, Sequence[str], None] = None,
        custom_data: CustomData = None,
        other: Optional[Mapping[str, Any]] = None,
    ) -> Payment:
        """Issues a virtual account: a ``ready`` payment with ``vbank_*`` filled, due at ``vbank_due``."""
        if isinstance(notice_url, str):
            notice_url = [notice_url]
        return self._call("issue_vbank", _iargs(locals(), "vbank_due"), Payment)

    def update_vbank(
        self, imp_uid: str, amount: Optional[AmountIn] = None, vbank_due: Optional[TimeIn] = None
    ) -> Payment:
        """Changes the amount or the due date of an unpaid virtual account."""
        return self._call("update_vbank", _iargs(locals(), "vbank_due"), Payment)

    def revoke_vbank(self, imp_uid: str) -> Payment:
        """Revokes an unpaid virtual account."""
        return self._call("revoke_vbank", _iargs(locals()), Payment)

    def get_vbank_holder(self, bank_code: str, bank_num: str) -> VbankHolder:
        """The holder of a bank account, e.g. to check a refund account."""
        return self._call("get_vbank_holder", _iargs(locals()), VbankHolder)

    # ---- certifications --------------------------------------------------------------------------

    def get_certification(self, imp_uid: str) -> Certification:
        """An identity verification result; only ``certified`` means verified."""
        return self._call("get_certification", _iargs(locals()), Certification)

    def delete_certification(self, imp_uid: str) -> Certification:
        """Erases a verification result from PortOne."""
        return self._call("delete_certification", _iargs(locals()), Certification)

    def request_certification_otp(
        self,
        name: str,
        phone: str,
        birth: str,
        gender_digit: Union[str, int],
        carrier: str,
        *,
        is_mvno: Optional[bool] = None,
        company: Optional[str] = None,
        merchant_uid: Optional[str] = None,
        channel_key: Optional[str] = None,
        verification_method: Optional[str] = None,
    ) -> CertificationOtp:
        """Starts an OTP verification (``birth`` ``YYMMDD``, ``gender_digit`` the 7th resident-number digit,
        ``carrier`` ``SKT``/``KT``/``LGT``); confirm it with ``confirm_certification_otp``."""
        if isinstance(gender_digit, int) and not isinstance(gender_digit, bool):
            gender_digit = str(_wire(gender_digit, "gender_digit"))
        return self._call("request_certification_otp", _iargs(locals()), CertificationOtp)

    def confirm_certification_otp(self, imp_uid: str, otp: str) -> Certification:
        """Confirms the OTP the person received."""
        return self._call("confirm_certification_otp", _iargs(locals()), Certification)

    # ---- escrow ----------------------------------------------------------------------------------

    def get_escrow_logis(self, imp_uid: str) -> EscrowLogis:
        """Shipping information of an escrow payment (``ApiError`` 409 when none is registered)."""
        return self._call("get_escrow_logis", _iargs(locals()), EscrowLogis)

    def register_escrow_logis(
        self,
        imp_uid: str,
        sender: EscrowPartyLike,
        receiver: EscrowPartyLike,
        logis: EscrowShipmentLike,
        products: Optional[Sequence[Mapping[str, Any]]] = None,
        send_email: Optional[bool] = None,
    ) -> EscrowLogis:
        """Registers the shipment of an escrow payment (``ApiError`` 409 when already registered)."""
        args = {"imp_uid": _wire(imp_uid, "imp_uid"), **_logis(sender, receiver, logis, products, send_email)}
        return self._call("register_escrow_logis", args, EscrowLogis)

    def update_escrow_logis(
        self,
        imp_uid: str,
        sender: EscrowPartyLike,
        receiver: EscrowPartyLike,
        logis: EscrowShipmentLike,
        products: Optional[Sequence[Mapping[str, Any]]] = None,
        send_email: Optional[bool] = None,
    ) -> EscrowLogis:
        """Updates the registered shipment."""
        args = {"imp_uid": _wire(imp_uid, "imp_uid"), **_logis(sender, receiver, logis, products, send_email)}
        return self._call("update_escrow_logis", args, EscrowLogis)

    # ---- cash receipts ---------------------------------------------------------------------------

    def get_cash_receipt(self, imp_uid: str) -> CashReceipt:
        """The cash receipt of a payment."""
        return self._call("get_cash_receipt", _iargs(locals()), CashReceipt)

    def issue_cash_receipt(
        self,
        imp_uid: str,
        identifier: str,
        type: Optional[str] = None,  # noqa: A002 - iamport's name
        *,
        identifier_type: Optional[str] = None,
        buyer_name: Optional[str] = None,
        buyer_email: Optional[str] = None,
        buyer_tel: Optional[str] = None,
        tax_free: Optional[int] = None,
        other: Optional[Mapping[str, Any]] = None,
    ) -> CashReceipt:
        """Issues a cash receipt for a paid payment. ``identifier``: tax card, phone, resident or business
        number; ``type``: ``person`` (income deduction, default) or ``company`` (expense proof)."""
        return self._call("issue_cash_receipt", _iargs(locals()), CashReceipt)

    def revoke_cash_receipt(self, imp_uid: str) -> CashReceipt:
        """Revokes the cash receipt of a payment."""
        return self._call("revoke_cash_receipt", _iargs(locals()), CashReceipt)

    def get_external_cash_receipt(self, merchant_uid: str) -> CashReceipt:
        """The cash receipt of a sale outside PortOne."""
        return self._call("get_external_cash_receipt", _iargs(locals()), CashReceipt)

    def issue_external_cash_receipt(
        self,
        merchant_uid: str,
        name: str,
        amount: AmountIn,
        identifier: str,
        *,
        type: Optional[str] = None,  # noqa: A002 - iamport's name
        identifier_type: Optional[str] = None,
        channel_key: Optional[str] = None,
        pg: Optional[str] = None,
        other: Optional[Mapping[str, Any]] = None,
    ) -> CashReceipt:
        """Issues a cash receipt for a sale outside PortOne. ``other``: ``buyer_*``, ``tax_free``…"""
        return self._call("issue_external_cash_receipt", _iargs(locals()), CashReceipt)

    def revoke_external_cash_receipt(self, merchant_uid: str) -> CashReceipt:
        """Revokes the cash receipt of an external sale."""
        return self._call("revoke_external_cash_receipt", _iargs(locals()), CashReceipt)

    # ---- codes -----------------------------------------------------------------------------------

    def get_banks(self) -> List[StandardCode]:
        """Every KFTC bank code."""
        return self._call("get_banks", {}, _list(StandardCode))

    def get_bank(self, code: str) -> StandardCode:
        """One bank."""
        return self._call("get_bank", _iargs(locals()), StandardCode)

    def get_cards(self) -> List[StandardCode]:
        """Every card-company code."""
        return self._call("get_cards", {}, _list(StandardCode))

    def get_card(self, code: str) -> StandardCode:
        """One card company."""
        return self._call("get_card", _iargs(locals()), StandardCode)

    # ---- escape hatch, forgery check, webhooks ---------------------------------------------------

    def raw_request(
        self,
        method: str,
        path: str,
        body: Any = None,
        query: Union[Mapping[str, Any], Sequence[Tuple[str, Any]], None] = None,
        idempotent: Optional[bool] = None,
    ) -> Any:
        """Sends a request for an endpoint paywire does not wrap (e.g. the Naver Pay actions), with the
        same auth, retries and errors; answers the envelope's ``response`` as plain Python values.
        ``idempotent`` (default: only for GET) allows retries."""
        return self._call("raw_request", _raw_args(locals()), _identity)

    def verify_payment(self, imp_uid: str, expected_amount: AmountIn) -> VerifiedPayment:
        """The forgery check: re-fetches the payment and accepts it only when its amount is exactly
        ``expected_amount`` and it is ``paid``, or ``ready`` as an issued virtual account. Raises
        ``VerificationError`` otherwise (``kind`` ``"amount_mismatch"``: cancel it, it was tampered with)."""
        return self._call("verify_payment", _iargs(locals()), VerifiedPayment)

    def verify_webhook(self, webhook: IamportWebhookLike) -> Payment:
        """Verifies a webhook by re-fetching its payment (a payload whose ``merchant_uid`` does not match is
        refused as forged); returns the payment as iamport reports it now. Check its amount with
        ``verify_payment``. Accepts a parsed ``IamportWebhook``, the raw body (bytes/str) or the payload dict."""
        return self._call("verify_webhook", {"webhook": _webhook_payload(webhook)}, Payment)


class AsyncIamport(_IamportClient, _Async):
    """The asyncio iamport (PortOne V1) client: the same operations as ``Iamport``, as coroutines.

    Every call runs on one shared tokio runtime; 500 concurrent calls on a cold client still fetch one
    token. Cancelling the awaiting task stops the waiting only: a payment already sent runs to its end, and
    its outcome is logged (warning on the ``paywire`` logger) since nobody receives it.
    """

    __slots__ = ()

    async def get_access_token(self) -> IamportToken:
        """The current access token (``users/getToken``), fetched if needed and cached."""
        return await self._acall("get_access_token", {}, IamportToken)

    # ---- payments --------------------------------------------------------------------------------

    async def get_payment(self, imp_uid: str, include_sandbox: bool = False) -> Payment:
        """One payment (``GET payments/{imp_uid}``); ``include_sandbox`` shows test-channel payments too."""
        return await self._acall("get_payment", _iargs(locals()), Payment)

    async def get_payments(
        self, imp_uids: Optional[Sequence[str]] = None, merchant_uids: Optional[Sequence[str]] = None
    ) -> Partial[Payment]:
        """Up to 100 payments by ids. An answer missing some ids (HTTP 207) has ``complete == False`` and
        names them in ``missing``."""
        return await self._acall("get_payments", _iargs(locals()), _partial(Payment))

    async def find_payment(
        self, merchant_uid: str, status: Optional[str] = None, sorting: Optional[str] = None
    ) -> Payment:
        """The payment of an order (the first by ``sorting``, default ``"-started"``: newest); ``status``
        narrows it (``"paid"``…)."""
        return await self._acall("find_payment", _iargs(locals()), Payment)

    async def find_all_payments(
        self,
        merchant_uid: str,
        status: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        sorting: Optional[str] = None,
    ) -> Page[Payment]:
        """Every payment of an order, paged."""
        return await self._acall("find_all_payments", _iargs(locals()), _page(Payment))

    async def get_payments_by_status(
        self,
        status: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        sorting: Optional[str] = None,
        from_: Optional[TimeIn] = None,
        to: Optional[TimeIn] = None,
    ) -> Page[Payment]:
        """Payments in a state (``None``: all) over a window ``[from_, to]`` of at most 90 days, paged."""
        return await self._acall("get_payments_by_status", _iargs(locals(), "from_", "to"), _page(Payment))

    async def get_payment_balance(self, imp_uid: str) -> PaymentBalance:
        """The per-means amount breakdown of a (PAYCO) payment."""
        return await self._acall("get_payment_balance", _iargs(locals()), PaymentBalance)

    async def cancel_payment(
        self,
        imp_uid: Optional[str] = None,
        merchant_uid: Optional[str] = None,
        amount: Optional[AmountIn] = None,
        tax_free: Optional[AmountIn] = None,
        vat_amount: Optional[AmountIn] = None,
        checksum: Optional[AmountIn] = None,
        reason: Optional[str] = None,
        refund_holder: Optional[str] = None,
        refund_bank: Optional[str] = None,
        refund_account: Optional[str] = None,
        refund_tel: Optional[str] = None,
        retain_promotion: Optional[bool] = None,
        enable_webhook: Optional[bool] = None,
        extra: Optional[Mapping[str, Any]] = None,
    ) -> Payment:
        """Cancels fully (no ``amount``) or partly. ``checksum`` (the cancellable balance you believe
        remains) is filled from a fresh look-up when unset, so a retried cancel never refunds twice; a
        stale one is refused (``ApiError``, HTTP 200). A paid virtual account needs the ``refund_*`` fields.
        On ``OutcomeUnknownError`` repeat with ``checksum=float(error.idempotency_key)``: if the lost cancel
        went through, the payment comes back as it stands instead of being refunded again."""
        return await self._acall("cancel_payment", _iargs(locals()), Payment)

    async def prepare_payment(self, merchant_uid: str, amount: AmountIn, currency: Optional[str] = None) -> Prepared:
        """Registers the amount an order must be paid with: a browser payment of another amount is
        stopped before the PG window opens."""
        return await self._acall("prepare_payment", _iargs(locals()), Prepared)

    async def update_prepared_payment(
        self, merchant_uid: str, amount: AmountIn, currency: Optional[str] = None
    ) -> Prepared:
        """Changes a registered amount."""
        return await self._acall("update_prepared_payment", _iargs(locals()), Prepared)

    async def get_prepared_payment(self, merchant_uid: str) -> Prepared:
        """The registered amount of an order."""
        return await self._acall("get_prepared_payment", _iargs(locals()), Prepared)

    # ---- billing keys ----------------------------------------------------------------------------

    async def get_billing_keys(self, customer_uids: Sequence[str]) -> Partial[BillingCustomer]:
        """Several billing keys; a partial answer (HTTP 207) has ``complete == False``."""
        return await self._acall("get_billing_keys", _iargs(locals()), _partial(BillingCustomer))

    async def get_billing_key(self, customer_uid: str) -> BillingCustomer:
        """One billing key."""
        return await self._acall("get_billing_key", _iargs(locals()), BillingCustomer)

    async def issue_billing_key(
        self,
        customer_uid: str,
        card_number: str,
        expiry: str,
        birth: Optional[str] = None,
        pwd_2digit: Optional[str] = None,
        cvc: Optional[str] = None,
        *,
        channel_key: Optional[str] = None,
        pg: Optional[str] = None,
        customer_id: Optional[str] = None,
        customer_name: Optional[str] = None,
        customer_tel: Optional[str] = None,
        customer_email: Optional[str] = None,
        customer_addr: Optional[str] = None,
        customer_postcode: Optional[str] = None,
    ) -> BillingCustomer:
        """Issues (or replaces) a billing key from card data: ``card_number`` ``dddd-dddd-dddd-dddd``,
        ``expiry`` ``YYYY-MM``, ``birth`` ``YYMMDD`` (or a business number). Never retried once sent."""
        return await self._acall("issue_billing_key", _iargs(locals()), BillingCustomer)

    async def delete_billing_key(
        self, customer_uid: str, reason: Optional[str] = None, requester: Optional[str] = None
    ) -> BillingCustomer:
        """Deletes a billing key (revoke its schedules first); ``requester`` is ``customer`` or ``admin``."""
        return await self._acall("delete_billing_key", _iargs(locals()), BillingCustomer)

    async def get_billing_key_payments(self, customer_uid: str, page: Optional[int] = None) -> Page[Payment]:
        """Payments made with a billing key, paged."""
        return await self._acall("get_billing_key_payments", _iargs(locals()), _page(Payment))

    async def get_billing_key_schedules(
        self,
        customer_uid: str,
        from_: TimeIn,
        to: TimeIn,
        status: Optional[str] = None,
        page: Optional[int] = None,
    ) -> Page[Schedule]:
        """Schedules of a billing key in ``[from_, to)`` (at most 3 months), paged."""
        return await self._acall("get_billing_key_schedules", _iargs(locals(), "from_", "to"), _page(Schedule))

    async def pay_onetime(
        self,
        merchant_uid: str,
        amount: AmountIn,
        card_number: str,
        expiry: str,
        *,
        birth: Optional[str] = None,
        pwd_2digit: Optional[str] = None,
        cvc: Optional[str] = None,
        customer_uid: Optional[str] = None,
        name: Optional[str] = None,
        pg: Optional[str] = None,
        currency: Optional[str] = None,
        tax_free: Optional[AmountIn] = None,
        vat_amount: Optional[AmountIn] = None,
        buyer_name: Optional[str] = None,
        buyer_email: Optional[str] = None,
        buyer_tel: Optional[str] = None,
        buyer_addr: Optional[str] = None,
        buyer_postcode: Optional[str] = None,
        card_quota: Optional[int] = None,
        custom_data: CustomData = None,
        notice_url: Optional[str] = None,
        product_type: Optional[str] = None,
        other: Optional[Mapping[str, Any]] = None,
    ) -> Payment:
        """A key-in card payment, storing the card as ``customer_uid`` when given. Never retried once sent:
        on ``OutcomeUnknownError`` look the order up with ``find_payment(merchant_uid)``. A PG decline may
        come back as a payment with ``status == "failed"``. ``other`` adds any further field."""
        return await self._acall("pay_onetime", _iargs(locals()), Payment)

    async def pay_again(
        self,
        customer_uid: str,
        merchant_uid: str,
        amount: AmountIn,
        name: str,
        *,
        channel_key: Optional[str] = None,
        currency: Optional[str] = None,
        tax_free: Optional[AmountIn] = None,
        vat_amount: Optional[AmountIn] = None,
        buyer_name: Optional[str] = None,
        buyer_email: Optional[str] = None,
        buyer_tel: Optional[str] = None,
        buyer_addr: Optional[str] = None,
        buyer_postcode: Optional[str] = None,
        card_quota: Optional[int] = None,
        custom_data: CustomData = None,
        notice_url: Optional[str] = None,
        product_type: Optional[str] = None,
        other: Optional[Mapping[str, Any]] = None,
    ) -> Payment:
        """A payment with a stored billing key. Never retried once sent: on ``OutcomeUnknownError`` look the
        order up with ``find_payment(merchant_uid)``. Check ``status``: a decline may be ``"failed"``."""
        return await self._acall("pay_again", _iargs(locals()), Payment)

    # ---- schedules -------------------------------------------------------------------------------

    async def schedule_payments(
        self,
        customer_uid: str,
        schedules: Sequence[ScheduleItemLike],
        *,
        card_number: Optional[str] = None,
        expiry: Optional[str] = None,
        birth: Optional[str] = None,
        pwd_2digit: Optional[str] = None,
        cvc: Optional[str] = None,
        checking_amount: Optional[int] = None,
        channel_key: Optional[str] = None,
        customer_id: Optional[str] = None,
    ) -> List[Schedule]:
        """Registers scheduled payments of a billing key (issued first from the card data when it does not
        exist yet). ``schedules``: ``ScheduleItem``s or dicts (``currency`` defaults to KRW)."""
        args = _iargs({k: v for k, v in locals().items() if k != "schedules"})
        args["schedules"] = _schedules(schedules)
        return await self._acall("schedule_payments", args, _list(Schedule))

    async def unschedule_payments(
        self, customer_uid: Optional[str] = None, merchant_uids: Optional[Sequence[str]] = None
    ) -> List[Schedule]:
        """Revokes schedules: every pending one of a key (no ``merchant_uids``), or the listed ones."""
        return await self._acall("unschedule_payments", _iargs(locals()), _list(Schedule))

    async def get_schedule(self, merchant_uid: str) -> Schedule:
        """One schedule."""
        return await self._acall("get_schedule", _iargs(locals()), Schedule)

    async def update_schedule(self, merchant_uid: str, schedule_at: TimeIn) -> Schedule:
        """Moves a pending schedule."""
        return await self._acall("update_schedule", _iargs(locals(), "schedule_at"), Schedule)

    async def reschedule_payment(self, merchant_uid: str, schedule_at: TimeIn) -> Schedule:
        """Schedules a failed or revoked run again."""
        return await self._acall("reschedule_payment", _iargs(locals(), "schedule_at"), Schedule)

    async def retry_schedule(self, merchant_uid: str) -> Payment:
        """Runs a failed or revoked schedule now; answers the payment (check its ``status``)."""
        return await self._acall("retry_schedule", _iargs(locals()), Payment)

    async def get_schedules(
        self,
        schedule_from: TimeIn,
        schedule_to: TimeIn,
        status: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        sorting: Optional[str] = None,
    ) -> Page[Schedule]:
        """Schedules in ``[schedule_from, schedule_to)`` (at most 3 months), paged."""
        return await self._acall("get_schedules", _iargs(locals(), "schedule_from", "schedule_to"), _page(Schedule))

    async def get_schedules_by_customer(
        self,
        customer_uid: str,
        from_: TimeIn,
        to: TimeIn,
        status: Optional[str] = None,
        page: Optional[int] = None,
    ) -> Page[Schedule]:
        """Schedules of a billing key in ``[from_, to)``, paged."""
        return await self._acall("get_schedules_by_customer", _iargs(locals(), "from_", "to"), _page(Schedule))

    # ---- virtual accounts ------------------------------------------------------------------------

    async def issue_vbank(
        self,
        merchant_uid: str,
        amount: AmountIn,
        vbank_code: str,
        vbank_due: TimeIn,
        *,
        channel_key: Optional[str] = None,
        pg: Optional[str] = None,
        vbank_holder: Optional[str] = None,
        name: Optional[str] = None,
        buyer_name: Optional[str] = None,
        buyer_email: Optional[str] = None,
        buyer_tel: Optional[str] = None,
        notice_url: Union[str, Sequence[str], None] = None,
        custom_data: CustomData = None,
        other: Optional[Mapping[str, Any]] = None,
    ) -> Payment:
        """Issues a virtual account: a ``ready`` payment with ``vbank_*`` filled, due at ``vbank_due``."""
        if isinstance(notice_url, str):
            notice_url = [notice_url]
        return await self._acall("issue_vbank", _iargs(locals(), "vbank_due"), Payment)

    async def update_vbank(
        self, imp_uid: str, amount: Optional[AmountIn] = None, vbank_due: Optional[TimeIn] = None
    ) -> Payment:
        """Changes the amount or the due date of an unpaid virtual account."""
        return await self._acall("update_vbank", _iargs(locals(), "vbank_due"), Payment)

    async def revoke_vbank(self, imp_uid: str) -> Payment:
        """Revokes an unpaid virtual account."""
        return await self._acall("revoke_vbank", _iargs(locals()), Payment)

    async def get_vbank_holder(self, bank_code: str, bank_num: str) -> VbankHolder:
        """The holder of a bank account, e.g. to check a refund account."""
        return await self._acall("get_vbank_holder", _iargs(locals()), VbankHolder)

    # ---- certifications --------------------------------------------------------------------------

    async def get_certification(self, imp_uid: str) -> Certification:
        """An identity verification result; only ``certified`` means verified."""
        return await self._acall("get_certification", _iargs(locals()), Certification)

    async def delete_certification(self, imp_uid: str) -> Certification:
        """Erases a verification result from PortOne."""
        return await self._acall("delete_certification", _iargs(locals()), Certification)

    async def request_certification_otp(
        self,
        name: str,
        phone: str,
        birth: str,
        gender_digit: Union[str, int],
        carrier: str,
        *,
        is_mvno: Optional[bool] = None,
        company: Optional[str] = None,
        merchant_uid: Optional[str] = None,
        channel_key: Optional[str] = None,
        verification_method: Optional[str] = None,
    ) -> CertificationOtp:
        """Starts an OTP verification (``birth`` ``YYMMDD``, ``gender_digit`` the 7th resident-number digit,
        ``carrier`` ``SKT``/``KT``/``LGT``); confirm it with ``confirm_certification_otp``."""
        if isinstance(gender_digit, int) and not isinstance(gender_digit, bool):
            gender_digit = str(_wire(gender_digit, "gender_digit"))
        return await self._acall("request_certification_otp", _iargs(locals()), CertificationOtp)

    async def confirm_certification_otp(self, imp_uid: str, otp: str) -> Certification:
        """Confirms the OTP the person received."""
        return await self._acall("confirm_certification_otp", _iargs(locals()), Certification)

    # ---- escrow ----------------------------------------------------------------------------------

    async def get_escrow_logis(self, imp_uid: str) -> EscrowLogis:
        """Shipping information of an escrow payment (``ApiError`` 409 when none is registered)."""
        return await self._acall("get_escrow_logis", _iargs(locals()), EscrowLogis)

    async def register_escrow_logis(
        self,
        imp_uid: str,
        sender: EscrowPartyLike,
        receiver: EscrowPartyLike,
        logis: EscrowShipmentLike,
        products: Optional[Sequence[Mapping[str, Any]]] = None,
        send_email: Optional[bool] = None,
    ) -> EscrowLogis:
        """Registers the shipment of an escrow payment (``ApiError`` 409 when already registered)."""
        args = {"imp_uid": _wire(imp_uid, "imp_uid"), **_logis(sender, receiver, logis, products, send_email)}
        return await self._acall("register_escrow_logis", args, EscrowLogis)

    async def update_escrow_logis(
        self,
        imp_uid: str,
        sender: EscrowPartyLike,
        receiver: EscrowPartyLike,
        logis: EscrowShipmentLike,
        products: Optional[Sequence[Mapping[str, Any]]] = None,
        send_email: Optional[bool] = None,
    ) -> EscrowLogis:
        """Updates the registered shipment."""
        args = {"imp_uid": _wire(imp_uid, "imp_uid"), **_logis(sender, receiver, logis, products, send_email)}
        return await self._acall("update_escrow_logis", args, EscrowLogis)

    # ---- cash receipts ---------------------------------------------------------------------------

    async def get_cash_receipt(self, imp_uid: str) -> CashReceipt:
        """The cash receipt of a payment."""
        return await self._acall("get_cash_receipt", _iargs(locals()), CashReceipt)

    async def issue_cash_receipt(
        self,
        imp_uid: str,
        identifier: str,
        type: Optional[str] = None,  # noqa: A002 - iamport's name
        *,
        identifier_type: Optional[str] = None,
        buyer_name: Optional[str] = None,
        buyer_email: Optional[str] = None,
        buyer_tel: Optional[str] = None,
        tax_free: Optional[int] = None,
        other: Optional[Mapping[str, Any]] = None,
    ) -> CashReceipt:
        """Issues a cash receipt for a paid payment. ``identifier``: tax card, phone, resident or business
        number; ``type``: ``person`` (income deduction, default) or ``company`` (expense proof)."""
        return await self._acall("issue_cash_receipt", _iargs(locals()), CashReceipt)

    async def revoke_cash_receipt(self, imp_uid: str) -> CashReceipt:
        """Revokes the cash receipt of a payment."""
        return await self._acall("revoke_cash_receipt", _iargs(locals()), CashReceipt)

    async def get_external_cash_receipt(self, merchant_uid: str) -> CashReceipt:
        """The cash receipt of a sale outside PortOne."""
        return await self._acall("get_external_cash_receipt", _iargs(locals()), CashReceipt)

    async def issue_external_cash_receipt(
        self,
        merchant_uid: str,
        name: str,
        amount: AmountIn,
        identifier: str,
        *,
        type: Optional[str] = None,  # noqa: A002 - iamport's name
        identifier_type: Optional[str] = None,
        channel_key: Optional[str] = None,
        pg: Optional[str] = None,
        other: Optional[Mapping[str, Any]] = None,
    ) -> CashReceipt:
        """Issues a cash receipt for a sale outside PortOne. ``other``: ``buyer_*``, ``tax_free``…"""
        return await self._acall("issue_external_cash_receipt", _iargs(locals()), CashReceipt)

    async def revoke_external_cash_receipt(self, merchant_uid: str) -> CashReceipt:
        """Revokes the cash receipt of an external sale."""
        return await self._acall("revoke_external_cash_receipt", _iargs(locals()), CashReceipt)

    # ---- codes -----------------------------------------------------------------------------------

    async def get_banks(self) -> List[StandardCode]:
        """Every KFTC bank code."""
        return await self._acall("get_banks", {}, _list(StandardCode))

    async def get_bank(self, code: str) -> StandardCode:
        """One bank."""
        return await self._acall("get_bank", _iargs(locals()), StandardCode)

    async def get_cards(self) -> List[StandardCode]:
        """Every card-company code."""
        return await self._acall("get_cards", {}, _list(StandardCode))

    async def get_card(self, code: str) -> StandardCode:
        """One card company."""
        return await self._acall("get_card", _iargs(locals()), StandardCode)

    # ---- escape hatch, forgery check, webhooks ---------------------------------------------------

    async def raw_request(
        self,
        method: str,
        path: str,
        body: Any = None,
        query: Union[Mapping[str, Any], Sequence[Tuple[str, Any]], None] = None,
        idempotent: Optional[bool] = None,
    ) -> Any:
        """Sends a request for an endpoint paywire does not wrap (e.g. the Naver Pay actions), with the
        same auth, retries and errors; answers the envelope's ``response`` as plain Python values.
        ``idempotent`` (default: only for GET) allows retries."""
        return await self._acall("raw_request", _raw_args(locals()), _identity)

    async def verify_payment(self, imp_uid: str, expected_amount: AmountIn) -> VerifiedPayment:
        """The forgery check: re-fetches the payment and accepts it only when its amount is exactly
        ``expected_amount`` and it is ``paid``, or ``ready`` as an issued virtual account. Raises
        ``VerificationError`` otherwise (``kind`` ``"amount_mismatch"``: cancel it, it was tampered with)."""
        return await self._acall("verify_payment", _iargs(locals()), VerifiedPayment)

    async def verify_webhook(self, webhook: IamportWebhookLike) -> Payment:
        """Verifies a webhook by re-fetching its payment (a payload whose ``merchant_uid`` does not match is
        refused as forged); returns the payment as iamport reports it now. Check its amount with
        ``verify_payment``. Accepts a parsed ``IamportWebhook``, the raw body (bytes/str) or the payload dict."""
        return await self._acall("verify_webhook", {"webhook": _webhook_payload(webhook)}, Payment)
