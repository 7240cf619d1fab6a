"""The generated models are core's response types, field for field, and a field core adds reaches Python.

``paywire/_generated.py`` is written by ``paywire-pygen`` from ``libpaywire_ffi``'s UniFFI metadata (core's
own types). ``make test`` fails when the checked-in file differs from what the current library gives
(``bindings/kotlin/build.sh``); these tests read the same metadata (when the library and the generator are
built: ``PAYWIRE_FFI_LIBRARY``/``PAYWIRE_PYGEN``, set by ``scripts/check.sh``) and check every generated
model against it, so a field added to a core response type is an attribute, with its type, once
regenerated, and readable untyped before.
"""

from __future__ import annotations

import json
import os
import subprocess
import typing
from typing import Any, Dict, List

import pytest

import paywire
from paywire import _generated
from paywire._models import Model


def _models() -> Dict[str, type]:
    return {
        name: cls
        for name, cls in vars(_generated).items()
        if isinstance(cls, type) and issubclass(cls, Model) and cls.__module__ == "paywire._generated"
    }


def _fields(cls: type) -> List[List[str]]:
    hints = {k: v for k, v in cls.__annotations__.items() if not k.startswith("_")}
    # Annotations are kept as text (``from __future__ import annotations``), quotes normalised by Python.
    return [[name, str(annotation).replace("'", "\"")] for name, annotation in hints.items()]


def _describe() -> Dict[str, Any]:
    library, pygen = os.environ.get("PAYWIRE_FFI_LIBRARY"), os.environ.get("PAYWIRE_PYGEN")
    if not (library and pygen and os.path.exists(library) and os.path.exists(pygen)):
        pytest.skip("needs libpaywire_ffi and paywire-pygen (bash bindings/kotlin/build.sh)")
    out = subprocess.run([pygen, "--library", library, "--describe"], check=True, capture_output=True, text=True)
    described: Dict[str, Any] = json.loads(out.stdout)
    return described


def test_every_generated_model_has_the_fields_of_its_core_type() -> None:
    described = _describe()["models"]
    models = _models()
    assert sorted(models) == sorted(described)
    for name, cls in models.items():
        assert _fields(cls) == described[name], name


def test_the_generated_operations_are_the_librarys() -> None:
    described = _describe()["operations"]
    assert {p: tuple(ops) for p, ops in described.items()} == _generated.OPERATIONS


def test_the_checked_in_module_is_what_the_generator_writes() -> None:
    library, pygen = os.environ.get("PAYWIRE_FFI_LIBRARY"), os.environ.get("PAYWIRE_PYGEN")
    source = os.environ.get("PAYWIRE_GENERATED_SOURCE")
    if not (library and pygen and source):
        pytest.skip("needs libpaywire_ffi, paywire-pygen and the source tree")
    subprocess.run([pygen, "--library", library, "--out", source, "--check"], check=True)
    with open(source, encoding="utf-8") as f:
        assert f.read() == open(_generated.__file__, encoding="utf-8").read(), "the installed wheel is stale"


@pytest.mark.parametrize("name", sorted(_models()))
def test_every_field_reads_from_an_empty_answer(name: str) -> None:
    model = _models()[name]({})
    for field, _ in _fields(type(model)):
        getattr(model, field)  # the type's zero, None, or an empty list: never an error


def test_a_field_core_adds_is_readable_before_regenerating() -> None:
    receipt = paywire.Receipt({"receipt_id": "r1", "brand_new_field": {"x": 1}})
    assert receipt.brand_new_field == {"x": 1}  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        receipt.not_sent  # type: ignore[attr-defined]  # noqa: B018


def test_annotations_resolve() -> None:
    for name, cls in _models().items():
        assert typing.get_type_hints(cls), name
