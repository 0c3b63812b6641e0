"""Reminder instants: UTC arithmetic across daylight-saving changes, mornings and snoozes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from reminder_scene import JERUSALEM, add_meeting, add_task, fired_at, local, utc

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import ActivityKind
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.reminder_times import (
    SnoozeChoice,
    fire_instant,
    reminder_anchor,
    snooze_until,
)


@pytest.mark.parametrize(
    ("meeting", "fires"),
    [
        # Summer: Israel is UTC+3, so 10:00 is 07:00Z.
        (local(2026, 7, 14, 10), utc(2026, 7, 14, 6, 45)),
        # Winter: UTC+2, so 10:00 is 08:00Z.
        (local(2026, 12, 8, 10), utc(2026, 12, 8, 7, 45)),
    ],
)
def test_a_ten_oclock_meeting_reminds_at_the_right_instant(
    services: Services, clock: FrozenClock, contact_id: int, meeting: datetime, fires: datetime
) -> None:
    clock.set(meeting - timedelta(days=1))
    activity = add_meeting(services, contact_id, meeting, offsets=(15,))
    assert services.reminders.next_due() == fires

    clock.set(fires - timedelta(seconds=1))
    assert fired_at(services) == []
    clock.set(fires)
    assert fired_at(services) == [(activity, fires)]


def test_a_task_with_only_a_day_reminds_at_nine_in_the_morning(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    winter = add_task(services, contact_id, date(2026, 3, 12), offsets=(0, 60))
    summer = add_task(services, contact_id, date(2026, 7, 14), offsets=(0,))

    clock.set(utc(2026, 3, 12, 5, 59))
    assert fired_at(services) == []
    clock.set(utc(2026, 3, 12, 6, 0))
    assert fired_at(services) == [(winter, utc(2026, 3, 12, 6, 0))]
    clock.set(utc(2026, 3, 12, 7, 0))
    assert fired_at(services) == [(winter, utc(2026, 3, 12, 7, 0))]
    assert services.reminders.next_due() == utc(2026, 7, 14, 6, 0)
    clock.set(utc(2026, 7, 14, 6, 0))
    assert fired_at(services) == [(summer, utc(2026, 7, 14, 6, 0))]


def test_reminders_across_the_autumn_change_night_fire_once_each(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    # On 25 October 2026 Israel's clocks go back from 02:00 to 01:00, so 01:00-02:00 is
    # lived twice. A meeting at 08:00 (UTC+2) with a reminder 8 hours before fires at
    # 22:00Z, the first 01:00; wall-clock arithmetic would say 00:00 (21:00Z).
    clock.set(utc(2026, 10, 24, 12, 0))
    morning = add_meeting(services, contact_id, local(2026, 10, 25, 8), offsets=(480,))
    # A meeting at the second 01:30 (23:30Z) reminded an hour before: the first 01:30.
    night = add_meeting(services, contact_id, utc(2026, 10, 24, 23, 30), offsets=(60,))

    deliveries = []
    clock.set(utc(2026, 10, 24, 21, 0))
    while clock.now() <= utc(2026, 10, 25, 8, 0):
        deliveries += [(activity, clock.now()) for activity, _ in fired_at(services)]
        clock.advance(timedelta(minutes=5))

    assert deliveries == [
        (morning, utc(2026, 10, 24, 22, 0)),
        (night, utc(2026, 10, 24, 22, 30)),
    ]


def test_reminder_before_the_spring_change_counts_real_hours() -> None:
    # On 27 March 2026 Israel's clocks go forward from 02:00 to 03:00.
    meeting = local(2026, 3, 27, 9)
    assert meeting == utc(2026, 3, 27, 6, 0)
    assert fire_instant(meeting, 8 * 60) == utc(2026, 3, 26, 22, 0)


def test_reminders_across_the_spring_change_night_fire_once_each(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    # 02:00-03:00 on 27 March 2026 never happens in Israel. A 09:00 meeting (UTC+3) with a
    # reminder 8 hours before fires at 22:00Z, 00:00 local; wall-clock arithmetic would say
    # 01:00 (23:00Z). A meeting at 03:30 reminded 90 minutes before fires at 23:00Z, the
    # 01:00 that does exist, not at the 02:00 that does not.
    clock.set(utc(2026, 3, 26, 12, 0))
    morning = add_meeting(services, contact_id, local(2026, 3, 27, 9), offsets=(480,))
    early = add_meeting(services, contact_id, local(2026, 3, 27, 3, 30), offsets=(90,))
    assert local(2026, 3, 27, 3, 30) == utc(2026, 3, 27, 0, 30)

    deliveries = []
    clock.set(utc(2026, 3, 26, 21, 0))
    while clock.now() <= utc(2026, 3, 27, 9, 0):
        deliveries += [(activity, clock.now()) for activity, _ in fired_at(services)]
        clock.advance(timedelta(minutes=5))

    assert deliveries == [
        (morning, utc(2026, 3, 26, 22, 0)),
        (early, utc(2026, 3, 26, 23, 0)),
    ]


def test_anchor_by_kind() -> None:
    start = utc(2026, 3, 10, 8, 0)
    day = date(2026, 3, 11)
    assert reminder_anchor(ActivityKind.CALL, start, None, JERUSALEM) == start
    assert reminder_anchor(ActivityKind.TASK, start, day, JERUSALEM) == start
    assert reminder_anchor(ActivityKind.TASK, None, day, JERUSALEM) == utc(2026, 3, 11, 7, 0)
    assert reminder_anchor(ActivityKind.EMAIL, start, None, JERUSALEM) is None


@pytest.mark.parametrize(
    ("choice", "now", "until"),
    [
        (SnoozeChoice.FIVE_MINUTES, utc(2026, 3, 10, 8, 0), utc(2026, 3, 10, 8, 5)),
        (SnoozeChoice.FIFTEEN_MINUTES, utc(2026, 3, 10, 8, 0), utc(2026, 3, 10, 8, 15)),
        (SnoozeChoice.ONE_HOUR, utc(2026, 3, 10, 8, 0), utc(2026, 3, 10, 9, 0)),
        (SnoozeChoice.TOMORROW_MORNING, utc(2026, 3, 10, 8, 0), utc(2026, 3, 11, 7, 0)),
        # 00:30 on 11 March in Israel is still the 10th in UTC: tomorrow is the 12th.
        (SnoozeChoice.TOMORROW_MORNING, local(2026, 3, 11, 0, 30), utc(2026, 3, 12, 7, 0)),
        # The morning after the autumn change is 25 hours away, at 09:00 UTC+2.
        (SnoozeChoice.TOMORROW_MORNING, local(2026, 10, 24, 9), utc(2026, 10, 25, 7, 0)),
    ],
)
def test_snooze_instants(choice: SnoozeChoice, now: datetime, until: datetime) -> None:
    assert snooze_until(choice, now, JERUSALEM) == until
