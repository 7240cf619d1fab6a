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

import argparse
import json
import logging
import os
import signal
import sys
import threading
from typing import Any, Dict, List, Optional, Sequence, TextIO, Tuple

from ._errors import PaywireError
from .testing import Sandbox

__all__ = ["main"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878


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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m paywire.sandbox",
        description="A local Bootpay and iamport sandbox with a web dashboard and real webhook deliveries.",
    )
    parser.add_argument("--host", help=f"IP address to listen on (default {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, help=f"port (default {DEFAULT_PORT}; 0 picks a free one)")
    parser.add_argument("--addr", help="HOST:PORT at once (or PAYWIRE_SANDBOX_ADDR)")
    parser.add_argument("--webhook-url", help="where webhooks of both providers are POSTed")
    parser.add_argument(
        "--iamport-webhook-format", choices=("json", "form"), default="json", help="encoding of iamport webhooks"
    )
    parser.add_argument(
        "--log-format", choices=("plain", "json"), default="plain", help="one line per request on stdout"
    )
    return parser


def _address(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Tuple[str, int]:
    if args.addr is not None and (args.host is not None or args.port is not None):
        parser.error("--addr cannot be combined with --host/--port")
    if args.host is None and args.port is None:
        addr = args.addr or os.environ.get("PAYWIRE_SANDBOX_ADDR") or ""
        if addr:
            host, sep, port = addr.rpartition(":")
            if not sep or not port.isdigit():
                parser.error(f"invalid address {addr} (HOST:PORT)")
            return host.strip("[]"), int(port)
    host = args.host if args.host is not None else DEFAULT_HOST
    port = args.port if args.port is not None else DEFAULT_PORT
    if not 0 <= port <= 65535:
        parser.error(f"--port must be 0-65535, not {port}")
    return host, port


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
    parser = _parser()
    args = parser.parse_args(argv)
    host, port = _address(parser, args)

    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(_JsonFormatter() if args.log_format == "json" else _PlainFormatter())
    access = logging.getLogger("paywire.sandbox")
    access.addHandler(handler)
    access.setLevel(logging.INFO)
    access.propagate = False

    try:
        sandbox = Sandbox(
            host=host,
            port=port,
            webhook_url=args.webhook_url,
            iamport_webhook_format=args.iamport_webhook_format,
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
