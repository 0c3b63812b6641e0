"""A page column that scrolls up and down, never sideways, and asks for the width its
contents need so nothing in it is cut off."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget


class ColumnScroll(QScrollArea):
    """Holds one pane at the column's width; the column is never narrower than `floor`
    nor than the pane's least width with room for the vertical scroll bar.

    With no horizontal scroll bar, a pane wider than the column would have its far side
    cut off: the column asks its splitter for the pane's width instead.
    """

    def __init__(self, pane: QWidget, name: str, floor: int) -> None:
        super().__init__()
        self.setObjectName(name)
        self._floor = floor
        self.setWidget(pane)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def width_for(self, pane: QWidget) -> int:
        """The least width of this column were it to hold `pane`."""
        # Room for the scroll bar is kept even while it is hidden: a pane that grows taller
        # would otherwise be cut by the bar that appears.
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        needed = pane.minimumSizeHint().width() + scroll_bar + 2 * self.frameWidth()
        return max(self._floor, needed)

    # -- Qt overrides ----------------------------------------------------------------------

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        pane = self.widget()
        width = self.width_for(pane) if pane is not None else self._floor
        return QSize(width, hint.height())

    def event(self, event: QEvent) -> bool:
        # The pane's layout changed (rows added, another language): tell the splitter that
        # the column's least width may have changed with it.
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().event(event)
