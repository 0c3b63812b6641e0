"""Reading the tracking mailbox over IMAP, every few minutes and on demand, off the UI thread.

Each message is fetched without marking it read, handed to `TrackingService.record` (or,
for an iMIP reply, to the invitations' callback), and only once that is committed is it
marked on the server with the keyword `$KesherLogged`.

Why a keyword rather than \\Seen and a move to another folder: the tracking mailbox may be
one the user also reads, where \\Seen would hide unread mail; a move needs a folder to exist
and is a copy and an expunge on servers without MOVE, which a crash can cut in half. A
keyword is one idempotent STORE that other mail programs do not show. Should it be lost
(a crash between commit and STORE, a server that keeps no keywords), nothing is logged
twice: the UID (under the same UIDVALIDITY) and the Message-ID are remembered in the store.
"""

from __future__ import annotations

import imaplib
import logging
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kesher_desktop.services.mail_decoding import parse_mail
from kesher_desktop.services.mail_tracking import Place, TrackingService
from kesher_desktop.services.secrets import SecretStore, imap_password_key
from kesher_desktop.settings import ImapSettings, SmtpSecurity

if TYPE_CHECKING:
    from imap_tools import BaseMailBox

log = logging.getLogger(__name__)

KEYWORD = "$KesherLogged"
POLL_SECONDS = 5 * 60

CalendarReplyHandler = Callable[[bytes], bool]


@dataclass
class PollReport:
    """What one pass over the mailbox did."""

    logged: int = 0
    review: int = 0
    replies: int = 0
    # Messages already handled (by UID or Message-ID), now only marked on the server.
    known: int = 0
    failed: int = 0
    uidvalidity_changed: bool = False


class ImapPoller:
    """One pass over the tracking mailbox per `poll_once`; safe to call from any thread,
    one pass at a time."""

    def __init__(
        self,
        settings: ImapSettings,
        password: Callable[[], str],
        tracking: TrackingService,
        on_calendar_reply: CalendarReplyHandler | None = None,
        ssl_context: ssl.SSLContext | None = None,
        timeout: float = 60.0,
    ) -> None:
        self._settings = settings
        self._password = password
        self._tracking = tracking
        self._on_calendar_reply = on_calendar_reply
        self._ssl_context = ssl_context
        self._timeout = timeout
        self._lock = threading.Lock()

    @property
    def mailbox_key(self) -> str:
        s = self._settings
        return f"{s.user}@{s.host}:{s.port}/{s.folder}"

    def poll_once(self) -> PollReport:
        """Read the folder once; network and login errors are raised to the caller."""
        with self._lock, self._connect() as box:
            box.login(self._settings.user, self._password(), initial_folder=None)
            status = box.folder.status(self._settings.folder, ["UIDVALIDITY"])
            box.folder.set(self._settings.folder)
            uidvalidity = int(status["UIDVALIDITY"])
            mailbox_id, changed = self._tracking.mailbox_seen(self.mailbox_key, uidvalidity)
            report = PollReport(uidvalidity_changed=changed)
            for uid in box.uids(f"UNKEYWORD {KEYWORD}"):
                place = Place(mailbox_id, uidvalidity, int(uid))
                self._handle(box.client, place, report)
        log.info("tracking mailbox read %s", report)
        return report

    def _handle(self, client: imaplib.IMAP4, place: Place, report: PollReport) -> None:
        """Record one message, then mark it; a failure leaves it for the next pass."""
        try:
            if self._tracking.known_uid(place):
                report.known += 1
            else:
                self._record(_fetch(client, place.uid), place, report)
        except Exception:
            log.exception("tracking mail not handled uid=%s", place.uid)
            report.failed += 1
            return
        _mark(client, place.uid)

    def _record(self, raw: bytes, place: Place, report: PollReport) -> None:
        mail = parse_mail(raw)
        if self._tracking.is_known(mail.message_id):
            report.known += 1
            return
        if mail.calendar_replies and self._on_calendar_reply is not None:
            # A callback that raises leaves the message unmarked, to be offered again.
            taken = [self._on_calendar_reply(data) for data in mail.calendar_replies]
            if any(taken):
                self._tracking.record_calendar(mail, place)
                report.replies += 1
                return
        recorded = self._tracking.record(mail, raw, self._settings.address, place)
        if recorded.already_known:
            report.known += 1
        elif recorded.activity_ids:
            report.logged += 1
        else:
            report.review += 1

    def _connect(self) -> BaseMailBox:
        from imap_tools import MailBox, MailBoxStartTls, MailBoxUnencrypted

        s = self._settings
        if s.security is SmtpSecurity.SSL:
            context = self._ssl_context or ssl.create_default_context()
            return MailBox(s.host, s.port, timeout=self._timeout, ssl_context=context)
        if s.security is SmtpSecurity.STARTTLS:
            context = self._ssl_context or ssl.create_default_context()
            return MailBoxStartTls(s.host, s.port, timeout=self._timeout, ssl_context=context)
        return MailBoxUnencrypted(s.host, s.port, timeout=self._timeout)


def _fetch(client: imaplib.IMAP4, uid: int) -> bytes:
    """The whole message, without setting \\Seen (BODY.PEEK)."""
    status, data = client.uid("FETCH", str(uid), "(BODY.PEEK[])")
    if status != "OK":
        raise RuntimeError(f"FETCH {uid} answered {status}")
    for item in data:
        if isinstance(item, tuple) and len(item) == 2:
            return item[1]
    raise RuntimeError(f"FETCH {uid} returned no message")


def _mark(client: imaplib.IMAP4, uid: int) -> None:
    """Set the keyword; a refusal is logged, not raised: the store already knows the UID."""
    # Not imap_tools' flag(): it expunges after storing, which would remove messages
    # another program marked \Deleted.
    status, data = client.uid("STORE", str(uid), "+FLAGS.SILENT", f"({KEYWORD})")
    if status != "OK":
        log.warning("keyword not stored uid=%s answer=%s", uid, data)


def keyring_password(
    settings: ImapSettings, secrets: SecretStore | None = None
) -> Callable[[], str]:
    """The password from the keyring, read at each pass so a change there is picked up."""
    store = secrets or SecretStore()

    def read() -> str:
        return store.get(imap_password_key(settings)) or ""

    return read


def poller_for(
    settings: ImapSettings,
    tracking: TrackingService,
    on_calendar_reply: CalendarReplyHandler | None = None,
    secrets: SecretStore | None = None,
) -> ImapPoller:
    """The poller the app runs: its password from the keyring, the system's trusted CAs."""
    return ImapPoller(settings, keyring_password(settings, secrets), tracking, on_calendar_reply)


class PollingThread:
    """Runs `poll` every `interval` seconds on a daemon thread, and at once on `poll_now`.

    No Qt: `on_report` and `on_error` are called on this thread; the UI moves them to its
    own thread itself (a queued signal).
    """

    def __init__(
        self,
        poll: Callable[[], PollReport],
        interval: float = POLL_SECONDS,
        on_report: Callable[[PollReport], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        self._poll = poll
        self._interval = interval
        self._on_report = on_report
        self._on_error = on_error
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="tracking-poller", daemon=True)
        self._thread.start()

    def poll_now(self) -> None:
        """Read the mailbox as soon as the current pass (if any) is over."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            self._pass()
            self._wake.wait(self._interval)

    def _pass(self) -> None:
        try:
            report = self._poll()
        except Exception as error:
            log.warning("tracking mailbox not read: %s", error, exc_info=True)
            if self._on_error is not None:
                self._on_error(error)
            return
        if self._on_report is not None:
            self._on_report(report)
