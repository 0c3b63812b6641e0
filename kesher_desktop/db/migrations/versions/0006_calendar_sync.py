"""Google Calendar sync: each activity's event, the changes to push, the cursor and a log.

Only new tables: nothing existing is rebuilt, so no row elsewhere is touched.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 09:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _enum(*values: str, name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=20)


def upgrade() -> None:
    op.create_table(
        "calendar_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("calendar_id", sa.String(length=500), nullable=False),
        sa.Column(
            "state",
            _enum("none", "synced", "removed_in_google", "conflict", name="eventstate"),
            nullable=False,
        ),
        sa.Column("in_google", sa.Boolean(), nullable=False),
        sa.Column("agreed", sa.String(length=64), nullable=False),
        sa.Column("our_attendees", sa.Text(), nullable=False),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_calendar_links_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_links")),
        sa.UniqueConstraint("activity_id", name=op.f("uq_calendar_links_activity_id")),
    )
    op.create_table(
        "calendar_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(length=40), nullable=False),
        sa.Column("last_detail", sa.Text(), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_changes")),
    )
    with op.batch_alter_table("calendar_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_calendar_changes_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_calendar_changes_next_attempt_at"), ["next_attempt_at"], unique=False
        )

    op.create_table(
        "calendar_cursors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("calendar_id", sa.String(length=500), nullable=False),
        sa.Column("sync_token", sa.Text(), nullable=False),
        sa.Column("pulled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("halted", sa.String(length=40), nullable=False),
        sa.Column("halted_detail", sa.Text(), nullable=False),
        sa.Column("halted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resume_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_cursors")),
        sa.UniqueConstraint("calendar_id", name=op.f("uq_calendar_cursors_calendar_id")),
    )
    op.create_table(
        "calendar_sync_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "kind",
            _enum(
                "pushed",
                "pulled",
                "merged",
                "refused",
                "conflict",
                "failed",
                name="synclogkind",
            ),
            nullable=False,
        ),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("google_copy", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_sync_log")),
    )
    with op.batch_alter_table("calendar_sync_log", schema=None) as batch_op:
        batch_op.create_index("ix_calendar_sync_log_activity", ["activity_id", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("calendar_sync_log", schema=None) as batch_op:
        batch_op.drop_index("ix_calendar_sync_log_activity")
    with op.batch_alter_table("calendar_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_changes_next_attempt_at"))
        batch_op.drop_index(batch_op.f("ix_calendar_changes_activity_id"))

    op.drop_table("calendar_sync_log")
    op.drop_table("calendar_cursors")
    op.drop_table("calendar_changes")
    op.drop_table("calendar_links")
