"""The ``paywire`` logger (issue 11 item 3): silent by default (a ``NullHandler``), a level set after a
client exists applies to its next call, and every record carries structured fields."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
import textwrap
from typing import List

import pytest

import paywire
from paywire.testing import Sandbox

FIELDS = ("operation", "provider", "status", "attempt", "duration_ms")


def _ours(caplog: pytest.LogCaptureFixture) -> List[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "paywire"]


def test_the_logger_has_a_null_handler() -> None:
    handlers = logging.getLogger("paywire").handlers
    assert any(isinstance(h, logging.NullHandler) for h in handlers), handlers


def test_a_level_set_after_the_client_exists_is_honoured(sandbox: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("paywire")
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    logger.setLevel(logging.WARNING)
    try:
        client = sandbox.client()  # built while debug records are not wanted
        caplog.set_level(logging.DEBUG)  # the root's capture level; the paywire logger still says WARNING
        client.get_receipt(rid)
        assert not [r for r in _ours(caplog) if r.levelno < logging.WARNING], caplog.text

        logger.setLevel(logging.DEBUG)
        caplog.clear()
        client.get_receipt(rid)
        answered = [r for r in _ours(caplog) if r.getMessage().startswith("answered")]
        assert len(answered) == 1, caplog.text
        record = answered[0]
        assert record.levelno == logging.DEBUG
        assert (record.operation, record.provider, record.status, record.attempt) == (  # type: ignore[attr-defined]
            "get_receipt",
            "bootpay",
            200,
            1,
        )
        assert isinstance(record.duration_ms, float) and record.duration_ms >= 0  # type: ignore[attr-defined]

        logger.setLevel(logging.WARNING)
        caplog.clear()
        client.get_receipt(rid)
        assert not [r for r in _ours(caplog) if r.levelno < logging.WARNING], caplog.text
    finally:
        logger.setLevel(logging.NOTSET)


def test_a_retry_warning_carries_the_structured_fields(sandbox: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
    client = sandbox.client(max_retries=1)
    sandbox.fault(path="receipt/*", status=503, times=1)
    with caplog.at_level(logging.WARNING, logger="paywire"):
        assert client.get_receipt(rid).receipt_id == rid
    retrying = [r for r in _ours(caplog) if r.getMessage().startswith("retrying")]
    assert len(retrying) == 1, caplog.text
    record = retrying[0]
    assert record.levelno == logging.WARNING
    assert (record.operation, record.provider, record.status, record.attempt) == (  # type: ignore[attr-defined]
        "get_receipt",
        "bootpay",
        503,
        1,
    )
    assert isinstance(record.duration_ms, float)  # type: ignore[attr-defined]


def test_every_record_has_every_field(sandbox: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    # A failed attempt has no HTTP status: the field is there, as None.
    client = paywire.Bootpay(client_key="c", secret_key="s", base_url="http://127.0.0.1:9/v2", max_retries=0)
    with caplog.at_level(logging.DEBUG, logger="paywire"), pytest.raises(paywire.TransportError):
        client.get_receipt("r1")
    records = _ours(caplog)
    assert records, caplog.text
    for record in records:
        for name in FIELDS:
            assert hasattr(record, name), (name, record.getMessage())
    failed = [r for r in records if r.getMessage().startswith("request failed")]
    assert failed and failed[0].status is None and failed[0].attempt == 1  # type: ignore[attr-defined]
    assert failed[0].operation == "get_receipt" and failed[0].provider == "bootpay"  # type: ignore[attr-defined]


def test_an_app_without_logging_config_prints_nothing_on_a_warning() -> None:
    script = textwrap.dedent(
        """
        import paywire
        from paywire.testing import Sandbox

        with Sandbox() as sandbox:
            rid = sandbox.create_receipt(status=1, price=1000)["receipt_id"]
            sandbox.fault(path="receipt/*", status=503, times=1)
            client = sandbox.client(max_retries=1)
            assert client.get_receipt(rid).receipt_id == rid
            # The warning was emitted: a handler added now sees the next one.
            import logging
            seen = []
            handler = logging.Handler()
            handler.emit = seen.append
            logging.getLogger("paywire").addHandler(handler)
            sandbox.fault(path="receipt/*", status=503, times=1)
            client.get_receipt(rid)
            print("warnings:", len(seen))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        cwd=tempfile.gettempdir(),  # not the source tree: the installed wheel
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "warnings: 1", done.stdout
    assert done.stderr == "", done.stderr
