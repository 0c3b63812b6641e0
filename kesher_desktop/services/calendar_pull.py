"""Pulling from Google Calendar: what changed there comes back to the activities here.

Incremental with Google's sync token; when Google has forgotten the token (410) the whole
calendar is listed again, and an event of ours missing from that listing counts as deleted.
Only events whose id was made from one of our activities are looked at, and only in the
calendar the activity's event is in: a copy elsewhere is what a move to another calendar
left behind.

What changed is told by fingerprints of the shared fields (title, place, times): Google's
side against what both last agreed on, and ours against the same. One side changed: it
wins. Both: ours is kept, Google's copy goes to the log as a conflict, and ours is pushed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kesher_desktop.clock import Clock
from kesher_desktop.db.store import Store
from kesher_desktop.models import (
    Activity,
    ActivityKind,
    CalendarLink,
    EventState,
    SyncLogKind,
)
from kesher_desktop.services.activities import ActivityDraft, ActivityService
from kesher_desktop.services.calendar_client import CalendarClient, Event, SyncTokenExpired
from kesher_desktop.services.calendar_cursor import cursor_of
from kesher_desktop.services.calendar_event import (
    Shared,
    calendar_uid_of,
    event_body,
    fingerprint,
    shared_of,
    wants_event,
)
from kesher_desktop.services.calendar_log import CalendarSyncLog
from kesher_desktop.services.calendar_outbox import CalendarOutbox
from kesher_desktop.services.errors import ServiceError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Local:
    """An activity of ours as a pulled event meets it."""

    activity_id: int
    kind: ActivityKind
    wanted: bool
    ours: str
    link: CalendarLink


class RefusedChange(ServiceError):
    """A change made in Google that the activity cannot take (an all-day meeting...)."""


class CalendarPuller:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        activities: ActivityService,
        outbox: CalendarOutbox,
        sync_log: CalendarSyncLog,
    ) -> None:
        self._store = store
        self._clock = clock
        self._activities = activities
        self._outbox = outbox
        self._log = sync_log

    def pull(self, client: CalendarClient) -> int:
        """Take in what changed in Google since the last pull; returns how many events of
        ours were looked at. Raises what the calls raise."""
        with self._store.session() as session:
            token = cursor_of(session, client.calendar_id).sync_token
        if token:
            try:
                return self._listing(client, token)
            except SyncTokenExpired:
                log.info(
                    "calendar sync token expired; listing all calendar=%s", client.calendar_id
                )
                self._save_token(client.calendar_id, "")
        return self._listing(client, "")

    # -- listing -------------------------------------------------------------------------

    def _listing(self, client: CalendarClient, token: str) -> int:
        full = not token
        live: set[str] = set()
        looked_at = 0
        page_token = ""
        while True:
            page = client.page(token, page_token)
            for event in page.events:
                if event.get("status") != "cancelled":
                    live.add(str(event.get("id")))
                looked_at += self._take(client.calendar_id, event)
            page_token = page.next_page_token
            if not page_token:
                break

        if full:
            looked_at += self._notice_missing(client.calendar_id, live)
        # Only once every page is in: a pull cut short starts again from the old token.
        self._save_token(client.calendar_id, page.next_sync_token)
        return looked_at

    def _notice_missing(self, calendar_id: str, live: set[str]) -> int:
        """Our events absent from a full listing were deleted in Google."""
        with self._store.session() as session:
            missing = session.scalars(
                select(CalendarLink.event_id)
                .where(CalendarLink.in_google.is_(True))
                .where(CalendarLink.calendar_id == calendar_id)
            ).all()
        gone = [event_id for event_id in missing if event_id not in live]
        for event_id in gone:
            self._take(calendar_id, {"id": event_id, "status": "cancelled"})
        return len(gone)

    def _save_token(self, calendar_id: str, token: str) -> None:
        with self._store.session() as session:
            cursor = cursor_of(session, calendar_id)
            cursor.sync_token = token
            cursor.pulled_at = self._clock.now()

    # -- one event -----------------------------------------------------------------------

    def _take(self, calendar_id: str, event: Event) -> int:
        uid = calendar_uid_of(str(event.get("id") or ""))
        if uid is None:
            return 0
        if event.get("status") == "cancelled":
            return self._deleted_in_google(calendar_id, uid, event)
        return self._changed_in_google(calendar_id, uid, event)

    def _deleted_in_google(self, calendar_id: str, uid: str, event: Event) -> int:
        with self._store.session() as session:
            local = self._local(session, calendar_id, uid)
            if local is None or not local.link.in_google:
                # Never there, or removed by us: nothing new.
                return 0
            link = local.link
            link.in_google = False
            if not local.wanted:
                return 1
            if local.ours == link.agreed:
                link.state = EventState.REMOVED_IN_GOOGLE
                self._log.record(
                    session,
                    SyncLogKind.PULLED,
                    local.activity_id,
                    link.event_id,
                    "deleted_in_google",
                )
                return 1
            # Changed here since: ours stays and goes back; the user is told.
            link.state = EventState.CONFLICT
            self._log.record(
                session,
                SyncLogKind.CONFLICT,
                local.activity_id,
                link.event_id,
                "deleted_in_google",
                google_copy=event,
            )
            self._outbox.enqueue(session, local.activity_id)
        return 1

    def _changed_in_google(self, calendar_id: str, uid: str, event: Event) -> int:
        with self._store.session() as session:
            local = self._local(session, calendar_id, uid)
            if local is None or not local.wanted:
                # Not ours, or on its way out of the calendar: our removal wins.
                return 0 if local is None else 1
            link = local.link
            link.in_google = True
            link.calendar_id = calendar_id
            if link.state is EventState.REMOVED_IN_GOOGLE:
                # Brought back from Google's bin.
                link.state = EventState.SYNCED
            shared = shared_of(local.kind, event)
            theirs = fingerprint(shared)
            if theirs == local.ours:
                link.agreed = theirs
                return 1
            if not link.agreed or theirs == link.agreed:
                # Our first push is still to come and settles it, or Google changed only
                # fields we do not share.
                return 1
            if local.ours != link.agreed:
                link.agreed = theirs
                link.state = EventState.CONFLICT
                self._log.record(
                    session,
                    SyncLogKind.CONFLICT,
                    local.activity_id,
                    link.event_id,
                    "changed_on_both_sides",
                    google_copy=event,
                )
                self._outbox.enqueue(session, local.activity_id)
                return 1

        self._apply(local, shared, theirs, event)
        return 1

    def _apply(self, local: _Local, shared: Shared, theirs: str, event: Event) -> None:
        """Write Google's change through the activity service, so reminders follow it."""
        draft = self._activities.draft_of(local.activity_id)
        changed = _changed_fields(draft, shared)
        try:
            _take_shared(draft, local.kind, shared)
            self._activities.update(local.activity_id, draft)
        except ServiceError as error:
            with self._store.session() as session:
                link = session.get(CalendarLink, local.link.id)
                assert link is not None
                # Ours goes back to Google, so the two sides agree again.
                link.agreed = theirs
                self._log.record(
                    session,
                    SyncLogKind.REFUSED,
                    local.activity_id,
                    link.event_id,
                    error.code,
                    google_copy=event,
                )
                self._outbox.enqueue(session, local.activity_id)
            return

        with self._store.session() as session:
            link = session.get(CalendarLink, local.link.id)
            assert link is not None
            link.agreed = theirs
            link.synced_at = self._clock.now()
            self._log.record(
                session,
                SyncLogKind.PULLED,
                local.activity_id,
                link.event_id,
                "updated",
                detail=",".join(changed),
            )

    def _local(self, session: Session, calendar_id: str, uid: str) -> _Local | None:
        """The activity of the event `uid` in `calendar_id`; None when there is none, or when
        its event is in another calendar."""
        activity = session.scalar(
            select(Activity)
            .where(Activity.calendar_uid == uid)
            .options(selectinload(Activity.reminders))
        )
        if activity is None:
            return None
        link = session.scalar(select(CalendarLink).where(CalendarLink.activity_id == activity.id))
        if link is None or link.calendar_id not in ("", calendar_id):
            return None
        wanted = wants_event(activity)
        ours = ""
        if wanted:
            body = event_body(activity, "", [], self._clock.zone)
            ours = fingerprint(shared_of(activity.kind, body))
        return _Local(activity.id, activity.kind, wanted, ours, link)


def _take_shared(draft: ActivityDraft, kind: ActivityKind, shared: Shared) -> None:
    """Google's title, place and times, in the shape each kind of activity keeps them."""
    draft.title = shared.title
    timed = isinstance(shared.starts, datetime) and isinstance(shared.ends, datetime)
    if kind is ActivityKind.MEETING:
        draft.location = shared.location
    if not timed:
        if kind is not ActivityKind.TASK:
            raise RefusedChange("all_day_not_allowed")
        draft.starts_at = None
        draft.due_date = shared.starts  # type: ignore[assignment]
        return

    assert isinstance(shared.starts, datetime) and isinstance(shared.ends, datetime)
    draft.starts_at = shared.starts
    if kind is ActivityKind.MEETING:
        draft.ends_at = shared.ends
    else:
        draft.duration_minutes = int((shared.ends - shared.starts).total_seconds() // 60)


def _changed_fields(draft: ActivityDraft, shared: Shared) -> list[str]:
    """Which of title, place and time Google changed, for the log."""
    changed = []
    if draft.title != shared.title:
        changed.append("title")
    if draft.location != shared.location:
        changed.append("location")
    starts = draft.starts_at if draft.starts_at is not None else draft.due_date
    if starts != shared.starts or draft.ends_at not in (None, shared.ends):
        changed.append("time")
    return changed
