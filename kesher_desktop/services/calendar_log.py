"""The calendar sync's log: what was pushed, pulled, merged or refused, and why."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kesher_desktop.clock import Clock
from kesher_desktop.db.store import Store
from kesher_desktop.models import CalendarSyncEntry, SyncLogKind

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncLogEntry:
    """One line as the UI reads it. `google_copy` is Google's version of the event that a
    conflict overruled (parsed JSON), or None."""

    id: int
    at: datetime
    kind: SyncLogKind
    activity_id: int | None
    event_id: str
    reason: str
    detail: str
    google_copy: dict[str, Any] | None


class CalendarSyncLog:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def record(
        self,
        session: Session,
        kind: SyncLogKind,
        activity_id: int | None,
        event_id: str,
        reason: str,
        detail: str = "",
        google_copy: dict[str, Any] | None = None,
    ) -> None:
        """Add a line in the caller's transaction, so it is kept exactly with what it tells."""
        session.add(
            CalendarSyncEntry(
                at=self._clock.now(),
                kind=kind,
                activity_id=activity_id,
                event_id=event_id,
                reason=reason,
                detail=detail,
                google_copy=json.dumps(google_copy, ensure_ascii=False) if google_copy else "",
            )
        )
        log.info(
            "calendar %s activity=%s event=%s reason=%s %s",
            kind.value,
            activity_id,
            event_id,
            reason,
            detail,
        )

    def entries(self, activity_id: int | None = None, limit: int = 200) -> list[SyncLogEntry]:
        """The newest lines first; of one activity, or of all."""
        query = select(CalendarSyncEntry).order_by(CalendarSyncEntry.id.desc()).limit(limit)
        if activity_id is not None:
            query = query.where(CalendarSyncEntry.activity_id == activity_id)
        with self._store.session() as session:
            return [_entry(row) for row in session.scalars(query)]


def _entry(row: CalendarSyncEntry) -> SyncLogEntry:
    return SyncLogEntry(
        id=row.id,
        at=row.at,
        kind=row.kind,
        activity_id=row.activity_id,
        event_id=row.event_id,
        reason=row.reason,
        detail=row.detail,
        google_copy=json.loads(row.google_copy) if row.google_copy else None,
    )
