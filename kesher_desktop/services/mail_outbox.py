"""The outbox: mail queued inside the caller's transaction and handed to a sender later.

Queuing in the same transaction as what caused the mail (a reminder's claim) means a crash
can neither send a mail for something that did not happen nor lose the mail of something
that did. A failed send is kept with its reason and tried again after 1, 2, 4, ... minutes,
at most an hour apart, until it goes or is discarded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session

from kesher_desktop.clock import Clock
from kesher_desktop.db.store import Store
from kesher_desktop.models.outgoing_mail import OutgoingMail
from kesher_desktop.services.errors import NotFoundError

log = logging.getLogger(__name__)

FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(minutes=60)
# How long a claimed mail is kept from other workers: longer than any send can take, short
# enough that a mail claimed by a process that then died is tried again soon.
CLAIM_LEASE = timedelta(minutes=10)


@dataclass(frozen=True)
class MailDraft:
    """A message to queue: plain text and its HTML alternative.

    An invitation also carries its iCalendar text and the METHOD inside it, which the
    sender repeats in the MIME type of the calendar part.
    """

    to: list[str]
    subject: str
    text: str
    html: str
    alert_id: int | None = None
    calendar: str = ""
    calendar_method: str = ""


@dataclass(frozen=True)
class QueuedMail:
    """A message in the outbox as a sender or the reminders panel sees it."""

    id: int
    to: list[str]
    subject: str
    text: str
    html: str
    alert_id: int | None
    queued_at: datetime
    attempts: int
    next_attempt_at: datetime | None
    last_error: str
    calendar: str = ""
    calendar_method: str = ""


def retry_delay(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failure in a row: 1, 2, 4, ... minutes, at most 60."""
    if attempts < 1:
        return timedelta(0)
    # Capped before the power, so a mail failing for weeks never builds a huge number.
    doublings = min(attempts - 1, 6)
    return min(FIRST_RETRY * 2**doublings, LONGEST_RETRY)


class MailOutbox:
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def enqueue(self, session: Session, draft: MailDraft) -> int:
        """Queue a mail in the caller's transaction; it is due at once. Returns its id."""
        recipients = [address.strip() for address in draft.to if address.strip()]
        if not recipients:
            raise ValueError("a mail needs at least one recipient")
        now = self.clock.now()
        mail = OutgoingMail(
            alert_id=draft.alert_id,
            recipients="\n".join(recipients),
            subject=draft.subject,
            body_text=draft.text,
            body_html=draft.html,
            calendar=draft.calendar,
            calendar_method=draft.calendar_method,
            queued_at=now,
            next_attempt_at=now,
            attempts=0,
            last_error="",
        )
        session.add(mail)
        session.flush()
        log.info(
            "mail queued id=%s alert=%s recipients=%d", mail.id, mail.alert_id, len(recipients)
        )
        return mail.id

    def due(self, limit: int = 20) -> list[QueuedMail]:
        """Mail whose time to be tried has come, oldest first; reading only."""
        with self.store.session() as session:
            rows = session.scalars(self._due_query(limit)).all()
            return [_queued(row) for row in rows]

    def claim(self, limit: int = 20) -> list[QueuedMail]:
        """The due mail, each kept from other workers for CLAIM_LEASE while it is sent.

        A second copy of the app draining the same outbox cannot send the same mail twice:
        a row is only taken by the worker whose update still finds it as it was read.
        """
        lease_until = self.clock.now() + CLAIM_LEASE
        claimed = []
        for mail in self.due(limit):
            with self.store.session() as session:
                taken = session.execute(
                    update(OutgoingMail)
                    .where(OutgoingMail.id == mail.id)
                    .where(OutgoingMail.next_attempt_at == mail.next_attempt_at)
                    .values(next_attempt_at=lease_until)
                )
            if taken.rowcount == 1:  # type: ignore[attr-defined]
                claimed.append(mail)
        return claimed

    def mark_sent(self, mail_id: int) -> None:
        now = self.clock.now()
        with self.store.session() as session:
            mail = self._get(session, mail_id)
            mail.sent_at = now
            mail.last_attempt_at = now
            mail.attempts += 1
            mail.next_attempt_at = None
            mail.last_error = ""
        log.info("mail sent id=%s", mail_id)

    def mark_failed(self, mail_id: int, reason: str) -> datetime:
        """Keep the reason and put the next try off; returns when that will be."""
        now = self.clock.now()
        with self.store.session() as session:
            mail = self._get(session, mail_id)
            mail.attempts += 1
            mail.last_attempt_at = now
            mail.last_error = reason
            mail.next_attempt_at = now + retry_delay(mail.attempts)
            attempts, next_attempt = mail.attempts, mail.next_attempt_at
        log.warning(
            "mail not sent id=%s attempts=%d retry_at=%s reason=%s",
            mail_id,
            attempts,
            next_attempt.isoformat(),
            reason,
        )
        return next_attempt

    def next_attempt(self) -> datetime | None:
        """The earliest instant at which some unsent mail may be tried; None if none waits."""
        with self.store.session() as session:
            return session.scalar(
                select(func.min(OutgoingMail.next_attempt_at)).where(
                    OutgoingMail.sent_at.is_(None)
                )
            )

    def failures(self) -> list[QueuedMail]:
        """Unsent mail that has failed at least once, with the reason; newest first."""
        with self.store.session() as session:
            rows = session.scalars(
                select(OutgoingMail)
                .where(OutgoingMail.sent_at.is_(None), OutgoingMail.next_attempt_at.is_not(None))
                .where(OutgoingMail.attempts > 0)
                .order_by(OutgoingMail.queued_at.desc(), OutgoingMail.id.desc())
            ).all()
            return [_queued(row) for row in rows]

    def retry_now(self, mail_id: int) -> None:
        """Make an unsent mail due at once (the user pressed "try again")."""
        with self.store.session() as session:
            mail = self._get(session, mail_id)
            if mail.sent_at is None:
                mail.next_attempt_at = self.clock.now()
        log.info("mail retry requested id=%s", mail_id)

    def retry_all(self) -> int:
        """Make every failed mail due at once (the mail settings were corrected).

        Discarded mail stays discarded. Returns how many mails were brought forward.
        """
        now = self.clock.now()
        with self.store.session() as session:
            result = session.execute(
                update(OutgoingMail)
                .where(OutgoingMail.sent_at.is_(None), OutgoingMail.attempts > 0)
                .where(OutgoingMail.next_attempt_at > now)
                .values(next_attempt_at=now)
            )
        count: int = result.rowcount  # type: ignore[attr-defined]
        log.info("mail retry requested for all failed count=%d", count)
        return count

    def discard(self, mail_id: int) -> None:
        """Stop trying an unsent mail; it stays in the table with its last error."""
        with self.store.session() as session:
            mail = self._get(session, mail_id)
            if mail.sent_at is None:
                mail.next_attempt_at = None
        log.info("mail discarded id=%s", mail_id)

    def _due_query(self, limit: int) -> Select[tuple[OutgoingMail]]:
        return (
            select(OutgoingMail)
            .where(OutgoingMail.sent_at.is_(None))
            .where(OutgoingMail.next_attempt_at <= self.clock.now())
            .order_by(OutgoingMail.next_attempt_at, OutgoingMail.id)
            .limit(limit)
        )

    @staticmethod
    def _get(session: Session, mail_id: int) -> OutgoingMail:
        mail = session.get(OutgoingMail, mail_id)
        if mail is None:
            raise NotFoundError("mail_not_found", id=mail_id)
        return mail


def _queued(row: OutgoingMail) -> QueuedMail:
    return QueuedMail(
        id=row.id,
        to=row.recipients.split("\n"),
        subject=row.subject,
        text=row.body_text,
        html=row.body_html,
        alert_id=row.alert_id,
        queued_at=row.queued_at,
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_error=row.last_error,
        calendar=row.calendar,
        calendar_method=row.calendar_method,
    )
