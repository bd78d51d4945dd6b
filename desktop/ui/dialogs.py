"""The questions widgets ask the user, through an object they are given: Qt's standard
dialogs in the window, a fake that answers from a script in the tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


class Confirmations(Protocol):
    """A question to answer yes or no, and an error to tell."""

    def confirm(self, title: str, text: str) -> bool: ...
    def error(self, title: str, text: str) -> None: ...


class QtDialogs:
    """Qt's standard dialogs, over ``parent``."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def ask_text(self, title: str, label: str, default: str = "") -> str | None:
        text, ok = QInputDialog.getText(
            self._parent, title, label, QLineEdit.EchoMode.Normal, default
        )
        return text if ok else None

    def ask_item(self, title: str, label: str, items: Sequence[str]) -> str | None:
        item, ok = QInputDialog.getItem(self._parent, title, label, list(items), 0, False)
        return item if ok else None

    def ask_name(
        self, title: str, label: str, names: Sequence[str], default: str = ""
    ) -> str | None:
        """One of ``names``, or another the user types."""
        items = list(names)
        current = items.index(default) if default in items else -1
        if current < 0:
            items.insert(0, default)
            current = 0
        item, ok = QInputDialog.getItem(self._parent, title, label, items, current, True)
        return item if ok else None

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self._parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def error(self, title: str, text: str) -> None:
        QMessageBox.warning(self._parent, title, text)
