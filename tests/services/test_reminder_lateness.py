"""How late a reminder says it is: counted from when it could first have been shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from reminder_scene import add_meeting, add_task, local, utc

from kesher_desktop.clock import FrozenClock
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.reminders import FiredReminder

MEETING = local(2026, 3, 10, 12)  # 10:00Z; the clock starts at 08:00Z
FIRES = utc(2026, 3, 10, 9, 45)


def _claim_one(services: Services) -> FiredReminder:
    # What the mail is written from: the reminder handed to `on_claim`.
    handed: list[FiredReminder] = []
    [fired] = services.reminders.claim_due(lambda _session, reminder: handed.append(reminder))
    assert handed == [fired]
    return fired


def test_a_reminder_saved_after_its_instant_fires_at_once_and_is_not_late(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    # A meeting 20 minutes away with a reminder 30 minutes before it.
    meeting = add_meeting(services, contact_id, clock.now() + timedelta(minutes=20), (30,))
    clock.advance(timedelta(seconds=5))

    fired = _claim_one(services)
    assert (fired.activity_id, fired.due_at) == (meeting, utc(2026, 3, 10, 7, 50))
    assert fired.late_by == timedelta(0)
    [shown] = services.reminders.open_alerts()
    assert shown.late_by == timedelta(0)


def test_a_task_for_today_saved_in_the_afternoon_is_not_hours_late(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    clock.set(local(2026, 3, 10, 14))
    task = add_task(services, contact_id, date(2026, 3, 10), offsets=(0,))

    fired = _claim_one(services)
    assert (fired.activity_id, fired.due_at) == (task, local(2026, 3, 10, 9))
    assert fired.late_by == timedelta(0)


def test_lateness_counts_from_the_save_when_the_claim_comes_later(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    add_meeting(services, contact_id, clock.now() + timedelta(minutes=20), (30,))
    # The app was closed right after the save and opened again ten minutes later.
    clock.advance(timedelta(minutes=10))

    assert _claim_one(services).late_by == timedelta(minutes=10)


def test_a_reminder_missed_while_the_app_was_closed_stays_late(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    # Saved yesterday; the reminder came due 20 minutes before the app was opened.
    clock.set(FIRES - timedelta(days=1))
    add_meeting(services, contact_id, MEETING)
    clock.set(FIRES + timedelta(minutes=20))

    assert _claim_one(services).late_by == timedelta(minutes=20)
    [shown] = services.reminders.open_alerts()
    assert shown.late_by == timedelta(minutes=20)


CLOSE_AND_REOPEN: dict[str, tuple[Callable[[Services, int], None], ...]] = {
    "done": (
        lambda s, a: s.activities.set_done(a, True),
        lambda s, a: s.activities.set_done(a, False),
    ),
    "cancelled": (
        lambda s, a: s.activities.set_cancelled(a, True),
        lambda s, a: s.activities.set_cancelled(a, False),
    ),
    "deleted": (
        lambda s, a: s.activities.delete(a),
        lambda s, a: s.activities.restore(a),
    ),
}


@pytest.mark.parametrize(
    "how",
    ["done", "cancelled", "deleted"],
)
def test_a_reminder_reopened_after_its_instant_is_late_only_from_the_reopening(
    services: Services, clock: FrozenClock, contact_id: int, how: str
) -> None:
    close, reopen = CLOSE_AND_REOPEN[how]
    meeting = add_meeting(services, contact_id, MEETING)
    close(services, meeting)
    clock.set(FIRES + timedelta(minutes=10))
    reopen(services, meeting)
    clock.advance(timedelta(seconds=5))

    fired = _claim_one(services)
    assert (fired.activity_id, fired.due_at, fired.late_by) == (meeting, FIRES, timedelta(0))
