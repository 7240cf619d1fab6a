"""The asyncio clients mirror the blocking ones method for method.

Each async method is the blocking one with ``async def`` and ``return await self._acall(...)``: this test
keeps the two hand-kept halves from drifting (a parameter, a default, a docstring or an operation name
changed on one side only fails here). The only intended difference is ``confirm_verified``, whose merchant
step is a coroutine function on the async side.
"""

from __future__ import annotations

import ast
import inspect
from types import ModuleType
from typing import Dict

import pytest

from paywire import _client, _iamport

INTENDED_DIFFERENCES = {"confirm_verified"}


def _methods(module: ModuleType, class_name: str) -> Dict[str, str]:
    tree = ast.parse(inspect.getsource(module))
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            return {
                item.name: ast.unparse(item)
                for item in node.body
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and not item.name.startswith("_")
            }
    raise AssertionError(f"no class {class_name} in {module.__name__}")


def _as_async(source: str) -> str:
    return source.replace("def ", "async def ", 1).replace("return self._call(", "return await self._acall(")


@pytest.mark.parametrize(
    ("module", "blocking", "asynchronous"),
    [(_client, "Bootpay", "AsyncBootpay"), (_iamport, "Iamport", "AsyncIamport")],
)
def test_async_client_mirrors_the_blocking_one(module: ModuleType, blocking: str, asynchronous: str) -> None:
    sync_methods = _methods(module, blocking)
    async_methods = _methods(module, asynchronous)
    assert sorted(sync_methods) == sorted(async_methods)
    drifted = [
        name
        for name, source in sync_methods.items()
        if name not in INTENDED_DIFFERENCES and _as_async(source) != async_methods[name]
    ]
    assert drifted == [], f"{asynchronous} drifted from {blocking} in: {drifted}"
