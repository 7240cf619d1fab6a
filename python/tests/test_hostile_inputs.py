"""No hostile argument escapes as anything but a typed ``PaywireError`` (issue 8 items 5 and 9).

Every public method of the four clients gets, in each parameter in turn, values no parameter accepts (a
lone surrogate, NaN, infinities, integers beyond 64 bits, nesting 5,000 deep, cycles, bytes, objects): each
must be an ``InvalidInputError`` naming that parameter, raised before anything is sent. Odd values some
parameters accept (1e300, negatives, wrong types) may fail in any way, but only as a ``PaywireError``. The
clients point at a closed port, so whatever does get sent fails at once.
"""

from __future__ import annotations

import asyncio
import inspect
from typing import Any, Dict, List, Tuple

import pytest
from hostile import (
    CLOSED_URL,
    closed_async_clients,
    closed_clients,
    names,
    odd_values,
    plain_arguments,
    public_methods,
    refused_values,
)

import paywire


def _cases(client: Any) -> List[Tuple[str, str, Dict[str, Any]]]:
    """(method, parameter, plain arguments) for every parameter of every public method."""
    cases = []
    for name, _, signature in public_methods(client):
        plain = plain_arguments(signature)
        for parameter, spec in signature.parameters.items():
            if "Callable" in str(spec.annotation):
                continue
            if spec.kind is inspect.Parameter.VAR_KEYWORD:
                parameter = "extra_field"  # any keyword lands in the request as it is
            cases.append((name, parameter, plain))
    return cases


def _check_refused(error: BaseException, method: str, parameter: str, kind: str) -> None:
    where = f"{method}({parameter}={kind})"
    assert isinstance(error, paywire.InvalidInputError), f"{where} raised {type(error).__name__}: {error}"
    assert names(error.field, parameter), f"{where} named {error.field!r}"


def test_every_blocking_method_refuses_hostile_values_by_name() -> None:
    checked = 0
    for client in closed_clients():
        for method, parameter, plain in _cases(client):
            for kind, value in refused_values().items():
                with pytest.raises(BaseException) as caught:
                    getattr(client, method)(**{**plain, parameter: value})
                _check_refused(caught.value, method, parameter, kind)
                checked += 1
    assert checked > 1000


def test_odd_values_fail_only_as_paywire_errors() -> None:
    for client in closed_clients():
        for method, parameter, plain in _cases(client):
            for kind, value in odd_values().items():
                try:
                    getattr(client, method)(**{**plain, parameter: value})
                except paywire.PaywireError:
                    pass
                except BaseException as error:
                    pytest.fail(f"{method}({parameter}={kind}) raised {type(error).__name__}")


def test_every_async_method_refuses_hostile_values_by_name() -> None:
    async def sweep() -> int:
        checked = 0
        for client in closed_async_clients():
            for method, parameter, plain in _cases(client):
                for kind, value in refused_values().items():
                    try:
                        await getattr(client, method)(**{**plain, parameter: value})
                    except BaseException as error:
                        _check_refused(error, method, parameter, kind)
                        checked += 1
                    else:
                        pytest.fail(f"{method}({parameter}={kind}) was accepted")
        return checked

    assert asyncio.run(sweep()) > 1000


@pytest.mark.parametrize("setting", ["timeout", "connect_timeout"])
@pytest.mark.parametrize(
    "value", [1e300, float("nan"), float("inf"), float("-inf"), -1.0, 0, 0.0, 86_400.5, 10**30, "30", True, [1]]
)
@pytest.mark.parametrize("cls", [paywire.Bootpay, paywire.AsyncBootpay, paywire.Iamport, paywire.AsyncIamport])
def test_a_timeout_out_of_range_is_refused_by_name(cls: Any, setting: str, value: Any) -> None:
    with pytest.raises(paywire.InvalidInputError) as caught:
        cls(base_url="http://127.0.0.1:9", **_credentials(cls), **{setting: value})
    assert caught.value.field == setting


@pytest.mark.parametrize("setting", ["max_response_bytes", "max_in_flight", "max_retries"])
@pytest.mark.parametrize("value", [-1, 0.5, 10**30, float("nan"), "64", [64]])
def test_counts_out_of_range_are_refused_by_name(setting: str, value: Any) -> None:
    with pytest.raises(paywire.InvalidInputError) as caught:
        paywire.Bootpay(client_key="k", secret_key="s", **{setting: value})
    assert caught.value.field == setting


@pytest.mark.parametrize("cls", [paywire.Bootpay, paywire.Iamport])
def test_transport_limits_are_accepted_within_range(cls: Any) -> None:
    client = cls(max_response_bytes=1024, max_in_flight=1, timeout=86_400, connect_timeout=0.001, **_credentials(cls))
    assert client.base_url.startswith("https://")
    with pytest.raises(paywire.InvalidInputError) as zero:
        cls(max_in_flight=0, **_credentials(cls))
    assert zero.value.field == "max_in_flight"
    with pytest.raises(paywire.InvalidInputError) as tiny:
        cls(max_response_bytes=10, **_credentials(cls))
    assert tiny.value.field == "max_response_bytes"


@pytest.mark.parametrize("value", ["k\ud800", 12, b"k", object()])
def test_a_bad_credential_is_refused_by_name(value: Any) -> None:
    with pytest.raises(paywire.InvalidInputError) as caught:
        paywire.Bootpay(client_key=value, secret_key="s")
    assert caught.value.field == "client_key"


def test_a_missing_argument_is_an_invalid_input_error() -> None:
    client = closed_clients()[0]
    with pytest.raises(paywire.InvalidInputError) as caught:
        client.get_receipt()
    assert "receipt_id" in str(caught.value)
    with pytest.raises(paywire.InvalidInputError):
        client.get_receipt("r", no_such_argument=1)


@pytest.mark.parametrize("parse", [paywire.parse_webhook, paywire.parse_iamport_webhook])
@pytest.mark.parametrize("body", ["{\"receipt_id\": \"\ud800\"}", 12, None, b"\xff\xfe", b"{" * 100_000])
def test_webhook_parsing_raises_only_paywire_errors(parse: Any, body: Any) -> None:
    with pytest.raises(paywire.PaywireError):
        parse(body)


def _credentials(cls: Any) -> Dict[str, str]:
    if cls in (paywire.Iamport, paywire.AsyncIamport):
        return {"imp_key": "k", "imp_secret": "s"}
    return {"client_key": "k", "secret_key": "s"}


class _Panic(BaseException):
    """Stands for pyo3's PanicException, which derives from BaseException."""


class _Exploding:
    """A native client whose every call fails the way a Rust panic or a signal would."""

    base_url = CLOSED_URL

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def call(self, op: str, args_json: str) -> str:
        raise self.error


def test_a_panic_or_any_foreign_exception_becomes_a_paywire_error() -> None:
    client = closed_clients()[0]
    for foreign in [_Panic("card 4111111111111111"), RuntimeError("4111111111111111"), KeyError("x")]:
        client._native = _Exploding(foreign)  # type: ignore[assignment]
        with pytest.raises(paywire.PaywireError) as caught:
            client.get_receipt("r")
        assert type(caught.value) is paywire.PaywireError
        assert "4111" not in str(caught.value) and "4111" not in repr(caught.value.args)
        assert caught.value.__cause__ is None


def test_keyboard_interrupt_and_system_exit_pass_through() -> None:
    client = closed_clients()[0]
    for passing in [KeyboardInterrupt(), SystemExit(3)]:
        client._native = _Exploding(passing)  # type: ignore[assignment]
        with pytest.raises(type(passing)):
            client.get_receipt("r")


def test_a_users_subclass_keeps_its_own_exceptions() -> None:
    class Mine(paywire.Bootpay):
        def shout(self) -> None:
            raise LookupError("mine")

    with pytest.raises(LookupError):
        Mine(client_key="k", secret_key="s").shout()
