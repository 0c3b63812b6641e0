"""Connects the invitations to the activity service, the outbox and the UI's composer."""

from __future__ import annotations

from collections.abc import Callable

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.invitations import InvitationService
from kesher_desktop.services.mail_outbox import MailOutbox
from kesher_desktop.settings import SmtpSettings
from kesher_desktop.ui.invitation_mail import invitation_composer


def start_invitations(
    services: Services,
    outbox: MailOutbox,
    smtp: Callable[[], SmtpSettings | None],
    send_now: Callable[[], None],
    google_sends: Callable[[], bool] = lambda: False,
    reply_mailbox: Callable[[], str] = lambda: "",
) -> InvitationService:
    """Send invitations with every save from now on, through `outbox` (the reminders' own).

    `send_now` (the reminder engine's `send_mail_now`) is asked after each save and each
    resend, so an invitation leaves within seconds rather than at the next retry.
    `reply_mailbox` names the tracking mailbox the answers should reach ("" for none).
    """
    invitations = InvitationService(
        services.store,
        services.clock,
        outbox,
        smtp,
        invitation_composer(lambda: services.clock.zone),
        google_sends=google_sends,
        reply_mailbox=reply_mailbox,
    )
    invitations.attach(services.activities)
    services.activities.changes.subscribe(lambda _activity_id: send_now())
    invitations.changes.subscribe(lambda _activity_id: send_now())
    return invitations
