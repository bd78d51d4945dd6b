"""Preferences, each declared once, kept apart from window state (geometry, splitters)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    choices: tuple[Any, ...] = ()


THEME = Option("ui/theme", "light", ("light", "dark"))
LANGUAGE = Option("ui/language", "en", ("en", "ar"))
READER_POINT_SIZE = Option("reader/point_size", 15)
OPTIONS = (THEME, LANGUAGE, READER_POINT_SIZE)


class Preferences:
    """Typed access to the declared options over a QSettings store."""

    def __init__(self, qsettings: QSettings) -> None:
        self.qsettings = qsettings

    def get(self, option: Option) -> Any:
        value = self.qsettings.value(option.key, option.default)
        if isinstance(option.default, int):
            try:
                value = int(value)
            except (TypeError, ValueError):
                value = option.default
        if option.choices and value not in option.choices:
            value = option.default
        return value

    def set(self, option: Option, value: Any) -> None:
        if option.choices and value not in option.choices:
            raise ValueError(f"{option.key}: {value!r} not in {option.choices}")
        self.qsettings.setValue(option.key, value)

    # window state: restored, never edited by the user
    def window_state(self, name: str) -> QByteArray | None:
        value = self.qsettings.value(f"window/{name}")
        return value if isinstance(value, QByteArray) else None

    def save_window_state(self, name: str, value: QByteArray) -> None:
        self.qsettings.setValue(f"window/{name}", value)

    def sync(self) -> None:
        self.qsettings.sync()
