"""outlet import names: the name imports know an outlet by when the user renamed it, so
that its articles imported later join it under the user's name, and it is kept, with
that name, when its last document is removed

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 17:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from desktop.corpus.outlets import OutletDirectory

    with op.batch_alter_table("outlets") as batch:
        batch.add_column(sa.Column("import_name", sa.String(length=200), nullable=True))
    # an outlet recognised by the directory under a name the directory does not give it:
    # one the user renamed
    names = {sig.key: sig.name for sig in OutletDirectory.default().signatures}
    conn = op.get_bind()
    renamed = [
        (names[key], outlet_id)
        for outlet_id, name, key in conn.exec_driver_sql(
            "SELECT id, name, key FROM outlets WHERE key IS NOT NULL"
        )
        if key in names and names[key] != name
    ]
    if renamed:
        conn.exec_driver_sql("UPDATE outlets SET import_name = ? WHERE id = ?", renamed)


def downgrade() -> None:
    with op.batch_alter_table("outlets") as batch:
        batch.drop_column("import_name")
