"""A date-and-time field that reads and writes aware instants in the user's zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from kesher_desktop.ui.widgets.zoned_time import (
    QT_DATE_TIME_FORMAT,
    from_wall_qdatetime,
    to_wall_qdatetime,
)


class ZonedDateTimeEdit(QDateTimeEdit):
    """Day/month/year hours:minutes with a calendar popup; `instant()` is UTC."""

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone

        # The edit works in wall time; pinning it to UTC keeps the machine's zone (and its
        # daylight-saving gaps) out of the arithmetic.
        self.setTimeZone(QTimeZone.utc())
        self.setDisplayFormat(QT_DATE_TIME_FORMAT)
        self.setCalendarPopup(True)
        # Digits and slashes read left-to-right even in a Hebrew form.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

    def set_instant(self, instant: datetime) -> None:
        self.setDateTime(to_wall_qdatetime(instant, self._zone))

    def instant(self) -> datetime:
        return from_wall_qdatetime(self.dateTime(), self._zone)
