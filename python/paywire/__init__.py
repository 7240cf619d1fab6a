"""paywire: the Bootpay REST v2 and iamport (PortOne V1) server APIs for Python, typed, blocking or
asyncio, on a Rust core.

Quick start::

    import paywire

    client = paywire.Bootpay(client_key="...", secret_key="...")
    receipt = client.verify_payment("6100e8e7019943003850f9b0", expected_price=30000)
    client.cancel_payment(receipt.receipt_id, cancel_price=1000, cancel_id="refund-1")

    iamport = paywire.Iamport(imp_key="...", imp_secret="...")
    verified = iamport.verify_payment("imp_123456789012", expected_amount=30000)
    iamport.cancel_payment(verified.payment.imp_uid, amount=1000, reason="partial refund")

Offline tests: ``paywire.testing.Sandbox()`` starts an in-process Bootpay and iamport emulator.
"""

from __future__ import annotations

import logging as _logging

from . import _generated
from ._client import AsyncBootpay, Bootpay, RetryPolicy, parse_webhook
from ._enums import PaymentStatus, Pg, ReceiptStatus, ScheduleStatus, WebhookType
from ._errors import (
    ApiError,
    AuthError,
    DecodeError,
    InvalidInputError,
    OutcomeUnknownError,
    PaywireError,
    PgError,
    RedirectError,
    TimeoutError,  # noqa: A004 - paywire.TimeoutError also subclasses the builtin
    TransportError,
    VerificationError,
)
from ._generated import *  # noqa: F403 - every generated response model (its __all__)
from ._iamport import AsyncIamport, Iamport, parse_iamport_webhook
from ._iamport_models import (
    Amount,
    EscrowParty,
    EscrowShipment,
    IamportWebhook,
    Page,
    Partial,
    ScheduleItem,
)
from ._models import (
    BootpayWebhook,
    Confirmed,
    Item,
    Refund,
    ShippingCompany,
    ShippingUser,
    SubscribeExtra,
    User,
    parse_datetime,
)
from ._native import IAMPORT_OPERATIONS as _IAMPORT_OPERATIONS
from ._native import OPERATIONS as _OPERATIONS
from ._native import SDK_VERSION

__version__ = SDK_VERSION

# A library's logger: silent unless the application configures logging (no "last resort" output on
# stderr). Records carry ``operation``, ``provider``, ``status``, ``attempt`` and ``duration_ms``.
_logging.getLogger("paywire").addHandler(_logging.NullHandler())

#: The operations of core's Bootpay client, by name (the same on every paywire binding).
OPERATIONS = tuple(_OPERATIONS)
#: The operations of core's iamport (PortOne V1) client, by name.
IAMPORT_OPERATIONS = tuple(_IAMPORT_OPERATIONS)

__all__ = [
    "WebhookType",
    "ScheduleStatus",
    "ReceiptStatus",
    "Pg",
    "PaymentStatus",
    "IAMPORT_OPERATIONS",
    "OPERATIONS",
    "SDK_VERSION",
    "Amount",
    "ApiError",
    "AsyncBootpay",
    "AsyncIamport",
    "AuthError",
    "Bootpay",
    "BootpayWebhook",
    "Confirmed",
    "DecodeError",
    "EscrowParty",
    "EscrowShipment",
    "Iamport",
    "IamportWebhook",
    "InvalidInputError",
    "Item",
    "OutcomeUnknownError",
    "RedirectError",
    "Page",
    "Partial",
    "PaywireError",
    "PgError",
    "RetryPolicy",
    "Refund",
    "ScheduleItem",
    "ShippingCompany",
    "ShippingUser",
    "SubscribeExtra",
    "TimeoutError",
    "TransportError",
    "User",
    "VerificationError",
    "parse_datetime",
    "parse_iamport_webhook",
    "parse_webhook",
    "__version__",
]
__all__ += _generated.__all__
