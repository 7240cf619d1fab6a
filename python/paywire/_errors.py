"""The exceptions paywire raises, one class per kind of failure core reports.

Every failure is raised, never returned. ``str(error)`` is core's one-line sentence; the attributes carry
the detail a caller acts on. No exception ever holds a secret.
"""

from __future__ import annotations

import builtins
import json
from typing import Any, Dict, Optional, Tuple, Union

__all__ = [
    "PaywireError",
    "ApiError",
    "AuthError",
    "InvalidInputError",
    "TimeoutError",
    "TransportError",
    "DecodeError",
    "OutcomeUnknownError",
    "VerificationError",
    "PgError",
]


def _restore(cls: type[PaywireError], args: Tuple[Any, ...], state: Dict[str, Any]) -> PaywireError:
    """Rebuilds a pickled paywire exception without calling ``__init__`` (whose arguments are keywords)."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class PaywireError(Exception):
    """Base class of every paywire failure.

    Every paywire exception pickles with all its attributes (Celery results, ``multiprocessing`` and
    ``concurrent.futures.ProcessPoolExecutor`` workers send them between processes)::

        >>> import pickle, paywire
        >>> e = pickle.loads(pickle.dumps(paywire.TransportError("network down", attempts=3)))
        >>> (type(e).__name__, e.attempts, str(e))
        ('TransportError', 3, 'network down')
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> Tuple[Any, ...]:
        # The default (``cls(*args)`` then the state) cannot call an ``__init__`` with keyword-only fields.
        return (_restore, (type(self), self.args, dict(self.__dict__)))


class PgError:
    """The payment gateway's own error (e.g. NICEPAY ``ResultCode`` 3041), when Bootpay returned it."""

    __slots__ = ("code", "message", "raw")

    def __init__(self, code: Optional[str], message: Optional[str], raw: Any) -> None:
        self.code = code
        self.message = message
        self.raw = raw

    def __repr__(self) -> str:
        return f"PgError(code={self.code!r}, message={self.message!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PgError):
            return NotImplemented
        return (self.code, self.message, self.raw) == (other.code, other.message, other.raw)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> Tuple[Any, ...]:
        return (PgError, (self.code, self.message, self.raw))


class ApiError(PaywireError):
    """The provider answered with an error: Bootpay with HTTP 4xx/5xx; iamport with HTTP 4xx/5xx, or with
    HTTP 200 and a non-zero envelope code for business failures (``http_status == 200``).

    ``code`` is the provider's code as sent (Bootpay ``"RC_NOT_FOUND"`` or ``-15006``; iamport's envelope
    ``code``, e.g. ``1`` or ``-1``); ``message`` is the provider's own message; ``pg_error`` is the PG's raw
    error when Bootpay was asked for it (``extra={"raw_data": True}``); ``body`` the whole error body (for
    iamport the envelope ``{code, message, response}``).
    """

    def __init__(
        self,
        message: str,
        *,
        http_status: int,
        code: Union[str, int, None],
        api_message: str,
        pg_error: Optional[PgError],
        body: Any,
    ) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.code = code
        self.pg_error = pg_error
        self.body = body
        self.api_message = api_message
        # ``message`` is the provider's text, as in stripe-python; str(error) stays the full sentence.
        self.message = api_message
        self._sentence = message

    def __str__(self) -> str:
        return self._sentence


class AuthError(PaywireError):
    """The credentials were refused (HTTP 401/403) even after one fresh token (either provider)."""

    def __init__(self, message: str, *, http_status: int, code: Union[str, int, None], api_message: str) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.code = code
        self.api_message = api_message


class InvalidInputError(PaywireError, ValueError):
    """Input that cannot be right; nothing was sent. ``field`` is the wire name of the culprit."""

    def __init__(self, message: str, *, field: str, reason: str) -> None:
        super().__init__(message)
        self.field = field
        self.reason = reason


class TimeoutError(PaywireError, builtins.TimeoutError):  # noqa: A001 - the name users expect
    """A call that is safe to repeat did not finish in time, after its retries."""

    def __init__(self, message: str, *, attempts: int = 1) -> None:
        PaywireError.__init__(self, message)
        self.attempts = attempts

    def __str__(self) -> str:
        return self.message


class TransportError(PaywireError):
    """The network failed for a call that is safe to repeat, after its retries."""

    def __init__(self, message: str, *, attempts: int = 1) -> None:
        super().__init__(message)
        self.attempts = attempts


class DecodeError(PaywireError):
    """The answer was not the JSON expected (e.g. a proxy's HTML page)."""

    def __init__(self, message: str, *, http_status: int, body_snippet: str) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.body_snippet = body_snippet


class OutcomeUnknownError(PaywireError):
    """A money-moving call got no readable answer after its request may have reached the provider.

    ``hint`` says what to do next, safely (e.g. ``get_receipts_by_order_id`` for Bootpay,
    ``find_payment("<merchant_uid>")`` for iamport). ``idempotency_key`` is the key that makes repeating
    this exact call safe: the Bootpay ``cancel_id`` (repeat with ``cancel_id=key``) or the iamport cancel
    ``checksum`` (repeat with ``checksum=float(key)``); a repeat of a cancel that went through returns
    the payment as it stands instead of refunding again.
    """

    def __init__(
        self, message: str, *, operation: str, hint: str, timed_out: bool, idempotency_key: Optional[str] = None
    ) -> None:
        super().__init__(message)
        self.operation = operation
        self.hint = hint
        self.timed_out = timed_out
        self.idempotency_key = idempotency_key


class RedirectError(PaywireError):
    """The server answered with a redirect, which paywire never follows; the request was not processed.

    ``location`` is where it pointed (scheme, host and path only). Check ``base_url`` or the proxy.
    """

    def __init__(self, message: str, *, http_status: int, location: str) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.location = location


class VerificationError(PaywireError):
    """A forgery check refused the payment; in a confirm flow nothing was confirmed.

    ``kind`` is ``"amount_mismatch"``, ``"status_mismatch"``, ``"currency_mismatch"``,
    ``"order_mismatch"`` or ``"other"``. For amounts, ``expected``/``actual`` are numbers (``int`` when
    whole, ``float`` for iamport's fractional amounts); for the others, strings.
    """

    def __init__(self, message: str, *, payment_id: str, kind: str, expected: Any, actual: Any) -> None:
        super().__init__(message)
        self.payment_id = payment_id
        self.kind = kind
        self.expected = expected
        self.actual = actual


def from_payload(payload: Dict[str, Any]) -> PaywireError:
    """The typed exception for a payload of the native module."""
    kind = payload.get("kind")
    message = str(payload.get("message", "paywire error"))
    if kind == "api":
        pg = payload.get("pg_error")
        return ApiError(
            message,
            http_status=int(payload.get("http_status", 0)),
            code=payload.get("code"),
            api_message=str(payload.get("api_message", "")),
            pg_error=PgError(pg.get("code"), pg.get("message"), pg.get("raw")) if isinstance(pg, dict) else None,
            body=payload.get("body"),
        )
    if kind == "auth":
        return AuthError(
            message,
            http_status=int(payload.get("http_status", 0)),
            code=payload.get("code"),
            api_message=str(payload.get("api_message", "")),
        )
    if kind == "invalid_input":
        return InvalidInputError(message, field=str(payload.get("field", "")), reason=str(payload.get("reason", "")))
    if kind == "timeout":
        return TimeoutError(message, attempts=int(payload.get("attempts", 1)))
    if kind == "transport":
        return TransportError(message, attempts=int(payload.get("attempts", 1)))
    if kind == "decode":
        return DecodeError(
            message, http_status=int(payload.get("http_status", 0)), body_snippet=str(payload.get("body_snippet", ""))
        )
    if kind == "outcome_unknown":
        return OutcomeUnknownError(
            message,
            operation=str(payload.get("operation", "")),
            hint=str(payload.get("hint", "")),
            timed_out=bool(payload.get("timed_out", False)),
            idempotency_key=None if payload.get("idempotency_key") is None else str(payload["idempotency_key"]),
        )
    if kind == "redirect":
        return RedirectError(
            message, http_status=int(payload.get("http_status", 0)), location=str(payload.get("location", ""))
        )
    if kind == "verification":
        return VerificationError(
            message,
            payment_id=str(payload.get("payment_id", "")),
            kind=str(payload.get("failure", "other")),
            expected=payload.get("expected"),
            actual=payload.get("actual"),
        )
    return PaywireError(message)


def from_native(error: BaseException) -> PaywireError:
    """Converts the native module's ``NativeError`` (a JSON payload) into its typed exception."""
    try:
        payload = json.loads(str(error.args[0]))
    except (IndexError, ValueError, TypeError):
        return PaywireError(str(error))
    if not isinstance(payload, dict):
        return PaywireError(str(error))
    return from_payload(payload)


def invalid_input(field: str, reason: str) -> InvalidInputError:
    """An ``InvalidInputError`` raised by the Python layer itself (same sentence as core's)."""
    return InvalidInputError(f"invalid input: {field} {reason}", field=field, reason=reason)
