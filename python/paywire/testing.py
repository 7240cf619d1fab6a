"""Offline integration tests: an in-process Bootpay and iamport (PortOne V1) sandbox.

``Sandbox()`` starts ``paywire-sandbox`` (compiled into the native module) on ``127.0.0.1`` with a free
port. Point a client at ``sandbox.bootpay_url`` / ``sandbox.iamport_url`` with the sandbox's credentials
(or use ``sandbox.client()`` / ``sandbox.iamport_client()``), and drive the server's state with the admin
helpers: create receipts and payments as if a customer had paid, inject faults, read counters and recorded
requests, move the clock.

    from paywire.testing import Sandbox

    with Sandbox() as sandbox:
        client = sandbox.client()
        receipt = sandbox.create_receipt(status=2, price=30000)
        client.confirm_verified(receipt["receipt_id"], 30000, lambda r: None)

        iamport = sandbox.iamport_client()
        payment = sandbox.create_iamport_payment("paid", 30000)
        iamport.verify_payment(payment["imp_uid"], 30000)
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any, Dict, List, Optional

from . import _native
from ._client import AsyncBootpay, Bootpay
from ._iamport import AsyncIamport, Iamport

__all__ = ["Sandbox", "SandboxAdminError"]


class SandboxAdminError(RuntimeError):
    """An admin call was refused by the sandbox (e.g. an unknown receipt id)."""

    def __init__(self, status: int, body: str) -> None:
        super().__init__(f"sandbox admin call failed (HTTP {status}): {body}")
        self.status = status
        self.body = body


class Sandbox:
    """A running Bootpay and iamport sandbox. Use it as a context manager, or call ``stop()``.

    Attributes: ``url``, ``bootpay_url`` (a Bootpay client's ``base_url``), ``application_id``/``private_key``
    (the token pair), ``client_key``/``secret_key`` (the Basic pair), ``iamport_url`` (an iamport client's
    ``base_url``), ``imp_key``/``imp_secret`` (the iamport pair) and ``otp`` (always ``"123456"``, for
    both providers).
    """

    def __init__(self, *, token_ttl_secs: Optional[int] = None) -> None:
        self._server = _native.SandboxServer(token_ttl_secs)
        self.url: str = self._server.url
        self.bootpay_url: str = self._server.bootpay_url
        self.application_id: str = self._server.application_id
        self.private_key: str = self._server.private_key
        self.client_key: str = self._server.client_key
        self.secret_key: str = self._server.secret_key
        self.iamport_url: str = self._server.iamport_url
        self.imp_key: str = self._server.imp_key
        self.imp_secret: str = self._server.imp_secret
        self.otp: str = self._server.otp

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"Sandbox(url={self.url!r})"

    def stop(self) -> None:
        """Stops the server (idempotent)."""
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

    def _admin(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(
            f"{self.url}/__admin/{path}",
            data=data,
            method=method,
            headers={"content-type": "application/json"} if data is not None else {},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                text = answer.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            raise SandboxAdminError(error.code, error.read().decode("utf-8", "replace")) from None
        return json.loads(text) if text.strip() else None

    def create_receipt(self, status: int = 1, price: int = 1000, **fields: Any) -> Dict[str, Any]:
        """Creates a receipt as if a customer had paid (1), awaits confirm (2), got a virtual account (5)
        or was cancelled (20). ``fields``: tax_free, order_id, order_name, pg, method, metadata, user."""
        answer: Dict[str, Any] = self._admin("POST", "bootpay/receipts", {"status": status, "price": price, **fields})
        return answer

    def fault(self, **spec: Any) -> Dict[str, Any]:
        """Injects a fault: ``path`` (e.g. ``"receipt/*"``), and any of method, latency_ms, status, body,
        headers, non_json, drop, after, times; ``provider="iamport"`` for a path under ``/iamport``."""
        answer: Dict[str, Any] = self._admin("POST", "faults", spec) or {}
        return answer

    def faults(self) -> List[Dict[str, Any]]:
        """The faults still armed."""
        answer: List[Dict[str, Any]] = self._admin("GET", "faults")
        return answer

    def clear_faults(self) -> None:
        """Removes every fault."""
        self._admin("DELETE", "faults")

    def counters(self) -> Dict[str, Any]:
        """``{"token_requests": n, "iamport_token_requests": n, "requests": {"POST cancel": n,
        "iamport:POST payments/cancel": n, ...}}``."""
        answer: Dict[str, Any] = self._admin("GET", "counters")
        return answer

    def requests(self) -> List[Dict[str, Any]]:
        """The recorded requests, oldest first: ``{provider, method, path, query, headers, body}`` (iamport
        paths are relative to ``/iamport``)."""
        answer: List[Dict[str, Any]] = self._admin("GET", "requests")
        return answer

    def clear_requests(self) -> None:
        """Forgets the recorded requests."""
        self._admin("DELETE", "requests")

    def advance_clock(self, seconds: float) -> None:
        """Moves the sandbox clock forward (token expiry, due reservations)."""
        self._admin("POST", "clock/advance", {"seconds": seconds})

    def expire_tokens(self) -> None:
        """Expires every issued access token now."""
        self._admin("POST", "tokens/expire")

    def set_token_ttl(self, seconds: int) -> None:
        """The lifetime of tokens issued from now on."""
        self._admin("POST", "config", {"token_ttl_secs": seconds})

    def reset(self) -> None:
        """Forgets all state, faults, counters and requests."""
        self._admin("POST", "reset")

    def webhook_payload(self, receipt_id: str) -> Dict[str, Any]:
        """The webhook payload Bootpay would send now for ``receipt_id``."""
        answer: Dict[str, Any] = self._admin("GET", f"bootpay/webhook/{receipt_id}")
        return answer

    # ---- iamport admin ---------------------------------------------------------------------------

    def create_iamport_payment(self, status: str = "paid", amount: float = 1000, **fields: Any) -> Dict[str, Any]:
        """Creates an iamport payment as if a customer had used the browser window: ``"paid"``, ``"ready"``
        (with ``pay_method="vbank"`` an issued virtual account), ``"failed"`` or ``"cancelled"``. ``fields``:
        merchant_uid, pay_method, pg_provider, currency, name, buyer_*, custom_data, tax_free, escrow,
        vbank_code, fail_reason. A merchant_uid prepared with another amount is refused (HTTP 409, as the
        browser window would be). Answers the payment JSON."""
        answer: Dict[str, Any] = self._admin("POST", "iamport/payments", {"status": status, "amount": amount, **fields})
        return answer

    def deposit_vbank(self, imp_uid: str) -> Dict[str, Any]:
        """The customer paid into the virtual account ``imp_uid``: ``ready`` → ``paid``."""
        answer: Dict[str, Any] = self._admin("POST", f"iamport/vbanks/{imp_uid}/deposit", {}) or {}
        return answer

    def iamport_webhook_payload(self, imp_uid: str) -> Dict[str, Any]:
        """The webhook body iamport would send now for ``imp_uid``: ``{imp_uid, merchant_uid, status}``
        (+ ``cancellation_id`` when cancelled)."""
        answer: Dict[str, Any] = self._admin("GET", f"iamport/webhook/{imp_uid}")
        return answer
