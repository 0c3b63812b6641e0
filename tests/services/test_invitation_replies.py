"""iMIP replies (METHOD:REPLY) set the invitee's answer; Hebrew folded mid-letter survives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kesher_desktop.models import Invitation, InvitationAnswer
from kesher_desktop.services.activity_views import PersonRef
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.calendar_file import read_replies
from tests.services.invitation_scene import DANA, MOSHE, START, Scene, make_scene, smtp_settings


@pytest.fixture
def scene(services: Services, contact_id: int) -> Scene:
    return make_scene(services, contact_id, smtp_settings())


def _reply(
    uid: str,
    address: str,
    partstat: str,
    name: str = "דנה לוי",
    sequence: int = 0,
    stamp: str = "20260310T090000Z",
    method: str = "REPLY",
) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"SEQUENCE:{sequence}",
        f"DTSTAMP:{stamp}",
        "DTSTART:20260312T080000Z",
        f'ATTENDEE;CUTYPE=INDIVIDUAL;PARTSTAT={partstat};CN="{name}":mailto:{address}',
        "ORGANIZER;CN=נועה ברק:mailto:noa@kesher.example",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return b"".join(_fold_bytes(line.encode("utf-8")) + b"\r\n" for line in lines)


def _fold_bytes(line: bytes, width: int = 40) -> bytes:
    """Fold every `width` octets, as some servers do, splitting letters where they fall."""
    parts = [line[start : start + width] for start in range(0, len(line), width)]
    return b"\r\n ".join(parts)


def test_a_reply_with_a_hebrew_name_folded_mid_letter_records_the_answer(scene: Scene) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    uid = scene.uid(meeting)
    name = "דנה לוי " * 6 + "כהן"
    data = _reply(uid, "Dana.Levi@Example.com", "ACCEPTED", name=name)
    # The folds really fall inside letters: a line alone is not UTF-8.
    with pytest.raises(UnicodeDecodeError):
        for line in data.split(b"\r\n"):
            line.decode("utf-8")

    [reply] = read_replies(data)
    assert reply.name == name and reply.answer is InvitationAnswer.ACCEPTED
    assert scene.invitations.record_reply(data) is True

    assert scene.invitations.answers(meeting) == {DANA: InvitationAnswer.ACCEPTED}
    dana = next(i for i in scene.invitations.state(meeting).invitees if i.address == DANA)
    assert dana.answer is InvitationAnswer.ACCEPTED


def test_tentative_and_declined_and_a_later_change_of_mind(scene: Scene) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    uid = scene.uid(meeting)

    assert scene.invitations.record_reply(_reply(uid, MOSHE, "TENTATIVE", "משה"))
    assert scene.invitations.record_reply(_reply(uid, DANA, "DECLINED"))
    assert scene.invitations.answers(meeting) == {
        DANA: InvitationAnswer.DECLINED,
        MOSHE: InvitationAnswer.TENTATIVE,
    }

    later = _reply(uid, MOSHE, "ACCEPTED", "משה", stamp="20260310T100000Z")
    assert scene.invitations.record_reply(later)
    assert scene.invitations.answers(meeting)[MOSHE] is InvitationAnswer.ACCEPTED


def test_an_older_reply_read_late_does_not_undo_a_newer_one(scene: Scene) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    uid = scene.uid(meeting)
    newer = _reply(uid, DANA, "ACCEPTED", sequence=1, stamp="20260311T090000Z")
    older = _reply(uid, DANA, "DECLINED", sequence=0, stamp="20260311T100000Z")
    earlier_same = _reply(uid, DANA, "TENTATIVE", sequence=1, stamp="20260311T080000Z")

    assert scene.invitations.record_reply(newer)
    assert scene.invitations.record_reply(older) is False
    assert scene.invitations.record_reply(earlier_same) is False
    assert scene.invitations.answers(meeting) == {DANA: InvitationAnswer.ACCEPTED}


def test_what_is_not_a_reply_to_one_of_ours_changes_nothing(scene: Scene) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    uid = scene.uid(meeting)
    published: list[int] = []
    scene.invitations.changes.subscribe(published.append)

    assert scene.invitations.record_reply(_reply("someone-elses-uid", DANA, "ACCEPTED")) is False
    assert scene.invitations.record_reply(_reply(uid, "stranger@example.com", "ACCEPTED")) is False
    assert scene.invitations.record_reply(_reply(uid, DANA, "ACCEPTED", method="REQUEST")) is False
    assert scene.invitations.record_reply(_reply(uid, DANA, "NEEDS-ACTION")) is False
    assert scene.invitations.record_reply(b"not a calendar at all") is False
    assert scene.invitations.answers(meeting) == {}
    assert published == []

    assert scene.invitations.record_reply(_reply(uid, DANA, "ACCEPTED"))
    assert published == [meeting]


def test_the_answer_is_kept_when_the_reply_has_no_stamp(scene: Scene) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    data = _reply(scene.uid(meeting), DANA, "ACCEPTED").replace(
        b"DTSTAMP:20260310T090000Z\r\n", b""
    )
    assert scene.invitations.record_reply(data)
    with scene.services.store.session() as session:
        row = session.scalars(select(Invitation).where(Invitation.folded == DANA)).one()
        assert row.answered_at == datetime(2026, 3, 10, 8, 0, tzinfo=UTC)


def test_a_new_time_or_place_asks_again_and_a_new_invitee_does_not(scene: Scene) -> None:
    meeting = scene.services.activities.create(scene.contact_id, scene.meeting())
    uid = scene.uid(meeting)
    assert scene.invitations.record_reply(_reply(uid, DANA, "ACCEPTED"))
    assert scene.invitations.record_reply(_reply(uid, MOSHE, "DECLINED", "משה"))

    # One person fewer invited: the others' answers still stand.
    fewer = scene.meeting()
    fewer.participants.remove(PersonRef("user", scene.yossi_id))
    scene.services.activities.update(meeting, fewer)
    assert scene.invitations.answers(meeting) == {
        DANA: InvitationAnswer.ACCEPTED,
        MOSHE: InvitationAnswer.DECLINED,
    }

    # A new time: the update went out with NEEDS-ACTION, so everyone is pending again.
    later = START + timedelta(days=1)
    moved = scene.meeting(starts_at=later, ends_at=later + timedelta(hours=1))
    scene.services.activities.update(meeting, moved)
    assert scene.invitations.answers(meeting) == {}
    state = scene.invitations.state(meeting)
    assert {i.answer for i in state.invitees} == {InvitationAnswer.NONE}
    sequence = max(i.sequence or 0 for i in state.invitees)

    # A reply to the old time read late is stale; one to the new version counts.
    assert scene.invitations.record_reply(_reply(uid, DANA, "ACCEPTED", sequence=1)) is False
    assert scene.invitations.record_reply(_reply(uid, DANA, "TENTATIVE", sequence=sequence))
    assert scene.invitations.answers(meeting) == {DANA: InvitationAnswer.TENTATIVE}

    # A new place asks again too.
    moved.location = "אחר"
    scene.services.activities.update(meeting, moved)
    assert scene.invitations.answers(meeting) == {}
