"""The fired reminders still open, as a list model for the reminders panel."""

from __future__ import annotations

import enum
import logging
from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.reminders import FiredReminder
from kesher_desktop.ui.activity_list_model import KIND_COLORS, OVERDUE_COLOR, kind_name
from kesher_desktop.ui.widgets.bidi import isolate, isolate_ltr
from kesher_desktop.ui.widgets.zoned_time import format_day, format_instant, format_span

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex
SEPARATOR = " \u00b7 "


class ReminderRole(enum.IntEnum):
    """What the panel asks the model for, beyond Qt's own roles."""

    ALERT_ID = Qt.ItemDataRole.UserRole + 1
    ACTIVITY_ID = enum.auto()
    CONTACT_ID = enum.auto()
    KIND = enum.auto()
    WHEN = enum.auto()
    LATE = enum.auto()


def when_text(fired: FiredReminder, zone: ZoneInfo) -> str:
    """When the activity is, in the user's zone."""
    if fired.kind is ActivityKind.MEETING and fired.starts_at is not None:
        return format_span(fired.starts_at, fired.ends_at, zone)
    if fired.starts_at is not None:
        return format_instant(fired.starts_at, zone)
    if fired.due_date is not None:
        return format_day(fired.due_date)
    return ""


def late_text(late_by: timedelta) -> str:
    """ "15 minutes late", in whole minutes, hours or days; empty when on time."""
    minutes = int(late_by.total_seconds() // 60)
    if minutes < 1:
        return ""
    # One and many are worded apart: Hebrew, like English, says "one minute" differently.
    if minutes < 120:
        if minutes == 1:
            return QCoreApplication.translate("ReminderList", "1 minute late")
        text = QCoreApplication.translate("ReminderList", "{count} minutes late")
        return text.format(count=minutes)
    if minutes < 48 * 60:
        text = QCoreApplication.translate("ReminderList", "{count} hours late")
        return text.format(count=minutes // 60)
    text = QCoreApplication.translate("ReminderList", "{count} days late")
    return text.format(count=minutes // 1440)


def _kind_icon(kind: ActivityKind) -> QIcon:
    """A dot in the kind's colour, as the activity lists use."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(KIND_COLORS.get(kind, QColor("#52606d")))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)


class ReminderListModel(QAbstractListModel):
    """Open alerts, newest fired first, as `ReminderService.open_alerts` returns them."""

    def __init__(self, zone: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._alerts: list[FiredReminder] = []
        self._icons: dict[ActivityKind, QIcon] = {}

    # -- API -------------------------------------------------------------------------------

    def set_alerts(self, alerts: list[FiredReminder]) -> None:
        if [a.alert_id for a in alerts] == [a.alert_id for a in self._alerts]:
            # The same alerts: repaint in place, so the selection stays where it was.
            self._alerts = list(alerts)
            if alerts:
                self.dataChanged.emit(self.index(0), self.index(len(alerts) - 1))
            return
        self.beginResetModel()
        self._alerts = list(alerts)
        self.endResetModel()

    def alert(self, index: AnyIndex) -> FiredReminder | None:
        if not index.isValid() or index.parent().isValid():
            return None
        return self._alerts[index.row()]

    def row_of(self, alert_id: int) -> int:
        ids = [a.alert_id for a in self._alerts]
        return ids.index(alert_id) if alert_id in ids else -1

    # -- Qt overrides ----------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._alerts)

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update({int(role): role.name.lower().encode() for role in ReminderRole})
        return names

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        fired = self.alert(index)
        if fired is None:
            return None

        if role == Qt.ItemDataRole.DisplayRole:
            return f"{self._title(fired)}\n{self._details(fired)}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{kind_name(fired.kind)}: {self._title(fired)}, {self._details(fired)}"
        if role == Qt.ItemDataRole.DecorationRole:
            if fired.kind not in self._icons:
                self._icons[fired.kind] = _kind_icon(fired.kind)
            return self._icons[fired.kind]
        if role == Qt.ItemDataRole.ForegroundRole:
            return OVERDUE_COLOR if fired.late_by else None
        return self._custom_data(fired, role)

    # -- helpers ---------------------------------------------------------------------------

    def _custom_data(self, fired: FiredReminder, role: int) -> object:
        values = {
            ReminderRole.ALERT_ID: fired.alert_id,
            ReminderRole.ACTIVITY_ID: fired.activity_id,
            ReminderRole.CONTACT_ID: fired.contact_id,
            ReminderRole.KIND: fired.kind.value,
            ReminderRole.WHEN: when_text(fired, self._zone),
            ReminderRole.LATE: late_text(fired.late_by),
        }
        return values.get(role)  # type: ignore[call-overload]

    @staticmethod
    def _title(fired: FiredReminder) -> str:
        return fired.title or kind_name(fired.kind)

    def _details(self, fired: FiredReminder) -> str:
        parts = [
            kind_name(fired.kind),
            isolate(fired.contact_name),
            # Digits and slashes of a date keep their order inside Hebrew text.
            isolate_ltr(when_text(fired, self._zone)),
        ]
        if fired.is_snooze:
            parts.append(QCoreApplication.translate("ReminderList", "snoozed"))
        parts.append(late_text(fired.late_by))
        return SEPARATOR.join(part for part in parts if part)


def notification_text(fired: list[FiredReminder], zone: ZoneInfo) -> tuple[str, str]:
    """The title and text of the tray notification for reminders that just fired."""
    if len(fired) == 1:
        one = fired[0]
        title = QCoreApplication.translate("ReminderList", "Reminder: {title}").format(
            title=isolate(one.title or kind_name(one.kind))
        )
        parts = [isolate(one.contact_name), isolate_ltr(when_text(one, zone))]
        parts.append(late_text(one.late_by))
        return title, SEPARATOR.join(part for part in parts if part)
    title = QCoreApplication.translate("ReminderList", "{count} reminders").format(
        count=len(fired)
    )
    lines = [isolate(f"{one.title or kind_name(one.kind)} ({one.contact_name})") for one in fired]
    return title, "\n".join(lines)
