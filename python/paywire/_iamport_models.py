"""The base of the iamport (PortOne V1) answers, and its input helpers. The answer classes (``Payment``,
``Schedule``…) are generated from core's types into ``_generated.py``.

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
    TYPE_CHECKING,
    Any,
    Callable,
    ClassVar,
    Dict,
    FrozenSet,
    Generic,
    Iterator,
    List,
    Mapping,
    Optional,
    TypeVar,
    Union,
)

from ._enums import PaymentStatus, lenient
from ._errors import invalid_input
from ._models import Model, _compact, _Webhook

__all__ = [
    "Amount",
    "EscrowParty",
    "EscrowShipment",
    "IamportWebhook",
    "Page",
    "Partial",
    "ScheduleItem",
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


class _PaymentExtras:
    """What ``Payment`` adds to its generated fields."""

    __slots__ = ()

    if TYPE_CHECKING:
        amount: Amount
        cancel_amount: Amount

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
