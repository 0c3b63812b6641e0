"""Any number of reminders, each a preset offset or a custom number and unit."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.services.activities import ReminderEntry
from kesher_desktop.ui.widgets.retranslate import Retranslating

HOUR = 60
DAY = 24 * HOUR
WEEK = 7 * DAY
PRESETS = (0, 5, 15, 30, HOUR, 2 * HOUR, DAY, 2 * DAY, WEEK)
UNITS = (1, HOUR, DAY, WEEK)
CUSTOM = -1


class ReminderRow(Retranslating, QWidget):
    """One reminder.

    Signals:
        remove_requested(): the row's × was clicked.
    """

    remove_requested = Signal()

    def __init__(self, entry: ReminderEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset = QComboBox()
        self.amount = QSpinBox()
        self.amount.setRange(1, 999)
        self.unit = QComboBox()
        self.notify_others = QCheckBox()
        self.remove = QToolButton()
        self.remove.setText("\u00d7")
        self.remove.setAutoRaise(True)
        self.remove.clicked.connect(self.remove_requested)

        for minutes in PRESETS:
            self.preset.addItem("", minutes)
        self.preset.addItem("", CUSTOM)
        for unit in UNITS:
            self.unit.addItem("", unit)
        self.preset.currentIndexChanged.connect(self._show_custom)

        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        for widget in (self.preset, self.amount, self.unit):
            line.addWidget(widget)
        line.addStretch(1)
        line.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(line)
        layout.addWidget(self.notify_others)

        self.set_entry(entry)
        self.retranslate()

    def set_entry(self, entry: ReminderEntry) -> None:
        preset = self.preset.findData(entry.offset_minutes)
        if preset >= 0:
            self.preset.setCurrentIndex(preset)
        else:
            # The largest unit that divides the offset evenly, so 90 minutes stays 90 minutes.
            unit = max(u for u in UNITS if entry.offset_minutes % u == 0)
            self.preset.setCurrentIndex(self.preset.findData(CUSTOM))
            self.unit.setCurrentIndex(self.unit.findData(unit))
            self.amount.setValue(entry.offset_minutes // unit)
        self.notify_others.setChecked(entry.notify_others)
        self._show_custom()

    def entry(self) -> ReminderEntry:
        minutes = self.preset.currentData()
        if minutes == CUSTOM:
            minutes = self.amount.value() * self.unit.currentData()
        return ReminderEntry(minutes, self.notify_others.isChecked())

    def retranslate(self) -> None:
        names = [
            self.tr("At the time"),
            self.tr("5 minutes before"),
            self.tr("15 minutes before"),
            self.tr("30 minutes before"),
            self.tr("1 hour before"),
            self.tr("2 hours before"),
            self.tr("1 day before"),
            self.tr("2 days before"),
            self.tr("1 week before"),
            self.tr("Custom…"),
        ]
        for index, name in enumerate(names):
            self.preset.setItemText(index, name)
        units = [self.tr("minutes before"), self.tr("hours before"), self.tr("days before")]
        for index, name in enumerate([*units, self.tr("weeks before")]):
            self.unit.setItemText(index, name)
        self.notify_others.setText(self.tr("Also notify the other participants"))
        self.remove.setToolTip(self.tr("Remove this reminder"))

    def _show_custom(self) -> None:
        custom = self.preset.currentData() == CUSTOM
        self.amount.setVisible(custom)
        self.unit.setVisible(custom)


class RemindersEditor(Retranslating, QWidget):
    """The list of reminders and an "Add a reminder" button.

    Signals:
        reminders_changed(): a reminder was added or removed.
    """

    reminders_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReminderRow] = []
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton()
        self.add_button.setObjectName("linkButton")
        self.add_button.clicked.connect(lambda: self.add_reminder(ReminderEntry(15)))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._list)
        layout.addWidget(self.add_button)
        self.retranslate()

    def set_reminders(self, entries: list[ReminderEntry]) -> None:
        for row in list(self._rows):
            self._drop(row)
        for entry in entries:
            self._append(entry)

    def reminders(self) -> list[ReminderEntry]:
        return [row.entry() for row in self._rows]

    def rows(self) -> list[ReminderRow]:
        return list(self._rows)

    def add_reminder(self, entry: ReminderEntry) -> ReminderRow:
        row = self._append(entry)
        self.reminders_changed.emit()
        return row

    def remove_reminder(self, row: ReminderRow) -> None:
        self._drop(row)
        self.reminders_changed.emit()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("+ Add a reminder"))

    def _append(self, entry: ReminderEntry) -> ReminderRow:
        row = ReminderRow(entry)
        row.remove_requested.connect(lambda: self.remove_reminder(row))
        self._rows.append(row)
        self._list.addWidget(row)
        return row

    def _drop(self, row: ReminderRow) -> None:
        if row not in self._rows:
            # Clicked again before the row was gone: it is removed already.
            return
        self._rows.remove(row)
        self._list.removeWidget(row)
        row.deleteLater()
