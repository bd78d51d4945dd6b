"""SQLAlchemy 2.0 typed models for the whole product.

Offsets: ``start``/``end`` are code-point indices into ``Document.text``, half-open.
"""

from __future__ import annotations

import datetime as dt
import zlib
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # an absent value is SQL NULL, not the JSON text "null"
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON(none_as_null=True)}


def core_table(model: type[Base]) -> Table:
    """The Core table of a model: executemany inserts through it skip the ORM's per-row
    bookkeeping (used by the bulk writers)."""
    return Base.metadata.tables[model.__tablename__]


class CompressedText(TypeDecorator[str]):
    """Text stored zlib-compressed (article bodies: about a third of their UTF-8 size).

    The column stays declared TEXT (SQLite stores the bytes as a BLOB in it), and reads
    accept plain text too, so rows written before compression still load. SQL cannot
    look inside the column: search goes through the FTS index, offsets through Python."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> bytes | None:
        return None if value is None else compress_text(value)

    def process_result_value(self, value: bytes | str | None, dialect: Dialect) -> str | None:
        if value is None or isinstance(value, str):
            return value
        return zlib.decompress(value).decode("utf-8")


#: zlib level for article bodies: 3 compresses nearly as well as 6 in half the time
TEXT_COMPRESSION = 3


def compress_text(text: str) -> bytes:
    """An article body as :class:`CompressedText` stores it (importers compress in their
    worker processes and hand the bytes to the one writing process)."""
    return zlib.compress(text.encode("utf-8"), TEXT_COMPRESSION)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Setting(Base):
    """Small key/value facts about the store itself (not user preferences)."""

    __tablename__ = "store_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Outlet(Base):
    __tablename__ = "outlets"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    name_ar: Mapped[str | None] = mapped_column(String(200))
    #: id of the signature entry in resources/outlets.tsv it was recognised by, if any
    key: Mapped[str | None] = mapped_column(String(64))
    #: the name imports know it by besides its own, once the user renamed it (its name
    #: as imported, or that of a renamed outlet merged into it): its articles imported
    #: later join it, and it is kept when its last document is removed
    import_name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)

    documents: Mapped[list[Document]] = relationship(back_populates="outlet")


class OutletName(Base):
    """A name imports know an outlet by besides its own: that of an outlet the user merged
    into it (its name, Arabic name, import name and directory key), so that the merged
    outlet's articles imported later join it."""

    __tablename__ = "outlet_names"
    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id", ondelete="CASCADE"), index=True)
    #: the directory key of the outlet merged, if it had one
    key: Mapped[str | None] = mapped_column(String(64), index=True)


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_id: Mapped[int | None] = mapped_column(
        ForeignKey("outlets.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    published_raw: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(300))
    #: where it came from: a file path, or "archive.zip!member", with "#N" for a record
    source_path: Mapped[str] = mapped_column(Text)
    #: the file name without extension, for the CLI's DOC argument
    stem: Mapped[str] = mapped_column(String(300), index=True)
    #: sha256 of the normalised, space-folded text: recognises the same article twice
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(CompressedText)
    char_count: Mapped[int] = mapped_column(Integer)
    word_count: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    #: version of the analysis that produced its mentions etc.; None = not analysed
    analysis_version: Mapped[int | None] = mapped_column(Integer)

    outlet: Mapped[Outlet | None] = relationship(back_populates="documents")
    paragraphs: Mapped[list[Paragraph]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Paragraph.idx"
    )
    sentences: Mapped[list[Sentence]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="Sentence.idx"
    )


class Paragraph(Base):
    __tablename__ = "paragraphs"
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    #: True when the paragraph repeats an earlier one of the same document (a teaser)
    repeated: Mapped[bool] = mapped_column(Boolean, default=False)
    # clustered by document: no rowid, no second index
    __table_args__ = ({"sqlite_with_rowid": False},)


class Sentence(Base):
    __tablename__ = "sentences"
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    paragraph_idx: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    __table_args__ = ({"sqlite_with_rowid": False},)


class Entity(Base):
    __tablename__ = "entities"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    #: :func:`~desktop.text.normalize.name_order_key` of the name, written with it
    sort_name: Mapped[str | None] = mapped_column(String(300))
    name_en: Mapped[str | None] = mapped_column(String(300))
    #: :func:`~desktop.text.normalize.name_order_key` of the English name, for the filter
    name_en_key: Mapped[str | None] = mapped_column(String(300))
    #: person | organisation | place | group | state | media
    type: Mapped[str] = mapped_column(String(20), index=True)
    #: gazetteer | discovered | user
    origin: Mapped[str] = mapped_column(String(20))
    #: the gazetteer id it comes from (stable across re-analysis)
    key: Mapped[str | None] = mapped_column(String(100), unique=True)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    ignored: Mapped[bool] = mapped_column(Boolean, default=False)
    #: set when the user merged this entity into another one
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL")
    )
    #: what the analysis learnt: a discovered person's title, nationality…
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)

    aliases: Mapped[list[Alias]] = relationship(
        back_populates="entity", cascade="all, delete-orphan", passive_deletes=True
    )


class Alias(Base):
    __tablename__ = "aliases"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(String(300))
    norm: Mapped[str] = mapped_column(String(300), index=True)
    #: gazetteer | rule | discovered | user
    origin: Mapped[str] = mapped_column(String(20))
    entity: Mapped[Entity] = relationship(back_populates="aliases")
    __table_args__ = (UniqueConstraint("entity_id", "norm"),)


class Surface(Base):
    """The distinct written forms of mentions: a mention stores the id, since the same few
    thousand forms recur across millions of mentions."""

    __tablename__ = "surfaces"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(String(300), unique=True)
    #: :func:`~desktop.text.normalize.name_order_key` of the text: what the entity list's
    #: filter looks for in the forms an entity was seen as
    key: Mapped[str | None] = mapped_column(String(300))


class Mention(Base):
    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    surface_id: Mapped[int] = mapped_column(ForeignKey("surfaces.id"))
    surface_ref: Mapped[Surface] = relationship(lazy="joined", innerjoin=True)
    #: name | surname | role | label | discovered
    kind: Mapped[str] = mapped_column(String(20))
    sentence_idx: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    __table_args__ = (
        Index("ix_mentions_document_start", "document_id", "start"),
        Index("ix_mentions_entity_document", "entity_id", "document_id"),
    )

    @property
    def surface(self) -> str:
        """The mention as written (``text[start:end]`` of its document)."""
        return self.surface_ref.text


class EntityStat(Base):
    """Per-entity counts kept from the mentions (the sidebar and the actor view read these
    without counting a million mentions). Every writer of mentions keeps them in step:
    an analysis's writes and removals of documents by what they counted before and
    after, merges by counting their entities again (see ``desktop/store/entities.py``)."""

    __tablename__ = "entity_stats"
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    mentions: Mapped[int] = mapped_column(Integer)
    documents: Mapped[int] = mapped_column(Integer)
    __table_args__ = ({"sqlite_with_rowid": False},)


class EntityForm(Base):
    """How often each entity is written each way (its surface forms)."""

    __tablename__ = "entity_forms"
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    surface: Mapped[str] = mapped_column(String(300), primary_key=True)
    mentions: Mapped[int] = mapped_column(Integer)
    __table_args__ = ({"sqlite_with_rowid": False},)


class Label(Base):
    """A word or phrase an outlet attaches to an actor (apposition, label, scare quote)."""

    __tablename__ = "labels"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    #: label lexicon key, when it comes from the lexicon
    key: Mapped[str | None] = mapped_column(String(100))
    #: official | neutral | delegitimising | legitimising | ...
    category: Mapped[str | None] = mapped_column(String(40))
    #: label | apposition | scare_quote | quoted_term | distancing
    kind: Mapped[str] = mapped_column(String(20))
    #: whose words they are, when attributed (e.g. a quoted label)
    speaker_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL")
    )
    sentence_idx: Mapped[int | None] = mapped_column(Integer)
    #: distancing that qualifies it, the voice of a scare quote…
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    __table_args__ = (Index("ix_labels_document_start", "document_id", "start"),)


class Quote(Base):
    __tablename__ = "quotes"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    speaker_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )
    #: the words naming the speaker as written (e.g. «المكتب»), when not an entity
    speaker_text: Mapped[str | None] = mapped_column(String(300))
    verb: Mapped[str | None] = mapped_column(String(100))
    verb_category: Mapped[str | None] = mapped_column(String(40))
    #: direct | partial | indirect
    kind: Mapped[str] = mapped_column(String(20))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    sentence_idx: Mapped[int | None] = mapped_column(Integer)
    #: who relayed it (via), an unclosed quotation mark, a continued speaker…
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    __table_args__ = (Index("ix_quotes_document_start", "document_id", "start"),)


class Event(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    #: talks | meeting | call | statement | visit | ceasefire | offensive | casualties | ...
    type: Mapped[str] = mapped_column(String(40))
    trigger: Mapped[str] = mapped_column(String(200))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date | None] = mapped_column(Date)
    date_text: Mapped[str | None] = mapped_column(String(200))
    place_entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL")
    )
    sentence_idx: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))


class EventParticipant(Base):
    __tablename__ = "event_participants"
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    entity_id: Mapped[int] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str | None] = mapped_column(String(40))
    __table_args__ = ({"sqlite_with_rowid": False},)


class Annotation(Base):
    """A user's note on a document span or an entity."""

    __tablename__ = "annotations"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40), default="note")
    body: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class EntityEdit(Base):
    """A user's edit of the entity lexicon, replayed after every re-analysis."""

    __tablename__ = "entity_edits"
    id: Mapped[int] = mapped_column(primary_key=True)
    #: merge | split | rename | retype | alias_add | ignore
    op: Mapped[str] = mapped_column(String(20))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON(none_as_null=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    #: set when the edit has been undone
    undone: Mapped[bool] = mapped_column(Boolean, default=False)


__all__ = [
    "Alias",
    "Annotation",
    "Base",
    "Document",
    "Entity",
    "EntityEdit",
    "Event",
    "EventParticipant",
    "Label",
    "Mention",
    "Outlet",
    "Paragraph",
    "Quote",
    "Sentence",
    "Setting",
]
