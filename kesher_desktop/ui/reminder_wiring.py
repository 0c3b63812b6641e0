"""Connects the reminder engine, the outbox and the SMTP sender to the main window."""

from __future__ import annotations

import logging

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.mail_outbox import MailOutbox
from kesher_desktop.services.reminder_engine import ReminderEngine
from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.services.smtp_sender import SmtpSender
from kesher_desktop.ui.main_window import MainWindow
from kesher_desktop.ui.reminder_bridge import ReminderBridge
from kesher_desktop.ui.reminder_mailing import ReminderMailing

log = logging.getLogger(__name__)


def start_reminders(window: MainWindow, services: Services) -> ReminderEngine:
    """Start delivering reminders to `window`; the caller shuts the engine down at quit."""
    # Reminders written by an older version, or before the zone changed, get their instants.
    refreshed = services.reminders.refresh_fire_times()
    if refreshed:
        log.info("reminder instants recomputed count=%s", refreshed)

    outbox = MailOutbox(services.store, services.clock)
    window.outbox = outbox
    sender = SmtpSender(outbox, window.settings.smtp, SecretStore())
    bridge = ReminderBridge(window)
    bridge.fired.connect(window.deliver_reminders)
    bridge.mail_sent.connect(window.refresh_reminders)

    engine = ReminderEngine(
        services.reminders,
        services.clock,
        on_fired=bridge.deliver,
        on_claim=ReminderMailing(
            outbox, window.settings.smtp, services.clock, lambda: services.users.me().id
        ),
        drain_mail=sender.drain,
        on_mail_sent=bridge.tell_mail_sent,
    )
    # Any saved, completed, cancelled or restored activity may move the next reminder.
    services.activities.changes.subscribe(lambda _activity_id: engine.rearm())
    services.reminders.changes.subscribe(lambda _activity_id: engine.rearm())
    window.mail_retry_requested.connect(engine.send_mail_now)
    window.settings_saved.connect(lambda: _send_again(outbox, engine))
    engine.start()
    return engine


def _send_again(outbox: MailOutbox, engine: ReminderEngine) -> None:
    """New mail settings: what failed under the old ones is tried at once, not in an hour."""
    waiting = outbox.retry_all()
    if waiting:
        log.info("mail settings changed; retrying failed mail count=%s", waiting)
    engine.send_mail_now()
