"""Counting the calls a view makes to the store, without changing what they return."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest


def count_calls(monkeypatch: pytest.MonkeyPatch, target: object, *names: str) -> Counter[str]:
    """Count the calls of these methods of ``target`` (they still run)."""
    calls: Counter[str] = Counter()
    for name in names:
        original = getattr(target, name)

        def counted(*a: Any, _name: str = name, _f: Callable[..., Any] = original, **k: Any) -> Any:
            calls[_name] += 1
            return _f(*a, **k)

        monkeypatch.setattr(target, name, counted)
    return calls
