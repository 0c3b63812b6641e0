"""Reminders follow their activity: edits re-arm them, closing removes them, undo restores."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from reminder_scene import add_meeting, add_task, fired_at, ledger, local, utc
from sqlalchemy import text

from kesher_desktop.clock import FrozenClock
from kesher_desktop.services.activities import ReminderEntry
from kesher_desktop.services.bundle import Services

MEETING = local(2026, 3, 10, 12)  # 10:00Z; the clock starts at 08:00Z
FIRES = utc(2026, 3, 10, 9, 45)


def _move(services: Services, activity: int, by: timedelta) -> None:
    draft = services.activities.draft_of(activity)
    assert draft.starts_at is not None and draft.ends_at is not None
    draft.starts_at += by
    draft.ends_at += by
    services.activities.update(activity, draft)


def test_moving_a_fired_meeting_fires_again_at_the_new_time(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = add_meeting(services, contact_id, MEETING)
    clock.set(FIRES)
    assert fired_at(services) == [(meeting, FIRES)]

    _move(services, meeting, timedelta(hours=1))
    clock.set(FIRES + timedelta(minutes=59))
    assert fired_at(services) == []
    clock.set(FIRES + timedelta(hours=1))
    assert fired_at(services) == [(meeting, FIRES + timedelta(hours=1))]


def test_an_edit_that_keeps_the_time_does_not_fire_again(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = add_meeting(services, contact_id, MEETING)
    clock.set(FIRES)
    assert fired_at(services) == [(meeting, FIRES)]

    draft = services.activities.draft_of(meeting)
    draft.title = "פגישת המשך"
    services.activities.update(meeting, draft)
    assert services.reminders.next_due() is None
    assert fired_at(services) == []

    # Moved away and back before the new time came: still the instant already delivered.
    _move(services, meeting, timedelta(hours=1))
    _move(services, meeting, timedelta(hours=-1))
    clock.advance(timedelta(hours=2))
    assert fired_at(services) == []


def test_an_edit_before_the_instant_keeps_one_delivery(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = add_meeting(services, contact_id, MEETING)
    for _ in range(3):
        draft = services.activities.draft_of(meeting)
        draft.topics += "עוד נושא\n"
        services.activities.update(meeting, draft)
    clock.set(FIRES)
    assert fired_at(services) == [(meeting, FIRES)]
    assert fired_at(services) == []


def test_a_reminder_added_after_another_fired_fires_alone(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = add_meeting(services, contact_id, MEETING, offsets=(15,))
    clock.set(FIRES)
    assert fired_at(services) == [(meeting, FIRES)]

    draft = services.activities.draft_of(meeting)
    draft.reminders.append(ReminderEntry(5))
    services.activities.update(meeting, draft)
    assert services.reminders.next_due() == FIRES + timedelta(minutes=10)
    clock.set(FIRES + timedelta(minutes=10))
    assert fired_at(services) == [(meeting, FIRES + timedelta(minutes=10))]


CLOSE_AND_REOPEN: dict[str, tuple[Callable[..., None], Callable[..., None]]] = {
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


@pytest.mark.parametrize("how", CLOSE_AND_REOPEN)
def test_no_reminder_once_closed_and_undo_brings_it_back(
    services: Services, clock: FrozenClock, contact_id: int, how: str
) -> None:
    close, reopen = CLOSE_AND_REOPEN[how]
    meeting = add_meeting(services, contact_id, MEETING)
    close(services, meeting)
    assert services.reminders.next_due() is None
    clock.set(FIRES)
    assert fired_at(services) == []

    reopen(services, meeting)
    # The meeting is still ahead: the missed reminder comes at once, late.
    clock.advance(timedelta(minutes=5))
    [fired] = services.reminders.claim_due()
    assert (fired.activity_id, fired.due_at, fired.late_by) == (
        meeting,
        FIRES,
        timedelta(minutes=5),
    )
    assert ledger(services) == [(meeting, "reminder", FIRES, "shown")]


@pytest.mark.parametrize("how", CLOSE_AND_REOPEN)
def test_undo_before_the_instant_fires_on_time(
    services: Services, clock: FrozenClock, contact_id: int, how: str
) -> None:
    close, reopen = CLOSE_AND_REOPEN[how]
    meeting = add_meeting(services, contact_id, MEETING)
    close(services, meeting)
    reopen(services, meeting)
    assert services.reminders.next_due() == FIRES
    clock.set(FIRES)
    assert fired_at(services) == [(meeting, FIRES)]


def test_reopened_after_its_time_the_missed_reminder_is_skipped(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = add_meeting(services, contact_id, MEETING)
    services.activities.set_done(meeting, True)
    clock.set(MEETING + timedelta(minutes=1))
    services.activities.set_done(meeting, False)

    assert fired_at(services) == []
    assert services.reminders.next_due() is None
    assert ledger(services) == [(meeting, "reminder", FIRES, "skipped")]


def test_saving_a_meeting_whose_reminder_time_passed_fires_at_once(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    # Ten minutes ahead with a reminder a quarter of an hour before it.
    meeting = add_meeting(services, contact_id, clock.now() + timedelta(minutes=10))
    assert services.reminders.next_due() == clock.now() - timedelta(minutes=5)
    assert fired_at(services) == [(meeting, clock.now() - timedelta(minutes=5))]


def test_saving_a_meeting_already_past_never_reminds(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = add_meeting(services, contact_id, clock.now() - timedelta(hours=1))
    assert services.reminders.next_due() is None
    assert fired_at(services) == []
    assert ledger(services) == [(meeting, "reminder", utc(2026, 3, 10, 6, 45), "skipped")]

    # Saved again, it stays quiet; moved ahead, it reminds anew.
    services.activities.update(meeting, services.activities.draft_of(meeting))
    assert fired_at(services) == []
    _move(services, meeting, timedelta(hours=3))
    clock.set(utc(2026, 3, 10, 9, 45))
    assert fired_at(services) == [(meeting, utc(2026, 3, 10, 9, 45))]


def test_a_task_for_today_saved_after_nine_reminds_at_once(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    clock.set(local(2026, 3, 10, 14))
    today = add_task(services, contact_id, date(2026, 3, 10))
    yesterday = add_task(services, contact_id, date(2026, 3, 9))

    assert fired_at(services) == [(today, local(2026, 3, 10, 9))]
    assert ledger(services) == [
        (yesterday, "reminder", local(2026, 3, 9, 9), "skipped"),
        (today, "reminder", local(2026, 3, 10, 9), "shown"),
    ]


def test_refresh_fills_instants_missing_since_the_upgrade(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    ahead = add_meeting(services, contact_id, MEETING)
    soon = add_meeting(services, contact_id, clock.now() + timedelta(minutes=10))
    past = add_meeting(services, contact_id, clock.now() - timedelta(days=30))
    # As the upgrade to the ledger leaves reminders written before it.
    with services.store.engine.begin() as connection:
        connection.execute(text("DELETE FROM reminder_alerts"))
        connection.execute(text("UPDATE reminders SET fire_at = NULL, settled = 0"))
    assert services.reminders.next_due() is None

    assert services.reminders.refresh_fire_times() == 3
    assert services.reminders.refresh_fire_times() == 0

    assert fired_at(services) == [(soon, clock.now() - timedelta(minutes=5))]
    assert [(a, outcome) for a, _, _, outcome in ledger(services)] == [
        (past, "skipped"),
        (soon, "shown"),
    ]
    clock.set(FIRES)
    assert fired_at(services) == [(ahead, FIRES)]


def test_refresh_after_a_zone_change_moves_only_wall_clock_reminders(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = add_meeting(services, contact_id, MEETING)
    task = add_task(services, contact_id, date(2026, 3, 12))
    clock.zone = ZoneInfo("UTC")

    # The meeting is at an instant; the task at 09:00 wherever the user now is.
    assert services.reminders.refresh_fire_times() == 1
    clock.set(FIRES)
    assert fired_at(services) == [(meeting, FIRES)]
    clock.set(local(2026, 3, 12, 9))
    assert fired_at(services) == []
    clock.set(utc(2026, 3, 12, 9, 0))
    assert fired_at(services) == [(task, utc(2026, 3, 12, 9, 0))]
