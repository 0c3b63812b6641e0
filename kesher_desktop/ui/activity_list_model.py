"""The activities of one contact as a list model: ids plus a cache of their rows."""

from __future__ import annotations

import bisect
import enum
import logging
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QColor

from kesher_desktop.models import ActivityKind, CalendarMethod
from kesher_desktop.services.activities import ActivityRow
from kesher_desktop.services.activity_state import ActivityState
from kesher_desktop.services.calendar_status import ActivitySync, SyncState
from kesher_desktop.services.invitation_views import (
    InvitationState,
    InvitationStatus,
    InviteeState,
)
from kesher_desktop.ui.calendar_texts import sync_text, sync_tip
from kesher_desktop.ui.widgets.bidi import isolate, isolate_ltr, shorten
from kesher_desktop.ui.widgets.list_rows import AnyIndex, read_only_flags
from kesher_desktop.ui.widgets.zoned_time import format_day, format_instant, format_span

log = logging.getLogger(__name__)

OVERDUE_COLOR = QColor("#c62828")
CANCELLED_COLOR = QColor("#8a94a6")
KIND_COLORS = {
    ActivityKind.MEETING: QColor("#5b5bd6"),
    ActivityKind.CALL: QColor("#0f9d76"),
    ActivityKind.TASK: QColor("#d97706"),
    ActivityKind.EMAIL: QColor("#2563eb"),
}


class ActivityRole(enum.IntEnum):
    """What the views and the delegate ask the model for, beyond Qt's own roles."""

    ID = Qt.ItemDataRole.UserRole + 1
    KIND = enum.auto()
    STATE = enum.auto()
    WHEN = enum.auto()
    PEOPLE = enum.auto()
    KIND_NAME = enum.auto()
    STATE_NAME = enum.auto()
    INVITATION = enum.auto()  # the InvitationStatus value; "" with nothing to show
    INVITATION_TEXT = enum.auto()  # the few words of the row's invitation mark
    INVITATION_TIP = enum.auto()  # each invitee's state, and why one failed
    SYNC = enum.auto()  # the calendar SyncState value; "" with nothing to show
    SYNC_TEXT = enum.auto()  # the few words of the row's calendar mark
    SYNC_TIP = enum.auto()  # where it stands with Google, and why


def kind_name(kind: ActivityKind) -> str:
    names = {
        ActivityKind.MEETING: QCoreApplication.translate("ActivityKind", "Meeting"),
        ActivityKind.CALL: QCoreApplication.translate("ActivityKind", "Call"),
        ActivityKind.TASK: QCoreApplication.translate("ActivityKind", "Task"),
        ActivityKind.EMAIL: QCoreApplication.translate("ActivityKind", "E-mail"),
    }
    return names[kind]


def state_name(state: ActivityState) -> str:
    names = {
        ActivityState.TODO: QCoreApplication.translate("ActivityState", "To do"),
        ActivityState.OVERDUE: QCoreApplication.translate("ActivityState", "Overdue"),
        ActivityState.DONE: QCoreApplication.translate("ActivityState", "Done"),
        ActivityState.CANCELLED: QCoreApplication.translate("ActivityState", "Cancelled"),
    }
    return names[state]


def invitation_text(state: InvitationState) -> str:
    """The few words the row's invitation mark shows, or "" when there is nothing to show."""
    status = state.status
    cancelling = bool(state.invitees) and all(
        invitee.method is CalendarMethod.CANCEL for invitee in state.invitees
    )
    updating = any((invitee.sequence or 0) > 0 for invitee in state.invitees)
    translate = QCoreApplication.translate
    if status is InvitationStatus.FAILED:
        if cancelling:
            return translate("Invitation", "Cancellation failed")
        if updating:
            return translate("Invitation", "Update failed")
        return translate("Invitation", "Invitation failed")
    if status is InvitationStatus.NOT_SENT:
        return translate("Invitation", "Invitation not sent yet")
    if status is InvitationStatus.MAIL_NOT_SET_UP:
        return translate("Invitation", "Mail not set up")
    if status is InvitationStatus.PENDING:
        if cancelling:
            return translate("Invitation", "Cancellation pending")
        if updating:
            return translate("Invitation", "Update pending")
        return translate("Invitation", "Invitation pending")
    if status is InvitationStatus.SENT:
        if cancelling:
            return translate("Invitation", "Cancellation sent")
        return translate("Invitation", "Invitation sent")
    return ""


def invitation_tip(state: InvitationState) -> str:
    """One line per invitee (who, and where their invitation stands), then what to do."""
    lines = [_invitee_line(invitee) for invitee in state.invitees]
    translate = QCoreApplication.translate
    if state.status is InvitationStatus.MAIL_NOT_SET_UP:
        lines.append(
            translate("Invitation", "Set up the mail server in File > Settings to send it.")
        )
    elif state.status in (InvitationStatus.FAILED, InvitationStatus.NOT_SENT):
        lines.append(translate("Invitation", "“Resend invitation” in the ⋮ menu sends it now."))
    return "\n".join(lines)


def _invitee_line(invitee: InviteeState) -> str:
    # Imported here: the reminders panel's list model borrows this module's colours.
    from kesher_desktop.ui.reminders_panel import mail_problem

    translate = QCoreApplication.translate
    words = {
        InvitationStatus.SENT: translate("Invitation", "sent"),
        InvitationStatus.PENDING: translate("Invitation", "waiting to be sent"),
        InvitationStatus.NOT_SENT: translate("Invitation", "not sent yet"),
        InvitationStatus.FAILED: translate("Invitation", "not sent"),
        InvitationStatus.MAIL_NOT_SET_UP: translate("Invitation", "mail not set up"),
        InvitationStatus.NONE: "",
    }
    who = isolate(invitee.name) if invitee.name else isolate_ltr(invitee.address)
    if invitee.method is CalendarMethod.CANCEL:
        what = translate("Invitation", "cancellation {state}").format(state=words[invitee.status])
    else:
        what = words[invitee.status]
    line = f"{who}: {what}"
    if invitee.status is InvitationStatus.FAILED and invitee.error:
        reason = isolate_ltr(shorten(invitee.error, 120))
        line += f" \u2014 {mail_problem(invitee.error)} ({reason})"
    return line


def when_text(row: ActivityRow, zone: ZoneInfo) -> str:
    """When the activity is, in the user's zone: a day, a moment or a span."""
    if row.kind is ActivityKind.MEETING and row.starts_at is not None:
        return format_span(row.starts_at, row.ends_at, zone)
    if row.starts_at is not None:
        return format_instant(row.starts_at, zone)
    if row.due_date is not None:
        return format_day(row.due_date)
    return ""


class ActivityListModel(QAbstractListModel):
    """One list of activities (the pane keeps one for "To do" and one for "Done").

    The rows come whole from `ActivityService.rows_for_contact`, states already worked out
    against the clock; `set_rows` replaces them after every change or tick. The invitation
    states of the rows that have any come apart (`set_invitations`), read by the pane, and
    so do their Google Calendar sync states (`set_syncs`).
    """

    def __init__(self, zone: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._ids: list[int] = []
        self._cache: dict[int, ActivityRow] = {}
        self._invitations: dict[int, InvitationState] = {}
        self._syncs: dict[int, ActivitySync] = {}

    # -- API -------------------------------------------------------------------------------

    def set_rows(self, rows: list[ActivityRow]) -> None:
        ids = [row.id for row in rows]
        if ids == self._ids:
            # Same activities in the same order: repaint in place so selection survives.
            self._cache = {row.id: row for row in rows}
            if ids:
                self.dataChanged.emit(self.index(0), self.index(len(ids) - 1))
            return

        self.beginResetModel()
        self._ids = ids
        self._cache = {row.id: row for row in rows}
        self.endResetModel()

    def put(self, row: ActivityRow, order: Callable[[ActivityRow], Any]) -> None:
        """Add or replace one activity, keeping the list sorted by `order`.

        One changed activity must not cost re-reading and re-laying out all the others.
        """
        old = self.row_of(row.id)
        if old >= 0:
            others = [self._cache[i] for i in self._ids if i != row.id]
            keys = [order(other) for other in others]
            if bisect.bisect_left(keys, order(row)) == old:
                self._cache[row.id] = row
                self.dataChanged.emit(self.index(old), self.index(old))
                return
            self.discard(row.id)

        keys = [order(self._cache[i]) for i in self._ids]
        position = bisect.bisect_right(keys, order(row))
        self.beginInsertRows(QModelIndex(), position, position)
        self._ids.insert(position, row.id)
        self._cache[row.id] = row
        self.endInsertRows()

    def discard(self, activity_id: int) -> None:
        """Take one activity out of the list, if it is there."""
        position = self.row_of(activity_id)
        if position < 0:
            return
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._ids[position]
        del self._cache[activity_id]
        self._invitations.pop(activity_id, None)
        self._syncs.pop(activity_id, None)
        self.endRemoveRows()

    def set_invitations(self, states: dict[int, InvitationState]) -> None:
        """Replace the invitation states of all rows; rows left out show none."""
        self._invitations = {key: state for key, state in states.items() if key in self._cache}
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def set_invitation(self, activity_id: int, state: InvitationState | None) -> None:
        """Replace one row's invitation state; None shows none."""
        position = self.row_of(activity_id)
        if position < 0:
            return
        if state is None:
            self._invitations.pop(activity_id, None)
        else:
            self._invitations[activity_id] = state
        self.dataChanged.emit(self.index(position), self.index(position))

    def invitation(self, activity_id: int) -> InvitationState | None:
        return self._invitations.get(activity_id)

    def set_syncs(self, states: dict[int, ActivitySync]) -> None:
        """Replace the calendar sync states of all rows; rows left out show none."""
        self._syncs = {key: state for key, state in states.items() if key in self._cache}
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def set_sync(self, activity_id: int, state: ActivitySync | None) -> None:
        """Replace one row's calendar sync state; None shows none."""
        position = self.row_of(activity_id)
        if position < 0:
            return
        if state is None:
            self._syncs.pop(activity_id, None)
        else:
            self._syncs[activity_id] = state
        self.dataChanged.emit(self.index(position), self.index(position))

    def sync(self, activity_id: int) -> ActivitySync | None:
        return self._syncs.get(activity_id)

    def row_of(self, activity_id: int) -> int:
        """The position of an activity, or -1 when it is not in this list."""
        return self._ids.index(activity_id) if activity_id in self._cache else -1

    def activity(self, index: AnyIndex) -> ActivityRow | None:
        if not index.isValid() or index.parent().isValid():
            return None
        return self._cache[self._ids[index.row()]]

    def ids(self) -> list[int]:
        return list(self._ids)

    # -- Qt overrides ----------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update({int(role): role.name.lower().encode() for role in ActivityRole})
        return names

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.activity(index)
        if row is None:
            return None

        if role == Qt.ItemDataRole.DisplayRole:
            return row.title or kind_name(row.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = " \u00b7 ".join(
                part for part in (kind_name(row.kind), when_text(row, self._zone)) if part
            )
            invitation = self._invitations.get(row.id)
            if invitation is not None and invitation_text(invitation):
                tip += f"\n{invitation_text(invitation)}\n{invitation_tip(invitation)}"
            sync = self._syncs.get(row.id)
            if sync is not None and sync_text(sync.state):
                tip += "\n" + sync_tip(sync, self._zone)
            return tip
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row.state)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = f"{kind_name(row.kind)}: {row.title}, {state_name(row.state)}"
            invitation = self._invitations.get(row.id)
            marks = [invitation_text(invitation) if invitation is not None else ""]
            sync = self._syncs.get(row.id)
            marks.append(sync_text(sync.state) if sync is not None else "")
            return ", ".join([text, *(mark for mark in marks if mark)])
        return self._custom_data(row, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return read_only_flags(index)

    # -- helpers ---------------------------------------------------------------------------

    def _custom_data(self, row: ActivityRow, role: int) -> object:
        if role == ActivityRole.ID:
            return row.id
        if role == ActivityRole.KIND:
            return row.kind.value
        if role == ActivityRole.STATE:
            return row.state.value
        if role == ActivityRole.WHEN:
            return when_text(row, self._zone)
        if role == ActivityRole.PEOPLE:
            if row.kind is ActivityKind.EMAIL and row.email_from:
                return row.email_from
            return ", ".join(person.name for person in row.people)
        if role == ActivityRole.KIND_NAME:
            return kind_name(row.kind)
        if role == ActivityRole.STATE_NAME:
            return state_name(row.state)
        if role in (ActivityRole.SYNC, ActivityRole.SYNC_TEXT, ActivityRole.SYNC_TIP):
            return self._sync_data(row.id, role)
        return self._invitation_data(row.id, role)

    def _sync_data(self, activity_id: int, role: int) -> str:
        sync = self._syncs.get(activity_id)
        if sync is None or sync.state is SyncState.NONE:
            return ""
        if role == ActivityRole.SYNC:
            return sync.state.value
        if role == ActivityRole.SYNC_TEXT:
            return sync_text(sync.state)
        return sync_tip(sync, self._zone)

    def _invitation_data(self, activity_id: int, role: int) -> object:
        state = self._invitations.get(activity_id)
        if role == ActivityRole.INVITATION:
            return state.status.value if state and invitation_text(state) else ""
        if role == ActivityRole.INVITATION_TEXT:
            return invitation_text(state) if state else ""
        if role == ActivityRole.INVITATION_TIP:
            return invitation_tip(state) if state else ""
        return None

    @staticmethod
    def _foreground(state: ActivityState) -> QColor | None:
        if state is ActivityState.OVERDUE:
            return OVERDUE_COLOR
        if state is ActivityState.CANCELLED:
            return CANCELLED_COLOR
        return None
