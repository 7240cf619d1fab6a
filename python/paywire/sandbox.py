"""``python -m paywire.sandbox``: a local Bootpay and iamport (PortOne V1) sandbox from the installed wheel.

No Rust toolchain is needed: the server is compiled into paywire's native module. It serves both APIs, the
admin API (``/__admin/``, described at ``/__admin/openapi.json``) and a web dashboard at ``/``, prints the
URLs and credentials, logs one line per request on stdout and runs until Ctrl-C or SIGTERM::

    python -m paywire.sandbox [--host HOST] [--port PORT] [--webhook-url URL]
                              [--iamport-webhook-format json|form] [--log-format plain|json]

The flags are those of the ``paywire-sandbox`` binary; the address defaults to ``PAYWIRE_SANDBOX_ADDR``, else
``127.0.0.1:7878`` (``--port 0`` picks a free port). ``--webhook-url`` is where webhooks of both providers
are POSTed when a payment changes state. In tests, ``paywire.testing.Sandbox`` gives the same server
in-process with typed admin helpers.

    $ python -m paywire.sandbox --port 8765 --webhook-url http://127.0.0.1:9000/hook
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
from typing import Any, Dict, List, Optional, Sequence, TextIO

from . import _native
from ._errors import PaywireError
from .testing import Sandbox

__all__ = ["main"]

PROGRAM = "python -m paywire.sandbox"


class _PlainFormatter(logging.Formatter):
    """``METHOD PATH STATUS DURATIONms``, one line per request, no colour codes."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{self.formatTime(record, '%Y-%m-%dT%H:%M:%S')} {record.getMessage()}"


class _JsonFormatter(logging.Formatter):
    """One JSON object per line: ``{"time", "method", "path", "status", "duration_ms"}``."""

    def format(self, record: logging.LogRecord) -> str:
        line: Dict[str, Any] = {"time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S")}
        request = getattr(record, "paywire_request", None)
        if isinstance(request, dict):
            line.update(request)
        else:
            line["message"] = record.getMessage()
        return json.dumps(line, ensure_ascii=False)


def _options(argv: Sequence[str]) -> Dict[str, Any]:
    """The command line read by the ``paywire-sandbox`` binary's own parser (one parser for every launcher)."""
    return _native.parse_sandbox_args(PROGRAM, list(argv), os.environ.get("PAYWIRE_SANDBOX_ADDR"))


def _banner(sandbox: Sandbox, out: TextIO) -> None:
    lines = [
        f"paywire-sandbox listening on {sandbox.url}",
        f"dashboard: {sandbox.url}/",
        f"admin API: {sandbox.url}/__admin/ (OpenAPI: {sandbox.url}/__admin/openapi.json)",
        f"Bootpay base_url: {sandbox.bootpay_url}",
        f"  application_id={sandbox.application_id} private_key={sandbox.private_key}",
        f"  client_key={sandbox.client_key} secret_key={sandbox.secret_key}",
        f"iamport base_url: {sandbox.iamport_url}",
        f"  imp_key={sandbox.imp_key} imp_secret={sandbox.imp_secret}",
        f"OTP for identity authentication: {sandbox.otp}",
        f"webhooks go to {sandbox.webhook_url}" if sandbox.webhook_url else "webhooks: no receiver (--webhook-url)",
        "Ctrl-C stops it.",
    ]
    out.write("\n".join(lines) + "\n")
    out.flush()


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs the sandbox until SIGINT/SIGTERM; answers the exit status (0, or 2 for bad arguments)."""
    try:
        options = _options(sys.argv[1:] if argv is None else argv)
    except ValueError as error:
        print(f"{PROGRAM}: {error}", file=sys.stderr)
        return 2
    if "help" in options:
        print(options["help"])
        return 0
    host, port = options["host"], options["port"]

    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(_JsonFormatter() if options["log_format"] == "json" else _PlainFormatter())
    access = logging.getLogger("paywire.sandbox")
    access.addHandler(handler)
    access.setLevel(logging.INFO)
    access.propagate = False

    try:
        sandbox = Sandbox(
            host=host,
            port=port,
            webhook_url=options["webhook_url"],
            iamport_webhook_format=options["iamport_webhook_format"],
            log_requests=True,
        )
    except PaywireError as error:
        print(f"paywire-sandbox: cannot start on {host}:{port}: {error}", file=sys.stderr)
        return 2 if isinstance(error, ValueError) else 1

    stop = threading.Event()
    received: List[int] = []

    def on_signal(signum: int, _frame: Any) -> None:
        received.append(signum)
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        _banner(sandbox, sys.stdout)
        # wait() with a timeout keeps the main thread returning to the interpreter, so signals are handled.
        while not stop.wait(0.5):
            pass
    finally:
        sandbox.stop()
        for sig, old in previous.items():
            signal.signal(sig, old)
    print("paywire-sandbox stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
