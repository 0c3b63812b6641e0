"""A rounded label for a tag or a person, coloured, optionally with a remove button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from kesher_desktop.ui.widgets.retranslate import Retranslating

NEUTRAL = "#e8edf3"
# A chip's text is cut in the middle beyond this, so one long tag never widens a form.
MAX_TEXT_WIDTH = 240


class Chip(Retranslating, QFrame):
    """One chip.

    Signals:
        remove_requested(): the × was clicked.
        clicked(): the chip itself was clicked (tags use this to change colour).
    """

    remove_requested = Signal()
    clicked = Signal()

    def __init__(
        self,
        text: str,
        color: str = NEUTRAL,
        removable: bool = False,
        parent: QWidget | None = None,
        rich: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chip")
        self._text = text
        self._label = QLabel()
        self._label.setObjectName("chipText")
        if rich:
            # Markup the caller escaped itself (a person's name with their answer's mark).
            self._label.setTextFormat(Qt.TextFormat.RichText)
            self._label.setText(text)
        else:
            self._label.setTextFormat(Qt.TextFormat.PlainText)
            self._show_fitted(text)

        self._remove = QToolButton()
        self._remove.setObjectName("chipRemove")
        self._remove.setText("\u00d7")
        self._remove.setAutoRaise(True)
        self._remove.setCursor(Qt.CursorShape.PointingHandCursor)
        self._remove.setVisible(removable)
        self._remove.clicked.connect(self.remove_requested)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 2, 4 if removable else 10, 2)
        layout.setSpacing(2)
        layout.addWidget(self._label)
        layout.addWidget(self._remove)

        self.set_color(color)
        self.retranslate()

    def text(self) -> str:
        """The whole text, however it is cut on screen."""
        return self._text

    def set_color(self, color: str) -> None:
        """Fill with `color` and pick dark or light text so it stays readable."""
        fill = QColor(color)
        ink = "#1f2933" if fill.lightness() > 150 else "#ffffff"
        self.setStyleSheet(
            f"#chip {{ background: {fill.name()}; border-radius: 11px; }}"
            f"#chipText, #chipRemove {{ color: {ink}; background: transparent; }}"
        )

    def _show_fitted(self, text: str) -> None:
        metrics = self._label.fontMetrics()
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, MAX_TEXT_WIDTH)
        self._label.setText(shown)
        if shown != text:
            self._label.setToolTip(text)

    def retranslate(self) -> None:
        self._remove.setToolTip(self.tr("Remove"))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)
