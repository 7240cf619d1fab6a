"""Open enums: the value sets core knows (statuses, PGs, webhook types), keeping values it does not.

Each is an ``int`` or ``str`` subclass, so it compares equal to the raw wire value (``Receipt.status == 1``
stays true) and JSON-encodes as it. A value paywire does not know yet is not an error: ``ReceiptStatus(99)``
is a member-like value named ``UNKNOWN`` that equals ``99``::

    >>> from paywire import ReceiptStatus
    >>> ReceiptStatus(2)
    <ReceiptStatus.AWAITING_CONFIRM: 2>
    >>> ReceiptStatus(99), ReceiptStatus(99) == 99, ReceiptStatus(99).known
    (<ReceiptStatus.UNKNOWN: 99>, True, False)

The members are the ones core declares (``paywire._native`` exports core's lists; a test checks these
classes against them), so every paywire language knows the same values.
"""

from __future__ import annotations

import enum
from typing import Any, Callable, Optional

from . import _native

__all__ = ["Pg", "PaymentStatus", "ReceiptStatus", "ScheduleStatus", "WebhookType"]

_UNKNOWN = "UNKNOWN"


class _OpenIntEnum(enum.IntEnum):
    """An ``IntEnum`` that keeps unknown values as pseudo-members named ``UNKNOWN``."""

    @classmethod
    def _missing_(cls, value: object) -> Optional[Any]:
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        pseudo = int.__new__(cls, value)
        pseudo._name_ = _UNKNOWN
        pseudo._value_ = int(value)
        return pseudo

    @property
    def known(self) -> bool:
        """Whether paywire knows this value (``False`` for one the provider added later)."""
        return self._name_ != _UNKNOWN

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self._name_}: {int(self)}>"

    # The raw value, as before these were enums (``f"{status}"``, ``str(status)`` give ``"1"``).
    __str__ = int.__repr__
    __format__ = int.__format__  # type: ignore[assignment]


class _OpenStrEnum(str, enum.Enum):
    """A ``str`` enum that keeps unknown values as pseudo-members named ``UNKNOWN``."""

    @classmethod
    def _missing_(cls, value: object) -> Optional[Any]:
        if not isinstance(value, str):
            return None
        pseudo = str.__new__(cls, value)
        pseudo._name_ = _UNKNOWN
        pseudo._value_ = str(value)
        return pseudo

    @property
    def known(self) -> bool:
        """Whether paywire knows this value (``False`` for one the provider added later)."""
        return self._name_ != _UNKNOWN

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self._name_}: {str.__repr__(self)}>"

    __str__ = str.__str__
    __format__ = str.__format__  # type: ignore[assignment]


class ReceiptStatus(_OpenIntEnum):
    """The ``status`` of a Bootpay receipt, billing key or certificate (core's ``bootpay::ReceiptStatus``)."""

    WAITING = 0
    PAID = 1
    AWAITING_CONFIRM = 2
    APPROVING = 3
    VIRTUAL_ACCOUNT_ISSUED = 5
    BILLING_KEY_ISSUED = 11
    AUTHENTICATED = 12
    CANCELLED = 20
    TRANSFER_CONSENTED = 41
    FAILED = -1
    APPROVAL_FAILED = -2
    VIRTUAL_ACCOUNT_CANCELLED = -3
    BILLING_KEY_CANCELLED = -11
    CANCEL_FAILED = -20
    CANCELLING = -30


class Pg(_OpenStrEnum):
    """A Bootpay payment gateway by its canonical name (core's ``bootpay::Pg``). Any name core accepts
    finds its member: ``Pg("나이스페이") is Pg.NICEPAY``."""

    NICEPAY = "nicepay"
    DANAL = "danal"
    KCP = "kcp"
    INICIS = "inicis"
    TOSSPAYMENTS = "tosspayments"
    PAYLETTER = "payletter"
    KAKAO = "kakao"
    PAYCO = "payco"
    WELCOME = "welcome"
    PAYAPP = "payapp"
    KIWOOM = "kiwoom"

    @classmethod
    def _missing_(cls, value: object) -> Optional[Any]:
        if isinstance(value, str):
            canonical = _native.pg_name(value)
            if canonical in cls._value2member_map_:
                return cls._value2member_map_[canonical]
        return super()._missing_(value)


class WebhookType(_OpenStrEnum):
    """The kind of a Bootpay webhook (core's ``bootpay::WebhookType``)."""

    PAYMENT_COMPLETED = "PAYMENT_COMPLETED"
    PAYMENT_CANCELLED = "PAYMENT_CANCELLED"
    PAYMENT_PARTIAL_CANCELLED = "PAYMENT_PARTIAL_CANCELLED"
    PAYMENT_VIRTUAL_ACCOUNT_ISSUED = "PAYMENT_VIRTUAL_ACCOUNT_ISSUED"


class PaymentStatus(_OpenStrEnum):
    """The ``status`` of an iamport payment (core's ``iamport::PaymentStatus``)."""

    READY = "ready"
    PAID = "paid"
    CANCELLED = "cancelled"
    FAILED = "failed"


class ScheduleStatus(_OpenStrEnum):
    """The ``schedule_status`` of an iamport schedule (core's ``iamport::ScheduleStatus``)."""

    SCHEDULED = "scheduled"
    EXECUTED = "executed"
    REVOKED = "revoked"


def lenient(cls: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A model converter: the enum of a wire value, or the value unchanged when it is not of the enum's
    kind (a hand-built model holding text where core sends numbers)."""

    def convert(raw: Any) -> Any:
        try:
            return cls(raw)
        except ValueError:
            return raw

    return convert
