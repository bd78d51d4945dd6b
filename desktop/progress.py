"""How long work reports progress and learns it should stop (injected, never global)."""

from __future__ import annotations

import threading
from typing import Protocol

#: the label of the step that converts a RAR or 7z archive (its files not yet known,
#: started with no total) before an import reads its files
UNPACKING = "Unpacking"


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


#: no estimate of the time left before this much time has passed and this share is done
ESTIMATE_AFTER_SECONDS = 2.0
ESTIMATE_AFTER_SHARE = 0.03


def seconds_left(done: int, total: int, elapsed: float) -> float | None:
    """About how many seconds a phase that has done ``done`` of ``total`` units in
    ``elapsed`` seconds still needs, at the rate so far; ``None`` too early to say (the
    first units of an import or analysis include starting its worker processes)."""
    if total <= 0 or done <= 0 or elapsed < ESTIMATE_AFTER_SECONDS:
        return None
    if done < ESTIMATE_AFTER_SHARE * total:
        return None
    return max(0.0, (total - done) * elapsed / done)


def rounded_left(seconds: float) -> tuple[int, str]:
    """``seconds`` as a person would say it: (5-second steps under a minute and a half,
    ``"s"``), else (whole minutes, ``"min"``)."""
    if seconds < 90:
        return max(5, 5 * round(seconds / 5)), "s"
    return round(seconds / 60), "min"
