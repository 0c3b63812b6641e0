"""Paints a contact list row: the name, and under it the organisation and a way to reach them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kesher_desktop.ui.contact_list_model import ContactRole

PADDING = 8


class ContactListDelegate(QStyledItemDelegate):
    """Two lines a row, aligned to the leading edge of the list's own direction.

    Painting runs for every visible row on every keystroke in the search field, so fonts and
    their metrics are worked out once per base font, not once per row.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fonts: dict[str, tuple[QFont, QFontMetrics, QFontMetrics]] = {}

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # The style draws the hover and selection backgrounds; the text is ours. Plain rows
        # are left alone: the style sheet's per-item drawing is the costliest part of a row.
        marked = QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_MouseOver
        if option.state & marked and option.widget is not None:
            option.widget.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )

        bold, bold_metrics, metrics = self._fonts_for(option.font)
        area = option.rect.adjusted(PADDING, PADDING // 2, -PADDING, -PADDING // 2)
        line = area.height() // 2
        align = QStyle.visualAlignment(
            option.direction, Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        )
        name = bold_metrics.elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, area.width()
        )
        secondary = metrics.elidedText(
            index.data(ContactRole.SECONDARY), Qt.TextElideMode.ElideRight, area.width()
        )

        painter.save()
        painter.setFont(bold)
        # The selection is a light tint in our style, so the usual text colours stay readable.
        painter.setPen(option.palette.text().color())
        painter.drawText(QRect(area.x(), area.y(), area.width(), line), align, name)
        painter.setFont(option.font)
        painter.setPen(option.palette.placeholderText().color())
        painter.drawText(QRect(area.x(), area.y() + line, area.width(), line), align, secondary)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        height = self._fonts_for(option.font)[2].height()
        return QSize(200, height * 2 + PADDING * 2)

    def _fonts_for(self, font: QFont) -> tuple[QFont, QFontMetrics, QFontMetrics]:
        key = font.key()
        if key not in self._fonts:
            bold = QFont(font)
            bold.setWeight(QFont.Weight.DemiBold)
            self._fonts[key] = (bold, QFontMetrics(bold), QFontMetrics(font))
        return self._fonts[key]
