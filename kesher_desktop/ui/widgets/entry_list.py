"""Rows of a kind and a value, as a contact's phones or e-mail addresses are edited."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.ui.widgets.bidi import make_ltr


class EntryListEditor(QWidget):
    """Any number of (value, kind) rows; values are typed left-to-right.

    `kind_name` translates a stored kind; the owner calls `retranslate` on language change.
    """

    def __init__(
        self,
        kinds: tuple[str, ...],
        kind_name: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._kinds = kinds
        self._kind_name = kind_name
        self._rows: list[tuple[QWidget, QComboBox, QLineEdit]] = []
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton()
        self.add_button.setObjectName("linkButton")
        self.add_button.clicked.connect(lambda: self.add_entry("", kinds[0]))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._list)
        layout.addWidget(self.add_button)

    def set_entries(self, entries: list[tuple[str, str]]) -> None:
        while self._rows:
            self._remove(self._rows[0][0])
        for value, kind in entries:
            self.add_entry(value, kind)

    def entries(self) -> list[tuple[str, str]]:
        return [(edit.text(), combo.currentData()) for _, combo, edit in self._rows]

    def add_entry(self, value: str, kind: str) -> QLineEdit:
        combo = QComboBox()
        for known in self._kinds:
            combo.addItem(self._kind_name(known), known)
        combo.setCurrentIndex(max(0, combo.findData(kind)))
        edit = make_ltr(QLineEdit(value))
        remove = QToolButton()
        remove.setText("\u00d7")
        remove.setAutoRaise(True)

        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(combo)
        line.addWidget(edit, 1)
        line.addWidget(remove)
        remove.clicked.connect(lambda: self._remove(row))
        self._rows.append((row, combo, edit))
        self._list.addWidget(row)
        return edit

    def retranslate(self, add_text: str) -> None:
        self.add_button.setText(add_text)
        for _, combo, _ in self._rows:
            for index, known in enumerate(self._kinds):
                combo.setItemText(index, self._kind_name(known))

    def _remove(self, row: QWidget) -> None:
        self._rows = [entry for entry in self._rows if entry[0] is not row]
        self._list.removeWidget(row)
        row.deleteLater()
