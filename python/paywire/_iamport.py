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

from typing import Any, Dict, Mapping, Optional, Sequence, Tuple, Union

from ._client import (
    RetryPolicy,
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
    _retry_json,
    _wire,
)
from ._client import _webhook_payload as _payload_of
from ._generated import (
    EscrowLogis,
    Payment,
    _AsyncIamportOperations,
    _IamportOperations,
)
from ._iamport_models import (
    EscrowParty,
    EscrowShipment,
    IamportWebhook,
    ScheduleItem,
    to_unix,
)

__all__ = ["AsyncIamport", "Iamport", "parse_iamport_webhook"]

ScheduleItemLike = Union[ScheduleItem, Mapping[str, Any]]
EscrowPartyLike = Union[EscrowParty, Mapping[str, Any]]
EscrowShipmentLike = Union[EscrowShipment, Mapping[str, Any]]
IamportWebhookLike = Union[IamportWebhook, bytes, str, Mapping[str, Any]]
CustomData = Union[str, Mapping[str, Any], None]


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
        max_retries: Optional[int] = None,
        retry: Optional[RetryPolicy] = None,
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
                "retry": _retry_json(retry),
                "max_response_bytes": max_response_bytes,
                "max_in_flight": max_in_flight,
            },
        )

    parse_webhook = staticmethod(parse_iamport_webhook)


class Iamport(_IamportOperations, _IamportClient, _Blocking):
    """The blocking iamport (PortOne V1) client. Create one per process and share it between threads: calls
    release the GIL and share one connection pool and one token (fetched once however many threads ask,
    refreshed ahead of expiry and once after a 401). It keeps working in children of a forking server.

    ``imp_key`` + ``imp_secret`` are the REST API key pair; half a pair raises ``InvalidInputError``.
    ``base_url`` defaults to ``https://api.iamport.kr`` (``https://static-api.iamport.kr`` for fixed egress
    IPs); ``tier`` is the sub-merchant code of agency accounts; ``timeout`` is per attempt, in seconds.
    ``timeout`` and ``connect_timeout`` must be above 0 and at most a day. ``max_response_bytes`` caps an
    answer's size (default 16 MiB, 1 KiB–1 GiB; a larger one is refused while it streams in);
    ``max_retries`` (default 2) or a whole ``retry=RetryPolicy(...)`` sets how calls that are safe to
    repeat are retried (payments never are).
    ``max_in_flight`` bounds the requests this client has on the wire at once (default 64, 1–10000).
    Redirects are never followed: a 3xx raises ``RedirectError``.
    """

    __slots__ = ()


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

    def verify_webhook(self, webhook: IamportWebhookLike) -> Payment:
        """Verifies a webhook by re-fetching its payment (a payload whose ``merchant_uid`` does not match is
        refused as forged); returns the payment as iamport reports it now. Check its amount with
        ``verify_payment``. Accepts a parsed ``IamportWebhook``, the raw body (bytes/str) or the payload dict."""
        return self._call("verify_webhook", {"webhook": _webhook_payload(webhook)}, Payment)


class AsyncIamport(_AsyncIamportOperations, _IamportClient, _Async):
    """The asyncio iamport (PortOne V1) client: the same operations as ``Iamport``, as coroutines.

    Every call runs on one shared tokio runtime; 500 concurrent calls on a cold client still fetch one
    token. Cancelling the awaiting task stops the waiting only: a payment already sent runs to its end, and
    its outcome is logged (warning on the ``paywire`` logger) since nobody receives it.
    """

    __slots__ = ()


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

    async def verify_webhook(self, webhook: IamportWebhookLike) -> Payment:
        """Verifies a webhook by re-fetching its payment (a payload whose ``merchant_uid`` does not match is
        refused as forged); returns the payment as iamport reports it now. Check its amount with
        ``verify_payment``. Accepts a parsed ``IamportWebhook``, the raw body (bytes/str) or the payload dict."""
        return await self._acall("verify_webhook", {"webhook": _webhook_payload(webhook)}, Payment)
