"""The first pane of the contact page: who the contact is, with tags, editable in place."""

from __future__ import annotations

import html
import logging
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import (
    EMAIL_KINDS,
    PHONE_KINDS,
    ContactDraft,
    EmailEntry,
    PhoneEntry,
)
from kesher_desktop.services.errors import ServiceError, ValidationError
from kesher_desktop.ui.mail_links import open_contact_mail
from kesher_desktop.ui.messages import message_for
from kesher_desktop.ui.widgets.bidi import align_leading, isolate_ltr
from kesher_desktop.ui.widgets.chip import Chip
from kesher_desktop.ui.widgets.date_time_edit import make_numeric
from kesher_desktop.ui.widgets.editable_section import EditableSection
from kesher_desktop.ui.widgets.entry_list import EntryListEditor
from kesher_desktop.ui.widgets.field_row import FieldRow, field_row
from kesher_desktop.ui.widgets.flow_layout import FlowLayout
from kesher_desktop.ui.widgets.long_words import breakable
from kesher_desktop.ui.widgets.retranslate import Retranslating
from kesher_desktop.ui.widgets.tag_editor import TagEditor
from kesher_desktop.ui.widgets.zoned_time import QT_DAY_FORMAT, format_day, from_qdate, to_qdate

log = logging.getLogger(__name__)

NO_BIRTHDAY = QDate(1900, 1, 1)
# A phone and an address of usual length: the editor shows each whole at any window size.
TYPICAL_PHONE = "+972 52-123-4567"
TYPICAL_EMAIL = "dana.levi@example.co.il"


def kind_name(kind: str) -> str:
    """The words for a phone's or an address's kind."""
    names = {
        "mobile": QCoreApplication.translate("ContactKind", "Mobile"),
        "work": QCoreApplication.translate("ContactKind", "Work"),
        "home": QCoreApplication.translate("ContactKind", "Home"),
        "fax": QCoreApplication.translate("ContactKind", "Fax"),
        "other": QCoreApplication.translate("ContactKind", "Other"),
    }
    return names.get(kind, kind)


class GeneralPane(Retranslating, QWidget):
    """Name, organisation, role, phones, e-mails, address, birthday, notes and tags.

    Signals:
        contact_saved(int): the contact was updated from this pane (or a tag recoloured).
    """

    contact_saved = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._contact_id: int | None = None
        self._draft = ContactDraft()

        self._build_header()
        self._build_details()
        self._build_editors()
        self.section = EditableSection(self._details, self._editor)
        self.section.edit_started.connect(self._fill_editors)
        self.section.save_requested.connect(self.save)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(self._header)
        layout.addWidget(self.section)
        layout.addStretch(1)
        self.retranslate()

    # -- API -------------------------------------------------------------------------------

    def set_contact(self, contact_id: int, draft: ContactDraft) -> None:
        """Show a contact; fields being edited for the same contact keep what was typed."""
        if contact_id != self._contact_id and self.section.is_editing():
            self.section.finish_editing()
        self._contact_id, self._draft = contact_id, draft
        self._show_read_view()

    def edited_draft(self) -> ContactDraft:
        """The loaded contact with this pane's fields replaced by what the form says."""
        birthday = self.birthday.date()
        return replace(
            self._draft,
            given_name=self.given_name.text(),
            family_name=self.family_name.text(),
            organisation=self.organisation.text(),
            role=self.role.text(),
            phones=[PhoneEntry(number, kind) for number, kind in self.phones.entries()],
            emails=[EmailEntry(address, kind) for address, kind in self.emails.entries()],
            address=self.address.toPlainText(),
            birthday=None if birthday == NO_BIRTHDAY else from_qdate(birthday),
            notes=self.notes.toPlainText(),
            tags=self.tags.tags(),
        )

    def save(self) -> bool:
        """Update the contact; on a rule broken, say so beside the field and keep the form."""
        if self._contact_id is None:
            return False
        for row in self._rows.values():
            row.error.clear()
        try:
            self._services.contacts.update(self._contact_id, self.edited_draft())
        except ValidationError as error:
            row = self._rows.get(error.field)
            (row.error if row else self.section.error).show_message(message_for(error))
            return False
        except ServiceError as error:
            self.section.error.show_message(message_for(error))
            return False
        self.section.finish_editing()
        self.contact_saved.emit(self._contact_id)
        return True

    def write_to(self, index: int) -> bool:
        """Open the mail program on a message to the contact's `index`th address."""
        if self._contact_id is None or not 0 <= index < len(self._draft.emails):
            return False
        address = self._draft.emails[index].address
        return open_contact_mail(self, self._services, None, self._contact_id, address)

    def error_text(self, field: str) -> str:
        error = self._rows[field].error
        return "" if error.isHidden() else error.text()

    def choose_tag_color(self, name: str, current: str) -> str | None:
        """Ask for a tag's new colour; None when the user cancels. Tests replace this."""
        color = QColorDialog.getColor(
            QColor(current), self, self.tr("Colour of “{name}”").format(name=name)
        )
        return color.name() if color.isValid() else None

    def recolor_tag(self, name: str) -> None:
        colors = {tag.name: tag.color for tag in self._services.contacts.tags()}
        chosen = self.choose_tag_color(name, colors.get(name, ""))
        if chosen is None or self._contact_id is None:
            return
        self._services.contacts.set_tag_color(name, chosen)
        self._show_read_view()
        self.contact_saved.emit(self._contact_id)

    def retranslate(self) -> None:
        self.section.title.setText(self.tr("Details"))
        captions = {
            "given_name": self.tr("First name"),
            "family_name": self.tr("Last name"),
            "organisation": self.tr("Organisation"),
            "role": self.tr("Role"),
            "phones": self.tr("Phones"),
            "emails": self.tr("E-mail addresses"),
            "address": self.tr("Address"),
            "birthday": self.tr("Birthday"),
            "notes": self.tr("Notes"),
            "tags": self.tr("Tags"),
        }
        for name, caption in captions.items():
            self._rows[name].caption.setText(caption)
        for key, label in self._read_captions.items():
            label.setText(captions[key])
        self.phones.retranslate(self.tr("+ Add a phone"))
        self.emails.retranslate(self.tr("+ Add an e-mail address"))
        self.birthday.setSpecialValueText(self.tr("Not set"))
        self._show_read_view()

    # -- building --------------------------------------------------------------------------

    def _build_header(self) -> None:
        self._header = QWidget()
        self._header.setObjectName("contactHeader")
        self.name_label = QLabel()
        self.name_label.setObjectName("contactName")
        self.name_label.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("contactSubtitle")
        self.subtitle.setWordWrap(True)
        for label in (self.name_label, self.subtitle):
            # Names as typed: "<" or "&" in a company's name are not markup.
            label.setTextFormat(Qt.TextFormat.PlainText)
        self._tag_chips = QWidget()
        self._tag_layout = FlowLayout(self._tag_chips)

        layout = QVBoxLayout(self._header)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.name_label)
        layout.addWidget(self.subtitle)
        layout.addSpacing(4)
        layout.addWidget(self._tag_chips)

    def _build_details(self) -> None:
        self._details = QWidget()
        self._values: dict[str, QLabel] = {}
        self._read_captions: dict[str, QLabel] = {}
        self._form = QFormLayout(self._details)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.setVerticalSpacing(10)
        # Caption above value: addresses and e-mails need the pane's whole width.
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self._form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        for key in ("phones", "emails", "address", "birthday", "notes"):
            caption, value = QLabel(), QLabel()
            caption.setObjectName("fieldCaption")
            # Always markup, even when a value has no tag: an escaped "&" stays one "&".
            value.setTextFormat(Qt.TextFormat.RichText)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._form.addRow(caption, value)
            self._read_captions[key], self._values[key] = caption, value
        # Each address is a link that opens the mail program (with the tracking Bcc).
        self._values["emails"].setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self._values["emails"].linkActivated.connect(self._link_activated)
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("emptyHint")
        # Wrapped, so a narrow pane never pushes its pencil out of sight.
        self.empty_hint.setWordWrap(True)
        self._form.addRow(self.empty_hint)

    def _build_editors(self) -> None:
        self.given_name, self.family_name = QLineEdit(), QLineEdit()
        self.organisation, self.role = QLineEdit(), QLineEdit()
        # Each value at least as wide as a typical one; a longer one scrolls in its field.
        self.phones = EntryListEditor(PHONE_KINDS, kind_name, TYPICAL_PHONE)
        self.emails = EntryListEditor(EMAIL_KINDS, kind_name, TYPICAL_EMAIL)
        self.address = QPlainTextEdit()
        self.address.setFixedHeight(60)
        self.birthday = make_numeric(QDateEdit(), QT_DAY_FORMAT)
        self.birthday.setMinimumDate(NO_BIRTHDAY)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(90)
        self.tags = TagEditor()

        self._editor = QWidget()
        layout = QVBoxLayout(self._editor)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self._rows: dict[str, FieldRow] = {}
        for name, editor in {
            "given_name": self.given_name,
            "family_name": self.family_name,
            "organisation": self.organisation,
            "role": self.role,
            "phones": self.phones,
            "emails": self.emails,
            "address": self.address,
            "birthday": self.birthday,
            "notes": self.notes,
            "tags": self.tags,
        }.items():
            self._rows[name] = field_row(editor)
            layout.addWidget(self._rows[name].box)

    # -- helpers ---------------------------------------------------------------------------

    def _fill_editors(self) -> None:
        draft = self._draft
        self.given_name.setText(draft.given_name)
        self.family_name.setText(draft.family_name)
        self.organisation.setText(draft.organisation)
        self.role.setText(draft.role)
        self.phones.set_entries([(p.number, p.kind) for p in draft.phones])
        self.emails.set_entries([(e.address, e.kind) for e in draft.emails])
        self.address.setPlainText(draft.address)
        self.birthday.setDate(to_qdate(draft.birthday) if draft.birthday else NO_BIRTHDAY)
        self.notes.setPlainText(draft.notes)
        self.tags.set_tags(draft.tags, self._services.contacts.tags())
        for row in self._rows.values():
            row.error.clear()

    def _show_read_view(self) -> None:
        draft = self._draft
        # Named as the contact list names it: with no name, by how to reach them.
        reach = [entry.address for entry in draft.emails] + [p.number for p in draft.phones]
        name = draft.display_name or draft.organisation or next(iter(reach), self.tr("No name"))
        self.name_label.setText(breakable(name))
        subtitle = [draft.role, draft.organisation if draft.display_name else ""]
        self.subtitle.setText(breakable(" \u00b7 ".join(part for part in subtitle if part)))
        self.subtitle.setVisible(bool(self.subtitle.text()))
        self._show_tags(draft.tags)
        for label in (self.name_label, self.subtitle, *self._values.values()):
            align_leading(label, Qt.AlignmentFlag.AlignTop)

        values = {
            "phones": "<br>".join(_entry_html(p.number, kind_name(p.kind)) for p in draft.phones),
            "emails": "<br>".join(
                _email_html(index, e.address, kind_name(e.kind))
                for index, e in enumerate(draft.emails)
            ),
            "address": _escape(breakable(draft.address)).replace("\n", "<br>"),
            "birthday": _birthday_text(draft.birthday),
            "notes": _escape(breakable(draft.notes)).replace("\n", "<br>"),
        }
        for key, text in values.items():
            self._values[key].setText(text)
            self._form.setRowVisible(self._values[key], bool(text))
        self.empty_hint.setText(self.tr("Nothing more is known yet. Use the pencil to add it."))
        self._form.setRowVisible(self.empty_hint, not any(values.values()))

    def _show_tags(self, names: list[str]) -> None:
        self._tag_layout.clear()
        colors = {tag.name: tag.color for tag in self._services.contacts.tags()} if names else {}
        for name in names:
            chip = Chip(name, colors.get(name, "#607d8b"))
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.setToolTip(self.tr("Click to change the colour"))
            chip.clicked.connect(lambda n=name: self.recolor_tag(n))
            self._tag_layout.addWidget(chip)
        self._tag_chips.setVisible(bool(names))

    def _link_activated(self, link: str) -> None:
        scheme, _, index = link.partition(":")
        if scheme == MAIL_LINK and index.isdigit():
            self.write_to(int(index))


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _entry_html(value: str, kind: str) -> str:
    """A number or address kept left-to-right, followed by its kind in grey."""
    return f"{isolate_ltr(_escape(value))} <span style='color:#8a94a6'>{_escape(kind)}</span>"


MAIL_LINK = "kesher-mail"


def _email_html(index: int, address: str, kind: str) -> str:
    """An address as a link to write to it, with a mail icon, followed by its kind."""
    link = f"<a href='{MAIL_LINK}:{index}'>\u2709 {_escape(address)}</a>"
    return f"{isolate_ltr(link)} <span style='color:#8a94a6'>{_escape(kind)}</span>"


def _birthday_text(birthday: date | None) -> str:
    return isolate_ltr(format_day(birthday)) if birthday else ""
