"""Attached files: a document's kind, its file's own date, and removal that can be undone.

Only columns are added, with plain ALTER TABLE; `documents` is not rebuilt, so the rows
mail tracking logged keep their ids. Existing rows are files (`kind` = 'file').

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 10:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "documents",
        sa.Column(
            "kind",
            sa.Enum("file", "link", name="documentkind", native_enum=False, length=20),
            server_default="file",
            nullable=False,
        ),
    )
    op.add_column(
        "documents", sa.Column("file_modified_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column("documents", sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+), the reverse of the plain ADD COLUMN above.
    op.drop_column("documents", "removed_at")
    op.drop_column("documents", "file_modified_at")
    op.drop_column("documents", "kind")
