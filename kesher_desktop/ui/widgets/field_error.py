"""The red line under a form field that says what is wrong with it."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QWidget

# Characters' worth of width a message may ask for at least; longer words are cut.
NARROWEST_CHARACTERS = 16


class FieldError(QLabel):
    """Hidden while empty; `show_message` reveals it, `clear` hides it again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.show()

    def clear(self) -> None:
        super().clear()
        self.hide()

    def minimumSizeHint(self) -> QSize:
        # A file's name with nowhere to break would otherwise be the least width of the
        # whole form, and push the form's buttons out of a narrow column.
        hint = super().minimumSizeHint()
        narrowest = self.fontMetrics().averageCharWidth() * NARROWEST_CHARACTERS
        return QSize(min(hint.width(), narrowest), hint.height())
