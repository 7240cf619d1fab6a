"""Browser test of the paywire sandbox dashboard (headless Chromium + Selenium).

Starts the `paywire-sandbox` binary on a free port with a webhook receiver, plays the customer
in the dashboard (checkout awaiting confirmation, a virtual account and its deposit), lets the
merchant side — the paywire Python client, as a shop's server would use it — verify and confirm,
cancels from the page, resends a webhook, checks that the page shows each state and that the
receiver got each webhook, and has paywire parse and verify every delivered webhook. Screenshots go
to $OUT. Run through run.sh, which installs Chromium, chromium-driver, Selenium and the paywire wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import paywire
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select, WebDriverWait

OUT = Path(os.environ.get("OUT", "target/browser-test"))
SANDBOX_BIN = os.environ.get("SANDBOX_BIN", "target/debug/paywire-sandbox")


class Inbox:
    """Webhooks the receiver got (parsed JSON bodies)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.bodies: list[dict[str, Any]] = []

    def add(self, body: dict[str, Any]) -> None:
        with self.lock:
            self.bodies.append(body)

    def snapshot(self) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.bodies)


def start_receiver(inbox: Inbox) -> ThreadingHTTPServer:
    class Hook(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", "0"))
            inbox.add(json.loads(self.rfile.read(length) or b"{}"))
            answer = b'{"success": true}'
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_sandbox(port: int, webhook_url: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [SANDBOX_BIN, "--port", str(port), "--webhook-url", webhook_url],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert first.startswith("paywire-sandbox listening on"), first
    # Keep draining the request log so the pipe never fills.
    threading.Thread(target=lambda: [None for _ in proc.stdout or []], daemon=True).start()
    return proc


def http_json(method: str, url: str, body: Any = None, headers: dict[str, str] | None = None) -> Any:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("content-type", "application/json")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.loads(resp.read())


def browser(profile: str) -> WebDriver:
    options = webdriver.ChromeOptions()
    for flag in [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        "--window-size=1440,1100",
        "--lang=ko-KR",
    ]:
        options.add_argument(flag)
    chromium = shutil.which("chromium")
    if chromium:
        options.binary_location = chromium
    service = Service(executable_path=shutil.which("chromedriver") or "chromedriver")
    return webdriver.Chrome(service=service, options=options)


def wait_for(what: str, check: Any, timeout: float = 10.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


class Flow:
    def __init__(self, driver: WebDriver, base: str, inbox: Inbox) -> None:
        self.driver = driver
        self.base = base
        self.inbox = inbox
        self.shot_no = 0

    def shot(self, name: str) -> None:
        self.shot_no += 1
        path = OUT / f"{self.shot_no:02d}-{name}.png"
        self.driver.save_screenshot(str(path))
        print(f"screenshot {path}")

    def open(self) -> None:
        self.driver.get(self.base + "/")
        WebDriverWait(self.driver, 10).until(lambda d: d.find_element(By.ID, "checkout"))

    def checkout(self, provider: str, amount: int, outcome: str, order_id: str) -> str:
        self.open()
        form = self.driver.find_element(By.ID, "checkout")
        Select(form.find_element(By.NAME, "provider")).select_by_value(provider)
        form.find_element(By.NAME, "order_id").send_keys(order_id)
        amount_box = form.find_element(By.NAME, "amount")
        amount_box.clear()
        amount_box.send_keys(str(amount))
        Select(form.find_element(By.NAME, "outcome")).select_by_value(outcome)
        form.find_element(By.ID, "checkout-submit").click()
        flash = WebDriverWait(self.driver, 10).until(lambda d: d.find_element(By.ID, "flash"))
        payment_id = flash.get_attribute("data-payment-id") or ""
        assert payment_id, flash.text
        return payment_id

    def row(self, payment_id: str) -> Any:
        return self.driver.find_element(By.ID, f"pay-{payment_id}")

    def status_of(self, payment_id: str) -> tuple[str, str]:
        self.open()
        row = self.row(payment_id)
        return row.get_attribute("data-status") or "", row.find_element(By.CLASS_NAME, "status").text

    def click_in_row(self, payment_id: str, button_class: str) -> str:
        self.open()
        self.row(payment_id).find_element(By.CLASS_NAME, button_class).click()
        return WebDriverWait(self.driver, 10).until(lambda d: d.find_element(By.ID, "flash")).text

    def webhooks_for(self, payment_id: str, key: str, count: int) -> list[dict[str, Any]]:
        def got() -> list[dict[str, Any]] | None:
            mine = [b for b in self.inbox.snapshot() if b.get(key) == payment_id]
            return mine if len(mine) >= count else None

        return list(wait_for(f"{count} webhooks for {payment_id}", got))


def run(flow: Flow) -> None:
    base = flow.base
    flow.open()
    flow.shot("dashboard-empty")

    # Bootpay: the customer pays by card, awaiting the merchant's confirmation.
    receipt_id = flow.checkout("bootpay", 12000, "confirm", "browser-order-1")
    status, label = flow.status_of(receipt_id)
    assert status == "2" and "승인대기" in label and "Awaiting confirmation" in label, label
    flow.shot("bootpay-awaiting-confirm")

    # The merchant side (paywire) verifies the amount, runs its own step, and confirms.
    merchant = paywire.Bootpay(
        application_id="sandbox-application-id", private_key="sandbox-private-key", base_url=f"{base}/v2"
    )
    with_wrong_amount = None
    try:
        merchant.confirm_verified(receipt_id, 1200, lambda r: r.order_id)
    except paywire.VerificationError as e:
        with_wrong_amount = e
    assert with_wrong_amount is not None and with_wrong_amount.kind == "amount_mismatch", with_wrong_amount
    confirmed = merchant.confirm_verified(receipt_id, 12000, lambda r: r.order_id)
    assert confirmed.output == "browser-order-1", confirmed
    assert int(confirmed.receipt.status) == 1, confirmed
    status, label = flow.status_of(receipt_id)
    assert status == "1" and "결제완료" in label and "Paid" in label, label
    completed = flow.webhooks_for(receipt_id, "receipt_id", 1)
    assert completed[0]["webhook_type"] == "PAYMENT_COMPLETED", completed
    flow.shot("bootpay-confirmed")

    # Cancelled from the dashboard.
    message = flow.click_in_row(receipt_id, "cancel")
    assert "결제취소" in message, message
    status, label = flow.status_of(receipt_id)
    assert status == "20" and "Cancelled" in label, label
    hooks = flow.webhooks_for(receipt_id, "receipt_id", 2)
    assert [h["webhook_type"] for h in hooks] == ["PAYMENT_COMPLETED", "PAYMENT_CANCELLED"], hooks
    flow.shot("bootpay-cancelled")

    # iamport: a virtual account, the deposit, then a cancel.
    imp_uid = flow.checkout("iamport", 30000, "vbank", "browser-order-2")
    status, label = flow.status_of(imp_uid)
    assert status == "ready" and "입금대기" in label, label
    message = flow.click_in_row(imp_uid, "deposit")
    assert "paid" in message, message
    status, label = flow.status_of(imp_uid)
    assert status == "paid" and "결제완료" in label, label
    message = flow.click_in_row(imp_uid, "cancel")
    status, label = flow.status_of(imp_uid)
    assert status == "cancelled", (message, label)
    hooks = flow.webhooks_for(imp_uid, "imp_uid", 3)
    assert [h["status"] for h in hooks] == ["ready", "paid", "cancelled"], hooks
    assert hooks[2].get("cancellation_id"), hooks
    flow.shot("iamport-cancelled")

    # The deliveries are on the page; "send again" delivers the first one once more.
    flow.open()
    rows = flow.driver.find_elements(By.CSS_SELECTOR, "#webhooks tbody tr")
    assert len(rows) == 5, len(rows)
    assert all(r.get_attribute("data-state") == "delivered" for r in rows)
    flow.driver.find_element(By.CSS_SELECTOR, "#webhook-1 .resend").click()
    WebDriverWait(flow.driver, 10).until(lambda d: d.find_element(By.ID, "flash"))
    hooks = flow.webhooks_for(receipt_id, "receipt_id", 3)
    assert hooks[2]["webhook_type"] == "PAYMENT_COMPLETED", hooks
    flow.open()
    flow.shot("dashboard-after-flows")

    # Every delivery, parsed and verified by the merchant's paywire clients (re-fetch, order id and price).
    iamport = paywire.Iamport(
        imp_key="sandbox-imp-key", imp_secret="sandbox-imp-secret", base_url=f"{base}/iamport"
    )
    seen = set()
    for body in flow.inbox.snapshot():
        raw = json.dumps(body).encode()
        if "receipt_id" in body:
            hook = paywire.parse_webhook(raw, "application/json")
            now = merchant.verify_webhook(hook)
            assert now.receipt_id == receipt_id, now
        else:
            ihook = paywire.parse_iamport_webhook(raw, "application/json")
            payment = iamport.verify_webhook(ihook)
            assert payment.imp_uid == imp_uid, payment
            hook = ihook
        seen.add(hook.idempotency_key)
    # The resend repeats an event: same idempotency key, so a merchant processes it once.
    assert len(seen) == len(flow.inbox.snapshot()) - 1, seen


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    inbox = Inbox()
    receiver = start_receiver(inbox)
    hook_url = f"http://127.0.0.1:{receiver.server_address[1]}/hook"
    port = free_port()
    sandbox = start_sandbox(port, hook_url)
    profile = tempfile.mkdtemp(prefix="paywire-chromium-")
    driver = browser(profile)
    flow = Flow(driver, f"http://127.0.0.1:{port}", inbox)
    try:
        run(flow)
        print(f"browser test passed; {len(inbox.snapshot())} webhooks received; screenshots in {OUT}")
        return 0
    except Exception:
        flow.shot("failure")
        raise
    finally:
        driver.quit()
        sandbox.terminate()
        sandbox.wait(timeout=10)
        receiver.shutdown()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
