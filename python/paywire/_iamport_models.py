"""Typed answers and input helpers of the iamport (PortOne V1) client.

The same ``Model`` base as Bootpay's answers (lazy attributes, ``to_dict()``, ``obj["field"]``, a redacted
``repr``), with iamport's conventions:

- Timestamps are unix seconds on the wire, 0 meaning "has not happened": they surface as timezone-aware
  UTC ``datetime`` objects, or ``None`` (``paid_at``, ``cancelled_at``, ``vbank_date``, ``schedule_at``…).
- Amounts are JSON numbers (non-KRW payments may be fractional): whole amounts are ``int``, fractional ones
  ``float`` (``10.5``), exactly as iamport sent them. ``Amount`` is their type.
- Statuses are the wire strings (``"paid"``, ``"ready"``, ``"cancelled"``, ``"failed"``; schedules
  ``"scheduled"``, ``"executed"``, ``"revoked"``); a value iamport adds later comes through unchanged.

Inputs that are unix seconds (``schedule_at``, ``vbank_due``, ``from_``/``to``, ``sent_at``…) take an
``int`` or a timezone-aware ``datetime``; a naive one raises ``InvalidInputError``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import (
    Any,
    Callable,
    ClassVar,
    Dict,
    FrozenSet,
    Generic,
    Iterator,
    List,
    Literal,
    Mapping,
    Optional,
    TypeVar,
    Union,
)

from ._enums import PaymentStatus, ScheduleStatus, lenient
from ._errors import invalid_input
from ._models import Model, _compact, _Webhook

__all__ = [
    "Amount",
    "BillingCustomer",
    "CashReceipt",
    "Certification",
    "CertificationOtp",
    "EscrowLogis",
    "EscrowParty",
    "EscrowShipment",
    "IamportToken",
    "IamportWebhook",
    "Page",
    "Partial",
    "Payment",
    "PaymentBalance",
    "PaymentCancel",
    "Prepared",
    "Schedule",
    "ScheduleItem",
    "StandardCode",
    "VbankHolder",
    "VerifiedPayment",
    "from_unix",
    "to_unix",
]

#: An iamport amount: ``int`` when whole, ``float`` when fractional (e.g. 10.5 USD).
Amount = Union[int, float]



def from_unix(value: Any) -> Optional[datetime]:
    """Unix seconds as an aware UTC ``datetime``; 0, ``None`` or anything unreadable give ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            return None
    if not isinstance(value, (int, float)) or value == 0 or not math.isfinite(value):
        return None
    try:
        return datetime.fromtimestamp(int(value), tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def to_unix(value: Union[int, datetime], field: str) -> int:
    """An input time as unix seconds: an ``int`` as it is, an aware ``datetime`` converted (floored)."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
            raise invalid_input(field, "must be a timezone-aware datetime (e.g. tzinfo=timezone.utc)")
        return math.floor(value.timestamp())
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise invalid_input(field, "must be unix seconds (int) or a timezone-aware datetime")


class _IamportModel(Model):
    """iamport answers: ``*_at`` fields (and those in ``_timestamps``) are unix seconds → UTC datetimes."""

    _timestamps: ClassVar[FrozenSet[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        converters = dict(cls._converters)
        for name in cls._field_names:
            if (name.endswith("_at") or name in cls._timestamps) and name not in converters:
                converters[name] = from_unix
        cls._converters = converters


_M = TypeVar("_M", bound=Model)


class IamportToken(_IamportModel):
    """The access token the client holds (hidden in repr) and the seconds it has left."""

    access_token: str
    expire_in: int

    _defaults: ClassVar[Dict[str, Any]] = {"access_token": "", "expire_in": 0}


class PaymentCancel(_IamportModel):
    """One (partial) cancellation of a payment (``cancel_history``)."""

    pg_tid: Optional[str]
    amount: Amount
    cancelled_at: Optional[datetime]
    reason: Optional[str]
    cancellation_id: Optional[str]
    receipt_url: Optional[str]

    _defaults: ClassVar[Dict[str, Any]] = {"amount": 0}


class Payment(_IamportModel):
    """A payment as iamport reports it. ``status``: ``ready`` (not paid yet; a virtual account awaiting its
    deposit), ``paid`` (also after a partial cancel), ``cancelled`` (fully), ``failed``.

    Fields paywire does not model (``escrow``, ``bank_code``, ``buyer_addr``, ``promotion``…) are in
    ``to_dict()`` and ``payment["field"]``.
    """

    imp_uid: str
    merchant_uid: str
    pay_method: Optional[str]
    channel: Optional[str]
    pg_provider: Optional[str]
    pg_tid: Optional[str]
    sandbox: bool
    apply_num: Optional[str]
    card_code: Optional[str]
    card_name: Optional[str]
    card_quota: Optional[int]
    card_number: Optional[str]
    card_type: Optional[int]
    vbank_code: Optional[str]
    vbank_name: Optional[str]
    vbank_num: Optional[str]
    vbank_holder: Optional[str]
    vbank_date: Optional[datetime]
    vbank_issued_at: Optional[datetime]
    name: Optional[str]
    amount: Amount
    cancel_amount: Amount
    currency: Optional[str]
    buyer_name: Optional[str]
    buyer_email: Optional[str]
    buyer_tel: Optional[str]
    custom_data: Optional[str]
    status: PaymentStatus
    started_at: Optional[datetime]
    paid_at: Optional[datetime]
    failed_at: Optional[datetime]
    cancelled_at: Optional[datetime]
    fail_reason: Optional[str]
    cancel_reason: Optional[str]
    receipt_url: Optional[str]
    cancel_history: List[PaymentCancel]
    customer_uid: Optional[str]

    _defaults: ClassVar[Dict[str, Any]] = {
        "imp_uid": "",
        "merchant_uid": "",
        "sandbox": False,
        "amount": 0,
        "cancel_amount": 0,
        "status": "ready",
        "cancel_history": [],
    }
    _timestamps: ClassVar[FrozenSet[str]] = frozenset({"vbank_date"})
    _converters: ClassVar[Dict[str, Callable[[Any], Any]]] = {
        "status": lenient(PaymentStatus),
        "cancel_history": lambda raw: [PaymentCancel(c) for c in raw],
    }

    @property
    def cancellable_amount(self) -> Amount:
        """What can still be cancelled (``amount - cancel_amount``): the cancel ``checksum``."""
        left: Amount = self.amount - self.cancel_amount
        return int(left) if isinstance(left, float) and left.is_integer() else left


class Page(_IamportModel, Generic[_M]):
    """One page of a list: ``list`` holds the items, ``next == 0`` means this is the last page."""

    total: int
    previous: int
    next: int
    list: List[_M]

    _defaults: ClassVar[Dict[str, Any]] = {"total": 0, "previous": 0, "next": 0}

    def __init__(self, data: Mapping[str, Any], item: Callable[[Any], _M]) -> None:
        super().__init__(data)
        self.__dict__["list"] = [item(x) for x in (self._data.get("list") or [])]

    def __iter__(self) -> Iterator[_M]:
        return iter(self.__dict__["list"])

    def __len__(self) -> int:
        return len(self.__dict__["list"])


class Partial(_IamportModel, Generic[_M]):
    """A multi look-up answer. iamport answers HTTP 207 when only some ids were found: ``complete`` is then
    false and ``missing`` names the ids that did not come back. Never read a partial answer as the whole set.
    """

    items: List[_M]
    missing: List[str]
    complete: bool

    _defaults: ClassVar[Dict[str, Any]] = {"missing": [], "complete": False}

    def __init__(self, data: Mapping[str, Any], item: Callable[[Any], _M]) -> None:
        super().__init__(data)
        self.__dict__["items"] = [item(x) for x in (self._data.get("items") or [])]


class Prepared(_IamportModel):
    """A pre-registered amount (``payments/prepare``)."""

    merchant_uid: str
    amount: Amount
    currency: Optional[str]

    _defaults: ClassVar[Dict[str, Any]] = {"merchant_uid": "", "amount": 0}


class BillingCustomer(_IamportModel):
    """A billing key ("customer"): the merchant's ``customer_uid`` for one customer × card.
    ``inserted``/``updated`` are when it was issued / last replaced."""

    customer_uid: str
    pg_provider: Optional[str]
    pg_id: Optional[str]
    card_name: Optional[str]
    card_code: Optional[str]
    card_number: Optional[str]
    card_type: Optional[int]
    customer_name: Optional[str]
    customer_tel: Optional[str]
    customer_email: Optional[str]
    inserted: Optional[datetime]
    updated: Optional[datetime]

    _defaults: ClassVar[Dict[str, Any]] = {"customer_uid": ""}
    _timestamps: ClassVar[FrozenSet[str]] = frozenset({"inserted", "updated"})


class Schedule(_IamportModel):
    """A scheduled payment. ``schedule_status``: ``scheduled``, ``executed``, ``revoked``; after execution
    ``payment_status`` (``paid``/``failed``) and ``imp_uid`` say how the run went."""

    customer_uid: Optional[str]
    merchant_uid: str
    imp_uid: Optional[str]
    schedule_at: Optional[datetime]
    executed_at: Optional[datetime]
    revoked_at: Optional[datetime]
    amount: Amount
    name: Optional[str]
    schedule_status: ScheduleStatus
    payment_status: Optional[PaymentStatus]
    fail_reason: Optional[str]

    _defaults: ClassVar[Dict[str, Any]] = {"merchant_uid": "", "amount": 0, "schedule_status": "scheduled"}
    _converters: ClassVar[Dict[str, Callable[[Any], Any]]] = {
        "schedule_status": lenient(ScheduleStatus),
        "payment_status": lenient(PaymentStatus),
    }


class Certification(_IamportModel):
    """An identity verification; only ``certified`` means verified. ``unique_key`` (CI) and
    ``unique_in_site`` (DI) are hidden in repr."""

    imp_uid: str
    merchant_uid: Optional[str]
    pg_provider: Optional[str]
    name: Optional[str]
    gender: Optional[str]
    birthday: Optional[str]
    foreigner: bool
    phone: Optional[str]
    carrier: Optional[str]
    certified: bool
    certified_at: Optional[datetime]
    unique_key: Optional[str]
    unique_in_site: Optional[str]

    _defaults: ClassVar[Dict[str, Any]] = {"imp_uid": "", "foreigner": False, "certified": False}


class CertificationOtp(_IamportModel):
    """A started OTP verification: confirm it with ``confirm_certification_otp(imp_uid, otp)``."""

    imp_uid: str

    _defaults: ClassVar[Dict[str, Any]] = {"imp_uid": ""}


class EscrowLogis(_IamportModel):
    """Registered escrow shipping information."""

    company: str
    invoice: str
    sent_at: Optional[datetime]
    applied_at: Optional[datetime]

    _defaults: ClassVar[Dict[str, Any]] = {"company": "", "invoice": ""}


class CashReceipt(_IamportModel):
    """A cash receipt: of a PortOne payment (``imp_uid`` set) or of an external sale (``merchant_uid``).
    ``type`` is ``person`` (income deduction) or ``company`` (expense proof); ``cancelled_at`` once revoked."""

    imp_uid: Optional[str]
    merchant_uid: Optional[str]
    receipt_tid: Optional[str]
    apply_num: Optional[str]
    type: Optional[str]
    amount: Amount
    vat: Amount
    receipt_url: Optional[str]
    applied_at: Optional[datetime]
    cancelled_at: Optional[datetime]

    _defaults: ClassVar[Dict[str, Any]] = {"amount": 0, "vat": 0}


class StandardCode(_IamportModel):
    """A KFTC bank or card-company code and its name."""

    code: Optional[str]
    name: Optional[str]


class VbankHolder(_IamportModel):
    """The holder of a bank account (``vbanks/holder``)."""

    bank_holder: str

    _defaults: ClassVar[Dict[str, Any]] = {"bank_holder": ""}


class PaymentBalance(_IamportModel):
    """The per-means amount breakdown of a (PAYCO) payment; ``cash_receipt``, ``primary``, ``secondary``,
    ``discount`` and ``histories`` are read with ``balance["primary"]`` as iamport sent them."""

    amount: Amount

    _defaults: ClassVar[Dict[str, Any]] = {"amount": 0}


class VerifiedPayment(_IamportModel):
    """A payment that passed ``verify_payment``: ``state`` is ``"paid"`` (fulfil the order) or
    ``"virtual_account_issued"`` (show ``payment.vbank_num`` and wait for the ``paid`` webhook)."""

    payment: Payment
    state: Literal["paid", "virtual_account_issued"]

    _converters: ClassVar[Dict[str, Callable[[Any], Any]]] = {"payment": Payment}


class IamportWebhook(_Webhook):
    """An iamport webhook as delivered. V1 webhooks carry no signature: it is a hint, never proof, so
    ``verify_webhook`` it (a re-fetch) before acting. Store ``idempotency_key`` to process each event once
    (a virtual account's ``ready`` then ``paid``, each cancellation, are different events).

    ``status`` is the claimed status string; ``raw`` / ``to_dict()`` the payload as received.
    """

    imp_uid: str
    merchant_uid: Optional[str]
    status: Optional[PaymentStatus]
    cancellation_id: Optional[str]
    idempotency_key: str

    _converters: ClassVar[Dict[str, Callable[[Any], Any]]] = {"status": lenient(PaymentStatus)}


# ---- inputs -----------------------------------------------------------------------------------------


@dataclass
class ScheduleItem:
    """One scheduled payment of ``schedule_payments``. ``schedule_at`` is unix seconds or an aware
    ``datetime``; ``other`` adds any further field iamport accepts."""

    merchant_uid: str
    schedule_at: Union[int, datetime]
    amount: float
    name: str
    currency: str = "KRW"
    tax_free: Optional[float] = None
    vat_amount: Optional[float] = None
    buyer_name: Optional[str] = None
    buyer_email: Optional[str] = None
    buyer_tel: Optional[str] = None
    buyer_addr: Optional[str] = None
    buyer_postcode: Optional[str] = None
    card_quota: Optional[int] = None
    custom_data: Optional[str] = None
    notice_url: Optional[str] = None
    product_type: Optional[str] = None
    other: Dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> Dict[str, Any]:
        """The wire object (``schedule_at`` as unix seconds, unset fields left out)."""
        values = {k: v for k, v in self.__dict__.items() if k != "other"}
        values["schedule_at"] = to_unix(self.schedule_at, "schedule_at")
        return _compact(values, self.other)


@dataclass
class EscrowParty:
    """The sender or the receiver of an escrow shipment."""

    name: Optional[str] = None
    tel: Optional[str] = None
    addr: Optional[str] = None
    postcode: Optional[str] = None
    other: Dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> Dict[str, Any]:
        """The wire object."""
        values = {k: v for k, v in self.__dict__.items() if k != "other"}
        return _compact(values, self.other)


@dataclass
class EscrowShipment:
    """The shipment (``logis``): courier code (``CJGLS``, ``HANJIN``, ``EPOST``…; unknown → ``ETC``),
    tracking number and when it was sent (unix seconds or an aware ``datetime``)."""

    company: str
    invoice: str
    sent_at: Union[int, datetime]
    receiving_at: Optional[str] = None
    address: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        """The wire object (``sent_at`` as unix seconds)."""
        values = dict(self.__dict__)
        values["sent_at"] = to_unix(self.sent_at, "logis.sent_at")
        return _compact(values)
