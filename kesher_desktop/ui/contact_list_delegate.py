"""Paints a contact list row: the name, and under it the organisation and a way to reach them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kesher_desktop.ui.contact_list_model import ContactRole
from kesher_desktop.ui.widgets.bidi import isolate_ltr

PADDING = 8


class ContactListDelegate(QStyledItemDelegate):
    """Two lines a row, aligned to the leading edge of the list's own direction."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        # Let the style draw the background, selection and focus, but no text.
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        style = option.widget.style() if option.widget else QStyle()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)

        area = option.rect.adjusted(PADDING, PADDING // 2, -PADDING, -PADDING // 2)
        line = area.height() // 2
        align = QStyle.visualAlignment(
            option.direction, Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        )

        painter.save()
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        # The selection is a light tint in our style, so the usual text colours stay readable.
        painter.setPen(option.palette.text().color())
        name = QFontMetrics(bold).elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, area.width()
        )
        painter.drawText(QRect(area.x(), area.y(), area.width(), line), align, name)

        painter.setFont(option.font)
        painter.setPen(option.palette.placeholderText().color())
        secondary = QFontMetrics(option.font).elidedText(
            _secondary_line(index), Qt.TextElideMode.ElideRight, area.width()
        )
        painter.drawText(QRect(area.x(), area.y() + line, area.width(), line), align, secondary)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        height = QFontMetrics(option.font).height()
        return QSize(200, height * 2 + PADDING * 2)


def _secondary_line(index: QModelIndex | QPersistentModelIndex) -> str:
    organisation = index.data(ContactRole.ORGANISATION) or ""
    reach = index.data(ContactRole.PHONE) or index.data(ContactRole.EMAIL) or ""
    parts = [organisation, isolate_ltr(reach) if reach else ""]
    return " · ".join(part for part in parts if part)
