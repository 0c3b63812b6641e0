"""Sending the outbox through the user's SMTP server, from a worker thread, never the UI's.

`SmtpSender.drain` never raises: every failure is written into the outbox (which retries
it with backoff) and the log, and the caller only learns when to call again.
"""

from __future__ import annotations

import base64
import logging
import smtplib
import ssl
from collections.abc import Callable
from datetime import datetime, timedelta
from email.header import Header
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from kesher_desktop.services.mail_outbox import MailOutbox, QueuedMail
from kesher_desktop.services.secrets import (
    SecretStore,
    SecretsUnavailableError,
    smtp_password_key,
)
from kesher_desktop.settings import SmtpSecurity, SmtpSettings

log = logging.getLogger(__name__)

BATCH = 20
# When drain itself broke (the store locked, a bug), it asks to be called again after this.
AFTER_A_FAULT = timedelta(minutes=1)

# What a failed connection or send can raise; anything else is a bug and is logged as one.
SEND_ERRORS = (smtplib.SMTPException, OSError, SecretsUnavailableError)


# The bidi isolates (U+2066..U+2069) and the LRM and RLM marks, deleted from plain text.
DIRECTION_MARKS = dict.fromkeys([0x200E, 0x200F, *range(0x2066, 0x206A)])


class MailSetupError(Exception):
    """Mail cannot be sent with the settings as they are (no server, no password)."""


class SmtpSender:
    def __init__(
        self,
        outbox: MailOutbox,
        settings_source: Callable[[], SmtpSettings | None],
        secrets: SecretStore,
        timeout: float = 20,
        tls_context: ssl.SSLContext | None = None,
    ) -> None:
        """`settings_source` is asked at each drain, so changed settings apply at once.

        `tls_context` defaults to the system's trusted certificates; tests pass one that
        trusts their own server.
        """
        self.outbox = outbox
        self.settings_source = settings_source
        self.secrets = secrets
        self.timeout = timeout
        self.tls_context = tls_context

    def drain(self) -> datetime | None:
        """Send everything due; returns when something will next be due (None: nothing)."""
        try:
            while batch := self.outbox.claim(BATCH):
                self._send_batch(batch)
            return self.outbox.next_attempt()
        except Exception:  # noqa: BLE001 - a worker must survive anything and try again
            log.exception("mail drain failed")
            return self.outbox.clock.now() + AFTER_A_FAULT

    def _send_batch(self, batch: list[QueuedMail]) -> None:
        settings = self.settings_source()
        try:
            if settings is None:
                raise MailSetupError("mail is not set up: no SMTP server or no address of mine")
            connection = self._connect(settings)
        except (MailSetupError, *SEND_ERRORS) as error:
            self._fail_all(batch, _reason(error))
            return
        except Exception as error:
            # A bug, but the mail waits with a reason the panel can show rather than silently.
            log.exception("unexpected error connecting to the mail server")
            self._fail_all(batch, _reason(error))
            return

        try:
            self._send_each(connection, batch, settings)
        finally:
            _close(connection)

    def _send_each(
        self, connection: smtplib.SMTP, batch: list[QueuedMail], settings: SmtpSettings
    ) -> None:
        for position, mail in enumerate(batch):
            try:
                refused = connection.send_message(self._message(mail, settings))
            except (smtplib.SMTPServerDisconnected, OSError) as error:
                # The connection is gone: the rest of the batch cannot go either.
                self._fail_all(batch[position:], _reason(error))
                return
            except smtplib.SMTPException as error:
                self.outbox.mark_failed(mail.id, _reason(error))
                continue
            if refused:
                # Some recipients took it; sending again would repeat it to them.
                log.warning("mail id=%s refused by some recipients: %s", mail.id, refused)
            self.outbox.mark_sent(mail.id)

    def _connect(self, settings: SmtpSettings) -> smtplib.SMTP:
        context = self.tls_context or ssl.create_default_context()
        if settings.security is SmtpSecurity.SSL:
            connection: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=self.timeout, context=context
            )
        else:
            connection = smtplib.SMTP(settings.host, settings.port, timeout=self.timeout)
        try:
            connection.ehlo()
            if settings.security is SmtpSecurity.STARTTLS:
                connection.starttls(context=context)
                connection.ehlo()
            if settings.user:
                _login(connection, settings.user, self._password(settings))
        except BaseException:
            _close(connection)
            raise
        log.info(
            "smtp connected host=%s port=%s security=%s login=%s",
            settings.host,
            settings.port,
            settings.security.value,
            bool(settings.user),
        )
        return connection

    def _password(self, settings: SmtpSettings) -> str:
        password = self.secrets.get(smtp_password_key(settings))
        if password is None:
            raise MailSetupError(f"no password kept in the keyring for {settings.user}")
        return password

    def _message(self, mail: QueuedMail, settings: SmtpSettings) -> EmailMessage:
        return build_message(mail, settings.sender, self.outbox.clock.now())

    def _fail_all(self, batch: list[QueuedMail], reason: str) -> None:
        for mail in batch:
            self.outbox.mark_failed(mail.id, reason)


def build_message(mail: QueuedMail, sender: str, now: datetime) -> EmailMessage:
    """A UTF-8 message: the plain text first, the HTML as its alternative.

    An invitation's calendar is the last alternative, `text/calendar` with the same
    `method` as the METHOD inside (RFC 6047), as calendar programs look for it there.
    """
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(mail.to)
    _set_subject(message, mail.subject)
    message["Date"] = format_datetime(now)
    # The domain given, so Python does not ask the network for this machine's name.
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "localhost")
    # Some mail programs draw the invisible direction marks of plain text as boxes. The HTML
    # part, read by programs that know bidi, keeps them beside its dir attributes.
    message.set_content(mail.text.translate(DIRECTION_MARKS))
    if mail.html:
        message.add_alternative(mail.html, subtype="html")
    if mail.calendar:
        _add_calendar(message, mail.calendar, mail.calendar_method)
    return message


def _set_subject(message: EmailMessage, subject: str) -> None:
    """The subject; beyond ASCII as encoded words made here, each holding its own spaces.

    WORKAROUND for https://github.com/python/cpython/issues/92081 (unfixed in 3.11): the
    default policy may fold a long subject with the space between two words outside the
    encoded words, where every decoder drops it. Which title hits it depends only on its
    length, so invitations and reminders alike could lose a space. The folded value is
    stored as it is; the policy refolds only lines longer than its limit, and none is.
    """
    if subject.isascii():
        message["Subject"] = subject
        return
    folded = Header(subject, "utf-8", header_name="Subject").encode(linesep="\n")
    message.set_raw("Subject", folded)


def _add_calendar(message: EmailMessage, calendar: str, method: str) -> None:
    """The calendar as base64 of its exact bytes, so its CRLF line ends and folding survive."""
    message.add_alternative(
        calendar.encode("utf-8"),
        maintype="text",
        subtype="calendar",
        cte="base64",
        params={"method": method.upper(), "charset": "UTF-8"},
    )


def _login(connection: smtplib.SMTP, user: str, password: str) -> None:
    """Log in; a user name or password beyond ASCII goes as UTF-8 in AUTH PLAIN (RFC 4954).

    smtplib encodes credentials as ASCII and fails on "סיסמה" before asking the server.
    """
    if (user + password).isascii():
        connection.login(user, password)
        return
    if "PLAIN" not in connection.esmtp_features.get("auth", "").upper().split():
        raise smtplib.SMTPException("the server offers no AUTH PLAIN for a non-ASCII password")
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, response = connection.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, response)


def _reason(error: BaseException) -> str:
    """The failure in one line, as the server or the network put it."""
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error
        detail = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        return f"{error.smtp_code} {detail}".strip()
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{address}: {code} {text.decode('utf-8', 'replace')}"
            for address, (code, text) in error.recipients.items()
        )
    if isinstance(error, SecretsUnavailableError):
        return f"keyring unavailable: {error.params.get('reason', '')}"
    return str(error) or type(error).__name__


def _close(connection: smtplib.SMTP) -> None:
    try:
        connection.quit()
    except (smtplib.SMTPException, OSError):
        connection.close()
