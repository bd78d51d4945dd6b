"""Which field of a JSON/CSV record holds the title, the text, the outlet… .

Known field names are matched case-insensitively; ``--field text=body`` overrides one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

FIELDS = ("title", "text", "outlet", "date", "url", "author", "id")

DEFAULT_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading", "article_title", "العنوان", "عنوان"),
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
        "media",
        "channel",
        "agency",
        "المصدر",
        "الموقع",
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
    ),
    "url": ("url", "link", "href", "source_url", "article_url", "permalink", "الرابط"),
    "author": ("author", "byline", "authors", "writer", "الكاتب"),
    "id": ("id", "_id", "article_id", "doc_id", "uid"),
}
#: used only when no text field is present
TEXT_FALLBACKS = ("description", "summary", "abstract", "lead")


class FieldMapping:
    """Resolves our field names to a record's keys."""

    def __init__(self, overrides: Mapping[str, str] | None = None) -> None:
        self.overrides = {k: v for k, v in (overrides or {}).items()}
        unknown = set(self.overrides) - set(FIELDS)
        if unknown:
            raise ValueError(
                f"unknown field {', '.join(sorted(unknown))}; known: {', '.join(FIELDS)}"
            )

    def key_for(self, field: str, keys: list[str]) -> str | None:
        """The record key that holds ``field``, or None."""
        lower = {k.strip().lower(): k for k in keys}
        if field in self.overrides:
            wanted = self.overrides[field].strip().lower()
            return lower.get(wanted)
        for name in DEFAULT_NAMES[field]:
            if name in lower:
                return lower[name]
        if field == "text":
            for name in TEXT_FALLBACKS:
                if name in lower:
                    return lower[name]
        return None

    def describe(self, field: str) -> str:
        if field in self.overrides:
            return self.overrides[field]
        return ", ".join(DEFAULT_NAMES[field])


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
