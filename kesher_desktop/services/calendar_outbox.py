"""Changes to push to Google Calendar, queued in the transaction of the change itself.

`CalendarOutbox.on_saved` is a hook of `ActivityService`: a save, cancel, delete or restore
of an activity that is (or was) in the calendar adds a row in the same transaction, so a
crash can lose no change and invent none. A row only says "push this activity": the worker
pushes the activity as it then stands, so all the rows of one activity go as one push.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kesher_desktop.clock import Clock
from kesher_desktop.db.store import Store
from kesher_desktop.models import Activity, ActivityKind, CalendarChange, CalendarLink
from kesher_desktop.services.activities import ActivityService
from kesher_desktop.services.calendar_event import event_id, wants_event
from kesher_desktop.services.mail_outbox import retry_delay

log = logging.getLogger(__name__)


class CalendarOutbox:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def attach(self, activities: ActivityService) -> None:
        """Queue a push with every save of `activities`, inside its transaction."""
        activities.hooks.append(self.on_saved)

    # -- the hook ------------------------------------------------------------------------

    def on_saved(self, session: Session, activity: Activity) -> None:
        if activity.kind is ActivityKind.EMAIL:
            return
        link = session.scalar(select(CalendarLink).where(CalendarLink.activity_id == activity.id))
        if link is None:
            if not wants_event(activity):
                # Never ticked: Google has nothing of it, and nothing is to be removed.
                return
            session.add(CalendarLink(activity_id=activity.id, event_id=_event_id(activity)))
        self.enqueue(session, activity.id)

    # -- queue ---------------------------------------------------------------------------

    def enqueue(self, session: Session, activity_id: int) -> None:
        """Queue a push of the activity in the caller's transaction; due at once."""
        now = self._clock.now()
        session.add(CalendarChange(activity_id=activity_id, queued_at=now, next_attempt_at=now))
        session.flush()
        log.debug("calendar change queued activity=%s", activity_id)

    def due_activities(self, limit: int = 50) -> list[int]:
        """Activities with a change whose time has come, the longest waiting first."""
        with self._store.session() as session:
            rows = session.execute(
                select(CalendarChange.activity_id, CalendarChange.next_attempt_at)
                .where(CalendarChange.next_attempt_at <= self._clock.now())
                .order_by(CalendarChange.next_attempt_at, CalendarChange.id)
            ).all()
        return list(dict.fromkeys(activity_id for activity_id, _ in rows))[:limit]

    def pending(self, activity_id: int) -> list[int]:
        """The ids of every change of the activity still to go, due or backing off.

        Read before the activity is, so a save that lands during the push adds a row not in
        this list, and is pushed again afterwards rather than marked done unseen.
        """
        with self._store.session() as session:
            return list(
                session.scalars(
                    select(CalendarChange.id)
                    .where(CalendarChange.activity_id == activity_id)
                    .where(CalendarChange.done_at.is_(None))
                    .where(CalendarChange.next_attempt_at.is_not(None))
                )
            )

    def mark_done(self, change_ids: list[int]) -> None:
        with self._store.session() as session:
            session.execute(
                update(CalendarChange)
                .where(CalendarChange.id.in_(change_ids))
                .values(done_at=self._clock.now(), next_attempt_at=None, last_error="")
            )

    def last_error(self, change_ids: list[int]) -> str:
        """The reason the changes failed with last time; "" when they have not failed."""
        with self._store.session() as session:
            errors = session.scalars(
                select(CalendarChange.last_error).where(CalendarChange.id.in_(change_ids))
            ).all()
        return next((error for error in errors if error), "")

    def mark_failed(self, change_ids: list[int], code: str, detail: str) -> datetime:
        """Keep the reason and put the next try off; returns when that will be."""
        now = self._clock.now()
        with self._store.session() as session:
            rows = session.scalars(
                select(CalendarChange).where(CalendarChange.id.in_(change_ids))
            ).all()
            # The rows of one activity are tried together, so they share one count.
            attempts = max((row.attempts for row in rows), default=0) + 1
            next_attempt = now + retry_delay(attempts)
            for row in rows:
                row.attempts = attempts
                row.last_error = code
                row.last_detail = detail
                row.next_attempt_at = next_attempt
        log.warning(
            "calendar push failed changes=%s attempts=%d retry_at=%s reason=%s %s",
            change_ids,
            attempts,
            next_attempt.isoformat(),
            code,
            detail,
        )
        return next_attempt

    def note_stopped(self, change_ids: list[int], code: str, detail: str) -> None:
        """Say why the changes wait (sync stopped) without counting a try against them."""
        with self._store.session() as session:
            session.execute(
                update(CalendarChange)
                .where(CalendarChange.id.in_(change_ids))
                .values(last_error=code, last_detail=detail)
            )

    def retry_all(self) -> int:
        """Make every waiting change due at once (the account was connected again)."""
        now = self._clock.now()
        with self._store.session() as session:
            result = session.execute(
                update(CalendarChange)
                .where(CalendarChange.next_attempt_at > now)
                .values(next_attempt_at=now)
            )
        return int(result.rowcount)  # type: ignore[attr-defined]


def _event_id(activity: Activity) -> str:
    if not activity.calendar_uid:
        # Only a row written around migration 0004 could lack one; it gets one for good.
        import uuid

        activity.calendar_uid = str(uuid.uuid4())
    return event_id(activity.calendar_uid)
