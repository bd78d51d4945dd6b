"""Which field of a JSON/CSV record holds the title, the text, the outlet… .

Known field names are matched case-insensitively, Arabic ones whatever the form of their
alef, ta marbuta or alef maqsura («الصحيفه» is «الصحيفة»); ``--field text=body`` overrides
one, and ``--field date=meta.pub`` names one inside a nested record (a JSON object, a
Parquet or Arrow struct column) by its dotted path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from desktop.text.normalize import normalize

FIELDS = ("title", "text", "outlet", "date", "url", "author", "id")

DEFAULT_NAMES: dict[str, tuple[str, ...]] = {
    "title": (
        "title",
        "headline",
        "head_line",
        "heading",
        "article_title",
        "العنوان",
        "عنوان",
        "عنوان الخبر",
        "عنوان المقال",
        "عنوان المقالة",
        "العنوان الرئيسي",
    ),
    "text": (
        "content:encoded",  # a feed's whole article, beside its description
        "content",
        "content_text",  # JSON Feed's items
        "content_html",
        "text",
        "body",
        "article",
        "article_text",
        "articlebody",
        "full_text",
        "fulltext",
        "story",
        "maintext",
        "النص",
        "المحتوى",
        "نص",
        "نص الخبر",
        "نص المقال",
        "نص المقالة",
        "المتن",
        "متن",
        "متن الخبر",
        "محتوى",
        "محتوى الخبر",
        "تفاصيل الخبر",
        "التفاصيل",
        "الخبر",
        "المقال",
        "المقالة",
    ),
    "outlet": (
        "source",
        "outlet",
        "site",
        "publisher",
        "newspaper",
        "source_name",
        "sitename",
        "site_name",
        "website",
        "domain",
        "media",
        "channel",
        "agency",
        "المصدر",
        "الموقع",
        "مصدر",
        "مصدر الخبر",
        "الصحيفة",
        "صحيفة",
        "الجريدة",
        "جريدة",
        "المجلة",
        "الوكالة",
        "القناة",
        "الوسيلة",
        "الوسيلة الإعلامية",
        "وسيلة الإعلام",
        "الناشر",
        "الجهة الناشرة",
        "اسم الصحيفة",
        "اسم الجريدة",
        "اسم الموقع",
        "اسم المصدر",
    ),
    "date": (
        "date",
        "published",
        "publish_date",
        "published_date",
        "date_published",
        "published_at",
        "publishedat",
        "pubdate",
        "pub_date",
        "datepublished",
        "publication_date",
        "date_created",
        "created",
        "datetime",
        "date_extracted",
        "time",
        "timestamp",
        "created_at",
        "date_publish",
        "التاريخ",
        "تاريخ",
        "تاريخ النشر",
        "تاريخ الخبر",
        "تاريخ المقال",
        "التاريخ والوقت",
        "تاريخ ووقت النشر",
        "وقت النشر",
        "يوم النشر",
        "اليوم",
    ),
    "url": (
        "url",
        "link",
        "href",
        "source_url",
        "article_url",
        "permalink",
        "الرابط",
        "رابط",
        "رابط الخبر",
        "رابط المقال",
        "الرابط الأصلي",
        "رابط المصدر",
    ),
    "author": (
        "author",
        "byline",
        "authors",
        "writer",
        "الكاتب",
        "كاتب",
        "اسم الكاتب",
        "كاتب الخبر",
        "المحرر",
        "محرر",
        "المؤلف",
        "المراسل",
    ),
    "id": (
        "id",
        "_id",
        "article_id",
        "doc_id",
        "uid",
        "المعرف",
        "معرف",
        "الرقم",
        "رقم",
        "رقم الخبر",
        "رقم المقال",
        "الرقم التسلسلي",
    ),
}
#: used only when no text field is present
TEXT_FALLBACKS = ("description", "summary", "abstract", "lead", "الملخص", "ملخص", "الوصف")


@lru_cache(maxsize=8192)
def _folded(name: str) -> str:
    """A field name as it is matched: without surrounding spaces, in lower case, Arabic
    letters normalised, runs of spaces as one."""
    return " ".join(normalize(name).lower().split())


@lru_cache(maxsize=1024)
def _by_folded(keys: tuple[str, ...]) -> dict[str, str]:
    """A record's keys by their folded form (records of one file share their keys)."""
    return {_folded(k): k for k in keys}


@lru_cache(maxsize=1)
def _folded_defaults() -> dict[str, tuple[str, ...]]:
    return {
        field: tuple(_folded(n) for n in (*names, *(TEXT_FALLBACKS if field == "text" else ())))
        for field, names in DEFAULT_NAMES.items()
    }


#: a column a table writer adds that holds no article's field: pandas's index
#: («Unnamed: 0» in a CSV, «__index_level_0__» in Parquet)
_NO_FIELD_RE = re.compile(r"^(?:unnamed: ?\d+|__index_level_\d+__)$")


#: the fields an unread column may hold, as the import report names them
_NOTED_FIELDS = ("date", "outlet", "title", "author", "url")


class FieldMapping:
    """Resolves our field names to a record's keys."""

    def __init__(self, overrides: Mapping[str, str] | None = None) -> None:
        self.overrides = {k: v for k, v in (overrides or {}).items()}
        unknown = set(self.overrides) - set(FIELDS)
        if unknown:
            raise ValueError(
                f"unknown field {', '.join(sorted(unknown))}; known: {', '.join(FIELDS)}"
            )

    def path(self, field: str) -> tuple[str, ...] | None:
        """The dotted path the user named ``field`` by, into nested records
        (``meta.pub``: ``("meta", "pub")``), or None."""
        name = self.overrides.get(field)
        if name is None or "." not in name:
            return None
        parts = tuple(name.split("."))
        return parts if all(p.strip() for p in parts) else None

    def resolved(self, record: Mapping[str, Any]) -> Mapping[str, Any]:
        """``record`` with the value of each field named by a dotted path into its nested
        records (:meth:`path`) also under the path as a key (``"meta.pub"``), where the
        key of the fields is looked for; a record with a key so named (a table flattened
        by pandas's ``json_normalize``) or without the path is left as it is."""
        extra: dict[str, Any] = {}
        # read for every record of an import: only the fields the user named are looked at
        for field, name in self.overrides.items():
            parts = self.path(field)
            if parts is None:
                continue
            if _folded(name) in _by_folded(tuple(str(k) for k in record)):
                continue
            found = _walk(record, parts)
            if found is not _MISSING:
                extra[name] = found
        return {**record, **extra} if extra else record

    def key_for(self, field: str, keys: list[str]) -> str | None:
        """The record key that holds ``field``, or None."""
        folded = _by_folded(tuple(keys))
        if field in self.overrides:
            return folded.get(_folded(self.overrides[field]))
        for name in _folded_defaults()[field]:
            if name in folded:
                return folded[name]
        return None

    def unused(self, columns: list[str]) -> list[str]:
        """The columns of a table that no field is read from (not the empty ones, nor
        the index pandas writes)."""
        used = {_folded(k) for field in FIELDS if (k := self.key_for(field, columns))}
        return [
            c
            for c in columns
            if (name := _folded(c)) and name not in used and not _NO_FIELD_RE.match(name)
        ]

    def unused_note(self, columns: list[str]) -> str | None:
        """What the import report says of a table's columns that no field is read from
        (None when every column is read): which they are, the fields found in none, and
        how to read one."""
        unused = self.unused(columns)
        if not unused:
            return None
        # a field named by a path is where the user said, inside a nested column
        missing = [
            f for f in _NOTED_FIELDS if self.key_for(f, columns) is None and self.path(f) is None
        ]
        note = f"{'column' if len(unused) == 1 else 'columns'} not read: {', '.join(unused)}"
        if not missing:  # every field has its column: none of these is one («section»)
            return note
        return (
            note
            + f" (no column found for: {', '.join(missing)})"
            + f"; to read one, name its field: --field {missing[0]}=COLUMN"
        )

    def describe(self, field: str) -> str:
        if field in self.overrides:
            return self.overrides[field]
        return ", ".join(DEFAULT_NAMES[field])


#: what :func:`_walk` finds where a path leads nowhere (None is a value: a null)
_MISSING = object()


def _walk(value: Any, parts: tuple[str, ...]) -> Any:
    """The value at the end of a dotted path through nested records, keys matched as
    field names are (case, Arabic letters' forms); a key that holds a dot itself
    («meta.pub.date»'s «pub.date») is matched too. :data:`_MISSING` when there is none."""
    if not parts:
        return value
    if not isinstance(value, Mapping):
        return _MISSING
    keys = _by_folded(tuple(str(k) for k in value))
    for end in range(len(parts), 0, -1):  # the longest key first
        key = keys.get(_folded(".".join(parts[:end])))
        if key is not None:
            found = _walk(value[key], parts[end:])
            if found is not _MISSING:
                return found
    return _MISSING


def as_text(value: Any) -> str | None:
    """A record value as plain text: lists joined, objects by their name, None kept."""
    if value is None:
        return None
    if isinstance(value, str):
        s = value.strip()
        return s or None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, Mapping):
        # "rendered": a WordPress export's {"rendered": "<p>…"}; a scraper's
        # {"headline": {"main": …}, "content": {"html": …}}
        for key in (
            "name", "title", "text", "rendered", "html", "main", "body", "content",
            "value", "url", "id",
        ):  # fmt: skip
            if key in value:
                return as_text(value[key])
        return None
    if isinstance(value, (list, tuple)):
        parts = [p for p in (as_text(v) for v in value) if p]
        return "\n".join(parts) if parts else None
    return None
