"""A one-line label that cuts a long text in the middle ("הצעת מחיר…סופי.pdf") to fit."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QTextOption
from PySide6.QtWidgets import QLabel, QStyle, QWidget

STRONG_RTL = ("R", "AL")
ISOLATE_OPENERS = ("LRI", "RLI", "FSI")


def reads_right_to_left(text: str) -> bool:
    """Whether the first letter with a direction of its own is Hebrew or Arabic.

    Letters inside an isolate (a name set apart in a sentence) are skipped, as the bidi
    algorithm and Qt's own labels do: "⁨1 KB⁩ · מצורף" reads right to left.
    """
    depth = 0
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ISOLATE_OPENERS:
            depth += 1
        elif direction == "PDI":
            depth = max(0, depth - 1)
        elif depth == 0 and direction == "L":
            return False
        elif depth == 0 and direction in STRONG_RTL:
            return True
    return False


class ElidedLabel(QLabel):
    """Plain text on one line, cut in the middle when narrow; the full text is its tooltip.

    The text is laid out in its own direction (a Hebrew name reads right to left on an
    English page) but sits at the page's leading edge, as the labels around it do.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        # Narrow enough for "a…z", so a long name never widens the pane.
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("M…M"), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), 400), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, rect.width()
        )
        option = QTextOption(
            QStyle.visualAlignment(self.layoutDirection(), Qt.AlignmentFlag.AlignLeft)
            | Qt.AlignmentFlag.AlignAbsolute
            | Qt.AlignmentFlag.AlignVCenter
        )
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft
            if reads_right_to_left(text)
            else Qt.LayoutDirection.LeftToRight
        )
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, self.foregroundRole()))
        painter.drawText(QRectF(rect), text, option)
