"""Plain read results: what the CLI and the UI get from the store (no ORM objects)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: how a text may tell of an event other than as done, in the order they are read: the
#: words that deny it, ask for it or fear it, or tell it is to come (an event's details)
EVENT_MODALITIES = ("negated", "wished", "planned")


@dataclass(frozen=True)
class OutletRow:
    id: int
    name: str
    name_ar: str | None
    documents: int
    #: after a rename onto another outlet's name: the documents the renamed one gave it
    moved: int | None = None


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
    #: the outlet's Arabic name, when it is a known outlet
    outlet_ar: str | None = None

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
class RemovedDocuments:
    """What removing documents from the corpus removed."""

    #: the documents' ids
    documents: list[int]
    #: the outlets that had no other document, removed with them (by name)
    outlets: list[str] = field(default_factory=list)
    #: how many names the analysis had found only in them went with them
    entities: int = 0
    #: the outlets left without a document that the user renamed, kept with the name
    #: the user gave them (by name)
    outlets_kept: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "removed": self.documents,
            "outlets_removed": self.outlets,
            "outlets_kept": self.outlets_kept,
            "entities_removed": self.entities,
        }


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
    #: the Arabic names kept for ``outlets`` (those that have one), for the window
    outlets_ar: dict[str, str] = field(default_factory=dict)

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
class NameHolder:
    """An actor a name is already used for: as its name, an alias or a form it is written in
    (an actor merged into another counts as the other)."""

    id: int
    key: str | None
    name: str
    type: str
    ignored: bool
    #: the name is its name, or the name of one merged into it
    named: bool
    #: one of the forms is an alias of it
    aliased: bool
    #: its mentions written in one of the forms
    written: int
    #: all its mentions
    mentions: int


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
    #: the user ignores it: its mentions are not counted
    ignored: bool = False


@dataclass(frozen=True)
class LabelRow:
    id: int
    document_id: int
    entity_id: int | None
    entity_name: str | None
    start: int
    end: int
    text: str
    key: str | None
    category: str | None
    kind: str
    speaker_entity_id: int | None
    speaker_name: str | None
    sentence_idx: int | None
    details: dict[str, object] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "document": self.document_id,
            "entity_id": self.entity_id,
            "entity": self.entity_name,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "category": self.category,
            "kind": self.kind,
            "speaker_id": self.speaker_entity_id,
            "speaker": self.speaker_name,
            "details": self.details,
        }


@dataclass(frozen=True)
class QuoteRow:
    id: int
    document_id: int
    speaker_entity_id: int | None
    speaker_name: str | None
    speaker_text: str | None
    verb: str | None
    verb_category: str | None
    kind: str
    start: int
    end: int
    text: str
    word_count: int
    sentence_idx: int | None
    details: dict[str, object] = field(default_factory=dict)
    #: the actor the quotation came through («details["via"]», a key), by name
    via_name: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "document": self.document_id,
            "speaker_id": self.speaker_entity_id,
            "speaker": self.speaker_name,
            "speaker_text": self.speaker_text,
            "verb": self.verb,
            "verb_category": self.verb_category,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "words": self.word_count,
            "via": self.via_name,
            "details": self.details,
        }


@dataclass(frozen=True)
class EventRow:
    id: int
    document_id: int
    type: str
    trigger: str
    start: int
    end: int
    date: dt.date | None
    date_text: str | None
    place_id: int | None
    place_name: str | None
    #: (entity id, name, type)
    participants: list[tuple[int, str, str]]
    sentence_idx: int | None
    details: dict[str, object] = field(default_factory=dict)

    @property
    def negated(self) -> str | None:
        """The words before the trigger that deny the event («لم يتم التوصل إلى »), as
        written up to it, if any."""
        words = self.details.get("negated")
        return words if isinstance(words, str) and words else None

    @property
    def wished(self) -> str | None:
        """The words that make the event asked for, feared or possible, as written:
        before the trigger up to it («دعا إلى», «وطالب المجلس بـ», «احتمال »), or after
        it from its end (« بإدلب في أقرب وقت»), if any."""
        words = self.details.get("wished")
        return words if isinstance(words, str) and words else None

    @property
    def planned(self) -> str | None:
        """The words that tell the event is to come, as written: before the trigger up to
        it («ومن المقرر أن تعقد »), after it from its end (« المقبلة»), or the trigger
        itself («الجولة المقبلة», «سيزور»), if any."""
        words = self.details.get("planned")
        return words if isinstance(words, str) and words else None

    @property
    def modality(self) -> str | None:
        """How the text tells of the event: "negated", "wished", "planned", or None for
        one told as done."""
        for kind in EVENT_MODALITIES:
            if getattr(self, kind):
                return kind
        return None

    @property
    def shown_trigger(self) -> str:
        """The trigger with the words that deny it («دون التوصل إلى اتفاق»), ask for it
        («دعا إلى وقف إطلاق النار») or tell it is to come («المحادثات المقبلة»): what a
        list of events shows, so that an agreement not reached, a ceasefire called for
        or talks to be held do not read as ones that happened."""
        planned = self.planned
        if planned and not (self.negated or self.wished) and planned == self.trigger:
            return self.trigger
        words = self.negated or self.wished or planned
        if not words:
            return self.trigger
        if words[:1].isspace():  # the words after it («المحادثات المقبلة», «… في أقرب وقت»)
            return f"{self.trigger}{words}"
        # as written: a space before the trigger, or none after a fused proclitic («دون
        # التوصل لاتفاق»); an analysis before this stored the words without it
        return (
            f"{words}{self.trigger}"
            if words[-1:] in (" ", "ب", "ل")
            else (f"{words} {self.trigger}")
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "document": self.document_id,
            "type": self.type,
            "trigger": self.trigger,
            "negated": self.negated.strip() if self.negated else None,
            "wished": self.wished.strip() if self.wished else None,
            "planned": self.planned.strip() if self.planned else None,
            "start": self.start,
            "end": self.end,
            "date": self.date.isoformat() if self.date else None,
            "date_text": self.date_text,
            "place": self.place_name,
            "participants": [n for _i, n, _t in self.participants],
            "details": self.details,
        }
