"""Keeping phone numbers, e-mail addresses and URLs left-to-right inside Hebrew text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

LRI = "\u2066"
FSI = "\u2068"
PDI = "\u2069"


def isolate_ltr(text: str) -> str:
    """Text wrapped so the bidi algorithm lays it out left-to-right as one unit.

    Without this, "+972 52-123-4567" in a right-to-left label comes out as "4567-123-52 972+".
    """
    return f"{LRI}{text}{PDI}" if text else text


def isolate(text: str) -> str:
    """Text wrapped so its own first letter sets its direction (a name inside a sentence)."""
    return f"{FSI}{text}{PDI}" if text else text


def shorten(text: str, limit: int = 60) -> str:
    """A value cut to a length a message can show, marked as cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def align_leading(
    label: QLabel, vertical: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignVCenter
) -> None:
    """Align a label to the page's leading edge, whatever the direction of its text.

    Qt aligns wrapped text by the text's own direction, so a Hebrew name would otherwise sit
    on the right of an English page. Call again when the layout direction changes.
    """
    rtl = label.layoutDirection() == Qt.LayoutDirection.RightToLeft
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    label.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | vertical)


def align_text_leading(edit: QPlainTextEdit) -> None:
    """Lay every line of a text box out in the page's direction, from its leading edge.

    A text box takes each line's direction from its first letter, yet still starts the line
    at the left: a Hebrew report would read ragged against the left edge. Call before
    setting the text, and again when the layout direction changes.
    """
    direction = edit.layoutDirection()
    rtl = direction == Qt.LayoutDirection.RightToLeft
    option = edit.document().defaultTextOption()
    option.setTextDirection(direction)
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
    edit.document().setDefaultTextOption(option)


def make_ltr(edit: QLineEdit) -> QLineEdit:
    """A line edit for a number or an address: typed and shown left-to-right in any language."""
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    # Show a long address from its start, not its end, until the user moves in it.
    edit.setCursorPosition(0)
    return edit
