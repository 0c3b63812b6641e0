"""What the activity shows of its invitation: sent, pending, failed, not sent, no mail; resend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from mail_server import SmtpServer, smtp_server  # tests/ is on the path via its conftest
from sqlalchemy import func, select

from kesher_desktop.models import Activity, CalendarMethod, InvitationAnswer, OutgoingMail
from kesher_desktop.services.activity_views import PersonRef
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.errors import ServiceError
from kesher_desktop.services.invitation_views import InvitationStatus
from tests.services.invitation_scene import (
    DANA,
    ME,
    MOSHE,
    YOSSI,
    Scene,
    invite_of,
    make_scene,
    smtp_settings,
)

SENT, PENDING, FAILED = InvitationStatus.SENT, InvitationStatus.PENDING, InvitationStatus.FAILED
NOT_SENT = InvitationStatus.NOT_SENT


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    with smtp_server() as running:
        yield running


@pytest.fixture
def scene(services: Services, contact_id: int, server: SmtpServer) -> Scene:
    return make_scene(services, contact_id, server.settings(sender=ME))


def _statuses(scene: Scene, activity_id: int) -> dict[str, InvitationStatus]:
    state = scene.invitations.state(activity_id)
    return {invitee.address: invitee.status for invitee in state.invitees}


def test_queued_then_sent(scene: Scene) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())

    state = scene.invitations.state(meeting)
    assert state.status is PENDING
    assert _statuses(scene, meeting) == {DANA: PENDING, MOSHE: PENDING, YOSSI: PENDING}
    assert {i.sequence for i in state.invitees} == {0}
    assert {i.method for i in state.invitees} == {CalendarMethod.REQUEST}

    scene.sender().drain()
    state = scene.invitations.state(meeting)
    assert state.status is SENT
    assert all(invitee.invited and invitee.error == "" for invitee in state.invitees)


def test_a_refused_invitation_is_failed_with_the_reason_and_resend_sends_it(
    services: Services, contact_id: int
) -> None:
    with smtp_server(reply="451 4.3.0 Try again later") as refusing:
        scene = make_scene(services, contact_id, refusing.settings(sender=ME))
        meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
        scene.sender().drain()

    state = scene.invitations.state(meeting)
    assert state.status is FAILED
    assert {i.error for i in state.invitees} == {"451 4.3.0 Try again later"}
    assert scene.queued() == 0  # waiting for the next try, a minute away

    with smtp_server() as working:
        scene.set_mail(working.settings(sender=ME))
        assert scene.invitations.resend(meeting) == 3
        assert scene.queued() == 3
        scene.sender().drain()
    assert sorted(str(r.message["To"]) for r in working.received) == [DANA, MOSHE, YOSSI]
    assert scene.invitations.state(meeting).status is SENT


def test_with_mail_not_set_up_nothing_is_queued_and_the_state_says_so(
    services: Services, contact_id: int, server: SmtpServer
) -> None:
    scene = make_scene(services, contact_id, None)
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())

    assert scene.queued() == 0
    assert scene.invitations.state(meeting).status is InvitationStatus.MAIL_NOT_SET_UP
    with pytest.raises(ServiceError):
        scene.invitations.resend(meeting)

    scene.set_mail(server.settings(sender=ME))
    state = scene.invitations.state(meeting)
    assert state.status is NOT_SENT
    assert _statuses(scene, meeting) == {DANA: NOT_SENT, MOSHE: NOT_SENT, YOSSI: NOT_SENT}

    assert scene.invitations.resend(meeting) == 3
    scene.sender().drain()
    assert scene.invitations.state(meeting).status is SENT
    assert len(server.received) == 3


def test_a_change_saved_while_mail_was_off_shows_as_not_sent(
    scene: Scene, server: SmtpServer
) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    scene.sender().drain()
    settings = scene.settings[0]

    scene.set_mail(None)
    without_moshe = scene.meeting(location="אחר")
    without_moshe.participants.remove(PersonRef("contact", scene.moshe_id))
    scene.services.activities.update(meeting, without_moshe)
    assert scene.invitations.state(meeting).status is InvitationStatus.MAIL_NOT_SET_UP

    scene.set_mail(settings)
    assert _statuses(scene, meeting) == {DANA: NOT_SENT, MOSHE: NOT_SENT, YOSSI: NOT_SENT}
    scene.invitations.resend(meeting)
    scene.sender().drain()
    state = scene.invitations.state(meeting)
    assert state.status is SENT
    moshe = next(i for i in state.invitees if i.address == MOSHE)
    assert not moshe.invited and moshe.method is CalendarMethod.CANCEL


def test_an_unsent_version_is_replaced_by_the_next_not_sent_as_well(
    scene: Scene, server: SmtpServer
) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    scene.services.activities.update(meeting, scene.meeting(location="אחר"))

    scene.sender().drain()

    assert len(server.received) == 3
    assert {str(r.message["To"]) for r in server.received} == {DANA, MOSHE, YOSSI}
    assert scene.invitations.state(meeting).status is SENT


def test_an_activity_without_invitations_has_none(scene: Scene) -> None:
    meeting = scene.services.activities.create(
        scene.contact_id, scene.meeting(send_invitation=False)
    )
    state = scene.invitations.state(meeting)
    assert state.status is InvitationStatus.NONE and state.invitees == ()


def test_the_invitation_is_written_in_the_same_transaction_as_the_save(scene: Scene) -> None:
    def broken(session: object, activity: Activity) -> None:
        raise RuntimeError("disk full")

    scene.services.activities.hooks.append(broken)
    with pytest.raises(RuntimeError):
        scene.services.activities.create(scene.contact_id, scene.meeting())

    with scene.services.store.session() as session:
        assert session.scalar(select(func.count()).select_from(Activity)) == 0
        assert session.scalar(select(func.count()).select_from(OutgoingMail)) == 0


def test_answers_start_empty(scene: Scene) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    assert scene.invitations.answers(meeting) == {}
    state = scene.invitations.state(meeting)
    assert {i.answer for i in state.invitees} == {InvitationAnswer.NONE}


def test_a_newcomer_reads_an_invitation_and_the_others_an_update(
    services: Services, contact_id: int
) -> None:
    scene = make_scene(services, contact_id, smtp_settings())
    without_moshe = scene.meeting()
    without_moshe.participants.remove(PersonRef("contact", scene.moshe_id))
    meeting = scene.services.activities.create(scene.contact_id, without_moshe)
    first = {mail.to[0]: mail for mail in scene.outbox.due(limit=100)}
    assert {to: mail.subject.split(":")[0] for to, mail in first.items()} == {
        DANA: "Invitation",
        YOSSI: "Invitation",
    }

    scene.services.activities.update(meeting, scene.meeting())
    second = {
        mail.to[0]: mail
        for mail in scene.outbox.due(limit=100)
        if mail.id not in {m.id for m in first.values()}
    }
    assert {to: mail.subject.split(":")[0] for to, mail in second.items()} == {
        DANA: "Updated invitation",
        MOSHE: "Invitation",
        YOSSI: "Updated invitation",
    }
    # The earlier mails, not yet sent, were replaced by these.
    assert {mail.id for mail in scene.outbox.due(limit=100)} == {m.id for m in second.values()}


def test_resend_after_delivery_sends_the_same_version_to_everyone_again(
    scene: Scene, server: SmtpServer
) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    scene.sender().drain()
    assert scene.invitations.record_reply(_accepted(scene.uid(meeting), DANA))

    assert scene.invitations.resend(meeting) == 3
    scene.sender().drain()

    again = [invite_of(received.message) for received in server.received[3:]]
    assert sorted(invite.to for invite in again) == [DANA, MOSHE, YOSSI]
    for invite in again:
        assert invite.method == "REQUEST" and invite.sequence == 0
        assert str(invite.event["UID"]) == scene.uid(meeting)
        assert not str(invite.message["Subject"]).startswith("Updated")
    state = scene.invitations.state(meeting)
    assert state.status is SENT and {i.sequence for i in state.invitees} == {0}
    # The same version: the answer given to it still stands.
    assert scene.invitations.answers(meeting) == {DANA: InvitationAnswer.ACCEPTED}


def _accepted(uid: str, address: str) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nSEQUENCE:0\r\nDTSTAMP:20260310T090000Z\r\n"
        f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{address}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()
