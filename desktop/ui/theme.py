"""Light and dark themes (qdarkstyle), with the fixes right-to-left layouts need, and a
selection that reads as well in a view without focus or a window behind another."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionHeader,
    QWidget,
)

#: qdarkstyle draws a tool button's menu arrow over its text under RTL
RTL_FIXES = 'QToolButton[popupMode="1"]{padding-right:2px;padding-left:20px;}'
#: the least contrast of a selected row's text with its background (WCAG's for text)
READABLE = 4.5
#: how much of the highlight an inactive selection keeps (the rest is the background)
INACTIVE_SHARE = {"light": 0.3, "dark": 0.6}
#: Fusion lays a wash of the selection's outline over the current item of a view the
#: keyboard moved in, its text included, this opaque at its strongest (30 of 255)
FUSION_FOCUS_WASH = 30 / 255


def luminance(colour: QColor) -> float:
    """The relative luminance of a colour (WCAG 2)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """The contrast ratio of two colours, 1 to 21 (WCAG 2)."""
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def blend(top: QColor, bottom: QColor, share: float) -> QColor:
    """``share`` of ``top`` over ``bottom``."""
    return QColor.fromRgbF(
        top.redF() * share + bottom.redF() * (1 - share),
        top.greenF() * share + bottom.greenF() * (1 - share),
        top.blueF() * share + bottom.blueF() * (1 - share),
    )


def inactive_selection(
    highlight: QColor, background: QColor, text: QColor, share: float
) -> tuple[QColor, QColor]:
    """The background and the text of a selection in a view without focus or in a
    window behind another: the highlight toned down towards the view's background (so
    that it is still told from an unselected row, and from the active selection), in
    the view's text colour, or black or white if that is not readable on it."""
    back = blend(highlight, background, share)
    if contrast(text, back) >= READABLE:
        return back, QColor(text)
    black, white = QColor("#000000"), QColor("#ffffff")
    return back, max((black, white), key=lambda c: contrast(c, back))


def readable_highlight(highlight: QColor, text: QColor, wash: float = 0.0) -> QColor:
    """The highlight, darker (under light text) or lighter (under dark text) in the
    same hue until ``text`` reads on it (:data:`READABLE`); as it was if it already
    does. ``wash``: how opaque a wash of the highlight's outline (a fifth darker) the
    style lays over the text and its background, which it should read under too."""
    hue, saturation, lightness, alpha = highlight.getHslF()
    step = -0.005 if luminance(text) > luminance(highlight) else 0.005

    def reads(back: QColor) -> bool:
        outline = back.darker(125)
        return contrast(blend(outline, text, wash), blend(outline, back, wash)) >= READABLE

    found = QColor(highlight)
    while not reads(found) and 0.0 < lightness < 1.0:
        lightness = min(1.0, max(0.0, lightness + step))
        found = QColor.fromHslF(hue, saturation, lightness, alpha)
    return found


def _light_palette(app: QApplication) -> QPalette:
    """The application's own palette (the style's and the system's, whatever a theme
    set before) with a readable selection: Fusion's is white on mid blue (3.7:1), made
    a darker blue in the view with focus (5.2:1, 4.5:1 under the wash of the current
    item), and a pale blue with the view's text in a view without focus or a window
    behind another."""
    app.setPalette(QPalette())  # a palette with no colours of its own: the base one
    palette = app.palette()
    active = QPalette.ColorGroup.Active
    highlight = palette.color(active, QPalette.ColorRole.Highlight)
    highlighted_text = palette.color(active, QPalette.ColorRole.HighlightedText)
    back, text = inactive_selection(
        highlight,
        palette.color(active, QPalette.ColorRole.Base),
        palette.color(active, QPalette.ColorRole.Text),
        INACTIVE_SHARE["light"],
    )
    readable = readable_highlight(highlight, highlighted_text, FUSION_FOCUS_WASH)
    palette.setColor(active, QPalette.ColorRole.Highlight, readable)
    palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight, back)
    palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.HighlightedText, text)
    return palette


def dark_inactive_selection() -> str:
    """qdarkstyle's rule for a selected item in a view without focus or a window behind
    another, which painted it in the grey of a row under the mouse, hardly told from the
    rows around it: the theme's selection blue toned down instead."""
    from qdarkstyle.dark.palette import DarkPalette

    back, text = inactive_selection(
        QColor(DarkPalette.COLOR_ACCENT_2),
        QColor(DarkPalette.COLOR_BACKGROUND_1),
        QColor(DarkPalette.COLOR_TEXT_1),
        INACTIVE_SHARE["dark"],
    )
    views = ("QTreeView", "QListView", "QTableView", "QColumnView")
    selector = ",".join(f"{v}::item:selected:!active" for v in views)
    return f"{selector}{{color:{text.name()};background-color:{back.name()};}}"


class SortArrowStyle(QProxyStyle):
    """Fusion, with a header's sort arrow pointing up for an ascending order, as the
    dark theme's does and Windows's and macOS's own: Fusion pointed it down, so the same
    order showed opposite arrows in the two themes."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(
            option, QStyleOptionHeader
        ):
            up, down = (
                QStyleOptionHeader.SortIndicator.SortUp,
                QStyleOptionHeader.SortIndicator.SortDown,
            )
            turned = {up: down, down: up}.get(option.sortIndicator)
            if turned is not None:
                option = QStyleOptionHeader(option)
                option.sortIndicator = turned
        super().drawPrimitive(element, option, painter, widget)


def apply_theme(app: QApplication, name: str) -> None:
    if name == "dark":
        import qdarkstyle  # imported only when wanted: it sets QT_API as a side effect

        app.setStyleSheet(
            qdarkstyle.load_stylesheet(qt_api="pyside6") + RTL_FIXES + dark_inactive_selection()
        )
    else:
        if not isinstance(app.style(), SortArrowStyle):
            app.setStyle(SortArrowStyle())
        app.setStyleSheet("")
        app.setPalette(_light_palette(app))
