"""Event ids made from activities, and tasks as all-day or timed events in the user's zone."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime

import pytest

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import ActivityKind
from kesher_desktop.services.calendar_event import calendar_uid_of, event_id
from tests.google_fake.calendar_scene import CalendarScene


def test_an_event_id_is_base32hex_and_leads_back_to_its_activity() -> None:
    uid = str(uuid.uuid4())

    made = event_id(uid)

    assert re.fullmatch(r"[a-v0-9]{5,1024}", made)
    assert made == event_id(uid)
    assert calendar_uid_of(made) == uid


@pytest.mark.parametrize(
    "foreign", ["abc123", "7kq0tq1n3ejabc", "kesher", "kesher00000", "kesherzz"]
)
def test_ids_google_made_are_not_ours(foreign: str) -> None:
    assert calendar_uid_of(foreign) is None


def test_a_task_with_a_day_is_an_all_day_event_ending_the_next_day(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.task(due_date=date(2026, 3, 29)))

    scene.run()

    event = scene.event(activity_id)
    assert event["start"] == {"date": "2026-03-29"}
    assert event["end"] == {"date": "2026-03-30"}


def test_the_day_of_a_new_task_is_the_users_day_not_utcs(
    scene: CalendarScene, clock: FrozenClock
) -> None:
    # 23:30 UTC is already 01:30 the next morning in Jerusalem.
    clock.set(datetime(2026, 3, 10, 23, 30, tzinfo=UTC))
    draft = scene.services.activities.new_draft(scene.contact_id, ActivityKind.TASK)
    draft.title = "להתקשר בבוקר"
    draft.add_to_calendar = True
    activity_id = scene.create(draft)

    scene.run()

    assert scene.event(activity_id)["start"] == {"date": "2026-03-11"}
    assert scene.event(activity_id)["end"] == {"date": "2026-03-12"}


def test_a_task_with_a_time_is_a_timed_event_with_the_zones_offset(scene: CalendarScene) -> None:
    # Israel moves to summer time on 27 March 2026: +02:00 before, +03:00 after.
    winter = scene.create(scene.task(starts_at=datetime(2026, 3, 20, 7, 0, tzinfo=UTC)))
    summer = scene.create(scene.task(starts_at=datetime(2026, 3, 29, 21, 30, tzinfo=UTC)))

    scene.run()

    assert scene.event(winter)["start"]["dateTime"] == "2026-03-20T09:00:00+02:00"
    assert scene.event(summer)["start"] == {
        "dateTime": "2026-03-30T00:30:00+03:00",
        "timeZone": "Asia/Jerusalem",
    }
    assert scene.event(summer)["end"]["dateTime"] == "2026-03-30T01:00:00+03:00"
    assert scene.activity(summer).due_date == date(2026, 3, 30)


def test_an_all_day_task_moved_in_google_takes_the_new_day(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.task(due_date=date(2026, 3, 29)))
    scene.run()

    scene.google.edit(
        scene.event_id(activity_id), start={"date": "2026-04-02"}, end={"date": "2026-04-03"}
    )
    scene.run()

    activity = scene.activity(activity_id)
    assert activity.due_date == date(2026, 4, 2)
    assert activity.starts_at is None


def test_an_all_day_task_given_a_time_in_google_becomes_timed(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.task(due_date=date(2026, 3, 29)))
    scene.run()

    scene.google.edit(
        scene.event_id(activity_id),
        start={"dateTime": "2026-03-30T00:30:00+03:00"},
        end={"dateTime": "2026-03-30T01:15:00+03:00"},
    )
    scene.run()

    activity = scene.activity(activity_id)
    assert activity.starts_at == datetime(2026, 3, 29, 21, 30, tzinfo=UTC)
    assert activity.duration_minutes == 45
    assert activity.due_date == date(2026, 3, 30)
