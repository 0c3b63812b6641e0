"""Reminders learn their instant; the ledger of reminders delivered.

Existing reminders get no instant here: it depends on the user's zone, which only the app
knows. `ReminderService.refresh_fire_times()`, run as the reminder engine starts, fills it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fire_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("settled", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.create_index("ix_reminders_due", ["settled", "fire_at"], unique=False)

    op.create_table(
        "reminder_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column(
            "source",
            sa.Enum("reminder", "snooze", name="alertsource", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "pending",
                "shown",
                "dismissed",
                "skipped",
                name="alertoutcome",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("shown_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("dismissed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("offset_minutes", sa.Integer(), nullable=True),
        sa.Column("notify_others", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_reminder_alerts_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_alerts")),
        sa.UniqueConstraint(
            "activity_id", "source", "due_at", name=op.f("uq_reminder_alerts_activity_id")
        ),
    )
    with op.batch_alter_table("reminder_alerts", schema=None) as batch_op:
        batch_op.create_index(
            "ix_reminder_alerts_outcome_due", ["outcome", "due_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("reminder_alerts", schema=None) as batch_op:
        batch_op.drop_index("ix_reminder_alerts_outcome_due")

    op.drop_table("reminder_alerts")
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.drop_index("ix_reminders_due")
        batch_op.drop_column("settled")
        batch_op.drop_column("fire_at")
