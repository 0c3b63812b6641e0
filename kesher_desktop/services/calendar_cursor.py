"""The per-calendar row that holds the pull's sync token and why syncing stopped, if it did."""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from kesher_desktop.models import CalendarCursor

log = logging.getLogger(__name__)


def cursor_of(session: Session, calendar_id: str) -> CalendarCursor:
    """The calendar's row, made on first use."""
    cursor = session.scalar(
        select(CalendarCursor).where(CalendarCursor.calendar_id == calendar_id)
    )
    if cursor is None:
        cursor = CalendarCursor(
            calendar_id=calendar_id, sync_token="", halted="", halted_detail=""
        )
        session.add(cursor)
        session.flush()
    return cursor
