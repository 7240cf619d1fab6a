"""The mypy example is also real code: it must run against the sandbox."""

from __future__ import annotations

import typing_example


def test_typing_example_runs() -> None:
    typing_example.main()
