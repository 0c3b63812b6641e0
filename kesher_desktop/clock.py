"""The current instant and the user's time zone, injectable so tests can move time."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

log = logging.getLogger(__name__)


def system_zone() -> ZoneInfo:
    """The operating system's IANA zone (e.g. Asia/Jerusalem), or UTC if it cannot be told."""
    try:
        import tzlocal

        return ZoneInfo(tzlocal.get_localzone_name() or "UTC")
    except Exception:  # noqa: BLE001 - a broken zone setting must not stop the app
        log.warning("could not read the system time zone; using UTC", exc_info=True)
        return ZoneInfo("UTC")


class Clock:
    """Wall-clock time; `now()` is always an aware UTC instant."""

    def __init__(self, zone: ZoneInfo | None = None) -> None:
        self.zone = zone or system_zone()

    def now(self) -> datetime:
        return datetime.now(UTC)

    def local(self, instant: datetime) -> datetime:
        """An instant as the user's wall-clock time."""
        return instant.astimezone(self.zone)


class FrozenClock(Clock):
    """A clock that stands still until told to move; for tests and benchmarks."""

    def __init__(self, instant: datetime, zone: ZoneInfo | None = None) -> None:
        super().__init__(zone or ZoneInfo("Asia/Jerusalem"))
        self._instant = instant.astimezone(UTC)

    def now(self) -> datetime:
        return self._instant

    def set(self, instant: datetime) -> None:
        self._instant = instant.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        self._instant += delta
