"""Pulling from Google Calendar: edits and deletions come back; 410; conflicts; pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from kesher_desktop.models import Reminder, SyncLogKind
from kesher_desktop.services.calendar_client import CalendarClient
from kesher_desktop.services.calendar_status import SyncState
from tests.google_fake.calendar_scene import START, CalendarScene

MOVED = {"dateTime": "2026-03-15T14:30:00+02:00", "timeZone": "Asia/Jerusalem"}
MOVED_END = {"dateTime": "2026-03-15T15:00:00+02:00", "timeZone": "Asia/Jerusalem"}


def _fire_times(scene: CalendarScene, activity_id: int) -> list[datetime | None]:
    with scene.services.store.session() as session:
        return list(
            session.scalars(
                select(Reminder.fire_at)
                .where(Reminder.activity_id == activity_id)
                .order_by(Reminder.offset_minutes)
            )
        )


def test_a_time_place_and_title_changed_in_google_come_back(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.meeting())
    scene.run()

    scene.google.edit(
        scene.event_id(activity_id),
        summary="פגישה שהוזזה",
        location="זום",
        start=MOVED,
        end=MOVED_END,
    )
    report = scene.run()

    assert report.pulled == 1
    activity = scene.activity(activity_id)
    assert activity.title == "פגישה שהוזזה"
    assert activity.location == "זום"
    assert activity.starts_at == datetime(2026, 3, 15, 12, 30, tzinfo=UTC)
    assert activity.ends_at == datetime(2026, 3, 15, 13, 0, tzinfo=UTC)
    # Through the activity service, so the reminders moved with the time.
    assert _fire_times(scene, activity_id) == [
        datetime(2026, 3, 15, 12, 15, tzinfo=UTC),
        datetime(2026, 3, 15, 11, 30, tzinfo=UTC),
    ]
    entry = scene.worker.sync_log.entries(activity_id)[0]
    assert (entry.kind, entry.reason, entry.detail) == (
        SyncLogKind.PULLED,
        "updated",
        "title,location,time",
    )
    assert scene.state(activity_id).state is SyncState.WAITING

    # The echo of the change goes nowhere: Google already holds it.
    scene.run()
    assert scene.google.calls("PATCH") == []
    assert scene.state(activity_id).state is SyncState.SYNCED


def test_an_edit_of_fields_we_do_not_share_changes_nothing_here(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.meeting())
    scene.run()
    before = scene.activity(activity_id).updated_at

    scene.clock.advance(timedelta(minutes=5))
    scene.google.edit(scene.event_id(activity_id), colorId="3", description="נכתב בגוגל")
    scene.run()

    assert scene.activity(activity_id).updated_at == before
    assert [e.kind for e in scene.worker.sync_log.entries(activity_id)] == [SyncLogKind.PUSHED]


def test_an_event_deleted_in_google_marks_the_activity_for_the_user(
    scene: CalendarScene,
) -> None:
    activity_id = scene.create(scene.meeting())
    scene.run()

    scene.google.delete(scene.event_id(activity_id))
    scene.run()

    assert scene.state(activity_id).state is SyncState.REMOVED_IN_GOOGLE
    assert scene.activity(activity_id).deleted_at is None
    entry = scene.worker.sync_log.entries(activity_id)[0]
    assert (entry.kind, entry.reason) == (SyncLogKind.PULLED, "deleted_in_google")

    # An edit here does not bring it back behind the user's back.
    scene.edit(activity_id, topics="עוד נושא")
    scene.run()
    assert scene.event(activity_id)["status"] == "cancelled"
    assert scene.state(activity_id).state is SyncState.REMOVED_IN_GOOGLE


def test_the_user_restores_an_event_deleted_in_google(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.meeting())
    scene.run()
    scene.google.delete(scene.event_id(activity_id))
    scene.run()

    scene.status.restore_in_google(activity_id)
    scene.run()

    assert scene.event(activity_id)["status"] == "confirmed"
    assert scene.event(activity_id)["summary"] == "סקירה רבעונית"
    assert scene.state(activity_id).state is SyncState.SYNCED


def test_the_user_confirms_a_deletion_in_google(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.meeting())
    scene.run()
    scene.google.delete(scene.event_id(activity_id))
    scene.run()

    scene.status.confirm_removed_in_google(activity_id)
    scene.run()

    assert scene.activity(activity_id).deleted_at is not None
    assert scene.event(activity_id)["status"] == "cancelled"
    assert scene.state(activity_id).state is SyncState.NONE


def test_an_expired_sync_token_lists_everything_and_notices_what_went(
    scene: CalendarScene,
) -> None:
    kept = scene.create(scene.meeting())
    purged = scene.create(scene.meeting(title="תימחק"))
    scene.run()
    scene.google.delete(scene.event_id(purged))
    scene.google.purge(scene.event_id(purged))  # gone for good: no cancelled trace listed
    scene.google.edit(scene.event_id(kept), summary="שונה בגוגל")
    scene.google.expire_sync_tokens()

    scene.run()

    lists = scene.google.calls("GET")[-2:]
    assert lists[0].query.get("syncToken") and "syncToken" not in lists[1].query
    assert scene.activity(kept).title == "שונה בגוגל"
    assert scene.state(purged).state is SyncState.REMOVED_IN_GOOGLE

    # The new token works: the next pull asks for changes only.
    scene.run()
    assert scene.google.calls("GET")[-1].query.get("syncToken")


def test_changes_are_read_page_by_page_and_others_events_are_left_alone(
    scene: CalendarScene,
) -> None:
    ids = [scene.create(scene.meeting(title=f"פגישה {n}")) for n in range(5)]
    scene.google.add(
        {"id": "someoneelse1", "summary": "לא שלנו", "start": MOVED, "end": MOVED_END}
    )
    scene.google.add({"id": "kesher00000", "summary": "דומה לשלנו", "start": MOVED, "end": MOVED})
    scene.run()
    scene.google.page_size = 2
    for n, activity_id in enumerate(ids):
        scene.google.edit(scene.event_id(activity_id), summary=f"בגוגל {n}")

    scene.run()

    pages = [c for c in scene.google.calls("GET") if "syncToken" in c.query]
    assert len(pages) == 3
    assert [scene.activity(i).title for i in ids] == [f"בגוגל {n}" for n in range(5)]
    assert scene.google.events()["someoneelse1"]["summary"] == "לא שלנו"
    assert len(scene.google.events()) == 7


def test_both_sides_changed_keeps_ours_and_logs_googles(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.meeting())
    scene.run()
    scene.google.edit(
        scene.event_id(activity_id), summary="כותרת מגוגל", start=MOVED, end=MOVED_END
    )
    scene.google.fail_next(1, 503)  # our edit cannot go before the pull sees Google's
    scene.edit(activity_id, title="כותרת שלנו")

    scene.run()
    scene.clock.advance(timedelta(minutes=1))
    scene.run()

    assert scene.activity(activity_id).title == "כותרת שלנו"
    assert scene.activity(activity_id).starts_at == START
    event = scene.event(activity_id)
    assert event["summary"] == "כותרת שלנו"
    assert event["start"]["dateTime"] == "2026-03-12T10:00:00+02:00"
    conflicts = [
        e for e in scene.worker.sync_log.entries(activity_id) if e.kind is SyncLogKind.CONFLICT
    ]
    assert len(conflicts) == 1
    assert conflicts[0].google_copy is not None
    assert conflicts[0].google_copy["summary"] == "כותרת מגוגל"
    assert scene.state(activity_id).state is SyncState.CONFLICT

    scene.status.acknowledge_conflict(activity_id)
    assert scene.state(activity_id).state is SyncState.SYNCED


def test_a_conflict_found_by_the_pull_is_settled_for_ours(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.meeting())
    scene.run()
    scene.google.edit(scene.event_id(activity_id), summary="כותרת מגוגל")
    # Our edit is saved while the network is down: the push fails, the pull then works.
    scene.google.fail_next(1, 500, method="GET")
    scene.edit(activity_id, location="רוטשילד 1")

    first = scene.run()
    assert first.failed == 1
    scene.worker._puller.pull(_client(scene))  # noqa: SLF001 - the pull of a later run

    entry = scene.worker.sync_log.entries(activity_id)[0]
    assert (entry.kind, entry.reason) == (SyncLogKind.CONFLICT, "changed_on_both_sides")
    assert scene.activity(activity_id).title == "סקירה רבעונית"

    scene.clock.advance(timedelta(minutes=1))
    scene.run()
    assert scene.event(activity_id)["summary"] == "סקירה רבעונית"
    assert scene.event(activity_id)["location"] == "רוטשילד 1"
    assert scene.state(activity_id).state is SyncState.CONFLICT


def test_a_change_google_made_to_shared_fields_survives_our_edit_of_others(
    scene: CalendarScene,
) -> None:
    activity_id = scene.create(scene.meeting())
    scene.run()
    scene.google.edit(scene.event_id(activity_id), start=MOVED, end=MOVED_END)

    scene.edit(activity_id, topics="נושא חדש")
    scene.run()

    assert scene.event(activity_id)["start"] == MOVED
    assert "נושא חדש" in scene.event(activity_id)["description"]
    assert scene.activity(activity_id).starts_at == datetime(2026, 3, 15, 12, 30, tzinfo=UTC)
    kinds = [e.kind for e in scene.worker.sync_log.entries(activity_id)]
    assert kinds[:2] == [SyncLogKind.PULLED, SyncLogKind.MERGED]
    assert SyncLogKind.CONFLICT not in kinds


def test_a_change_the_activity_cannot_take_is_refused_and_ours_goes_back(
    scene: CalendarScene,
) -> None:
    activity_id = scene.create(scene.meeting())
    scene.run()
    scene.google.edit(
        scene.event_id(activity_id), start={"date": "2026-03-15"}, end={"date": "2026-03-16"}
    )

    scene.run()
    entry = scene.worker.sync_log.entries(activity_id)[0]
    assert (entry.kind, entry.reason) == (SyncLogKind.REFUSED, "all_day_not_allowed")
    scene.run()

    assert scene.activity(activity_id).starts_at == START
    assert scene.event(activity_id)["start"]["dateTime"] == "2026-03-12T10:00:00+02:00"


def _client(scene: CalendarScene) -> CalendarClient:
    return CalendarClient(scene.google.credentials(), "primary", scene.google.base_url)
