"""Following the user to another calendar: the events already copied go along, none twice.

When the settings name a calendar other than the one an activity's event is in, a push of
that activity is queued, and the push moves the event there (events.move) instead of making
a second copy. Sync tokens belong to one calendar: those of calendars left behind are
dropped, so coming back to one lists it whole rather than trusting a token from before.
"""

from __future__ import annotations

import logging

from sqlalchemy import select, update

from kesher_desktop.db.store import Store
from kesher_desktop.models import CalendarChange, CalendarCursor, CalendarLink
from kesher_desktop.services.calendar_outbox import CalendarOutbox

log = logging.getLogger(__name__)


def follow_calendar(store: Store, outbox: CalendarOutbox, calendar_id: str) -> int:
    """Queue a push of each event in another calendar than `calendar_id`, unless one waits
    already, and forget the other calendars' sync tokens; returns how many were queued."""
    waiting = select(CalendarChange.activity_id).where(
        CalendarChange.done_at.is_(None), CalendarChange.next_attempt_at.is_not(None)
    )
    with store.session() as session:
        elsewhere = session.scalars(
            select(CalendarLink.activity_id)
            .where(CalendarLink.in_google.is_(True))
            .where(CalendarLink.calendar_id != "", CalendarLink.calendar_id != calendar_id)
            .where(CalendarLink.activity_id.not_in(waiting))
        ).all()
        for activity_id in elsewhere:
            outbox.enqueue(session, activity_id)
        session.execute(
            update(CalendarCursor)
            .where(CalendarCursor.calendar_id != calendar_id, CalendarCursor.sync_token != "")
            .values(sync_token="")
        )
    if elsewhere:
        log.info("calendar changed to %s; events to move=%d", calendar_id, len(elsewhere))
    return len(elsewhere)
