"""Keeping phone numbers, e-mail addresses and URLs left-to-right inside Hebrew text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

LRI = "\u2066"
PDI = "\u2069"


def isolate_ltr(text: str) -> str:
    """Text wrapped so the bidi algorithm lays it out left-to-right as one unit.

    Without this, "+972 52-123-4567" in a right-to-left label comes out as "4567-123-52 972+".
    """
    return f"{LRI}{text}{PDI}" if text else text


def make_ltr(edit: QLineEdit) -> QLineEdit:
    """A line edit for a number or an address: typed and shown left-to-right in any language."""
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return edit
