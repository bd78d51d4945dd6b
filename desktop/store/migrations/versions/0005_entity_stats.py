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
    # counted on first use
    op.execute(
        "INSERT OR REPLACE INTO store_meta (key, value) VALUES ('entity_stats_stale', '1')"
    )


def downgrade() -> None:
    op.drop_table("entity_forms")
    op.drop_table("entity_stats")
    op.execute("DELETE FROM store_meta WHERE key = 'entity_stats_stale'")
