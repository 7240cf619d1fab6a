"""Offline integration tests: an in-process Bootpay and iamport (PortOne V1) sandbox.

``Sandbox()`` starts ``paywire-sandbox`` (compiled into the native module; no Rust toolchain needed) on
``127.0.0.1`` with a free port, or on the ``host``/``port`` you give. Point a client at
``sandbox.bootpay_url`` / ``sandbox.iamport_url`` with the sandbox's credentials (or use ``sandbox.client()``
/ ``sandbox.iamport_client()``), and drive the server's state with the typed admin helpers: create receipts
and payments as if a customer had paid, deposit into virtual accounts, inject faults, read counters, the
request log and the webhook deliveries, move the clock.

    from paywire.testing import Sandbox

    with Sandbox() as sandbox:
        client = sandbox.client()
        receipt = sandbox.create_receipt(status="awaiting_confirm", price=30000)
        client.confirm_verified(receipt["receipt_id"], 30000, lambda r: None)

        iamport = sandbox.iamport_client()
        payment = sandbox.create_iamport_payment("paid", 30000)
        iamport.verify_payment(payment["imp_uid"], 30000)

**Webhooks.** With ``Sandbox(webhook_url="http://127.0.0.1:9000/hook")`` (or ``configure(webhook_url=...)``,
or ``webhook_url=``/``notice_url=`` on one payment) the sandbox POSTs each provider's webhook there when a
payment changes state (paid, confirmed, cancelled, virtual account issued/deposited, ...), retrying as the
provider does; Bootpay keeps retrying until the receiver answers ``{"success": true}``. ``webhooks()`` lists
every delivery with its attempts and the receiver's answers; ``resend_webhook(id)`` sends one again.

**Admin API.** Every helper is one operation of the sandbox's admin API, described by the OpenAPI document
it serves at ``/__admin/openapi.json`` (``openapi()``); ``ADMIN_OPERATIONS`` lists them as
``(helper, operationId, method, path)`` and the test suite checks it against that document.

**Dashboard and command line.** ``sandbox.url`` + ``/`` is a web dashboard (payments of both providers,
play the customer, webhook deliveries, live request log, faults, clock). ``python -m paywire.sandbox`` serves
the same sandbox from the command line until Ctrl-C (see ``paywire.sandbox``).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, List, NamedTuple, Optional, Tuple, Union

from . import _native
from ._client import AsyncBootpay, Bootpay
from ._errors import from_native, invalid_input
from ._iamport import AsyncIamport, Iamport

__all__ = ["ADMIN_OPERATIONS", "RECEIPT_STATUSES", "AdminOperation", "Sandbox", "SandboxAdminError"]


class AdminOperation(NamedTuple):
    """One operation of the sandbox's admin API and the ``Sandbox`` method that calls it."""

    helper: str
    operation_id: str
    method: str
    path: str


#: The admin API, once: each documented operation (``/__admin/openapi.json``) and its one helper.
ADMIN_OPERATIONS: Tuple[AdminOperation, ...] = (
    AdminOperation("create_receipt", "createBootpayReceipt", "POST", "/__admin/bootpay/receipts"),
    AdminOperation("deposit", "depositBootpayVbank", "POST", "/__admin/bootpay/receipts/{receipt_id}/deposit"),
    AdminOperation("webhook_payload", "bootpayWebhookPayload", "GET", "/__admin/bootpay/webhook/{receipt_id}"),
    AdminOperation("create_iamport_payment", "createIamportPayment", "POST", "/__admin/iamport/payments"),
    AdminOperation("deposit_vbank", "depositIamportVbank", "POST", "/__admin/iamport/vbanks/{imp_uid}/deposit"),
    AdminOperation("iamport_webhook_payload", "iamportWebhookPayload", "GET", "/__admin/iamport/webhook/{imp_uid}"),
    AdminOperation("fault", "addFault", "POST", "/__admin/faults"),
    AdminOperation("faults", "listFaults", "GET", "/__admin/faults"),
    AdminOperation("clear_faults", "clearFaults", "DELETE", "/__admin/faults"),
    AdminOperation("counters", "counters", "GET", "/__admin/counters"),
    AdminOperation("requests", "listRequests", "GET", "/__admin/requests"),
    AdminOperation("clear_requests", "clearRequests", "DELETE", "/__admin/requests"),
    AdminOperation("advance_clock", "advanceClock", "POST", "/__admin/clock/advance"),
    AdminOperation("expire_tokens", "expireTokens", "POST", "/__admin/tokens/expire"),
    AdminOperation("configure", "configure", "POST", "/__admin/config"),
    AdminOperation("config", "readConfig", "GET", "/__admin/config"),
    AdminOperation("reset", "reset", "POST", "/__admin/reset"),
    AdminOperation("webhooks", "listWebhooks", "GET", "/__admin/webhooks"),
    AdminOperation("resend_webhook", "resendWebhook", "POST", "/__admin/webhooks/{id}/resend"),
    AdminOperation("openapi", "openapi", "GET", "/__admin/openapi.json"),
)

_BY_HELPER: Dict[str, AdminOperation] = {op.helper: op for op in ADMIN_OPERATIONS}

#: Names accepted for a Bootpay receipt's ``status`` by ``create_receipt`` (Bootpay's numeric codes).
RECEIPT_STATUSES: Dict[str, int] = {
    "paid": 1,
    "awaiting_confirm": 2,
    "virtual_account": 5,
    "cancelled": 20,
}

_UNSET: Any = object()

#: The credentials every sandbox starts with (``SandboxConfig::default()``), for ``Sandbox.attach``; the
#: test suite checks them against a running sandbox.
_DEFAULT_CREDENTIALS: Dict[str, str] = {
    "application_id": "sandbox-application-id",
    "private_key": "sandbox-private-key",
    "client_key": "sandbox-client-key",
    "secret_key": "sandbox-secret-key",
    "imp_key": "sandbox-imp-key",
    "imp_secret": "sandbox-imp-secret",
    "otp": "123456",
}


class SandboxAdminError(RuntimeError):
    """An admin call was refused by the sandbox (e.g. an unknown receipt id)."""

    def __init__(self, status: int, body: str) -> None:
        super().__init__(f"sandbox admin call failed (HTTP {status}): {body}")
        self.status = status
        self.body = body

    def __reduce__(self) -> Tuple[Any, ...]:
        # Picklable (the default would call ``__init__`` with the message alone).
        return (SandboxAdminError, (self.status, self.body))


class Sandbox:
    """A running Bootpay and iamport sandbox. Use it as a context manager, or call ``stop()``.

    Attributes: ``url`` (the dashboard is at ``url + "/"``), ``bootpay_url`` (a Bootpay client's
    ``base_url``), ``application_id``/``private_key``
    (the token pair), ``client_key``/``secret_key`` (the Basic pair), ``iamport_url`` (an iamport client's
    ``base_url``), ``imp_key``/``imp_secret`` (the iamport pair) and ``otp`` (always ``"123456"``, for
    both providers), ``webhook_url``.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        webhook_url: Optional[str] = None,
        iamport_webhook_format: str = "json",
        token_ttl_secs: Optional[int] = None,
        log_requests: bool = False,
    ) -> None:
        """Starts the sandbox.

        ``host``: the IP address to listen on (``"0.0.0.0"`` for every interface); ``port``: 0 (the default)
        picks a free one. ``webhook_url``: where webhooks of both providers are POSTed (``None``: only to
        payments that name their own receiver). ``iamport_webhook_format``: ``"json"`` or ``"form"``.
        ``token_ttl_secs``: lifetime of the access tokens it issues. ``log_requests``: one record per request
        on the ``paywire.sandbox`` logger (method, path, status, duration; ``record.paywire_request`` holds
        them as a dict); once on, it stays on for every sandbox of the process. Bad values raise
        ``paywire.InvalidInputError`` naming the argument.

            sandbox = Sandbox(port=8765, webhook_url="http://127.0.0.1:9000/hook")
        """
        if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
            raise invalid_input("port", "must be an integer from 0 to 65535")
        if not isinstance(host, str):
            raise invalid_input("host", "must be a string (an IP address)")
        if webhook_url is not None and not isinstance(webhook_url, str):
            raise invalid_input("webhook_url", "must be a string or None")
        if not isinstance(iamport_webhook_format, str):
            raise invalid_input("iamport_webhook_format", 'must be "json" or "form"')
        if token_ttl_secs is not None and (
            isinstance(token_ttl_secs, bool) or not isinstance(token_ttl_secs, int) or token_ttl_secs < 0
        ):
            raise invalid_input("token_ttl_secs", "must be a non-negative integer or None")
        try:
            server = _native.SandboxServer(
                token_ttl_secs, host, port, webhook_url, iamport_webhook_format, bool(log_requests)
            )
        except _native.NativeError as error:
            raise from_native(error) from None
        self._server: Optional[_native.SandboxServer] = server
        self.webhook_url: Optional[str] = webhook_url
        self.url: str = server.url
        self.bootpay_url: str = server.bootpay_url
        self.application_id: str = server.application_id
        self.private_key: str = server.private_key
        self.client_key: str = server.client_key
        self.secret_key: str = server.secret_key
        self.iamport_url: str = server.iamport_url
        self.imp_key: str = server.imp_key
        self.imp_secret: str = server.imp_secret
        self.otp: str = server.otp

    @classmethod
    def attach(cls, url: str, *, webhook_url: Optional[str] = None) -> Sandbox:
        """A handle on a sandbox already running elsewhere (``python -m paywire.sandbox``, the
        ``paywire-sandbox`` binary), e.g. ``Sandbox.attach("http://127.0.0.1:7878")``: the same clients and
        admin helpers, with the default credentials those start with. ``stop()`` leaves that server running.

            sandbox = Sandbox.attach("http://127.0.0.1:7878")
            sandbox.create_receipt("paid", 1000)
        """
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise invalid_input("url", "must be an http:// or https:// URL")
        url = url.rstrip("/")
        sandbox = cls.__new__(cls)
        sandbox._server = None
        sandbox.url = url
        sandbox.bootpay_url = f"{url}/v2"
        sandbox.iamport_url = f"{url}/iamport"
        for name, value in _DEFAULT_CREDENTIALS.items():
            setattr(sandbox, name, value)
        sandbox.webhook_url = webhook_url
        return sandbox

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"Sandbox(url={self.url!r})"

    def stop(self) -> None:
        """Stops the server (idempotent; a sandbox from ``attach`` is left running)."""
        if self._server is not None:
            self._server.stop()

    # ---- clients ---------------------------------------------------------------------------------

    def _credentials(self, credentials: str) -> Dict[str, Any]:
        if credentials == "token":
            return {"application_id": self.application_id, "private_key": self.private_key}
        if credentials == "basic":
            return {"client_key": self.client_key, "secret_key": self.secret_key}
        raise ValueError("credentials must be 'token' or 'basic'")

    def client(self, *, credentials: str = "token", **options: Any) -> Bootpay:
        """A blocking client for this sandbox; ``credentials`` picks the pair ("token" or "basic")."""
        return Bootpay(base_url=self.bootpay_url, **self._credentials(credentials), **options)

    def async_client(self, *, credentials: str = "token", **options: Any) -> AsyncBootpay:
        """An asyncio client for this sandbox."""
        return AsyncBootpay(base_url=self.bootpay_url, **self._credentials(credentials), **options)

    def iamport_client(self, **options: Any) -> Iamport:
        """A blocking iamport client for this sandbox."""
        return Iamport(base_url=self.iamport_url, imp_key=self.imp_key, imp_secret=self.imp_secret, **options)

    def async_iamport_client(self, **options: Any) -> AsyncIamport:
        """An asyncio iamport client for this sandbox."""
        return AsyncIamport(base_url=self.iamport_url, imp_key=self.imp_key, imp_secret=self.imp_secret, **options)

    # ---- admin API -------------------------------------------------------------------------------

    def _admin(self, helper: str, body: Any = None, **path_params: Union[str, int]) -> Any:
        """Calls the admin operation of ``helper`` (from ``ADMIN_OPERATIONS``)."""
        operation = _BY_HELPER[helper]
        path = operation.path
        for name, value in path_params.items():
            if not isinstance(value, (str, int)) or isinstance(value, bool) or str(value) == "":
                raise invalid_input(name, "must be a non-empty string or an integer")
            path = path.replace("{" + name + "}", urllib.parse.quote(str(value), safe=""))
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(
            f"{self.url}{path}",
            data=data,
            method=operation.method,
            headers={"content-type": "application/json"} if data is not None else {},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                text = answer.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            raise SandboxAdminError(error.code, error.read().decode("utf-8", "replace")) from None
        return json.loads(text) if text.strip() else None

    # ---- Bootpay ---------------------------------------------------------------------------------

    def create_receipt(self, status: Union[int, str] = 1, price: int = 1000, **fields: Any) -> Dict[str, Any]:
        """Creates a receipt as if a customer had gone through checkout; answers the receipt JSON.

        ``status``: ``"paid"`` (1), ``"awaiting_confirm"`` (2, for a server confirm), ``"virtual_account"``
        (5, a virtual account issued; ``deposit`` pays it) or ``"cancelled"`` (20), by name or number.
        ``fields``: tax_free, order_id, order_name, pg, method, metadata, user, webhook_url (this receipt's
        own webhook receiver).

            receipt = sandbox.create_receipt("awaiting_confirm", 30000, order_id="order-1")
        """
        if isinstance(status, str):
            if status not in RECEIPT_STATUSES:
                raise invalid_input("status", f"must be one of {', '.join(RECEIPT_STATUSES)} or a number")
            status = RECEIPT_STATUSES[status]
        answer: Dict[str, Any] = self._admin("create_receipt", {"status": status, "price": price, **fields})
        return answer

    def deposit(self, receipt_id: str) -> Dict[str, Any]:
        """The customer paid into the virtual account of ``receipt_id`` (status 5 → 1); answers the receipt.

            receipt = sandbox.deposit(sandbox.create_receipt("virtual_account", 5000)["receipt_id"])
        """
        answer: Dict[str, Any] = self._admin("deposit", {}, receipt_id=receipt_id)
        return answer

    def webhook_payload(self, receipt_id: str) -> Dict[str, Any]:
        """The webhook payload Bootpay would send now for ``receipt_id``."""
        answer: Dict[str, Any] = self._admin("webhook_payload", receipt_id=receipt_id)
        return answer

    # ---- iamport ---------------------------------------------------------------------------------

    def create_iamport_payment(self, status: str = "paid", amount: float = 1000, **fields: Any) -> Dict[str, Any]:
        """Creates an iamport payment as if a customer had used the browser window: ``"paid"``, ``"ready"``
        (with ``pay_method="vbank"`` an issued virtual account), ``"failed"`` or ``"cancelled"``. ``fields``:
        merchant_uid, pay_method, pg_provider, currency, name, buyer_*, custom_data, tax_free, escrow,
        vbank_code, fail_reason, notice_url (this payment's webhook receiver). A merchant_uid prepared with
        another amount is refused (HTTP 409, as the browser window would be). Answers the payment JSON.

            payment = sandbox.create_iamport_payment("ready", 5000, pay_method="vbank")
        """
        answer: Dict[str, Any] = self._admin("create_iamport_payment", {"status": status, "amount": amount, **fields})
        return answer

    def deposit_vbank(self, imp_uid: str) -> Dict[str, Any]:
        """The customer paid into the virtual account ``imp_uid``: ``ready`` → ``paid``."""
        answer: Dict[str, Any] = self._admin("deposit_vbank", {}, imp_uid=imp_uid) or {}
        return answer

    def iamport_webhook_payload(self, imp_uid: str) -> Dict[str, Any]:
        """The webhook body iamport would send now for ``imp_uid``: ``{imp_uid, merchant_uid, status}``
        (+ ``cancellation_id`` when cancelled)."""
        answer: Dict[str, Any] = self._admin("iamport_webhook_payload", imp_uid=imp_uid)
        return answer

    # ---- faults, counters, request log -------------------------------------------------------------

    def fault(self, **spec: Any) -> Dict[str, Any]:
        """Injects a fault: ``path`` (e.g. ``"receipt/*"``), and any of method, latency_ms, status, body,
        headers, non_json, drop, after, times; ``provider="iamport"`` for a path under ``/iamport``.

            sandbox.fault(path="cancel", status=500, times=1)
        """
        answer: Dict[str, Any] = self._admin("fault", spec) or {}
        return answer

    def faults(self) -> List[Dict[str, Any]]:
        """The faults still armed."""
        answer: List[Dict[str, Any]] = self._admin("faults")
        return answer

    def clear_faults(self) -> None:
        """Removes every fault."""
        self._admin("clear_faults")

    def counters(self) -> Dict[str, Any]:
        """``{"token_requests": n, "iamport_token_requests": n, "requests": {"POST cancel": n,
        "iamport:POST payments/cancel": n, ...}}``."""
        answer: Dict[str, Any] = self._admin("counters")
        return answer

    def requests(self) -> List[Dict[str, Any]]:
        """The recorded requests, oldest first: ``{provider, method, path, query, headers, body}`` (iamport
        paths are relative to ``/iamport``)."""
        answer: List[Dict[str, Any]] = self._admin("requests")
        return answer

    def clear_requests(self) -> None:
        """Forgets the recorded requests."""
        self._admin("clear_requests")

    # ---- clock, tokens, configuration, reset -------------------------------------------------------

    def advance_clock(self, seconds: float) -> None:
        """Moves the sandbox clock forward (token expiry, due reservations)."""
        self._admin("advance_clock", {"seconds": seconds})

    def expire_tokens(self) -> None:
        """Expires every issued access token now."""
        self._admin("expire_tokens")

    def configure(
        self,
        *,
        token_ttl_secs: Optional[int] = None,
        webhook_url: Optional[str] = _UNSET,
        iamport_webhook_format: Optional[str] = None,
    ) -> Dict[str, Any]:
        """Changes the configuration; arguments left out stay as they are (``webhook_url=None`` removes the
        receiver). Answers the configuration in force (as ``config()``).

            sandbox.configure(webhook_url="http://127.0.0.1:9000/hook", iamport_webhook_format="form")
        """
        body: Dict[str, Any] = {}
        if token_ttl_secs is not None:
            body["token_ttl_secs"] = token_ttl_secs
        if webhook_url is not _UNSET:
            body["webhook_url"] = webhook_url
        if iamport_webhook_format is not None:
            body["iamport_webhook_format"] = iamport_webhook_format
        answer: Dict[str, Any] = self._admin("configure", body)
        if webhook_url is not _UNSET:
            self.webhook_url = answer.get("webhook_url", webhook_url)
        return answer

    def set_token_ttl(self, seconds: int) -> None:
        """The lifetime of tokens issued from now on (shorthand for ``configure(token_ttl_secs=...)``)."""
        self.configure(token_ttl_secs=seconds)

    def config(self) -> Dict[str, Any]:
        """The configuration in force: ``{token_ttl_secs, webhook_url, iamport_webhook_format}``."""
        answer: Dict[str, Any] = self._admin("config")
        return answer

    def reset(self) -> None:
        """Forgets all state, faults, counters and requests."""
        self._admin("reset")

    # ---- webhooks ----------------------------------------------------------------------------------

    def webhooks(self) -> Dict[str, Any]:
        """Webhook settings and every delivery, oldest first: ``{"settings": {...}, "deliveries": [{id,
        provider, event, payment_id, url, content_type, payload, state, attempts: [{attempt, status, answer,
        error, accepted, duration_ms, at}], created_at, resend_of}]}``. ``state`` is pending, delivered,
        failed or dropped.

            delivered = [d for d in sandbox.webhooks()["deliveries"] if d["state"] == "delivered"]
        """
        answer: Dict[str, Any] = self._admin("webhooks")
        return answer

    def resend_webhook(self, delivery_id: int) -> Dict[str, Any]:
        """Sends delivery ``delivery_id`` again (a new delivery, same payload and receiver); answers it."""
        answer: Dict[str, Any] = self._admin("resend_webhook", {}, id=delivery_id)
        return answer

    def openapi(self) -> Dict[str, Any]:
        """The OpenAPI 3 document describing this admin API."""
        answer: Dict[str, Any] = self._admin("openapi")
        return answer


#: Helpers that are shorthands for a table helper (not admin operations of their own).
_SHORTHANDS: Dict[str, str] = {"set_token_ttl": "configure"}


if __name__ == "__main__":
    # `python -m paywire.testing` serves the sandbox too, as `python -m paywire.sandbox` does.
    import sys

    from .sandbox import main

    sys.exit(main())
