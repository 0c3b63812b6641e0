"""Invitations sent through a real SMTP server (aiosmtpd), as calendar programs receive them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from mail_server import SmtpServer, smtp_server  # tests/ is on the path via its conftest
from sqlalchemy import select

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import CalendarMethod, Invitation, InvitationSend, OutgoingMail
from kesher_desktop.services.activity_views import PersonRef
from kesher_desktop.services.bundle import Services
from tests.services.invitation_scene import (
    DANA,
    ME,
    MOSHE,
    START,
    YOSSI,
    Invite,
    Scene,
    by_recipient,
    invite_of,
    make_scene,
)

MINUTE = timedelta(minutes=1)


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    with smtp_server() as running:
        yield running


@pytest.fixture
def scene(services: Services, contact_id: int, server: SmtpServer) -> Scene:
    return make_scene(services, contact_id, server.settings(sender=ME))


def _deliver(scene: Scene, server: SmtpServer) -> dict[str, Invite]:
    """Send what the outbox holds; the invitations that arrived since the last call."""
    before = len(server.received)
    assert scene.sender().drain() is None
    arrived = [invite_of(received.message) for received in server.received[before:]]
    for received in server.received[before:]:
        assert received.recipients == [str(received.message["To"])]
    return by_recipient(arrived)


def test_saving_a_meeting_invites_the_contact_and_every_participant_but_me(
    scene: Scene, server: SmtpServer, clock: FrozenClock
) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())

    invites = _deliver(scene, server)

    assert sorted(invites) == [DANA, MOSHE, YOSSI]
    uid = scene.uid(meeting)
    assert re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", uid
    )
    for invite in invites.values():
        assert invite.message["From"] == ME
        assert invite.mime_method == "REQUEST" and invite.method == "REQUEST"
        event = invite.event
        assert str(event["UID"]) == uid
        assert invite.sequence == 0
        assert event["DTSTAMP"].dt == clock.now()
        assert event["DTSTART"].dt == START and event["DTSTART"].dt.utcoffset() == timedelta(0)
        assert event["DTEND"].dt == START + timedelta(hours=1)
        assert str(event["SUMMARY"]) == "סקירה רבעונית"
        assert str(event["LOCATION"]) == "הרצל 12, תל אביב"
        assert str(event["DESCRIPTION"]) == "תקציב 2026\nגיוס עובדים"
        assert str(event["STATUS"]) == "CONFIRMED"
        assert invite.attendees == [DANA, MOSHE, YOSSI]
        assert str(event["ORGANIZER"]) == f"mailto:{ME}"
        assert event["ORGANIZER"].params["CN"] == "נועה ברק"

    text = invites[DANA].raw.decode("utf-8")
    assert "DTSTART:20260312T080000Z\r\n" in text
    unfolded = text.replace("\r\n ", "")
    attendee = re.search(r"^ATTENDEE;(.*):mailto:dana\.levi@example\.com\r$", unfolded, re.M)
    assert attendee is not None
    params = attendee.group(1)
    assert 'CN="דנה לוי"' in params
    assert "RSVP=TRUE" in params and "PARTSTAT=NEEDS-ACTION" in params
    assert "ROLE=REQ-PARTICIPANT" in params
    assert 'ORGANIZER;CN="נועה ברק":mailto:noa@kesher.example' in unfolded


def test_a_change_of_time_updates_everyone_with_the_same_uid_and_a_higher_sequence(
    scene: Scene, server: SmtpServer, clock: FrozenClock
) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    first = _deliver(scene, server)
    clock.advance(10 * MINUTE)

    later = START + timedelta(days=1)
    scene.services.activities.update(
        meeting, scene.meeting(starts_at=later, ends_at=later + timedelta(hours=2))
    )
    update = _deliver(scene, server)

    assert sorted(update) == [DANA, MOSHE, YOSSI]
    for address, invite in update.items():
        assert invite.method == invite.mime_method == "REQUEST"
        assert str(invite.event["UID"]) == str(first[address].event["UID"])
        assert invite.sequence == 1
        assert invite.event["DTSTAMP"].dt == clock.now() > first[address].event["DTSTAMP"].dt
        assert invite.event["DTSTART"].dt == later
        assert invite.event["DTEND"].dt == later + timedelta(hours=2)


def test_a_change_of_place_sends_an_update_and_a_change_of_nothing_relevant_nothing(
    scene: Scene, server: SmtpServer
) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    _deliver(scene, server)

    scene.services.activities.update(meeting, scene.meeting())
    scene.services.activities.update(meeting, scene.meeting(title="כותרת אחרת", topics="אחר"))
    scene.services.activities.set_done(meeting, True)
    assert scene.queued() == 0
    assert _deliver(scene, server) == {}

    scene.services.activities.update(
        meeting, scene.meeting(title="כותרת אחרת", location="רוטשילד 1")
    )
    update = _deliver(scene, server)
    assert sorted(update) == [DANA, MOSHE, YOSSI]
    assert {invite.sequence for invite in update.values()} == {1}
    assert str(update[DANA].event["LOCATION"]) == "רוטשילד 1"
    # The update carries the title of the moment too.
    assert str(update[DANA].event["SUMMARY"]) == "כותרת אחרת"


def test_a_removed_invitee_is_sent_a_cancel_and_the_others_an_update(
    scene: Scene, server: SmtpServer
) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    first = _deliver(scene, server)

    without_moshe = scene.meeting()
    without_moshe.participants.remove(PersonRef("contact", scene.moshe_id))
    scene.services.activities.update(meeting, without_moshe)
    after = _deliver(scene, server)

    assert sorted(after) == [DANA, MOSHE, YOSSI]
    cancel = after[MOSHE]
    assert cancel.mime_method == cancel.method == "CANCEL"
    assert str(cancel.event["STATUS"]) == "CANCELLED"
    assert cancel.sequence == 1
    assert str(cancel.event["UID"]) == str(first[MOSHE].event["UID"])
    assert cancel.attendees == [MOSHE]
    for address in (DANA, YOSSI):
        assert after[address].method == after[address].mime_method == "REQUEST"
        assert after[address].sequence == 1
        assert after[address].attendees == [DANA, YOSSI]

    # Adding him back invites him again, in a new version everyone gets.
    scene.services.activities.update(meeting, scene.meeting())
    again = _deliver(scene, server)
    assert sorted(again) == [DANA, MOSHE, YOSSI]
    assert {invite.method for invite in again.values()} == {"REQUEST"}
    assert {invite.sequence for invite in again.values()} == {2}


def test_cancelling_sends_a_cancel_to_all_who_had_it_and_reopening_invites_again(
    scene: Scene, server: SmtpServer
) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    first = _deliver(scene, server)

    scene.services.activities.set_cancelled(meeting, True)
    cancels = _deliver(scene, server)
    # Deleting what is cancelled already sends nothing more.
    scene.services.activities.delete(meeting)
    scene.services.activities.restore(meeting)
    assert scene.queued() == 0

    assert sorted(cancels) == [DANA, MOSHE, YOSSI]
    for address, invite in cancels.items():
        assert invite.mime_method == invite.method == "CANCEL"
        assert str(invite.event["STATUS"]) == "CANCELLED"
        assert str(invite.event["UID"]) == str(first[address].event["UID"])
        assert invite.sequence == 1

    scene.services.activities.set_cancelled(meeting, False)
    reopened = _deliver(scene, server)
    assert {invite.method for invite in reopened.values()} == {"REQUEST"}
    assert {invite.sequence for invite in reopened.values()} == {2}


def test_deleting_sends_the_cancel_and_restoring_invites_again(
    scene: Scene, server: SmtpServer
) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    _deliver(scene, server)

    scene.services.activities.delete(meeting)
    cancels = _deliver(scene, server)
    assert sorted(cancels) == [DANA, MOSHE, YOSSI]
    assert {(i.method, i.mime_method, i.sequence) for i in cancels.values()} == {
        ("CANCEL", "CANCEL", 1)
    }
    assert {str(i.event["STATUS"]) for i in cancels.values()} == {"CANCELLED"}

    scene.services.activities.restore(meeting)
    restored = _deliver(scene, server)
    assert {(i.method, i.sequence) for i in restored.values()} == {("REQUEST", 2)}


def test_a_call_lasts_its_duration_or_half_an_hour(scene: Scene, server: SmtpServer) -> None:
    call = scene.meeting(kind=scene.meeting().kind.CALL, ends_at=None, location="")
    scene.services.activities.create(scene.contact_id, call)
    call.duration_minutes = 45
    call.starts_at = START + timedelta(days=2)
    scene.services.activities.create(scene.contact_id, call)

    invites = [invite_of(received.message) for received in _sent(scene, server)]
    spans = sorted(
        {(i.event["DTSTART"].dt, i.event["DTEND"].dt - i.event["DTSTART"].dt) for i in invites}
    )
    assert spans == [(START, timedelta(minutes=30)), (call.starts_at, timedelta(minutes=45))]
    assert all("LOCATION" not in invite.event for invite in invites)


def test_without_the_box_ticked_or_for_a_task_nothing_is_sent(
    scene: Scene, server: SmtpServer
) -> None:
    meeting = scene.services.activities.create(
        scene.contact_id, scene.meeting(send_invitation=False)
    )
    scene.services.activities.update(meeting, scene.meeting(send_invitation=False, location="אחר"))
    scene.services.activities.set_cancelled(meeting, True)
    assert scene.queued() == 0

    scene.services.activities.set_cancelled(meeting, False)
    scene.services.activities.update(meeting, scene.meeting())
    invites = _deliver(scene, server)
    assert {(i.method, i.sequence) for i in invites.values()} == {("REQUEST", 0)}


def test_the_ledger_keeps_what_went_to_whom_with_its_sequence_and_mail(
    scene: Scene, server: SmtpServer
) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    without_moshe = scene.meeting()
    without_moshe.participants.remove(PersonRef("contact", scene.moshe_id))
    scene.services.activities.update(meeting, without_moshe)
    scene.services.activities.set_cancelled(meeting, True)
    _deliver(scene, server)

    with scene.services.store.session() as session:
        sends = session.execute(
            select(
                Invitation.address,
                InvitationSend.method,
                InvitationSend.sequence,
                OutgoingMail.recipients,
                OutgoingMail.calendar_method,
            )
            .join(InvitationSend, InvitationSend.invitation_id == Invitation.id)
            .join(OutgoingMail, OutgoingMail.id == InvitationSend.mail_id)
            .where(Invitation.activity_id == meeting)
            .order_by(InvitationSend.id)
        ).all()
    R, C = CalendarMethod.REQUEST, CalendarMethod.CANCEL
    assert [tuple(row) for row in sends] == [
        (DANA, R, 0, DANA, "REQUEST"),
        (MOSHE, R, 0, MOSHE, "REQUEST"),
        (YOSSI, R, 0, YOSSI, "REQUEST"),
        (MOSHE, C, 1, MOSHE, "CANCEL"),
        (DANA, R, 1, DANA, "REQUEST"),
        (YOSSI, R, 1, YOSSI, "REQUEST"),
        (DANA, C, 2, DANA, "CANCEL"),
        (YOSSI, C, 2, YOSSI, "CANCEL"),
    ]


def test_hebrew_lines_are_folded_at_75_octets_between_letters(
    scene: Scene, server: SmtpServer
) -> None:
    long_title = "פגישת תכנון שנתית עם הנהלת החברה ונציגי העובדים " * 3
    scene.services.activities.create(
        scene.contact_id, scene.meeting(title=long_title.strip(), location="שדרות " * 20)
    )

    invite = _deliver(scene, server)[DANA]

    lines = invite.raw.split(b"\r\n")
    assert any(line.startswith(b" ") for line in lines), "nothing was long enough to fold"
    for line in lines:
        assert len(line) <= 75
        line.decode("utf-8")  # raises if a letter was cut in two
    assert str(invite.event["SUMMARY"]) == long_title.strip()


def _sent(scene: Scene, server: SmtpServer) -> list:
    before = len(server.received)
    scene.sender().drain()
    return server.received[before:]


def test_a_long_hebrew_subject_keeps_every_space_through_the_server(
    scene: Scene, server: SmtpServer
) -> None:
    # Titles a word shorter each: wherever the header is folded, the space there must stay.
    words = (
        "תקציב, לוחות זמנים, גיוס עובדים, שיווק ומכירות, רכש וספקים ותוכנית עבודה מפורטת לשנה הבאה"
    ).split()
    tail = "עם כל השותפים, הספקים ונציגי העובדים במשרד הראשי"
    titles = [
        " ".join(["סקירה רבעונית של", *words[:cut], tail]) for cut in range(len(words), 0, -1)
    ]
    for title in titles:
        meeting = scene.meeting(title=title, participants=[])
        scene.services.activities.create(scene.contact_id, meeting)

    received = _sent(scene, server)

    subjects = [str(r.message["Subject"]) for r in received]
    assert len(subjects) == len(titles) and max(len(s) for s in subjects) >= 190
    expected = [f"Invitation: {title} (2026-03-12 08:00 UTC)" for title in titles]
    assert sorted(subjects) == sorted(expected)
