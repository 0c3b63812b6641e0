"""Syncing with a calendar the user picked, and following them when they pick another: the
events go along (moved, never copied twice), halts and sync tokens stay with their calendar."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import quote

from kesher_desktop.models import SyncLogKind
from kesher_desktop.services.calendar_list import CalendarChoice, writable_calendars
from kesher_desktop.services.calendar_status import SyncState
from tests.google_fake.calendar_scene import CalendarScene
from tests.google_fake.calendar_server import FakeGoogle, Request

TEAM = "c_team01@group.calendar.google.com"
TEAM_PATH = f"/calendar/v3/calendars/{quote(TEAM)}/events"
PRIMARY_PATH = "/calendar/v3/calendars/primary/events"


def _inserts(google: FakeGoogle) -> list[Request]:
    return [call for call in google.calls("POST") if call.path.endswith("/events")]


def _moves(google: FakeGoogle) -> list[Request]:
    return [call for call in google.calls("POST") if call.path.endswith("/move")]


def test_the_chosen_calendar_gets_the_events_and_every_call(scene: CalendarScene) -> None:
    scene.use_calendar(TEAM)
    activity_id = scene.create(scene.meeting())

    report = scene.run()

    assert report.pushed == 1
    assert list(scene.google.live(TEAM)) == [scene.event_id(activity_id)]
    assert scene.google.live("primary") == {}
    paths = {call.path for call in scene.google.calls()}
    assert paths == {TEAM_PATH, f"{TEAM_PATH}/{scene.event_id(activity_id)}"}


def test_events_already_copied_move_to_the_new_calendar_once(scene: CalendarScene) -> None:
    meetings = [scene.create(scene.meeting(title=f"פגישה {n}")) for n in range(2)]
    scene.create(scene.meeting(title="לא בלוח", add_to_calendar=False))
    scene.run()

    scene.use_calendar(TEAM)
    report = scene.run()

    events = [scene.event_id(activity_id) for activity_id in meetings]
    assert report.pushed == 2
    assert scene.google.live("primary") == {}
    assert sorted(scene.google.live(TEAM)) == sorted(events)
    assert len(_inserts(scene.google)) == 2
    assert [(m.path, m.query["destination"]) for m in _moves(scene.google)] == [
        (f"{PRIMARY_PATH}/{event}/move", TEAM) for event in events
    ]
    for activity_id in meetings:
        assert scene.state(activity_id).state is SyncState.SYNCED
        entry = scene.worker.sync_log.entries(activity_id)[0]
        assert (entry.kind, entry.reason) == (SyncLogKind.PUSHED, "moved")

    # Moved once: the next runs find nothing to move, and edits follow the event.
    assert scene.run().pushed == 0
    scene.edit(meetings[0], title="אחרי המעבר")
    scene.google.edit(events[1], calendar_id=TEAM, summary="שונה בלוח הצוות")
    scene.run()

    assert len(_moves(scene.google)) == 2 and len(_inserts(scene.google)) == 2
    assert scene.google.calls("PATCH")[-1].path == f"{TEAM_PATH}/{events[0]}"
    assert scene.event(meetings[0])["summary"] == "אחרי המעבר"
    assert scene.activity(meetings[1]).title == "שונה בלוח הצוות"


def test_an_event_gone_from_the_old_calendar_is_made_anew_in_the_new_one(
    scene: CalendarScene,
) -> None:
    activity_id = scene.create(scene.meeting())
    scene.run()
    scene.google.purge(scene.event_id(activity_id))

    scene.use_calendar(TEAM)
    assert scene.run().pushed == 1

    assert list(scene.google.live(TEAM)) == [scene.event_id(activity_id)]
    assert len(_moves(scene.google)) == 1 and len(_inserts(scene.google)) == 2
    assert scene.state(activity_id).state is SyncState.SYNCED


def test_an_unticked_activity_is_removed_from_the_calendar_its_event_is_in(
    scene: CalendarScene,
) -> None:
    activity_id = scene.create(scene.meeting())
    scene.run()
    scene.use_calendar(TEAM)
    scene.edit(activity_id, add_to_calendar=False)

    scene.run()

    assert scene.google.live("primary") == {} and scene.google.live(TEAM) == {}
    assert _moves(scene.google) == []
    assert scene.google.calls("DELETE")[0].path == f"{PRIMARY_PATH}/{scene.event_id(activity_id)}"


def test_coming_back_to_a_calendar_lists_it_whole_and_ignores_what_moves_left(
    scene: CalendarScene,
) -> None:
    stuck = scene.create(scene.meeting(title="נתקעת"))
    back = scene.create(scene.meeting())
    scene.run()
    scene.use_calendar(TEAM)
    scene.run()
    assert sorted(scene.google.live(TEAM)) == sorted(map(scene.event_id, (stuck, back)))

    scene.use_calendar("primary")
    # Google refuses the first move back, that of `stuck`; the second goes.
    scene.google.fail_next(1, 400, "invalid", method="POST")
    scene.google.requests.clear()
    scene.run()

    [listing] = [c for c in scene.google.calls("GET") if c.path == PRIMARY_PATH]
    assert "syncToken" not in listing.query
    # The pull saw the copy the first move left in primary, deleted; the event is in the
    # team calendar, so nothing was deleted in Google as far as the activity knows.
    assert scene.google.events("primary")[scene.event_id(stuck)]["status"] == "cancelled"
    state = scene.state(stuck)
    assert (state.state, state.reason) == (SyncState.FAILED, "rejected")
    assert scene.state(back).state is SyncState.SYNCED

    scene.clock.advance(timedelta(minutes=1))
    scene.run()
    assert sorted(scene.google.live("primary")) == sorted(map(scene.event_id, (stuck, back)))
    assert scene.state(stuck).state is SyncState.SYNCED


def test_a_halt_of_another_calendar_holds_nothing_up(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.meeting())
    scene.google.fail_next(1, 403, "quotaExceeded")
    scene.run()
    assert scene.state(activity_id).reason == "quota_exceeded"

    scene.use_calendar(TEAM)

    state = scene.state(activity_id)
    assert (state.state, state.reason) == (SyncState.WAITING, "")
    assert scene.worker.halt() is None
    assert scene.run().pushed == 1
    assert list(scene.google.live(TEAM)) == [scene.event_id(activity_id)]


def test_the_calendars_to_choose_from_are_those_the_user_may_add_to(
    google: FakeGoogle,
) -> None:
    google.add_calendar(TEAM, "צוות")
    google.add_calendar("holidays@group.v.calendar.google.com", "חגים", access_role="reader")
    google.add_calendar("family@group.calendar.google.com", "משפחה", access_role="writer")
    google.page_size = 2

    choices = writable_calendars(google.credentials(), google.base_url)

    assert choices == [
        CalendarChoice("primary", "noa.barak@gmail.com", primary=True),
        CalendarChoice(TEAM, "צוות"),
        CalendarChoice("family@group.calendar.google.com", "משפחה"),
    ]
    assert [call.query.get("pageToken") for call in google.calls("GET")] == [None, "2"]
