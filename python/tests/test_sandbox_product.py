"""The sandbox as a product: ``python -m paywire.sandbox`` from the installed wheel, real webhook deliveries
parsed and verified by paywire's own clients, and the admin helpers checked against the OpenAPI document the
sandbox serves. Everything over real HTTP on loopback."""

from __future__ import annotations

import inspect
import json
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, Iterator, List, NamedTuple, Tuple

import pytest

import paywire
from paywire.testing import _DEFAULT_CREDENTIALS, _SHORTHANDS, ADMIN_OPERATIONS, Sandbox, SandboxAdminError


class Delivery(NamedTuple):
    path: str
    content_type: str
    body: bytes


class Receiver:
    """A merchant's webhook endpoint: records each POST and answers as the providers expect."""

    def __init__(self) -> None:
        self.received: queue.Queue[Delivery] = queue.Queue()
        received = self.received

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                body = self.rfile.read(length)
                received.put(Delivery(self.path, self.headers.get("content-type", ""), body))
                answer = b'{"success": true}'
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, fmt: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def next(self, timeout: float = 20.0) -> Delivery:
        return self.received.get(timeout=timeout)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def read_lines(stream: Any, into: queue.Queue[str]) -> None:
    for line in iter(stream.readline, ""):
        into.put(line)


def wait_for(lines: queue.Queue[str], prefix: str, seen: List[str], timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while True:
        line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        seen.append(line)
        if line.startswith(prefix):
            return line


def get(url: str) -> Tuple[int, str, str]:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.status, answer.headers.get("content-type", ""), answer.read().decode("utf-8")


# ---- python -m paywire.sandbox ---------------------------------------------------------------------


def test_command_line_serves_dashboard_and_delivers_verifiable_webhooks(receiver: Receiver, tmp_path: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "paywire.sandbox", "--port", str(port), "--webhook-url", receiver.url,
         "--log-format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,  # -m puts the working directory on sys.path: import the installed wheel, not the sources
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=read_lines, args=(process.stdout, lines), daemon=True).start()
    seen: List[str] = []
    try:
        wait_for(lines, "Ctrl-C", seen)
        banner = "".join(seen)
        url = f"http://127.0.0.1:{port}"
        assert f"dashboard: {url}/" in banner
        assert f"Bootpay base_url: {url}/v2" in banner
        assert f"iamport base_url: {url}/iamport" in banner
        assert f"webhooks go to {receiver.url}" in banner

        status, content_type, page = get(f"{url}/")
        assert status == 200
        assert content_type.startswith("text/html")
        assert "<html" in page.lower()

        sandbox = Sandbox.attach(url, webhook_url=receiver.url)
        client = sandbox.client()
        receipt = sandbox.create_receipt("paid", 30000, order_id="order-cli-1")

        delivery = receiver.next()
        assert delivery.path == "/hook"
        webhook = paywire.parse_webhook(delivery.body, delivery.content_type)
        assert webhook.receipt_id == receipt["receipt_id"]
        verified = client.verify_webhook(webhook)
        assert verified.receipt_id == receipt["receipt_id"]
        assert verified.order_id == "order-cli-1"
        assert verified.price == 30000
        assert verified.status == 1

        # The sandbox recorded the delivery and our {"success": true} answer.
        deliveries = [d for d in sandbox.webhooks()["deliveries"] if d["payment_id"] == receipt["receipt_id"]]
        assert deliveries and deliveries[0]["url"] == receiver.url
        deadline = time.monotonic() + 10
        while deliveries[0]["state"] != "delivered" and time.monotonic() < deadline:
            time.sleep(0.05)
            deliveries = [d for d in sandbox.webhooks()["deliveries"] if d["id"] == deliveries[0]["id"]]
        assert deliveries[0]["state"] == "delivered"
        assert deliveries[0]["attempts"][-1]["accepted"] is True

        # One JSON access-log line per request, the dashboard's among them.
        access = wait_for(lines, '{"time"', seen)
        while json.loads(access).get("path") != "/":
            access = wait_for(lines, '{"time"', seen)
        record = json.loads(access)
        assert record["method"] == "GET" and record["status"] == 200
        assert isinstance(record["duration_ms"], float)

        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
        wait_for(lines, "paywire-sandbox stopped", seen, timeout=5)
        with pytest.raises(OSError):
            get(f"{url}/")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_command_line_plain_log_and_ctrl_c(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "paywire.sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=read_lines, args=(process.stdout, lines), daemon=True).start()
    seen: List[str] = []
    try:
        url = wait_for(lines, "paywire-sandbox listening on ", seen).split()[-1]
        wait_for(lines, "Ctrl-C", seen)
        assert "webhooks: no receiver" in "".join(seen)
        assert get(f"{url}/__admin/config")[0] == 200
        line = wait_for(lines, "20", seen)  # an ISO timestamp, then METHOD PATH STATUS DURATIONms
        assert line.split()[1:4] == ["GET", "/__admin/config", "200"]
        assert line.split()[4].endswith("ms")
        assert "\x1b" not in line, "no colour codes when stdout is not a terminal"

        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0
        assert "Traceback" not in (process.stderr.read() if process.stderr else "")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_command_line_rejects_bad_flags(tmp_path: Path) -> None:
    for args in (["--port", "70000"], ["--iamport-webhook-format", "xml"], ["--host", "not-an-ip", "--port", "0"],
                 ["--webhook-url", "ftp://x/hook", "--port", "0"]):
        done = subprocess.run(
            [sys.executable, "-m", "paywire.sandbox", *args], capture_output=True, text=True, timeout=30, cwd=tmp_path
        )
        assert done.returncode == 2, (args, done.stderr)
        assert done.stderr.strip(), args


def test_command_line_is_read_by_the_binarys_parser(tmp_path: Path) -> None:
    # One parser for every launcher: `--help` is the binary's usage under this launcher's name, and the
    # flags come back as the binary reads them (an --addr, the env default, the formats).
    done = subprocess.run(
        [sys.executable, "-m", "paywire.sandbox", "--help"], capture_output=True, text=True, timeout=30, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: python -m paywire.sandbox [--host HOST] [--port PORT]")
    assert "--iamport-webhook-format json|form" in done.stdout
    from paywire import _native

    read = _native.parse_sandbox_args
    assert read("p", ["--addr", "0.0.0.0:9001", "--log-format", "json"]) == {
        "host": "0.0.0.0",
        "port": 9001,
        "webhook_url": None,
        "iamport_webhook_format": "json",
        "log_format": "json",
    }
    assert read("p", [], "127.0.0.1:8123")["port"] == 8123
    options = read("p", ["--port", "0", "--webhook-url", "http://127.0.0.1:9/h", "--iamport-webhook-format", "form"])
    assert (options["port"], options["webhook_url"], options["iamport_webhook_format"]) == (
        0,
        "http://127.0.0.1:9/h",
        "form",
    )
    with pytest.raises(ValueError, match="--addr cannot be combined"):
        read("p", ["--addr", "127.0.0.1:1", "--port", "2"])


# ---- Sandbox(...) options -----------------------------------------------------------------------------


def test_sandbox_listens_on_the_given_port() -> None:
    port = free_port()
    with Sandbox(port=port) as sandbox:
        assert sandbox.url == f"http://127.0.0.1:{port}"
        assert get(f"{sandbox.url}/")[0] == 200
    with Sandbox() as a, Sandbox(port=0) as b:
        assert a.url != b.url


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"port": -1}, "port"),
        ({"port": 65536}, "port"),
        ({"host": "localhost.example"}, "host"),
        ({"webhook_url": "file:///etc/passwd"}, "webhook_url"),
        ({"iamport_webhook_format": "xml"}, "iamport_webhook_format"),
        ({"token_ttl_secs": -5}, "token_ttl_secs"),
    ],
)
def test_bad_options_name_the_field(options: Dict[str, Any], field: str) -> None:
    with pytest.raises(paywire.InvalidInputError) as raised:
        Sandbox(**options)
    assert raised.value.field == field


def test_attach_uses_the_credentials_a_sandbox_starts_with() -> None:
    with Sandbox() as sandbox:
        for name, value in _DEFAULT_CREDENTIALS.items():
            assert getattr(sandbox, name) == value, name
        attached = Sandbox.attach(sandbox.url + "/")
        assert attached.url == sandbox.url
        assert attached.client().get_receipt(attached.create_receipt("paid", 700)["receipt_id"]).price == 700
        attached.stop()  # leaves the server running
        assert get(f"{sandbox.url}/")[0] == 200


def test_iamport_form_webhooks_are_parsed_and_verified(receiver: Receiver) -> None:
    with Sandbox(webhook_url=receiver.url, iamport_webhook_format="form") as sandbox:
        assert sandbox.config()["iamport_webhook_format"] == "form"
        iamport = sandbox.iamport_client()
        payment = sandbox.create_iamport_payment("ready", 5000, pay_method="vbank", merchant_uid="order-vb-1")
        issued = receiver.next()
        assert issued.content_type.startswith("application/x-www-form-urlencoded")
        assert paywire.parse_iamport_webhook(issued.body, issued.content_type).imp_uid == payment["imp_uid"]

        sandbox.deposit_vbank(payment["imp_uid"])
        paid = receiver.next()
        webhook = paywire.parse_iamport_webhook(paid.body, paid.content_type)
        assert webhook.status == "paid"
        verified = iamport.verify_webhook(webhook)
        assert verified.imp_uid == payment["imp_uid"]
        assert verified.merchant_uid == "order-vb-1"
        assert verified.amount == 5000


def test_virtual_account_deposit_and_resend(receiver: Receiver) -> None:
    with Sandbox() as sandbox:
        assert sandbox.config()["webhook_url"] is None
        assert sandbox.configure(webhook_url=receiver.url)["webhook_url"] == receiver.url
        receipt = sandbox.create_receipt("virtual_account", 9000)
        issued = paywire.parse_webhook(receiver.next().body)
        assert issued.receipt_id == receipt["receipt_id"]

        deposited = sandbox.deposit(receipt["receipt_id"])
        assert deposited["status"] == 1
        body = receiver.next().body
        assert sandbox.client().verify_webhook(body).status == 1

        first = sandbox.webhooks()["deliveries"][0]
        again = sandbox.resend_webhook(first["id"])
        assert again["resend_of"] == first["id"]
        assert json.loads(receiver.next().body)["receipt_id"] == receipt["receipt_id"]

        with pytest.raises(SandboxAdminError) as refused:
            sandbox.deposit(receipt["receipt_id"])  # already paid
        assert refused.value.status == 400
        sandbox.configure(webhook_url=None)
        assert sandbox.config()["webhook_url"] is None


# ---- the admin helpers and the OpenAPI document -----------------------------------------------------


def test_every_documented_admin_operation_has_exactly_one_helper(sandbox: Sandbox) -> None:
    document = sandbox.openapi()
    documented = {
        (operation["operationId"], method.upper(), path)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in ("get", "post", "put", "patch", "delete")
    }
    table = [(op.operation_id, op.method, op.path) for op in ADMIN_OPERATIONS]
    assert len(table) == len(set(table)), "an operation is declared twice"
    assert len({op.operation_id for op in ADMIN_OPERATIONS}) == len(ADMIN_OPERATIONS)
    assert set(table) == documented

    helpers = [op.helper for op in ADMIN_OPERATIONS]
    assert len(helpers) == len(set(helpers)), "a helper serves two operations"
    for name in helpers:
        assert callable(getattr(Sandbox, name, None)), name
        assert (getattr(Sandbox, name).__doc__ or "").strip(), name

    # No public method beyond the documented operations, their shorthands and the non-admin surface.
    not_admin = {"attach", "stop", "client", "async_client", "iamport_client", "async_iamport_client"}
    public = {name for name, _ in inspect.getmembers(Sandbox, inspect.isfunction) if not name.startswith("_")}
    public |= {name for name, value in vars(Sandbox).items() if isinstance(value, classmethod)}
    assert public == set(helpers) | set(_SHORTHANDS) | not_admin
    assert set(_SHORTHANDS.values()) <= set(helpers)


def test_helpers_cover_counters_requests_faults_clock_and_tokens(sandbox: Sandbox) -> None:
    client = sandbox.client()
    receipt = sandbox.create_receipt("awaiting_confirm", 1200)
    assert receipt["status"] == 2
    assert sandbox.webhook_payload(receipt["receipt_id"])["receipt_id"] == receipt["receipt_id"]
    client.get_receipt(receipt["receipt_id"])
    assert sandbox.counters()["token_requests"] == 1
    assert any(r["path"].startswith("receipt/") for r in sandbox.requests())
    sandbox.clear_requests()
    assert sandbox.requests() == []

    sandbox.fault(path="receipt/*", status=503, times=5)
    assert len(sandbox.faults()) == 1
    sandbox.clear_faults()
    assert sandbox.faults() == []

    sandbox.set_token_ttl(60)
    assert sandbox.config()["token_ttl_secs"] == 60
    sandbox.expire_tokens()
    sandbox.advance_clock(120)
    client.get_receipt(receipt["receipt_id"])
    assert sandbox.counters()["token_requests"] == 2

    payment = sandbox.create_iamport_payment("paid", 3000)
    assert sandbox.iamport_webhook_payload(payment["imp_uid"])["status"] == "paid"
    with pytest.raises(paywire.InvalidInputError):
        sandbox.create_receipt("settled")
    with pytest.raises(SandboxAdminError) as missing:
        sandbox.deposit("no-such-receipt")
    assert missing.value.status == 404
