"""Every client exposes exactly its provider's operation table, plus the documented hand-written extras.

The table is core's (``bootpay_operations!``/``iamport_operations!``); the Python methods are generated from
the library's metadata (``paywire/_generated.py``), so this test replaces both the cross-language parity
script's Python half and the old blocking/async mirror test: the blocking and the asyncio classes must
each have every operation, with the same signature, and nothing else public but the extras below.
"""

from __future__ import annotations

import inspect
from typing import Any, Dict, FrozenSet, Set

import pytest

import paywire
from paywire import _generated, _native

# Public members of every client that are not operations of the table, and why.
EXTRAS: Dict[str, str] = {
    "confirm_verified": "(Bootpay) verify, run the merchant's step, confirm: a closure cannot be a table line",
    "with_options": "a view of the client with other timeouts/retries (constructor-like, not an API call)",
    "parse_webhook": "parses a body locally; sends nothing",
    "base_url": "a property: the API root in use",
}


def table(provider: str) -> FrozenSet[str]:
    """The provider's operations as the native module knows them: core's table when the native module
    exports it (``operations(provider)``), else the dispatch's own list."""
    operations: Any = getattr(_native, "operations", None)
    if operations is not None:
        return frozenset(str(op) for op in operations(provider))
    return frozenset(_native.OPERATIONS if provider == "bootpay" else _native.IAMPORT_OPERATIONS)


def public(cls: type) -> Set[str]:
    return {name for name in dir(cls) if not name.startswith("_")}


CLIENTS = [
    ("bootpay", paywire.Bootpay, paywire.AsyncBootpay),
    ("iamport", paywire.Iamport, paywire.AsyncIamport),
]


@pytest.mark.parametrize(("provider", "blocking", "asynchronous"), CLIENTS)
def test_clients_expose_exactly_the_table(provider: str, blocking: type, asynchronous: type) -> None:
    operations = table(provider)
    assert frozenset(_generated.OPERATIONS[provider]) == operations, "the library's metadata and the native table"
    for cls in (blocking, asynchronous):
        assert public(cls) - set(EXTRAS) == set(operations), cls.__name__
        extras = set(EXTRAS) - ({"confirm_verified"} if provider == "iamport" else set())
        assert extras <= public(cls), cls.__name__


@pytest.mark.parametrize(("provider", "blocking", "asynchronous"), CLIENTS)
def test_async_and_blocking_methods_agree(provider: str, blocking: type, asynchronous: type) -> None:
    for name in table(provider):
        sync_method = getattr(blocking, name)
        async_method = getattr(asynchronous, name)
        assert not inspect.iscoroutinefunction(sync_method), name
        assert inspect.iscoroutinefunction(async_method), name
        assert inspect.signature(sync_method) == inspect.signature(async_method), name
        assert (sync_method.__doc__ or "").strip(), f"{name} has no docstring"
        assert sync_method.__doc__ == async_method.__doc__, name


@pytest.mark.parametrize("provider", ["bootpay", "iamport"])
def test_hand_written_operations_are_in_the_table(provider: str) -> None:
    generated = {
        name
        for cls in vars(_generated).values()
        if isinstance(cls, type) and cls.__name__.endswith("Operations") and provider in cls.__name__.lower()
        for name in vars(cls)
        if not name.startswith("_")
    }
    assert generated | (_generated.HAND_WRITTEN & table(provider)) == table(provider)
