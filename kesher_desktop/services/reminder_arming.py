"""Writing a reminder's instant, and deciding whether a reminder saved late still fires.

Shared by the activity service, which arms reminders whenever it writes them or reopens
their activity, and the reminder service, which re-arms the waiting ones when the zone
changes.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Insert, select, true, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from kesher_desktop.models import Activity, AlertOutcome, AlertSource, Reminder, ReminderAlert
from kesher_desktop.services.activity_state import end_of_day
from kesher_desktop.services.reminder_times import fire_instant, reminder_anchor


def fire_time(activity: Activity, offset_minutes: int, zone: ZoneInfo) -> datetime | None:
    anchor = reminder_anchor(activity.kind, activity.starts_at, activity.due_date, zone)
    return None if anchor is None else fire_instant(anchor, offset_minutes)


def write_fire_times(activity: Activity, zone: ZoneInfo) -> None:
    """Set `fire_at` on each of the activity's reminders, all waiting until `arm` runs."""
    for reminder in activity.reminders:
        reminder.fire_at = fire_time(activity, reminder.offset_minutes, zone)
        reminder.settled = False


def is_closed(activity: Activity) -> bool:
    return (
        activity.done_at is not None
        or activity.cancelled_at is not None
        or activity.deleted_at is not None
    )


def settle_all(activity: Activity) -> None:
    """A done, cancelled or deleted activity's reminders wait for nothing.

    No ledger row is written: reopening the activity arms them again.
    """
    for reminder in activity.reminders:
        reminder.settled = True


def arm(session: Session, activity: Activity, now: datetime, zone: ZoneInfo) -> None:
    """Settle what need not fire among a saved or reopened activity's reminders.

    Call after `write_fire_times` and a flush (a new activity needs its id). A reminder
    whose instant has passed was already delivered if the ledger says so; otherwise it
    fires at once if the activity itself is still ahead, and is skipped with a ledger row
    if not: the user saved it knowing its time had gone.
    """
    if is_closed(activity):
        settle_all(activity)
        return

    _put_away_moved(session, activity, now)
    late = [r for r in activity.reminders if r.fire_at is not None and r.fire_at <= now]
    delivered = _ledger_instants(session, activity.id) if late else set()
    for reminder in activity.reminders:
        if reminder.fire_at is None:
            reminder.settled = True
        elif reminder in late:
            reminder.settled = _settle_late(session, activity, reminder, delivered, now, zone)


def activity_time(activity: Activity, zone: ZoneInfo) -> datetime | None:
    """The activity's own time for the late-reminder rule: its start, or its day's end."""
    if activity.starts_at is not None:
        return activity.starts_at
    if activity.due_date is not None:
        return end_of_day(activity.due_date, zone)
    return None


def claim_insert(session: Session) -> Insert:
    """An INSERT into the ledger that does nothing when the delivery is already there.

    Its rowcount says whether this process won the claim, without a savepoint, which the
    SQLite driver does not nest reliably.
    """
    dialect = session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    statement: Insert = module.insert(ReminderAlert).on_conflict_do_nothing(
        index_elements=["activity_id", "source", "due_at"]
    )
    return statement


def _settle_late(
    session: Session,
    activity: Activity,
    reminder: Reminder,
    delivered: set[datetime],
    now: datetime,
    zone: ZoneInfo,
) -> bool:
    assert reminder.fire_at is not None
    if reminder.fire_at in delivered:
        return True
    own_time = activity_time(activity, zone)
    if own_time is not None and own_time > now:
        return False

    session.execute(
        claim_insert(session).values(
            activity_id=activity.id,
            source=AlertSource.REMINDER,
            due_at=reminder.fire_at,
            outcome=AlertOutcome.SKIPPED,
            offset_minutes=reminder.offset_minutes,
            notify_others=reminder.notify_others,
            created_at=now,
        )
    )
    delivered.add(reminder.fire_at)
    return True


def _put_away_moved(session: Session, activity: Activity, now: datetime) -> None:
    """Take shown alerts off the panel when their reminder no longer exists at that instant.

    An activity moved to another day, or a reminder removed, leaves its old alert
    pointing at a time that is no longer true. Snoozes stay: the user asked for them.
    """
    current = {r.fire_at for r in activity.reminders if r.fire_at is not None}
    session.execute(
        update(ReminderAlert)
        .where(
            ReminderAlert.activity_id == activity.id,
            ReminderAlert.source == AlertSource.REMINDER,
            ReminderAlert.outcome == AlertOutcome.SHOWN,
            ReminderAlert.due_at.not_in(current) if current else true(),
        )
        .values(outcome=AlertOutcome.DISMISSED, dismissed_at=now)
    )


def _ledger_instants(session: Session, activity_id: int) -> set[datetime]:
    rows = session.scalars(
        select(ReminderAlert.due_at).where(
            ReminderAlert.activity_id == activity_id,
            ReminderAlert.source == AlertSource.REMINDER,
        )
    )
    return set(rows)
