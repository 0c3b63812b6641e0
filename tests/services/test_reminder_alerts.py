"""The reminders panel's side: open alerts, dismiss, snooze and mark done."""

from __future__ import annotations

from datetime import timedelta

import pytest
from reminder_scene import add_meeting, fired_at, ledger, local, utc

from kesher_desktop.clock import FrozenClock
from kesher_desktop.services.activity_state import ActivityState
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.errors import NotFoundError
from kesher_desktop.services.reminder_times import SnoozeChoice

MEETING = local(2026, 3, 10, 12)  # 10:00Z; the clock starts at 08:00Z
FIRES = utc(2026, 3, 10, 9, 45)


def _open(services: Services) -> list[tuple[int, int]]:
    return [(a.alert_id, a.activity_id) for a in services.reminders.open_alerts()]


def _fire(services: Services, clock: FrozenClock, contact_id: int) -> tuple[int, int]:
    meeting = add_meeting(services, contact_id, MEETING)
    clock.set(FIRES)
    [fired] = services.reminders.claim_due()
    return meeting, fired.alert_id


def test_open_alerts_list_what_fired_newest_first(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    first = add_meeting(services, contact_id, MEETING)
    second = add_meeting(services, contact_id, MEETING + timedelta(minutes=30))
    assert _open(services) == []

    clock.set(FIRES + timedelta(minutes=30))
    [one, two] = services.reminders.claim_due()
    clock.advance(timedelta(minutes=1))
    assert services.reminders.claim_due() == []
    assert _open(services) == [(two.alert_id, second), (one.alert_id, first)]
    [shown, _] = services.reminders.open_alerts()
    assert (shown.due_at, shown.late_by) == (FIRES + timedelta(minutes=30), timedelta(0))
    assert one.late_by == timedelta(minutes=30)


def test_open_alerts_hide_activities_done_and_show_them_after_undo(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting, alert = _fire(services, clock, contact_id)
    services.activities.set_done(meeting, True)
    assert _open(services) == []
    services.activities.set_done(meeting, False)
    assert _open(services) == [(alert, meeting)]


def test_a_dismissed_alert_leaves_the_panel_and_does_not_fire_again(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting, alert = _fire(services, clock, contact_id)
    services.reminders.dismiss(alert)
    assert _open(services) == []
    clock.advance(timedelta(hours=1))
    assert fired_at(services) == []
    assert ledger(services) == [(meeting, "reminder", FIRES, "dismissed")]
    with pytest.raises(NotFoundError):
        services.reminders.dismiss(alert + 100)


@pytest.mark.parametrize(
    ("choice", "until"),
    [
        (SnoozeChoice.FIVE_MINUTES, FIRES + timedelta(minutes=5)),
        (SnoozeChoice.FIFTEEN_MINUTES, FIRES + timedelta(minutes=15)),
        (SnoozeChoice.ONE_HOUR, FIRES + timedelta(hours=1)),
        (SnoozeChoice.TOMORROW_MORNING, local(2026, 3, 11, 9)),
    ],
)
def test_a_snoozed_reminder_comes_back_once_at_the_chosen_instant(
    services: Services,
    clock: FrozenClock,
    contact_id: int,
    choice: SnoozeChoice,
    until: object,
) -> None:
    meeting, alert = _fire(services, clock, contact_id)

    assert services.reminders.snooze(alert, choice) == until
    assert _open(services) == []
    assert services.reminders.next_due() == until

    clock.set(until - timedelta(seconds=1))  # type: ignore[operator]
    assert fired_at(services) == []
    clock.set(until)  # type: ignore[arg-type]
    [back] = services.reminders.claim_due()
    assert (back.activity_id, back.due_at, back.is_snooze, back.late_by) == (
        meeting,
        until,
        True,
        timedelta(0),
    )
    assert (back.offset_minutes, back.notify_others) == (15, False)
    assert _open(services) == [(back.alert_id, meeting)]

    clock.advance(timedelta(days=2))
    assert fired_at(services) == []
    assert services.reminders.next_due() is None


def test_a_snooze_can_be_snoozed_again(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting, alert = _fire(services, clock, contact_id)
    services.reminders.snooze(alert, SnoozeChoice.FIVE_MINUTES)
    clock.advance(timedelta(minutes=5))
    [back] = services.reminders.claim_due()
    services.reminders.snooze(back.alert_id, SnoozeChoice.FIVE_MINUTES)
    clock.advance(timedelta(minutes=5))
    assert fired_at(services) == [(meeting, FIRES + timedelta(minutes=10))]


def test_a_snooze_of_an_activity_done_meanwhile_is_not_delivered(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting, alert = _fire(services, clock, contact_id)
    services.reminders.snooze(alert, SnoozeChoice.FIFTEEN_MINUTES)
    services.activities.set_done(meeting, True)
    assert services.reminders.next_due() is None
    clock.advance(timedelta(minutes=20))
    assert fired_at(services) == []


def test_mark_done_completes_the_activity_and_clears_the_alert(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting, alert = _fire(services, clock, contact_id)
    told: list[int] = []
    services.activities.changes.subscribe(told.append)

    services.reminders.mark_done(alert)

    assert services.activities.row(meeting).state is ActivityState.DONE
    assert told == [meeting]
    assert ledger(services) == [(meeting, "reminder", FIRES, "dismissed")]
    services.activities.set_done(meeting, False)
    assert _open(services) == []


def test_a_reminder_of_a_re_timed_activity_puts_its_old_alert_away(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting, old = _fire(services, clock, contact_id)
    other, other_alert = _fire(services, clock, contact_id)
    draft = services.activities.draft_of(meeting)
    assert draft.starts_at is not None and draft.ends_at is not None
    draft.starts_at += timedelta(hours=1)
    draft.ends_at += timedelta(hours=1)
    services.activities.update(meeting, draft)

    clock.set(FIRES + timedelta(hours=1))
    [new] = services.reminders.claim_due()
    assert _open(services) == [(new.alert_id, meeting), (other_alert, other)]
    assert (meeting, "reminder", FIRES, "dismissed") in ledger(services)


def test_a_snooze_coming_back_puts_away_the_alert_shown_meanwhile(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = add_meeting(services, contact_id, MEETING, offsets=(60, 15))
    clock.set(FIRES - timedelta(minutes=45))
    [early] = services.reminders.claim_due()
    services.reminders.snooze(early.alert_id, SnoozeChoice.ONE_HOUR)
    clock.set(FIRES)
    [later] = services.reminders.claim_due()

    clock.set(FIRES + timedelta(minutes=15))
    [back] = services.reminders.claim_due()
    assert back.is_snooze
    assert _open(services) == [(back.alert_id, meeting)]
    assert later.alert_id != back.alert_id


def test_reminders_missed_together_leave_one_alert_of_their_activity(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = add_meeting(services, contact_id, MEETING, offsets=(60, 15))
    clock.set(FIRES + timedelta(minutes=5))

    first, last = services.reminders.claim_due()
    assert (first.due_at, last.due_at) == (FIRES - timedelta(minutes=45), FIRES)
    assert _open(services) == [(last.alert_id, meeting)]


@pytest.mark.parametrize("close", ["done", "cancelled", "deleted"])
def test_open_alerts_leave_out_activities_done_cancelled_or_deleted(
    services: Services, clock: FrozenClock, contact_id: int, close: str
) -> None:
    meeting, _ = _fire(services, clock, contact_id)
    other, other_alert = _fire(services, clock, contact_id)
    if close == "done":
        services.activities.set_done(meeting, True)
    elif close == "cancelled":
        services.activities.set_cancelled(meeting, True)
    else:
        services.activities.delete(meeting)
    assert _open(services) == [(other_alert, other)]


def test_moving_an_activity_to_another_day_takes_its_old_alert_off_at_once(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting, old = _fire(services, clock, contact_id)
    draft = services.activities.draft_of(meeting)
    assert draft.starts_at is not None and draft.ends_at is not None
    draft.starts_at += timedelta(days=1)
    draft.ends_at += timedelta(days=1)

    services.activities.update(meeting, draft)

    # The old alert no longer tells the truth; the new one has not fired yet.
    assert _open(services) == []
    assert (meeting, "reminder", FIRES, "dismissed") in ledger(services)


def test_an_edit_that_keeps_the_time_keeps_the_alert(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting, alert = _fire(services, clock, contact_id)
    draft = services.activities.draft_of(meeting)
    draft.location = "חיפה"

    services.activities.update(meeting, draft)

    assert _open(services) == [(alert, meeting)]
