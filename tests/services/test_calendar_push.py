"""Pushing activities to Google Calendar: insert, PATCH what we own, delete; invitations."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kesher_desktop.models import ActivityKind, SyncLogKind
from kesher_desktop.services.activities import ReminderEntry
from kesher_desktop.services.calendar_status import SyncState
from kesher_desktop.services.invitations import InvitationService
from kesher_desktop.services.mail_outbox import MailOutbox
from tests.google_fake.calendar_scene import START, CalendarScene
from tests.services.invitation_scene import DANA, smtp_settings


def test_a_ticked_meeting_becomes_an_event_with_an_id_made_from_the_activity(
    scene: CalendarScene,
) -> None:
    activity_id = scene.create(scene.meeting())
    assert scene.state(activity_id).state is SyncState.WAITING

    report = scene.run()

    assert report.pushed == 1
    [insert] = scene.google.calls("POST")
    assert insert.query["sendUpdates"] == "none"
    event = scene.event(activity_id)
    assert event["id"] == scene.event_id(activity_id)
    assert event["summary"] == "סקירה רבעונית"
    assert event["location"] == "הרצל 12, תל אביב"
    assert event["description"] == "תקציב 2026\n\n👤 דנה לוי"
    assert event["start"] == {
        "dateTime": "2026-03-12T10:00:00+02:00",
        "timeZone": "Asia/Jerusalem",
    }
    assert event["end"]["dateTime"] == "2026-03-12T11:00:00+02:00"
    assert event["reminders"] == {
        "useDefault": False,
        "overrides": [{"method": "popup", "minutes": 15}, {"method": "popup", "minutes": 60}],
    }
    assert scene.state(activity_id).state is SyncState.SYNCED
    [entry] = scene.worker.sync_log.entries(activity_id)
    assert (entry.kind, entry.reason) == (SyncLogKind.PUSHED, "created")


def test_an_unticked_activity_stays_out_of_google(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.meeting(add_to_calendar=False))

    scene.run()

    assert scene.google.calls("POST") == []
    assert scene.state(activity_id).state is SyncState.NONE


def test_a_call_is_a_short_event_of_its_length_or_half_an_hour(scene: CalendarScene) -> None:
    timed = scene.create(scene.meeting(kind=ActivityKind.CALL, ends_at=None, duration_minutes=10))
    default = scene.create(scene.meeting(kind=ActivityKind.CALL, ends_at=None))

    scene.run()

    assert scene.event(timed)["end"]["dateTime"] == "2026-03-12T10:10:00+02:00"
    assert scene.event(default)["end"]["dateTime"] == "2026-03-12T10:30:00+02:00"
    assert "location" not in scene.event(timed)


def test_an_edit_patches_only_what_changed_and_keeps_what_the_user_added_in_google(
    scene: CalendarScene,
) -> None:
    activity_id = scene.create(scene.meeting())
    scene.run()
    event_id = scene.event_id(activity_id)
    scene.google.edit(event_id, colorId="5", attendees=[{"email": "boss@example.com"}])
    scene.run()  # the pull sees only fields that are not shared: nothing to take

    scene.edit(activity_id, title="סקירה שנתית", reminders=[ReminderEntry(30)])
    scene.run()

    [patch] = scene.google.calls("PATCH")
    assert set(patch.body) == {"summary", "reminders"}
    assert patch.query["sendUpdates"] == "none"
    assert scene.google.calls("PUT") == []
    event = scene.event(activity_id)
    assert event["summary"] == "סקירה שנתית"
    assert event["colorId"] == "5"
    assert event["attendees"] == [{"email": "boss@example.com"}]
    assert scene.state(activity_id).state is SyncState.SYNCED


def test_attendees_we_invite_join_those_added_in_google_and_leave_alone(
    scene: CalendarScene,
) -> None:
    scene.google_sends[0] = True
    activity_id = scene.create(scene.meeting(send_invitation=True))
    scene.run()
    assert scene.event(activity_id)["attendees"] == [{"email": DANA}]
    scene.google.edit(
        scene.event_id(activity_id),
        attendees=[{"email": DANA, "responseStatus": "accepted"}, {"email": "boss@example.com"}],
    )

    scene.edit(activity_id, location="רוטשילד 1")
    scene.run()
    assert scene.event(activity_id)["attendees"] == [
        {"email": DANA, "responseStatus": "accepted"},
        {"email": "boss@example.com"},
    ]

    scene.edit(activity_id, send_invitation=False)
    scene.run()
    assert scene.event(activity_id)["attendees"] == [{"email": "boss@example.com"}]


def test_several_edits_before_a_push_go_as_one(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.meeting())
    scene.edit(activity_id, title="א")
    scene.edit(activity_id, title="ב")

    scene.run()

    assert len(scene.google.calls("POST")) == 1
    assert scene.google.calls("PATCH") == []
    assert scene.event(activity_id)["summary"] == "ב"


@pytest.mark.parametrize("how", ["cancel", "delete", "untick"])
def test_cancelling_deleting_or_unticking_removes_the_event(
    scene: CalendarScene, how: str
) -> None:
    activity_id = scene.create(scene.meeting())
    scene.run()

    if how == "cancel":
        scene.services.activities.set_cancelled(activity_id, True)
    elif how == "delete":
        scene.services.activities.delete(activity_id)
    else:
        scene.edit(activity_id, add_to_calendar=False)
    scene.run()

    assert len(scene.google.calls("DELETE")) == 1
    assert scene.event(activity_id)["status"] == "cancelled"
    assert scene.state(activity_id).state is SyncState.NONE
    assert scene.worker.sync_log.entries(activity_id)[0].reason == "removed"


def test_marking_done_keeps_the_event(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.meeting())
    scene.run()

    scene.services.activities.set_done(activity_id, True)
    scene.edit(activity_id, done=True)
    scene.run()

    assert scene.google.calls("DELETE") == []
    assert scene.event(activity_id)["status"] == "confirmed"


def test_ticking_again_brings_the_same_event_back(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.meeting())
    scene.run()
    scene.edit(activity_id, add_to_calendar=False)
    scene.run()

    scene.edit(
        activity_id,
        add_to_calendar=True,
        starts_at=START + timedelta(days=1),
        ends_at=START + timedelta(days=1, hours=1),
    )
    scene.run()

    assert len(scene.google.events()) == 1
    event = scene.event(activity_id)
    assert event["status"] == "confirmed"
    assert event["start"]["dateTime"] == "2026-03-13T10:00:00+02:00"
    assert scene.worker.sync_log.entries(activity_id)[0].reason == "restored"


def _invitations(scene: CalendarScene) -> MailOutbox:
    mail = MailOutbox(scene.services.store, scene.clock)
    scene.services.users.rename_me("נועה ברק", "noa@kesher.example")
    invitations = InvitationService(
        scene.services.store,
        scene.clock,
        mail,
        lambda: smtp_settings(),
        google_sends=lambda: scene.google_sends[0],
    )
    invitations.attach(scene.services.activities)
    return mail


def test_when_google_sends_the_invitations_we_mail_none(scene: CalendarScene) -> None:
    mail = _invitations(scene)
    scene.google_sends[0] = True

    activity_id = scene.create(scene.meeting(send_invitation=True))
    scene.run()
    scene.services.activities.set_cancelled(activity_id, True)
    scene.run()

    assert mail.due(limit=100) == []
    assert [call.query["sendUpdates"] for call in scene.google.calls("POST")] == ["all"]
    assert [call.query["sendUpdates"] for call in scene.google.calls("DELETE")] == ["all"]


def test_when_we_mail_the_invitations_google_sends_none(scene: CalendarScene) -> None:
    mail = _invitations(scene)

    activity_id = scene.create(scene.meeting(send_invitation=True))
    scene.run()
    scene.edit(activity_id, title="סקירה שנתית")
    scene.run()

    assert [m.to for m in mail.due(limit=100)] == [[DANA]]
    calls = scene.google.calls("POST") + scene.google.calls("PATCH")
    assert [call.query["sendUpdates"] for call in calls] == ["none", "none"]
    # Google is not asked to invite anyone, so it cannot send a second invitation.
    assert "attendees" not in scene.google.calls("POST")[0].body


def test_an_activity_not_in_the_calendar_is_still_mailed_when_google_sends(
    scene: CalendarScene,
) -> None:
    mail = _invitations(scene)
    scene.google_sends[0] = True

    scene.create(scene.meeting(send_invitation=True, add_to_calendar=False))

    assert [m.to for m in mail.due(limit=100)] == [[DANA]]
