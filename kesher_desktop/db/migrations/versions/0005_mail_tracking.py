"""Mail tracking: the user's tag secret, the mailboxes read and each message handled once.

`users` is only added to, never rebuilt: rebuilding it in SQLite with foreign keys on would
cascade-delete the participants that point at it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 20:15:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("tracking_key", sa.LargeBinary(length=32), nullable=True))

    op.create_table(
        "tracked_mailboxes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=500), nullable=False),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracked_mailboxes")),
        sa.UniqueConstraint("key", name=op.f("uq_tracked_mailboxes_key")),
    )
    op.create_table(
        "tracked_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.String(length=998), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "logged",
                "review",
                "discarded",
                "calendar",
                name="messageoutcome",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "reason",
            sa.Enum(
                "",
                "no_match",
                "forged_tag",
                "unknown_contact",
                name="reviewreason",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("mailbox_id", sa.Integer(), nullable=True),
        sa.Column("uidvalidity", sa.BigInteger(), nullable=True),
        sa.Column("uid", sa.BigInteger(), nullable=True),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("sender", sa.Text(), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("raw_sha256", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["mailbox_id"],
            ["tracked_mailboxes.id"],
            name=op.f("fk_tracked_messages_mailbox_id_tracked_mailboxes"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tracked_messages")),
        sa.UniqueConstraint("message_id", name=op.f("uq_tracked_messages_message_id")),
    )
    with op.batch_alter_table("tracked_messages", schema=None) as batch_op:
        batch_op.create_index(
            "ix_tracked_messages_uid", ["mailbox_id", "uidvalidity", "uid"], unique=False
        )
        batch_op.create_index("ix_tracked_messages_outcome", ["outcome"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tracked_messages", schema=None) as batch_op:
        batch_op.drop_index("ix_tracked_messages_outcome")
        batch_op.drop_index("ix_tracked_messages_uid")

    op.drop_table("tracked_messages")
    op.drop_table("tracked_mailboxes")
    # A plain DROP COLUMN (SQLite 3.35+), not a batch rebuild of `users`; see above.
    op.drop_column("users", "tracking_key")
