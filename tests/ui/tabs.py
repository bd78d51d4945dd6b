"""Views as the window holds them: one tab among others."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget


def behind_another_tab(
    qtbot, view: QWidget, label: str, size: tuple[int, int] | None = None
) -> QTabWidget:  # type: ignore[no-untyped-def]
    """Put ``view`` in the second tab of a shown tab widget, the first tab current: the
    view exists but is not visible until the test makes its tab current."""
    host = QTabWidget()
    qtbot.addWidget(host)
    host.addTab(QWidget(), "first")
    host.addTab(view, label)
    if size is not None:
        host.resize(*size)
    host.show()
    qtbot.waitExposed(host)
    return host
