"""A column of editable rows, each with a remove button, and an "add" link under them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget


class RowListEditor(QWidget):
    """The rows' bookkeeping; subclasses decide which editors make up a row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[QWidget, tuple[QWidget, ...]]] = []
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton()
        self.add_button.setObjectName("linkButton")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._list)
        layout.addWidget(self.add_button)

    def _add_row(self, *editors: tuple[QWidget, int]) -> None:
        """Append a row of editors, each with its stretch, and a button that removes it."""
        remove = QToolButton()
        remove.setText("\u00d7")
        remove.setAutoRaise(True)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        for editor, stretch in editors:
            line.addWidget(editor, stretch)
        # At the top, so it stays beside the first line of an editor that takes two.
        line.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        remove.clicked.connect(lambda: self._remove(row))
        self._rows.append((row, tuple(editor for editor, _ in editors)))
        self._list.addWidget(row)

    def _row_editors(self) -> list[tuple[QWidget, ...]]:
        return [editors for _, editors in self._rows]

    def _clear(self) -> None:
        while self._rows:
            self._remove(self._rows[0][0])

    def _remove(self, row: QWidget) -> None:
        self._rows = [entry for entry in self._rows if entry[0] is not row]
        self._list.removeWidget(row)
        row.deleteLater()
