"""The readable invitation mail, in the UI language, and its arrival beside the calendar."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from mail_server import smtp_server  # tests/ is on the path via its conftest
from PySide6.QtWidgets import QApplication

from kesher_desktop.models import ActivityKind, CalendarMethod
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.invitation_views import InvitationMessage
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.invitation_mail import invitation_composer, invitation_mail
from kesher_desktop.ui.invitation_wiring import start_invitations
from tests.services.invitation_scene import DANA, ME, MOSHE, YOSSI, invite_of, make_scene

JERUSALEM = ZoneInfo("Asia/Jerusalem")
MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    def switch(code: str) -> None:
        install_language(qapp, code)

    yield switch
    install_language(qapp, "en")


def _message(**changes: object) -> InvitationMessage:
    values: dict[str, object] = {
        "kind": ActivityKind.MEETING,
        "method": CalendarMethod.REQUEST,
        "is_update": False,
        "removed": False,
        "title": "Quarterly review",
        "starts_at": datetime(2026, 3, 10, 8, 0, tzinfo=UTC),
        "ends_at": datetime(2026, 3, 10, 9, 0, tzinfo=UTC),
        "location": "Herzl 12, Tel Aviv",
        "topics": "Budget\nHiring",
        "organizer": "נועה ברק",
        "attendees": ("דנה לוי", "Moshe"),
    }
    values.update(changes)
    return InvitationMessage(**values)  # type: ignore[arg-type]


def _visible(text: str) -> str:
    return MARKS.sub("", text)


@pytest.mark.usefixtures("qapp")
def test_the_english_invitation_says_who_invites_to_what_when_and_where() -> None:
    mail = invitation_mail(_message(), JERUSALEM)

    assert mail.subject == "Invitation: Quarterly review (10/03/2026 10:00)"
    assert mail.summary == "Quarterly review"
    text = _visible(mail.text)
    assert text.startswith("נועה ברק invites you to a meeting.\n")
    assert "When: Tuesday, 10 March 2026, 10:00–11:00 (Asia/Jerusalem)" in text
    assert "Where: Herzl 12, Tel Aviv" in text
    assert "Invited: דנה לוי, Moshe" in text
    assert "Budget\nHiring" in text
    assert '<html lang="en" dir="ltr">' in mail.html and "Budget<br>Hiring" in mail.html


@pytest.mark.usefixtures("qapp")
def test_updates_cancels_and_removals_say_so() -> None:
    update = invitation_mail(_message(is_update=True), JERUSALEM)
    assert update.subject.startswith("Updated invitation: Quarterly review")
    assert "has changed the meeting" in update.text

    cancel = invitation_mail(_message(method=CalendarMethod.CANCEL), JERUSALEM)
    assert cancel.subject.startswith("Cancelled: Quarterly review")
    assert "has cancelled the meeting" in cancel.text

    removed = invitation_mail(_message(method=CalendarMethod.CANCEL, removed=True), JERUSALEM)
    assert "taken you off this meeting" in removed.text

    call = invitation_mail(_message(kind=ActivityKind.CALL, title=""), JERUSALEM)
    assert call.summary == "Call with נועה ברק"
    assert "invites you to a call" in call.text


def test_the_hebrew_invitation_is_right_to_left(language: Callable[[str], None]) -> None:
    language("he")
    mail = invitation_mail(_message(title=""), JERUSALEM)

    assert mail.summary == "פגישה עם נועה ברק"
    assert mail.subject == "הזמנה: פגישה עם נועה ברק (10/03/2026 10:00)"
    assert _visible(mail.text).startswith("הזמנה לפגישה מאת נועה ברק.\n")
    assert '<html lang="he" dir="rtl">' in mail.html
    assert "Invitation" not in mail.text


def test_a_hebrew_invitation_arrives_with_its_calendar(
    language: Callable[[str], None], services: Services, contact_id: int
) -> None:
    language("he")
    with smtp_server() as server:
        scene = make_scene(
            services,
            contact_id,
            server.settings(sender=ME),
            invitation_composer(lambda: services.clock.zone),
        )
        scene.services.activities.create(scene.contact_id, scene.meeting(title=""))
        scene.sender().drain()

    invites = {str(r.message["To"]): r.message for r in server.received}
    message = invites[DANA]
    assert message["Subject"].startswith("הזמנה: תקציב 2026")
    text_part = message.get_body(("plain",))
    assert text_part is not None and "הרצל 12, תל אביב" in text_part.get_content()
    invite = invite_of(message)
    assert str(invite.event["SUMMARY"]) == "תקציב 2026"
    assert [p.get_content_type() for p in message.iter_parts()] == [
        "text/plain",
        "text/html",
        "text/calendar",
    ]


def test_the_wiring_sends_with_every_save(
    language: Callable[[str], None], services: Services, contact_id: int
) -> None:
    asked: list[int] = []
    # The scene's own invitations have no mail set up, so only the wired ones send.
    scene = make_scene(services, contact_id, None)
    with smtp_server() as server:
        settings = server.settings(sender=ME)
        start_invitations(services, scene.outbox, lambda: settings, lambda: asked.append(1))
        services.activities.create(contact_id, scene.meeting())
        assert asked == [1]
        scene.set_mail(settings)
        scene.sender().drain()
    assert sorted(str(r.message["To"]) for r in server.received) == [DANA, MOSHE, YOSSI]
