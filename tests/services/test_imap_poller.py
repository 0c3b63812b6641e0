"""The poller against a real Dovecot on 127.0.0.1: charsets, tags, duplicates, replies and a
change of UIDVALIDITY, each message logged once and marked on the server after the commit;
and an invitation's answer coming back the whole way, through SMTP out and IMAP in."""

from __future__ import annotations

import base64
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring
from sqlalchemy import select

from kesher_desktop.models import (
    Activity,
    ActivityKind,
    InvitationAnswer,
    MessageOutcome,
    ReviewReason,
    TrackedMessage,
)
from kesher_desktop.services import imap_poller
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.imap_poller import (
    KEYWORD,
    ImapPoller,
    PollingThread,
    PollReport,
    poller_for,
)
from kesher_desktop.services.mail_tracking import TrackingService
from kesher_desktop.services.secrets import SecretStore, imap_password_key
from kesher_desktop.settings import SmtpSecurity
from tests.imap_server import DovecotServer, build_message, dovecot_server
from tests.mail_server import smtp_server
from tests.services.invitation_scene import (
    DANA,
    ME,
    Invite,
    by_recipient,
    invite_of,
    make_scene,
)

ADDRESS = "track@example.com"


@pytest.fixture(scope="module")
def dovecot_once() -> Iterator[DovecotServer]:
    # One server for the module: stopping Dovecot takes seconds.
    with dovecot_server() as server:
        yield server


@pytest.fixture
def dovecot(dovecot_once: DovecotServer) -> DovecotServer:
    dovecot_once.clear()
    return dovecot_once


@pytest.fixture
def tracking(services: Services) -> TrackingService:
    return TrackingService(services.store, services.clock, services.activities)


def _poller(
    server: DovecotServer, tracking: TrackingService, folder: str = "INBOX", **options: Any
) -> ImapPoller:
    return ImapPoller(server.settings(ADDRESS, folder), server.password, tracking, **options)


def _activities(services: Services, contact_id: int) -> list[tuple[str, str]]:
    with services.store.session() as session:
        rows = session.execute(
            select(Activity.title, Activity.topics)
            .where(Activity.contact_id == contact_id)
            .order_by(Activity.id)
        )
        return [(title, topics) for title, topics in rows]


def _b_words(text: str, cut: int) -> bytes:
    """`text` as two UTF-8 B-encoded words cut after `cut` bytes (inside a letter)."""
    data = text.encode()
    first, second = base64.b64encode(data[:cut]), base64.b64encode(data[cut:])
    return b"=?UTF-8?B?" + first + b"?=\r\n =?UTF-8?B?" + second + b"?="


def _q_word(text: str, charset: str) -> bytes:
    encoded = "".join(f"={byte:02X}" for byte in _encode_body(text, charset))
    return f"=?{charset}?Q?{encoded}?=".encode()


def _encode_body(text: str, charset: str) -> bytes:
    # Python knows the -i and -e labels only once mail_decoding has registered them.
    return text.encode(charset.removesuffix("-i").removesuffix("-e"))


CHARSET_CASES = [
    # (charset of the body, subject header, subject as read, body as read)
    ("utf-8", _b_words("הצעת מחיר", 3), "הצעת מחיר", "שלום דנה, מצורפת ההצעה."),
    ("windows-1255", _q_word("פגישה", "windows-1255"), "פגישה", "שָׁלוֹם ₪"),
    ("iso-8859-8", _q_word("תודה", "iso-8859-8"), "תודה", "תודה רבה"),
    ("iso-8859-8-i", _q_word("חשבונית", "iso-8859-8-i"), "חשבונית", "החשבונית מצורפת"),
    ("iso-8859-8-e", _q_word("סיכום", "iso-8859-8-e"), "סיכום", "סיכום הפגישה"),
]


def test_every_charset_is_logged_on_the_tagged_contact_and_marked_after(
    dovecot: DovecotServer, services: Services, tracking: TrackingService, contact_id: int
) -> None:
    tag = tracking.tracking_address(ADDRESS, contact_id)
    for number, (charset, subject, _, body) in enumerate(CHARSET_CASES):
        dovecot.append(
            build_message(
                message_id=f"<c{number}@example.com>",
                to="someone@example.org",
                delivered_to=tag,
                subject=subject,
                body=_encode_body(body, charset),
                charset=charset,
            )
        )

    report = _poller(dovecot, tracking).poll_once()

    assert report == PollReport(logged=len(CHARSET_CASES))
    assert _activities(services, contact_id) == [
        (subject, body) for _, _, subject, body in CHARSET_CASES
    ]
    flags = dovecot.keywords()
    assert all(KEYWORD in each and "\\Seen" not in each for each in flags), flags


@pytest.mark.parametrize("security", [SmtpSecurity.SSL, SmtpSecurity.STARTTLS])
def test_over_tls_the_mail_is_read_and_an_unknown_certificate_refused(
    dovecot: DovecotServer,
    services: Services,
    tracking: TrackingService,
    contact_id: int,
    security: SmtpSecurity,
) -> None:
    tag = tracking.tracking_address(ADDRESS, contact_id)
    dovecot.append(build_message(message_id="<tls@example.com>", delivered_to=tag))
    settings = dovecot.settings(ADDRESS, security=security)

    # Not signed by anyone the system trusts: refused before the password is sent.
    with pytest.raises(ssl.SSLCertVerificationError):
        ImapPoller(settings, dovecot.password, tracking).poll_once()
    assert _activities(services, contact_id) == []

    trusting = ssl.create_default_context(cafile=str(dovecot.certificate))
    report = ImapPoller(settings, dovecot.password, tracking, ssl_context=trusting).poll_once()

    assert report == PollReport(logged=1)
    assert _activities(services, contact_id) == [("Hello", "Hello")]


def test_an_html_only_message_is_logged_as_its_text(
    dovecot: DovecotServer, services: Services, tracking: TrackingService, contact_id: int
) -> None:
    raw = build_message(message_id="<h1@example.com>", body=b"x").replace(
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nx",
        b"Content-Type: text/html; charset=utf-8\r\n\r\n<p>" + "שלום".encode() + b"</p>",
    )
    dovecot.append(raw)

    _poller(dovecot, tracking).poll_once()

    assert _activities(services, contact_id) == [("Hello", "שלום")]


def test_a_forged_tag_and_a_stranger_wait_in_review_and_a_duplicate_counts_once(
    dovecot: DovecotServer, services: Services, tracking: TrackingService, contact_id: int
) -> None:
    forged = f"track+c{contact_id}-k0000000000@example.com"
    dovecot.append(build_message(message_id="<f1@example.com>", delivered_to=forged))
    dovecot.append(build_message(message_id="<s1@example.com>", to="stranger@example.org"))
    duplicate = build_message(message_id="<d1@example.com>")
    dovecot.append(duplicate)
    dovecot.append(duplicate)
    poller = _poller(dovecot, tracking)

    first = poller.poll_once()
    second = poller.poll_once()

    assert first == PollReport(logged=1, review=2, known=1)
    assert second == PollReport()
    assert len(_activities(services, contact_id)) == 1
    reasons = sorted(item.reason for item in tracking.review_items())
    assert reasons == [ReviewReason.FORGED_TAG, ReviewReason.NO_MATCH]
    assert all(KEYWORD in each for each in dovecot.keywords())


def _reply(message_id: str) -> bytes:
    calendar = (
        b"BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:activity-1@kesher\r\n"
        b'ATTENDEE;PARTSTAT=ACCEPTED;CN="=D7=93":mailto:dana.levi@example.com\r\n'
        b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    part = b"Content-Type: text/calendar; charset=utf-8; method=REPLY\r\n\r\n" + calendar
    return build_message(
        message_id=message_id, to=ADDRESS, subject=b"Accepted", extra_parts=(part,)
    )


def test_a_calendar_reply_goes_to_the_invitations_and_not_on_a_contact(
    dovecot: DovecotServer, services: Services, tracking: TrackingService, contact_id: int
) -> None:
    dovecot.append(_reply("<r1@example.com>"))
    received: list[bytes] = []

    def take(data: bytes) -> bool:
        received.append(data)
        return True

    report = _poller(dovecot, tracking, on_calendar_reply=take).poll_once()

    assert report == PollReport(replies=1)
    assert len(received) == 1 and b"METHOD:REPLY" in received[0]
    assert b"PARTSTAT=ACCEPTED" in received[0]
    assert _activities(services, contact_id) == []
    assert tracking.review_items() == []


def _answer_to(invite: Invite, partstat: str) -> bytes:
    """The REPLY a calendar program mails to the invitation's ORGANIZER, as Gmail does."""
    event = invite.event
    organizer = str(event["ORGANIZER"]).removeprefix("mailto:")
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "METHOD:REPLY",
        "BEGIN:VEVENT",
        f"UID:{event['UID']}",
        f"SEQUENCE:{invite.sequence}",
        "DTSTAMP:20260310T093000Z",
        f"ORGANIZER:mailto:{organizer}",
        f'ATTENDEE;PARTSTAT={partstat};CN="דנה לוי":mailto:{invite.to}',
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    calendar = ("\r\n".join(lines) + "\r\n").encode("utf-8")
    part = (
        b'Content-Type: text/calendar; charset="UTF-8"; method=REPLY\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n" + base64.encodebytes(calendar)
    )
    return build_message(
        message_id="<answer-1@google.com>",
        to=organizer,
        subject=b"Accepted: =?UTF-8?B?" + base64.b64encode("סקירה".encode()) + b"?=",
        body=b"Dana has accepted this invitation.",
        extra_parts=(part,),
    )


def test_an_invitations_answer_comes_back_through_the_tracking_mailbox(
    dovecot: DovecotServer, services: Services, tracking: TrackingService, contact_id: int
) -> None:
    with smtp_server() as smtp:
        scene = make_scene(services, contact_id, smtp.settings(sender=ME), reply_mailbox=ADDRESS)
        meeting = services.activities.create(contact_id, scene.meeting())
        assert scene.sender().drain() is None
        invites = by_recipient([invite_of(mail.message) for mail in smtp.received])
    dana = invites[DANA]
    organizer = dana.event["ORGANIZER"]
    # The answer is addressed to the tracking mailbox, tagged for this contact; the name
    # the contact sees is mine, and plain replies to the mail still reach me.
    assert str(organizer) == f"mailto:{tracking.tracking_address(ADDRESS, contact_id)}"
    assert organizer.params["CN"] == "נועה ברק" and dana.message["From"] == ME

    dovecot.append(_answer_to(dana, "ACCEPTED"))
    report = _poller(dovecot, tracking, on_calendar_reply=scene.invitations.record_reply)

    assert report.poll_once() == PollReport(replies=1)
    assert scene.invitations.answers(meeting) == {DANA: InvitationAnswer.ACCEPTED}
    # An answer is no correspondence: nothing is logged on the contact, nothing to review.
    assert [row.kind for row in services.activities.rows_for_contact(contact_id)] == [
        ActivityKind.MEETING
    ]
    assert tracking.review_items() == []
    assert KEYWORD in dovecot.keywords()[0]


def test_without_a_tracking_mailbox_the_organizer_is_me(
    services: Services, contact_id: int
) -> None:
    with smtp_server() as smtp:
        scene = make_scene(services, contact_id, smtp.settings(sender=ME))
        services.activities.create(contact_id, scene.meeting())
        assert scene.sender().drain() is None
        invites = by_recipient([invite_of(mail.message) for mail in smtp.received])

    assert str(invites[DANA].event["ORGANIZER"]) == f"mailto:{ME}"


def test_a_reply_the_callback_fails_on_is_offered_again_next_time(
    dovecot: DovecotServer, tracking: TrackingService
) -> None:
    dovecot.append(_reply("<r2@example.com>"))
    calls: list[bytes] = []

    def broken(data: bytes) -> bool:
        calls.append(data)
        raise RuntimeError("store busy")

    first = _poller(dovecot, tracking, on_calendar_reply=broken).poll_once()
    second = _poller(dovecot, tracking, on_calendar_reply=lambda data: True).poll_once()

    assert (first.failed, len(calls)) == (1, 1)
    assert second == PollReport(replies=1)
    assert KEYWORD in dovecot.keywords()[0]


def test_a_changed_uidvalidity_reads_again_but_logs_nothing_twice(
    dovecot: DovecotServer, services: Services, tracking: TrackingService, contact_id: int
) -> None:
    with dovecot.client() as box:
        box.folder.create("Tracking")
    for number in range(3):
        dovecot.append(build_message(message_id=f"<u{number}@example.com>"), "Tracking")
    poller = _poller(dovecot, tracking, folder="Tracking")
    assert poller.poll_once() == PollReport(logged=3)

    dovecot.recreate("Tracking")
    dovecot.append(build_message(message_id="<u3@example.com>"), "Tracking")
    report = poller.poll_once()

    assert report == PollReport(logged=1, known=3, uidvalidity_changed=True)
    assert len(_activities(services, contact_id)) == 4
    assert all(KEYWORD in each for each in dovecot.keywords("Tracking"))


def test_a_crash_between_commit_and_marking_duplicates_nothing(
    dovecot: DovecotServer,
    services: Services,
    tracking: TrackingService,
    contact_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dovecot.append(build_message(message_id="<k1@example.com>"))

    def crash(client: object, uid: int) -> None:
        raise SystemExit("power cut")

    monkeypatch.setattr(imap_poller, "_mark", crash)
    with pytest.raises(SystemExit):
        _poller(dovecot, tracking).poll_once()
    assert KEYWORD not in dovecot.keywords()[0]
    monkeypatch.undo()

    report = _poller(dovecot, tracking).poll_once()

    assert report == PollReport(known=1)
    assert len(_activities(services, contact_id)) == 1
    assert KEYWORD in dovecot.keywords()[0]
    with services.store.session() as session:
        [row] = session.scalars(select(TrackedMessage)).all()
        assert row.outcome is MessageOutcome.LOGGED


def test_the_password_comes_from_the_keyring(
    dovecot: DovecotServer, tracking: TrackingService, tmp_path: Path
) -> None:
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        settings = dovecot.settings(ADDRESS)
        secrets = SecretStore(allow_plain_file=True)
        secrets.set(imap_password_key(settings), dovecot.password())
        poller = poller_for(settings, tracking, secrets=secrets)

        assert poller.poll_once() == PollReport()
    finally:
        keyring.set_keyring(before)


def test_the_thread_polls_at_start_and_again_on_demand(
    dovecot: DovecotServer, services: Services, tracking: TrackingService, contact_id: int
) -> None:
    reports: list[PollReport] = []
    arrived = threading.Semaphore(0)

    def keep(report: PollReport) -> None:
        reports.append(report)
        arrived.release()

    thread = PollingThread(_poller(dovecot, tracking).poll_once, interval=3600, on_report=keep)
    thread.start()
    try:
        assert arrived.acquire(timeout=20)
        dovecot.append(build_message(message_id="<n1@example.com>"))
        thread.poll_now()
        assert arrived.acquire(timeout=20)
    finally:
        thread.stop()

    assert reports == [PollReport(), PollReport(logged=1)]


def test_the_thread_reports_a_failed_login_and_carries_on(
    dovecot: DovecotServer, tracking: TrackingService
) -> None:
    errors: list[Exception] = []
    failed = threading.Event()

    def note(error: Exception) -> None:
        errors.append(error)
        failed.set()

    settings = dovecot.settings(ADDRESS)
    poller = ImapPoller(settings, lambda: "wrong", tracking)
    thread = PollingThread(poller.poll_once, interval=3600, on_error=note)
    thread.start()
    try:
        assert failed.wait(20)
    finally:
        thread.stop()

    assert len(errors) == 1
