"""Contacts taking part in an activity are looked up by contact: the activity is listed on
their page too, not only on the page of the contact it was planned with.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 19:30:00.000000
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("activity_participants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_participants_contact_id"), ["contact_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("activity_participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_participants_contact_id"))
