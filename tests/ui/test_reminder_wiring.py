"""The engine wired to the window: new mail settings retry what failed under the old ones."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.mail_outbox import MailDraft
from kesher_desktop.settings import Settings
from kesher_desktop.ui.main_window import MainWindow
from kesher_desktop.ui.reminder_wiring import start_reminders


def test_saved_settings_make_failed_mail_due_at_once(qtbot: QtBot, services: Services) -> None:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.attach_services(services)
    engine = start_reminders(window, services)
    try:
        outbox = window.outbox
        assert outbox is not None
        with services.store.session() as session:
            mail = outbox.enqueue(session, MailDraft(["me@example.com"], "s", "t", "<p>h</p>"))
        retry_at = outbox.mark_failed(mail, "The mail server did not answer")
        assert retry_at > services.clock.now()
        # Stopped first, so its thread cannot try (and fail) the mail again mid-assertion.
        engine.shutdown()

        window.settings_saved.emit()

        assert outbox.next_attempt() <= services.clock.now() + timedelta(seconds=1)
    finally:
        engine.shutdown()
