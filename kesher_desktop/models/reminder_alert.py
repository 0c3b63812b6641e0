"""The ledger of reminders delivered, snoozed or skipped: each fires once because of it."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kesher_desktop.models.activity import Activity, string_enum
from kesher_desktop.models.base import Base


class AlertSource(enum.StrEnum):
    REMINDER = "reminder"
    SNOOZE = "snooze"


class AlertOutcome(enum.StrEnum):
    PENDING = "pending"  # a snooze waiting for its instant
    SHOWN = "shown"  # delivered, still in the reminders panel
    # Delivered, then put away: dismissed, snoozed, done, or followed by a newer alert.
    DISMISSED = "dismissed"
    SKIPPED = "skipped"  # saved when already past; never delivered


class ReminderAlert(Base):
    """One delivery of a reminder or a snooze of an activity, at `due_at`.

    A reminder is claimed by inserting its row; the unique (activity, source, due_at) lets
    only one process win. Keyed by the activity and the instant rather than by reminder id,
    because reminder rows are written afresh on every edit: an edit that keeps the instant
    finds the row and does not fire again.
    """

    __tablename__ = "reminder_alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    source: Mapped[AlertSource] = mapped_column(string_enum(AlertSource))
    due_at: Mapped[datetime]
    outcome: Mapped[AlertOutcome] = mapped_column(string_enum(AlertOutcome))
    shown_at: Mapped[datetime | None]
    dismissed_at: Mapped[datetime | None]
    # Copied from the reminder, whose row an edit may replace while the alert is shown.
    offset_minutes: Mapped[int | None]
    notify_others: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]

    activity: Mapped[Activity] = relationship()

    __table_args__ = (
        UniqueConstraint("activity_id", "source", "due_at"),
        # Pending snoozes by instant, and the shown alerts of the panel.
        Index("ix_reminder_alerts_outcome_due", "outcome", "due_at"),
    )
