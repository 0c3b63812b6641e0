"""A slim bar that says what just happened and offers to undo it for a few seconds."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QToolButton, QWidget

from kesher_desktop.ui.widgets.elided_label import ElidedLabel
from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)

SHOWN_FOR_MS = 10_000


class UndoBar(Retranslating, QFrame):
    """Shows one message with an Undo button; a newer message replaces the older one.

    Signals:
        undone(): the user clicked Undo and the undo action has run.
    """

    undone = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self._undo: Callable[[], None] | None = None

        # Elided: the message names a file, and a long name must not widen the column.
        self.message = ElidedLabel()
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.undo)
        self._close = QToolButton()
        self._close.setText("\u00d7")
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self.dismiss)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOWN_FOR_MS)
        self._timer.timeout.connect(self.dismiss)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self._close)
        self.hide()
        self.retranslate()

    def offer(self, message: str, undo: Callable[[], None]) -> None:
        """Show `message`; Undo calls `undo` once, then the bar hides."""
        self._undo = undo
        self.message.setText(message)
        self.show()
        self._timer.start()

    def undo(self) -> None:
        action, self._undo = self._undo, None
        self.dismiss()
        if action is not None:
            action()
            self.undone.emit()

    def dismiss(self) -> None:
        self._timer.stop()
        self._undo = None
        self.hide()

    def retranslate(self) -> None:
        self.undo_button.setText(self.tr("Undo"))
        self._close.setToolTip(self.tr("Dismiss"))
