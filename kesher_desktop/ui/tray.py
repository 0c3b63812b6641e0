"""The icon in the system tray: its menu, and the notification a fired reminder shows.

Where the desktop has no tray (offscreen, some Linux sessions) the menu still exists and its
actions still work, but nothing is shown; the reminders panel is then the only delivery.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from kesher_desktop.ui.app_icons import app_icon

log = logging.getLogger(__name__)

# How long a notification stays, where the desktop lets the app choose.
MESSAGE_MILLISECONDS = 10_000


class Tray(QObject):
    """Kesher's tray icon and menu; the main window connects the requests.

    Signals:
        open_requested(): show the main window (menu, or a click on the icon).
        new_task_requested(): plan a new task.
        reminders_requested(): show the reminders panel (menu, or a click on a notification).
        quit_requested(): really quit, not just hide the window.
    """

    open_requested = Signal()
    new_task_requested = Signal()
    reminders_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.open_action = self._add(self.open_requested)
        self.new_task_action = self._add(self.new_task_requested)
        self.reminders_action = self._add(self.reminders_requested)
        self.menu.addSeparator()
        self.quit_action = self._add(self.quit_requested)

        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.reminders_requested)
        self.retranslate()

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> bool:
        """Put the icon in the tray; False (and nothing shown) where there is no tray."""
        if not self.available():
            log.info("no system tray on this desktop")
            return False
        self.icon.show()
        return True

    def hide(self) -> None:
        self.icon.hide()

    def is_shown(self) -> bool:
        return self.icon.isVisible()

    def notify(self, title: str, text: str) -> bool:
        """A desktop notification from the icon; False where none can be shown."""
        if not (self.is_shown() and QSystemTrayIcon.supportsMessages()):
            return False
        self.icon.showMessage(
            title, text, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MILLISECONDS
        )
        return True

    def retranslate(self) -> None:
        """Called by the main window when the language changes (a QObject gets no event)."""
        self.open_action.setText(self.tr("Open Kesher"))
        self.new_task_action.setText(self.tr("New task…"))
        self.reminders_action.setText(self.tr("Reminders"))
        self.quit_action.setText(self.tr("Quit"))
        self.icon.setToolTip(self.tr("Kesher"))

    def dispose(self) -> None:
        """Take the icon out of the tray and free the menu (it has no parent widget)."""
        self.icon.hide()
        self.menu.deleteLater()

    # -- helpers ---------------------------------------------------------------------------

    def _add(self, request: Signal) -> QAction:
        action = QAction(self.menu)
        action.triggered.connect(request)
        self.menu.addAction(action)
        return action

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A plain click or a double click opens the window; the context click shows the menu.
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()
