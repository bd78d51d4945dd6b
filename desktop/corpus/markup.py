"""Records of a corpus in XML or SGML: one article per element that holds a text field.

News corpora shared by researchers often come as tagged text rather than JSON or CSV:
the Arabic Gigaword's ``<DOC id="AFP_ARB_20000101.0001"><HEADLINE>…<TEXT><P>…`` (SGML:
no root element, entities such as ``&AMP;``), the Abu El-Khair corpus's
``<Alittihad><URL>…<Headline>…<Text>…`` (the outlet as the record's tag), an RSS feed's
``<item><title>…<description>…``, or ``<doc title="…" date="…"><p>…</p></doc>``. None of
them need be well-formed XML, so the tags are scanned here, tolerantly, rather than
parsed: a closing tag closes the elements opened after its own, a stray one is ignored,
and what is still open at the end is closed there.

A record is an element whose children or attributes include a text field (``TEXT``,
``body``, ``content``…, as :class:`FieldMapping` knows them), or one made of paragraphs
(``<p>``) that is not itself a field; an element that holds records is a container, not
a record. Its other children and attributes are its metadata, under their own names:
``HEADLINE`` is a title, ``URL`` a link. Where no field gives them, a date of eight
digits in the record's id (``AFP_ARB_20000101.0001``) is its date and what comes before
it its outlet, and a record's tag other than a generic one (``DOC``, ``item``…) names
its outlet.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from desktop.corpus.fields import DEFAULT_NAMES, TEXT_FALLBACKS, FieldMapping
from desktop.text.dates import parse_date

#: a comment, a CDATA section (group 1), a declaration or processing instruction, or a
#: tag: closing slash (2), name (3), attributes (4), self-closing slash (5)
_TAG_RE = re.compile(
    r"<(?:!--.*?-->|!\[CDATA\[(.*?)\]\]>|[!?][^>]*>"
    r"|(/?)([A-Za-z_][\w.:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)\s*(/?)>)",
    re.S,
)
_ATTR_RE = re.compile(r"([\w.:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))")
#: elements that make a paragraph of their own
_BLOCKS = frozenset({"p", "para", "paragraph", "div", "seg", "li", "h1", "h2", "h3", "h4"})
#: elements that never hold anything (``link`` and ``meta`` hold text in XML)
_VOID = frozenset({"br", "hr", "img", "wbr"})
#: HTML inside a field (an RSS description's CDATA or escaped markup): its tags go
_HTML_TAG_RE = re.compile(
    r"</?(?:p|br|div|span|a|b|i|u|em|strong|img|font|h[1-6]|ul|ol|li|blockquote|figure"
    r"|figcaption|iframe|table|tr|td|section|article)\b[^>]*>",
    re.I,
)
_HTML_BREAK_RE = re.compile(r"</?(?:p|br|div|h[1-6]|li|blockquote|tr)\b", re.I)
#: record tags that name no outlet
_GENERIC = frozenset(
    {
        "doc", "document", "article", "item", "entry", "record", "row", "story", "news",
        "post", "page", "text", "art", "result", "hit", "node",
    }
)  # fmt: skip
_FIELD_NAMES = frozenset(name for names in DEFAULT_NAMES.values() for name in names) | set(
    TEXT_FALLBACKS
)
_ID_DATE_RE = re.compile(r"^(.*?)[_.-]?((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)")


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    #: text and the children's contents, in order; a paragraph child is marked by None
    parts: list[str | None] = field(default_factory=list)
    #: the children's contents by tag (the first of a name), and their own children's
    children: dict[str, str] = field(default_factory=dict)
    has_blocks: bool = False
    has_records: bool = False


@dataclass
class MarkupRecords:
    """What :func:`markup_records` found: the records, in order, and whether the text
    ended inside one (a file cut short)."""

    records: list[dict[str, Any]] = field(default_factory=list)
    cut_short: str | None = None
    #: the tag of the records (the first record's), for cutting a large file
    record_tag: str | None = None


def _attrs(text: str) -> dict[str, str]:
    return {
        m.group(1): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for m in _ATTR_RE.finditer(text)
    }


def _content(el: _Element) -> str:
    """The element's text: each paragraph on a line of its own; inside a paragraph, or
    around paragraphs, runs of white space are one space; in an element without
    paragraphs, line ends are kept (a plain text field's own paragraphs)."""
    if not el.has_blocks and el.tag.lower() not in _BLOCKS:
        lines = (" ".join(line.split()) for line in "".join(p or "" for p in el.parts).split("\n"))
        return "\n".join(line for line in lines if line)
    paras: list[str] = []
    run: list[str] = []
    for part in [*el.parts, None]:
        if part is not None:
            run.append(part)
            continue
        joined = " ".join("".join(run).split())
        if joined:
            paras.append(joined)
        run = []
    return "\n".join(paras)


def _is_record(el: _Element, fields: FieldMapping) -> bool:
    if el.has_records or not (el.children or el.attrs or el.has_blocks):
        return False
    keys = [*el.children, *el.attrs]
    if fields.key_for("text", keys) is not None:
        return True
    return el.has_blocks and el.tag.lower() not in _FIELD_NAMES


def _id_parts(ident: str) -> tuple[str | None, dt.date | None]:
    """What comes before a date in an id, and the date (``AFP_ARB_20000101.0001``:
    ``AFP_ARB`` and 1 January 2000), or ``(None, None)``."""
    m = _ID_DATE_RE.match(ident.strip())
    if m is None:
        return None, None
    try:
        day = dt.date(int(m.group(2)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None, None
    return m.group(1).strip("_.- ") or None, day


def _record(el: _Element, fields: FieldMapping) -> dict[str, Any]:
    record: dict[str, Any] = {**el.attrs}
    for name, value in el.children.items():
        record.setdefault(name, value)
    keys = list(record)
    if fields.key_for("text", keys) is None:  # a record made of paragraphs
        record["text"] = _content(el)
        keys.append("text")
    ident_key = fields.key_for("id", keys)
    source, day = _id_parts(str(record.get(ident_key) or "") if ident_key else "")
    if fields.key_for("date", keys) is None:
        # a dateline that is a date (the Abu El-Khair corpus's), or the id's date
        dateline = next((v for k, v in record.items() if k.lower() == "dateline"), None)
        day = parse_date(dateline) or day
        if day is not None:
            record["date"] = day.isoformat()
    if fields.key_for("outlet", keys) is None:
        if source:
            record["outlet"] = source
        elif el.tag.lower() not in _GENERIC:
            record["outlet"] = el.tag
    return record


def _without_html(text: str) -> str:
    """Text that may hold HTML with its tags gone (a paragraph's or line's ending as a
    line end)."""
    if "<" not in text:
        return text
    return _HTML_TAG_RE.sub(lambda m: "\n" if _HTML_BREAK_RE.match(m.group(0)) else "", text)


def _scan(text: str) -> Iterator[tuple[str, re.Match[str] | None]]:
    """The text between tags (unescaped, without the tags of HTML it may hold) and each
    tag, in order."""
    at = 0
    for m in _TAG_RE.finditer(text):
        if m.start() > at:
            yield _without_html(html.unescape(text[at : m.start()])), None
        at = m.end()
        if m.group(1) is not None:  # CDATA: its text as it is, but for HTML tags
            yield _without_html(m.group(1)), None
        elif m.group(3) is not None:
            yield "", m
    if at < len(text):
        yield _without_html(html.unescape(text[at:])), None


def markup_records(text: str, fields: FieldMapping) -> MarkupRecords:
    """The records of tagged text (see the module's docstring)."""
    found = MarkupRecords()
    stack: list[_Element] = [_Element("", {})]  # the document itself

    def close() -> None:
        el = stack.pop()
        parent = stack[-1]
        if _is_record(el, fields):
            found.records.append(_record(el, fields))
            found.record_tag = found.record_tag or el.tag
            parent.has_records = True
            return
        parent.has_records |= el.has_records
        content = _content(el)
        lower = el.tag.lower()
        if lower in _BLOCKS:
            parent.has_blocks = True
            parent.parts += (None, content, None)
        else:
            parent.parts.append(content)
        parent.children.setdefault(el.tag, content)
        for name, value in el.children.items():
            parent.children.setdefault(name, value)

    for data, tag in _scan(text):
        if tag is None:
            stack[-1].parts.append(data)
            continue
        name = tag.group(3)
        lower = name.lower()
        if tag.group(2):  # a closing tag: closes what was opened after its element
            depth = next(
                (i for i in range(len(stack) - 1, 0, -1) if stack[i].tag.lower() == lower), 0
            )
            while depth and len(stack) > depth:
                close()
            continue
        if lower in _VOID or tag.group(5):
            if lower == "br":
                stack[-1].parts.append("\n")
            href = _attrs(tag.group(4)).get("href") if lower == "link" else None
            if href:  # Atom's <link href="…"/>
                stack[-1].children.setdefault(name, href)
            continue
        stack.append(_Element(name, _attrs(tag.group(4))))
    before = len(found.records)
    while len(stack) > 1:
        tag_name = stack[-1].tag
        close()
        if len(found.records) > before and found.cut_short is None:
            found.cut_short = tag_name
    return found
