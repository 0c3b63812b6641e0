"""Carries what the reminder engine's thread produced to the UI thread, by queued signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ReminderBridge(QObject):
    """Lives in the UI thread; the engine's thread only emits its signals.

    Emitted from another thread, a signal reaches slots of objects in the UI thread as a
    queued call, so no widget is ever touched from the engine's thread.

    Signals:
        fired(list): FiredReminder values just claimed.
        mail_sent(): a round of sending reminder mail ended; failures may have changed.
    """

    fired = Signal(list)
    mail_sent = Signal()

    def deliver(self, fired: list) -> None:
        self.fired.emit(fired)

    def tell_mail_sent(self) -> None:
        self.mail_sent.emit()
