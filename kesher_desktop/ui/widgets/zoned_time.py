"""Instants stored in UTC, shown and edited as wall-clock time in the user's zone.

Qt's own conversions would use the machine's zone; here a wall time travels in a QDateTime
pinned to UTC, so only the zone we name ever applies.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone

DAY_FORMAT = "%d/%m/%Y"
TIME_FORMAT = "%H:%M"
QT_DAY_FORMAT = "dd/MM/yyyy"
QT_DATE_TIME_FORMAT = "dd/MM/yyyy HH:mm"


def to_wall_qdatetime(instant: datetime, zone: ZoneInfo) -> QDateTime:
    """The wall-clock time of an instant in `zone`, as a UTC-pinned QDateTime."""
    local = instant.astimezone(zone)
    return QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute),
        QTimeZone.utc(),
    )


def from_wall_qdatetime(wall: QDateTime, zone: ZoneInfo) -> datetime:
    """The UTC instant at which clocks in `zone` show `wall`; seconds are dropped."""
    day, time = wall.date(), wall.time()
    local = datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=zone)
    try:
        return local.astimezone(UTC)
    except OverflowError:
        # 31/12/9999 late in a zone west of UTC (or 01/01/0001 east of it) has no UTC instant
        # Python can hold: the nearest one still fails the date range check with its message.
        return (datetime.max if local.year > 1 else datetime.min).replace(tzinfo=UTC)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def format_day(day: date) -> str:
    return day.strftime(DAY_FORMAT)


def format_instant(instant: datetime, zone: ZoneInfo) -> str:
    """Day/month/year and hours:minutes in the user's zone."""
    return instant.astimezone(zone).strftime(f"{DAY_FORMAT} {TIME_FORMAT}")


def format_span(start: datetime, end: datetime | None, zone: ZoneInfo) -> str:
    """ "10/03/2026 14:00–15:00", or with both days when the span crosses midnight."""
    if end is None:
        return format_instant(start, zone)
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    if local_start.date() == local_end.date():
        return f"{format_instant(start, zone)}\u2013{local_end.strftime(TIME_FORMAT)}"
    return f"{format_instant(start, zone)}\u2013{format_instant(end, zone)}"
