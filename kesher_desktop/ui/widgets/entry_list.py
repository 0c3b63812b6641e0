"""Rows of a kind and a value, as a contact's phones or e-mail addresses are edited."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from kesher_desktop.ui.widgets.bidi import make_ltr
from kesher_desktop.ui.widgets.row_list import RowListEditor


class EntryListEditor(RowListEditor):
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
        self.add_button.clicked.connect(lambda: self.add_entry("", kinds[0]))

    def set_entries(self, entries: list[tuple[str, str]]) -> None:
        self._clear()
        for value, kind in entries:
            self.add_entry(value, kind)

    def entries(self) -> list[tuple[str, str]]:
        return [(edit.text(), combo.currentData()) for combo, edit in self._row_editors()]

    def add_entry(self, value: str, kind: str) -> QLineEdit:
        combo = QComboBox()
        for known in self._kinds:
            combo.addItem(self._kind_name(known), known)
        combo.setCurrentIndex(max(0, combo.findData(kind)))
        edit = make_ltr(QLineEdit(value))
        self._add_row((combo, 0), (edit, 1))
        return edit

    def retranslate(self, add_text: str) -> None:
        self.add_button.setText(add_text)
        for combo, _ in self._row_editors():
            for index, known in enumerate(self._kinds):
                combo.setItemText(index, self._kind_name(known))
