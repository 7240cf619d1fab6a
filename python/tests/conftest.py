"""Fixtures: one in-process sandbox for the session, reset before every test."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any, Iterator

import pytest

import paywire
from paywire.testing import Sandbox


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as sb:
        yield sb


@pytest.fixture(autouse=True)
def _fresh_state(sandbox: Sandbox) -> None:
    sandbox.reset()


@pytest.fixture
def client(sandbox: Sandbox) -> paywire.Bootpay:
    return sandbox.client()


class Blocking:
    """Calls either client the same way, so one test body covers Bootpay and AsyncBootpay (or Iamport and
    AsyncIamport)."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.is_async = isinstance(client, (paywire.AsyncBootpay, paywire.AsyncIamport))

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.client, name)
        if inspect.iscoroutinefunction(method):
            return lambda *a, **k: asyncio.run(method(*a, **k))
        return method


@pytest.fixture(params=["sync", "async"])
def api(request: pytest.FixtureRequest, sandbox: Sandbox) -> Blocking:
    if request.param == "sync":
        return Blocking(sandbox.client())
    return Blocking(sandbox.async_client())


@pytest.fixture(params=["sync", "async"])
def iamport(request: pytest.FixtureRequest, sandbox: Sandbox) -> Blocking:
    """An iamport client of either kind, called the same way."""
    if request.param == "sync":
        return Blocking(sandbox.iamport_client())
    return Blocking(sandbox.async_iamport_client())


def last_request(sandbox: Sandbox, method: str, path_prefix: str, provider: str = "bootpay") -> Any:
    for recorded in reversed(sandbox.requests()):
        if recorded.get("provider", "bootpay") != provider or recorded["method"] != method:
            continue
        if recorded["path"].lstrip("/").removeprefix("v2/").startswith(path_prefix):
            return recorded
    raise AssertionError(f"no {provider} {method} {path_prefix} recorded")


def iamport_request(sandbox: Sandbox, method: str, path_prefix: str) -> Any:
    """The last iamport request of ``method`` whose path (relative to ``/iamport``) starts with the prefix."""
    return last_request(sandbox, method, path_prefix, provider="iamport")
