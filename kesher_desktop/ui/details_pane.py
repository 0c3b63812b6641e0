"""The third pane of the contact page: free "more details" fields and the documents list."""

from __future__ import annotations

import html
import logging
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft
from kesher_desktop.services.errors import ServiceError
from kesher_desktop.ui.messages import message_for
from kesher_desktop.ui.widgets.bidi import align_leading, isolate_ltr
from kesher_desktop.ui.widgets.editable_section import EditableSection
from kesher_desktop.ui.widgets.retranslate import Retranslating
from kesher_desktop.ui.widgets.row_list import RowListEditor
from kesher_desktop.ui.widgets.zoned_time import format_instant

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

        self.documents_title = QLabel()
        self.documents_title.setObjectName("cardTitle")
        self.documents_list = QLabel()
        self.documents_list.setWordWrap(True)
        self.documents_list.setTextFormat(Qt.TextFormat.RichText)
        documents = QFrame()
        documents.setObjectName("card")
        documents_layout = QVBoxLayout(documents)
        documents_layout.setContentsMargins(16, 12, 16, 16)
        documents_layout.addWidget(self.documents_title)
        documents_layout.addWidget(self.documents_list)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(self.section)
        layout.addWidget(documents)
        layout.addStretch(1)
        self.retranslate()

    # -- API -------------------------------------------------------------------------------

    def set_contact(self, contact_id: int, draft: ContactDraft) -> None:
        if contact_id != self._contact_id and self.section.is_editing():
            self.section.finish_editing()
        self._contact_id, self._draft = contact_id, draft
        self._show_fields()
        self._show_documents()

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
        self.documents_title.setText(self.tr("Documents"))
        self._show_fields()
        self._show_documents()

    # -- helpers ---------------------------------------------------------------------------

    def _show_fields(self) -> None:
        while self._read_form.rowCount():
            self._read_form.removeRow(0)
        for label, value in self._draft.fields:
            caption, text = QLabel(label), QLabel(value)
            caption.setObjectName("fieldCaption")
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            align_leading(text, Qt.AlignmentFlag.AlignTop)
            self._read_form.addRow(caption, text)
        if not self._draft.fields:
            hint = QLabel(self.tr("No more details yet."))
            hint.setObjectName("emptyHint")
            self._read_form.addRow(hint)

    def _show_documents(self) -> None:
        if self._contact_id is None:
            return
        align_leading(self.documents_list, Qt.AlignmentFlag.AlignTop)
        documents = self._services.documents.for_contact(self._contact_id)
        if not documents:
            empty = html.escape(self.tr("No documents yet."))
            self.documents_list.setText(f"<span style='color:#8a94a6'>{empty}</span>")
            return
        zone = self._services.clock.zone
        lines = [
            f"<b>{html.escape(doc.name)}</b><br><span style='color:#8a94a6'>"
            f"{isolate_ltr(format_instant(doc.added_at, zone))}{self._size_text(doc.size)}</span>"
            for doc in documents
        ]
        self.documents_list.setText("<br><br>".join(lines))

    def _size_text(self, size: int | None) -> str:
        if size is None:
            return ""
        if size < 1024 * 1024:
            return " \u00b7 " + self.tr("{size} KB").format(size=max(1, round(size / 1024)))
        return " \u00b7 " + self.tr("{size} MB").format(size=round(size / 1024 / 1024, 1))
