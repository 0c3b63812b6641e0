"""Invitations: a calendar UID per activity, the invitees and the ledger of what was sent.

Every existing activity gets its UID here. `activities` is only added to, never rebuilt:
rebuilding it in SQLite with foreign keys on would cascade-delete its participants.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 20:10:00.000000
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# A random version-4 UUID per row, computed in SQLite itself so a large store is quick.
SQLITE_UUID = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||"
    " substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||"
    " substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
)


def upgrade() -> None:
    op.add_column("activities", sa.Column("calendar_uid", sa.String(length=36), nullable=True))
    _fill_uids()
    op.create_index("ix_activities_calendar_uid", "activities", ["calendar_uid"], unique=True)

    with op.batch_alter_table("outgoing_mail", schema=None) as batch_op:
        batch_op.add_column(sa.Column("calendar", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(
            sa.Column("calendar_method", sa.String(length=20), server_default="", nullable=False)
        )

    op.create_table(
        "invitations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("folded", sa.String(length=320), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "answer",
            sa.Enum(
                "",
                "accepted",
                "tentative",
                "declined",
                name="invitationanswer",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("answer_sequence", sa.Integer(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_invitations_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitations")),
        sa.UniqueConstraint("activity_id", "folded", name=op.f("uq_invitations_activity_id")),
    )
    op.create_table(
        "invitation_sends",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invitation_id", sa.Integer(), nullable=False),
        sa.Column(
            "method",
            sa.Enum("REQUEST", "CANCEL", name="calendarmethod", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("mail_id", sa.Integer(), nullable=False),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["invitation_id"],
            ["invitations.id"],
            name=op.f("fk_invitation_sends_invitation_id_invitations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invitation_sends")),
    )
    with op.batch_alter_table("invitation_sends", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_invitation_sends_invitation_id"), ["invitation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_invitation_sends_mail_id"), ["mail_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("invitation_sends", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invitation_sends_mail_id"))
        batch_op.drop_index(batch_op.f("ix_invitation_sends_invitation_id"))
    op.drop_table("invitation_sends")
    op.drop_table("invitations")

    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not a batch rebuild: see above.
    op.drop_column("outgoing_mail", "calendar_method")
    op.drop_column("outgoing_mail", "calendar")
    op.drop_index("ix_activities_calendar_uid", table_name="activities")
    op.drop_column("activities", "calendar_uid")


def _fill_uids() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute(f"UPDATE activities SET calendar_uid = {SQLITE_UUID}")
        return
    if bind.dialect.name == "postgresql":
        op.execute("UPDATE activities SET calendar_uid = gen_random_uuid()::text")
        return
    ids = bind.execute(sa.text("SELECT id FROM activities")).scalars().all()
    bind.execute(
        sa.text("UPDATE activities SET calendar_uid = :uid WHERE id = :id"),
        [{"uid": str(uuid.uuid4()), "id": activity_id} for activity_id in ids],
    )
