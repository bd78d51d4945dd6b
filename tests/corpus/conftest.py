"""Fixtures of the import tests."""

from __future__ import annotations

import pytest

from desktop import importing


@pytest.fixture(params=["serial", "worker processes"])
def parallel(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Run an import test both in this process and with files prepared by workers."""
    if request.param == "serial":
        return False
    monkeypatch.setattr(importing, "PARALLEL_BYTES", 0)
    monkeypatch.setenv("TABAYUN_WORKERS", "2")
    return True
