"""Activities on a contact (meetings, calls, tasks, logged e-mails) and their parts."""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Enum, ForeignKey, Index, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kesher_desktop.models.base import Base
from kesher_desktop.models.contact import Contact
from kesher_desktop.models.user import User


class ActivityKind(enum.StrEnum):
    MEETING = "meeting"
    CALL = "call"
    TASK = "task"
    EMAIL = "email"


class ParticipantRole(enum.StrEnum):
    PARTICIPANT = "participant"
    RESPONSIBLE = "responsible"


def string_enum(cls: type[enum.StrEnum]) -> Enum:
    # Stored by value, as plain strings, so PostgreSQL needs no native enum type.
    return Enum(cls, native_enum=False, values_callable=lambda e: [m.value for m in e], length=20)


class Activity(Base):
    """One thing planned or done with a contact.

    The state "overdue" is never stored: it follows from the activity's time, the clock and
    `done_at` (see `kesher_desktop.services.activity_state`).
    Times by kind: a meeting runs from `starts_at` to `ends_at`; a call happens at `starts_at`
    for `duration_minutes`; a task is due at `starts_at`, or, with no time, on `due_date` in
    the user's zone.
    """

    __tablename__ = "activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    kind: Mapped[ActivityKind] = mapped_column(string_enum(ActivityKind))
    title: Mapped[str] = mapped_column(String(500), default="")
    starts_at: Mapped[datetime | None]
    ends_at: Mapped[datetime | None]
    due_date: Mapped[date | None]
    duration_minutes: Mapped[int | None]
    location: Mapped[str] = mapped_column(String(500), default="")
    topics: Mapped[str] = mapped_column(Text, default="")
    send_invitation: Mapped[bool] = mapped_column(default=False)
    add_to_calendar: Mapped[bool] = mapped_column(default=False)
    done_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    deleted_at: Mapped[datetime | None]
    # A logged e-mail's headers; empty for the other kinds.
    email_from: Mapped[str] = mapped_column(Text, default="")
    email_to: Mapped[str] = mapped_column(Text, default="")
    email_cc: Mapped[str] = mapped_column(Text, default="")
    message_id: Mapped[str] = mapped_column(String(998), default="")
    # The UID of the activity's invitations, the same in every update and cancel. Set for
    # every row (older ones were given one by migration 0004); nullable only because SQLite
    # cannot add a NOT NULL column to a filled table without rebuilding it.
    calendar_uid: Mapped[str] = mapped_column(
        String(36), nullable=True, default=lambda: str(uuid.uuid4())
    )
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    contact: Mapped[Contact] = relationship()
    participants: Mapped[list[Participant]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="Participant.id"
    )
    reminders: Mapped[list[Reminder]] = relationship(
        back_populates="activity",
        cascade="all, delete-orphan",
        order_by="Reminder.offset_minutes",
    )

    __table_args__ = (
        Index("ix_activities_contact_deleted", "contact_id", "deleted_at"),
        Index("ix_activities_calendar_uid", "calendar_uid", unique=True),
    )


class Participant(Base):
    """A user or a contact taking part in an activity, or responsible for a task."""

    __tablename__ = "activity_participants"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[ParticipantRole] = mapped_column(string_enum(ParticipantRole))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # Indexed: a contact's page also lists the activities they take part in.
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )

    activity: Mapped[Activity] = relationship(back_populates="participants")
    user: Mapped[User | None] = relationship()
    contact: Mapped[Contact | None] = relationship()

    __table_args__ = (
        CheckConstraint("(user_id IS NULL) <> (contact_id IS NULL)", name="user_or_contact"),
    )


class Reminder(Base):
    """A reminder `offset_minutes` before the activity's time.

    `fire_at` is that instant in UTC, written with the reminder (see
    `kesher_desktop.services.reminder_arming`). `settled` is true once the reminder has
    nothing left to do: delivered, skipped, or its activity closed. It only keeps the due
    queries short; which delivery happened is the ledger's word (`ReminderAlert`), since
    reminder rows are written afresh on every edit.
    """

    __tablename__ = "reminders"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True
    )
    offset_minutes: Mapped[int]
    notify_others: Mapped[bool] = mapped_column(default=False)
    fire_at: Mapped[datetime | None]
    settled: Mapped[bool] = mapped_column(default=False, server_default=false())

    activity: Mapped[Activity] = relationship(back_populates="reminders")

    # The due queries walk only the unsettled reminders, in the order they fire.
    __table_args__ = (Index("ix_reminders_due", "settled", "fire_at"),)
