"""Google Calendar sync: each activity's event, the changes waiting to go, the cursor, a log."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kesher_desktop.models.activity import string_enum
from kesher_desktop.models.base import Base


class EventState(enum.StrEnum):
    """Where an activity's event stands once nothing waits to be pushed for it.

    Waiting and failed are not stored: they follow from the changes still in the outbox.
    """

    NONE = "none"
    SYNCED = "synced"
    REMOVED_IN_GOOGLE = "removed_in_google"
    CONFLICT = "conflict"


class SyncLogKind(enum.StrEnum):
    PUSHED = "pushed"
    PULLED = "pulled"
    MERGED = "merged"
    REFUSED = "refused"
    CONFLICT = "conflict"
    FAILED = "failed"


class CalendarLink(Base):
    """An activity that has been, or is to be, an event in Google Calendar.

    `agreed` is the fingerprint of the fields both sides edit (title, place, times) as they
    stood when the two last agreed; comparing it with each side tells who changed what.
    `our_attendees` are the addresses we put on the event, one a line, so a later push
    removes only those and keeps whoever the user added in Google.
    """

    __tablename__ = "calendar_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), unique=True
    )
    event_id: Mapped[str] = mapped_column(String(64))
    calendar_id: Mapped[str] = mapped_column(String(500), default="")
    state: Mapped[EventState] = mapped_column(string_enum(EventState), default=EventState.NONE)
    # Whether the event is live in Google as far as the last push or pull could tell.
    in_google: Mapped[bool] = mapped_column(default=False)
    agreed: Mapped[str] = mapped_column(String(64), default="")
    our_attendees: Mapped[str] = mapped_column(Text, default="")
    synced_at: Mapped[datetime | None]


class CalendarChange(Base):
    """The outbox: "this activity changed", queued in the transaction of the change.

    The row says nothing of what changed; the worker pushes the activity as it is then,
    so several changes of one activity go as one. `done_at` is set once pushed and
    `next_attempt_at` cleared, so the index on it holds only what is still to go.
    """

    __tablename__ = "calendar_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    # No foreign key: the row must outlive an activity purged from the bin before it went.
    activity_id: Mapped[int] = mapped_column(index=True)
    queued_at: Mapped[datetime]
    next_attempt_at: Mapped[datetime | None] = mapped_column(index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    # A short code ("network", "quota_exceeded", ...) and what Google or the network said.
    last_error: Mapped[str] = mapped_column(String(40), default="")
    last_detail: Mapped[str] = mapped_column(Text, default="")
    done_at: Mapped[datetime | None]


class CalendarCursor(Base):
    """Per calendar: the sync token of the last pull, and why syncing stopped, if it did.

    `halted` holds a reason code ("quota_exceeded", "reconnect_needed") while the worker
    must not call Google; `resume_at` ends a halt by itself, None waits for `resume()`.
    """

    __tablename__ = "calendar_cursors"

    id: Mapped[int] = mapped_column(primary_key=True)
    calendar_id: Mapped[str] = mapped_column(String(500), unique=True)
    sync_token: Mapped[str] = mapped_column(Text, default="")
    pulled_at: Mapped[datetime | None]
    halted: Mapped[str] = mapped_column(String(40), default="")
    halted_detail: Mapped[str] = mapped_column(Text, default="")
    halted_at: Mapped[datetime | None]
    resume_at: Mapped[datetime | None]


class CalendarSyncEntry(Base):
    """One line of the sync log: what was pushed, pulled, merged or refused, and why.

    `reason` is a code for the UI to word; `google_copy` keeps Google's version of an
    event (JSON) when a conflict was settled in favour of ours.
    """

    __tablename__ = "calendar_sync_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    kind: Mapped[SyncLogKind] = mapped_column(string_enum(SyncLogKind))
    activity_id: Mapped[int | None]
    event_id: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(String(40), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    google_copy: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_calendar_sync_log_activity", "activity_id", "id"),)
