"""Planning, editing and completing the activities on a contact."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session, selectinload

from kesher_desktop.clock import Clock
from kesher_desktop.db.store import Store
from kesher_desktop.models import (
    Activity,
    ActivityKind,
    Contact,
    Participant,
    ParticipantRole,
    Reminder,
    User,
)
from kesher_desktop.services.activity_rows import FOR_ACTIVITY, FOR_CONTACT, read_rows
from kesher_desktop.services.activity_views import (
    ActivityRow,
    LoggedEmail,
    PersonRef,
    PersonView,
)
from kesher_desktop.services.change_feed import ChangeFeed
from kesher_desktop.services.errors import NotFoundError, ServiceError, ValidationError
from kesher_desktop.services.reminder_arming import arm, settle_all, write_fire_times
from kesher_desktop.services.users import UserService
from kesher_desktop.services.validation import check_year

log = logging.getLogger(__name__)

MAX_REMINDER_MINUTES = 60 * 24 * 60
DEFAULT_MEETING_MINUTES = 60

# Run inside the transaction that writes an activity, after the write is flushed; what it
# adds (an invitation in the outbox) commits or rolls back with the change itself.
ActivityHook = Callable[[Session, Activity], None]


@dataclass(frozen=True)
class ReminderEntry:
    offset_minutes: int
    notify_others: bool = False


@dataclass
class ActivityDraft:
    """Everything the activity drawer edits, as plain values."""

    kind: ActivityKind
    title: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    due_date: date | None = None
    duration_minutes: int | None = None
    location: str = ""
    topics: str = ""
    send_invitation: bool = False
    add_to_calendar: bool = False
    done: bool = False
    participants: list[PersonRef] = field(default_factory=list)
    responsible: list[int] = field(default_factory=list)
    reminders: list[ReminderEntry] = field(default_factory=list)


class ActivityService:
    """Activity operations; each call is one short transaction.

    `changes` names each activity written, after its transaction has committed; the
    reminder engine listens to re-arm itself. `hooks` run inside the transaction of every
    create, update, cancel, delete and restore (the invitations are one).
    """

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._users = UserService(store)
        self.changes = ChangeFeed()
        self.hooks: list[ActivityHook] = []

    # -- drafts --------------------------------------------------------------------------

    def new_draft(self, contact_id: int, kind: ActivityKind) -> ActivityDraft:
        """A new activity as the form first shows it: me and the contact, the next hour."""
        me = self._users.me()
        start = _next_whole_hour(self._clock.now())
        if kind is ActivityKind.TASK:
            local_day = self._clock.local(self._clock.now()).date()
            return ActivityDraft(kind=kind, due_date=local_day, responsible=[me.id])
        draft = ActivityDraft(
            kind=kind,
            starts_at=start,
            participants=[PersonRef("user", me.id), PersonRef("contact", contact_id)],
        )
        if kind is ActivityKind.MEETING:
            draft.ends_at = start + timedelta(minutes=DEFAULT_MEETING_MINUTES)
        return draft

    def draft_of(self, activity_id: int) -> ActivityDraft:
        with self._store.session() as session:
            activity = self._load(session, activity_id)
            return _to_draft(activity)

    def do_again_draft(self, activity_id: int) -> ActivityDraft:
        """A copy of an activity planned anew from the next whole hour, not yet saved."""
        original = self.draft_of(activity_id)
        if original.kind is ActivityKind.EMAIL:
            raise ServiceError("email_is_read_only")
        copy = replace(original, done=False)
        start = _next_whole_hour(self._clock.now())
        if copy.kind is ActivityKind.TASK:
            if copy.starts_at is not None:
                copy.starts_at = start
            else:
                copy.due_date = self._clock.local(self._clock.now()).date()
        else:
            length = (copy.ends_at - copy.starts_at) if copy.ends_at and copy.starts_at else None
            copy.starts_at = start
            copy.ends_at = start + length if length is not None else None
        return copy

    # -- writing -------------------------------------------------------------------------

    def create(self, contact_id: int, draft: ActivityDraft) -> int:
        now = self._clock.now()
        with self._store.session() as session:
            if session.get(Contact, contact_id) is None:
                raise NotFoundError("contact_not_found", id=contact_id)
            self._validate(session, draft)
            activity = Activity(contact_id=contact_id, kind=draft.kind, created_at=now)
            self._apply(activity, draft, now)
            session.add(activity)
            session.flush()
            arm(session, activity, now, self._clock.zone)
            self._run_hooks(session, activity)
        log.info("activity created id=%s kind=%s", activity.id, draft.kind)
        self.changes.publish(activity.id)
        return activity.id

    def update(self, activity_id: int, draft: ActivityDraft) -> None:
        now = self._clock.now()
        with self._store.session() as session:
            activity = self._load(session, activity_id)
            if activity.kind is ActivityKind.EMAIL:
                raise ServiceError("email_is_read_only")
            if draft.kind is not activity.kind:
                raise ValidationError("kind_cannot_change", field="kind")
            self._validate(session, draft)
            self._apply(activity, draft, now)
            session.flush()
            arm(session, activity, now, self._clock.zone)
            self._run_hooks(session, activity)
        log.info("activity updated id=%s", activity_id)
        self.changes.publish(activity_id)

    def log_email(
        self,
        contact_id: int,
        subject: str,
        sent_at: datetime,
        sender: str,
        to: str,
        cc: str,
        body: str,
        message_id: str = "",
    ) -> int:
        """Record a sent e-mail on a contact; such an activity is done and read-only."""
        now = self._clock.now()
        with self._store.session() as session:
            if session.get(Contact, contact_id) is None:
                raise NotFoundError("contact_not_found", id=contact_id)
            activity = Activity(
                contact_id=contact_id,
                kind=ActivityKind.EMAIL,
                title=subject,
                starts_at=sent_at,
                topics=body,
                email_from=sender,
                email_to=to,
                email_cc=cc,
                message_id=message_id,
                done_at=sent_at,
                created_at=now,
                updated_at=now,
            )
            session.add(activity)
            session.flush()
        self.changes.publish(activity.id)
        return activity.id

    def set_done(self, activity_id: int, done: bool) -> None:
        """Mark done, or undo that; a logged e-mail is always done."""
        with self._store.session() as session:
            activity = self._load(session, activity_id)
            if activity.kind is ActivityKind.EMAIL:
                raise ServiceError("email_is_read_only")
            activity.done_at = self._clock.now() if done else None
            activity.updated_at = self._clock.now()
            self._rearm(session, activity)
        log.info("activity id=%s done=%s", activity_id, done)
        self.changes.publish(activity_id)

    def set_cancelled(self, activity_id: int, cancelled: bool) -> None:
        with self._store.session() as session:
            activity = self._load(session, activity_id)
            if activity.kind is ActivityKind.EMAIL:
                raise ServiceError("email_is_read_only")
            activity.cancelled_at = self._clock.now() if cancelled else None
            activity.updated_at = self._clock.now()
            self._rearm(session, activity)
            self._run_hooks(session, activity)
        log.info("activity id=%s cancelled=%s", activity_id, cancelled)
        self.changes.publish(activity_id)

    def delete(self, activity_id: int) -> None:
        """Move to the bin; `restore` brings it back until the bin is emptied."""
        with self._store.session() as session:
            activity = self._load(session, activity_id)
            activity.deleted_at = self._clock.now()
            settle_all(activity)
            self._run_hooks(session, activity)
        log.info("activity deleted id=%s", activity_id)
        self.changes.publish(activity_id)

    def restore(self, activity_id: int) -> None:
        with self._store.session() as session:
            activity = self._load(session, activity_id, include_deleted=True)
            activity.deleted_at = None
            # Reopening counts as a save: a reminder due meanwhile is late only from now.
            activity.updated_at = self._clock.now()
            self._rearm(session, activity)
            self._run_hooks(session, activity)
        log.info("activity restored id=%s", activity_id)
        self.changes.publish(activity_id)

    # -- reading -------------------------------------------------------------------------

    def rows_for_contact(self, contact_id: int) -> list[ActivityRow]:
        """The contact's activities that are not deleted, open ones soonest first: those
        planned with the contact and those the contact takes part in."""
        with self._store.reading() as connection:
            rows = read_rows(connection, FOR_CONTACT, contact_id, self._clock)
        rows.sort(key=row_order)
        return rows

    def row(self, activity_id: int) -> ActivityRow:
        with self._store.reading() as connection:
            rows = read_rows(connection, FOR_ACTIVITY, activity_id, self._clock)
        if not rows:
            raise NotFoundError("activity_not_found", id=activity_id)
        return rows[0]

    def logged_email(self, activity_id: int) -> LoggedEmail:
        with self._store.session() as session:
            activity = self._load(session, activity_id)
            return LoggedEmail(
                activity.title,
                activity.email_from,
                activity.email_to,
                activity.email_cc,
                activity.starts_at,
                activity.topics,
            )

    def people(self, refs: list[PersonRef]) -> list[PersonView]:
        """Names and addresses of participants, in the order given."""
        with self._store.session() as session:
            return [person_view(session, ref) for ref in refs]

    # -- helpers -------------------------------------------------------------------------

    def _load(self, session: Session, activity_id: int, include_deleted: bool = False) -> Activity:
        activity = session.get(Activity, activity_id)
        if activity is None or (activity.deleted_at is not None and not include_deleted):
            raise NotFoundError("activity_not_found", id=activity_id)
        return activity

    def _run_hooks(self, session: Session, activity: Activity) -> None:
        if self.hooks:
            session.flush()
        for hook in self.hooks:
            hook(session, activity)

    def _rearm(self, session: Session, activity: Activity) -> None:
        """Closing settles the reminders; reopening arms them under the late rule again."""
        write_fire_times(activity, self._clock.zone)
        arm(session, activity, self._clock.now(), self._clock.zone)

    def _validate(self, session: Session, draft: ActivityDraft) -> None:
        draft.title = draft.title.strip()
        if len(draft.title) > 500:
            raise ValidationError("too_long", field="title", limit=500)
        if draft.kind is ActivityKind.EMAIL:
            raise ServiceError("email_is_read_only")
        self._check_years(draft)
        if draft.kind is ActivityKind.MEETING:
            _require(draft.starts_at, "starts_at")
            _require(draft.ends_at, "ends_at")
            assert draft.starts_at is not None and draft.ends_at is not None
            if draft.ends_at <= draft.starts_at:
                raise ValidationError("end_before_start", field="ends_at")
        elif draft.kind is ActivityKind.CALL:
            _require(draft.starts_at, "starts_at")
            if draft.duration_minutes is not None and draft.duration_minutes < 0:
                raise ValidationError("duration_negative", field="duration_minutes")
        elif draft.kind is ActivityKind.TASK:
            if not draft.title:
                raise ValidationError("task_needs_title", field="title")
            if draft.due_date is None and draft.starts_at is None:
                raise ValidationError("field_required", field="due_date")
            if not draft.responsible:
                raise ValidationError("task_needs_responsible", field="responsible")

        for ref in draft.participants:
            if ref.kind not in ("user", "contact"):
                raise ValidationError("unknown_participant", field="participants", id=ref.id)
            model = User if ref.kind == "user" else Contact
            if session.get(model, ref.id) is None:
                raise ValidationError("unknown_participant", field="participants", id=ref.id)
        for user_id in draft.responsible:
            if session.get(User, user_id) is None:
                raise ValidationError("unknown_participant", field="responsible", id=user_id)
        for reminder in draft.reminders:
            if not 0 <= reminder.offset_minutes <= MAX_REMINDER_MINUTES:
                raise ValidationError(
                    "reminder_out_of_range", field="reminders", limit=MAX_REMINDER_MINUTES
                )

    def _check_years(self, draft: ActivityDraft) -> None:
        """Every date the kind uses lies in the years people plan for (see `check_year`)."""
        day = self._local_day
        if draft.kind is ActivityKind.TASK:
            # A task's time of day belongs to its due date and is set in the same field.
            checks = [
                (draft.due_date, "due_out_of_range", "due_date"),
                (day(draft.starts_at), "due_out_of_range", "due_date"),
            ]
        else:
            checks = [(day(draft.starts_at), "start_out_of_range", "starts_at")]
            if draft.kind is ActivityKind.MEETING:
                checks.append((day(draft.ends_at), "end_out_of_range", "ends_at"))
        for value, code, field_name in checks:
            if value is not None:
                check_year(value, code, field_name)

    def _local_day(self, instant: datetime | None) -> date | None:
        return self._clock.local(instant).date() if instant is not None else None

    def _apply(self, activity: Activity, draft: ActivityDraft, now: datetime) -> None:
        activity.title = draft.title
        activity.starts_at = draft.starts_at
        activity.ends_at = draft.ends_at if draft.kind is ActivityKind.MEETING else None
        activity.due_date = draft.due_date if draft.kind is ActivityKind.TASK else None
        if draft.kind is ActivityKind.TASK and draft.starts_at is not None:
            activity.due_date = self._clock.local(draft.starts_at).date()
        activity.duration_minutes = draft.duration_minutes
        activity.location = draft.location.strip() if draft.kind is ActivityKind.MEETING else ""
        activity.topics = draft.topics
        activity.send_invitation = draft.send_invitation and draft.kind is not ActivityKind.TASK
        activity.add_to_calendar = draft.add_to_calendar
        if draft.done and activity.done_at is None:
            activity.done_at = now
        elif not draft.done:
            activity.done_at = None
        activity.updated_at = now

        people = [
            Participant(role=ParticipantRole.PARTICIPANT, **_ref_columns(ref))
            for ref in _unique_refs(draft.participants)
        ]
        people += [
            Participant(role=ParticipantRole.RESPONSIBLE, user_id=user_id)
            for user_id in dict.fromkeys(draft.responsible)
        ]
        activity.participants = people
        activity.reminders = [
            Reminder(offset_minutes=r.offset_minutes, notify_others=r.notify_others)
            for r in dict.fromkeys(draft.reminders)
        ]
        # Instants only; which reminders may still fire is `arm`'s call after the flush.
        write_fire_times(activity, self._clock.zone)


def _require(value: object, field_name: str) -> None:
    if value is None:
        raise ValidationError("field_required", field=field_name)


def _next_whole_hour(instant: datetime) -> datetime:
    return instant.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


def _ref(participant: Participant) -> PersonRef:
    if participant.user_id is not None:
        return PersonRef("user", participant.user_id)
    assert participant.contact_id is not None
    return PersonRef("contact", participant.contact_id)


def _ref_columns(ref: PersonRef) -> dict[str, int]:
    return {"user_id": ref.id} if ref.kind == "user" else {"contact_id": ref.id}


def _unique_refs(refs: list[PersonRef]) -> list[PersonRef]:
    return list(dict.fromkeys(refs))


def person_view(session: Session, ref: PersonRef) -> PersonView:
    """A participant's name and first e-mail address, read in the caller's session."""
    if ref.kind == "user":
        user = session.get(User, ref.id)
        if user is None:
            raise NotFoundError("unknown_participant", id=ref.id)
        return PersonView(ref, user.name, user.email)
    contact = session.get(Contact, ref.id, options=[selectinload(Contact.emails)])
    if contact is None:
        raise NotFoundError("unknown_participant", id=ref.id)
    email = contact.emails[0].address if contact.emails else ""
    return PersonView(ref, contact.display_name or contact.organisation, email)


def _to_draft(activity: Activity) -> ActivityDraft:
    participants = [
        _ref(p) for p in activity.participants if p.role is ParticipantRole.PARTICIPANT
    ]
    responsible = [
        p.user_id
        for p in activity.participants
        if p.role is ParticipantRole.RESPONSIBLE and p.user_id is not None
    ]
    return ActivityDraft(
        kind=activity.kind,
        title=activity.title,
        starts_at=activity.starts_at,
        ends_at=activity.ends_at,
        due_date=activity.due_date,
        duration_minutes=activity.duration_minutes,
        location=activity.location,
        topics=activity.topics,
        send_invitation=activity.send_invitation,
        add_to_calendar=activity.add_to_calendar,
        done=activity.done_at is not None,
        participants=participants,
        responsible=responsible,
        reminders=[ReminderEntry(r.offset_minutes, r.notify_others) for r in activity.reminders],
    )


def row_order(row: ActivityRow) -> tuple[int, float]:
    """Open rows soonest first, then closed ones most recent first."""
    if row.is_open:
        return (0, row.due.timestamp() if row.due else float("inf"))
    latest = row.done_at or row.due
    return (1, -latest.timestamp() if latest else 0.0)
