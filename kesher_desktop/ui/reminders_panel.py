"""The reminders panel: what fired and is still open, and the reminder mail that failed.

It is the delivery that always works, tray or not. Each alert can be opened, snoozed, marked
done or dismissed; each failed mail shows its recipients and reason and can be retried now.
"""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.services.errors import ServiceError
from kesher_desktop.services.mail_outbox import MailOutbox, QueuedMail
from kesher_desktop.services.reminder_times import SnoozeChoice
from kesher_desktop.services.reminders import FiredReminder, ReminderService
from kesher_desktop.ui.reminder_list_model import ReminderListModel
from kesher_desktop.ui.widgets.bidi import align_leading, isolate, isolate_ltr, shorten
from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)


class FailedMailRow(QWidget):
    """One mail that could not be sent: to whom, why, and a button to try again now."""

    def __init__(self, mail: QueuedMail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mail = mail
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.retry_button = QPushButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        self.retranslate()

    def retranslate(self) -> None:
        recipients = ", ".join(isolate_ltr(address) for address in self.mail.to)
        self.label.setText(
            self.tr("To {recipients}: {subject}\n{reason}").format(
                recipients=recipients,
                subject=isolate(shorten(self.mail.subject)),
                reason=isolate(shorten(self.mail.last_error, 160)),
            )
        )
        align_leading(self.label, Qt.AlignmentFlag.AlignTop)
        self.retry_button.setText(self.tr("Retry now"))


class RemindersPanel(Retranslating, QDockWidget):
    """A dock listing open alerts, newest fired first, with what can be done with each.

    Reads the services only in `refresh()`, which the window calls when a reminder fired
    or mail failed (from the GUI thread; the engine's thread never calls in here).

    Signals:
        open_requested(int, int): show this contact (first) and this activity (second).
        mail_retry_requested(): a failed mail was made due; the sender should run now.
    """

    open_requested = Signal(int, int)
    mail_retry_requested = Signal()

    def __init__(
        self,
        reminders: ReminderService,
        outbox: MailOutbox | None,
        zone: ZoneInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # A fixed name lets the main window restore where the panel was and how wide.
        self.setObjectName("remindersPanel")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self._reminders = reminders
        self._outbox = outbox
        self.model = ReminderListModel(zone, self)
        self.failed_rows: list[FailedMailRow] = []

        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setSpacing(2)
        self.view.doubleClicked.connect(self._open_index)
        self.view.selectionModel().currentChanged.connect(self._enable_buttons)
        self.empty = QLabel()
        self.empty.setObjectName("emptyHint")
        self.empty.setWordWrap(True)

        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_current)
        self.snooze_button = QPushButton()
        self.snooze_menu = QMenu(self)
        self.snooze_actions: dict[SnoozeChoice, QAction] = {}
        for choice in SnoozeChoice:
            action = self.snooze_menu.addAction("")
            action.setData(choice.value)
            self.snooze_actions[choice] = action
        self.snooze_menu.triggered.connect(self._snooze_chosen)
        self.snooze_button.setMenu(self.snooze_menu)
        self.done_button = QPushButton()
        self.done_button.clicked.connect(self.mark_current_done)
        self.dismiss_button = QPushButton()
        self.dismiss_button.clicked.connect(self.dismiss_current)

        self.failed_heading = QLabel()
        self.failed_heading.setObjectName("sectionHeading")
        self._failed_box = QVBoxLayout()
        self.setWidget(self._layout())
        self.retranslate()

    def _layout(self) -> QWidget:
        buttons = QHBoxLayout()
        for button in (self.open_button, self.snooze_button, self.done_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss_button)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.failed_heading)
        layout.addLayout(self._failed_box)
        return body

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reminders"))
        self.empty.setText(self.tr("No reminders waiting."))
        self.open_button.setText(self.tr("Open"))
        self.snooze_button.setText(self.tr("Snooze"))
        self.done_button.setText(self.tr("Mark done"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        texts = {
            SnoozeChoice.FIVE_MINUTES: self.tr("5 minutes"),
            SnoozeChoice.FIFTEEN_MINUTES: self.tr("15 minutes"),
            SnoozeChoice.ONE_HOUR: self.tr("1 hour"),
            SnoozeChoice.TOMORROW_MORNING: self.tr("Tomorrow morning"),
        }
        for choice, action in self.snooze_actions.items():
            action.setText(texts[choice])
        self.failed_heading.setText(self.tr("Reminder mail not sent"))
        for row in self.failed_rows:
            row.retranslate()
        # Texts of the rows (late by, kind) are made by the model when asked.
        self.model.layoutChanged.emit()

    # -- API -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the open alerts and failed mail again; the current alert stays selected."""
        current = self.current_alert()
        self.model.set_alerts(self._reminders.open_alerts())
        row = self.model.row_of(current.alert_id) if current is not None else -1
        self._select(max(row, 0))
        self.empty.setVisible(self.model.rowCount() == 0)
        self._enable_buttons()
        self._list_failures()

    def current_alert(self) -> FiredReminder | None:
        return self.model.alert(self.view.currentIndex())

    def open_current(self) -> None:
        fired = self.current_alert()
        if fired is not None:
            self.open_requested.emit(fired.contact_id, fired.activity_id)

    def snooze_current(self, choice: SnoozeChoice) -> None:
        fired = self.current_alert()
        if fired is not None:
            self._act(lambda: self._reminders.snooze(fired.alert_id, choice))

    def mark_current_done(self) -> None:
        fired = self.current_alert()
        if fired is not None:
            self._act(lambda: self._reminders.mark_done(fired.alert_id))

    def dismiss_current(self) -> None:
        fired = self.current_alert()
        if fired is not None:
            self._act(lambda: self._reminders.dismiss(fired.alert_id))

    def retry_mail(self, mail_id: int) -> None:
        if self._outbox is None:
            return
        self._act(lambda: self._outbox.retry_now(mail_id))  # type: ignore[union-attr]
        self.mail_retry_requested.emit()

    # -- helpers ---------------------------------------------------------------------------

    def _act(self, action: object) -> None:
        try:
            action()  # type: ignore[operator]
        except ServiceError:
            # Gone meanwhile (another copy dismissed it, the activity was deleted): the
            # refresh below shows what is true now.
            log.warning("reminder action not done", exc_info=True)
        self.refresh()

    def _snooze_chosen(self, action: QAction) -> None:
        self.snooze_current(SnoozeChoice(action.data()))

    def _retry_clicked(self) -> None:
        for row in self.failed_rows:
            if row.retry_button is self.sender():
                self.retry_mail(row.mail.id)
                return

    def _open_index(self, index: QModelIndex) -> None:
        self._select(index.row())
        self.open_current()

    def _select(self, row: int) -> None:
        if row >= self.model.rowCount():
            return
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def _enable_buttons(self) -> None:
        chosen = self.current_alert() is not None
        for button in (self.open_button, self.snooze_button, self.done_button):
            button.setEnabled(chosen)
        self.dismiss_button.setEnabled(chosen)

    def _list_failures(self) -> None:
        for row in self.failed_rows:
            self._failed_box.removeWidget(row)
            row.deleteLater()
        failures = self._outbox.failures() if self._outbox is not None else []
        self.failed_rows = [FailedMailRow(mail) for mail in failures]
        for row in self.failed_rows:
            row.retry_button.clicked.connect(self._retry_clicked)
            self._failed_box.addWidget(row)
        self.failed_heading.setVisible(bool(failures))
