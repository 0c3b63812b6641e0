"""A form field stacked as caption, editor and error line, so all three hide together."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kesher_desktop.ui.widgets.field_error import FieldError


@dataclass
class FieldRow:
    box: QWidget
    caption: QLabel
    error: FieldError


def field_row(editor: QWidget) -> FieldRow:
    """A captioned editor with its (hidden) error line under it."""
    box = QWidget()
    caption = QLabel()
    caption.setObjectName("fieldCaption")
    caption.setBuddy(editor)
    error = FieldError()

    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(3)
    layout.addWidget(caption)
    layout.addWidget(editor)
    layout.addWidget(error)
    return FieldRow(box, caption, error)
