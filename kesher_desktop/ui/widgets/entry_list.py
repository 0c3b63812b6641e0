"""Rows of a kind and a value, as a contact's phones or e-mail addresses are edited.

The kind sits before the value while the row has room for both and a typical value;
narrower (the contact page's first column on a laptop screen), it goes under the value, so
the value keeps the whole width of the row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)

from kesher_desktop.ui.widgets.bidi import make_ltr
from kesher_desktop.ui.widgets.row_list import RowListEditor

# QLineEdit keeps this many pixels between its text and each side of its contents.
LINE_EDIT_TEXT_MARGIN = 2
# Pixels under a row whose kind went under its value.
STACKED_GAP = 6


def line_edit_width_for(edit: QLineEdit, text: str) -> int:
    """The width at which `edit` shows all of `text` (and its cursor) without scrolling."""
    text_margins, margins = edit.textMargins(), edit.contentsMargins()
    inner = (
        edit.fontMetrics().horizontalAdvance(text)
        + 1  # the cursor after the last character
        + 2 * LINE_EDIT_TEXT_MARGIN
        + text_margins.left()
        + text_margins.right()
        + margins.left()
        + margins.right()
    )
    option = QStyleOptionFrame()
    option.initFrom(edit)
    option.rect = edit.rect()
    option.lineWidth = edit.style().pixelMetric(
        QStyle.PixelMetric.PM_DefaultFrameWidth, None, edit
    )
    option.state |= QStyle.StateFlag.State_Sunken
    size = QSize(inner, edit.sizeHint().height())
    return (
        edit.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, option, size, edit).width()
    )


class EntryFields(QWidget):
    """A row's kind and value: side by side when there is room, else the kind under the value.

    The value is never narrower than `typical` needs, so the row asks its column for that
    much and no more: the kind goes under the value rather than widen the page.
    """

    def __init__(self, combo: QComboBox, edit: QLineEdit, typical: str) -> None:
        super().__init__()
        self.combo, self.edit = combo, edit
        self._typical = typical
        self._stacked: bool | None = None
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._place(stacked=False)

    def is_stacked(self) -> bool:
        """Whether the kind sits under the value."""
        return bool(self._stacked)

    def value_width(self) -> int:
        """The least width of the value: that of a typical one."""
        return line_edit_width_for(self.edit, self._typical)

    # -- Qt overrides ----------------------------------------------------------------------

    def minimumSizeHint(self) -> QSize:
        # Stacked, the widest of the two; side by side needs more, but then the row stacks.
        hint = super().minimumSizeHint()
        width = max(self.value_width(), self.combo.sizeHint().width())
        return QSize(width, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place(stacked=event.size().width() < self._side_by_side_width())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        # A child's size changed (the kind's words in another language, another font).
        if event.type() == QEvent.Type.LayoutRequest:
            self._place(stacked=self.width() < self._side_by_side_width())
        return super().event(event)

    # -- helpers ---------------------------------------------------------------------------

    def _side_by_side_width(self) -> int:
        spacing = self._grid.horizontalSpacing()
        return self.combo.sizeHint().width() + max(spacing, 0) + self.value_width()

    def _place(self, *, stacked: bool) -> None:
        if stacked == self._stacked:
            return
        self._stacked = stacked
        self._grid.removeWidget(self.combo)
        self._grid.removeWidget(self.edit)
        # Stacked, a gap under the kind keeps it with its own value, apart from the next.
        self._grid.setContentsMargins(0, 0, 0, STACKED_GAP if stacked else 0)
        if stacked:
            self._grid.addWidget(self.edit, 0, 0)
            self._grid.addWidget(self.combo, 1, 0, Qt.AlignmentFlag.AlignLeading)
            self._grid.setColumnStretch(0, 1)
            self._grid.setColumnStretch(1, 0)
        else:
            self._grid.addWidget(self.combo, 0, 0)
            self._grid.addWidget(self.edit, 0, 1)
            self._grid.setColumnStretch(0, 0)
            self._grid.setColumnStretch(1, 1)
        self.updateGeometry()


class EntryListEditor(RowListEditor):
    """Any number of (value, kind) rows; values are typed left-to-right.

    `kind_name` translates a stored kind; the owner calls `retranslate` on language change.
    `typical` is a value each row shows whole, the least its value's width.
    """

    def __init__(
        self,
        kinds: tuple[str, ...],
        kind_name: Callable[[str], str],
        typical: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._kinds = kinds
        self._kind_name = kind_name
        self._typical = typical
        self.add_button.clicked.connect(lambda: self.add_entry("", kinds[0]))

    def set_entries(self, entries: list[tuple[str, str]]) -> None:
        self._clear()
        for value, kind in entries:
            self.add_entry(value, kind)

    def entries(self) -> list[tuple[str, str]]:
        return [(row.edit.text(), row.combo.currentData()) for row in self.rows()]

    def rows(self) -> list[EntryFields]:
        """Each row's kind and value, in order."""
        return [cast(EntryFields, editors[0]) for editors in self._row_editors()]

    def add_entry(self, value: str, kind: str) -> QLineEdit:
        combo = QComboBox()
        # As wide as its longest kind in the current language, never squeezed to cut it.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        for known in self._kinds:
            combo.addItem(self._kind_name(known), known)
        combo.setCurrentIndex(max(0, combo.findData(kind)))
        edit = make_ltr(QLineEdit(value))
        self._add_row((EntryFields(combo, edit, self._typical), 1))
        return edit

    def retranslate(self, add_text: str) -> None:
        self.add_button.setText(add_text)
        for row in self.rows():
            for index, known in enumerate(self._kinds):
                row.combo.setItemText(index, self._kind_name(known))
