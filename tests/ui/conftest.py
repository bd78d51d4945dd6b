"""Fixtures of the window's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.ui.workers import TaskRunner


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    """A task runner that must have finished its work when the test ends."""
    r = TaskRunner()
    yield r
    assert r.wait(60_000)
