"""Pushing one activity to Google Calendar: insert, PATCH what we own, or delete; and an
event left in a calendar the user no longer syncs with is moved to the one they chose.

A push reads the event first. That one extra call makes every push safe to repeat (an
insert whose answer was lost is found and not made twice), lets an edit send only what
differs (so an attendee added in Google stays, and an echo of a pull sends nothing), and
shows what changed in Google since the two sides last agreed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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
from kesher_desktop.services.calendar_client import CalendarClient, Event
from kesher_desktop.services.calendar_event import (
    attendees_of,
    contact_name_of,
    event_body,
    fingerprint,
    moment_of,
    shared_of,
    wants_event,
)
from kesher_desktop.services.calendar_log import CalendarSyncLog

log = logging.getLogger(__name__)

# The fields a user may also edit in Google; the rest of what we send is ours alone.
SHARED_KEYS = ("summary", "location", "start", "end")


@dataclass(frozen=True)
class _Plan:
    """The activity as it stands when the push starts, and what we last knew of its event."""

    activity_id: int
    kind: ActivityKind
    event_id: str
    # Where the event was last put; "" before its first push.
    calendar_id: str
    wanted: bool
    body: Event
    ours: str  # the fingerprint of our shared fields
    attendees: list[str]
    send_updates: str
    state: EventState
    in_google: bool
    agreed: str
    attendees_before: list[str]


@dataclass(frozen=True)
class _Outcome:
    kind: SyncLogKind | None
    reason: str
    google_copy: Event | None = None
    conflict: bool = False
    keeps_google: bool = False


class CalendarPusher:
    """`google_sends` tells whether Google mails the invitations (sendUpdates "all")."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        sync_log: CalendarSyncLog,
        google_sends: Callable[[], bool],
    ) -> None:
        self._store = store
        self._clock = clock
        self._log = sync_log
        self._google_sends = google_sends

    def push(self, client: CalendarClient, activity_id: int) -> None:
        """Bring the event in line with the activity; raises whatever the call raised."""
        plan = self._plan(activity_id)
        if plan is None:
            return
        if not plan.wanted:
            self._remove(client, plan)
            return
        if plan.state is EventState.REMOVED_IN_GOOGLE:
            # The user decides (confirm or restore) before anything goes back to Google.
            log.info("calendar push held: removed in Google activity=%s", activity_id)
            return

        remote = self._move_here(client, plan) or client.get(plan.event_id)
        if remote is None:
            created = client.insert({**plan.body, "id": plan.event_id}, plan.send_updates)
            if created is not None:
                self._record(plan, client.calendar_id, _Outcome(SyncLogKind.PUSHED, "created"))
                return
            # 409: an earlier try made it and its answer was lost on the way.
            remote = client.get(plan.event_id)
            if remote is None:
                raise LookupError(f"event {plan.event_id} exists but cannot be read")
        self._update(client, plan, remote)

    # -- steps ---------------------------------------------------------------------------

    def _update(self, client: CalendarClient, plan: _Plan, remote: Event) -> None:
        outcome = _compare(plan, remote)
        wanted = dict(plan.body)
        if outcome.keeps_google:
            for key in SHARED_KEYS:
                wanted.pop(key, None)
        wanted["attendees"] = _merged_attendees(
            remote.get("attendees") or [], plan.attendees_before, plan.attendees
        )
        if remote.get("status") == "cancelled":
            # Google may have dropped fields of a deleted event: bring all of ours back.
            changes = wanted
        else:
            changes = {k: v for k, v in wanted.items() if _differs(k, v, remote.get(k))}
        if changes:
            client.patch(plan.event_id, changes, plan.send_updates)
        elif not plan.in_google:
            # An insert whose answer was lost made the event: it is news to the log.
            outcome = _Outcome(SyncLogKind.PUSHED, "created")
        elif not outcome.conflict:
            outcome = _Outcome(None, "unchanged", keeps_google=outcome.keeps_google)
        self._record(plan, client.calendar_id, outcome)

    def _move_here(self, client: CalendarClient, plan: _Plan) -> Event | None:
        """Move the event from the calendar it is in, when the user has since chosen another;
        the moved event, or None when there was nothing to move."""
        if not plan.in_google or plan.calendar_id in ("", client.calendar_id):
            return None
        moved = client.move(plan.event_id, plan.calendar_id, plan.send_updates)
        if moved is None:
            # Gone from there meanwhile: the push makes it anew in the chosen calendar.
            log.info("calendar event not found to move activity=%s", plan.activity_id)
            return None
        with self._store.session() as session:
            link = _link(session, plan.activity_id)
            if link is not None:
                # Kept at once, so a push that fails after this does not move it again.
                link.calendar_id = client.calendar_id
            self._log.record(session, SyncLogKind.PUSHED, plan.activity_id, plan.event_id, "moved")
        return moved

    def _remove(self, client: CalendarClient, plan: _Plan) -> None:
        # Removed from wherever it is, which may be a calendar no longer chosen.
        deleted = client.delete(plan.event_id, plan.send_updates, plan.calendar_id)
        with self._store.session() as session:
            link = _link(session, plan.activity_id)
            if link is not None:
                link.in_google = False
                link.state = EventState.NONE
                link.agreed = ""
                link.our_attendees = ""
                link.synced_at = self._clock.now()
            if deleted:
                self._log.record(
                    session, SyncLogKind.PUSHED, plan.activity_id, plan.event_id, "removed"
                )

    def _record(self, plan: _Plan, calendar_id: str, outcome: _Outcome) -> None:
        with self._store.session() as session:
            link = _link(session, plan.activity_id)
            if link is None:
                return
            link.in_google = True
            link.calendar_id = calendar_id
            link.synced_at = self._clock.now()
            link.our_attendees = "\n".join(plan.attendees)
            if not outcome.keeps_google:
                # Otherwise the pull brings Google's side in and agrees on it then.
                link.agreed = plan.ours
            conflicted = outcome.conflict or link.state is EventState.CONFLICT
            link.state = EventState.CONFLICT if conflicted else EventState.SYNCED
            if outcome.kind is not None:
                self._log.record(
                    session,
                    outcome.kind,
                    plan.activity_id,
                    plan.event_id,
                    outcome.reason,
                    google_copy=outcome.google_copy,
                )

    def _plan(self, activity_id: int) -> _Plan | None:
        with self._store.session() as session:
            activity = session.get(
                Activity,
                activity_id,
                options=[selectinload(Activity.participants), selectinload(Activity.reminders)],
            )
            link = _link(session, activity_id)
            if activity is None or link is None:
                log.warning("calendar push of an activity no longer here id=%s", activity_id)
                return None
            wanted = wants_event(activity)
            invites = self._google_sends() and activity.send_invitation
            attendees = attendees_of(session, activity) if wanted and invites else []
            body = (
                event_body(activity, contact_name_of(activity), attendees, self._clock.zone)
                if wanted
                else {}
            )
            return _Plan(
                activity_id=activity_id,
                kind=activity.kind,
                event_id=link.event_id,
                calendar_id=link.calendar_id,
                wanted=wanted,
                body=body,
                ours=fingerprint(shared_of(activity.kind, body)) if wanted else "",
                attendees=attendees,
                send_updates="all"
                if invites and activity.kind is not ActivityKind.TASK
                else "none",
                state=link.state,
                in_google=link.in_google,
                agreed=link.agreed,
                attendees_before=[a for a in link.our_attendees.split("\n") if a],
            )


def _compare(plan: _Plan, remote: Event) -> _Outcome:
    """Who changed the shared fields since the last agreement: us, Google, or both."""
    if remote.get("status") == "cancelled":
        if plan.in_google:
            # Deleted in Google and changed here since: ours is kept, and the user told.
            return _Outcome(
                SyncLogKind.CONFLICT, "deleted_in_google", google_copy=remote, conflict=True
            )
        return _Outcome(SyncLogKind.PUSHED, "restored")

    theirs = fingerprint(shared_of(plan.kind, remote))
    if not plan.agreed or theirs in (plan.agreed, plan.ours):
        return _Outcome(SyncLogKind.PUSHED, "updated")
    if plan.ours != plan.agreed:
        return _Outcome(
            SyncLogKind.CONFLICT, "changed_on_both_sides", google_copy=remote, conflict=True
        )
    # Only Google changed the shared fields: they stay, the rest of ours goes.
    return _Outcome(SyncLogKind.MERGED, "kept_google_changes", keeps_google=True)


def _merged_attendees(remote: list[Event], before: list[str], now: list[str]) -> list[Event]:
    """Google's attendees, less those we put there and took off, plus ours now."""
    current = {address.casefold() for address in now}
    dropped = {address.casefold() for address in before} - current
    kept = [entry for entry in remote if _address(entry) not in dropped]
    present = {_address(entry) for entry in kept}
    return kept + [{"email": address} for address in now if address.casefold() not in present]


def _differs(key: str, ours: Any, theirs: Any) -> bool:
    if key in ("start", "end"):
        return moment_of(ours) != moment_of(theirs or {})
    if key == "reminders":
        return _reminders(ours) != _reminders(theirs or {})
    if key == "attendees":
        return {_address(e) for e in ours} != {_address(e) for e in theirs or []}
    return (ours or "") != (theirs or "")


def _reminders(value: Event) -> tuple[bool, list[tuple[str, int]]]:
    overrides = value.get("overrides") or []
    pairs = sorted((str(o.get("method")), int(o.get("minutes", 0))) for o in overrides)
    return bool(value.get("useDefault")), pairs


def _address(entry: Event) -> str:
    return str(entry.get("email") or "").casefold()


def _link(session: Session, activity_id: int) -> CalendarLink | None:
    return session.scalar(select(CalendarLink).where(CalendarLink.activity_id == activity_id))
