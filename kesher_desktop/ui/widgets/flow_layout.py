"""A layout that places its items in rows, wrapping like words, mirrored in right-to-left."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class FlowLayout(QLayout):
    """Items in reading order from the leading edge; used for tag and people chips."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def clear(self) -> None:
        """Remove every item and delete its widget."""
        while (item := self.takeAt(0)) is not None:
            if widget := item.widget():
                widget.deleteLater()

    # -- QLayout overrides ----------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    # -- helpers ---------------------------------------------------------------------------

    def _arrange(self, rect: QRect, apply: bool) -> int:
        """Lay items out left-to-right, mirror each for right-to-left; return the height."""
        x, y, line_height = rect.x(), rect.y(), 0
        direction = self.parentWidget().layoutDirection() if self.parentWidget() else None

        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line_height > 0:
                x, y = rect.x(), y + line_height + self._spacing
                line_height = 0
            if apply:
                geometry = QRect(QPoint(x, y), hint)
                if direction is not None:
                    geometry = QStyle.visualRect(direction, rect, geometry)
                item.setGeometry(geometry)
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())

        return y + line_height - rect.y()
