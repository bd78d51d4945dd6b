"""The document pane: one article, right to left, with its entities, labels and quotes
marked, hover explanations, click-to-select and a find bar that ignores diacritics."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeySequence,
    QMouseEvent,
    QShortcut,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.search import find_in_text
from desktop.store.rows import DocumentDetail, LabelRow, MentionRow, QuoteRow
from desktop.store.store import Store
from desktop.ui.bidi import reading_arrow
from desktop.ui.document_model import is_rtl
from desktop.ui.fonts import reading_font
from desktop.ui.labels import PartsLabel
from desktop.ui.names import row_outlet
from desktop.ui.palette import (
    SCARE_QUOTE_COLOUR,
    category_colour,
    category_name,
    entity_colour,
    entity_type_singular,
    mark_kind_name,
    speaker_shade,
)
from desktop.ui.text_offsets import Utf16Index

#: custom properties stored in character formats, read back on hover and click
ENTITY_PROP = QTextFormat.Property.UserProperty + 1
TIP_PROP = QTextFormat.Property.UserProperty + 2


@dataclass
class DocumentMarks:
    """Everything the pane marks in one document (store rows, code-point offsets)."""

    mentions: list[tuple[MentionRow, str, str]]  # (mention, entity name, entity type)
    labels: list[LabelRow]
    quotes: list[QuoteRow]

    @classmethod
    def load(cls, store: Store, doc_id: int) -> DocumentMarks:
        return cls(
            store.document_mentions(doc_id),
            store.labels_for(documents=[doc_id]),
            store.quotes_for(documents=[doc_id]),
        )


def build_document(detail: DocumentDetail, point_size: int) -> QTextDocument:
    """A QTextDocument whose positions are the UTF-16 offsets of ``detail.text``.

    The original text is inserted unchanged (a line break becomes a block boundary, one
    position each), so a store offset converts with :mod:`desktop.ui.text_offsets` alone.
    Each line gets its own direction from its first strong character; repeated
    paragraphs (a scraped teaser) are greyed.
    """
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)  # read only: no undo steps kept for each format
    doc.setDefaultFont(reading_font(point_size))
    doc.setDocumentMargin(18)
    cursor = QTextCursor(doc)
    # in an edit block a cursor does not lay out each line it moves to or writes in
    cursor.beginEditBlock()
    repeated = {s for s, _e, r in detail.paragraphs if r}
    dim = QTextCharFormat()
    dim.setForeground(QColor("#8a8a8a"))
    dim.setProperty(
        TIP_PROP,
        QCoreApplication.translate(
            "Marks", "A paragraph repeated from earlier in the article: not analysed again"
        ),
    )
    normal = QTextCharFormat()
    pos = 0
    for i, line in enumerate(detail.text.split("\n")):
        block = QTextBlockFormat()
        rtl = is_rtl(line) or not line.strip()
        block.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        block.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(8)
        if i == 0:
            cursor.setBlockFormat(block)
        else:
            cursor.insertBlock(block)
        stripped_start = pos + (len(line) - len(line.lstrip()))
        cursor.insertText(line, dim if stripped_start in repeated else normal)
        pos += len(line) + 1
    cursor.endEditBlock()
    return doc


def apply_marks(doc: QTextDocument, text: str, marks: DocumentMarks) -> None:
    """Quotes shaded by speaker, mentions coloured by type, labels underlined by framing
    category, scare quotes and distancing phrases marked. Formats are merged, never
    replacing the text, so letters stay joined and the order stays right to left."""
    utf16 = Utf16Index(text)
    cursor = QTextCursor(doc)
    # in an edit block a cursor does not lay out each line it moves to (thousands of
    # marks in a long report)
    cursor.beginEditBlock()

    def paint(start: int, end: int, fmt: QTextCharFormat) -> None:
        a, b = utf16.span(start, end)
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    speakers: dict[int | str, int] = {}
    for q in marks.quotes:
        if q.kind == "indirect":
            continue
        who = q.speaker_entity_id if q.speaker_entity_id is not None else (q.speaker_text or "?")
        shade = speakers.setdefault(who, len(speakers))
        fmt = QTextCharFormat()
        fmt.setBackground(speaker_shade(shade))
        fmt.setForeground(QColor("#111111"))  # light shades need dark text in the dark theme
        name = q.speaker_name or q.speaker_text or "?"
        tip = QCoreApplication.translate("Marks", "quotation ({0}) — {1}").format(
            mark_kind_name(q.kind), name
        )
        if q.verb:
            tip += f" — {q.verb}"
        if q.via_name:
            tip += " — " + QCoreApplication.translate("Marks", "via {0}").format(q.via_name)
        fmt.setProperty(TIP_PROP, tip)
        paint(q.start, q.end, fmt)
    for m, name, etype in marks.mentions:
        fmt = QTextCharFormat()
        fmt.setBackground(entity_colour(etype))
        fmt.setForeground(QColor("#111111"))
        fmt.setProperty(ENTITY_PROP, m.entity_id)
        parts = [name, entity_type_singular(etype)]
        if m.kind != "name":
            parts.append(mark_kind_name(m.kind))
        fmt.setProperty(TIP_PROP, " · ".join(parts))
        paint(m.start, m.end, fmt)
    for lb in marks.labels:
        fmt = QTextCharFormat()
        colour = category_colour(lb.category)
        if lb.kind == "scare_quote":
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(SCARE_QUOTE_COLOUR))
            tip = QCoreApplication.translate("Marks", "scare quotes")
            if lb.category:
                tip += f" · {category_name(lb.category)}"
        elif lb.kind == "distancing":
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(SCARE_QUOTE_COLOUR))
            tip = QCoreApplication.translate("Marks", "distancing")
            if lb.details.get("label"):
                tip += f" · {lb.details['label']}"
        elif lb.kind in ("label", "apposition"):
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(colour)
            tip = f"{mark_kind_name(lb.kind)} · {category_name(lb.category)}"
        else:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(QColor("#777777"))
            tip = QCoreApplication.translate("Marks", "quoted term")
        if lb.entity_name:  # «label · official → …», «التسمية · رسمي ← …»
            tip += f" {reading_arrow()} {lb.entity_name}"
        if lb.speaker_name:
            tip += " " + QCoreApplication.translate("Marks", "(words of {0})").format(
                lb.speaker_name
            )
        fmt.setProperty(TIP_PROP, tip)
        paint(lb.start, lb.end, fmt)
    cursor.endEditBlock()


def shade_document(doc: QTextDocument, text: str, spans: list[tuple[int, int, QColor]]) -> None:
    utf16 = Utf16Index(text)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    for start, end, colour in spans:
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        fmt.setForeground(QColor("#111111"))
        a, b = utf16.span(start, end)
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    cursor.endEditBlock()


class ReaderBrowser(QTextBrowser):
    """Shows what is under the pointer and reports clicks on entities."""

    entity_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setOpenLinks(False)
        self.viewport().setMouseTracking(True)
        self.viewport().installEventFilter(self)

    def _format_at(self, pos: Any) -> QTextCharFormat:
        cursor = self.cursorForPosition(pos)
        if cursor.atBlockEnd() and not cursor.atBlockStart():
            cursor.movePosition(QTextCursor.MoveOperation.Left)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.Right)
        return cursor.charFormat()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.viewport():
            if event.type() == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
                tip = self._format_at(event.position().toPoint()).property(TIP_PROP)
                if tip:
                    QToolTip.showText(event.globalPosition().toPoint(), str(tip), self)
                else:
                    QToolTip.hideText()
            elif (
                event.type() == QEvent.Type.MouseButtonRelease
                and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.LeftButton
                and not self.textCursor().hasSelection()
            ):
                entity = self._format_at(event.position().toPoint()).property(ENTITY_PROP)
                if entity is not None:
                    self.entity_clicked.emit(int(entity))
        return super().eventFilter(obj, event)


class FindBar(QWidget):
    """Find in the document, ignoring diacritics, tatweel and hamza/alef forms."""

    def __init__(self, pane: DocumentPane) -> None:
        super().__init__(pane)
        self.pane = pane
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Find in document (Arabic-aware)"))
        self.edit.setClearButtonEnabled(True)
        self.status = QLabel()
        prev_btn, next_btn, close_btn = QToolButton(), QToolButton(), QToolButton()
        prev_btn.setText("▲")
        next_btn.setText("▼")
        close_btn.setText("✕")
        prev_btn.setToolTip(self.tr("Previous (Shift+Enter)"))
        next_btn.setToolTip(self.tr("Next (Enter)"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.edit, self.status, prev_btn, next_btn, close_btn):
            lay.addWidget(w)
        self.edit.textChanged.connect(lambda _t: self.pane.find(self.edit.text()))
        self.edit.returnPressed.connect(lambda: self.pane.find_next(1))
        next_btn.clicked.connect(lambda: self.pane.find_next(1))
        prev_btn.clicked.connect(lambda: self.pane.find_next(-1))
        close_btn.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.edit, lambda: self.pane.find_next(-1))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.edit, self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.pane.find("")


def _title_opens(title: str, text: str) -> bool:
    """Whether the title is one of the text's first three lines (a saved page's, after
    the site's tagline), or the first's beginning cut short with «…» (a text file's title
    is made so): the reader showed it twice, one above the other, and leaves the heading
    out then."""
    head = " ".join(title.split())
    if not head:
        return False
    lines = [" ".join(ln.split()) for ln in text.split("\n", 12)[:12] if ln.strip()][:3]
    if head.endswith("…"):
        return bool(lines) and lines[0].startswith(head[:-1].rstrip())
    return head in lines


class DocumentPane(QWidget):
    """Title, outlet and date above the marked-up article."""

    entity_clicked = Signal(int)

    def __init__(
        self, store: Store | None = None, parent: QWidget | None = None, point_size: int = 15
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.point_size = point_size
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = PartsLabel("  ·  ")
        self.browser = ReaderBrowser()
        self.browser.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.browser.entity_clicked.connect(self.entity_clicked)
        self.find_bar = FindBar(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.browser, 1)
        self.detail: DocumentDetail | None = None
        self.marks: DocumentMarks | None = None
        self._utf16: Utf16Index | None = None
        self._entity_selection: list[QTextEdit.ExtraSelection] = []
        self._find_selection: list[QTextEdit.ExtraSelection] = []
        self._extra_shades: list[QTextEdit.ExtraSelection] = []
        #: background shades under the marks (aligned passages in the compare view)
        self._base_shades: list[tuple[int, int, QColor]] = []
        self._find_spans: list[tuple[int, int]] = []
        self._find_index = -1
        self.highlighted_entity: int | None = None
        self._title_shown = True
        self._apply_title_font()
        self.show_placeholder()

    # ---- content -------------------------------------------------------------------------
    def _apply_title_font(self) -> None:
        self.title.setFont(reading_font(self.point_size + 5))

    def set_title_shown(self, shown: bool) -> None:
        """Whether the pane shows the article's title above it (the compare view's sides
        name the article in their own header)."""
        self._title_shown = shown
        self.title.setVisible(shown)

    def show_placeholder(self) -> None:
        self.detail = None
        self.marks = None
        self.title.setVisible(self._title_shown)
        self.title.setText(self.tr("No document selected"))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.meta.clear()
        self.browser.clear()

    def show_document(self, doc_id: int) -> None:
        assert self.store is not None
        self.show_detail(self.store.document(doc_id), DocumentMarks.load(self.store, doc_id))

    def show_detail(self, detail: DocumentDetail, marks: DocumentMarks | None = None) -> None:
        self.detail = detail
        self.marks = marks
        self._utf16 = Utf16Index(detail.text)
        row = detail.row
        align = Qt.AlignmentFlag.AlignRight if is_rtl(row.title) else Qt.AlignmentFlag.AlignLeft
        self.title.setText(row.title)
        self.title.setAlignment(align | Qt.AlignmentFlag.AlignAbsolute)
        self.title.setVisible(self._title_shown and not _title_opens(row.title, detail.text))
        parts = [
            row_outlet(row) or self.tr("Outlet unknown"),
            row.published.isoformat() if row.published else self.tr("Date unknown"),
            self.tr("{0} words").format(f"{row.word_count:,}"),
        ]
        if marks is not None:
            mentions = len(marks.mentions)
            quoted = len([q for q in marks.quotes if q.kind != "indirect"])
            parts.append(
                self.tr("1 mention")
                if mentions == 1
                else self.tr("{0} mentions").format(f"{mentions:,}")
            )
            parts.append(
                self.tr("1 quotation")
                if quoted == 1
                else self.tr("{0} quotations").format(f"{quoted:,}")
            )
        # a line break between two parts, never inside a count («7 / quotations»), and
        # no dot at either end of a line
        self.meta.set_parts(parts)
        self.meta.setAlignment(align | Qt.AlignmentFlag.AlignAbsolute)
        self._render()

    def _render(self) -> None:
        if self.detail is None:
            return
        doc = build_document(self.detail, self.point_size)
        if self._base_shades:
            shade_document(doc, self.detail.text, self._base_shades)
        if self.marks is not None:
            apply_marks(doc, self.detail.text, self.marks)
        self.browser.setDocument(doc)
        doc.setParent(self.browser)
        self._entity_selection, self._find_selection, self._extra_shades = [], [], []
        if self.highlighted_entity is not None:
            self.highlight_entity(self.highlighted_entity)
        self._refresh_extra()

    def set_point_size(self, size: int) -> None:
        self.point_size = max(8, min(40, size))
        self._apply_title_font()
        self._render()

    # ---- selections over the text ----------------------------------------------------------
    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        assert self._utf16 is not None
        a, b = self._utf16.span(start, end)
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor  # type: ignore[attr-defined]
        sel.format = fmt  # type: ignore[attr-defined]
        return sel

    def _refresh_extra(self) -> None:
        self.browser.setExtraSelections(
            self._extra_shades + self._entity_selection + self._find_selection
        )

    def highlight_entity(self, entity_id: int | None) -> int:
        """Outline every mention of one entity; returns how many there are."""
        self.highlighted_entity = entity_id
        self._entity_selection = []
        if entity_id is not None and self.marks is not None:
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setBackground(QColor("#ffeb3b"))
            fmt.setForeground(QColor("#000000"))
            for m, _n, _t in self.marks.mentions:
                if m.entity_id == entity_id:
                    self._entity_selection.append(self._selection(m.start, m.end, fmt))
        self._refresh_extra()
        if self._entity_selection:
            self.browser.setTextCursor(self._entity_selection[0].cursor)  # type: ignore[attr-defined]
            self.browser.ensureCursorVisible()
        return len(self._entity_selection)

    def shade_spans(self, spans: list[tuple[int, int, QColor]]) -> None:
        """Background shades under the marks (the compare view's aligned passages): the
        names keep their entity colours inside a shaded passage."""
        self._base_shades = list(spans)
        self._render()

    def scroll_to_offset(self, offset: int, end: int | None = None) -> None:
        """Show (and select) the text at a code-point offset."""
        if self._utf16 is None:
            return
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(self._utf16.to_utf16(offset))
        if end is not None:
            cursor.setPosition(self._utf16.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()

    def select_form_at(self, offset: int, forms: Sequence[str]) -> None:
        """Show the text at ``offset`` with the longest of ``forms`` written there
        selected (a search hit: the words the query found, as the article writes them)."""
        text = self.detail.text if self.detail is not None else ""
        for form in sorted(forms, key=len, reverse=True):
            if form and text.startswith(form, offset):
                self.scroll_to_offset(offset, offset + len(form))
                return
        self.scroll_to_offset(offset)

    # ---- find ---------------------------------------------------------------------------
    def find(self, query: str) -> int:
        """Mark every occurrence of ``query`` (see :func:`desktop.search.find_in_text`: a
        word with the marks on its last letter, a phrase whole); returns the count."""
        self._find_selection, self._find_spans, self._find_index = [], [], -1
        if self.detail is not None:
            self._find_spans = find_in_text(self.detail.text, query)
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#ff9800"))
            fmt.setForeground(QColor("#000000"))
            self._find_selection = [self._selection(a, b, fmt) for a, b in self._find_spans]
        count = len(self._find_spans)
        self.find_bar.status.setText(self.tr("{0} found").format(count) if query else "")
        self._refresh_extra()
        if count:
            self.find_next(1)
        return count

    def find_next(self, step: int) -> None:
        if not self._find_spans:
            return
        self._find_index = (self._find_index + step) % len(self._find_spans)
        a, b = self._find_spans[self._find_index]
        self.scroll_to_offset(a, b)
        self.find_bar.status.setText(
            self.tr("{0} of {1}").format(self._find_index + 1, len(self._find_spans))
        )
