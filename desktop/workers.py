"""How many worker processes long jobs (import, analysis) may use."""

from __future__ import annotations

import os


def worker_override() -> int | None:
    """``TABAYUN_WORKERS`` when set to a number (1 turns worker processes off)."""
    env = os.environ.get("TABAYUN_WORKERS", "").strip()
    return max(1, int(env)) if env.isdigit() else None


def worker_count() -> int:
    """One worker per core, at most four, unless ``TABAYUN_WORKERS`` says otherwise."""
    override = worker_override()
    if override is not None:
        return override
    return max(1, min(os.cpu_count() or 1, 4))
