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
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.activities import ActivityRow
from kesher_desktop.services.activity_state import ActivityState
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

AnyIndex = QModelIndex | QPersistentModelIndex


class ActivityRole(enum.IntEnum):
    """What the views and the delegate ask the model for, beyond Qt's own roles."""

    ID = Qt.ItemDataRole.UserRole + 1
    KIND = enum.auto()
    STATE = enum.auto()
    WHEN = enum.auto()
    PEOPLE = enum.auto()
    KIND_NAME = enum.auto()
    STATE_NAME = enum.auto()


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
    against the clock; `set_rows` replaces them after every change or tick.
    """

    def __init__(self, zone: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._ids: list[int] = []
        self._cache: dict[int, ActivityRow] = {}

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
        self.endRemoveRows()

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
            return " \u00b7 ".join(
                part for part in (kind_name(row.kind), when_text(row, self._zone)) if part
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row.state)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{kind_name(row.kind)}: {row.title}, {state_name(row.state)}"
        return self._custom_data(row, role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

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
        return None

    @staticmethod
    def _foreground(state: ActivityState) -> QColor | None:
        if state is ActivityState.OVERDUE:
            return OVERDUE_COLOR
        if state is ActivityState.CANCELLED:
            return CANCELLED_COLOR
        return None
