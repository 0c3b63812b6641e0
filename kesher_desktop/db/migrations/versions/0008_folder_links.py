"""Folder links: which cloud service a linked folder is in, how to find it, and its check.

Only columns are added, with plain ALTER TABLE, as in 0007; existing rows are files, for
which the new columns stay empty (and "unchecked").

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 10:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "documents",
        sa.Column("link_service", sa.String(20), server_default="", nullable=False),
    )
    op.add_column(
        "documents", sa.Column("link_target", sa.Text, server_default="", nullable=False)
    )
    op.add_column("documents", sa.Column("link_path", sa.Text, server_default="", nullable=False))
    op.add_column(
        "documents",
        sa.Column("link_state", sa.String(20), server_default="unchecked", nullable=False),
    )
    op.add_column(
        "documents", sa.Column("link_checked_at", sa.DateTime(timezone=True), nullable=True)
    )


def downgrade() -> None:
    # Links made after the upgrade would read as files without content; they go with it.
    op.execute("DELETE FROM documents WHERE kind = 'link'")
    for column in ("link_checked_at", "link_state", "link_path", "link_target", "link_service"):
        op.drop_column("documents", column)
