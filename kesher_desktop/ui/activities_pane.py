"""The middle pane of the contact page: the contact's activities, to do and done."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.activities import row_order
from kesher_desktop.services.activity_state import ActivityState
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.calendar_status import ActivitySync, SyncState
from kesher_desktop.services.change_feed import ChangeFeed
from kesher_desktop.services.errors import NotFoundError, ServiceError
from kesher_desktop.services.invitation_views import InvitationState, InvitationStatus
from kesher_desktop.ui.activity_delegate import ROW_HEIGHT, ActivityDelegate
from kesher_desktop.ui.activity_list_model import ActivityListModel, ActivityRole
from kesher_desktop.ui.mail_links import open_contact_mail
from kesher_desktop.ui.messages import message_for
from kesher_desktop.ui.undo_bar import UndoBar
from kesher_desktop.ui.widgets.field_error import FieldError
from kesher_desktop.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from kesher_desktop.ui.calendar_wiring import CalendarSync

log = logging.getLogger(__name__)

TICK_MS = 60_000
PLANNED_KINDS = (ActivityKind.MEETING, ActivityKind.CALL, ActivityKind.TASK)


class InvitationRelay(QObject):
    """Brings `InvitationService.changes` to the UI thread: replies are recorded on the mail
    poller's thread, and a widget may only be touched on its own.

    Signals:
        changed(int): an activity's invitations changed (a reply, a resend); connected
            queued by `follow`, so slots run in the UI thread after the writer returned.
    """

    changed = Signal(int)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._feed: ChangeFeed | None = None

    def follow(self, feed: ChangeFeed | None) -> None:
        """Listen to `feed` (the app sets the invitations up after the page is built)."""
        if feed is self._feed:
            return
        self.stop()
        self._feed = feed
        if feed is not None:
            feed.subscribe(self.tell)

    def tell(self, activity_id: int) -> None:
        try:
            self.changed.emit(activity_id)
        except RuntimeError:
            # The widget, and this with it, was deleted while the service lives on.
            self.stop()

    def stop(self) -> None:
        if self._feed is not None:
            self._feed.unsubscribe(self.tell)
            self._feed = None


class ActivitiesPane(Retranslating, QFrame):
    """A toolbar with the four kinds, a "To do" list and a "Done" list, and an undo bar.

    States follow the clock: `refresh()` asks for them again, and a timer does so once a
    minute while the pane is shown, so rows turn red as they fall due. Rows with invitations
    show where they stand; `refresh_invitations()` reads that again (after mail was sent),
    and a reply or a resend updates its row by itself. Rows in Google Calendar show their
    sync state once the app hands the pane its calendar (`set_calendar`);
    `refresh_calendar()` reads the states again after each sync.

    Signals:
        create_requested(int, str): plan a new activity of a kind with the contact.
        edit_requested(int): open an activity in the drawer.
        draft_requested(int, object): open the drawer on an unsaved ActivityDraft for the
            contact ("do again").
        activities_changed(int): the activities of this contact changed here.
    """

    create_requested = Signal(int, str)
    edit_requested = Signal(int)
    draft_requested = Signal(int, object)
    activities_changed = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activitiesPane")
        self._services = services
        self._contact_id: int | None = None
        self._email = ""
        self._calendar: CalendarSync | None = None

        self.todo_model = ActivityListModel(services.clock.zone, self)
        self.done_model = ActivityListModel(services.clock.zone, self)
        self.todo_view = self._list_view(self.todo_model, "todoList")
        self.done_view = self._list_view(self.done_model, "doneList")
        self.undo_bar = UndoBar()
        self.error = FieldError()

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.refresh)
        self._relay = InvitationRelay(self)
        self._relay.changed.connect(self.refresh_one, Qt.ConnectionType.QueuedConnection)

        self._build()
        self.retranslate()

    # -- API -------------------------------------------------------------------------------

    def show_contact(self, contact_id: int, email: str) -> None:
        """Show a contact's activities; `email` is where the e-mail button writes to."""
        if contact_id != self._contact_id:
            self.undo_bar.dismiss()
        self._contact_id, self._email = contact_id, email
        self._update_email_button()
        self.refresh()

    def refresh(self) -> None:
        """Read the rows again and work their states out against the clock now."""
        if self._contact_id is None:
            return
        try:
            rows = self._services.activities.rows_for_contact(self._contact_id)
        except ServiceError as error:
            self.error.show_message(message_for(error))
            return
        self.todo_model.set_rows([row for row in rows if row.is_open])
        self.done_model.set_rows([row for row in rows if not row.is_open])
        self.refresh_invitations()
        self.refresh_calendar()
        self._update_sections()

    def set_calendar(self, calendar: CalendarSync | None) -> None:
        """Show the rows' Google Calendar sync states, and offer what can be done about them."""
        self._calendar = calendar
        self.refresh_calendar()

    def refresh_calendar(self) -> None:
        """Read the shown rows' sync states again, all in one go (a sync has just run)."""
        models = (self.todo_model, self.done_model)
        wanted = [
            activity_id
            for model in models
            for activity_id in model.ids()
            if self._in_calendar(model, activity_id)
        ]
        states = self._calendar.status.states(wanted) if self._calendar and wanted else {}
        for model in models:
            model.set_syncs(states)

    def refresh_invitations(self) -> None:
        """Read again where the shown rows' invitations stand (mail may have gone out)."""
        for model in (self.todo_model, self.done_model):
            states = {}
            for activity_id in model.ids():
                state = self._invitation_state(model, activity_id)
                if state is not None:
                    states[activity_id] = state
            model.set_invitations(states)

    def refresh_one(self, activity_id: int) -> None:
        """Bring one activity up to date, after it was saved, without re-reading the rest."""
        try:
            row = self._services.activities.row(activity_id)
        except NotFoundError:
            self.todo_model.discard(activity_id)
            self.done_model.discard(activity_id)
            self._update_sections()
            return
        if self._contact_id is None or not row.concerns(self._contact_id):
            # Perhaps this contact was just taken off the activity's participants.
            self.todo_model.discard(activity_id)
            self.done_model.discard(activity_id)
            self._update_sections()
            return
        target, other = (
            (self.todo_model, self.done_model)
            if row.is_open
            else (self.done_model, self.todo_model)
        )
        other.discard(activity_id)
        target.put(row, row_order)
        target.set_invitation(activity_id, self._invitation_state(target, activity_id))
        target.set_sync(activity_id, self._sync_state(row.id, row.in_calendar))
        self._update_sections()

    def menu_for(self, activity_id: int) -> QMenu:
        """The ⋮ menu of one row; its actions carry object names tests can find."""
        row = self._services.activities.row(activity_id)
        menu = QMenu(self)

        def add(name: str, text: str, slot: Callable[[], None]) -> None:
            action = menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(slot)

        if row.kind is ActivityKind.EMAIL:
            add("openAction", self.tr("Open"), lambda: self.edit_requested.emit(activity_id))
            add("deleteAction", self.tr("Delete"), lambda: self.delete(activity_id))
            return menu

        add("editAction", self.tr("Edit"), lambda: self.edit_requested.emit(activity_id))
        if row.state is ActivityState.DONE:
            add("doneAction", self.tr("Mark not done"), lambda: self.set_done(activity_id, False))
        elif row.state is not ActivityState.CANCELLED:
            add("doneAction", self.tr("Mark done"), lambda: self.set_done(activity_id, True))
        if row.state is ActivityState.CANCELLED:
            add("cancelAction", self.tr("Reopen"), lambda: self.set_cancelled(activity_id, False))
        else:
            add("cancelAction", self.tr("Cancel"), lambda: self.set_cancelled(activity_id, True))
        add("againAction", self.tr("Do again"), lambda: self.do_again(activity_id))
        if self._has_invitations(activity_id):
            add(
                "resendAction",
                self.tr("Resend invitation"),
                lambda: self.resend_invitation(activity_id),
            )
        self._add_calendar_actions(activity_id, add)
        menu.addSeparator()
        add("deleteAction", self.tr("Delete"), lambda: self.delete(activity_id))
        return menu

    def restore_in_google(self, activity_id: int) -> None:
        """Put an event deleted in Google Calendar back there, as the activity now stands."""
        calendar = self._calendar
        if calendar is None:
            return
        if self._run(lambda: calendar.status.restore_in_google(activity_id)):
            calendar.sync_now()

    def confirm_removed_in_google(self, activity_id: int) -> None:
        """Agree with the deletion in Google: delete the activity here too, with undo."""
        calendar = self._calendar
        if calendar is None:
            return
        if self._run(lambda: calendar.status.confirm_removed_in_google(activity_id)):
            self.undo_bar.offer(
                self.tr("Activity deleted"),
                lambda: self._run(lambda: self._services.activities.restore(activity_id)),
            )

    def keep_ours(self, activity_id: int) -> None:
        """The user has seen the conflict and keeps Kesher's version (already in Google)."""
        calendar = self._calendar
        if calendar is not None:
            self._run(lambda: calendar.status.acknowledge_conflict(activity_id))

    def set_done(self, activity_id: int, done: bool) -> None:
        if self._run(lambda: self._services.activities.set_done(activity_id, done)) and done:
            self.undo_bar.offer(
                self.tr("Marked done"),
                lambda: self._run(lambda: self._services.activities.set_done(activity_id, False)),
            )

    def set_cancelled(self, activity_id: int, cancelled: bool) -> None:
        service = self._services.activities
        if self._run(lambda: service.set_cancelled(activity_id, cancelled)) and cancelled:
            self.undo_bar.offer(
                self.tr("Activity cancelled"),
                lambda: self._run(lambda: service.set_cancelled(activity_id, False)),
            )

    def delete(self, activity_id: int) -> None:
        if self._run(lambda: self._services.activities.delete(activity_id)):
            self.undo_bar.offer(
                self.tr("Activity deleted"),
                lambda: self._run(lambda: self._services.activities.restore(activity_id)),
            )

    def resend_invitation(self, activity_id: int) -> bool:
        """Send the activity's invitations again now; says why when mail is not set up."""
        self.error.clear()
        invitations = self._services.invitations
        try:
            if invitations is None:
                raise ServiceError("mail_not_set_up")
            invitations.resend(activity_id)
        except ServiceError as error:
            self.error.show_message(message_for(error))
            return False
        finally:
            self.refresh_one(activity_id)
        return True

    def do_again(self, activity_id: int) -> None:
        try:
            draft = self._services.activities.do_again_draft(activity_id)
            owner = self._services.activities.row(activity_id).contact_id
        except ServiceError as error:
            self.error.show_message(message_for(error))
            return
        # The copy is planned with the same contact as the original, whichever page asks.
        self.draft_requested.emit(owner, draft)

    def write_email(self) -> None:
        """Open the user's mail program on a new message to the contact, tracked if set up."""
        if self._email and self._contact_id is not None:
            open_contact_mail(self, self._services, None, self._contact_id, self._email)

    def retranslate(self) -> None:
        self._kind_buttons[ActivityKind.MEETING].setText("+ " + self.tr("Meeting"))
        self._kind_buttons[ActivityKind.CALL].setText("+ " + self.tr("Call"))
        self._kind_buttons[ActivityKind.TASK].setText("+ " + self.tr("Task"))
        self.email_button.setText("\u2709 " + self.tr("E-mail"))
        self._update_email_button()
        self._update_sections()

    def _update_email_button(self) -> None:
        # A greyed-out button with no reason reads as broken, so say what is missing.
        self.email_button.setEnabled(bool(self._email))
        if self._email:
            self.email_button.setToolTip(self.tr("Write to the contact in your mail program"))
        else:
            self.email_button.setToolTip(
                self.tr("This contact has no e-mail address: add one under Details")
            )

    # -- Qt overrides ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self._timer.start()
        self.refresh()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    # -- helpers ---------------------------------------------------------------------------

    def _run(self, change: Callable[[], None]) -> bool:
        """Apply one change, show what went wrong if anything, refresh; True on success."""
        self.error.clear()
        try:
            change()
        except ServiceError as error:
            self.error.show_message(message_for(error))
            self.refresh()
            return False
        self.refresh()
        if self._contact_id is not None:
            self.activities_changed.emit(self._contact_id)
        return True

    def _invitation_state(
        self, model: ActivityListModel, activity_id: int
    ) -> InvitationState | None:
        """Where the row's invitations stand; None for rows that never had any."""
        invitations = self._services.invitations
        self._relay.follow(invitations.changes if invitations is not None else None)
        row = model.activity(model.index(model.row_of(activity_id)))
        if invitations is None or row is None or not row.invited:
            return None
        try:
            return invitations.state(activity_id)
        except ServiceError as error:
            log.warning("invitation state unread id=%s code=%s", activity_id, error.code)
            return None

    def _add_calendar_actions(
        self, activity_id: int, add: Callable[[str, str, Callable[[], None]], None]
    ) -> None:
        """What the user can decide about the row's Google Calendar event, if anything."""
        sync = self._shown_sync(activity_id)
        if sync is None:
            return
        if sync.state is SyncState.REMOVED_IN_GOOGLE:
            add(
                "restoreInGoogleAction",
                self.tr("Put it back in Google Calendar"),
                lambda: self.restore_in_google(activity_id),
            )
            add(
                "deleteHereTooAction",
                self.tr("Delete it here too"),
                lambda: self.confirm_removed_in_google(activity_id),
            )
        elif sync.state is SyncState.CONFLICT:
            add("keepOursAction", self.tr("Keep ours"), lambda: self.keep_ours(activity_id))

    def _shown_sync(self, activity_id: int) -> ActivitySync | None:
        for model in (self.todo_model, self.done_model):
            sync = model.sync(activity_id)
            if sync is not None:
                return sync
        return None

    def _in_calendar(self, model: ActivityListModel, activity_id: int) -> bool:
        row = model.activity(model.index(model.row_of(activity_id)))
        return row is not None and row.in_calendar

    def _sync_state(self, activity_id: int, in_calendar: bool) -> ActivitySync | None:
        """The row's sync state; None when it was never meant for Google Calendar."""
        if self._calendar is None or not in_calendar:
            return None
        return self._calendar.status.state(activity_id)

    def _has_invitations(self, activity_id: int) -> bool:
        for model in (self.todo_model, self.done_model):
            state = model.invitation(activity_id)
            if state is not None and state.status is not InvitationStatus.NONE:
                return True
        return False

    def _list_view(self, model: ActivityListModel, name: str) -> QListView:
        view = QListView()
        view.setObjectName(name)
        view.setModel(model)
        delegate = ActivityDelegate(view)
        delegate.menu_requested.connect(self._show_menu)
        view.setItemDelegate(delegate)
        view.setMouseTracking(True)
        view.setUniformItemSizes(True)
        view.setFrameShape(QFrame.Shape.NoFrame)
        # The pane scrolls as a whole; each list is exactly as tall as its rows.
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.activated.connect(lambda index: self._edit_index(model, index))
        view.doubleClicked.connect(lambda index: self._edit_index(model, index))
        return view

    def _edit_index(self, model: ActivityListModel, index: QModelIndex) -> None:
        row = model.activity(index)
        if row is not None:
            self.edit_requested.emit(row.id)

    def _show_menu(self, index: QModelIndex, where: QPoint) -> None:
        activity_id = index.data(ActivityRole.ID)
        self.menu_for(activity_id).popup(where)

    def _build(self) -> None:
        toolbar = QHBoxLayout()
        self._kind_buttons: dict[ActivityKind, QPushButton] = {}
        for kind in PLANNED_KINDS:
            button = QPushButton()
            button.setObjectName(f"new{kind.value.title()}Button")
            button.clicked.connect(lambda _=False, k=kind: self._request_new(k))
            toolbar.addWidget(button)
            self._kind_buttons[kind] = button
        self.email_button = QPushButton()
        self.email_button.setObjectName("emailButton")
        self.email_button.clicked.connect(self.write_email)
        toolbar.addWidget(self.email_button)
        toolbar.addStretch(1)

        self.todo_heading, self.todo_empty = QLabel(), QLabel()
        self.done_heading, self.done_empty = QLabel(), QLabel()
        for heading in (self.todo_heading, self.done_heading):
            heading.setObjectName("sectionHeading")
        for empty in (self.todo_empty, self.done_empty):
            empty.setObjectName("emptyHint")

        content = QWidget()
        content.setObjectName("activityLists")
        lists = QVBoxLayout(content)
        lists.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.todo_heading,
            self.todo_empty,
            self.todo_view,
            self.done_heading,
            self.done_empty,
            self.done_view,
        ):
            lists.addWidget(widget)
        lists.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(toolbar)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)

    def _request_new(self, kind: ActivityKind) -> None:
        if self._contact_id is not None:
            self.create_requested.emit(self._contact_id, kind.value)

    def _update_sections(self) -> None:
        todo, done = self.todo_model.rowCount(), self.done_model.rowCount()
        self.todo_heading.setText(self.tr("To do ({count})").format(count=todo))
        self.done_heading.setText(self.tr("Done ({count})").format(count=done))
        self.todo_empty.setText(self.tr("Nothing planned. Add a meeting, a call or a task."))
        self.done_empty.setText(self.tr("Nothing done yet."))
        for view, empty, count in (
            (self.todo_view, self.todo_empty, todo),
            (self.done_view, self.done_empty, done),
        ):
            view.setFixedHeight(count * ROW_HEIGHT + 2 * view.frameWidth())
            view.setVisible(count > 0)
            empty.setVisible(count == 0)
