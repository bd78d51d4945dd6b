"""name filter keys: the filter key of each written form and of each English name, so
that the database filters the entity list

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop.text.normalize import name_order_key

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("surfaces") as batch:
        batch.add_column(sa.Column("key", sa.String(length=300), nullable=True))
    with op.batch_alter_table("entities") as batch:
        batch.add_column(sa.Column("name_en_key", sa.String(length=300), nullable=True))
    conn = op.get_bind()
    surfaces = conn.exec_driver_sql("SELECT id, text FROM surfaces").fetchall()
    if surfaces:
        conn.exec_driver_sql(
            "UPDATE surfaces SET key = ? WHERE id = ?",
            [(name_order_key(text), i) for i, text in surfaces],
        )
    english = conn.exec_driver_sql(
        "SELECT id, name_en FROM entities WHERE name_en IS NOT NULL"
    ).fetchall()
    if english:
        conn.exec_driver_sql(
            "UPDATE entities SET name_en_key = ? WHERE id = ?",
            [(name_order_key(name), i) for i, name in english],
        )


def downgrade() -> None:
    with op.batch_alter_table("entities") as batch:
        batch.drop_column("name_en_key")
    with op.batch_alter_table("surfaces") as batch:
        batch.drop_column("key")
