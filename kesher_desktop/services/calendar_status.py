"""Each activity's calendar sync state as the UI shows it, and the user's answers to it."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kesher_desktop.clock import Clock
from kesher_desktop.db.store import Store
from kesher_desktop.models import CalendarChange, CalendarCursor, CalendarLink, EventState
from kesher_desktop.services.activities import ActivityService
from kesher_desktop.services.calendar_errors import HALT_CODES
from kesher_desktop.services.calendar_outbox import CalendarOutbox
from kesher_desktop.services.errors import NotFoundError

log = logging.getLogger(__name__)


class SyncState(enum.StrEnum):
    NONE = "none"  # not in the calendar, and nothing to remove
    WAITING = "waiting"
    SYNCED = "synced"
    FAILED = "failed"  # with `reason`; it is tried again by itself
    REMOVED_IN_GOOGLE = "removed_in_google"  # the user confirms or restores
    CONFLICT = "conflict"  # ours was kept; Google's copy is in the log


@dataclass(frozen=True)
class ActivitySync:
    """`reason` is a code for the UI to word ("network", "quota_exceeded", ...), `detail`
    what Google or the network said."""

    state: SyncState
    reason: str = ""
    detail: str = ""
    attempts: int = 0
    next_attempt_at: datetime | None = None
    synced_at: datetime | None = None


class CalendarSyncStatus:
    """`calendar_id` names the calendar synced now, as the worker reads it from the settings:
    only a halt of that one holds the activities' changes up."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        outbox: CalendarOutbox,
        activities: ActivityService,
        calendar_id: Callable[[], str] = lambda: "primary",
    ) -> None:
        self._store = store
        self._clock = clock
        self._outbox = outbox
        self._activities = activities
        self._calendar_id = calendar_id

    def state(self, activity_id: int) -> ActivitySync:
        return self.states([activity_id])[activity_id]

    def states(self, activity_ids: list[int]) -> dict[int, ActivitySync]:
        """The sync state of each activity, read in one session."""
        current = self._calendar_id() or "primary"
        with self._store.session() as session:
            halt = session.scalar(
                select(CalendarCursor)
                .where(CalendarCursor.calendar_id == current)
                .where(CalendarCursor.halted != "")
            )
            links = {
                link.activity_id: link
                for link in session.scalars(
                    select(CalendarLink).where(CalendarLink.activity_id.in_(activity_ids))
                )
            }
            pending = _pending(session, activity_ids)
            return {
                activity_id: _state(links.get(activity_id), pending.get(activity_id, []), halt)
                for activity_id in activity_ids
            }

    def acknowledge_conflict(self, activity_id: int) -> None:
        """The user has seen the conflict: the activity shows as synced again."""
        with self._store.session() as session:
            link = _link(session, activity_id)
            if link.state is EventState.CONFLICT:
                link.state = EventState.SYNCED if link.in_google else EventState.NONE

    def restore_in_google(self, activity_id: int) -> None:
        """Put an event deleted in Google back there, as the activity now stands."""
        with self._store.session() as session:
            link = _link(session, activity_id)
            link.state = EventState.NONE
            self._outbox.enqueue(session, activity_id)
        log.info("calendar event to restore activity=%s", activity_id)

    def confirm_removed_in_google(self, activity_id: int) -> None:
        """Agree with the deletion in Google: the activity goes to the bin here too."""
        self._activities.delete(activity_id)


def _state(
    link: CalendarLink | None, pending: list[CalendarChange], halt: CalendarCursor | None
) -> ActivitySync:
    synced_at = link.synced_at if link else None
    if link is not None and link.state is EventState.REMOVED_IN_GOOGLE:
        return ActivitySync(SyncState.REMOVED_IN_GOOGLE, synced_at=synced_at)
    if pending:
        latest = max(pending, key=lambda change: change.attempts)
        if halt is not None:
            return ActivitySync(SyncState.FAILED, halt.halted, halt.halted_detail)
        # A halt noted on the change but no longer in force (lifted, or one of a calendar no
        # longer synced) holds nothing up: the change goes at the next run.
        if latest.last_error and latest.last_error not in HALT_CODES:
            return ActivitySync(
                SyncState.FAILED,
                latest.last_error,
                latest.last_detail,
                latest.attempts,
                latest.next_attempt_at,
                synced_at,
            )
        return ActivitySync(SyncState.WAITING, synced_at=synced_at)
    if link is None or link.state is EventState.NONE:
        return ActivitySync(SyncState.NONE, synced_at=synced_at)
    if link.state is EventState.CONFLICT:
        return ActivitySync(SyncState.CONFLICT, synced_at=synced_at)
    return ActivitySync(SyncState.SYNCED, synced_at=synced_at)


def _pending(session: Session, activity_ids: list[int]) -> dict[int, list[CalendarChange]]:
    rows = session.scalars(
        select(CalendarChange)
        .where(CalendarChange.activity_id.in_(activity_ids))
        .where(CalendarChange.done_at.is_(None), CalendarChange.next_attempt_at.is_not(None))
    )
    pending: dict[int, list[CalendarChange]] = {}
    for row in rows:
        pending.setdefault(row.activity_id, []).append(row)
    return pending


def _link(session: Session, activity_id: int) -> CalendarLink:
    link = session.scalar(select(CalendarLink).where(CalendarLink.activity_id == activity_id))
    if link is None:
        raise NotFoundError("activity_not_found", id=activity_id)
    return link
