"""What the main window shows beside a contact list with nobody in it: how to begin."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)

# Wide enough for the sentence in two or three lines, narrow enough to read at a glance.
TEXT_WIDTH = 420
NO_BREAK_SPACE = "\u00a0"


def _plain(text: str) -> str:
    """A menu or action name without its mnemonic mark, as a sentence can quote it."""
    return text.replace("&", "")


class NoContactsPage(Retranslating, QWidget):
    """Says there are no contacts yet, and offers the window's own Import and New contact.

    The buttons trigger those very actions, so they do what the menu does and are greyed
    out while it is; their names, and the menu path the sentence quotes, are the actions'.
    """

    def __init__(
        self,
        file_menu: QAction,
        import_action: QAction,
        new_contact_action: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noContactsPage")
        self._file_menu = file_menu
        self._actions = (import_action, new_contact_action)

        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.explanation = QLabel()
        self.explanation.setObjectName("emptyHint")
        self.explanation.setWordWrap(True)
        self.explanation.setFixedWidth(TEXT_WIDTH)
        for label in (self.heading, self.explanation):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.import_button = QPushButton()
        self.import_button.setObjectName("primaryButton")
        self.new_contact_button = QPushButton()
        self._buttons = (self.import_button, self.new_contact_button)
        for button, action in zip(self._buttons, self._actions, strict=True):
            button.clicked.connect(action.trigger)
            # The window names its actions when the language changes, maybe after this page.
            action.changed.connect(self.retranslate)
        file_menu.changed.connect(self.retranslate)

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addLayout(_centred(self.explanation))
        layout.addSpacing(8)
        layout.addLayout(_centred(*self._buttons))
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        import_action, new_contact_action = self._actions
        self.heading.setText(self.tr("No contacts yet"))
        where = f"{_plain(self._file_menu.text())} > {_plain(import_action.text())}"
        # Kept on one line: a menu path broken in two reads as two things.
        where = where.replace(" ", NO_BREAK_SPACE)
        self.explanation.setText(
            self.tr(
                "Import your contacts from a vCard or CSV file ({where}), or add a new contact."
            ).format(where=where)
        )
        for button, action in zip(self._buttons, self._actions, strict=True):
            button.setText(_plain(action.text()))
            button.setEnabled(action.isEnabled())


def _centred(*widgets: QWidget) -> QHBoxLayout:
    """A row with the widgets in its middle, at their own widths.

    Between stretches rather than aligned: an aligned label that wraps is not given the
    height of its lines.
    """
    row = QHBoxLayout()
    row.addStretch(1)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row
