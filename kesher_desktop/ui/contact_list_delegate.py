"""Paints a contact list row: the name, and under it the organisation and a way to reach them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kesher_desktop.ui.contact_list_model import ContactRole

PADDING = 8
# Kerning and shaping may make a text a little wider than its letters one by one; a text
# estimated within this share of the row surely fits.
FIT_MARGIN = 0.9


class FittingFont:
    """A font with its metrics, telling cheaply whether a text fits a width.

    Eliding shapes the whole text, which costs as much as drawing it. Most texts are far
    shorter than a row, and the sum of their letters' widths, remembered letter by letter,
    says so without shaping anything.
    """

    def __init__(self, font: QFont) -> None:
        # A copy: the font a view hands over belongs to its style option, gone after painting.
        self.font = QFont(font)
        self.metrics = QFontMetrics(font)
        self._advances: dict[str, int] = {}

    def fitted(self, text: str, width: int) -> str:
        """The text as it fits in `width` pixels: whole, or elided at its end."""
        estimate = 0
        for letter in text:
            advance = self._advances.get(letter)
            if advance is None:
                advance = self._advances[letter] = self.metrics.horizontalAdvance(letter)
            estimate += advance
        if estimate <= width * FIT_MARGIN:
            return text
        return self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


class ContactListDelegate(QStyledItemDelegate):
    """Two lines a row, aligned to the leading edge of the list's own direction.

    Painting runs for every visible row on every keystroke in the search field, so fonts and
    their metrics are worked out once per base font, not once per row.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fonts: dict[str, tuple[FittingFont, FittingFont]] = {}

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

        bold, plain = self._fonts_for(option.font)
        area = option.rect.adjusted(PADDING, PADDING // 2, -PADDING, -PADDING // 2)
        line = area.height() // 2
        align = QStyle.visualAlignment(
            option.direction, Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        )
        name = bold.fitted(str(index.data()), area.width())
        secondary = plain.fitted(index.data(ContactRole.SECONDARY), area.width())

        painter.save()
        painter.setFont(bold.font)
        # The selection is a light tint in our style, so the usual text colours stay readable.
        painter.setPen(option.palette.text().color())
        painter.drawText(QRect(area.x(), area.y(), area.width(), line), align, name)
        painter.setFont(plain.font)
        painter.setPen(option.palette.placeholderText().color())
        painter.drawText(QRect(area.x(), area.y() + line, area.width(), line), align, secondary)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        height = self._fonts_for(option.font)[1].metrics.height()
        return QSize(200, height * 2 + PADDING * 2)

    def _fonts_for(self, font: QFont) -> tuple[FittingFont, FittingFont]:
        """The bold and the plain font of a row, made once per base font."""
        key = font.key()
        if key not in self._fonts:
            bold = QFont(font)
            bold.setWeight(QFont.Weight.DemiBold)
            self._fonts[key] = (FittingFont(bold), FittingFont(font))
        return self._fonts[key]
