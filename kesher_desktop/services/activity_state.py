"""When an activity is due, and whether it is to do, overdue, done or cancelled."""

from __future__ import annotations

import enum
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kesher_desktop.models import ActivityKind


class ActivityState(enum.StrEnum):
    TODO = "todo"
    OVERDUE = "overdue"
    DONE = "done"
    CANCELLED = "cancelled"


def end_of_day(day: date, zone: ZoneInfo) -> datetime:
    """The instant a day ends in a zone: midnight at the start of the next day there."""
    return datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=zone)


def due_moment(
    kind: ActivityKind,
    starts_at: datetime | None,
    ends_at: datetime | None,
    due_date: date | None,
    zone: ZoneInfo,
) -> datetime | None:
    """The instant after which an unfinished activity is overdue.

    A meeting is late once it has ended, a call once its time has passed, and a task once its
    due time, or with no time the end of its due day in the user's zone, has passed.
    """
    if kind is ActivityKind.MEETING:
        return ends_at or starts_at
    if kind is ActivityKind.TASK and starts_at is None and due_date is not None:
        return end_of_day(due_date, zone)
    return starts_at


def state_of(
    due: datetime | None,
    done_at: datetime | None,
    cancelled_at: datetime | None,
    now: datetime,
) -> ActivityState:
    if cancelled_at is not None:
        return ActivityState.CANCELLED
    if done_at is not None:
        return ActivityState.DONE
    if due is not None and due <= now:
        return ActivityState.OVERDUE
    return ActivityState.TODO
