"""Queues the e-mails a fired reminder sends, inside the transaction that claims it."""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy.orm import Session

from kesher_desktop.clock import Clock
from kesher_desktop.services.activity_views import PersonRef
from kesher_desktop.services.mail_outbox import MailOutbox
from kesher_desktop.services.reminders import FiredReminder
from kesher_desktop.settings import SmtpSettings
from kesher_desktop.ui.reminder_mail import reminder_mail

log = logging.getLogger(__name__)


class ReminderMailing:
    """A claim hook: one mail to me, and one to each other participant when asked.

    Each participant gets a mail of their own, so one refused address fails alone and
    nobody sees the others' addresses. With mail off (no server or address set) it queues
    nothing, and the reminder still pops up.
    """

    def __init__(
        self,
        outbox: MailOutbox,
        smtp: Callable[[], SmtpSettings | None],
        clock: Clock,
        my_user_id: Callable[[], int],
    ) -> None:
        self._outbox = outbox
        self._smtp = smtp
        self._clock = clock
        self._my_user_id = my_user_id

    def __call__(self, session: Session, fired: FiredReminder) -> None:
        settings = self._smtp()
        if settings is None:
            return
        recipients = [settings.sender]
        if fired.notify_others:
            me = PersonRef("user", self._my_user_id())
            # I am among the participants, perhaps under another address than the one
            # reminders are sent to; I get my mail once.
            for person in (p for p in fired.participants if p.ref != me):
                address = person.email.strip()
                if address and address.casefold() not in {r.casefold() for r in recipients}:
                    recipients.append(address)
        zone = self._clock.zone
        self._outbox.enqueue(session, reminder_mail(fired, zone, recipients[:1]))
        organizer = self._organizer(fired, settings)
        for address in recipients[1:]:
            self._outbox.enqueue(session, reminder_mail(fired, zone, [address], organizer))
        log.info("reminder mail queued alert=%s others=%s", fired.alert_id, len(recipients) - 1)

    def _organizer(self, fired: FiredReminder, settings: SmtpSettings) -> str:
        """My name as the participants know it, else the address the mail comes from."""
        me = PersonRef("user", self._my_user_id())
        names = [p.name for p in fired.participants if p.ref == me and p.name.strip()]
        return names[0] if names else settings.sender
