"""Hostile argument values and a way to call every public method of a client with them.

Shared by the sweep test (tests/test_hostile_inputs.py) and the fuzz harness (fuzz/fuzz_arguments.py).
"""

from __future__ import annotations

import inspect
from typing import Any, Callable, Dict, Iterator, List, Tuple

import paywire

# Nothing listens there: whatever is sent fails at once (and bad input must not be sent at all).
CLOSED_URL = "http://127.0.0.1:9"


def closed_clients() -> List[Any]:
    """A blocking Bootpay and Iamport client pointed at a closed port, without retries."""
    return [
        paywire.Bootpay(client_key="k", secret_key="s", base_url=CLOSED_URL, max_retries=0, timeout=2.0),
        paywire.Iamport(imp_key="k", imp_secret="s", base_url=CLOSED_URL, max_retries=0, timeout=2.0),
    ]


def closed_async_clients() -> List[Any]:
    """The asyncio twins of ``closed_clients``."""
    return [
        paywire.AsyncBootpay(client_key="k", secret_key="s", base_url=CLOSED_URL, max_retries=0, timeout=2.0),
        paywire.AsyncIamport(imp_key="k", imp_secret="s", base_url=CLOSED_URL, max_retries=0, timeout=2.0),
    ]


def public_methods(client: Any) -> Iterator[Tuple[str, Callable[..., Any], inspect.Signature]]:
    """Every public operation of ``client``: name, bound method and signature."""
    for name in sorted(dir(type(client))):
        if name.startswith("_") or name in ("base_url", "parse_webhook"):
            continue
        method = getattr(client, name)
        if callable(method):
            yield name, method, inspect.signature(method)


def plain_value(parameter: inspect.Parameter) -> Any:
    """A harmless value of the parameter's type (read from its annotation text)."""
    annotation = str(parameter.annotation)
    if "Callable" in annotation:
        return lambda receipt: None
    if annotation.startswith(("bool", "Optional[bool]")):
        return True
    if "Sequence" in annotation or "List" in annotation:
        return []
    if any(word in annotation for word in ("datetime", "int", "float", "TimeIn")):
        return 1
    if "Mapping" in annotation or "Like" in annotation:
        return {}
    return "x"


def plain_arguments(signature: inspect.Signature) -> Dict[str, Any]:
    """The required parameters with harmless values."""
    return {
        name: plain_value(p)
        for name, p in signature.parameters.items()
        if p.default is inspect.Parameter.empty and p.kind is not inspect.Parameter.VAR_KEYWORD
    }


def deep_list(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


def deep_dict(depth: int) -> Any:
    value: Any = {}
    for _ in range(depth):
        value = {"a": value}
    return value


def cyclic_list() -> Any:
    value: List[Any] = []
    value.append(value)
    return value


def cyclic_dict() -> Any:
    value: Dict[str, Any] = {}
    value["self"] = {"again": value}
    return value


def refused_values() -> Dict[str, Any]:
    """Values no parameter accepts: each must give an ``InvalidInputError`` naming the parameter, raised
    before anything is sent."""
    return {
        "lone surrogate": "ab\ud800cd",
        "surrogate in a key": {"\udcff": 1},
        "surrogate in a list": ["ok", "\udfff"],
        "nan": float("nan"),
        "inf": float("inf"),
        "-inf": float("-inf"),
        "huge int": 10**30,
        "huge int 5000 digits": 10**5000,
        "list 5000 deep": deep_list(5000),
        "dict 5000 deep": deep_dict(5000),
        "cyclic list": cyclic_list(),
        "cyclic dict": cyclic_dict(),
        "bytes": b"\xff\xfe",
        "object": object(),
        "set": {1, 2},
    }


def odd_values() -> Dict[str, Any]:
    """Values some parameters accept: any outcome but a non-``PaywireError`` exception is fine."""
    return {
        "1e300": 1e300,
        "-1": -1,
        "0": 0,
        "negative float": -0.5,
        "empty string": "",
        "long string": "x" * 20_000,
        "int for a string": 4111111111111111,
        "list": ["4111111111111111"],
        "dict": {"card": "4111111111111111"},
        "True": True,
        "max i64 + 1": 2**63,
        "5e-324": 5e-324,
    }


def wire_name(parameter: str) -> str:
    """The name an error uses for a Python parameter."""
    return {"from_": "from"}.get(parameter, parameter)


def names(field: str, parameter: str) -> bool:
    """Whether an error's field is the parameter or a part of it."""
    name = wire_name(parameter)
    return field == name or field.startswith((f"{name}.", f"{name}[", f"{name} "))
