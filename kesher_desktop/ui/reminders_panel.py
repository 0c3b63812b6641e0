"""The reminders panel: what fired and is still open, and the mail that could not be sent.

It is the delivery that always works, tray or not. Each alert can be opened, snoozed, marked
done or dismissed, or all dismissed at once; each failed mail (a reminder, an invitation or a
cancel) shows what it was, its recipients and why it failed, and it or all of them can be
retried now.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.services.errors import ServiceError
from kesher_desktop.services.mail_outbox import MailOutbox, QueuedMail
from kesher_desktop.services.reminder_times import SnoozeChoice
from kesher_desktop.services.reminders import FiredReminder, ReminderService
from kesher_desktop.ui.mail_problems import sending_problem
from kesher_desktop.ui.reminder_list_model import ReminderDelegate, ReminderListModel
from kesher_desktop.ui.widgets.bidi import align_leading, isolate, isolate_ltr, shorten
from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)


# "Reminder: Call with Dana (10/03/2026 10:00)": the subject the reminder mail is given.
SUBJECT_WITH_TIME = re.compile(r"^(?P<subject>.*\S) \((?P<time>[^()]*)\)$")
# How many failed mails show before the list scrolls.
FAILED_ROWS_SHOWN = 3


def mail_problem(reason: str) -> str:
    """What went wrong with a send, in a few words; the raw reason is shown apart."""
    return sending_problem(reason)


def mail_subject(subject: str) -> str:
    """The subject with the time in it isolated apart, so Hebrew does not reorder the two."""
    found = SUBJECT_WITH_TIME.match(subject)
    if found is None:
        return isolate(shorten(subject))
    text = QCoreApplication.translate("FailedMailList", "{subject} ({time})")
    return text.format(subject=isolate(shorten(found["subject"])), time=isolate_ltr(found["time"]))


class FailedMailList(Retranslating, QWidget):
    """The mail that could not be sent, in a list that scrolls past a few rows.

    Signals:
        retry_requested(int): send this mail (by id) again now.
        retry_all_requested(): send every failed mail again now.
    """

    retry_requested = Signal(int)
    retry_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mails: list[QueuedMail] = []
        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.list = QListWidget()
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(False)
        self.list.setSpacing(2)
        # Rows are cut to the panel's width, never scrolled sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.currentRowChanged.connect(self._show_reason)
        # The raw reason, small and grey: the words a mail administrator would search for.
        self.reason = QLabel()
        self.reason.setObjectName("fieldCaption")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = QPushButton()
        self.retry_button.clicked.connect(self._retry_current)
        self.retry_all_button = QPushButton()
        self.retry_all_button.clicked.connect(self.retry_all_requested)
        self._lay_out()
        self.retranslate()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.retry_all_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Mail not sent"))
        self.retry_button.setText(self.tr("Retry now"))
        self.retry_all_button.setText(self.tr("Retry all"))
        align_leading(self.reason, Qt.AlignmentFlag.AlignTop)
        self.set_mails(self.mails)

    # -- API -------------------------------------------------------------------------------

    def set_mails(self, mails: list[QueuedMail]) -> None:
        """Show these failures; the one chosen before stays chosen while it is listed."""
        chosen = self.current_mail()
        self.mails = list(mails)
        self.list.clear()
        for mail in self.mails:
            self.list.addItem(self._item(mail))
        ids = [mail.id for mail in self.mails]
        self.list.setCurrentRow(ids.index(chosen.id) if chosen and chosen.id in ids else 0)
        self._fit_height()
        self._show_reason()
        self.setVisible(bool(self.mails))

    def current_mail(self) -> QueuedMail | None:
        row = self.list.currentRow()
        return self.mails[row] if 0 <= row < len(self.mails) else None

    # -- helpers ---------------------------------------------------------------------------

    def _item(self, mail: QueuedMail) -> QListWidgetItem:
        recipients = ", ".join(isolate_ltr(address) for address in mail.to)
        line = self.tr("{what} to {recipients}: {subject}").format(
            what=self._kind_of(mail), recipients=recipients, subject=mail_subject(mail.subject)
        )
        # The short explanation first: Qt cuts a row after its first line that is too wide,
        # and the long line (recipients and subject) is the one that may be.
        item = QListWidgetItem(f"{mail_problem(mail.last_error)}\n{line}")
        item.setToolTip(f"{line}\n{mail.last_error}")
        return item

    def _kind_of(self, mail: QueuedMail) -> str:
        """What the mail was; the outbox holds reminders, invitations and their cancels."""
        if mail.calendar_method.upper() == "CANCEL":
            return self.tr("Cancellation")
        if mail.calendar:
            return self.tr("Invitation")
        if mail.alert_id is not None:
            return self.tr("Reminder")
        return self.tr("Mail")

    def _fit_height(self) -> None:
        # As tall as its rows up to a few, then it scrolls: the panel never grows with them.
        rows = min(max(len(self.mails), 1), FAILED_ROWS_SHOWN)
        row_height = self.list.sizeHintForRow(0) if self.mails else 0
        row_height = max(row_height, 2 * self.fontMetrics().lineSpacing() + 4)
        row_height += 2 * self.list.spacing()
        self.list.setFixedHeight(rows * row_height + 2 * self.list.frameWidth())

    def _show_reason(self) -> None:
        mail = self.current_mail()
        self.reason.setText(isolate(shorten(mail.last_error, 300)) if mail else "")
        self.retry_button.setEnabled(mail is not None)

    def _retry_current(self) -> None:
        mail = self.current_mail()
        if mail is not None:
            self.retry_requested.emit(mail.id)


class RemindersPanel(Retranslating, QDockWidget):
    """A dock listing open alerts, newest fired first, with what can be done with each.

    Reads the services only in `refresh()`, which the window calls when a reminder fired
    or mail failed (from the GUI thread; the engine's thread never calls in here).

    Signals:
        open_requested(int, int): show this contact (first) and this activity (second).
        mail_retry_requested(): a failed mail was made due; the sender should run now.
        count_changed(int): how many alerts are open, after every refresh.
    """

    open_requested = Signal(int, int)
    mail_retry_requested = Signal()
    count_changed = Signal(int)

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
        self.view = self._make_view()
        self.empty = QLabel()
        self.empty.setObjectName("emptyHint")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The hint takes the list's place when there is nothing to list.
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.pages.addWidget(self.empty)

        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_current)
        self.snooze_button = self._make_snooze_button()
        self.done_button = QPushButton()
        self.done_button.clicked.connect(self.mark_current_done)
        self.dismiss_button = QPushButton()
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.dismiss_all_button = QPushButton()
        self.dismiss_all_button.clicked.connect(self.dismiss_all)

        self.failed = FailedMailList()
        self.failed.retry_requested.connect(self.retry_mail)
        self.failed.retry_all_requested.connect(self.retry_all_mail)
        self.setWidget(self._layout())
        self.refresh_view()
        self.retranslate()

    def _make_view(self) -> QListView:
        view = QListView()
        view.setModel(self.model)
        view.setItemDelegate(ReminderDelegate(view))
        view.setUniformItemSizes(True)
        view.setSpacing(2)
        view.doubleClicked.connect(self._open_index)
        view.selectionModel().currentChanged.connect(self._enable_buttons)
        return view

    def _make_snooze_button(self) -> QPushButton:
        button = QPushButton()
        # The arrow is in the text (see retranslate): the style's own menu arrow is drawn on
        # the right edge and is lost in right-to-left.
        button.setStyleSheet("QPushButton::menu-indicator { image: none; width: 0px; }")
        self.snooze_menu = QMenu(self)
        self.snooze_actions: dict[SnoozeChoice, QAction] = {}
        for choice in SnoozeChoice:
            action = self.snooze_menu.addAction("")
            action.setData(choice.value)
            self.snooze_actions[choice] = action
        self.snooze_menu.triggered.connect(self._snooze_chosen)
        button.setMenu(self.snooze_menu)
        return button

    def _layout(self) -> QWidget:
        buttons = QHBoxLayout()
        for button in (self.open_button, self.snooze_button, self.done_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.dismiss_all_button)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.failed)
        return body

    def retranslate(self) -> None:
        self.setWindowTitle(self._title())
        self.empty.setText(self.tr("No reminders waiting."))
        self.open_button.setText(self.tr("Open"))
        # A menu, and looks it: the arrow is part of the words in every direction.
        self.snooze_button.setText(self.tr("Snooze \u25be"))
        self.done_button.setText(self.tr("Mark done"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.dismiss_all_button.setText(self.tr("Dismiss all"))
        texts = {
            SnoozeChoice.FIVE_MINUTES: self.tr("5 minutes"),
            SnoozeChoice.FIFTEEN_MINUTES: self.tr("15 minutes"),
            SnoozeChoice.ONE_HOUR: self.tr("1 hour"),
            SnoozeChoice.TOMORROW_MORNING: self.tr("Tomorrow morning"),
        }
        for choice, action in self.snooze_actions.items():
            action.setText(texts[choice])
        # Texts of the rows (late by, kind) are made by the model when asked.
        self.model.layoutChanged.emit()

    # -- API -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the open alerts and failed mail again; the current alert stays selected."""
        current = self.current_alert()
        self.model.set_alerts(self._reminders.open_alerts())
        row = self.model.row_of(current.alert_id) if current is not None else -1
        self._select(max(row, 0))
        self.failed.set_mails(self._outbox.failures() if self._outbox is not None else [])
        self.refresh_view()
        self.count_changed.emit(self.open_count())

    def refresh_view(self) -> None:
        """The list or the empty hint, the title's count and which buttons apply."""
        self.pages.setCurrentWidget(self.view if self.open_count() else self.empty)
        self.setWindowTitle(self._title())
        self.dismiss_all_button.setEnabled(self.open_count() > 0)
        self._enable_buttons()

    def open_count(self) -> int:
        """How many alerts are open (as listed at the last refresh)."""
        return self.model.rowCount()

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

    def dismiss_all(self) -> None:
        """Dismiss every alert listed; one gone meanwhile does not stop the others."""
        for fired in self.model.alerts():
            self._try(lambda fired=fired: self._reminders.dismiss(fired.alert_id))
        self.refresh()

    def retry_mail(self, mail_id: int) -> None:
        if self._outbox is None:
            return
        self._act(lambda: self._outbox.retry_now(mail_id))  # type: ignore[union-attr]
        self.mail_retry_requested.emit()

    def retry_all_mail(self) -> None:
        if self._outbox is None:
            return
        for mail in self.failed.mails:
            self._try(lambda mail=mail: self._outbox.retry_now(mail.id))  # type: ignore[union-attr]
        self.refresh()
        self.mail_retry_requested.emit()

    # -- helpers ---------------------------------------------------------------------------

    def _title(self) -> str:
        count = self.open_count()
        if count == 0:
            return self.tr("Reminders")
        return self.tr("Reminders ({count})").format(count=count)

    def _act(self, action: Callable[[], object]) -> None:
        self._try(action)
        self.refresh()

    @staticmethod
    def _try(action: Callable[[], object]) -> None:
        try:
            action()
        except ServiceError:
            # Gone meanwhile (another copy dismissed it, the activity was deleted): the
            # refresh after it shows what is true now.
            log.warning("reminder action not done", exc_info=True)

    def _snooze_chosen(self, action: QAction) -> None:
        self.snooze_current(SnoozeChoice(action.data()))

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
