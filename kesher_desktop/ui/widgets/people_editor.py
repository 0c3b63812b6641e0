"""The people on an activity as removable chips, with a search field to add users or contacts."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QVBoxLayout, QWidget

from kesher_desktop.models import InvitationAnswer
from kesher_desktop.services.activities import PersonRef
from kesher_desktop.services.bundle import Services
from kesher_desktop.text import fold
from kesher_desktop.ui.widgets.bidi import isolate, isolate_ltr
from kesher_desktop.ui.widgets.chip import Chip
from kesher_desktop.ui.widgets.flow_layout import FlowLayout
from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)

MAX_CANDIDATES = 12
USER_CHIP = "#dbeafe"
CONTACT_CHIP = "#fde7c7"
REF_ROLE = Qt.ItemDataRole.UserRole + 1
# The mark beside an invitee's name for their answer to the invitation, and its colour.
ANSWER_MARKS = {
    InvitationAnswer.ACCEPTED: "\u2713",
    InvitationAnswer.TENTATIVE: "?",
    InvitationAnswer.DECLINED: "\u2717",
}
ANSWER_COLORS = {
    InvitationAnswer.ACCEPTED: "#0f7b5f",
    InvitationAnswer.TENTATIVE: "#b45309",
    InvitationAnswer.DECLINED: "#c62828",
}


def answer_word(answer: InvitationAnswer) -> str:
    """The answer in a word of the user's language, for the mark's tooltip."""
    words = {
        InvitationAnswer.ACCEPTED: QCoreApplication.translate("Invitation", "Accepted"),
        InvitationAnswer.TENTATIVE: QCoreApplication.translate("Invitation", "Maybe"),
        InvitationAnswer.DECLINED: QCoreApplication.translate("Invitation", "Declined"),
    }
    return words.get(answer, "")


class PeopleEditor(Retranslating, QWidget):
    """Chips for the chosen people, in order; anyone can be removed, including me.

    With `users_only` it offers only users (the people responsible for a task). Invitees'
    answers (`set_answers`) show as a mark beside their names.

    Signals:
        people_changed(): a person was added or removed.
    """

    people_changed = Signal()

    def __init__(
        self, services: Services, users_only: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._users_only = users_only
        self._refs: list[PersonRef] = []
        self._answers: dict[str, InvitationAnswer] = {}
        self._chips_by_ref: dict[PersonRef, Chip] = {}
        self._shown_answers: dict[PersonRef, InvitationAnswer] = {}

        self._chips = QWidget()
        self._chip_layout = FlowLayout(self._chips)

        self._candidates = QStandardItemModel(self)
        self._completer = QCompleter(self._candidates, self)
        # The candidates are already searched in SQL; the completer only shows them.
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.activated[QModelIndex].connect(self._on_chosen)

        self.search_field = QLineEdit()
        self.search_field.setObjectName("peopleSearch")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setCompleter(self._completer)
        self.search_field.textEdited.connect(self.search)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._chips)
        layout.addWidget(self.search_field)
        self.retranslate()

    # -- API -------------------------------------------------------------------------------

    def set_people(
        self, refs: list[PersonRef], answers: dict[str, InvitationAnswer] | None = None
    ) -> None:
        """Show these people, with these answers to an invitation (none when not given)."""
        self._refs = list(dict.fromkeys(refs))
        self._answers = dict(answers or {})
        self._rebuild_chips()

    def people(self) -> list[PersonRef]:
        return list(self._refs)

    def set_answers(self, answers: dict[str, InvitationAnswer]) -> None:
        """Invitees' answers by case-folded address, as `InvitationService.answers` gives."""
        if answers != self._answers:
            self._answers = dict(answers)
            self._rebuild_chips()

    def answer_of(self, ref: PersonRef) -> InvitationAnswer:
        """The answer shown beside a person; NONE when they have not answered."""
        return self._shown_answers.get(ref, InvitationAnswer.NONE)

    def chip_of(self, ref: PersonRef) -> Chip | None:
        return self._chips_by_ref.get(ref)

    def add_person(self, ref: PersonRef) -> None:
        if ref in self._refs:
            return
        self._refs.append(ref)
        self._rebuild_chips()
        self.people_changed.emit()

    def remove_person(self, ref: PersonRef) -> None:
        if ref not in self._refs:
            # Its chip was clicked again before it was gone.
            return
        self._refs.remove(ref)
        self._rebuild_chips()
        self.people_changed.emit()

    def search(self, text: str) -> list[PersonRef]:
        """Offer the users and contacts matching `text`; returns them in the order shown."""
        self._candidates.clear()
        for ref, label in self._matches(text):
            item = QStandardItem(label)
            item.setData(ref, REF_ROLE)
            self._candidates.appendRow(item)
        if self._candidates.rowCount() and self.search_field.isVisible():
            self._completer.complete()
        rows = range(self._candidates.rowCount())
        return [self._candidates.item(row).data(REF_ROLE) for row in rows]

    def choose_candidate(self, row: int) -> None:
        """Add the candidate shown at `row`, as a click in the popup would."""
        self._on_chosen(self._candidates.index(row, 0))

    def retranslate(self) -> None:
        if self._users_only:
            self.search_field.setPlaceholderText(self.tr("Add a user…"))
        else:
            self.search_field.setPlaceholderText(self.tr("Add a user or a contact…"))
        self._rebuild_chips()

    # -- helpers ---------------------------------------------------------------------------

    def _matches(self, text: str) -> list[tuple[PersonRef, str]]:
        folded = fold(text.strip())
        found: list[tuple[PersonRef, str]] = [
            (PersonRef("user", user.id), self._user_label(user.name, user.is_me))
            for user in self._services.users.all()
            if folded in fold(user.name)
        ]
        if not self._users_only:
            for row in self._services.contacts.list_page(text, 0, MAX_CANDIDATES):
                label = row.name or row.organisation
                if row.name and row.organisation:
                    label = f"{row.name} \u00b7 {row.organisation}"
                found.append((PersonRef("contact", row.id), label))
        return [(ref, label) for ref, label in found if ref not in self._refs][:MAX_CANDIDATES]

    def _user_label(self, name: str, is_me: bool) -> str:
        # Isolated, so a Hebrew name does not drag "(me)" to its far side in English.
        return self.tr("{name} (me)").format(name=isolate(name)) if is_me else name

    def _on_chosen(self, index: QModelIndex) -> None:
        ref = index.data(REF_ROLE)
        if isinstance(ref, PersonRef):
            self.add_person(ref)
        # Cleared after the completer has written its text into the field.
        self.search_field.clear()

    def _rebuild_chips(self) -> None:
        self._chip_layout.clear()
        self._chips_by_ref.clear()
        self._shown_answers.clear()
        me = self._services.users.me().id
        for person in self._services.activities.people(self._refs):
            is_me = person.ref == PersonRef("user", me)
            answer = self._answers.get(person.email.strip().casefold(), InvitationAnswer.NONE)
            label = self._user_label(person.name, is_me)
            if answer in ANSWER_MARKS:
                # Rich text, so the mark has its colour; the name is escaped for it.
                label = (
                    f"{html.escape(isolate(label))} <b style='color:{ANSWER_COLORS[answer]}'>"
                    f"{ANSWER_MARKS[answer]}</b>"
                )
            chip = Chip(
                label,
                USER_CHIP if person.ref.kind == "user" else CONTACT_CHIP,
                removable=True,
                rich=answer in ANSWER_MARKS,
            )
            tip = person.email
            if answer in ANSWER_MARKS:
                tip = f"{isolate_ltr(tip)}\n{ANSWER_MARKS[answer]} {answer_word(answer)}"
            chip.setToolTip(tip)
            self._chips_by_ref[person.ref] = chip
            self._shown_answers[person.ref] = answer
            chip.remove_requested.connect(lambda ref=person.ref: self.remove_person(ref))
            self._chip_layout.addWidget(chip)
        self._chips.setVisible(bool(self._refs))
