"""compact storage: compressed article text, clustered structure tables

Paragraphs, sentences and event participants become WITHOUT ROWID tables keyed by what
they are looked up by (no rowid, no second index); events get an index on their
document instead of their type; stored article text is zlib-compressed.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 22:10:00
"""

from __future__ import annotations

import zlib

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: the level desktop.store.models uses (kept here: a migration is a snapshot)
LEVEL = 3


def _paragraphs(name: str) -> None:
    op.create_table(
        name,
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("repeated", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_paragraphs_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "idx", name="pk_paragraphs"),
        sqlite_with_rowid=False,
    )


def _sentences(name: str) -> None:
    op.create_table(
        name,
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("paragraph_idx", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_sentences_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "idx", name="pk_sentences"),
        sqlite_with_rowid=False,
    )


def _participants(name: str, with_rowid: bool) -> None:
    op.create_table(
        name,
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name="fk_event_participants_entity_id_entities",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name="fk_event_participants_event_id_events",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "entity_id", name="pk_event_participants"),
        sqlite_with_rowid=with_rowid,
    )


def _swap(table: str, columns: str) -> None:
    op.execute(f"INSERT INTO {table}_new ({columns}) SELECT {columns} FROM {table}")
    op.drop_table(table)
    op.rename_table(f"{table}_new", table)


def _recode_text(encode: bool) -> None:
    conn = op.get_bind()
    rows = conn.exec_driver_sql("SELECT id, text FROM documents").fetchall()
    changed = []
    for doc_id, value in rows:
        if encode and isinstance(value, str):
            changed.append((zlib.compress(value.encode("utf-8"), LEVEL), doc_id))
        elif not encode and isinstance(value, bytes):
            changed.append((zlib.decompress(value).decode("utf-8"), doc_id))
    if changed:
        conn.exec_driver_sql("UPDATE documents SET text = ? WHERE id = ?", changed)


def upgrade() -> None:
    _paragraphs("paragraphs_new")
    _swap("paragraphs", 'document_id, idx, start, "end", repeated')
    _sentences("sentences_new")
    _swap("sentences", 'document_id, idx, paragraph_idx, start, "end"')
    _participants("event_participants_new", with_rowid=False)
    _swap("event_participants", "event_id, entity_id, role")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_type")
        batch_op.create_index("ix_events_document_id", ["document_id"], unique=False)
    _recode_text(encode=True)


def downgrade() -> None:
    _recode_text(encode=False)
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_document_id")
        batch_op.create_index("ix_events_type", ["type"], unique=False)
    _participants("event_participants_new", with_rowid=True)
    _swap("event_participants", "event_id, entity_id, role")
    for table, extra in (("paragraphs", "start, \"end\", repeated"), ("sentences", "paragraph_idx, start, \"end\"")):
        op.execute(f"ALTER TABLE {table} RENAME TO {table}_old")
        op.execute(
            f"CREATE TABLE {table} (id INTEGER NOT NULL, document_id INTEGER NOT NULL, "
            f"idx INTEGER NOT NULL, "
            + ", ".join(f"{c.strip()} INTEGER NOT NULL" for c in extra.split(","))
            + f", CONSTRAINT pk_{table} PRIMARY KEY (id), "
            f"CONSTRAINT uq_{table}_document_id_idx UNIQUE (document_id, idx), "
            f"CONSTRAINT fk_{table}_document_id_documents FOREIGN KEY(document_id) "
            "REFERENCES documents (id) ON DELETE CASCADE)"
        )
        op.execute(
            f"INSERT INTO {table} (document_id, idx, {extra}) "
            f"SELECT document_id, idx, {extra} FROM {table}_old"
        )
        op.drop_table(f"{table}_old")
