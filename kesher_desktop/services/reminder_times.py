"""When a reminder fires and until when a snooze puts it off, as UTC instants.

All arithmetic is done on UTC instants: subtracting minutes from a zone-aware wall-clock
time would be off by an hour across a daylight-saving change.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kesher_desktop.models import ActivityKind

# A task with a day but no time reminds relative to the morning of that day.
MORNING = time(9, 0)


class SnoozeChoice(enum.StrEnum):
    FIVE_MINUTES = "five_minutes"
    FIFTEEN_MINUTES = "fifteen_minutes"
    ONE_HOUR = "one_hour"
    TOMORROW_MORNING = "tomorrow_morning"


_SNOOZE_LENGTHS = {
    SnoozeChoice.FIVE_MINUTES: timedelta(minutes=5),
    SnoozeChoice.FIFTEEN_MINUTES: timedelta(minutes=15),
    SnoozeChoice.ONE_HOUR: timedelta(hours=1),
}


def local_instant(day: date, wall_time: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of a wall-clock time on a day in a zone.

    A time skipped by a spring change is read as if the clock had not moved yet; a time seen
    twice in autumn is its first occurrence (Python's fold=0), so 09:00 is never ambiguous.
    """
    return datetime.combine(day, wall_time, tzinfo=zone).astimezone(UTC)


def reminder_anchor(
    kind: ActivityKind, starts_at: datetime | None, due_date: date | None, zone: ZoneInfo
) -> datetime | None:
    """The instant reminders of an activity count back from; None when it has none.

    Meetings and calls: their start. Tasks: their time, or with only a day, 09:00 on that
    day in the user's zone. A logged e-mail is in the past and has no reminders.
    """
    if kind is ActivityKind.EMAIL:
        return None
    if starts_at is not None:
        return starts_at.astimezone(UTC)
    if kind is ActivityKind.TASK and due_date is not None:
        return local_instant(due_date, MORNING, zone)
    return None


def fire_instant(anchor: datetime, offset_minutes: int) -> datetime:
    """The UTC instant `offset_minutes` before the anchor."""
    return anchor.astimezone(UTC) - timedelta(minutes=offset_minutes)


def snooze_until(choice: SnoozeChoice, now: datetime, zone: ZoneInfo) -> datetime:
    """When a reminder snoozed at `now` comes back; "tomorrow morning" is 09:00 local."""
    if choice is SnoozeChoice.TOMORROW_MORNING:
        tomorrow = now.astimezone(zone).date() + timedelta(days=1)
        return local_instant(tomorrow, MORNING, zone)
    return now.astimezone(UTC) + _SNOOZE_LENGTHS[choice]
