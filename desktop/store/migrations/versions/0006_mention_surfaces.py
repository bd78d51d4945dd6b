"""mention surfaces: each distinct written form stored once, mentions keep its id

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 22:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _mentions(name: str, surface: sa.Column[object]) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        surface,
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("sentence_idx", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_mentions_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name="fk_mentions_entity_id_entities",
            ondelete="CASCADE",
        ),
        *(
            [sa.ForeignKeyConstraint(["surface_id"], ["surfaces.id"], name="fk_mentions_surface_id_surfaces")]
            if surface.name == "surface_id"
            else []
        ),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
    )


def _swap(select_sql: str) -> None:
    op.execute(f"INSERT INTO mentions_new {select_sql}")
    op.drop_table("mentions")
    op.rename_table("mentions_new", "mentions")
    op.create_index("ix_mentions_document_start", "mentions", ["document_id", "start"])
    op.create_index("ix_mentions_entity_document", "mentions", ["entity_id", "document_id"])


def upgrade() -> None:
    op.create_table(
        "surfaces",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_surfaces"),
        sa.UniqueConstraint("text", name="uq_surfaces_text"),
    )
    op.execute("INSERT INTO surfaces (text) SELECT DISTINCT surface FROM mentions")
    _mentions("mentions_new", sa.Column("surface_id", sa.Integer(), nullable=False))
    _swap(
        'SELECT m.id, m.document_id, m.entity_id, m.start, m."end", s.id, m.kind, '
        "m.sentence_idx, m.confidence FROM mentions AS m JOIN surfaces AS s ON s.text = m.surface"
    )


def downgrade() -> None:
    _mentions("mentions_new", sa.Column("surface", sa.String(length=300), nullable=False))
    _swap(
        'SELECT m.id, m.document_id, m.entity_id, m.start, m."end", s.text, m.kind, '
        "m.sentence_idx, m.confidence FROM mentions AS m JOIN surfaces AS s ON s.id = m.surface_id"
    )
    op.drop_table("surfaces")
