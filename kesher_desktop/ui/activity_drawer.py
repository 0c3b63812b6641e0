"""The dock drawer where an activity is planned, edited, copied or (an e-mail) read."""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.models import ActivityKind, InvitationAnswer
from kesher_desktop.services.activities import ActivityDraft
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.errors import NotFoundError, ServiceError, ValidationError
from kesher_desktop.ui.activities_pane import InvitationRelay
from kesher_desktop.ui.activity_forms import ActivityForm
from kesher_desktop.ui.messages import message_for
from kesher_desktop.ui.widgets.bidi import isolate
from kesher_desktop.ui.widgets.confirm import ask_to_discard
from kesher_desktop.ui.widgets.elided_label import ElidedLabel
from kesher_desktop.ui.widgets.email_view import EmailView
from kesher_desktop.ui.widgets.field_error import FieldError
from kesher_desktop.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from kesher_desktop.ui.calendar_wiring import CalendarSync

log = logging.getLogger(__name__)

DRAWER_WIDTH = 380


class Mode(Enum):
    NEW = "new"
    EDIT = "edit"
    READ = "read"


class Note(Enum):
    """What the drawer tells about a change made to its activity elsewhere."""

    DONE = "done"
    NOT_DONE = "not done"
    DELETED = "deleted"


class ActivityDrawer(Retranslating, QDockWidget):
    """Holds the form of one activity at a time; its contents are built on first use.

    Signals:
        activity_saved(int): an activity was created or updated; the id is passed.
        documents_changed(): files were attached to, renamed on or removed from the open
            (saved) activity.
    """

    activity_saved = Signal(int)
    documents_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A fixed name lets the main window restore where the drawer was and how wide.
        self.setObjectName("activityDrawer")
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        # The heading and the buttons inside say what the title bar would.
        self.setTitleBarWidget(QWidget())
        self._services = services
        self._mode = Mode.NEW
        self._kind = ActivityKind.MEETING
        self._contact_id: int | None = None
        self._activity_id: int | None = None
        # Whose activity the form shows (new or not), for who can be invited.
        self._owner_id: int | None = None
        self._calendar: CalendarSync | None = None
        self._baseline: ActivityDraft | None = None
        # The activity as it was read, to tell a change made elsewhere from the form's own.
        self._stored: ActivityDraft | None = None
        self._note: Note | None = None
        self._general_message: Callable[[], str] | None = None
        self.form: ActivityForm | None = None
        # Replies arrive on the mail poller's thread; the answers beside the names follow.
        self._invitations = InvitationRelay(self)
        self._invitations.changed.connect(
            self.take_invitation_change, Qt.ConnectionType.QueuedConnection
        )
        self.retranslate()

    # -- API -------------------------------------------------------------------------------

    def open_new(self, contact_id: int, kind: ActivityKind | str) -> bool:
        """Plan a new activity of `kind` with the contact; False if the user kept editing."""
        kind = ActivityKind(kind)
        return self.open_draft(contact_id, self._services.activities.new_draft(contact_id, kind))

    def open_draft(self, contact_id: int, draft: ActivityDraft) -> bool:
        """A prefilled form (as "do again" gives) that saving creates anew."""
        if not self._may_replace():
            return False
        self._contact_id, self._activity_id = contact_id, None
        self._owner_id = contact_id
        self._show_form(Mode.NEW, draft)
        return True

    def open_existing(self, activity_id: int) -> bool:
        """Edit an activity, or read it when it is a logged e-mail."""
        if not self._may_replace():
            return False
        try:
            row = self._services.activities.row(activity_id)
            if row.kind is ActivityKind.EMAIL:
                self._open_email(activity_id)
                return True
            draft = self._services.activities.draft_of(activity_id)
        except ServiceError as error:
            log.warning("cannot open activity id=%s code=%s", activity_id, error.code)
            return False
        self._contact_id, self._activity_id = None, activity_id
        self._owner_id = row.contact_id
        self._show_form(Mode.EDIT, draft)
        return True

    def set_calendar(self, calendar: CalendarSync | None) -> None:
        """Offer "Add to Google Calendar" through the app's calendar sync."""
        self._calendar = calendar
        if self.form is not None:
            self.form.set_calendar(calendar)

    def take_outside_change(self, activity_id: int) -> None:
        """Follow a change made to the open activity elsewhere (the panel, the page's menu).

        An untouched form shows the activity anew. An edited one keeps the user's edits but
        takes over the done state, with a note, so that saving never undoes a completion.
        Neither raises the drawer over what the user is working in.
        """
        if activity_id != self._activity_id or self._stored is None:
            return
        try:
            stored = self._services.activities.draft_of(activity_id)
        except NotFoundError:
            self._lose_activity()
            return
        if stored == self._stored:
            return
        assert self.form is not None and self._baseline is not None
        if not self.is_modified():
            self._fill_form(Mode.EDIT, stored)
            return
        self._stored = stored
        if self.form.done.isChecked() != stored.done:
            self.form.done.setChecked(stored.done)
            self._baseline.done = stored.done
            self._show_note(Note.DONE if stored.done else Note.NOT_DONE)

    def take_invitation_change(self, activity_id: int) -> None:
        """Show the invitees' answers anew when the open activity's invitations changed."""
        if activity_id != self._activity_id or self.form is None or self._mode is Mode.READ:
            return
        self.form.set_answers(self._answers(activity_id))

    def save(self) -> int | None:
        """Create or update from the form; the saved activity's id, or None if not saved.

        Closes once saved, unless files or links held for the activity could not be
        attached: then the drawer stays open on the saved activity and names them.
        """
        if self.form is None or self._mode is Mode.READ:
            return None
        self.form.clear_errors()
        self._show_general(None)
        draft = self.form.draft()

        try:
            if self._activity_id is not None:
                self._services.activities.update(self._activity_id, draft)
                saved = self._activity_id
            else:
                assert self._contact_id is not None
                saved = self._services.activities.create(self._contact_id, draft)
        except ValidationError as error:
            if not self.form.show_error(error.field, message_for(error)):
                self._show_general(partial(message_for, error))
            return None
        except ServiceError as error:
            self._show_general(partial(message_for, error))
            return None

        # Files and links held for the activity become its documents now that it exists.
        attachments = self.form.attachments
        not_attached = attachments.attach_pending(saved) if attachments.has_pending() else []
        if not_attached:
            self._stay_on_saved(saved, not_attached)
            self.activity_saved.emit(saved)
            return saved

        self._forget_form()
        self.hide()
        self.activity_saved.emit(saved)
        return saved

    def cancel(self) -> bool:
        """Close, asking first when something was changed; False if the user stayed."""
        if self.is_modified() and not self.confirm_discard():
            return False
        self._forget_form()
        self.hide()
        return True

    def is_modified(self) -> bool:
        if self.form is None or self._baseline is None or self._mode is Mode.READ:
            return False
        return self.form.draft() != self._baseline or self.form.attachments.has_pending()

    def confirm_discard(self) -> bool:
        """Ask whether to throw away the changes; tests replace this one method."""
        return ask_to_discard(
            self, self.tr("The changes to this activity have not been saved. Discard them?")
        )

    @property
    def mode(self) -> Mode:
        return self._mode

    def retranslate(self) -> None:
        notes = {
            Note.DONE: self.tr("Marked done elsewhere. Your other changes are still here."),
            Note.NOT_DONE: self.tr(
                "Marked not done elsewhere. Your other changes are still here."
            ),
            Note.DELETED: self.tr("This activity was deleted elsewhere."),
        }
        titles = {
            (Mode.NEW, ActivityKind.MEETING): self.tr("New meeting"),
            (Mode.NEW, ActivityKind.CALL): self.tr("New call"),
            (Mode.NEW, ActivityKind.TASK): self.tr("New task"),
            (Mode.EDIT, ActivityKind.MEETING): self.tr("Meeting"),
            (Mode.EDIT, ActivityKind.CALL): self.tr("Call"),
            (Mode.EDIT, ActivityKind.TASK): self.tr("Task"),
        }
        title = titles.get((self._mode, self._kind), self.tr("E-mail"))
        self.setWindowTitle(title)
        if self.form is None:
            return
        self.heading.setText(title)
        self._show_subject()
        self.note.setText(notes[self._note] if self._note is not None else "")
        if self._general_message is not None:
            self.general_error.show_message(self._general_message())
        self.save_button.setText("\u2713  " + self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel and close"))
        self.close_button.setText(self.tr("Close"))

    # -- Qt overrides ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_built()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_modified() and not self.confirm_discard():
            event.ignore()
            return
        self._forget_form()
        super().closeEvent(event)

    # -- helpers ---------------------------------------------------------------------------

    def _may_replace(self) -> bool:
        """Whether the drawer may show something else: nothing is lost, or the user agrees.

        Edits count even while the drawer is out of sight behind the reminders' tab.
        """
        return not self.is_modified() or self.confirm_discard()

    def _lose_activity(self) -> None:
        """The open activity was deleted elsewhere: close, unless that would lose edits."""
        if self.is_modified():
            self._show_note(Note.DELETED)
            return
        self._forget_form()
        self.hide()

    def _forget_form(self) -> None:
        """Nothing is being edited any more: the drawer was saved, closed or emptied."""
        self._baseline = self._stored = None
        if self.form is not None:
            self.form.attachments.forget_pending()

    def _stay_on_saved(self, activity_id: int, not_attached: list[str]) -> None:
        """The activity is saved but some held files or links are not on it: stay open on
        it, now editing it, with those still held and named, so nothing goes unnoticed.
        Saving again tries them again; closing asks before dropping them."""
        assert self.form is not None
        self._contact_id, self._activity_id = None, activity_id
        self._mode = Mode.EDIT
        self._stored = self._services.activities.draft_of(activity_id)
        self._baseline = self.form.draft()
        names = ", ".join(isolate(name) for name in not_attached)
        self._show_general(
            lambda: self.tr(
                "The activity is saved, but these could not be attached: {names}. They are "
                "still listed: press Save to try again, or remove them and attach them anew."
            ).format(names=names)
        )
        self.retranslate()

    def _show_subject(self) -> None:
        """Name the contact the activity is planned with under the heading."""
        name = ""
        if self._mode is not Mode.READ and self._owner_id is not None:
            try:
                contact = self._services.contacts.get(self._owner_id)
            except ServiceError:
                contact = None
            if contact is not None:
                name = contact.display_name or contact.organisation
        self.subject.setText(self.tr("With {name}").format(name=isolate(name)) if name else "")
        self.subject.setVisible(bool(name))

    def _show_general(self, message: Callable[[], str] | None) -> None:
        """Show the message under the form, or none; kept as a maker of the text, so a
        change of language writes it again in the new one."""
        self._general_message = message
        if message is None:
            self.general_error.clear()
        else:
            self.general_error.show_message(message())

    def _show_note(self, note: Note | None) -> None:
        self._note = note
        self.note.setVisible(note is not None)
        self.retranslate()

    def _show_form(self, mode: Mode, draft: ActivityDraft) -> None:
        self._fill_form(mode, draft)
        assert self.form is not None
        self.show()
        self.raise_()
        self.form.title.setFocus()

    def _fill_form(self, mode: Mode, draft: ActivityDraft) -> None:
        self._ensure_built()
        assert self.form is not None
        self._mode, self._kind = mode, draft.kind
        self._stored = draft if mode is Mode.EDIT else None
        self._show_general(None)
        self._show_note(None)
        answers = self._answers(self._activity_id) if mode is Mode.EDIT else {}
        self.form.set_draft(draft, answers, self._owner_id)
        self.form.attachments.show_for(self._contact_id, self._activity_id)
        self._baseline = self.form.draft()
        self._pages.setCurrentWidget(self._form_page)
        self._show_buttons(editing=True)
        self.retranslate()

    def _answers(self, activity_id: int | None) -> dict[str, InvitationAnswer]:
        """The invitees' answers to the activity's invitation, by case-folded address."""
        invitations = self._services.invitations
        self._invitations.follow(invitations.changes if invitations is not None else None)
        if invitations is None or activity_id is None:
            return {}
        return invitations.answers(activity_id)

    def _open_email(self, activity_id: int) -> None:
        self._ensure_built()
        self._mode, self._kind = Mode.READ, ActivityKind.EMAIL
        self._activity_id, self._baseline, self._stored = activity_id, None, None
        self._show_general(None)
        self._show_note(None)
        self.email_view.show_email(activity_id)
        self._pages.setCurrentWidget(self.email_view)
        self._show_buttons(editing=False)
        self.retranslate()
        self.show()
        self.raise_()

    def _show_buttons(self, editing: bool) -> None:
        self.save_button.setVisible(editing)
        self.cancel_button.setVisible(editing)
        self.close_button.setVisible(not editing)

    def _ensure_built(self) -> None:
        """Build the contents the first time the drawer is needed, not at start-up."""
        if self.form is not None:
            return
        self.form = ActivityForm(self._services)
        self.form.set_calendar(self._calendar)
        self.form.attachments.documents_changed.connect(self.documents_changed)
        self.email_view = EmailView(self._services)
        self.heading = QLabel()
        self.heading.setObjectName("drawerHeading")
        # Whose activity this is: the page beside the drawer may show someone else by now.
        self.subject = ElidedLabel()
        self.subject.setObjectName("drawerSubject")
        self.note = QLabel()
        self.note.setObjectName("drawerNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.general_error = FieldError()

        self._form_page = QScrollArea()
        self._form_page.setWidget(self.form)
        self._form_page.setWidgetResizable(True)
        self._form_page.setFrameShape(QScrollArea.Shape.NoFrame)
        self._pages = QStackedWidget()
        self._pages.addWidget(self._form_page)
        self._pages.addWidget(self.email_view)

        self.save_button = QPushButton()
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)

        body = QWidget()
        body.setObjectName("drawerBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.subject)
        layout.addWidget(self.note)
        layout.addWidget(self._pages, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.setMinimumWidth(DRAWER_WIDTH)
        self.retranslate()
