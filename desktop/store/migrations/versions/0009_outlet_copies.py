"""one article per outlet: the same text under two outlets (an agency's story run by
both) is two articles; the content hash is no longer unique on its own

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 20:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_constraint("uq_documents_content_hash", type_="unique")
        batch.create_index("ix_documents_content_hash", ["content_hash"])


def downgrade() -> None:
    copies = op.get_bind().exec_driver_sql(
        "SELECT count(*) - count(DISTINCT content_hash) FROM documents"
    ).scalar()
    if copies:
        raise RuntimeError(
            f"{copies} articles are copies of another under another outlet; the older "
            "schema holds one article per text: delete them first"
        )
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_content_hash")
        batch.create_unique_constraint("uq_documents_content_hash", ["content_hash"])
