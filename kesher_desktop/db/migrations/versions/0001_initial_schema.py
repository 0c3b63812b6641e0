"""The first schema: contacts, users, activities and the contact search index.

Revision ID: 0001
Revises:
Create Date: 2026-12-03 16:29:00.782291
"""

import sqlalchemy as sa
from alembic import op

from kesher_desktop.db.backend import backend_for

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("given_name", sa.String(length=200), nullable=False),
        sa.Column("family_name", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("sort_key", sa.String(length=400), nullable=False),
        sa.Column("search_rank", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
        sa.UniqueConstraint("search_rank", name=op.f("uq_contacts_search_rank")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index("ix_contacts_sort", ["sort_key", "id", "search_rank"], unique=False)

    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("color", sa.String(length=9), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("name", name=op.f("uq_tags_name")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("is_me", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
    )
    op.create_table(
        "activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "meeting",
                "call",
                "task",
                "email",
                name="activitykind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("location", sa.String(length=500), nullable=False),
        sa.Column("topics", sa.Text(), nullable=False),
        sa.Column("send_invitation", sa.Boolean(), nullable=False),
        sa.Column("add_to_calendar", sa.Boolean(), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("email_from", sa.Text(), nullable=False),
        sa.Column("email_to", sa.Text(), nullable=False),
        sa.Column("email_cc", sa.Text(), nullable=False),
        sa.Column("message_id", sa.String(length=998), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_activities_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
    )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_index(
            "ix_activities_contact_deleted", ["contact_id", "deleted_at"], unique=False
        )

    op.create_table(
        "contact_emails",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("folded", sa.String(length=320), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_emails_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_emails")),
    )
    with op.batch_alter_table("contact_emails", schema=None) as batch_op:
        batch_op.create_index("ix_contact_emails_contact", ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_emails_folded"), ["folded"], unique=False)

    op.create_table(
        "contact_fields",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_fields_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_fields")),
    )
    with op.batch_alter_table("contact_fields", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_fields_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "contact_phones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("e164", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_phones_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_phones")),
    )
    with op.batch_alter_table("contact_phones", schema=None) as batch_op:
        batch_op.create_index("ix_contact_phones_contact", ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_phones_e164"), ["e164"], unique=False)

    op.create_table(
        "contact_tags",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_tags_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_contact_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("contact_id", "tag_id", name=op.f("pk_contact_tags")),
    )
    op.create_table(
        "activity_participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "participant", "responsible", name="participantrole", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(user_id IS NULL) <> (contact_id IS NULL)",
            name=op.f("ck_activity_participants_user_or_contact"),
        ),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_activity_participants_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_activity_participants_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_activity_participants_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_participants")),
    )
    with op.batch_alter_table("activity_participants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_activity_participants_activity_id"), ["activity_id"], unique=False
        )

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("mime_type", sa.String(length=200), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("link_url", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_documents_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_documents_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_documents_activity_id"), ["activity_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_documents_contact_id"), ["contact_id"], unique=False)

    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("offset_minutes", sa.Integer(), nullable=False),
        sa.Column("notify_others", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_reminders_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminders")),
    )
    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reminders_activity_id"), ["activity_id"], unique=False
        )

    bind = op.get_bind()
    backend_for(bind.dialect.name).create_search_index(bind)


def downgrade() -> None:
    bind = op.get_bind()
    backend_for(bind.dialect.name).drop_search_index(bind)

    with op.batch_alter_table("reminders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reminders_activity_id"))

    op.drop_table("reminders")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_contact_id"))
        batch_op.drop_index(batch_op.f("ix_documents_activity_id"))

    op.drop_table("documents")
    with op.batch_alter_table("activity_participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_participants_activity_id"))

    op.drop_table("activity_participants")
    op.drop_table("contact_tags")
    with op.batch_alter_table("contact_phones", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_phones_e164"))
        batch_op.drop_index("ix_contact_phones_contact")

    op.drop_table("contact_phones")
    with op.batch_alter_table("contact_fields", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_fields_contact_id"))

    op.drop_table("contact_fields")
    with op.batch_alter_table("contact_emails", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_emails_folded"))
        batch_op.drop_index("ix_contact_emails_contact")

    op.drop_table("contact_emails")
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index("ix_activities_contact_deleted")

    op.drop_table("activities")
    op.drop_table("users")
    op.drop_table("tags")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_contacts_sort")

    op.drop_table("contacts")
