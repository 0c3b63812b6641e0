"""The small form that adds a contact; the contact page takes over from there.

Before creating, it asks whether the new contact is someone already stored (the same e-mail
or phone), as HubSpot and Pipedrive do: open that contact, create anyway, or go back.
"""

from __future__ import annotations

import enum
import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.services.contacts import (
    ContactDraft,
    ContactService,
    EmailEntry,
    PhoneEntry,
    SamePerson,
)
from kesher_desktop.services.errors import ValidationError
from kesher_desktop.ui.messages import message_for
from kesher_desktop.ui.widgets.bidi import isolate, isolate_ltr, shorten
from kesher_desktop.ui.widgets.field_error import FieldError
from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)

# Characters of a name a button shows; a longer one is cut so the buttons fit the box.
BUTTON_NAME_LIMIT = 30
# The same in the sentence, which may wrap but should not fill the box with one name.
SENTENCE_NAME_LIMIT = 80
LRM = "\u200e"
RLM = "\u200f"


class SamePersonAnswer(enum.Enum):
    """What to do when the new contact may be someone already stored."""

    OPEN = "open"
    CREATE = "create"
    BACK = "back"


class SamePersonQuestion(QMessageBox):
    """Names the stored contact the new one may be and what they share; see `answer`."""

    def __init__(self, same: SamePerson, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Already in your contacts?"))
        # As the contact list shows a contact without a name.
        name = same.name or same.email or same.phone
        self.setText(self._what_matched(same, isolate(shorten(name, SENTENCE_NAME_LIMIT))))
        self.setInformativeText(
            self.tr(
                "If it is the same person, open the existing contact "
                "instead of creating a second one."
            )
        )

        button_name = isolate(shorten(name, BUTTON_NAME_LIMIT))
        self.open_button = self.addButton(
            self.tr("Open {name}").format(name=button_name), QMessageBox.ButtonRole.AcceptRole
        )
        self.create_button = self.addButton(
            self.tr("Create anyway"), QMessageBox.ButtonRole.ActionRole
        )
        self.back_button = self.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        # Opening the stored contact loses nothing, so Enter does that; Esc goes back.
        self.setDefaultButton(self.open_button)
        self.setEscapeButton(self.back_button)

    def answer(self) -> SamePersonAnswer:
        """The button the user pressed; closing the box counts as going back."""
        clicked = self.clickedButton()
        if clicked == self.open_button:
            return SamePersonAnswer.OPEN
        if clicked == self.create_button:
            return SamePersonAnswer.CREATE
        return SamePersonAnswer.BACK

    def _what_matched(self, same: SamePerson, name: str) -> str:
        # The sentence opens with the isolated name, and Qt would take the direction of the
        # whole sentence from the name's first letter: give it the page's instead.
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        return (RLM if rtl else LRM) + self._sentence(same, name)

    def _sentence(self, same: SamePerson, name: str) -> str:
        email, phone = isolate_ltr(same.email), isolate_ltr(same.phone)
        if same.email and same.phone:
            return self.tr(
                "{name} is already in your contacts with the e-mail address {email} "
                "and the phone number {phone}."
            ).format(name=name, email=email, phone=phone)
        if same.email:
            return self.tr(
                "{name} is already in your contacts with the e-mail address {email}."
            ).format(name=name, email=email)
        return self.tr("{name} is already in your contacts with the phone number {phone}.").format(
            name=name, phone=phone
        )


class NewContactDialog(Retranslating, QDialog):
    """Asks for the basics of a new contact and creates it on OK.

    Once the dialog was accepted, `created_id` holds the new contact's id; or, when the
    user chose to open the stored contact the new one already was, `existing_id` holds its.
    """

    def __init__(self, contacts: ContactService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._contacts = contacts
        self.created_id: int | None = None
        self.existing_id: int | None = None

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

    def ask_about_same_person(self, same: SamePerson) -> SamePersonAnswer:
        """Ask whether the new contact is `same`, already stored; tests replace this one method."""
        question = SamePersonQuestion(same, self)
        question.exec()
        return question.answer()

    def _save(self) -> None:
        try:
            draft = self._contacts.validate(self._draft())
        except ValidationError as error:
            # Everything typed stays in the fields; only the message is added.
            self.error.show_message(message_for(error))
            return
        self.error.clear()

        same = self._contacts.find_same_person(draft)
        answer = self.ask_about_same_person(same[0]) if same else SamePersonAnswer.CREATE
        log.info("new contact answer=%s matches=%d", answer.value, len(same))
        if answer is SamePersonAnswer.BACK:
            # The form stays as the user left it, to be changed or confirmed again.
            return
        if answer is SamePersonAnswer.OPEN:
            self.existing_id = same[0].contact_id
            self.accept()
            return

        self._create(draft)

    def _create(self, draft: ContactDraft) -> None:
        try:
            self.created_id = self._contacts.create(draft)
        except ValidationError as error:
            self.error.show_message(message_for(error))
            return
        self.accept()

    def _draft(self) -> ContactDraft:
        return ContactDraft(
            given_name=self.given_name.text(),
            family_name=self.family_name.text(),
            organisation=self.organisation.text(),
            phones=[PhoneEntry(self.phone.text(), "mobile")],
            emails=[EmailEntry(self.email.text(), "work")],
        )
