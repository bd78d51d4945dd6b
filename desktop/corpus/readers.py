"""One small reader per format; each turns a file's bytes into article records.

A reader raises :class:`UnreadableFileError` when the whole file cannot be read, and reports
a bad record inside an otherwise good file as a problem without dropping the others: one
whose article holds bytes that are not text in the encoding of the rest of the file (a
word saved in another encoding), or the last one of a file cut inside a character.
"""

from __future__ import annotations

import csv
import functools
import html
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import Any, BinaryIO

from desktop.corpus.columnar import PARQUET, ColumnarError, columnar_records, kind_of
from desktop.corpus.decode import (
    ESCAPED_RE,
    NOT_TEXT,
    DecodeError,
    Text,
    decode_bytes,
    decode_in_slices,
    decode_stream,
    decode_text,
)
from desktop.corpus.fields import FieldMapping, as_text
from desktop.corpus.html_reader import extract_article, site_may_lead
from desktop.corpus.markup import html_text, markup_records
from desktop.corpus.office import OfficeError, office_text
from desktop.corpus.outlets import OutletDirectory, OutletSignature
from desktop.corpus.sheets import SheetError, workbook_records

TEXT_EXTS = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_EXTS = frozenset({".html", ".htm", ".xhtml"})
JSON_EXTS = frozenset({".json"})
JSONL_EXTS = frozenset({".jsonl", ".ndjson"})
CSV_EXTS = frozenset({".csv", ".tsv"})
#: tagged corpora (the Arabic Gigaword's SGML, XML exports, RSS feeds)
MARKUP_EXTS = frozenset({".xml", ".sgml", ".sgm"})
#: spreadsheets, one article a row
SHEET_EXTS = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
#: word processors' documents, one article a file
OFFICE_EXTS = frozenset({".docx", ".odt"})
#: the files of one article each, which a sidecar ``NAME.json`` beside them describes
SINGLE_EXTS = TEXT_EXTS | HTML_EXTS | OFFICE_EXTS
#: columnar tables (Parquet, Arrow, Feather), one article a row
COLUMNAR_EXTS = frozenset({".parquet", ".pq", ".parq", ".arrow", ".arrows", ".ipc", ".feather"})
#: the record files the import reads a piece at a time when they are large (never
#: holding one whole), from the disk or from an archive's temporary file
STREAMED_EXTS = JSONL_EXTS | JSON_EXTS | CSV_EXTS | MARKUP_EXTS | COLUMNAR_EXTS
ARTICLE_EXTS = (
    TEXT_EXTS
    | HTML_EXTS
    | JSON_EXTS
    | JSONL_EXTS
    | CSV_EXTS
    | MARKUP_EXTS
    | SHEET_EXTS
    | OFFICE_EXTS
    | COLUMNAR_EXTS
)
#: keys under which JSON exports commonly wrap their list of articles
WRAPPERS = (
    "articles",
    "data",
    "items",
    "results",
    "records",
    "documents",
    "docs",
    "posts",
    "news",
    "entries",
    "rows",
    "hits",
    "values",
)


class UnreadableFileError(Exception):
    """The whole file cannot be imported; ``str(exc)`` is the reason shown to the user."""


@dataclass
class RawArticle:
    """An article as read, before outlet resolution and storage."""

    text: str
    source: str
    stem: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None
    #: a web page's titles that may name its site («جريدة الرياض | …»), when the page
    #: declares no site of its own: its og:title, then its <title> (a heading is the
    #: article's, and may name another outlet: «حوار خاص - العربية» in a Riyadh page)
    page_titles: tuple[str, ...] = ()
    #: where ``date`` was read, as the import report names it: «column "date"», «field
    #: "published_at"», «meta "article:published_time"»
    date_from: str | None = None


@dataclass
class FileResult:
    articles: list[RawArticle] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    #: what the import report says of a file read (a table's columns not read), not a
    #: problem: (file, note)
    notes: list[tuple[str, str]] = field(default_factory=list)


def _decode(data: bytes) -> str:
    """The text of a file that is one article, or :class:`UnreadableFileError`."""
    try:
        return decode_bytes(data)[0]
    except DecodeError as exc:
        raise UnreadableFileError(str(exc)) from exc


def _decode_records(data: bytes) -> Text:
    """The text of a file of records, in which bytes that are not text are kept as
    escapes for :func:`records_result` to refuse the records that hold them, or
    :class:`UnreadableFileError`."""
    try:
        return decode_text(data)
    except DecodeError as exc:
        raise UnreadableFileError(str(exc)) from exc


#: why the last record of a file cut inside a character is not read
CUT_SHORT = "cut short: the file ends inside this record"


class Escaped(dict[str, Any]):
    """A record that holds bytes that are not text (kept as escapes): its article is
    refused if they are in it (picklable, as records go to worker processes)."""


@dataclass(frozen=True)
class Unreadable:
    """In place of a record that cannot be read at all: why."""

    reason: str


def has_escapes(value: Any) -> bool:
    """Whether a value read from a file, or anything in it, holds a byte kept as an
    escape."""
    if isinstance(value, str):
        return ESCAPED_RE.search(value) is not None
    if isinstance(value, Mapping):
        return any(has_escapes(k) or has_escapes(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_escapes(v) for v in value)
    return False


def marked(record: Any) -> Any:
    """A record read from text with escapes, marked :class:`Escaped` when it holds one."""
    if not isinstance(record, Mapping) or isinstance(record, Escaped):
        return record
    try:
        holds = has_escapes(record)
    except RecursionError:  # nested too deeply to tell: its article is looked at
        holds = True
    return Escaped(record) if holds else record


def visible(text: str) -> str:
    """``text`` with the bytes kept as escapes shown as U+FFFD, the replacement
    character (a message may quote what a file holds; an escape cannot be printed)."""
    return ESCAPED_RE.sub("\ufffd", text)


#: one file compressed: gzip, bzip2, xz
COMPRESSED_EXTS = frozenset({".gz", ".bz2", ".xz"})
#: tar archives, compressed or not
TAR_EXTS = (".tar", ".tgz", ".tbz2", ".tbz", ".txz", ".tar.gz", ".tar.bz2", ".tar.xz")


def is_tar(name: str) -> bool:
    return name.lower().endswith(TAR_EXTS)


def held_name(name: str) -> str:
    """The name of the file a compressed file holds (``news.jsonl.gz``: ``news.jsonl``);
    any other name as it is."""
    for ext in COMPRESSED_EXTS:
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return name


def _stem(name: str) -> str:
    return PurePosixPath(held_name(PurePosixPath(name.replace("\\", "/").split("!")[-1]).name)).stem


#: how many lines of a text file are read to tell whether it is a table
_TABLE_SNIFF_LINES = 2000


def _is_table(text: str, fields: FieldMapping) -> bool:
    """Whether a text file is a table, one record a row: a spreadsheet saved as "Unicode
    text" is one, tab-separated under a row of short column names, one of them the
    text's, with a row of as many cells among the next few. Its rows are read as
    :func:`csv_records` reads them: Excel writes a cell that holds line breaks between
    quotation marks, and a row of such cells spans several lines, none of which need
    hold as many tabs as the column names."""
    lines = itertools.islice(_lines(text.lstrip("\ufeff")), _TABLE_SNIFF_LINES)
    rows = csv.reader(lines, dialect=csv.excel, delimiter="\t")
    try:
        head = [cell.strip() for cell in next((row for row in rows if row), [])]
        if not (
            len(head) > 1
            and all(0 < len(cell) <= 40 for cell in head)
            and fields.key_for("text", head) is not None
        ):
            return False
        # at least half of the next few rows as wide, blank lines counted: an article
        # opening «الخبر⇥عاجل» over paragraphs, one of them with a tab, is no table
        after = list(itertools.islice(rows, 5))
        return 2 * sum(len(row) == len(head) for row in after) >= len(after) > 0
    except csv.Error:  # a NUL in a text is no table
        return False


#: how a web page opens: a doctype or <html>, after blanks and comments (a browser's
#: «<!-- saved from url=… -->»)
_HTML_PAGE_RE = re.compile(r"(?:\s|<!--.*?-->)*<(?:!doctype\s+html\b|html\b)", re.I | re.S)


def is_html_page(head: str) -> bool:
    """Whether text is a web page, by how it opens."""
    return _HTML_PAGE_RE.match(head.lstrip("\ufeff")) is not None


def read_plain(name: str, data: bytes, fields: FieldMapping) -> FileResult:
    """A text file: one article, or a table saved as «Unicode text»; a web page saved
    under a text name (``page.txt``) is read as the page it is."""
    text = _decode(data)
    if not text.strip():
        raise UnreadableFileError("empty file")
    if is_html_page(text[:SNIFF_BYTES]):
        return _page_result(name, text)
    if _is_table(text, fields):
        notes: list[str] = []
        rows = csv_records(name, data, fields, tabs=True, notes=notes)
        return _with_notes(name, records_result(name, rows, fields, kind=COLUMN), notes)
    return FileResult([RawArticle(text=text, source=name, stem=_stem(name))])


def read_office(name: str, data: bytes, _fields: FieldMapping) -> FileResult:
    """A Word document or an OpenDocument text: one article, its paragraphs one to a
    line and a blank line between them, titled by its opening title or heading
    (:mod:`desktop.corpus.office`)."""
    try:
        found = office_text(data, PurePosixPath(name).suffix)
    except OfficeError as exc:
        raise UnreadableFileError(str(exc)) from exc
    if not found.paragraphs:
        raise UnreadableFileError("empty document: it holds no text")
    return FileResult(
        [RawArticle(text=found.text, source=name, stem=_stem(name), title=found.title)]
    )


MARKDOWN_EXTS = frozenset({".md", ".markdown"})
_MD_HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_UNDERLINE_RE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_MD_RULE_RE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_MD_QUOTE_RE = re.compile(r"^ {0,3}>[ \t]?")
#: an image, a link (its address may hold one level of parentheses), emphasis by * or _
#: around words, not inside one («a**b**c», «__init__» stay)
_MD_IMAGE_RE = re.compile(r"!\[[^\]]*\]\((?:[^()]|\([^()]*\))*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^()]*\))*\)")
_MD_EMPHASIS_RE = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_FRONT_MATTER_END = ("---", "...")


def _md_inline(line: str) -> str:
    line = _MD_LINK_RE.sub(r"\1", _MD_IMAGE_RE.sub("", line))
    return _MD_EMPHASIS_RE.sub(r"\2", line)


_YAML_KEY_RE = re.compile(r"^[\"']?([^\s:#\"'-][^:\"']{0,40}?)[\"']?[ \t]*:(?:[ \t]+(.*))?$")
#: a front matter names at least one of these (a paragraph with a colon names none)
_FRONT_MATTER_KEYS = frozenset(
    {"title", "date", "author", "authors", "source", "العنوان", "التاريخ", "الكاتب"}
)
_YAML_BLOCK = (">", ">-", ">+", "|", "|-", "|+")


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """The fields of a YAML front matter block opening the text, and the lines after it
    (no block: nothing, and every line). A block is one only if every line in it is a
    ``key: value`` line, a value's indented continuation or a list item: a text opening
    with a rule («---») and closing a paragraph later with another is not one."""
    if not lines or lines[0].strip() != "---":
        return {}, lines
    end = next(
        (i for i, line in enumerate(lines[1:60], 1) if line.strip() in _FRONT_MATTER_END), None
    )
    if end is None:
        return {}, lines
    fields: dict[str, str] = {}
    key = ""
    for line in lines[1:end]:
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            continue  # a comment
        found = _YAML_KEY_RE.match(line)
        if found:
            key, value = found.group(1).strip().lower(), (found.group(2) or "").strip()
            fields[key] = "" if value in _YAML_BLOCK else value.strip("'\"")
        elif key and (line[:1] in (" ", "\t") or line.startswith("- ")):  # a value's lines
            item = line.strip()
            if item.startswith("- "):
                item = item[2:].strip().strip("'\"")
                fields[key] = f"{fields[key]}، {item}" if fields[key] else item
            else:
                fields[key] = f"{fields[key]} {item}".strip()
        else:
            return {}, lines  # not YAML: the text's own lines
    if not _FRONT_MATTER_KEYS & fields.keys():
        return {}, lines
    if "title" not in fields and fields.get("العنوان"):
        fields["title"] = fields["العنوان"]
    if "date" not in fields and fields.get("التاريخ"):
        fields["date"] = fields["التاريخ"]
    return fields, lines[end + 1 :]


def markdown_text(text: str) -> tuple[str, dict[str, str]]:
    """(the text without Markdown's marks, what the file says of itself: ``title`` from a
    front matter block or the opening heading, and the block's other fields): headings
    lose their «#» and underlines, quotations their «>», links and emphasis keep their
    words, images and rules go; the words are left as written."""
    fields, rows = _front_matter(text.splitlines())
    lines: list[str] = []
    title = fields.get("title") or None
    for line in rows:
        heading = _MD_HEADING_RE.match(line)
        if heading:
            line = _md_inline(heading.group(1)).strip()
            if title is None and not any(x.strip() for x in lines):
                title = line.strip() or None
        elif _MD_UNDERLINE_RE.match(line) and lines and lines[-1].strip():
            if title is None and sum(1 for x in lines if x.strip()) == 1:
                title = lines[-1].strip()
            continue  # a setext heading's underline
        elif _MD_RULE_RE.match(line):
            continue
        else:
            line = _md_inline(_MD_QUOTE_RE.sub("", line))
        lines.append(line)
    if title:
        fields["title"] = title
    return "\n".join(lines).strip("\n"), fields


def read_markdown(name: str, data: bytes, fields: FieldMapping) -> FileResult:
    """A Markdown article: :func:`read_plain` of its text without the marks, titled by
    its front matter or its opening heading, dated and signed by its front matter."""
    result = read_plain(name, data, fields)
    articles = []
    for article in result.articles:
        text, said = markdown_text(article.text)
        articles.append(
            replace(
                article,
                text=text,
                title=article.title or said.get("title"),
                date=article.date or said.get("date"),
                date_from=article.date_from
                or ('front matter "date"' if said.get("date") else None),
                author=article.author or said.get("author"),
            )
        )
    result.articles = articles
    return result


#: how a page's title joins the article's title and the site's name
_TITLE_SITE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " » ")


def site_in_title(title: str, directory: OutletDirectory) -> tuple[str, OutletSignature] | None:
    """(the article's title, the outlet) of a page title that names a known outlet
    after the article's title («… - العربية»), or before it (:func:`site_may_lead`: «جريدة
    الرياض | …», «سانا - …»); None when it names none. The outlet named again at either
    end («الوكالة العربية السورية للأنباء - سانا | …») goes from the title too."""
    found = _named_site(title, directory)
    if found is None:
        return None
    article, sig = found
    while (again := _named_site(article, directory)) is not None and again[1].key == sig.key:
        article = again[0]
    return article, sig


def _named_site(title: str, directory: OutletDirectory) -> tuple[str, OutletSignature] | None:
    for separator in _TITLE_SITE_SEPARATORS:
        if separator not in title:
            continue
        head, _sep, last = title.rpartition(separator)
        first, _sep, rest = title.partition(separator)
        for site, article, before in ((last, head, False), (first, rest, True)):
            site, article = site.strip(), article.strip()
            if article and site and (not before or site_may_lead(site)):
                sig = directory.by_name(site)
                if sig is not None:
                    return article, sig
    return None


def read_html(name: str, data: bytes) -> FileResult:
    return _page_result(name, _decode(data))


def _page_result(name: str, page: str) -> FileResult:
    art = extract_article(page)
    if not art.text.strip():
        raise UnreadableFileError("no article text found in the HTML")
    return FileResult(
        [
            RawArticle(
                text=art.text,
                source=name,
                stem=_stem(name),
                title=art.title,
                outlet=art.outlet,
                date=art.date,
                date_from=art.date_from,
                url=art.url,
                author=art.author,
                page_titles=(
                    tuple(t for t in dict.fromkeys((art.page_title, art.og_title)) if t)
                    if art.outlet is None
                    else ()
                ),
            )
        ]
    )


#: markup of a web page in a field: a scraper or a CMS export keeps it
_HTML_IN_FIELD_RE = re.compile(
    r"<(?:p|br|div|span|a|strong|em|b|i|u|h[1-6]|ul|ol|li|blockquote|figure|figcaption|img"
    r"|table|tr|td|section|article|iframe|script|style)\b[^<>]*>",
    re.IGNORECASE,
)
_BLANK_LINES_RE = re.compile(r"\n{3,}")
_ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.IGNORECASE)


#: a block a site puts inside an article's body («اقرأ أيضاً», share buttons, an ad)
_BOXED_RE = re.compile(
    r"""<[a-z]+\b[^<>]*\b(?:class|id)\s*=\s*["'][^"']*"""
    r"""(?:related|share|sharing|social|advert|\bads?\b|promo|newsletter|read-?more)""",
    re.IGNORECASE,
)


def _field_text(text: str) -> str:
    """A field's text without the web page's markup it may hold (paragraphs as line
    ends) and with its entities read («&#8220;» as «“»). A body that holds a site's
    boxes (related articles, share buttons, ads) is read as a page is, without them,
    unless that would lose most of it."""
    if _HTML_IN_FIELD_RE.search(text):
        plain = html_text(text)
        if _BOXED_RE.search(text):
            body = extract_article(text).text  # a line a paragraph: as html_text, apart
            if len(body) >= 0.8 * len(plain.strip()):
                plain = "\n\n".join(line for line in body.split("\n") if line.strip())
        lines = (line.strip() for line in plain.split("\n"))
        return _BLANK_LINES_RE.sub("\n\n", "\n".join(lines))
    if _ENTITY_RE.search(text):
        return html.unescape(text)
    return text


#: fields also looked for one object down when the record does not have them (not the
#: title or the id: a category's {"title": …} is not the article's)
_NESTED_FIELDS = frozenset({"date", "outlet", "author", "url"})


#: what a record's fields are called in the import report: a table's are its columns
FIELD, COLUMN = "field", "column"


def record_to_article(
    record: Mapping[str, Any],
    fields: FieldMapping,
    source: str,
    stem: str,
    *,
    markup: bool = True,
    kind: str = FIELD,
) -> RawArticle | str:
    """An article, or the reason the record has none. ``markup``: whether the text and
    title may hold HTML and entities to read (not when a tagged file has read them);
    ``kind``: what the record's fields are called (:data:`FIELD`, :data:`COLUMN`). A
    field the user named by a dotted path (``--field date=meta.pub``) is read there."""
    record = fields.resolved(record)
    keys = [str(k) for k in record]
    text_key = fields.key_for("text", keys)
    if text_key is None or isinstance(record[text_key], Mapping):
        record = _nested_record(record, fields) or record
        keys = [str(k) for k in record]
        text_key = fields.key_for("text", keys)
    if text_key is None:
        return f"no text field (looked for {fields.describe('text')})"
    value = record.get(text_key)
    text = as_text(value)
    if text and markup:
        text = _field_text(text)
    if not text or not text.strip():
        if isinstance(value, Mapping) and value:
            inner = ", ".join(str(k) for k in list(value)[:6])
            return (
                f"field '{text_key}' holds an object without text (its fields: {inner}); "
                f"name the one to read with --field text=FIELD"
            )
        return f"empty text in field '{text_key}'"

    def found(name: str) -> tuple[str | None, str | None]:
        """(the field's value, the key it is under)."""
        key = fields.key_for(name, keys)
        if key is not None:
            return as_text(record.get(key)), key
        if name not in _NESTED_FIELDS:
            return None, None
        for inner in record.values():  # a scraper's {"meta": {"published_at": …}}
            if isinstance(inner, Mapping):
                key = fields.key_for(name, [str(k) for k in inner])
                value = as_text(inner.get(key)) if key is not None else None
                if value:
                    return value, key
        return None, None

    def get(name: str) -> str | None:
        return found(name)[0]

    ident = get("id")
    author = get("author")
    date, date_key = found("date")
    title = get("title")
    if title and markup:
        title = _field_text(title)
    return RawArticle(
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        source=source,
        stem=f"{stem}-{ident}" if ident else stem,
        title=" ".join(title.split()) if title else None,
        outlet=get("outlet"),
        date=date,
        url=get("url"),
        author=author.replace("\n", "، ") if author else None,
        date_from=f'{kind} "{date_key}"' if date else None,
    )


def _has_text(value: Any, fields: FieldMapping) -> bool:
    """Whether a value is an object with a text field."""
    return (
        isinstance(value, Mapping)
        and fields.key_for("text", [str(k) for k in fields.resolved(value)]) is not None
    )


def _text_holder(record: Mapping[str, Any], fields: FieldMapping) -> Mapping[str, Any] | None:
    """The first object inside a record that has a text field."""
    return next((v for v in record.values() if _has_text(v, fields)), None)


def _nested_record(record: Mapping[str, Any], fields: FieldMapping) -> dict[str, Any] | None:
    """A record whose article is an object inside it (Elasticsearch's ``_source``,
    ``{"article": {...}, "meta": {...}}``) as one flat record: that object's fields,
    then the record's own values, then those of the objects beside it."""
    holder = _text_holder(record, fields)
    if holder is None:
        return None
    flat: dict[str, Any] = {}
    for value in record.values():
        if isinstance(value, Mapping) and value is not holder:
            flat.update(value)
    flat.update((k, v) for k, v in record.items() if not isinstance(v, Mapping))
    flat.update(holder)
    return flat


def records_result(
    name: str,
    records: Iterable[tuple[int | str, Any]],
    fields: FieldMapping,
    *,
    markup: bool = True,
    kind: str = FIELD,
) -> FileResult:
    """The articles of numbered records (a record with no article is a problem);
    ``markup`` and ``kind`` as for :func:`record_to_article`."""
    result = FileResult()
    stem = _stem(name)
    for number, record in records:
        where = f"{name}#{number}"
        if isinstance(record, Unreadable):
            result.problems.append((where, record.reason))
            continue
        if not isinstance(record, Mapping):
            result.problems.append((where, "record is not an object"))
            continue
        numbered = f"{stem}-{number}"
        art = record_to_article(record, fields, where, numbered, markup=markup, kind=kind)
        if isinstance(art, str):
            result.problems.append((where, visible(art)))
        elif isinstance(record, Escaped) and _article_escaped(art, len(numbered)):
            result.problems.append((where, NOT_TEXT))
        else:
            result.articles.append(art)
    return result


def _article_escaped(art: RawArticle, named: int) -> bool:
    """Whether what the article takes from its record holds a byte kept as an escape
    (``named``: how much of its stem is the file's name and the record's number)."""
    values = (art.text, art.title, art.outlet, art.date, art.url, art.author, art.stem[named:])
    return any(v and ESCAPED_RE.search(v) for v in values)


#: how many objects down a wrapped array of records is looked for
WRAPPED_DEPTH = 2


def _wrapped(obj: Mapping[str, Any], depth: int) -> list[Any] | None:
    """The list an object wraps under a usual key, looked for ``depth`` objects down as
    well, by the keys' order in ``WRAPPERS`` (when no array of records is found: an
    empty list, pandas's rows of values under ``data``)."""
    for key in WRAPPERS:
        for k, v in obj.items():
            if str(k).lower() == key and isinstance(v, list):
                return v
    if depth:
        for v in obj.values():
            if isinstance(v, Mapping) and (found := _wrapped(v, depth - 1)) is not None:
                return found
    return None


def is_record(value: Any, fields: FieldMapping) -> bool:
    """Whether a value can be an article's record: an object with a text field, or with
    an object that has one (:func:`_nested_record`)."""
    return _has_text(value, fields) or (
        isinstance(value, Mapping) and _text_holder(value, fields) is not None
    )


def records_array(obj: Mapping[str, Any], fields: FieldMapping, depth: int) -> list[Any] | None:
    """The first array of records under a usual wrapping key, in the order the file
    gives its keys, looked for ``depth`` objects down as well (``{"articles": {"results":
    [...]}}``, ``{"hits": {"hits": [...]}}``); an array counts when its first item can
    be an article (a list of categories under ``data`` does not). Large files are read
    the same way a record at a time (:mod:`desktop.corpus.jsonstream`)."""
    for k, v in obj.items():
        if isinstance(v, list):
            if str(k).lower() in WRAPPERS and v and is_record(v[0], fields):
                return v
        elif isinstance(v, Mapping) and depth:
            found = records_array(v, fields, depth - 1)
            if found is not None:
                return found
    return None


def _columns(obj: Mapping[str, Any], fields: FieldMapping) -> list[Any] | None:
    """The records of an object holding a table column by column (pandas's ``to_json()``
    by default: ``{"title": {"0": …, "1": …}, "text": {"0": …, "1": …}}``), or None if it
    is not one: each column an object of the same row numbers, holding plain values."""
    key = fields.key_for("text", [str(k) for k in obj])
    if key is None or len(obj) < 2 or not isinstance(obj[key], Mapping) or not obj[key]:
        return None
    columns = list(obj.values())
    if not all(isinstance(c, Mapping) for c in columns):
        return None
    rows = list(columns[0])
    if not all(str(r).isdigit() for r in rows) or any(set(c) != set(rows) for c in columns):
        return None
    if any(isinstance(v, (Mapping, list)) for c in columns for v in c.values()):
        return None
    return [{name: column[row] for name, column in obj.items()} for row in rows]


def _keyed(obj: Mapping[str, Any], fields: FieldMapping) -> list[Any] | None:
    """The records of an object holding one a key (pandas's ``orient="index"``, a
    database dump keyed by id), or None if it is not one: every value an object, most
    of them (two at least) records; those that are not are reported with the rest."""
    values = list(obj.values())
    if len(values) < 2 or not all(isinstance(v, Mapping) for v in values):
        return None
    records = sum(1 for v in values if _has_text(v, fields))
    return values if records >= 2 and 2 * records > len(values) else None


def _rows(rows: list[Any], columns: Any, fields: FieldMapping) -> list[Any]:
    """Records given as arrays of values as objects, named by ``columns`` (pandas's
    ``orient="split"``) or else by a first row of names (a spreadsheet's values)."""
    if not rows or not all(isinstance(r, list) for r in rows):
        return rows
    if not isinstance(columns, list):
        head = rows[0]
        if not all(isinstance(c, str) for c in head) or fields.key_for("text", head) is None:
            raise UnreadableFileError(
                "records are arrays of values without field names: save them as objects "
                "(pandas: orient='records' or lines=True) or as CSV with a header row"
            )
        columns, rows = head, rows[1:]
    names = [str(c) for c in columns]
    return [dict(zip(names, row, strict=False)) for row in rows]


def _unwrap(obj: Any, fields: FieldMapping) -> list[Any]:
    if isinstance(obj, list):
        return _rows(obj, None, fields)
    if isinstance(obj, Mapping):
        if (table := _columns(obj, fields)) is not None:
            return table
        # before the object itself: a feed's "description" is not its article
        if (found := records_array(obj, fields, WRAPPED_DEPTH)) is not None:
            return found
        if _has_text(obj, fields):
            return [obj]
        if (keyed := _keyed(obj, fields)) is not None:
            return keyed
        found = _wrapped(obj, WRAPPED_DEPTH)
        if found is None:
            return [obj]
        return _rows(found, obj.get("columns"), fields)
    raise UnreadableFileError("JSON holds neither an object nor an array of objects")


def json_records(data: bytes, fields: FieldMapping) -> list[Any]:
    """The records of a JSON file: an array, an object wrapping one, or one object; one
    that holds bytes that are not text marked :class:`Escaped`."""
    decoded = _decode_records(data)
    try:
        obj = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        if decoded.cut:
            raise UnreadableFileError(
                "malformed JSON: cut short, the file ends inside a character"
            ) from exc
        raise UnreadableFileError(f"malformed JSON: {exc.msg} (line {exc.lineno})") from exc
    except RecursionError as exc:
        raise UnreadableFileError("malformed JSON: nested too deeply") from exc
    records = _unwrap(obj, fields)
    return [marked(r) for r in records] if decoded.escaped else records


def read_json(name: str, data: bytes, fields: FieldMapping) -> FileResult:
    items = json_records(data, fields)
    result = records_result(name, enumerate(items, 1), fields)
    if not result.articles and len(items) == 1 and result.problems:
        raise UnreadableFileError(result.problems[0][1])
    return result


def read_jsonl(name: str, data: bytes, fields: FieldMapping, first: int = 1) -> FileResult:
    """One record a line; ``first``: the number of the first line when ``data`` is a
    piece of a larger file (records are named by their line in the file). A line that
    holds bytes that are not text gives a record marked :class:`Escaped`; the last line
    of a file cut inside a character is cut short."""
    text, _encoding, escaped, cut = _decode_records(data)
    lines = text.split("\n")
    bad: list[tuple[str, str]] = []
    # the file ends inside a character: its last line, not blank, is the record cut
    cut_short = first + len(lines) - 1 if cut else None

    def parsed() -> Iterable[tuple[int | str, Any]]:
        for number, line in enumerate(lines, first):
            if not line.strip():
                continue
            if number == cut_short:
                yield number, Unreadable(CUT_SHORT)
                continue
            mark = marked if escaped and ESCAPED_RE.search(line) else _same
            try:
                yield number, mark(json.loads(line))
            except (json.JSONDecodeError, RecursionError) as exc:
                several = _records_run_together(line) if _joined(exc) else None
                if several is not None:
                    # files joined without a final line end: «…}{…}» on one line; the
                    # second record is line N:2, the third N:3
                    for k, record in enumerate(several, 1):
                        yield (number if k == 1 else f"{number}:{k}"), mark(record)
                    continue
                reason = (
                    f"{exc.msg} (column {exc.colno})"
                    if isinstance(exc, json.JSONDecodeError)
                    else "nested too deeply"
                )
                bad.append((f"{name}#{number}", f"malformed JSON line: {reason}"))

    result = records_result(name, parsed(), fields)
    result.problems = bad + result.problems
    # a file of one record that cannot be read is a file that cannot be read (a piece
    # of a large file is not a file)
    if first == 1 and not result.articles and len(result.problems) == 1:
        raise UnreadableFileError(result.problems[0][1])
    return result


def _same(record: Any) -> Any:
    return record


def _joined(exc: Exception) -> bool:
    """The error of a line that may hold files joined: more after a value, or the byte
    order mark a joined file began with."""
    return isinstance(exc, json.JSONDecodeError) and (
        exc.msg == "Extra data" or exc.msg.startswith("Unexpected UTF-8 BOM")
    )


def _records_run_together(line: str) -> list[Any] | None:
    """The JSON values of a line that holds several one after the other, or one after a
    byte order mark (JSON Lines files joined without a line end between them, the next
    one starting with a BOM), or ``None`` when it is not that."""
    decoder = json.JSONDecoder()
    values: list[Any] = []
    at, end = 0, len(line)
    try:
        while True:
            while at < end and (line[at].isspace() or line[at] == "\ufeff"):
                at += 1
            if at == end:
                return values or None
            value, at = decoder.raw_decode(line, at)
            values.append(value)
    except (json.JSONDecodeError, RecursionError):
        return None


def _lines(text: str, start: int = 0) -> Iterator[str]:
    """The lines of ``text`` from ``start`` with their ends, one at a time
    (``io.StringIO`` would hold a second copy of a large file, at four bytes a
    character)."""
    while (end := text.find("\n", start)) != -1:
        yield text[start : end + 1]
        start = end + 1
    if start < len(text):
        yield text[start:]


#: how many lines past the one a quotation mark left open opens on are looked through for
#: the rows it ran on into, and how many lines the rows read from one of them may take
_RUN_ON_LINES = 1000
#: how many rows read from a line (as many as there are, if fewer) tell that it begins one
_ROWS_TO_TELL = 3


@functools.cache
def _field_ends(delimiter: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What ends a field that is not quoted, and what follows a quoted one where a
    program that writes CSV closes it (spaces are let pass)."""
    sep = re.escape(delimiter)
    return re.compile(f"[{sep}\n]"), re.compile(f" *(?:{sep}|\n|\\Z)")


def _run_on_quote(text: str, delimiter: str) -> tuple[int, bool] | None:
    """Where, in the text of a row as written (its lines), a quoted field opens that is
    never closed, or runs on past a line end and is not closed as a program that writes
    CSV closes one (Excel, pandas, Python's ``csv``: by a quotation mark followed by the
    separator or the line's end, one inside the field doubled), and whether it is open
    to the end of the text; ``None`` when there is none.

    Python's CSV reader reads a quoted field on to the next quotation mark whatever it
    meets, line ends and separators included: a field whose quotation mark is never
    closed takes in the rows after it, up to the end of the file, or up to the quotation
    mark that opens a quoted field in a later row (there followed by that field's text,
    not a separator) where the reader goes on with that row's text as the field's. A
    text of several paragraphs in quotation marks is closed as it should be and never
    found here. The fields are walked as the reader reads them (a quotation mark opens
    one only at its start; once a quoted field has closed, the rest of it up to a
    separator or the line's end is read as it stands).

    How the field is closed tells, not what it holds: a paragraph of an article may
    hold as many commas as a row has separators, and a field of many lines that look
    like rows may be a text quoting a table. Only in a field found here are the rows it
    took in looked for (:func:`_rows_after_quote`)."""
    ends, closes = _field_ends(delimiter)
    at, size = 0, len(text)
    while at < size:
        if text[at] == '"':
            close = at
            while True:
                close = text.find('"', close + 1)
                if close == -1:
                    return at, True
                if not text.startswith('"', close + 1):
                    break
                close += 1  # a doubled quotation mark, inside the field
            if closes.match(text, close + 1) is None and text.find("\n", at, close) != -1:
                return at, False
            at = close + 1
        end = ends.search(text, at)
        if end is None:
            return None
        at = end.end()
    return None


def _read_as_rows(lines: Iterable[str], width: int, delimiter: str) -> bool:
    """Whether the first rows ``lines`` hold (:data:`_ROWS_TO_TELL`, or as many as there
    are) have ``width`` cells, as rows written by a program do: a paragraph of an
    article's text rarely has as many separators (and one that has is followed by
    another paragraph that does not); the rows after the first may have fewer, but two.
    A line that opens a row of its own whose quotation mark is left open
    (:func:`_opens_run_on`) ends them: that row is told by itself."""
    lines = itertools.takewhile(
        lambda line: not _opens_run_on(line, width, delimiter),
        itertools.islice(lines, _RUN_ON_LINES),
    )
    rows = (row for row in csv.reader(lines, dialect=csv.excel, delimiter=delimiter) if row)
    told = 0
    try:
        for row in itertools.islice(rows, _ROWS_TO_TELL):
            # the first as many as the header; those after it may be short of cells (a
            # program that leaves empty cells out at a row's end), not of separators
            if len(row) != width and (not told or not min(2, width) <= len(row) < width):
                return False
            told += 1
    except csv.Error:
        return False
    return told > 0


def _opens_run_on(line: str, width: int, delimiter: str) -> bool:
    """Whether ``line`` reads as the start of a row, some cells then a quoted field,
    whose quotation mark the line leaves open: a row as broken as the one it follows
    (two such rows in a row were read as one, the second lost without a word)."""
    found = _run_on_quote(line, delimiter)
    if found is None or not found[1]:
        return False
    if not found[0]:  # its first cell: the others, if any, are read in what follows
        rest = next(csv.reader([line[1:]], dialect=csv.excel, delimiter=delimiter), [])
        return len(rest) >= width
    before = next(csv.reader([line[: found[0]]], dialect=csv.excel, delimiter=delimiter), [])
    return 1 <= len(before) - 1 < width


class _Lines:
    """Lines read one at a time, with lines put back to be read again first (a row
    read again from one of its lines, lines looked ahead at). Putting back never nests
    iterators: with thousands of broken rows, chained and copied iterators made each
    line cost as much as the rows before it."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self._back: list[str] = []  # the next line last

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        if self._back:
            return self._back.pop()
        return next(self._lines)

    def put_back(self, lines: Iterable[str]) -> None:
        self._back.extend(reversed(list(lines)))

    def ahead(self, taken: list[str]) -> Iterator[str]:
        """The lines to come, each read noted in ``taken`` (to be put back)."""
        for line in self:
            taken.append(line)
            yield line


def _rows_after_quote(text: str, at: int, lines: _Lines, width: int, delimiter: str) -> int | None:
    """Where the rows a field left open at ``at`` ran on into begin in ``text`` (the row
    as written): the first line after the one it opens on from which the lines, then
    those to come after the row, read as rows of ``width`` cells (:func:`_read_as_rows`)
    or that opens a row as broken (:func:`_opens_run_on`); ``None`` when none of its
    next :data:`_RUN_ON_LINES` lines does (a text cut short, or a quotation mark inside
    it not doubled: the row is kept as the CSV reader reads it). The lines to come
    looked at are put back."""
    start = text.find("\n", at) + 1
    for _ in range(_RUN_ON_LINES):
        if start == 0 or start >= len(text):
            break
        if text[start] != "\n":  # a blank line begins no row
            taken: list[str] = []
            try:
                here = itertools.chain(_lines(text, start), lines.ahead(taken))
                if _opens_run_on(next(_lines(text, start)), width, delimiter) or _read_as_rows(
                    here, width, delimiter
                ):
                    return start
            finally:
                lines.put_back(taken)
        start = text.find("\n", start) + 1
    return None


def _written_on(text: str, line: int) -> tuple[int, int]:
    """The first and last lines that are not blank of ``text``, lines of a file from its
    line ``line``."""
    first = line + text.count("\n", 0, len(text) - len(text.lstrip("\r\n")))
    return first, max(first, line + text.rstrip("\r\n").count("\n"))


def csv_records(
    name: str,
    data: bytes | Callable[[], BinaryIO],
    fields: FieldMapping,
    *,
    tabs: bool = False,
    notes: list[str] | None = None,
) -> Iterator[tuple[int, Any]]:
    """The numbered rows of a CSV file (its bytes, or how to open it to be read from
    disk) as mappings, read as they are asked for; a file without a header or a text
    column is refused at once, a malformed row ends the iteration with
    :class:`UnreadableFileError`. ``tabs``: known to be tab-separated; ``notes``: what
    the report says of its columns (:meth:`FieldMapping.unused_note`) is added to it. A
    row that holds bytes that are not text is marked :class:`Escaped`; the last row of a
    file cut inside a character is cut short. A row with a quotation mark never closed
    (:func:`_run_on_quote`) is :class:`Unreadable`, saying on which line it opened: the
    rows it ran on into are read again, from the line the first of them begins on
    (:func:`_rows_after_quote`); the last row, when the file ends inside its quoted
    field."""
    try:  # decoded a slice at a time: a CSV of hundreds of megabytes is common
        if isinstance(data, bytes):
            _encoding, slices, escaped, cut = decode_in_slices(data)
        else:
            _encoding, slices, escaped, cut = decode_stream(data)
    except DecodeError as exc:
        raise UnreadableFileError(str(exc)) from exc
    first = next(slices, "")
    delimiter = "\t"
    if not tabs:
        try:
            # the separator only: the rest is how Excel and pandas write every CSV (a
            # quotation mark doubled inside a quoted field). The sniffer said otherwise
            # of a file whose texts quote «"تفادي الخطر"», and cut its rows in pieces.
            delimiter = csv.Sniffer().sniff(first[:8192], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = "\t" if name.lower().endswith(".tsv") else ","
        # the sniffer is misled by texts of several lines (a semicolon file exported by
        # a European Excel was refused: «found: title;date;text»): the separator that
        # makes a text column of the first line wins
        header_line = first.lstrip("\ufeff").split("\n", 1)[0]

        def names_a_text_column(separator: str) -> bool:
            names = next(csv.reader([header_line], delimiter=separator), [])
            return fields.key_for("text", [n.strip() for n in names if n.strip()]) is not None

        if not names_a_text_column(delimiter):
            delimiter = next((d for d in ",;\t|" if names_a_text_column(d)), delimiter)
    csv.field_size_limit(2**31 - 1)
    # a slice ends with a line end: no line spans two
    source = _Lines(
        itertools.chain(_lines(first), itertools.chain.from_iterable(map(_lines, slices)))
    )
    # the lines of each row as the reader reads them (it reads no further than the end
    # of a row): a row of one line is as written, a row of several is looked at
    read: list[str] = []

    def feed() -> Iterator[str]:
        for line in source:
            read.append(line)
            yield line

    reader = csv.DictReader(feed(), dialect=csv.excel, delimiter=delimiter)
    try:
        header = [h for h in (reader.fieldnames or []) if h is not None]
    except csv.Error as exc:
        raise UnreadableFileError(f"malformed CSV: {exc}") from exc
    if not header:
        raise UnreadableFileError("CSV has no header row")
    if fields.key_for("text", header) is None:
        raise UnreadableFileError(
            f"CSV has no text column (looked for {fields.describe('text')}; "
            f"found: {visible(', '.join(header))})"
        )
    note = fields.unused_note(header)
    if note and notes is not None:
        notes.append(note)
    columns = reader.fieldnames

    def run_on(text: str, line: int) -> tuple[str, int] | None:
        """Of a row written on the lines ``text`` from line ``line``: when a quotation
        mark in it was left open and it took in rows, why it is not read and the line
        the rows begin on (its lines from there put back, to be read again)."""
        found = _run_on_quote(text, delimiter)
        if found is None:
            return None
        start = _rows_after_quote(text, found[0], source, len(header), delimiter)
        if start is None:
            return None
        opened = line + text.count("\n", 0, found[0])
        after = line + text.count("\n", 0, start)
        first, last = _written_on(text[:start], line)
        left_out = (
            "this row is left out, the rows after it are"
            if last == first
            else f"lines {first}–{last} are left out, the rows after them are"
        )
        source.put_back(_lines(text, start))
        reason = (
            f"a quotation mark opened on line {opened} is never closed: {left_out} read "
            f"from line {after}"
        )
        return reason, after

    def last(row: tuple[int, Any], text: str, line: int) -> tuple[int, Any]:
        """The last row, written on the lines ``text`` from line ``line``, or why it is
        not read: the file is cut inside a character, or ends inside a quoted field (a
        quotation mark never closed, or the file cut short)."""
        if not isinstance(row[1], dict):
            return row
        if cut:
            return row[0], Unreadable(CUT_SHORT)
        found = _run_on_quote(text, delimiter)
        if found is None or not found[1]:
            return row
        opened = line + text.count("\n", 0, found[0])
        first, last = _written_on(text, line)
        lines = f", lines {first}–{last} left out" if last > first else ""
        return row[0], Unreadable(
            f"a quotation mark opened on line {opened} is never closed: the file ends "
            f"inside this row{lines}"
        )

    def rows() -> Iterator[tuple[int, Any]]:
        nonlocal reader
        held: tuple[int, Any] | None = None  # the last row is known last
        number = 0
        done = len(read)  # the lines of the file read
        read.clear()
        text, line = "", 0  # the last row as written, and its first line
        while True:
            found = None
            try:
                for row in reader:
                    number += 1
                    if held is not None:
                        yield held
                    line = done + 1
                    done += len(read)
                    text = "".join(read)
                    if len(read) > 1:  # a quoted field holds line ends
                        found = run_on(text, line)
                    read.clear()
                    if found is not None:
                        held = number, Unreadable(found[0])
                        break
                    record = {k: v for k, v in row.items() if k is not None}
                    held = number, marked(record) if escaped else record
            except csv.Error as exc:
                if held is not None:
                    yield held
                raise UnreadableFileError(f"malformed CSV: {exc}") from exc
            if found is None:
                break
            done = found[1] - 1
            reader = csv.DictReader(feed(), columns, dialect=csv.excel, delimiter=delimiter)
        if held is not None:
            yield last(held, text, line)

    return rows()


def _with_notes(name: str, result: FileResult, notes: list[str]) -> FileResult:
    result.notes = [(name, note) for note in notes]
    return result


def read_csv(name: str, data: bytes, fields: FieldMapping) -> FileResult:
    notes: list[str] = []
    rows = csv_records(name, data, fields, notes=notes)
    return _with_notes(name, records_result(name, rows, fields, kind=COLUMN), notes)


def sheet_records(
    data: bytes, fields: FieldMapping, notes: list[str] | None = None, ext: str = ".xlsx"
) -> Iterator[tuple[int | str, Any]]:
    """The numbered rows of a spreadsheet's sheets of articles
    (:func:`~desktop.corpus.sheets.workbook_records`); a spreadsheet that cannot be read
    raises :class:`UnreadableFileError`."""
    try:
        yield from workbook_records(data, fields, notes, ext)
    except SheetError as exc:
        raise UnreadableFileError(str(exc)) from exc


def read_sheet(name: str, data: bytes, fields: FieldMapping) -> FileResult:
    notes: list[str] = []
    rows = sheet_records(data, fields, notes, PurePosixPath(name).suffix)
    return _with_notes(name, records_result(name, rows, fields, kind=COLUMN), notes)


def table_records(
    data: bytes | Callable[[], BinaryIO], fields: FieldMapping, notes: list[str] | None = None
) -> Iterator[tuple[int | str, Any]]:
    """The numbered rows of a Parquet or Arrow file, its bytes or how to open it to be
    read from disk (:func:`~desktop.corpus.columnar.columnar_records`); a file that
    cannot be read raises :class:`UnreadableFileError`."""
    try:
        yield from columnar_records(data, fields, notes)
    except ColumnarError as exc:
        raise UnreadableFileError(str(exc)) from exc


def read_table(name: str, data: bytes, fields: FieldMapping) -> FileResult:
    notes: list[str] = []
    rows = table_records(data, fields, notes)
    return _with_notes(name, records_result(name, rows, fields, kind=COLUMN), notes)


#: the first bytes of the character a file cut short ends inside, kept as escapes
_CUT_CHARACTER_RE = re.compile("[\udc80-\udcff]{1,3}\\Z")


def read_markup(name: str, data: bytes, fields: FieldMapping, first: int = 1) -> FileResult:
    """One article per record element (:mod:`desktop.corpus.markup`); ``first``: the
    number of the first record when ``data`` is a piece of a larger file. A record that
    holds bytes that are not text is refused; a file cut inside a character is read as
    one cut just before it."""
    text, _encoding, escaped, cut = _decode_records(data)
    if cut:
        text = _CUT_CHARACTER_RE.sub("", text)
    found = markup_records(text, fields)
    if not found.records:
        raise UnreadableFileError(
            "no article found in the markup: no element holds a text field "
            f"({fields.describe('text')}) or paragraphs"
        )
    numbered = (
        (first + ordinal - 1, marked(record) if escaped else record)
        for ordinal, record in found.records
    )
    result = records_result(name, numbered, fields, markup=False)  # read by the scan
    if found.cut_short:
        result.problems.append(
            (
                name,
                f"the file ends inside <{found.cut_short}>: its last article is imported "
                "as far as it goes",
            )
        )
    return result


_AS_TEXT = "save it as plain text (.txt) or a web page (.html)"
_AS_DOCUMENT = "save it as a Word document (.docx) or as plain text (.txt)"
#: what to do with kinds of file often met among corpora that are not read
_ADVICE = {
    ".zst": "decompress it (zstd -d), or compress it again as .gz or .xz",
    ".pdf": _AS_TEXT,
    ".doc": _AS_DOCUMENT,
    ".rtf": _AS_DOCUMENT,
    ".pages": _AS_DOCUMENT,
}


def unsupported(ext: str) -> str:
    """Why a file of type ``ext`` is skipped, and what to do about it when that is known."""
    advice = _ADVICE.get(ext.lower())
    return f"unsupported file type '{ext}'" + (f": {advice}" if advice else "")


#: how much of a file without an extension is read to tell what it holds
SNIFF_BYTES = 65536
UNSNIFFED = (
    "unsupported file type: its name has no extension, and it holds neither tagged text "
    "(XML, SGML, HTML), JSON nor a Parquet or Arrow table"
)


def sniffed_ext(head: bytes) -> str | None:
    """The type of a file whose name has none (the Arabic Gigaword's ``afp_arb_200001``
    or ``afp_arb_200001.gz``), from its first bytes: an XML declaration or a ``<DOC>``
    is tagged text, an HTML page is one, a first line that is a JSON object is JSON
    Lines, other JSON is JSON, a Parquet or Arrow file is one; anything else (a README,
    even one in HTML) is not read."""
    table = kind_of(head)
    if table is not None:
        return ".parquet" if table == PARQUET else ".arrow"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = start[:64].lower()
    if is_html_page(start.decode("latin-1")):  # its markup is ASCII, whatever its text
        return ".html"
    if lower.startswith((b"<?xml", b"<doc ", b"<doc>")):
        return ".xml"
    if start.startswith(b"{"):
        first = start.split(b"\n", 1)[0].strip()
        return ".jsonl" if first.endswith(b"}") else ".json"
    if start.startswith(b"["):
        return ".json"
    return None


def reader_for(ext: str) -> Callable[[str, bytes, FieldMapping], FileResult] | None:
    ext = ext.lower()
    if ext in MARKDOWN_EXTS:
        return read_markdown
    if ext in TEXT_EXTS:
        return read_plain
    if ext in HTML_EXTS:
        return lambda n, d, _f: read_html(n, d)
    if ext in JSON_EXTS:
        return read_json
    if ext in JSONL_EXTS:
        return read_jsonl
    if ext in CSV_EXTS:
        return read_csv
    if ext in MARKUP_EXTS:
        return read_markup
    if ext in SHEET_EXTS:
        return read_sheet
    if ext in OFFICE_EXTS:
        return read_office
    if ext in COLUMNAR_EXTS:
        return read_table
    return None


def with_metadata(article: RawArticle, meta: Mapping[str, Any]) -> RawArticle:
    """Fill the article's empty fields from a sidecar or manifest row."""
    mapping = FieldMapping()
    keys = [str(k) for k in meta]
    updates: dict[str, Any] = {}
    for name in ("title", "outlet", "date", "url", "author"):
        key = mapping.key_for(name, keys)
        value = as_text(meta.get(key)) if key is not None else None
        if value and not getattr(article, name):
            updates[name] = value
            if name == "date":
                updates["date_from"] = f'metadata "{key}"'
    return replace(article, **updates) if updates else article
