"""A card that shows read-only content and, behind a pencil button, its edit form."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.ui.widgets.field_error import FieldError
from kesher_desktop.ui.widgets.retranslate import Retranslating

PENCIL = "\u270e"


class EditableSection(Retranslating, QFrame):
    """Read view and edit view of one part of a contact, with Save and Cancel.

    The owner fills the views, listens to the signals and calls `finish_editing` once a save
    went through; on an error it leaves the edit view open so nothing typed is lost.

    Signals:
        edit_started(): the pencil was clicked; the owner fills the fields.
        save_requested(): Save was clicked.
    """

    edit_started = Signal()
    save_requested = Signal()

    def __init__(self, read_view: QWidget, edit_view: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.edit_button = QToolButton()
        self.edit_button.setObjectName("editButton")
        self.edit_button.setText(PENCIL)
        self.edit_button.setAutoRaise(True)
        self.edit_button.clicked.connect(self.start_editing)

        self.error = FieldError()
        self.save_button = QPushButton()
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save_requested)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.finish_editing)

        # Two widgets shown in turn rather than a stack, so the card is as tall as what it
        # shows and not as tall as the larger of the two.
        self._read_view = read_view
        self._edit_page = self._build_edit_page(edit_view)
        self._edit_page.hide()

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.addLayout(top)
        layout.addWidget(read_view)
        layout.addWidget(self._edit_page)
        self.retranslate()

    def is_editing(self) -> bool:
        return not self._edit_page.isHidden()

    def start_editing(self) -> None:
        self.error.clear()
        self.edit_started.emit()
        self._read_view.hide()
        self._edit_page.show()
        self.edit_button.hide()

    def finish_editing(self) -> None:
        self.error.clear()
        self._edit_page.hide()
        self._read_view.show()
        self.edit_button.show()

    def retranslate(self) -> None:
        self.edit_button.setToolTip(self.tr("Edit"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def _build_edit_page(self, edit_view: QWidget) -> QWidget:
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(edit_view)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        return page
