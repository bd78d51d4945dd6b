"""How long work reports progress and learns it should stop (injected, never global)."""

from __future__ import annotations

import threading
from typing import Protocol


class Progress(Protocol):
    def start(self, total: int, label: str) -> None: ...
    def advance(self, step: int = 1, note: str = "") -> None: ...
    def finish(self) -> None: ...


class NullProgress:
    """Reports nothing."""

    def start(self, total: int, label: str) -> None:
        pass

    def advance(self, step: int = 1, note: str = "") -> None:
        pass

    def finish(self) -> None:
        pass


class CancelToken:
    """Set from any thread; long work checks it between units and stops cleanly."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()
