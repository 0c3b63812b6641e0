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
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.reminders import FiredReminder
from kesher_desktop.ui.activity_list_model import KIND_COLORS, OVERDUE_COLOR, kind_name
from kesher_desktop.ui.durations import duration_text
from kesher_desktop.ui.widgets.bidi import isolate, isolate_ltr, shorten
from kesher_desktop.ui.widgets.list_rows import AnyIndex, read_only_flags
from kesher_desktop.ui.widgets.zoned_time import format_day, format_instant, format_span

log = logging.getLogger(__name__)

SEPARATOR = " \u00b7 "
ICON_SIZE = 14
ROW_PADDING = 4
ROW_MIN_WIDTH = 160
# How many reminders a notification names before it says "and 3 more".
NOTIFIED_BY_NAME = 2


class ReminderRole(enum.IntEnum):
    """What the panel asks the model for, beyond Qt's own roles."""

    ALERT_ID = Qt.ItemDataRole.UserRole + 1
    ACTIVITY_ID = enum.auto()
    CONTACT_ID = enum.auto()
    KIND = enum.auto()
    WHEN = enum.auto()
    LATE = enum.auto()
    TITLE = enum.auto()
    MARKS = enum.auto()
    DETAILS = enum.auto()


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
    """ "15 minutes late", worded as the reminder mail words it; empty when on time."""
    duration = duration_text(late_by)
    if not duration:
        return ""
    return QCoreApplication.translate("ReminderList", "{duration} late").format(duration=duration)


def _kind_icon(kind: ActivityKind) -> QIcon:
    """A dot in the kind's colour, as the activity lists use."""
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
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

    def alerts(self) -> list[FiredReminder]:
        return list(self._alerts)

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
        return read_only_flags(index)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        fired = self.alert(index)
        if fired is None:
            return None

        if role == Qt.ItemDataRole.DisplayRole:
            return f"{_title_of(fired)}\n{self._second_line(fired)}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{kind_name(fired.kind)}: {_title_of(fired)}, {self._second_line(fired)}"
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
            ReminderRole.TITLE: _title_of(fired),
            ReminderRole.MARKS: _marks(fired),
            ReminderRole.DETAILS: self._details(fired),
        }
        return values.get(role)  # type: ignore[call-overload]

    def _second_line(self, fired: FiredReminder) -> str:
        # The marks first: they are what a glance at the row is for, and a cut never hits
        # the start of a line.
        return SEPARATOR.join(part for part in (_marks(fired), self._details(fired)) if part)

    def _details(self, fired: FiredReminder) -> str:
        """Kind, contact and when: what may be cut when the row is narrow."""
        parts = [
            kind_name(fired.kind),
            isolate(fired.contact_name),
            # Digits and slashes of a date keep their order inside Hebrew text.
            isolate_ltr(when_text(fired, self._zone)),
        ]
        return SEPARATOR.join(part for part in parts if part)


def _marks(fired: FiredReminder) -> str:
    """How late and whether back from a snooze: never cut from the row."""
    parts = [late_text(fired.late_by)]
    if fired.is_snooze:
        parts.append(QCoreApplication.translate("ReminderList", "snoozed"))
    return SEPARATOR.join(part for part in parts if part)


class ReminderDelegate(QStyledItemDelegate):
    """Draws a row as its title over its marks and details, cutting only the words.

    Qt's own delegate wraps or cuts a row's text as a whole, so a long title pushed "late"
    and "snoozed" out of sight; here the marks are always drawn whole.
    """

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        line = option.fontMetrics.lineSpacing()
        # Narrow on purpose: the panel's width decides, and the words are cut to it.
        return QSize(ROW_MIN_WIDTH, 2 * line + 2 * ROW_PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        icon = item.icon
        # The style draws the background and selection; the icon and words are drawn here.
        item.text, item.icon = "", QIcon()
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)

        icon_box, text_box = _row_boxes(item)
        icon.paint(painter, icon_box)
        painter.save()
        painter.setLayoutDirection(item.direction)
        painter.setFont(item.font)
        painter.setPen(_text_color(item, index))
        _draw_lines(painter, item, text_box, index)
        painter.restore()


def _row_boxes(item: QStyleOptionViewItem) -> tuple[QRect, QRect]:
    """Where the kind's dot and the two lines go, mirrored in right-to-left."""
    whole: QRect = item.rect
    inner = whole.adjusted(ROW_PADDING, ROW_PADDING, -ROW_PADDING, -ROW_PADDING)
    top = inner.top() + (inner.height() - ICON_SIZE) // 2
    icon_box = QRect(inner.left(), top, ICON_SIZE, ICON_SIZE)
    text_box = inner.adjusted(ICON_SIZE + ROW_PADDING, 0, 0, 0)
    direction = item.direction
    return (
        QStyle.visualRect(direction, whole, icon_box),
        QStyle.visualRect(direction, whole, text_box),
    )


def _text_color(item: QStyleOptionViewItem, index: AnyIndex) -> QColor:
    foreground = index.data(Qt.ItemDataRole.ForegroundRole)
    if isinstance(foreground, QColor):
        return foreground
    return item.palette.color(QPalette.ColorRole.Text)


def fit_row(
    metrics: QFontMetrics, width: int, title: str, marks: str, details: str
) -> tuple[str, str]:
    """The two lines of a row cut to `width`: the title and details shorten, marks never."""
    cut = Qt.TextElideMode.ElideRight
    if marks and details:
        marks += SEPARATOR
    room = max(0, width - metrics.horizontalAdvance(marks))
    # Isolated, so the "…" ends a Hebrew title on its left even in an English row.
    first = isolate(metrics.elidedText(title, cut, width))
    return first, marks + metrics.elidedText(details, cut, room)


def _draw_lines(
    painter: QPainter, item: QStyleOptionViewItem, box: QRect, index: AnyIndex
) -> None:
    metrics = item.fontMetrics
    first, second = fit_row(
        metrics,
        box.width(),
        index.data(ReminderRole.TITLE) or "",
        index.data(ReminderRole.MARKS) or "",
        index.data(ReminderRole.DETAILS) or "",
    )
    flags = QStyle.visualAlignment(
        item.direction, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    line = metrics.lineSpacing()
    painter.drawText(QRect(box.left(), box.top(), box.width(), line), int(flags), first)
    below = QRect(box.left(), box.top() + line, box.width(), line)
    painter.drawText(below, int(flags), second)


def notification_text(fired: list[FiredReminder], zone: ZoneInfo) -> tuple[str, str]:
    """The title and text of the tray notification for reminders that just fired.

    Many at once (the computer woke after a night) name only the first few: a desktop
    notification shows a handful of lines, and the panel lists them all.
    """
    if len(fired) == 1:
        one = fired[0]
        title = QCoreApplication.translate("ReminderList", "Reminder: {title}").format(
            title=isolate(shorten(_title_of(one)))
        )
        parts = [isolate(one.contact_name), isolate_ltr(when_text(one, zone))]
        parts.append(late_text(one.late_by))
        return title, SEPARATOR.join(part for part in parts if part)

    title = QCoreApplication.translate("ReminderList", "{count} reminders").format(
        count=len(fired)
    )
    lines = [_notification_line(one) for one in fired[:NOTIFIED_BY_NAME]]
    rest = len(fired) - NOTIFIED_BY_NAME
    if rest == 1:
        lines.append(QCoreApplication.translate("ReminderList", "and one more"))
    elif rest > 1:
        more = QCoreApplication.translate("ReminderList", "and {count} more")
        lines.append(more.format(count=rest))
    return title, "\n".join(lines)


def _notification_line(fired: FiredReminder) -> str:
    # Each part isolated, so a Hebrew title and an English name keep their order.
    line = QCoreApplication.translate("ReminderList", "{title} ({contact})")
    return line.format(
        title=isolate(shorten(_title_of(fired), 40)), contact=isolate(fired.contact_name)
    )


def _title_of(fired: FiredReminder) -> str:
    return fired.title or kind_name(fired.kind)
