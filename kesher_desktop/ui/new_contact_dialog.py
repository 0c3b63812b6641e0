"""The small form that adds a contact; the contact page takes over from there."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.services.contacts import ContactDraft, ContactService, EmailEntry, PhoneEntry
from kesher_desktop.services.errors import ValidationError
from kesher_desktop.ui.messages import message_for
from kesher_desktop.ui.widgets.field_error import FieldError
from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)


class NewContactDialog(Retranslating, QDialog):
    """Asks for the basics of a new contact and creates it on OK.

    `created_id` holds the new contact's id once the dialog was accepted.
    """

    def __init__(self, contacts: ContactService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._contacts = contacts
        self.created_id: int | None = None

        self.given_name = QLineEdit()
        self.family_name = QLineEdit()
        self.organisation = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        # Numbers and addresses read left to right even inside a Hebrew form.
        for edit in (self.phone, self.email):
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.error = FieldError()

        self._form = QFormLayout()
        self._labels = [QLabel() for _ in range(5)]
        fields = (self.given_name, self.family_name, self.organisation, self.phone, self.email)
        for label, field in zip(self._labels, fields, strict=True):
            self._form.addRow(label, field)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._buttons.accepted.connect(self._save)
        self._buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New contact"))
        texts = (
            self.tr("First name"),
            self.tr("Last name"),
            self.tr("Organisation"),
            self.tr("Mobile phone"),
            self.tr("E-mail"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)

    def _save(self) -> None:
        draft = ContactDraft(
            given_name=self.given_name.text(),
            family_name=self.family_name.text(),
            organisation=self.organisation.text(),
            phones=[PhoneEntry(self.phone.text(), "mobile")],
            emails=[EmailEntry(self.email.text(), "work")],
        )
        try:
            self.created_id = self._contacts.create(draft)
        except ValidationError as error:
            # Everything typed stays in the fields; only the message is added.
            self.error.show_message(message_for(error))
            return
        self.accept()
