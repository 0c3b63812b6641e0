"""Sending the outbox to a real SMTP server (aiosmtpd on 127.0.0.1)."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from email.header import decode_header, make_header

import keyring
import pytest
from keyring.backends import fail
from mail_server import SmtpServer, smtp_server  # tests/ is on the path via its conftest
from PySide6.QtWidgets import QApplication

from kesher_desktop.clock import FrozenClock
from kesher_desktop.db.store import Store
from kesher_desktop.services.activity_views import PersonRef, PersonView
from kesher_desktop.services.mail_outbox import MailDraft, MailOutbox
from kesher_desktop.services.reminders import FiredReminder
from kesher_desktop.services.secrets import SecretStore, smtp_password_key
from kesher_desktop.services.smtp_sender import SmtpSender, build_message
from kesher_desktop.settings import SmtpSecurity, SmtpSettings
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.reminder_mail import reminder_mail
from tests.services.reminder_scene import sample_fired

# aiosmtpd's SMTP logs "Session.login_data is deprecated" through `logging` (not `warnings`)
# whenever a client logs in; it is its own internal use, so nothing needs filtering here.

MINUTE = timedelta(minutes=1)
ME = "noa@kesher.example"


@pytest.fixture
def outbox(store: Store, clock: FrozenClock) -> MailOutbox:
    return MailOutbox(store, clock)


def _sender(
    outbox: MailOutbox, server: SmtpServer | None, secrets: SecretStore, user: str = ""
) -> SmtpSender:
    settings = server.settings(sender=ME, user=user) if server else None
    tls = server.client_tls if server else None
    return SmtpSender(outbox, lambda: settings, secrets, timeout=5, tls_context=tls)


def _meeting_reminder() -> FiredReminder:
    return sample_fired(
        alert_id=5,
        participants=[PersonView(PersonRef("contact", 2), "דנה לוי", "dana@example.com")],
        notify_others=True,
    )


def _queue(outbox: MailOutbox, draft: MailDraft) -> int:
    with outbox.store.session() as session:
        return outbox.enqueue(session, draft)


def _plain(subject: str = "Hello") -> MailDraft:
    return MailDraft(["me@example.com"], subject, "text", "<p>html</p>")


@pytest.mark.usefixtures("qapp")
def test_a_reminder_mail_arrives_with_recipients_subject_time_and_both_parts(
    outbox: MailOutbox, secrets: SecretStore, clock: FrozenClock
) -> None:
    draft = reminder_mail(_meeting_reminder(), clock.zone, [ME, "dana@example.com"])
    _queue(outbox, draft)

    with smtp_server() as server:
        retry_at = _sender(outbox, server, secrets).drain()

    assert retry_at is None
    [received] = server.received
    assert received.recipients == [ME, "dana@example.com"]
    assert received.sender == ME
    message = received.message
    assert message["From"] == ME
    assert message["To"] == f"{ME}, dana@example.com"
    assert message["Subject"] == "Reminder: Quarterly review (10/03/2026 10:00)"
    assert message["Message-ID"].endswith("@kesher.example>")

    assert message.get_content_type() == "multipart/alternative"
    text_part = message.get_body(("plain",))
    html_part = message.get_body(("html",))
    assert text_part is not None and html_part is not None
    text, html = text_part.get_content(), html_part.get_content()
    assert "10:00\u201311:00" in text and "(Asia/Jerusalem)" in text
    assert "Tuesday, 10 March 2026" in text
    assert "10:00\u201311:00" in html and "<!DOCTYPE html>" in html
    assert "\u2066Asia/Jerusalem\u2069" in html
    assert outbox.failures() == [] and outbox.due() == []


def test_the_plain_text_part_has_no_invisible_direction_marks(
    outbox: MailOutbox, clock: FrozenClock
) -> None:
    marked = "\u2067דנה לוי\u2069 \u200f(\u2066Asia/Jerusalem\u2069)\u200e, \u2068Noa\u2069\n"
    html = f'<p dir="rtl">{marked}</p>'
    _queue(outbox, MailDraft([ME], "Reminder", marked, html))
    [mail] = outbox.due()

    message = build_message(mail, ME, clock.now())

    text_part, html_part = message.get_body(("plain",)), message.get_body(("html",))
    assert text_part is not None and html_part is not None
    assert text_part.get_content() == "דנה לוי (Asia/Jerusalem), Noa\n"
    assert marked in html_part.get_content()


def test_a_hebrew_subject_is_encoded_and_arrives_whole(
    qapp: QApplication, outbox: MailOutbox, secrets: SecretStore, clock: FrozenClock
) -> None:
    install_language(qapp, "he")
    try:
        draft = reminder_mail(_meeting_reminder(), clock.zone, [ME])
    finally:
        install_language(qapp, "en")
    _queue(outbox, draft)

    with smtp_server() as server:
        _sender(outbox, server, secrets).drain()

    [received] = server.received
    raw = received.message.as_bytes()
    # On the wire the header is ASCII (RFC 2047 encoded words); decoded it is the Hebrew.
    header_line = next(line for line in raw.split(b"\n") if line.startswith(b"Subject:"))
    assert header_line.isascii() and b"=?utf-8?" in header_line.lower()
    assert str(make_header(decode_header(received.message["Subject"]))) == draft.subject
    assert received.message["Subject"] == "תזכורת: Quarterly review (10/03/2026 10:00)"
    html_part = received.message.get_body(("html",))
    assert html_part is not None and 'dir="rtl"' in html_part.get_content()


def test_starttls_and_login_with_the_password_from_the_keyring(
    outbox: MailOutbox, secrets: SecretStore
) -> None:
    _queue(outbox, _plain())

    with smtp_server(SmtpSecurity.STARTTLS, login=("noa", "s3cret-סיסמה")) as server:
        secrets.set(smtp_password_key(server.settings(sender=ME, user="noa")), "s3cret-סיסמה")
        _sender(outbox, server, secrets, user="noa").drain()

    assert [received.login for received in server.received] == ["noa"]
    assert outbox.failures() == []


def test_ssl_from_the_first_byte(outbox: MailOutbox, secrets: SecretStore) -> None:
    _queue(outbox, _plain())

    with smtp_server(SmtpSecurity.SSL) as server:
        _sender(outbox, server, secrets).drain()

    assert len(server.received) == 1


def test_a_wrong_password_is_kept_as_the_reason_and_retried(
    outbox: MailOutbox, secrets: SecretStore, clock: FrozenClock
) -> None:
    mail_id = _queue(outbox, _plain())

    with smtp_server(SmtpSecurity.STARTTLS, login=("noa", "right")) as server:
        secrets.set(smtp_password_key(server.settings(sender=ME, user="noa")), "wrong")
        retry_at = _sender(outbox, server, secrets, user="noa").drain()

    assert server.received == []
    assert retry_at == clock.now() + MINUTE
    [failed] = outbox.failures()
    assert failed.id == mail_id and failed.last_error.startswith("535")


def test_a_refused_message_is_retried_with_backoff_until_it_goes(
    outbox: MailOutbox, secrets: SecretStore, clock: FrozenClock
) -> None:
    mail_id = _queue(outbox, _plain("Retry me"))

    with smtp_server(reply="451 4.3.0 Mailbox busy, try later") as busy:
        sender = _sender(outbox, busy, secrets)
        assert sender.drain() == clock.now() + MINUTE
        clock.advance(MINUTE)
        assert sender.drain() == clock.now() + 2 * MINUTE
        # Not yet due: nothing is sent and the retry time stands.
        clock.advance(MINUTE)
        assert sender.drain() == clock.now() + MINUTE

    [failed] = outbox.failures()
    assert (failed.id, failed.attempts) == (mail_id, 2)
    assert failed.last_error == "451 4.3.0 Mailbox busy, try later"

    clock.advance(MINUTE)
    with smtp_server() as working:
        assert _sender(outbox, working, secrets).drain() is None

    assert [received.message["Subject"] for received in working.received] == ["Retry me"]
    assert outbox.failures() == []


def test_no_server_listening_is_a_failure_not_an_exception(
    outbox: MailOutbox, secrets: SecretStore, clock: FrozenClock
) -> None:
    _queue(outbox, _plain())
    with smtp_server() as server:
        settings = server.settings(sender=ME)
    # The server has stopped: its port now refuses connections.
    sender = SmtpSender(outbox, lambda: settings, secrets, timeout=5)

    assert sender.drain() == clock.now() + MINUTE
    assert "refused" in outbox.failures()[0].last_error.lower()


def test_mail_not_set_up_or_no_password_are_failures_with_a_reason(
    outbox: MailOutbox, secrets: SecretStore, clock: FrozenClock
) -> None:
    _queue(outbox, _plain())
    _sender(outbox, None, secrets).drain()
    assert "not set up" in outbox.failures()[0].last_error

    clock.advance(MINUTE)
    with smtp_server(SmtpSecurity.STARTTLS, login=("noa", "pw")) as server:
        _sender(outbox, server, secrets, user="noa").drain()
    assert server.received == []
    assert "no password" in outbox.failures()[0].last_error


def test_a_machine_without_a_keyring_gets_a_failure_saying_so(
    outbox: MailOutbox, clock: FrozenClock
) -> None:
    _queue(outbox, _plain())
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with smtp_server(SmtpSecurity.STARTTLS, login=("noa", "pw")) as server:
            _sender(outbox, server, SecretStore(), user="noa").drain()
    finally:
        keyring.set_keyring(before)

    assert outbox.failures()[0].last_error.startswith("keyring unavailable")


def test_drain_runs_on_a_worker_thread(outbox: MailOutbox, secrets: SecretStore) -> None:
    for number in range(3):
        _queue(outbox, _plain(f"mail {number}"))

    with smtp_server() as server:
        sender = _sender(outbox, server, secrets)
        results: list[datetime | None] = []
        worker = threading.Thread(target=lambda: results.append(sender.drain()))
        worker.start()
        worker.join(timeout=30)

    assert results == [None]
    assert sorted(r.message["Subject"] for r in server.received) == ["mail 0", "mail 1", "mail 2"]


class _BrokenOutbox(MailOutbox):
    """An outbox whose store fails (locked, disk gone) when asked what is due."""

    def claim(self, limit: int = 20) -> list:  # type: ignore[type-arg]
        raise RuntimeError("database is locked")


def test_drain_never_raises_and_asks_to_be_called_again_soon(
    store: Store, clock: FrozenClock, secrets: SecretStore, caplog: pytest.LogCaptureFixture
) -> None:
    settings = SmtpSettings("127.0.0.1", 1, SmtpSecurity.NONE, "", ME)
    sender = SmtpSender(_BrokenOutbox(store, clock), lambda: settings, secrets)

    assert sender.drain() == clock.now() + MINUTE
    assert "mail drain failed" in caplog.text
