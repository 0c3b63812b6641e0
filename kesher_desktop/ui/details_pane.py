"""The third pane of the contact page: free "more details" fields and the documents card."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft
from kesher_desktop.services.errors import ServiceError
from kesher_desktop.ui.documents_card import DocumentsCard
from kesher_desktop.ui.messages import message_for
from kesher_desktop.ui.widgets.bidi import align_leading
from kesher_desktop.ui.widgets.editable_section import EditableSection
from kesher_desktop.ui.widgets.long_words import breakable
from kesher_desktop.ui.widgets.retranslate import Retranslating
from kesher_desktop.ui.widgets.row_list import RowListEditor

log = logging.getLogger(__name__)


class FieldsEditor(RowListEditor):
    """Rows of a label and a value, with "add" and "remove"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_button.clicked.connect(lambda: self.add_field("", "").setFocus())

    def set_fields(self, fields: list[tuple[str, str]]) -> None:
        self._clear()
        for label, value in fields:
            self.add_field(label, value)

    def fields(self) -> list[tuple[str, str]]:
        """Rows with a label or a value; a wholly empty row is dropped."""
        rows = [(label.text().strip(), value.text()) for label, value in self._row_editors()]
        return [(label, value) for label, value in rows if label or value.strip()]

    def add_field(self, label: str, value: str) -> QLineEdit:
        label_edit, value_edit = QLineEdit(label), QLineEdit(value)
        label_edit.setObjectName("fieldLabelEdit")
        self._add_row((label_edit, 2), (value_edit, 3))
        return label_edit

    def set_placeholders(self, label: str, value: str) -> None:
        for label_edit, value_edit in self._row_editors():
            label_edit.setPlaceholderText(label)
            value_edit.setPlaceholderText(value)


class DetailsPane(Retranslating, QWidget):
    """More details, editable in place, and the contact's documents.

    Signals:
        contact_saved(int): the contact's fields were updated from this pane.
    """

    contact_saved = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._contact_id: int | None = None
        self._draft = ContactDraft()

        self._read = QWidget()
        self._read_form = QFormLayout(self._read)
        self._read_form.setContentsMargins(0, 0, 0, 0)
        self._read_form.setVerticalSpacing(10)
        self._read_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.editor = FieldsEditor()
        self.section = EditableSection(self._read, self.editor)
        self.section.edit_started.connect(lambda: self.editor.set_fields(self._draft.fields))
        self.section.save_requested.connect(self.save)

        self.documents = DocumentsCard(services)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(self.section)
        layout.addWidget(self.documents)
        layout.addStretch(1)
        self.retranslate()

    # -- API -------------------------------------------------------------------------------

    def set_contact(self, contact_id: int, draft: ContactDraft) -> None:
        if contact_id != self._contact_id and self.section.is_editing():
            self.section.finish_editing()
        self._contact_id, self._draft = contact_id, draft
        self._show_fields()
        self.documents.show_contact(contact_id)

    def refresh_documents(self) -> None:
        """Read the documents again (files attached or removed in the drawer)."""
        self.documents.refresh()

    def save(self) -> bool:
        if self._contact_id is None:
            return False
        try:
            draft = replace(self._draft, fields=self.editor.fields())
            self._services.contacts.update(self._contact_id, draft)
        except ServiceError as error:
            self.section.error.show_message(message_for(error))
            return False
        self.section.finish_editing()
        self.contact_saved.emit(self._contact_id)
        return True

    def retranslate(self) -> None:
        self.section.title.setText(self.tr("More details"))
        self.editor.add_button.setText(self.tr("+ Add a field"))
        self.editor.set_placeholders(self.tr("Label"), self.tr("Value"))
        self._show_fields()

    # -- helpers ---------------------------------------------------------------------------

    def _show_fields(self) -> None:
        while self._read_form.rowCount():
            self._read_form.removeRow(0)
        for label, value in self._draft.fields:
            caption = QLabel(breakable(field_label_text(label)))
            text = QLabel(breakable(value))
            caption.setObjectName("fieldCaption")
            # What the user typed, shown as typed: "<b>" or "&amp;" are not markup here.
            for part in (caption, text):
                part.setTextFormat(Qt.TextFormat.PlainText)
            caption.setWordWrap(True)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            align_leading(text, Qt.AlignmentFlag.AlignTop)
            self._read_form.addRow(caption, text)
        if not self._draft.fields:
            hint = QLabel(self.tr("No more details yet."))
            hint.setObjectName("emptyHint")
            self._read_form.addRow(hint)


# The labels the importer gives what has no place of its own (a second address, a birthday
# without a year), kept in the store as written and shown in the user's language.
IMPORTED_LABELS = {
    label: label
    for label in (
        QT_TRANSLATE_NOOP("ImportedField", "Birthday"),
        QT_TRANSLATE_NOOP("ImportedField", "Address"),
        QT_TRANSLATE_NOOP("ImportedField", "Home address"),
        QT_TRANSLATE_NOOP("ImportedField", "Work address"),
        QT_TRANSLATE_NOOP("ImportedField", "Other address"),
        QT_TRANSLATE_NOOP("ImportedField", "Postal address"),
        QT_TRANSLATE_NOOP("ImportedField", "Custom field"),
    )
}


def field_label_text(label: str) -> str:
    """A field's label as shown: one the importer wrote, translated; the user's own as is."""
    if label in IMPORTED_LABELS:
        return QCoreApplication.translate("ImportedField", label)
    return label
