"""Printing an HTML report to PDF with Qt's text engine, which shapes Arabic correctly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop.ui.fonts import READING_FAMILY, register_fonts


def html_to_pdf(html: str, path: Path) -> None:
    """Write ``html`` as an A4 PDF (a Qt application is created if none exists)."""
    # the command line has no window: drawn offscreen, with or without a display
    app = QGuiApplication.instance() or QGuiApplication(["tabayun", "-platform", "offscreen"])
    assert app is not None
    register_fonts()
    doc = QTextDocument()
    doc.setDefaultFont(doc.defaultFont())
    doc.setDefaultStyleSheet(f"body {{ font-family: '{READING_FAMILY}'; }}")
    doc.setHtml(html)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(96)
    layout = writer.pageLayout().paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(layout.width(), layout.height()))
    doc.print_(writer)
