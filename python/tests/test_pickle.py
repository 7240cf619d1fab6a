"""Every paywire exception survives pickling with all its attributes (Celery results, multiprocessing,
``concurrent.futures.ProcessPoolExecutor``), real ones from the sandbox included (issue 11 item 3)."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Dict, List

import pytest

import paywire
from paywire._errors import from_payload
from paywire.testing import Sandbox, SandboxAdminError

PAYLOADS: List[Dict[str, Any]] = [
    {"kind": "other", "message": "something"},
    {
        "kind": "api",
        "message": "HTTP 400 from bootpay: RC_X",
        "http_status": 400,
        "code": "RC_X",
        "api_message": "declined",
        "pg_error": {"code": "3041", "message": "limit", "raw": {"ResultCode": "3041"}},
        "body": {"error_code": "RC_X", "message": "declined"},
    },
    {"kind": "auth", "message": "refused", "http_status": 401, "code": -1, "api_message": "bad key"},
    {"kind": "invalid_input", "message": "invalid input: price must be > 0", "field": "price", "reason": "bad"},
    {"kind": "timeout", "message": "timed out", "attempts": 3},
    {"kind": "transport", "message": "connection refused", "attempts": 2},
    {"kind": "decode", "message": "not JSON", "http_status": 502, "body_snippet": "<html>"},
    {
        "kind": "outcome_unknown",
        "message": "confirm: no readable answer",
        "operation": "cancel_payment",
        "hint": "get_receipt",
        "timed_out": True,
        "idempotency_key": "cancel-1",
    },
    {"kind": "redirect", "message": "redirected", "http_status": 307, "location": "http://x/y"},
    {
        "kind": "verification",
        "message": "amount mismatch",
        "payment_id": "r1",
        "failure": "amount_mismatch",
        "expected": 1000,
        "actual": 999.5,
    },
]


def _same(a: BaseException, b: BaseException) -> None:
    assert type(a) is type(b)
    assert a.args == b.args and str(a) == str(b) and repr(a) == repr(b)
    assert vars(a) == vars(b), (vars(a), vars(b))


@pytest.mark.parametrize("payload", PAYLOADS, ids=[p["kind"] for p in PAYLOADS])
def test_every_exception_class_pickles_with_its_attributes(payload: Dict[str, Any]) -> None:
    error = from_payload(payload)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        _same(error, pickle.loads(pickle.dumps(error, protocol)))


def test_the_classes_covered_are_all_of_them() -> None:
    covered = {type(from_payload(p)) for p in PAYLOADS}
    exported = {
        obj for obj in vars(paywire).values() if isinstance(obj, type) and issubclass(obj, paywire.PaywireError)
    }
    assert exported <= covered, exported - covered


def test_builtin_bases_still_catch_after_a_round_trip() -> None:
    timeout = pickle.loads(pickle.dumps(paywire.TimeoutError("slow", attempts=2)))
    assert isinstance(timeout, TimeoutError) and isinstance(timeout, paywire.TimeoutError) and timeout.attempts == 2
    invalid = pickle.loads(pickle.dumps(paywire.InvalidInputError("bad", field="f", reason="r")))
    assert isinstance(invalid, ValueError) and isinstance(invalid, paywire.InvalidInputError) and invalid.field == "f"


def _look_up_missing(base_url: str, client_key: str, secret_key: str) -> None:
    # Runs in the worker process: a real ApiError from the sandbox, raised there, pickled back.
    paywire.Bootpay(client_key=client_key, secret_key=secret_key, base_url=base_url).get_receipt("nope")


def _raise(payload: Dict[str, Any]) -> None:
    raise from_payload(payload)


def test_an_exception_raised_in_a_process_pool_worker_arrives_whole(sandbox: Sandbox) -> None:
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        with pytest.raises(paywire.ApiError) as caught:
            pool.submit(_look_up_missing, sandbox.bootpay_url, sandbox.client_key, sandbox.secret_key).result()
        assert (caught.value.http_status, caught.value.code) == (404, "RC_NOT_FOUND")
        assert caught.value.body["error_code"] == "RC_NOT_FOUND"
        outcome = next(p for p in PAYLOADS if p["kind"] == "outcome_unknown")
        with pytest.raises(paywire.OutcomeUnknownError) as unknown:
            pool.submit(_raise, outcome).result()
        _same(unknown.value, from_payload(outcome))


def test_the_sandbox_admin_error_pickles_too() -> None:
    error = SandboxAdminError(404, "no such receipt")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is SandboxAdminError and str(again) == str(error)
    assert (again.status, again.body) == (404, "no such receipt")
