"""Fuzzes paywire's Python argument conversion with atheris (issue 8 item 5).

Every input picks a client (Bootpay or Iamport, blocking), one of its public methods (or a constructor, or
a webhook parser) and builds keyword arguments of random types: strings with lone surrogates, huge and
non-finite numbers, nesting thousands deep, cycles, bytes, sets, datetimes, Decimals, unknown keywords.
The clients point at a closed port without retries, so whatever passes validation fails at once with a
``TransportError``. Anything raised that is not a ``PaywireError`` is a crash.

    python fuzz/fuzz_arguments.py -runs=2000 -max_len=4096                       # check.sh's smoke run
    python fuzz/fuzz_arguments.py fuzz/corpus -max_len=4096 -max_total_time=600  # a long run, corpus kept
"""

from __future__ import annotations

import datetime
import decimal
import inspect
import logging
import sys
from typing import Any, Callable, Dict, List, Tuple

import atheris

with atheris.instrument_imports(include=["paywire"]):
    import paywire

CLOSED_URL = "http://127.0.0.1:9"
# Every accepted call fails to connect and warns; the fuzzer's output is what matters.
logging.getLogger("paywire").setLevel(logging.CRITICAL)
MAX_DEPTH = 6


def _clients() -> List[Any]:
    options: Dict[str, Any] = {"base_url": CLOSED_URL, "max_retries": 0, "timeout": 2.0}
    return [
        paywire.Bootpay(client_key="k", secret_key="s", **options),
        paywire.Iamport(imp_key="k", imp_secret="s", **options),
    ]


def _methods(client: Any) -> List[Tuple[str, Callable[..., Any], inspect.Signature]]:
    found = []
    for name in sorted(dir(type(client))):
        if not name.startswith("_") and name not in ("base_url", "parse_webhook"):
            method = getattr(client, name)
            found.append((name, method, inspect.signature(method)))
    return found


CLIENTS = _clients()
TARGETS: List[Tuple[str, Callable[..., Any], inspect.Signature]] = [
    target for client in CLIENTS for target in _methods(client)
]
TARGETS += [
    (f"{cls.__name__}()", cls, inspect.signature(cls)) for cls in (paywire.Bootpay, paywire.Iamport)
]
TARGETS += [
    ("parse_webhook", paywire.parse_webhook, inspect.signature(paywire.parse_webhook)),
    ("parse_iamport_webhook", paywire.parse_iamport_webhook, inspect.signature(paywire.parse_iamport_webhook)),
]
KEYS = ["price", "card_no", "card_number", "amount", "id", "name", "items", "extra", "raw_data", "", "\ud800"]


def _nested(fdp: atheris.FuzzedDataProvider, leaf: Any) -> Any:
    value = leaf
    for _ in range(fdp.ConsumeIntInRange(0, 6000)):
        value = [value] if fdp.ConsumeBool() else {"a": value}
    return value


def _cycle(fdp: atheris.FuzzedDataProvider) -> Any:
    if fdp.ConsumeBool():
        items: List[Any] = [1]
        items.append(items)
        return items
    mapping: Dict[str, Any] = {}
    mapping["self"] = [mapping]
    return mapping


def _key(fdp: atheris.FuzzedDataProvider) -> Any:
    """A mapping key: mostly a known or random string, sometimes another hashable type."""
    kind = fdp.ConsumeIntInRange(0, 7)
    if kind <= 2:
        return KEYS[fdp.ConsumeIntInRange(0, len(KEYS) - 1)]
    if kind <= 4:
        return fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 16))
    return [fdp.ConsumeInt(4), fdp.ConsumeFloat(), None, (1, "a"), b"k", object()][fdp.ConsumeIntInRange(0, 5)]


def value(fdp: atheris.FuzzedDataProvider, depth: int = 0) -> Any:
    """One random argument value."""
    kind = fdp.ConsumeIntInRange(0, 19)
    if kind == 0:
        return None
    if kind == 1:
        return fdp.ConsumeBool()
    if kind == 2:
        return fdp.ConsumeInt(fdp.ConsumeIntInRange(1, 16))
    if kind == 3:
        return 10 ** fdp.ConsumeIntInRange(0, 6000) * (1 if fdp.ConsumeBool() else -1)
    if kind == 4:
        return fdp.ConsumeFloat()
    if kind in (5, 6, 7):
        return fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 64))
    if kind == 8:
        return fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 32))
    if kind == 9 and depth < MAX_DEPTH:
        return [value(fdp, depth + 1) for _ in range(fdp.ConsumeIntInRange(0, 4))]
    if kind == 10 and depth < MAX_DEPTH:
        return {_key(fdp): value(fdp, depth + 1) for _ in range(fdp.ConsumeIntInRange(0, 4))}
    if kind == 11:
        return _nested(fdp, value(fdp, MAX_DEPTH))
    if kind == 12:
        return _cycle(fdp)
    if kind == 13:
        try:
            return decimal.Decimal(fdp.ConsumeUnicodeNoSurrogates(24))
        except decimal.InvalidOperation:
            return decimal.Decimal("NaN")
    if kind == 14:
        seconds = fdp.ConsumeIntInRange(-(10**11), 10**11)
        try:
            moment = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=seconds)
        except OverflowError:
            moment = datetime.datetime(2030, 1, 1)
        return moment.replace(tzinfo=datetime.timezone.utc) if fdp.ConsumeBool() else moment
    if kind == 15:
        return (value(fdp, MAX_DEPTH), value(fdp, MAX_DEPTH))
    if kind == 16:
        return {1, 2}
    if kind == 17:
        return object()
    if kind == 18:
        return "x" * fdp.ConsumeIntInRange(0, 20_000)
    return fdp.ConsumeIntInRange(-2, 10**13)


def _plain(parameter: inspect.Parameter) -> Any:
    annotation = str(parameter.annotation)
    if "Callable" in annotation:
        return lambda receipt: None
    if any(word in annotation for word in ("datetime", "int", "float", "TimeIn", "AmountIn")):
        return 1
    if "Sequence" in annotation or "List" in annotation:
        return []
    if "Mapping" in annotation or "Like" in annotation:
        return {}
    return "x"


def arguments(fdp: atheris.FuzzedDataProvider, signature: inspect.Signature) -> Dict[str, Any]:
    """Keyword arguments for ``signature``: each parameter left out, plain or fuzzed; maybe an unknown one."""
    built: Dict[str, Any] = {}
    for name, parameter in signature.parameters.items():
        if parameter.kind in (inspect.Parameter.VAR_KEYWORD, inspect.Parameter.VAR_POSITIONAL):
            continue
        choice = fdp.ConsumeIntInRange(0, 3)
        if "Callable" in str(parameter.annotation) or choice == 0:
            if parameter.default is inspect.Parameter.empty:
                built[name] = _plain(parameter)
        elif choice == 1:
            built[name] = _plain(parameter)
        else:
            built[name] = value(fdp)
    if fdp.ConsumeProbability() < 0.05:
        built[KEYS[fdp.ConsumeIntInRange(0, len(KEYS) - 1)]] = value(fdp)
    return built


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    _, target, signature = TARGETS[fdp.ConsumeIntInRange(0, len(TARGETS) - 1)]
    kwargs = arguments(fdp, signature)
    try:
        target(**kwargs)
    except paywire.PaywireError as error:
        # Errors are data too: they must render, and never as anything but text.
        assert isinstance(str(error), str) and isinstance(repr(error), str)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
