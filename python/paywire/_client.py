"""``Bootpay`` (blocking) and ``AsyncBootpay`` (asyncio): every operation of core's Bootpay client; and the
machinery every paywire client shares (``_iamport.py`` builds ``Iamport``/``AsyncIamport`` on it).

All are thin: keyword arguments become one JSON object handed to the native dispatch, which
deserializes it into core's request structs (so validation, wire names and retry rules are core's), and
the answer (dicts and lists built natively from core's typed value) is wrapped in a typed model.
Blocking calls release the GIL for their whole duration;
async calls run as detached tasks on one shared tokio runtime, so cancelling the awaiting task never cuts
a payment call in half (its late outcome is logged on the ``paywire`` logger instead).
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import json
import math
import os
import sys
import weakref
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import (
    Any,
    Awaitable,
    Callable,
    Dict,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    TypeVar,
    Union,
)

from . import _iamport_models, _native
from ._errors import PaywireError, from_native, invalid_input
from ._generated import Receipt, _AsyncBootpayOperations, _BootpayOperations
from ._models import (
    BootpayWebhook,
    Confirmed,
    Item,
    Refund,
    ShippingCompany,
    ShippingUser,
    SubscribeExtra,
    User,
    _Webhook,
)
from ._native import NativeClient as _NativeClient

__all__ = ["AsyncBootpay", "Bootpay", "RetryPolicy", "parse_webhook"]

T = TypeVar("T")
_C = TypeVar("_C", bound="_Client")

UserLike = Union[User, Mapping[str, Any]]
ItemLike = Union[Item, Mapping[str, Any]]
RefundLike = Union[Refund, Mapping[str, Any]]
SubscribeExtraLike = Union[SubscribeExtra, Mapping[str, Any]]
ShippingUserLike = Union[ShippingUser, Mapping[str, Any]]
ShippingCompanyLike = Union[ShippingCompany, Mapping[str, Any]]
WebhookLike = Union[BootpayWebhook, bytes, str, Mapping[str, Any]]

_NativeError = _native.NativeError
_USER_AGENT = f"python/{sys.version_info[0]}.{sys.version_info[1]} paywire-py/{_native.SDK_VERSION}"


# Deeper than this is a mistake (or an attack): metadata is a few levels at most, and the native side's JSON
# reader stops at 128.
_MAX_DEPTH = 64
# The widest integers core takes (i64 / u64); anything larger cannot be an amount, a count or a time.
_MIN_INT = -(2**63)
_MAX_INT = 2**64 - 1


def _text(value: str, field: str) -> str:
    """A string that can be sent: lone surrogates (from ``surrogateescape`` or a bad decoder) are not text."""
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise invalid_input(field, "contains a lone surrogate (not valid Unicode text)") from None
    return value


def _key(key: Any, field: str) -> str:
    """A mapping key as JSON object key: a string (ints and the like are written as their text)."""
    if isinstance(key, str):
        return _text(key, field)
    if key is None or isinstance(key, (int, float)):
        return str(key)
    raise invalid_input(field, f"has a key of type {type(key).__name__} (keys must be strings)")


def _segment(key: str) -> str:
    # A key that is not valid text is shown escaped in the field path of an error.
    return key.encode("utf-8", "backslashreplace").decode("utf-8")


def _wire(value: Any, field: str, _depth: int = 0, _open: Optional[set[int]] = None) -> Any:
    """A Python value as JSON-ready data: helpers via ``to_dict()``, datetimes as ISO-8601 with offset.

    Every refusal is an ``InvalidInputError`` naming the field and never quoting the value: a lone
    surrogate, a non-finite or out-of-range number, nesting deeper than 64 levels, a container that
    contains itself, a type JSON cannot carry.
    """
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return _text(value, field)
    if isinstance(value, int):
        if not _MIN_INT <= value <= _MAX_INT:
            raise invalid_input(field, "is out of range (at most a 64-bit integer)")
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise invalid_input(field, "must be a finite number")
        return float(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise invalid_input(field, "must be a finite number")
        if value.adjusted() > 19:
            raise invalid_input(field, "is out of range (at most a 64-bit integer)")
        return _wire(int(value), field) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime):
        if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
            raise invalid_input(field, "must be a timezone-aware datetime (e.g. tzinfo=ZoneInfo('Asia/Seoul'))")
        return value.isoformat()
    if _depth >= _MAX_DEPTH:
        raise invalid_input(field, f"is nested too deeply (at most {_MAX_DEPTH} levels)")
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return _wire(to_dict(), field, _depth + 1, _open)
    if not isinstance(value, (Mapping, list, tuple)):
        raise invalid_input(field, f"has an unsupported type {type(value).__name__}")
    opened = set() if _open is None else _open
    if id(value) in opened:
        raise invalid_input(field, "contains itself (a cycle)")
    opened.add(id(value))
    try:
        if isinstance(value, Mapping):
            wired: Dict[str, Any] = {}
            for k, v in value.items():
                key = _key(k, field)
                wired[key] = _wire(v, f"{field}.{_segment(key)}", _depth + 1, opened)
            return wired
        return [_wire(v, f"{field}[{i}]", _depth + 1, opened) for i, v in enumerate(value)]
    finally:
        opened.discard(id(value))


def _mapping(value: Any, field: str) -> Mapping[str, Any]:
    """``value`` if it is a mapping, else the error naming ``field``."""
    if not isinstance(value, Mapping):
        raise invalid_input(field, f"must be a mapping (got {type(value).__name__})")
    return value


def _args(scope: Dict[str, Any]) -> Dict[str, Any]:
    """The call's arguments (a method's ``locals()``) minus ``self`` and unset ones, ready for JSON."""
    return {k: _wire(v, k) for k, v in scope.items() if v is not None and k != "self"}


_QUEUES: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Optional[_native.Completions]] = (
    weakref.WeakKeyDictionary()
)


def _pack(scope: Dict[str, Any], kinds: Mapping[str, str]) -> Dict[str, Any]:
    """See ``_Client._pack``."""
    args: Dict[str, Any] = {}
    merged: Dict[str, Any] = {}
    for key, value in scope.items():
        if value is None or key == "self":
            continue
        kind = kinds.get(key, "")
        # A Python keyword is an argument with a trailing underscore: ``from_`` is iamport's ``from``.
        wire = key[:-1] if key.endswith("_") else key
        if kind == "time":
            value = _iamport_models.to_unix(value, wire)
        elif kind == "json_text" and isinstance(value, Mapping):
            value = json.dumps(_wire(value, wire), ensure_ascii=False)
        elif kind == "one_or_many" and isinstance(value, str):
            value = [value]
        elif kind == "digit" and isinstance(value, int) and not isinstance(value, bool):
            value = str(_wire(value, wire))
        elif kind == "schedules":
            value = _schedules(value)
        elif kind == "merge":
            # Further fields of the request, each under its own name (in errors too).
            wired = _wire(_mapping(value, key), key)
            merged.update({str(k): _wire(v, str(k)) for k, v in wired.items()})
            continue
        args[wire] = _wire(value, wire)
    args.update(merged)
    return args


def _schedule(item: Any, index: int) -> Dict[str, Any]:
    field = f"schedules[{index}]"
    if isinstance(item, _iamport_models.ScheduleItem):
        return {k: _wire(v, f"{field}.{k}") for k, v in item.to_dict().items()}
    data = {str(k): v for k, v in _mapping(item, field).items()}
    if "schedule_at" in data:
        data["schedule_at"] = _iamport_models.to_unix(data["schedule_at"], f"{field}.schedule_at")
    if isinstance(data.get("custom_data"), Mapping):
        data["custom_data"] = json.dumps(_wire(data["custom_data"], f"{field}.custom_data"), ensure_ascii=False)
    data.setdefault("currency", "KRW")
    return {k: _wire(v, f"{field}.{k}") for k, v in data.items() if v is not None}


def _schedules(schedules: Any) -> List[Dict[str, Any]]:
    if not isinstance(schedules, (list, tuple)):
        raise invalid_input("schedules", f"must be a list (got {type(schedules).__name__})")
    return [_schedule(item, i) for i, item in enumerate(schedules)]


def _raw_args(scope: Dict[str, Any]) -> Dict[str, Any]:
    """The arguments of ``raw_request``: ``query`` as a mapping or as ordered pairs (repeated keys)."""
    args = _args(scope)
    query = scope.get("query")
    if isinstance(query, Mapping):
        args["query"] = _wire(query, "query")
    elif query is not None:
        if not isinstance(query, (list, tuple)) or not all(isinstance(p, (list, tuple)) and len(p) == 2 for p in query):
            raise invalid_input("query", "must be a mapping or a sequence of (key, value) pairs")
        args["query"] = [[_key(k, "query"), _wire(v, f"query.{k}")] for k, v in query]
    return args


def _completions(loop: asyncio.AbstractEventLoop) -> Optional[_native.Completions]:
    """The loop's completion queue, created on first use; None where loops cannot watch a pipe (Windows
    proactor), in which case results come back through ``call_soon_threadsafe``."""
    try:
        return _QUEUES[loop]
    except KeyError:
        pass
    queue: Optional[_native.Completions] = None
    try:
        queue = _native.Completions()
        os.set_blocking(queue.fileno(), False)
        loop.add_reader(queue.fileno(), queue.drain)
    except (NotImplementedError, OSError, AttributeError):
        queue = None
    _QUEUES[loop] = queue
    return queue


# Not failures of paywire: a signal, an exit, a cancelled task pass through the guard unchanged.
_PASS_THROUGH = (KeyboardInterrupt, SystemExit, GeneratorExit, asyncio.CancelledError)
_F = TypeVar("_F", bound=Callable[..., Any])


def _foreign(error: BaseException) -> PaywireError:
    """The ``PaywireError`` standing for an exception that is not one (a bug, or a Rust panic).

    Only the exception's type is kept: its text may quote an argument, and arguments may be card numbers.
    A ``TypeError`` raised by the call itself (a missing or unknown argument) names parameters, not
    values, and is kept as an ``InvalidInputError``.
    """
    if isinstance(error, TypeError) and error.__traceback__ is not None and error.__traceback__.tb_next is None:
        return invalid_input("arguments", str(error))
    return PaywireError(f"internal error in paywire (a bug; please report it): {type(error).__name__}")


def _guarded(function: _F) -> _F:
    """``function`` raising nothing but ``PaywireError`` (and the pass-through kinds), sync or async."""
    if inspect.iscoroutinefunction(function):

        @functools.wraps(function)
        async def guarded_coroutine(*args: Any, **kwargs: Any) -> Any:
            try:
                return await function(*args, **kwargs)
            except (PaywireError, *_PASS_THROUGH):
                raise
            except BaseException as error:
                raise _foreign(error) from None

        return guarded_coroutine  # type: ignore[return-value]

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except (PaywireError, *_PASS_THROUGH):
            raise
        except BaseException as error:
            raise _foreign(error) from None

    return guarded  # type: ignore[return-value]


def _checked_call(function: _F) -> _F:
    """``function`` with its arguments checked against its signature (an ``InvalidInputError`` naming the
    problem) and every exception inside passed through: for methods running the caller's own code."""
    signature = inspect.signature(function)

    def check(args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> None:
        try:
            signature.bind(*args, **kwargs)
        except TypeError as error:
            raise invalid_input("arguments", str(error)) from None

    if inspect.iscoroutinefunction(function):

        @functools.wraps(function)
        async def checked_coroutine(*args: Any, **kwargs: Any) -> Any:
            check(args, kwargs)
            return await function(*args, **kwargs)

        return checked_coroutine  # type: ignore[return-value]

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        check(args, kwargs)
        return function(*args, **kwargs)

    return checked  # type: ignore[return-value]


def _identity(raw: Any) -> Any:
    return raw


def _parse_webhook(provider: str, body: Union[bytes, str], content_type: Optional[str]) -> Dict[str, Any]:
    """A webhook body parsed by core's rules of ``provider``: its fields plus ``raw`` (the payload)."""
    if isinstance(body, str):
        data = _text(body, "body").encode("utf-8")
    elif isinstance(body, (bytes, bytearray, memoryview)):
        data = bytes(body)
    else:
        raise invalid_input("body", f"must be bytes or str (got {type(body).__name__})")
    try:
        parsed = _native.parse_webhook(data, content_type, provider)
    except _NativeError as error:
        raise from_native(error) from None
    answer: Dict[str, Any] = parsed
    return answer


@_guarded
def parse_webhook(body: Union[bytes, str], content_type: Optional[str] = None) -> BootpayWebhook:
    """Parses a Bootpay webhook body (JSON or form). It is a hint: ``verify_webhook`` it before acting."""
    return BootpayWebhook(_parse_webhook("bootpay", body, content_type))


def _webhook_payload(
    webhook: Union[_Webhook, bytes, str, Mapping[str, Any]], parse: Callable[[Union[bytes, str]], _Webhook]
) -> Dict[str, Any]:
    """The payload of a webhook given parsed, as the raw body, or as the payload dict."""
    if isinstance(webhook, _Webhook):
        return webhook.raw
    if isinstance(webhook, str):
        return parse(_text(webhook, "webhook")).raw
    if isinstance(webhook, bytes):
        return parse(webhook).raw
    wired: Dict[str, Any] = _wire(_mapping(webhook, "webhook"), "webhook")
    return wired


def _native_client(provider: str, config: Dict[str, Any]) -> _NativeClient:
    """The native client of ``provider`` ("bootpay" or "iamport"); core checks the configuration."""
    config = {**{k: _wire(v, k) for k, v in config.items()}, "user_agent_suffix": _USER_AGENT}
    try:
        return _native.NativeClient(json.dumps(config, allow_nan=False), provider)
    except _NativeError as error:
        raise from_native(error) from None


def _default(name: str) -> Any:
    return _native.RETRY_DEFAULTS[name]


@dataclass(frozen=True)
class RetryPolicy:
    """How calls that are safe to repeat are retried: ``max_retries`` after the first attempt (0–10), a
    jittered exponential backoff from ``base_delay`` up to ``max_delay`` seconds, and a server's
    ``Retry-After`` honoured up to ``max_retry_after`` seconds. The defaults are core's.

    Calls that move money (a confirm, a charge with a billing key, a billing-key issue…) are never repeated
    once sent, whatever the policy: they raise ``OutcomeUnknownError`` instead. Use it with
    ``client.with_options(retry=RetryPolicy(max_retries=5, base_delay=0.5))``.
    """

    max_retries: int = field(default_factory=lambda: int(_default("max_retries")))
    base_delay: float = field(default_factory=lambda: float(_default("base_delay")))
    max_delay: float = field(default_factory=lambda: float(_default("max_delay")))
    max_retry_after: float = field(default_factory=lambda: float(_default("max_retry_after")))


def _number(value: Any, field: str, reason: str) -> Union[int, float]:
    """A finite ``int`` or ``float`` option (no bool, no 5000-digit int), else the error naming it."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise invalid_input(field, reason)
    try:
        finite = math.isfinite(value)
    except OverflowError:
        finite = False
    if not finite or not _MIN_INT <= value <= _MAX_INT:
        raise invalid_input(field, reason)
    return value


def _retry_json(retry: Any) -> Optional[Dict[str, Any]]:
    if retry is None:
        return None
    if not isinstance(retry, RetryPolicy):
        raise invalid_input("retry", f"must be a paywire.RetryPolicy (got {type(retry).__name__})")
    return {
        name: _number(getattr(retry, name), f"retry.{name}", "must be a finite number")
        for name in ("max_retries", "base_delay", "max_delay", "max_retry_after")
    }


class _Client:
    """What every client is: one native client (its pool, token, and fork handling live in Rust)."""

    __slots__ = ("_native",)

    _native: _NativeClient

    # Methods whose exceptions are the caller's own (``step`` of confirm_verified propagates unchanged);
    # the calls they make are guarded themselves.
    _UNGUARDED = frozenset({"confirm_verified"})

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Guards every public method and the constructor of each client class: whatever goes wrong
        inside, the caller sees a ``PaywireError`` (never a ``RecursionError``, ``UnicodeEncodeError`` or
        pyo3's ``PanicException``)."""
        super().__init_subclass__(**kwargs)
        if not cls.__module__.startswith("paywire."):
            return  # a user's subclass: its own methods raise what they raise
        members = dict(vars(cls))
        # The generated operations (``_generated.py`` mixins) are guarded on the class that uses them.
        for base in reversed(cls.__mro__):
            if base.__module__ == "paywire._generated":
                for name, member in vars(base).items():
                    members.setdefault(name, member)
        for name, member in members.items():
            public = not name.startswith("_") or name == "__init__"
            if public and inspect.isfunction(member):
                setattr(cls, name, _checked_call(member) if name in cls._UNGUARDED else _guarded(member))

    # How each kind of argument the generated methods name is converted (other arguments: ``_wire``).
    def _pack(self, scope: Dict[str, Any], kinds: Optional[Dict[str, str]] = None) -> Dict[str, Any]:
        """A generated method's arguments (its ``locals()``) as the dispatch's JSON object: unset ones
        dropped, each converted by its kind (``kinds``: unix ``time``, ``json_text``, ``one_or_many``,
        ``digit``, ``schedules``, ``merge`` of further fields; ``from_`` is sent as ``from``)."""
        return _pack(scope, kinds or {})

    @property
    def base_url(self) -> str:
        """The API root in use."""
        return self._native.base_url

    @_guarded
    def with_options(
        self: _C,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        retry: Optional[RetryPolicy] = None,
    ) -> _C:
        """A client of the same class sharing this one's connection pool, token and ``max_in_flight``,
        whose calls use ``timeout`` (seconds per attempt, above 0, at most a day) and the retry policy
        given as ``max_retries`` alone or as a whole ``retry=RetryPolicy(...)`` (not both). Unset options
        keep this client's. Calls that move money are never repeated blindly, whatever the policy. A bad
        value raises ``InvalidInputError`` naming the option; nothing is sent.

            patient = client.with_options(timeout=60, retry=paywire.RetryPolicy(max_retries=5, base_delay=0.5))
            patient.get_receipt(receipt_id)
        """
        try:
            options: Dict[str, Any] = {"retry": _retry_json(retry)}
            if timeout is not None:
                reason = "must be a number of seconds above 0 and at most 86400"
                options["timeout"] = _number(timeout, "timeout", reason)
            if max_retries is not None:
                if not isinstance(max_retries, int):
                    raise invalid_input("max_retries", "must be a non-negative integer")
                options["max_retries"] = _number(max_retries, "max_retries", "must be a non-negative integer")
            handle = object.__new__(type(self))
            handle._native = self._native.with_options(json.dumps(options, allow_nan=False))
            return handle
        except _NativeError as error:
            raise from_native(error) from None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"


class _Blocking(_Client):
    """Blocking calls: the GIL is released for the whole call."""

    __slots__ = ()

    def _call(self, op: str, args: Dict[str, Any], wrap: Callable[[Any], T]) -> T:
        try:
            answer = self._native.call(op, json.dumps(args, allow_nan=False))
        except _NativeError as error:
            raise from_native(error) from None
        return wrap(answer)

    def __enter__(self: _C) -> _C:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


class _Async(_Client):
    """asyncio calls: detached tasks on the shared runtime, answered through the loop's completion queue."""

    __slots__ = ()

    async def _acall(self, op: str, args: Dict[str, Any], wrap: Callable[[Any], T]) -> T:
        try:
            queue = _completions(asyncio.get_running_loop())
            answer = await self._native.call_async(op, json.dumps(args, allow_nan=False), queue)
        except _NativeError as error:
            raise from_native(error) from None
        return wrap(answer)

    async def __aenter__(self: _C) -> _C:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None


class _BootpayClient(_Client):
    __slots__ = ()

    def __init__(
        self,
        *,
        application_id: Optional[str] = None,
        private_key: Optional[str] = None,
        client_key: Optional[str] = None,
        secret_key: Optional[str] = None,
        mode: str = "production",
        base_url: Optional[str] = None,
        timeout: Optional[float] = 30.0,
        connect_timeout: Optional[float] = 5.0,
        proxy: Optional[str] = None,
        max_retries: Optional[int] = None,
        retry: Optional[RetryPolicy] = None,
        max_response_bytes: Optional[int] = None,
        max_in_flight: Optional[int] = None,
    ) -> None:
        self._native = _native_client(
            "bootpay",
            {
                "application_id": application_id,
                "private_key": private_key,
                "client_key": client_key,
                "secret_key": secret_key,
                "mode": mode,
                "base_url": base_url,
                "timeout": timeout,
                "connect_timeout": connect_timeout,
                "proxy": proxy,
                "max_retries": max_retries,
                "retry": _retry_json(retry),
                "max_response_bytes": max_response_bytes,
                "max_in_flight": max_in_flight,
            },
        )

    parse_webhook = staticmethod(parse_webhook)


class Bootpay(_BootpayOperations, _BootpayClient, _Blocking):
    """The blocking Bootpay client. Create one per process and share it between threads: calls release the
    GIL, share one connection pool and one token (fetched once however many threads ask). It keeps working
    in children of a forking server (gunicorn, celery).

    Exactly one credential pair: ``client_key`` + ``secret_key`` (recommended) or ``application_id`` +
    ``private_key``; half a pair raises ``InvalidInputError``. ``timeout`` is per attempt, in seconds.
    ``timeout`` and ``connect_timeout`` must be above 0 and at most a day. ``max_response_bytes`` caps an
    answer's size (default 16 MiB, 1 KiB–1 GiB; a larger one is refused while it streams in);
    ``max_retries`` (default 2) or a whole ``retry=RetryPolicy(...)`` sets how calls that are safe to
    repeat are retried (payments never are).
    ``max_in_flight`` bounds the requests this client has on the wire at once (default 64, 1–10000).
    Redirects are never followed: a 3xx raises ``RedirectError``.
    """

    __slots__ = ()

    def raw_request(
        self,
        method: str,
        path: str,
        body: Any = None,
        query: Union[Mapping[str, Any], Sequence[Tuple[str, Any]], None] = None,
        idempotent: Optional[bool] = None,
    ) -> Any:
        """Sends a request for an endpoint paywire does not wrap, with the same auth, retries and errors.
        ``idempotent`` (default: only for GET) allows retries; answers the JSON as plain Python values."""
        args = _raw_args(locals())
        return self._call("raw_request", args, _identity)

    def verify_webhook(self, webhook: WebhookLike) -> Receipt:
        """Verifies a webhook by re-fetching its receipt (a payload whose order id does not match is refused
        as forged); returns the receipt as Bootpay reports it now. Accepts a parsed ``BootpayWebhook``, the
        raw body (bytes/str) or the payload dict."""
        return self._call("verify_webhook", {"webhook": _webhook_payload(webhook, parse_webhook)}, Receipt)

    def confirm_verified(self, receipt_id: str, expected_price: int, step: Callable[[Receipt], T]) -> Confirmed[T]:
        """Verify, run your step, confirm: the single-transaction server confirm.

        1. The receipt must await confirmation (status 2) for exactly ``expected_price``.
        2. ``step(receipt)`` runs (reserve stock, mark the order… inside your DB transaction).
        3. Only if it returned is the payment confirmed, and the confirmed price checked again.

        If ``step`` raises, nothing is confirmed and its exception propagates unchanged.
        """
        receipt = self.verify_awaiting_confirm(receipt_id, expected_price)
        output = step(receipt)
        return Confirmed(self.confirm_checked(receipt_id, expected_price), output)


class AsyncBootpay(_AsyncBootpayOperations, _BootpayClient, _Async):
    """The asyncio Bootpay client: the same operations as ``Bootpay``, as coroutines.

    Every call runs on one shared tokio runtime. Cancelling the awaiting task stops the waiting only: a
    confirm or a charge already sent runs to its end, and its outcome is logged (warning on the
    ``paywire`` logger) since nobody receives it.
    """

    __slots__ = ()

    async def raw_request(
        self,
        method: str,
        path: str,
        body: Any = None,
        query: Union[Mapping[str, Any], Sequence[Tuple[str, Any]], None] = None,
        idempotent: Optional[bool] = None,
    ) -> Any:
        """Sends a request for an endpoint paywire does not wrap, with the same auth, retries and errors.
        ``idempotent`` (default: only for GET) allows retries; answers the JSON as plain Python values."""
        args = _raw_args(locals())
        return await self._acall("raw_request", args, _identity)

    async def verify_webhook(self, webhook: WebhookLike) -> Receipt:
        """Verifies a webhook by re-fetching its receipt (a payload whose order id does not match is refused
        as forged); returns the receipt as Bootpay reports it now. Accepts a parsed ``BootpayWebhook``, the
        raw body (bytes/str) or the payload dict."""
        return await self._acall("verify_webhook", {"webhook": _webhook_payload(webhook, parse_webhook)}, Receipt)

    async def confirm_verified(
        self,
        receipt_id: str,
        expected_price: int,
        step: Callable[[Receipt], Awaitable[T]],
    ) -> Confirmed[T]:
        """Verify, run your step, confirm: the single-transaction server confirm.

        ``step`` is a coroutine function (a plain function works too) receiving the verified receipt. If it
        raises, nothing is confirmed and its exception propagates unchanged.
        """
        receipt = await self.verify_awaiting_confirm(receipt_id, expected_price)
        result: Any = step(receipt)
        # A plain function is accepted too, though the type asks for a coroutine function.
        output: T = await result if inspect.isawaitable(result) else result
        return Confirmed(await self.confirm_checked(receipt_id, expected_price), output)
