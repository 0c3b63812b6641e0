"""How long a stretch of time is, worded once for the reminders panel and the reminder mail.

One rule everywhere: round down to whole minutes, so a reminder 2 min 34 s late says
"2 minutes" on screen and in the mail alike; hours and minutes past an hour, whole days past
two days.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Durations"

# (one, two, many): English says "2 hours", but Hebrew has its own word for two hours or
# two days ("שעתיים", "יומיים"). lupdate marks a Python plural (%n) only for a literal
# count, so the forms are chosen here instead.
UNITS = {
    "minute": (
        QT_TRANSLATE_NOOP("Durations", "one minute"),
        QT_TRANSLATE_NOOP("Durations", "2 minutes"),
        QT_TRANSLATE_NOOP("Durations", "{count} minutes"),
    ),
    "hour": (
        QT_TRANSLATE_NOOP("Durations", "one hour"),
        QT_TRANSLATE_NOOP("Durations", "two hours"),
        QT_TRANSLATE_NOOP("Durations", "{count} hours"),
    ),
    "day": (
        QT_TRANSLATE_NOOP("Durations", "one day"),
        QT_TRANSLATE_NOOP("Durations", "two days"),
        QT_TRANSLATE_NOOP("Durations", "{count} days"),
    ),
}
DAYS_FROM = 48 * 60


def whole_minutes(delta: timedelta) -> int:
    """The minutes in `delta`, rounded down: a part-minute has not yet passed."""
    return max(0, int(delta.total_seconds() // 60))


def duration_text(delta: timedelta) -> str:
    """ "2 minutes", "3 hours and 10 minutes", "4 days"; empty under one minute."""
    minutes = whole_minutes(delta)
    if minutes < 1:
        return ""
    if minutes < 60:
        return _count(minutes, "minute")
    if minutes >= DAYS_FROM:
        return _count(minutes // (24 * 60), "day")

    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return _count(hours, "hour")
    both = QCoreApplication.translate("Durations", "{hours} and {minutes}")
    return both.format(hours=_count(hours, "hour"), minutes=_count(rest, "minute"))


def _count(count: int, unit: str) -> str:
    one, two, many = UNITS[unit]
    if count == 1:
        return QCoreApplication.translate(CONTEXT, one)
    if count == 2:
        return QCoreApplication.translate(CONTEXT, two)
    return QCoreApplication.translate(CONTEXT, many).format(count=count)
