"""Plain read results: what the CLI and the UI get from the store (no ORM objects)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class OutletRow:
    id: int
    name: str
    name_ar: str | None
    documents: int


@dataclass(frozen=True)
class DocumentRow:
    id: int
    stem: str
    title: str
    outlet_id: int | None
    outlet: str | None
    published: dt.date | None
    url: str | None
    author: str | None
    source_path: str
    char_count: int
    word_count: int

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "stem": self.stem,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.published.isoformat() if self.published else None,
            "url": self.url,
            "author": self.author,
            "source": self.source_path,
            "chars": self.char_count,
            "words": self.word_count,
        }


@dataclass(frozen=True)
class DocumentDetail:
    row: DocumentRow
    text: str
    #: (start, end, repeated) per paragraph
    paragraphs: list[tuple[int, int, bool]] = field(default_factory=list)
    #: (paragraph index, start, end) per sentence
    sentences: list[tuple[int, int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class StoreCounts:
    documents: int
    outlets: int
    entities: int
    mentions: int


@dataclass(frozen=True)
class EntityRow:
    id: int
    key: str | None
    name: str
    name_en: str | None
    type: str
    origin: str
    confirmed: bool
    documents: int
    mentions: int
    #: distinct surface forms seen in the texts
    aliases_seen: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "key": self.key,
            "name": self.name,
            "name_en": self.name_en,
            "type": self.type,
            "origin": self.origin,
            "confirmed": self.confirmed,
            "documents": self.documents,
            "mentions": self.mentions,
            "aliases_seen": self.aliases_seen,
            "outlets": self.outlets,
        }


@dataclass(frozen=True)
class MentionRow:
    id: int
    document_id: int
    entity_id: int
    start: int
    end: int
    surface: str
    kind: str
    confidence: float
    sentence_idx: int | None
    #: the sentence the mention stands in (original text)
    sentence: str = ""


@dataclass(frozen=True)
class EntityDetail:
    row: EntityRow
    #: (alias as written, mentions) most frequent first
    alias_counts: list[tuple[str, int]]
    #: (document id, title, outlet, mentions)
    documents: list[tuple[int, str, str | None, int]]
    mentions: list[MentionRow]
    details: dict[str, object] = field(default_factory=dict)
