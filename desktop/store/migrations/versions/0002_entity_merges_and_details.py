"""entity merges and details

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 19:33:54
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("details", sa.JSON(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_entities_merged_into_id_entities"),
            "entities",
            ["merged_into_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("entities", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_entities_merged_into_id_entities"), type_="foreignkey"
        )
        batch_op.drop_column("details")
        batch_op.drop_column("merged_into_id")
