"""entity statistics: per-entity mention and document counts, and surface forms

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 22:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_stats",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name="fk_entity_stats_entity_id_entities",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entity_id", name="pk_entity_stats"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "entity_forms",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("surface", sa.String(length=300), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name="fk_entity_forms_entity_id_entities",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entity_id", "surface", name="pk_entity_forms"),
        sqlite_with_rowid=False,
    )
    # the mentions already stored are counted now; from here on the writers keep the
    # counts in step
    op.execute(
        "INSERT INTO entity_stats (entity_id, mentions, documents) "
        "SELECT entity_id, count(*), count(DISTINCT document_id) FROM mentions "
        "GROUP BY entity_id"
    )
    op.execute(
        "INSERT INTO entity_forms (entity_id, surface, mentions) "
        "SELECT entity_id, surface, count(*) FROM mentions GROUP BY entity_id, surface"
    )


def downgrade() -> None:
    op.drop_table("entity_forms")
    op.drop_table("entity_stats")
