"""outlet names: the names of outlets the user merged into another, so that their
articles imported later join the outlet they were merged into

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-25 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outlet_names",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["outlets.id"],
            name=op.f("fk_outlet_names_outlet_id_outlets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_outlet_names")),
    )
    with op.batch_alter_table("outlet_names") as batch:
        batch.create_index(batch.f("ix_outlet_names_key"), ["key"], unique=False)
        batch.create_index(batch.f("ix_outlet_names_outlet_id"), ["outlet_id"], unique=False)


def downgrade() -> None:
    op.drop_table("outlet_names")
