"""A reminder that also notifies the others reaches each of them alone, over real SMTP.

The app's own path from end to end: the meeting saved through the services, the engine
wired to the window as at start-up, its claim queuing the mails, and its sender draining
them to aiosmtpd on 127.0.0.1. Only what the server received is checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage

import pytest
from mail_server import Received, SmtpServer, smtp_server  # tests/ is on the path
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import ActivityKind
from kesher_desktop.models.outgoing_mail import OutgoingMail
from kesher_desktop.services.activities import ActivityDraft, PersonRef, ReminderEntry
from kesher_desktop.services.bundle import Services
from kesher_desktop.settings import Settings, SmtpSecurity
from kesher_desktop.ui.main_window import MainWindow
from kesher_desktop.ui.reminder_wiring import start_reminders
from tests.services.reminder_scene import local

# Reminders go to this address. My own user record has it in other letters, so a second
# mail to "me as a participant" would show as a recipient of its own.
ME = "noa@kesher.example"
MY_USER_ADDRESS = "Noa@Kesher.example"
AVI = "avi@kesher.example"
DANA = "dana.levi@example.com"  # the `contact_id` fixture's address
OTHERS = (AVI, DANA)

# 10:00 in Jerusalem in summer is 07:00Z: a mail written in UTC would say 07:00.
STARTS_AT = local(2026, 7, 14, 10, 0)
OFFSET = 15


@dataclass(frozen=True)
class Wording:
    subject: str
    day: str
    mine: str
    theirs: str
    direction: str


WORDING = {
    "en": Wording(
        subject="Reminder: Budget review (14/07/2026 10:00)",
        day="Tuesday, 14 July 2026",
        mine="Meeting with דנה לוי",
        theirs="Budget review \u2014 Meeting organised by Noa Barak",
        direction="ltr",
    ),
    "he": Wording(
        subject="תזכורת: Budget review (14/07/2026 10:00)",
        day="יום שלישי, 14 ביולי 2026",
        mine="פגישה עם דנה לוי",
        theirs="Budget review \u2014 פגישה בארגון Noa Barak",
        direction="rtl",
    ),
}


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    with smtp_server() as running:
        yield running


def plan_meeting(services: Services, contact_id: int) -> None:
    """Me, Avi and Dana with addresses and Moshe without, and a reminder for all of them."""
    services.users.rename_me("Noa Barak", MY_USER_ADDRESS)
    me = services.users.me().id
    avi = services.users.add("Avi Cohen", AVI)
    moshe = services.users.add("Moshe")
    draft = ActivityDraft(
        ActivityKind.MEETING,
        title="Budget review",
        starts_at=STARTS_AT,
        ends_at=STARTS_AT + timedelta(hours=1),
        location="Herzl 12, Tel Aviv",
        participants=[
            PersonRef("user", me),
            PersonRef("user", avi),
            PersonRef("user", moshe),
            PersonRef("contact", contact_id),
        ],
        reminders=[ReminderEntry(OFFSET, notify_others=True)],
    )
    services.activities.create(contact_id, draft)


def all_queued_mail_sent(services: Services) -> bool:
    with services.store.session() as session:
        sent = session.scalars(select(OutgoingMail.sent_at)).all()
    return bool(sent) and all(at is not None for at in sent)


def deliver(qtbot: QtBot, services: Services, server: SmtpServer, language: str) -> None:
    """Start the app's reminders at the due instant and wait until their mail has gone."""
    settings = Settings(
        language=language,
        smtp_host="127.0.0.1",
        smtp_port=server.port,
        smtp_security=SmtpSecurity.NONE.value,
        my_address=ME,
    )
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.attach_services(services)
    engine = start_reminders(window, services)
    try:
        qtbot.waitUntil(lambda: all_queued_mail_sent(services), timeout=10_000)
    finally:
        # Stopped before looking, so nothing more can arrive mid-assertion.
        engine.shutdown()


def addressed_to(received: list[Received], address: str) -> EmailMessage:
    [mail] = [r for r in received if r.recipients == [address]]
    return mail.message


def bodies(message: EmailMessage) -> tuple[str, str]:
    """The plain text and the HTML alternative, decoded."""
    text_part, html_part = message.get_body(("plain",)), message.get_body(("html",))
    assert text_part is not None and html_part is not None
    return text_part.get_content(), html_part.get_content()


@pytest.fixture
def received(
    qtbot: QtBot,
    services: Services,
    clock: FrozenClock,
    contact_id: int,
    server: SmtpServer,
    language: str,
) -> list[Received]:
    """What the server took after the meeting's reminder fired on time."""
    clock.set(STARTS_AT - timedelta(days=1))
    plan_meeting(services, contact_id)
    clock.set(STARTS_AT - timedelta(minutes=OFFSET))

    deliver(qtbot, services, server, language)
    return server.received


def test_each_participant_with_an_address_gets_one_mail_to_them_alone(
    received: list[Received],
) -> None:
    # Me once, at my reminder address; Moshe, who has no address, none.
    assert sorted(r.recipients for r in received) == [[AVI], [DANA], [ME]]

    for address in (ME, *OTHERS):
        message = addressed_to(received, address)
        assert message["To"] == address
        assert message["From"] == ME
        assert message["Cc"] is None and message["Bcc"] is None
        # Nobody's mail shows another participant's address, in a header or either part.
        headers = "\n".join(f"{name}: {value}" for name, value in message.items())
        shown = "\n".join([headers, *bodies(message)]).casefold()
        assert [other for other in OTHERS if other != address and other in shown] == []


def test_each_mail_says_when_in_my_zone_in_the_language_of_the_mail(
    received: list[Received], language: str
) -> None:
    wording = WORDING[language]

    for address in (ME, *OTHERS):
        message = addressed_to(received, address)
        assert message["Subject"] == wording.subject
        assert message.get_content_type() == "multipart/alternative"
        parts = [part.get_content_type() for part in message.iter_parts()]
        assert parts == ["text/plain", "text/html"]

        text, html = bodies(message)
        heading = wording.mine if address == ME else wording.theirs
        assert text.splitlines()[0] == heading
        # The meeting's time in my zone; never the UTC hour.
        assert f"{wording.day}, 10:00\u201311:00 (Asia/Jerusalem)" in text
        assert "\u206610:00\u201311:00\u2069" in html
        assert "07:00" not in text + html
        assert f'<html lang="{language}" dir="{wording.direction}">' in html
