"""entity sort names: the order key of each name, so that the database sorts and pages
the entity list

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 07:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.text.normalize import name_order_key

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("sort_name", sa.String(length=300), nullable=True))
    conn = op.get_bind()
    rows = conn.exec_driver_sql("SELECT id, name FROM entities").fetchall()
    if rows:
        conn.exec_driver_sql(
            "UPDATE entities SET sort_name = ? WHERE id = ?",
            [(name_order_key(name), entity_id) for entity_id, name in rows],
        )


def downgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.drop_column("sort_name")
