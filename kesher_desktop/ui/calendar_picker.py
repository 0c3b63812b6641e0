"""Choosing the Google calendar that ticked activities go to, from the user's own list.

Google is asked for the list (calendarList) when the user presses the button, off the UI
thread; until then the picker shows the calendar chosen before, by the name it had then.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kesher_desktop.services.calendar_errors import classify
from kesher_desktop.services.calendar_list import PRIMARY, CalendarChoice
from kesher_desktop.services.google_errors import GoogleAccountError
from kesher_desktop.services.secrets import SecretsUnavailableError
from kesher_desktop.ui.calendar_texts import reason_text
from kesher_desktop.ui.google_connect_dialog import (
    BackgroundCall,
    Outcome,
    google_problem_text,
    no_keyring_text,
)
from kesher_desktop.ui.widgets.field_error import FieldError
from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)

CalendarLister = Callable[[], list[CalendarChoice]]


class CalendarPicker(Retranslating, QWidget):
    """The user's calendars in a list, and a button that asks Google for them again.

    `list_calendars` calls Google, so it runs on a BackgroundCall's thread; the picker stays
    usable meanwhile. The calendar chosen before stays in the list even when Google no
    longer lists it, so that looking never changes the choice by itself.
    """

    def __init__(
        self,
        calendar_id: str,
        name: str,
        list_calendars: CalendarLister,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._list_calendars = list_calendars
        self._listing = False
        self._available = False
        self._failure: BaseException | None = None
        calendar_id = calendar_id or PRIMARY
        self._choices = [CalendarChoice(calendar_id, name, primary=calendar_id == PRIMARY)]

        self.choice = QComboBox()
        self.choice.setObjectName("calendarChoice")
        self.list_button = QPushButton()
        self.list_button.setObjectName("listCalendarsButton")
        self.list_button.clicked.connect(self.load)
        self.problem = FieldError()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.choice, 1)
        row.addWidget(self.list_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.problem)

        self._fill(calendar_id)
        self.retranslate()

    def retranslate(self) -> None:
        self.list_button.setText(
            self.tr("Listing…") if self._listing else self.tr("List my calendars")
        )
        self.list_button.setToolTip(
            self.tr("Ask Google for your calendars that Kesher may add events to.")
        )
        for row, choice in enumerate(self._choices):
            self.choice.setItemText(row, self._label(choice))
        if self._failure is None:
            self.problem.clear()
        else:
            self.problem.show_message(_failure_text(self._failure))
        self._enable()

    # -- API -------------------------------------------------------------------------------

    def calendar_id(self) -> str:
        return str(self.choice.currentData() or PRIMARY)

    def calendar_name(self) -> str:
        """The chosen calendar's name as Google listed it; "" when it was never listed."""
        row = self.choice.currentIndex()
        return self._choices[row].name if 0 <= row < len(self._choices) else ""

    def set_available(self, available: bool) -> None:
        """Whether Google can be asked: only with an account connected."""
        self._available = available
        self._enable()

    def load(self) -> None:
        """Ask Google for the calendars; the list fills in when the answer comes."""
        if self._listing or not self._available:
            return
        self._listing = True
        self._failure = None
        BackgroundCall(self, self._list_calendars, self._listed).start()
        self.retranslate()

    def is_listing(self) -> bool:
        return self._listing

    # -- helpers ---------------------------------------------------------------------------

    def _listed(self, outcome: Outcome) -> None:
        self._listing = False
        if outcome.error is not None:
            log.warning("google calendars not listed: %r", outcome.error)
            self._failure = outcome.error
        else:
            current = self.calendar_id()
            choices = list(outcome.value)
            if all(choice.id != current for choice in choices):
                choices.insert(0, self._choices[self.choice.currentIndex()])
            self._choices = choices
            self._fill(current)
        self.retranslate()

    def _fill(self, current: str) -> None:
        self.choice.clear()
        for choice in self._choices:
            self.choice.addItem(self._label(choice), choice.id)
        self.choice.setCurrentIndex(max(0, self.choice.findData(current)))

    def _enable(self) -> None:
        self.list_button.setEnabled(self._available and not self._listing)

    def _label(self, choice: CalendarChoice) -> str:
        # The main calendar is named after the account, which the section shows just above.
        return self.tr("Main calendar") if choice.primary else choice.name or choice.id


def _failure_text(error: BaseException) -> str:
    """Why Google could not be asked, in the words the rest of the Google texts use."""
    if isinstance(error, GoogleAccountError):
        return google_problem_text(error)
    if isinstance(error, SecretsUnavailableError):
        return no_keyring_text()
    return reason_text(classify(error).code)
