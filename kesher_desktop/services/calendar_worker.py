"""The calendar sync worker: drains the outbox to Google, then pulls Google's changes.

A plain class for a background thread or an APScheduler job: `run_once` opens its own
short sessions and its own HTTP client, and a second call while one runs returns at once.
A spent quota or an expired grant halts the worker, with the reason kept in the store for
the UI; nothing local is dropped, and the outbox waits.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from kesher_desktop.clock import Clock
from kesher_desktop.db.store import Store
from kesher_desktop.models import CalendarLink, SyncLogKind
from kesher_desktop.services.activities import ActivityService
from kesher_desktop.services.calendar_client import (
    GOOGLE_API_BASE,
    CalendarClient,
    CredentialsSource,
)
from kesher_desktop.services.calendar_cursor import cursor_of
from kesher_desktop.services.calendar_errors import Failure, FailureKind, classify
from kesher_desktop.services.calendar_log import CalendarSyncLog
from kesher_desktop.services.calendar_outbox import CalendarOutbox
from kesher_desktop.services.calendar_pull import CalendarPuller
from kesher_desktop.services.calendar_push import CalendarPusher
from kesher_desktop.services.calendar_switch import follow_calendar

log = logging.getLogger(__name__)

# Google restores a spent daily quota at midnight in California; trying hourly finds that
# out without knowing the project's time zone, and costs one call.
QUOTA_PAUSE = timedelta(hours=1)


@dataclass(frozen=True)
class Halt:
    """Why the worker does not call Google: "quota_exceeded" or "reconnect_needed".

    `until` is when it tries again by itself; None waits for `resume()`.
    """

    code: str
    detail: str
    since: datetime | None
    until: datetime | None


@dataclass(frozen=True)
class RunReport:
    """What one run did. `halt` is set when the run stopped, or did not start, for one."""

    pushed: int = 0
    failed: int = 0
    pulled: int = 0
    busy: bool = False
    halt: Halt | None = None


class _Stop(Exception):
    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.code)
        self.failure = failure


class CalendarSyncWorker:
    """Pushes and pulls one Google calendar.

    `credentials` is asked once per run (the Google account's); `on_reconnect_needed` is
    told the reason when Google refuses the grant. `calendar_id` and `google_sends` are
    read from the settings at each run and each push; events in a calendar chosen before
    are moved into the one named now (see calendar_switch).
    """

    def __init__(
        self,
        store: Store,
        clock: Clock,
        activities: ActivityService,
        outbox: CalendarOutbox,
        credentials: CredentialsSource,
        on_reconnect_needed: Callable[[str], None],
        calendar_id: Callable[[], str] = lambda: "primary",
        google_sends: Callable[[], bool] = lambda: False,
        api_base: str = GOOGLE_API_BASE,
    ) -> None:
        self._store = store
        self._clock = clock
        self._outbox = outbox
        self._credentials = credentials
        self._on_reconnect_needed = on_reconnect_needed
        self._calendar_id = calendar_id
        self._api_base = api_base
        self.sync_log = CalendarSyncLog(store, clock)
        self._pusher = CalendarPusher(store, clock, self.sync_log, google_sends)
        self._puller = CalendarPuller(store, clock, activities, outbox, self.sync_log)
        self._running = threading.Lock()

    def run_once(self) -> RunReport:
        """Push every due change, then pull; safe from any thread, one run at a time."""
        if not self._running.acquire(blocking=False):
            return RunReport(busy=True)
        try:
            return self._run(self._calendar_id() or "primary")
        finally:
            self._running.release()

    def halt(self) -> Halt | None:
        """Why syncing is stopped now, or None while it runs."""
        with self._store.session() as session:
            cursor = cursor_of(session, self._calendar_id() or "primary")
            if not cursor.halted:
                return None
            return Halt(cursor.halted, cursor.halted_detail, cursor.halted_at, cursor.resume_at)

    def resume(self) -> None:
        """Lift a halt (the account was connected again) and make waiting changes due."""
        with self._store.session() as session:
            cursor = cursor_of(session, self._calendar_id() or "primary")
            cursor.halted = ""
            cursor.halted_detail = ""
            cursor.resume_at = None
        self._outbox.retry_all()
        log.info("calendar sync resumed")

    # -- a run ---------------------------------------------------------------------------

    def _run(self, calendar_id: str) -> RunReport:
        halt = self._current_halt(calendar_id)
        if halt is not None:
            log.debug("calendar sync halted reason=%s", halt.code)
            return RunReport(halt=halt)

        # The user may have chosen another calendar since the last run.
        follow_calendar(self._store, self._outbox, calendar_id)

        pushed = failed = pulled = 0
        try:
            client = CalendarClient(self._credentials(), calendar_id, self._api_base)
            pushed, failed, cut_short = self._drain(client)
            if not cut_short:
                pulled = self._puller.pull(client)
        except _Stop as stop:
            return RunReport(pushed, failed, pulled, halt=self._stop(calendar_id, stop.failure))
        except Exception as error:  # noqa: BLE001 - the pull waits for the next run
            failure = classify(error)
            if failure.stops_sync:
                return RunReport(pushed, failed, pulled, halt=self._stop(calendar_id, failure))
            log.warning("calendar pull failed reason=%s %s", failure.code, failure.detail)
        return RunReport(pushed, failed, pulled)

    def _drain(self, client: CalendarClient) -> tuple[int, int, bool]:
        """Push each activity with a due change; stop at the first failure of the network
        or of Google itself, since the next activity would only meet the same. Returns how
        many went, how many failed, and whether such a failure cut the drain short."""
        pushed = failed = 0
        for activity_id in self._outbox.due_activities():
            changes = self._outbox.pending(activity_id)
            try:
                self._pusher.push(client, activity_id)
            except Exception as error:  # noqa: BLE001 - kept with its reason and retried
                failure = classify(error)
                if failure.kind is FailureKind.REJECTED and failure.code == "unexpected":
                    log.exception("calendar push failed unexpectedly activity=%s", activity_id)
                self._tell_failure(activity_id, changes, failure)
                if failure.stops_sync:
                    self._outbox.note_stopped(changes, failure.code, failure.detail)
                    raise _Stop(failure) from error
                self._outbox.mark_failed(changes, failure.code, failure.detail)
                failed += 1
                if failure.kind is FailureKind.RETRY:
                    return pushed, failed, True
                continue
            self._outbox.mark_done(changes)
            pushed += 1
        return pushed, failed, False

    def _tell_failure(self, activity_id: int, changes: list[int], failure: Failure) -> None:
        """Put a failed push in the sync log, once for each run of the same reason: a change
        retried all night would otherwise fill the log with one sentence."""
        if self._outbox.last_error(changes) == failure.code:
            return
        kind = SyncLogKind.REFUSED if failure.kind is FailureKind.REJECTED else SyncLogKind.FAILED
        with self._store.session() as session:
            event_id = session.scalar(
                select(CalendarLink.event_id).where(CalendarLink.activity_id == activity_id)
            )
            self.sync_log.record(
                session, kind, activity_id, event_id or "", failure.code, failure.detail
            )

    def _stop(self, calendar_id: str, failure: Failure) -> Halt:
        now = self._clock.now()
        until = now + QUOTA_PAUSE if failure.kind is FailureKind.QUOTA else None
        with self._store.session() as session:
            cursor = cursor_of(session, calendar_id)
            cursor.halted = failure.code
            cursor.halted_detail = failure.detail
            cursor.halted_at = now
            cursor.resume_at = until
        log.warning("calendar sync halted reason=%s %s", failure.code, failure.detail)
        if failure.kind is FailureKind.RECONNECT:
            self._on_reconnect_needed(failure.detail)
        return Halt(failure.code, failure.detail, now, until)

    def _current_halt(self, calendar_id: str) -> Halt | None:
        """The halt in force; one whose time is up is lifted here."""
        with self._store.session() as session:
            cursor = cursor_of(session, calendar_id)
            if not cursor.halted:
                return None
            if cursor.resume_at is not None and cursor.resume_at <= self._clock.now():
                cursor.halted = ""
                cursor.halted_detail = ""
                cursor.resume_at = None
                return None
            return Halt(cursor.halted, cursor.halted_detail, cursor.halted_at, cursor.resume_at)
