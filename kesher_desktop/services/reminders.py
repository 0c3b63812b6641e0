"""Claiming the reminders that fell due, exactly once, and what the user does with them.

The ledger (`ReminderAlert`) decides who delivers: a reminder is claimed by inserting its
row, which only one process can do, and a snooze by moving its row from pending to shown.
Whatever the caller does with a claimed reminder (queueing its mail) runs in the claiming
transaction, so a crash can lose neither half alone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, false, select, update
from sqlalchemy.orm import Session, selectinload

from kesher_desktop.clock import Clock
from kesher_desktop.db.store import Store
from kesher_desktop.models import (
    Activity,
    ActivityKind,
    AlertOutcome,
    AlertSource,
    Contact,
    Participant,
    Reminder,
    ReminderAlert,
    User,
)
from kesher_desktop.services.activities import ActivityService, person_view
from kesher_desktop.services.activity_views import PersonRef, PersonView
from kesher_desktop.services.change_feed import ChangeFeed
from kesher_desktop.services.errors import NotFoundError
from kesher_desktop.services.reminder_arming import arm, claim_insert, fire_time
from kesher_desktop.services.reminder_times import SnoozeChoice, snooze_until

log = logging.getLogger(__name__)

# Shown later than this after its instant, a reminder says how late it is.
LATE_AFTER = timedelta(seconds=60)
# Ids per IN (...) list, well under every backend's limit on bound parameters.
CHUNK = 500


@dataclass(frozen=True)
class FiredReminder:
    """A delivered reminder with what a notification or a mail says about its activity."""

    alert_id: int
    activity_id: int
    contact_id: int
    contact_name: str
    kind: ActivityKind
    title: str  # the title, or for a meeting or call without one the first line of topics
    starts_at: datetime | None
    ends_at: datetime | None
    due_date: date | None
    location: str
    participants: list[PersonView]
    due_at: datetime
    shown_at: datetime
    late_by: timedelta  # timedelta(0) when shown within LATE_AFTER of due_at
    offset_minutes: int | None
    notify_others: bool
    is_snooze: bool


ClaimHook = Callable[[Session, FiredReminder], None]


def late_by(due_at: datetime, shown_at: datetime, armed_at: datetime | None = None) -> timedelta:
    """How late a reminder was shown, counted from when it could first have been shown.

    That is its instant, or `armed_at` (the last save or reopening of its activity) when
    later: a reminder saved after its instant fires at once and is not late for it. An edit
    after the alert was shown leaves nothing to count, so it reads as shown on time.
    """
    since = due_at if armed_at is None else max(due_at, armed_at)
    late = shown_at - since
    return late if late > LATE_AFTER else timedelta(0)


class ReminderService:
    """Due reminders, their claiming and the open alerts of the reminders panel.

    `changes` names each activity whose alerts were claimed, dismissed or snoozed, after
    the commit, so the panel and the engine can refresh.
    """

    def __init__(
        self, store: Store, clock: Clock, activities: ActivityService | None = None
    ) -> None:
        self._store = store
        self._clock = clock
        # Shared with the window's service, so marking done is published to its listeners.
        self._activities = activities or ActivityService(store, clock)
        self.changes = ChangeFeed()

    # -- the engine's side ---------------------------------------------------------------

    def next_due(self) -> datetime | None:
        """The earliest instant at which `claim_due` would find something; may be past."""
        reminder = (
            select(Reminder.fire_at)
            .join(Activity, Activity.id == Reminder.activity_id)
            .where(_waiting(), _is_open())
            .order_by(Reminder.fire_at)
            .limit(1)
        )
        snooze = (
            select(ReminderAlert.due_at)
            .join(Activity, Activity.id == ReminderAlert.activity_id)
            .where(_pending_snooze(), _is_open())
            .order_by(ReminderAlert.due_at)
            .limit(1)
        )
        with self._store.reading() as connection:
            instants = [connection.execute(reminder).scalar(), connection.execute(snooze).scalar()]
        return min((i for i in instants if i is not None), default=None)

    def claim_due(self, on_claim: ClaimHook | None = None) -> list[FiredReminder]:
        """Claim everything due now, exactly once across processes, and return it.

        `on_claim` runs for each claimed reminder inside the claiming transaction; if it
        raises, nothing is claimed and the error propagates.
        """
        now = self._clock.now()
        with self._store.session() as session:
            claimed = self._claim_reminders(session, now) + self._claim_snoozes(session, now)
            _put_away_older(session, claimed, now)
            fired = _fired_all(session, claimed)
            if on_claim is not None:
                for reminder in fired:
                    on_claim(session, reminder)

        for reminder in fired:
            log.info(
                "reminder fired alert=%s activity=%s late_by=%s",
                reminder.alert_id,
                reminder.activity_id,
                reminder.late_by,
            )
            self.changes.publish(reminder.activity_id)
        return fired

    def refresh_fire_times(self) -> int:
        """Recompute the instants of the reminders still waiting, in the clock's zone.

        Run at start (it fills the instants of reminders saved before they were stored)
        and when the zone changes. Reminders already delivered or skipped are left alone:
        only an edit of their activity re-arms them. Returns how many instants changed.
        """
        zone = self._clock.zone
        now = self._clock.now()
        changed = 0
        with self._store.session() as session:
            waiting = session.scalars(
                select(Reminder)
                .where(Reminder.settled == false())
                .options(selectinload(Reminder.activity))
            ).all()
            never_armed: dict[int, Activity] = {}
            for reminder in waiting:
                instant = fire_time(reminder.activity, reminder.offset_minutes, zone)
                if instant == reminder.fire_at:
                    continue
                if reminder.fire_at is None:
                    never_armed[reminder.activity_id] = reminder.activity
                reminder.fire_at = instant
                changed += 1

            # Reminders from before the ledger fall under the late rule like a fresh save,
            # so years of old reminders do not all fire on the first start.
            session.flush()
            for activity in never_armed.values():
                arm(session, activity, now, zone)
        log.info("reminder instants refreshed changed=%s zone=%s", changed, zone)
        return changed

    # -- the panel's side ----------------------------------------------------------------

    def open_alerts(self) -> list[FiredReminder]:
        """Delivered alerts not yet put away whose activity is still to do; newest first."""
        with self._store.session() as session:
            alerts = session.scalars(
                select(ReminderAlert)
                .join(Activity, Activity.id == ReminderAlert.activity_id)
                .where(ReminderAlert.outcome == AlertOutcome.SHOWN, _is_open())
                .order_by(ReminderAlert.shown_at.desc(), ReminderAlert.id.desc())
            ).all()
            return _fired_all(session, alerts)

    def dismiss(self, alert_id: int) -> None:
        with self._store.session() as session:
            alert = _load_alert(session, alert_id)
            self._put_away(alert)
        self.changes.publish(alert.activity_id)

    def snooze(self, alert_id: int, choice: SnoozeChoice) -> datetime:
        """Put the alert away and bring its activity back at the chosen instant, returned.

        The snooze is a pending ledger row of its own. It mails no one but me again, even
        when the reminder notified the other participants.
        """
        now = self._clock.now()
        until = snooze_until(choice, now, self._clock.zone)
        with self._store.session() as session:
            alert = _load_alert(session, alert_id)
            self._put_away(alert)
            # Two alerts of one activity snoozed to the same instant come back once.
            session.execute(
                claim_insert(session).values(
                    activity_id=alert.activity_id,
                    source=AlertSource.SNOOZE,
                    due_at=until,
                    outcome=AlertOutcome.PENDING,
                    offset_minutes=alert.offset_minutes,
                    notify_others=False,
                    created_at=now,
                )
            )
        log.info("reminder snoozed alert=%s until=%s", alert_id, until)
        self.changes.publish(alert.activity_id)
        return until

    def mark_done(self, alert_id: int) -> None:
        """Mark the alert's activity done, under the activity service's rules, and put it away."""
        with self._store.session() as session:
            activity_id = _load_alert(session, alert_id).activity_id
        self._activities.set_done(activity_id, True)
        self.dismiss(alert_id)

    # -- helpers -------------------------------------------------------------------------

    def _claim_reminders(self, session: Session, now: datetime) -> list[ReminderAlert]:
        due = session.execute(_due_reminders(now)).all()

        # One delivery per activity and instant, mailing the others if any reminder says so.
        deliveries: dict[tuple[int, datetime], list[bool]] = {}
        offsets: dict[tuple[int, datetime], int] = {}
        for row in due:
            if row.open:
                key = (row.activity_id, row.fire_at)
                deliveries.setdefault(key, []).append(row.notify_others)
                offsets.setdefault(key, row.offset_minutes)

        claimed_ids: list[int] = []
        for (activity_id, fire_at), notify in deliveries.items():
            inserted = session.execute(
                claim_insert(session)
                .values(
                    activity_id=activity_id,
                    source=AlertSource.REMINDER,
                    due_at=fire_at,
                    outcome=AlertOutcome.SHOWN,
                    shown_at=now,
                    offset_minutes=offsets[(activity_id, fire_at)],
                    notify_others=any(notify),
                    created_at=now,
                )
                .returning(ReminderAlert.id)
            ).scalar()
            # None: another copy of the app claimed it first, or an edit kept a delivered time.
            if inserted is not None:
                claimed_ids.append(inserted)

        # Delivered here or elsewhere, or their activity closed: none of them waits any more.
        # Reopening an activity arms its reminders again.
        due_ids = [row.id for row in due]
        for start in range(0, len(due_ids), CHUNK):
            chunk = due_ids[start : start + CHUNK]
            session.execute(update(Reminder).where(Reminder.id.in_(chunk)).values(settled=True))
        return _alerts(session, claimed_ids)

    def _claim_snoozes(self, session: Session, now: datetime) -> list[ReminderAlert]:
        due = session.scalars(
            select(ReminderAlert.id)
            .join(Activity, Activity.id == ReminderAlert.activity_id)
            .where(_pending_snooze(), ReminderAlert.due_at <= now, _is_open())
        ).all()
        claimed_ids = []
        for alert_id in due:
            result = session.execute(
                update(ReminderAlert)
                .where(ReminderAlert.id == alert_id, ReminderAlert.outcome == AlertOutcome.PENDING)
                .values(outcome=AlertOutcome.SHOWN, shown_at=now)
            )
            if result.rowcount == 1:  # type: ignore[attr-defined]
                claimed_ids.append(alert_id)
        return _alerts(session, claimed_ids)

    def _put_away(self, alert: ReminderAlert) -> None:
        alert.outcome = AlertOutcome.DISMISSED
        alert.dismissed_at = self._clock.now()


def _is_open() -> ColumnElement[bool]:
    return and_(
        Activity.done_at.is_(None),
        Activity.cancelled_at.is_(None),
        Activity.deleted_at.is_(None),
    )


def _waiting() -> ColumnElement[bool]:
    # `settled = 0` rather than `IS 0`, so SQLite walks the (settled, fire_at) index.
    return and_(Reminder.settled == false(), Reminder.fire_at.is_not(None))


def _pending_snooze() -> ColumnElement[bool]:
    return and_(
        ReminderAlert.outcome == AlertOutcome.PENDING,
        ReminderAlert.source == AlertSource.SNOOZE,
    )


def _due_reminders(now: datetime) -> Select:
    """Waiting reminders whose instant has come, with whether their activity is open."""
    return (
        select(
            Reminder.id,
            Reminder.activity_id,
            Reminder.fire_at,
            Reminder.offset_minutes,
            Reminder.notify_others,
            _is_open().label("open"),
        )
        .join(Activity, Activity.id == Reminder.activity_id)
        .where(_waiting(), Reminder.fire_at <= now)
        .order_by(Reminder.fire_at, Reminder.id)
    )


def _fired_all(session: Session, alerts: list[ReminderAlert]) -> list[FiredReminder]:
    """The alerts as fired reminders, their activities and people read in a few queries."""
    activities: dict[int, Activity] = {}
    ids = list({alert.activity_id for alert in alerts})
    for start in range(0, len(ids), CHUNK):
        chunk = session.scalars(
            select(Activity)
            .where(Activity.id.in_(ids[start : start + CHUNK]))
            .options(selectinload(Activity.contact), selectinload(Activity.participants))
        )
        activities.update((activity.id, activity) for activity in chunk)
    # Held until the end: the session's identity map keeps only weak references.
    people = _load_people(session, list(activities.values()))
    fired = [_fired(session, alert, activities[alert.activity_id]) for alert in alerts]
    del people
    return fired


def _load_people(session: Session, activities: list[Activity]) -> list[object]:
    """Load every participant at once, so `person_view` then finds them in the session."""
    user_ids = {p.user_id for a in activities for p in a.participants if p.user_id}
    contact_ids = {p.contact_id for a in activities for p in a.participants if p.contact_id}
    loaded: list[object] = []
    for start in range(0, len(user_ids), CHUNK):
        chunk = list(user_ids)[start : start + CHUNK]
        loaded += session.scalars(select(User).where(User.id.in_(chunk)))
    for start in range(0, len(contact_ids), CHUNK):
        chunk = list(contact_ids)[start : start + CHUNK]
        loaded += session.scalars(
            select(Contact).where(Contact.id.in_(chunk)).options(selectinload(Contact.emails))
        )
    return loaded


def _fired(session: Session, alert: ReminderAlert, activity: Activity) -> FiredReminder:
    assert alert.shown_at is not None
    return FiredReminder(
        alert_id=alert.id,
        activity_id=activity.id,
        contact_id=activity.contact_id,
        contact_name=activity.contact.display_name or activity.contact.organisation,
        kind=activity.kind,
        title=_title(activity),
        starts_at=activity.starts_at,
        ends_at=activity.ends_at,
        due_date=activity.due_date,
        location=activity.location,
        participants=[person_view(session, ref) for ref in _people(activity.participants)],
        due_at=alert.due_at,
        shown_at=alert.shown_at,
        # Every path that arms reminders (save, undo of done or cancelled, restore) sets it.
        late_by=late_by(alert.due_at, alert.shown_at, activity.updated_at),
        offset_minutes=alert.offset_minutes,
        notify_others=alert.notify_others,
        is_snooze=alert.source is AlertSource.SNOOZE,
    )


def _alerts(session: Session, alert_ids: list[int]) -> list[ReminderAlert]:
    alerts: list[ReminderAlert] = []
    for start in range(0, len(alert_ids), CHUNK):
        chunk = alert_ids[start : start + CHUNK]
        alerts += session.scalars(select(ReminderAlert).where(ReminderAlert.id.in_(chunk)))
    return sorted(alerts, key=lambda alert: (alert.due_at, alert.id))


def _put_away_older(session: Session, claimed: list[ReminderAlert], now: datetime) -> None:
    """Leave one alert per activity in the panel: the newest of those just claimed.

    An activity re-timed while its old alert was still shown would otherwise be listed
    twice. The older alerts were delivered, so they are put away, not undone.
    """
    newest: dict[int, ReminderAlert] = {}
    for alert in sorted(claimed, key=lambda alert: (alert.due_at, alert.id)):
        newest[alert.activity_id] = alert
    for activity_id, alert in newest.items():
        session.execute(
            update(ReminderAlert)
            .where(
                ReminderAlert.activity_id == activity_id,
                ReminderAlert.outcome == AlertOutcome.SHOWN,
                ReminderAlert.id != alert.id,
            )
            .values(outcome=AlertOutcome.DISMISSED, dismissed_at=now)
        )


def _load_alert(session: Session, alert_id: int) -> ReminderAlert:
    alert = session.get(ReminderAlert, alert_id)
    if alert is None:
        raise NotFoundError("alert_not_found", id=alert_id)
    return alert


def _title(activity: Activity) -> str:
    if activity.title or activity.kind is ActivityKind.TASK:
        return activity.title
    return activity.topics.strip().split("\n", 1)[0].strip()


def _people(participants: list[Participant]) -> list[PersonRef]:
    refs = []
    for participant in participants:
        if participant.user_id is not None:
            refs.append(PersonRef("user", participant.user_id))
        elif participant.contact_id is not None:
            refs.append(PersonRef("contact", participant.contact_id))
    return list(dict.fromkeys(refs))
