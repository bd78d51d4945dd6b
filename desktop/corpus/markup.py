"""Records of a corpus in XML or SGML: one article per element that holds a text field.

News corpora shared by researchers often come as tagged text rather than JSON or CSV:
the Arabic Gigaword's ``<DOC id="AFP_ARB_20000101.0001"><HEADLINE>…<TEXT><P>…`` (SGML:
no root element, entities such as ``&AMP;``), the Abu El-Khair corpus's
``<Alittihad><URL>…<Headline>…<Text>…`` (the outlet as the record's tag), an RSS feed's
``<item><title>…<description>…``, or ``<doc title="…" date="…"><p>…</p></doc>``. None of
them need be well-formed XML, so the tags are scanned here, tolerantly, rather than
parsed: a closing tag closes the elements opened after its own, a stray one is ignored,
a record or a paragraph opened while one of its kind is open closes that one (SGML may
leave end tags out), and what is still open at the end is closed there. Every step is
linear in the text: a damaged file of any size is read in time.

A record is an element with a child element that is a text field (``TEXT``, ``body``,
``content``…, as :class:`FieldMapping` knows them), or a record element (``doc``,
``article``, ``item``…, or one with metadata attributes) made of paragraphs; an element
that holds records is a container, not a record, and a feed's channel never is one. Its
other children and attributes are its metadata, under their own names: ``HEADLINE`` is a
title, ``URL`` a link. Where no field gives them, a date of eight digits after letters in
the record's id (``AFP_ARB_20000101.0001``) is its date and those letters its outlet,
and a record's own tag, other than a generic one, names its outlet when it has no link.
HTML inside a field (an RSS description) is read as text.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from desktop.corpus.fields import DEFAULT_NAMES, TEXT_FALLBACKS, FieldMapping
from desktop.text.dates import parse_date

#: a declaration or processing instruction, or a tag: closing slash (1), name (2),
#: attributes (3); no branch can take what another does, so a tag that never closes
#: costs one look to the next ``<``
_TAG_RE = re.compile(r"<(?:[!?][^<>]*>|(/?)([^\W\d][\w.:-]*)((?:[^<>\"']|\"[^\"<]*\"|'[^'<]*')*)>)")
_ATTR_RE = re.compile(r"([\w.:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))")
#: elements that make a paragraph of their own
_BLOCKS = frozenset(
    {
        "p", "para", "paragraph", "div", "seg", "li", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "section", "ul", "ol", "table", "tr", "figure", "pre",
    }
)  # fmt: skip
#: elements that never hold anything
_VOID = frozenset({"br", "hr", "img", "wbr"})
#: elements that are records when made of paragraphs
_RECORD_TAGS = frozenset(
    {"doc", "document", "article", "story", "news", "item", "entry", "record", "post"}
)
#: record tags that name no outlet
_GENERIC = _RECORD_TAGS | {"row", "page", "text", "art", "result", "hit", "node"}
#: elements that are never records: a feed's or a document's metadata
_NOT_RECORDS = frozenset(
    {"channel", "feed", "head", "header", "meta", "metadata", "teiheader", "image", "textinput"}
)
_FIELD_NAMES = frozenset(name for names in DEFAULT_NAMES.values() for name in names) | set(
    TEXT_FALLBACKS
)
_META_FIELDS = ("title", "date", "url", "outlet")
#: letters, then a date of eight digits: ``AFP_ARB_20000101.0001``
_ID_DATE_RE = re.compile(r"^([A-Za-z][\w.-]*?)[_.-]?((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)")
#: deeper elements are read as their parent's text
_MAX_DEPTH = 200
#: a tag of HTML inside a field (an RSS description's CDATA or escaped markup)
_HTML_TAG_RE = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^<>]*>")
_HTML_BREAKS = frozenset({"p", "br", "div", "li", "tr", "blockquote", *(f"h{i}" for i in range(7))})


class _Para(str):
    """A paragraph child's text, whole: its line ends are paragraph ends."""

    __slots__ = ()


@dataclass
class _Element:
    tag: str
    lower: str
    attrs: dict[str, str]
    #: which element of its name it is in the text (1 for the first)
    ordinal: int
    #: inline text, the boundaries of paragraphs (None), and paragraph children's text
    parts: list[str | None] = field(default_factory=list)
    #: the children's contents by tag (the first of a name), and their own children's
    children: dict[str, str] = field(default_factory=dict)
    has_blocks: bool = False
    has_records: bool = False


@dataclass
class MarkupRecords:
    """What :func:`markup_records` found: the records, in order, each with the ordinal of
    its element among those of its name, and whether the text ended inside one."""

    records: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    cut_short: str | None = None
    #: the tag of the records (the first record's), for cutting a large file
    record_tag: str | None = None


def _without_comments(text: str) -> str:
    """The text without its comments; from an unclosed one on, as it is (one pass)."""
    out: list[str] = []
    at = 0
    while (i := text.find("<!--", at)) != -1 and (j := text.find("-->", i + 4)) != -1:
        out.append(text[at:i])
        at = j + 3
    out.append(text[at:])
    return "".join(out)


def html_text(text: str) -> str:
    """Text that may hold HTML: its tags, comments, scripts and styles gone (a paragraph
    or line ending as a line end), its entities read."""
    if "<" in text:
        text = _without_comments(text)
        out: list[str] = []
        at = 0
        skipping = ""  # inside a script or a style: its text is no text
        for m in _HTML_TAG_RE.finditer(text):
            if not skipping:
                out.append(text[at : m.start()])
            at = m.end()
            name = m.group(2).lower()
            if skipping:
                skipping = "" if m.group(1) and name == skipping else skipping
            elif name in ("script", "style") and not m.group(1):
                skipping = name
            elif name in _HTML_BREAKS:
                out.append("\n")
        if not skipping:
            out.append(text[at:])
        text = "".join(out)
    return html.unescape(text) if "&" in text else text


def _flatten(text: str) -> str:
    """The text with its comments gone and its CDATA sections as escaped text (read as
    HTML first: a feed's CDATA holds HTML). One pass: an unclosed comment or section is
    left as text, and once one is unclosed no later one is looked for to its end."""
    if "<!" not in text:
        return text
    out: list[str] = []
    at = 0
    closes = {"<!--": "-->", "<![CDATA[": "]]>"}
    unclosed: set[str] = set()
    while (i := text.find("<!", at)) != -1:
        opener = next((o for o in closes if text.startswith(o, i)), None)
        if opener is None or opener in unclosed:
            out.append(text[at : i + 2])
            at = i + 2
            continue
        j = text.find(closes[opener], i + len(opener))
        if j == -1:
            unclosed.add(opener)
            out.append(text[at : i + 2])
            at = i + 2
            continue
        out.append(text[at:i])
        if opener == "<![CDATA[":
            out.append(html.escape(html_text(text[i + len(opener) : j]), quote=False))
        at = j + len(closes[opener])
    out.append(text[at:])
    return "".join(out)


def _attrs(text: str) -> dict[str, str]:
    return {
        m.group(1): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for m in _ATTR_RE.finditer(text)
    }


def _content(el: _Element) -> str:
    """The element's text: each paragraph on a line of its own; inside a paragraph, or
    around paragraphs, runs of white space are one space; in an element without
    paragraphs, line ends are kept (a plain text field's own paragraphs)."""
    if not el.has_blocks and el.lower not in _BLOCKS:
        raw = "".join(p for p in el.parts if p)
        lines = (" ".join(line.split()) for line in raw.split("\n"))
        return "\n".join(line for line in lines if line)
    paras: list[str] = []
    run: list[str] = []
    for part in [*el.parts, None]:
        if part is not None and not isinstance(part, _Para):
            run.append(part)
            continue
        joined = " ".join("".join(run).split())
        if joined:
            paras.append(joined)
        run = []
        if part:
            paras.append(part)
    return "\n".join(paras)


def _is_record(el: _Element, fields: FieldMapping) -> bool:
    if el.has_records or el.lower in _NOT_RECORDS:
        return False
    if el.children and fields.key_for("text", list(el.children)) is not None:
        return True
    if not el.has_blocks:
        return False
    keys = list(el.attrs)
    return el.lower in _RECORD_TAGS or any(fields.key_for(f, keys) for f in _META_FIELDS)


def _id_parts(ident: str) -> tuple[str | None, dt.date | None]:
    """The letters before a date in an id, and the date (``AFP_ARB_20000101.0001``:
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
    if fields.key_for("text", list(el.children)) is None:  # a record made of paragraphs
        for key in [k for k in keys if fields.key_for("text", [k])]:
            del record[key]  # a text attribute is not the text
        record["text"] = _content(el)
        keys = list(record)
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
        elif el.lower not in _GENERIC and fields.key_for("url", keys) is None:
            record["outlet"] = el.tag
    return record


def _data(chunk: str) -> str:
    """Text between tags, its entities read once; escaped HTML it held (``&lt;p&gt;``, as
    an RSS description may) is read as HTML, its own entities with it."""
    text = html.unescape(chunk)
    return html_text(text) if "<" in text else text


def _scan(text: str) -> Iterator[tuple[str, re.Match[str] | None]]:
    """The text between tags (read: entities, HTML it may hold) and each tag, in order."""
    at = 0
    for m in _TAG_RE.finditer(text):
        if m.start() > at:
            yield _data(text[at : m.start()]), None
        at = m.end()
        if m.group(2) is not None:
            yield "", m
    if at < len(text):
        yield _data(text[at:]), None


def markup_records(text: str, fields: FieldMapping) -> MarkupRecords:
    """The records of tagged text (see the module's docstring)."""
    found = MarkupRecords()
    stack: list[_Element] = [_Element("", "", {}, 0)]  # the document itself
    open_tags: Counter[str] = Counter()
    seen: Counter[str] = Counter()

    def close() -> None:
        el = stack.pop()
        open_tags[el.lower] -= 1
        parent = stack[-1]
        if _is_record(el, fields):
            found.records.append((el.ordinal, _record(el, fields)))
            found.record_tag = found.record_tag or el.tag
            parent.has_records = True
            return
        parent.has_records |= el.has_records
        content = _content(el)
        if el.lower not in _FIELD_NAMES:  # a field's text is metadata, not the text
            if el.lower in _BLOCKS or el.has_blocks:
                parent.has_blocks = True
                parent.parts += (None, _Para(content), None)
            elif content:  # inline: the spaces at its edges kept
                raw = "".join(p for p in el.parts if p)
                before = " " if raw[:1].isspace() else ""
                after = " " if raw[-1:].isspace() else ""
                parent.parts.append(before + content + after)
        parent.children.setdefault(el.tag, content)
        for name, value in el.children.items():
            parent.children.setdefault(name, value)

    def close_through(lower: str) -> None:
        while stack[-1].lower != lower:
            close()
        close()

    record_lower = ""
    for data, tag in _scan(_flatten(text)):
        if tag is None:
            stack[-1].parts.append(data)
            continue
        name, attrs = tag.group(2), tag.group(3)
        lower = name.lower()
        if tag.group(1):  # a closing tag: closes what was opened after its element
            if open_tags[lower] > 0:
                close_through(lower)
            continue
        if lower in _VOID or attrs.rstrip().endswith("/"):
            if lower == "br":
                stack[-1].parts.append("\n")
            if lower == "link":  # Atom's <link href="…"/>: the article's own
                link = _attrs(attrs)
                if link.get("href") and link.get("rel", "alternate") == "alternate":
                    stack[-1].children.setdefault(name, link["href"])
            continue
        record_lower = record_lower or (found.record_tag or "").lower()
        left_open = lower == "p" or lower in _RECORD_TAGS or lower == record_lower
        if left_open and open_tags[lower] > 0:
            close_through(lower)  # an end tag left out
        if len(stack) > _MAX_DEPTH and not left_open:
            continue  # read as its parent's text (a record is still one)
        seen[lower] += 1
        open_tags[lower] += 1
        stack.append(_Element(name, lower, _attrs(attrs), seen[lower]))
    before = len(found.records)
    while len(stack) > 1:
        tag_name = stack[-1].tag
        close()
        if len(found.records) > before and found.cut_short is None:
            found.cut_short = tag_name
    return found
