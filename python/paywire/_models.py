"""The base of the typed answers, and the input helpers.

The answer classes themselves (``Receipt``, ``BillingKey``…) are generated from core's types into
``_generated.py``; this module holds what they share. Answers wrap the JSON core returns: attributes are
computed on first access (most code reads three fields of a thirty-field receipt), ``to_dict()`` gives the
whole wire object including fields paywire does not model yet, ``obj["field"]`` reads any of them, and
``repr`` never shows a token, card number or CI. ``*_at`` fields are timezone-aware ``datetime`` objects
(Bootpay writes ``+09:00``, ``+0900`` or ``Z``).

Inputs (``User``, ``Item``, …) are small dataclasses; every method also accepts plain dicts instead.
"""

from __future__ import annotations

import copy
import enum
import functools
import importlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Dict, FrozenSet, Generic, List, Mapping, Optional, TypeVar

from . import _native
from ._enums import ReceiptStatus, WebhookType, lenient

if TYPE_CHECKING:
    from ._generated import Receipt

__all__ = [
    "BootpayWebhook",
    "Confirmed",
    "Item",
    "Refund",
    "ShippingCompany",
    "ShippingUser",
    "SubscribeExtra",
    "User",
    "parse_datetime",
]

_DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$"
)
_REDACTED = "***"


def parse_datetime(value: Any) -> Optional[datetime]:
    """An ISO-8601 string as a ``datetime``, keeping its offset (``+09:00``, ``+0900``, ``Z``).

    A string without an offset gives a naive ``datetime``; anything unreadable gives ``None`` (the text
    stays available in ``to_dict()``).
    """
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        return None
    match = _DATETIME.match(value.strip())
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    tz: Optional[timezone] = None
    if offset is not None:
        if offset in ("Z", "z"):
            tz = timezone.utc
        else:
            sign = -1 if offset[0] == "-" else 1
            digits = offset[1:].replace(":", "")
            hours, minutes = int(digits[:2]), int(digits[2:4] or "0")
            tz = timezone(sign * timedelta(hours=hours, minutes=minutes))
    try:
        return datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), micro, tzinfo=tz
        )
    except ValueError:
        return None


@functools.cache
def _is_sensitive(name: str) -> bool:
    # Core's one list of fields that never show, shared with Kotlin, Swift and core's own error texts.
    return bool(_native.is_sensitive_field(name))


def _redact(name: str, value: Any) -> Any:
    if _is_sensitive(name) and value not in (None, ""):
        return _REDACTED
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _plain(value: Any, key: Optional[str] = None) -> Any:
    """``value`` as plain JSON data (for ``to_dict()``): a sensitive field's value masked at any depth,
    datetimes as ISO-8601 text, ``Decimal`` as text, enums as their raw value."""
    if key is not None and _is_sensitive(key) and value not in (None, ""):
        return _REDACTED
    if value is None or type(value) in (bool, int, float, str):
        return value
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, Mapping):
        return {str(k): _plain(v, str(k)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


class Model:
    """Base of every answer: attribute access, ``to_dict()``, ``obj["wire_field"]``, a redacted repr.

    ``to_dict()`` is ready for ``json.dumps`` and for a Pydantic v2 model or FastAPI ``response_model``
    (a field annotated with the model class serializes as its ``to_dict()``)::

        >>> import json, paywire
        >>> receipt = paywire.Receipt({"receipt_id": "r1", "status": 1, "vbank_data": {"bank_account": "123"}})
        >>> json.dumps(receipt.to_dict())
        '{"receipt_id": "r1", "status": 1, "vbank_data": {"bank_account": "***"}}'
    """

    _converters: ClassVar[Dict[str, Callable[[Any], Any]]] = {}
    _defaults: ClassVar[Dict[str, Any]] = {}
    _field_names: ClassVar[FrozenSet[str]] = frozenset()
    _repr_fields: ClassVar[List[str]] = []

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names: List[str] = []
        for klass in reversed(cls.__mro__):
            for name in getattr(klass, "__annotations__", {}):
                if not name.startswith("_") and name not in names:
                    names.append(name)
        cls._field_names = frozenset(names)
        cls._repr_fields = names

    def __init__(self, data: Mapping[str, Any]) -> None:
        self._data: Dict[str, Any] = dict(data)

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            # Only called for attributes not computed yet; the result is cached in the instance.
            # A modelled field, or any other field the answer carries (a field core added since this
            # package was generated is still readable, untyped).
            if name.startswith("_") or (name not in type(self)._field_names and name not in self._data):
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            raw = self._data.get(name, type(self)._defaults.get(name))
            converter = type(self)._converters.get(name)
            if raw is None:
                value = None
            elif converter is not None:
                value = converter(raw)
            elif name.endswith("_at"):
                value = parse_datetime(raw)
            else:
                value = raw
            self.__dict__[name] = value
            return value

    def to_dict(self) -> Dict[str, Any]:
        """The whole object as the provider sent it (as core decoded it), unknown fields included, as plain
        JSON data: ``json.loads(json.dumps(m.to_dict())) == m.to_dict()``. The values of sensitive fields
        (core's one list, as in ``repr``: tokens, billing keys, card, account and identity numbers) are
        ``"***"`` at any depth; read them from the attribute or ``obj["field"]``."""
        plain: Dict[str, Any] = _plain(self._data)
        return plain

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """Lets a Pydantic v2 field (or a FastAPI ``response_model``) be this model: it accepts an instance
        or a mapping of wire fields and serializes as ``to_dict()``. Pydantic is not a dependency."""
        core_schema: Any = importlib.import_module("pydantic_core.core_schema")

        def validate(value: Any) -> Model:
            if isinstance(value, cls):
                return value
            if isinstance(value, Mapping):
                try:
                    return cls(value)
                except TypeError:
                    pass
            raise ValueError(f"expected a paywire.{cls.__name__} or a mapping of its fields")

        return core_schema.no_info_plain_validator_function(
            validate, serialization=core_schema.plain_serializer_function_ser_schema(lambda m: m.to_dict())
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> Dict[str, Any]:
        """An object (the provider's fields are open-ended), for OpenAPI documents."""
        doc = (cls.__doc__ or cls.__name__).strip().splitlines()[0]
        return {"type": "object", "title": cls.__name__, "description": doc}

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def get(self, key: str, default: Any = None) -> Any:
        """A wire field by name, modelled or not."""
        return self._data.get(key, default)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._data == self._data

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        parts = []
        for name in self._repr_fields:
            value = getattr(self, name)
            if value is None:
                continue
            parts.append(f"{name}={_redact(name, value)!r}")
        return f"{type(self).__name__}({', '.join(parts)})"


_M = TypeVar("_M", bound=Model)


def _one(cls: type[_M]) -> Callable[[Any], _M]:
    return lambda raw: cls(raw)


def _many(cls: type[_M]) -> Callable[[Any], List[_M]]:
    return lambda raw: [cls(x) for x in raw]


def _first(enum_class: Any) -> Any:
    """The wire value of an enum's first member: what a required field reads as when the answer lacks it."""
    return next(iter(enum_class)).value


class _Webhook(Model):
    """What every parsed webhook shares: the payload as delivered stays in ``raw`` / ``to_dict()``, and
    ``obj["field"]`` reads the payload, not the parsed fields."""

    def __init__(self, parsed: Mapping[str, Any]) -> None:
        fields = dict(parsed)
        raw = fields.pop("raw", {})
        super().__init__(fields)
        self._raw: Dict[str, Any] = dict(raw)

    @property
    def raw(self) -> Dict[str, Any]:
        """The payload exactly as delivered (every field, as strings for a form body)."""
        return copy.deepcopy(self._raw)

    def to_dict(self) -> Dict[str, Any]:
        """The payload as delivered (every field, as strings for a form body), sensitive values ``"***"``
        as in every ``to_dict()``; ``raw`` is the payload untouched."""
        plain: Dict[str, Any] = _plain(self._raw)
        return plain

    def __getitem__(self, key: str) -> Any:
        return self._raw[key]

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def get(self, key: str, default: Any = None) -> Any:
        """A payload field by name."""
        return self._raw.get(key, default)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._data == self._data and other._raw == self._raw


class BootpayWebhook(_Webhook):
    """A webhook as delivered. It is a hint, never proof: pass it to ``verify_webhook`` before acting.

    ``event`` is ``webhook_type`` when present, else derived from ``status``; store ``idempotency_key``
    to process each event once. ``to_dict()`` is the payload as received.
    """

    receipt_id: str
    order_id: Optional[str]
    status: Optional[ReceiptStatus]
    webhook_type: Optional[WebhookType]
    price: Optional[int]
    cancelled_price: Optional[int]
    event: WebhookType
    idempotency_key: str

    _converters: ClassVar[Dict[str, Callable[[Any], Any]]] = {
        "status": lenient(ReceiptStatus),
        "webhook_type": lenient(WebhookType),
        "event": lenient(WebhookType),
    }


_T = TypeVar("_T")


class Confirmed(Generic[_T]):
    """What ``confirm_verified`` returns: the confirmed receipt and what your step returned."""

    __slots__ = ("output", "receipt")

    def __init__(self, receipt: Receipt, output: _T) -> None:
        self.receipt = receipt
        self.output = output

    def __repr__(self) -> str:
        return f"Confirmed(receipt={self.receipt!r}, output={self.output!r})"


# ---- inputs -----------------------------------------------------------------------------------------


def _compact(values: Mapping[str, Any], extra: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    out = {k: v for k, v in values.items() if v is not None}
    if extra:
        out.update(extra)
    return out


@dataclass
class User:
    """The buyer (``user``): Bootpay's eight fields; any other key is refused (a typo never goes missing)."""

    id: Optional[str] = None
    username: Optional[str] = None
    phone: Optional[str] = None
    email: Optional[str] = None
    gender: Optional[int] = None
    birth: Optional[str] = None
    area: Optional[str] = None
    addr: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        """The wire object (unset fields left out; ``gender=0`` kept)."""
        return _compact(dict(self.__dict__), None)


@dataclass
class Item:
    """One order line: ``price`` is the unit price; Σ price × qty must equal the total."""

    id: str
    name: str
    qty: int
    price: int
    cat1: Optional[str] = None
    cat2: Optional[str] = None
    cat3: Optional[str] = None
    category_type: Optional[str] = None
    category_code: Optional[str] = None
    start_date: Optional[str] = None
    end_date: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        """The wire object."""
        return _compact(dict(self.__dict__), None)


@dataclass
class Refund:
    """Where a virtual-account refund goes. ``bank_account`` is hidden in repr."""

    bank_account: str = field(repr=False)
    bank_username: str
    bank_code: str

    def to_dict(self) -> Dict[str, Any]:
        """The wire object."""
        return {"bank_account": self.bank_account, "bank_username": self.bank_username, "bank_code": self.bank_code}


@dataclass
class SubscribeExtra:
    """``extra`` of billing and subscribe calls; ``raw_data=True`` returns the PG's own error."""

    subscribe_test_payment: Optional[bool] = None
    raw_data: Optional[bool] = None
    card_quota: Optional[str] = None
    other: Dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> Dict[str, Any]:
        """The wire object."""
        values = {k: v for k, v in self.__dict__.items() if k != "other"}
        return _compact(values, self.other)


@dataclass
class ShippingUser:
    """The recipient of an escrow shipment."""

    username: Optional[str] = None
    phone: Optional[str] = None
    zipcode: Optional[str] = None
    address: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        """The wire object."""
        return _compact(self.__dict__)


@dataclass
class ShippingCompany:
    """The sender of an escrow shipment."""

    name: Optional[str] = None
    phone: Optional[str] = None
    zipcode: Optional[str] = None
    addr1: Optional[str] = None
    addr2: Optional[str] = None

    def to_dict(self) -> Dict[str, Any]:
        """The wire object."""
        return _compact(self.__dict__)
