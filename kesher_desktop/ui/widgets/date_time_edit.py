"""A date-and-time field that reads and writes aware instants in the user's zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QLocale, Qt, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit, QWidget

from kesher_desktop.services.validation import FIRST_YEAR, LAST_YEAR
from kesher_desktop.ui.widgets.zoned_time import (
    QT_DATE_TIME_FORMAT,
    from_wall_qdatetime,
    to_wall_qdatetime,
)


def make_numeric(edit: QDateTimeEdit, display_format: str) -> QDateTimeEdit:
    """Digits in the given order, left-to-right, with a calendar popup when there is a day.

    Under a Hebrew locale Qt reverses the order of the sections ("00:13 2026/03/11"); a
    numeric format needs no locale, so the edit gets a neutral one.
    """
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setLocale(QLocale(QLocale.Language.English, QLocale.Country.Israel))
    edit.setDisplayFormat(display_format)
    edit.setCalendarPopup("d" in display_format)
    if "d" in display_format:
        # The years the store accepts, so the field and its calendar offer no others.
        edit.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(LAST_YEAR, 12, 31))
    return edit


class ZonedDateTimeEdit(QDateTimeEdit):
    """Day/month/year hours:minutes with a calendar popup; `instant()` is UTC."""

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone

        # The edit works in wall time; pinning it to UTC keeps the machine's zone (and its
        # daylight-saving gaps) out of the arithmetic.
        self.setTimeZone(QTimeZone.utc())
        make_numeric(self, QT_DATE_TIME_FORMAT)

    def set_instant(self, instant: datetime) -> None:
        self.setDateTime(to_wall_qdatetime(instant, self._zone))

    def instant(self) -> datetime:
        return from_wall_qdatetime(self.dateTime(), self._zone)
