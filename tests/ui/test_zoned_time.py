"""Wall-clock times typed in the user's zone, turned into UTC instants."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone

from kesher_desktop.ui.widgets.zoned_time import from_wall_qdatetime

JERUSALEM = ZoneInfo("Asia/Jerusalem")
NEW_YORK = ZoneInfo("America/New_York")


def _wall(year: int, month: int, day: int, hour: int, minute: int) -> QDateTime:
    return QDateTime(QDate(year, month, day), QTime(hour, minute), QTimeZone.utc())


def test_a_summer_morning_in_jerusalem_is_three_hours_earlier_in_utc() -> None:
    instant = from_wall_qdatetime(_wall(2026, 7, 1, 10, 0), JERUSALEM)

    assert instant == datetime(2026, 7, 1, 7, 0, tzinfo=UTC)


def test_the_last_evening_of_year_9999_west_of_utc_does_not_overflow() -> None:
    instant = from_wall_qdatetime(_wall(9999, 12, 31, 23, 59), NEW_YORK)

    # Out of any range the forms accept, so their check names the problem.
    assert instant.year == 9999
    assert instant.tzinfo is UTC


def test_the_first_morning_of_year_one_east_of_utc_does_not_overflow() -> None:
    instant = from_wall_qdatetime(_wall(1, 1, 1, 0, 0), JERUSALEM)

    assert instant.year == 1
