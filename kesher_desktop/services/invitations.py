"""Invitations to meetings and calls by e-mail: queued with the save, updated and cancelled.

`InvitationService.on_saved` is a hook of `ActivityService`: it runs inside the transaction
that saves, cancels, deletes or restores an activity, so an invitation is in the outbox
exactly when the change is in the store. It compares the activity with the ledger of what
each invitee was last sent (`InvitationSend`) and queues only what differs: a REQUEST when
the time, the place or the invitees changed, a CANCEL to whoever is no longer invited.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from kesher_desktop.clock import Clock
from kesher_desktop.db.store import Store
from kesher_desktop.models import (
    Activity,
    ActivityKind,
    CalendarMethod,
    Invitation,
    InvitationAnswer,
    InvitationSend,
    OutgoingMail,
    ParticipantRole,
    User,
)
from kesher_desktop.services.activities import ActivityService, person_view
from kesher_desktop.services.activity_views import PersonRef
from kesher_desktop.services.calendar_file import (
    CalendarEvent,
    CalendarPerson,
    calendar_text,
    read_replies,
)
from kesher_desktop.services.change_feed import ChangeFeed
from kesher_desktop.services.errors import NotFoundError, ServiceError
from kesher_desktop.services.invitation_views import (
    PRECEDENCE,
    Composer,
    InvitationMessage,
    InvitationState,
    InvitationStatus,
    InvitationText,
    InviteeState,
    plain_invitation,
)
from kesher_desktop.services.mail_outbox import MailDraft, MailOutbox
from kesher_desktop.services.tracking_tag import key_of, make_tag, tagged_address
from kesher_desktop.settings import SmtpSettings

log = logging.getLogger(__name__)

DEFAULT_CALL_MINUTES = 30
# A fingerprint is the version's hash cut to this length, this mark, and the moment's.
VERSION_LENGTH = 31
MOMENT_MARK = "."
INVITING_KINDS = (ActivityKind.MEETING, ActivityKind.CALL)


@dataclass
class _Plan:
    """The invitees of an activity as the ledger knows them, read in one session."""

    rows: dict[str, Invitation]  # by folded address
    last: dict[str, InvitationSend | None]
    sequence: int  # the highest SEQUENCE sent, -1 before the first

    @property
    def live(self) -> list[str]:
        """Who holds the activity in their calendar now."""
        return [folded for folded, send in self.last.items() if _holds(send)]


class InvitationService:
    """Sends, updates and cancels invitations; reads their state and the replies.

    `smtp` is asked at each save: with mail off nothing is queued and `state` says so.
    `google_sends` too (the setting google_sends_invitations): while it holds, an activity
    that is also in Google Calendar gets its invitations from Google, not from us.
    `changes` names the activity after a reply or a resend has been committed.
    `reply_mailbox` is the tracking mailbox's address, or "" without one: calendar programs
    send their answers to the ORGANIZER, so with a tracking mailbox the organizer's address
    is that mailbox's, tagged for the contact, where the poller hands the answers back;
    the name stays mine, and my own address receives everything else.
    """

    def __init__(
        self,
        store: Store,
        clock: Clock,
        outbox: MailOutbox,
        smtp: Callable[[], SmtpSettings | None],
        compose: Composer = plain_invitation,
        google_sends: Callable[[], bool] = lambda: False,
        reply_mailbox: Callable[[], str] = lambda: "",
    ) -> None:
        self._store = store
        self._clock = clock
        self._outbox = outbox
        self._reply_mailbox = reply_mailbox
        self._smtp = smtp
        self._compose = compose
        self._google_sends = google_sends
        self.changes = ChangeFeed()

    def attach(self, activities: ActivityService) -> None:
        """Run on every save of `activities`, inside its transaction."""
        activities.hooks.append(self.on_saved)

    # -- the hook ------------------------------------------------------------------------

    def on_saved(self, session: Session, activity: Activity) -> None:
        settings = self._smtp()
        if settings is None:
            return
        if activity.add_to_calendar and self._google_sends():
            # Google Calendar mails this one's invitees itself; ours would be a second.
            return
        self._sync(session, activity, settings)

    # -- reading -------------------------------------------------------------------------

    def state(self, activity_id: int) -> InvitationState:
        """Per invitee and overall: sent, pending, failed, not sent, or mail not set up."""
        settings = self._smtp()
        with self._store.session() as session:
            activity = session.get(Activity, activity_id)
            if activity is None:
                raise NotFoundError("activity_not_found", id=activity_id)
            plan = _plan(session, activity_id)
            # None: nothing is to be sent, so what was last sent stands as it is.
            wanted = None
            if settings is not None and (_wants(activity) or _withdrawn(activity)):
                wanted = _wanted(session, activity, settings)
            fingerprint = _fingerprint(activity, wanted or {})
            mails = _mails(session, plan)
            invitees = [
                _invitee_state(plan, folded, mails, wanted, fingerprint) for folded in plan.rows
            ]
            invitees += [
                InviteeState(
                    address=person.address,
                    name=person.name,
                    invited=True,
                    status=InvitationStatus.NOT_SENT,
                    method=None,
                    sequence=None,
                    error="",
                    answer=InvitationAnswer.NONE,
                )
                for folded, person in (wanted or {}).items()
                if folded not in plan.rows
            ]

        present = {invitee.status for invitee in invitees}
        overall = next((status for status in PRECEDENCE if status in present), None)
        if settings is None and (_wants(activity) or overall is not None):
            overall = InvitationStatus.MAIL_NOT_SET_UP
        return InvitationState(overall or InvitationStatus.NONE, tuple(invitees))

    def answers(self, activity_id: int) -> dict[str, InvitationAnswer]:
        """Each invitee's answer by case-folded address; those yet to answer are left out."""
        with self._store.session() as session:
            rows = session.execute(
                select(Invitation.folded, Invitation.answer).where(
                    Invitation.activity_id == activity_id,
                    Invitation.answer != InvitationAnswer.NONE,
                )
            ).all()
        return {folded: answer for folded, answer in rows}

    # -- acting --------------------------------------------------------------------------

    def resend(self, activity_id: int) -> int:
        """Send the activity's invitations again now; returns how many mails were queued.

        What changed while mail was off goes out as an update. When every invitee already
        has the current version (delivered or not), each is sent it once more, replacing a
        copy that has not gone yet: the user asks because someone says it never came.
        """
        settings = self._smtp()
        if settings is None:
            raise ServiceError("mail_not_set_up")
        with self._store.session() as session:
            activity = session.get(Activity, activity_id)
            if activity is None:
                raise NotFoundError("activity_not_found", id=activity_id)
            queued = self._sync(session, activity, settings)
            repeated = 0
            if not queued and _wants(activity):
                repeated = self._repeat(session, activity, settings)
            retried = 0
            if not queued and not repeated:
                # A cancelled activity: its cancels that have not gone yet are tried now.
                retried = self._retry_unsent(session, _plan(session, activity_id))
        log.info(
            "invitations resent activity=%s queued=%s repeated=%s retried=%s",
            activity_id,
            queued,
            repeated,
            retried,
        )
        self.changes.publish(activity_id)
        return queued + repeated + retried

    def record_reply(self, data: bytes) -> bool:
        """Take the answers of an iMIP reply (METHOD:REPLY) into the ledger.

        Returns whether it answered an invitation of ours. A reply older than the answer
        already kept (by SEQUENCE, then DTSTAMP) is ignored.
        """
        replies = read_replies(data)
        answered: set[int] = set()
        with self._store.session() as session:
            for reply in replies:
                row = session.scalar(
                    select(Invitation)
                    .join(Activity, Activity.id == Invitation.activity_id)
                    .where(
                        Activity.calendar_uid == reply.uid,
                        Invitation.folded == reply.address.casefold(),
                    )
                )
                if row is None or _older(reply.sequence, reply.stamp, row):
                    continue
                row.answer = reply.answer
                row.answer_sequence = reply.sequence
                row.answered_at = reply.stamp or self._clock.now()
                answered.add(row.activity_id)
                log.info(
                    "invitation answered activity=%s answer=%s",
                    row.activity_id,
                    reply.answer.value,
                )
        for activity_id in answered:
            self.changes.publish(activity_id)
        return bool(answered)

    # -- helpers -------------------------------------------------------------------------

    def _sync(self, session: Session, activity: Activity, settings: SmtpSettings) -> int:
        """Queue what the invitees' calendars lack; returns how many mails were queued."""
        plan = _plan(session, activity.id)
        if _wants(activity):
            return self._invite(session, activity, plan, settings)
        if plan.rows and _withdrawn(activity):
            return self._withdraw(session, activity, plan, settings)
        # Unticked: nothing more is sent, and what was sent stands.
        return 0

    def _invite(
        self, session: Session, activity: Activity, plan: _Plan, settings: SmtpSettings
    ) -> int:
        """A REQUEST to every invitee when the time, place or invitees changed; a CANCEL
        to each one taken off. Both carry the next SEQUENCE."""
        wanted = _wanted(session, activity, settings)
        fingerprint = _fingerprint(activity, wanted)
        removed = [folded for folded in plan.live if folded not in wanted]
        stale = [
            folded
            for folded in wanted
            if (send := plan.last.get(folded)) is None
            or not _holds(send)
            or not _same_version(send.fingerprint, fingerprint)
        ]
        if not stale and not removed:
            return 0

        for folded, person in wanted.items():
            if folded not in plan.rows:
                plan.rows[folded] = Invitation(activity_id=activity.id, folded=folded)
                plan.last[folded] = None
                session.add(plan.rows[folded])
            plan.rows[folded].address = person.address
            plan.rows[folded].name = person.name
        organizer = self._organizer(session, activity, settings)
        sequence = plan.sequence + 1
        for folded in wanted:
            # The update asks them again (PARTSTAT=NEEDS-ACTION) when the time or the place
            # moved, or when they are invited anew after a cancel.
            last = plan.last[folded]
            if last is not None and (not _holds(last) or _moved(last.fingerprint, fingerprint)):
                _forget_answer(plan.rows[folded], sequence)
        queued = 0
        for folded in removed:
            alone = (_person(plan.rows[folded]),)
            queued += self._queue(
                session,
                activity,
                plan,
                CalendarMethod.CANCEL,
                [folded],
                alone,
                organizer,
                removed=True,
                sequence=sequence,
            )
        queued += self._queue(
            session,
            activity,
            plan,
            CalendarMethod.REQUEST,
            list(wanted),
            tuple(wanted.values()),
            organizer,
            removed=False,
            sequence=sequence,
            fingerprint=fingerprint,
        )
        return queued

    def _withdraw(
        self, session: Session, activity: Activity, plan: _Plan, settings: SmtpSettings
    ) -> int:
        """A CANCEL to everyone who holds the activity in their calendar."""
        live = plan.live
        people = tuple(_person(plan.rows[folded]) for folded in live)
        return self._queue(
            session,
            activity,
            plan,
            CalendarMethod.CANCEL,
            live,
            people,
            self._organizer(session, activity, settings),
            removed=False,
            sequence=plan.sequence + 1,
        )

    def _repeat(self, session: Session, activity: Activity, settings: SmtpSettings) -> int:
        """The current version once more to every invitee, with the SEQUENCE it had.

        RFC 5546 raises SEQUENCE only for a change the attendee must answer again; the
        same version sent twice keeps it, so a calendar takes the copy as the event it
        holds (or adds it, if the first never came) and keeps the answer given to it.
        """
        plan = _plan(session, activity.id)
        wanted = _wanted(session, activity, settings)
        if not wanted or plan.sequence < 0:
            return 0
        return self._queue(
            session,
            activity,
            plan,
            CalendarMethod.REQUEST,
            list(wanted),
            tuple(wanted.values()),
            self._organizer(session, activity, settings),
            removed=False,
            sequence=plan.sequence,
            fingerprint=_fingerprint(activity, wanted),
            repeat=True,
        )

    def _organizer(
        self, session: Session, activity: Activity, settings: SmtpSettings
    ) -> CalendarPerson:
        """Me, named; at the tracking mailbox tagged for the contact when there is one."""
        mine = _my_address(session, settings)
        mailbox = self._reply_mailbox().strip()
        me = session.scalar(select(User).where(User.is_me.is_(True)))
        if not mailbox or me is None:
            return mine
        address = tagged_address(mailbox, make_tag(key_of(me), activity.contact_id))
        return CalendarPerson(address, mine.name or mine.address)

    def _retry_unsent(self, session: Session, plan: _Plan) -> int:
        """Make the invitees' mails that have not gone yet due now; returns how many."""
        unsent = [mail.id for mail in _mails(session, plan).values() if mail.sent_at is None]
        if unsent:
            session.execute(
                update(OutgoingMail)
                .where(OutgoingMail.id.in_(unsent), OutgoingMail.sent_at.is_(None))
                .values(next_attempt_at=self._clock.now())
            )
        return len(unsent)

    def _queue(
        self,
        session: Session,
        activity: Activity,
        plan: _Plan,
        method: CalendarMethod,
        recipients: list[str],
        attendees: tuple[CalendarPerson, ...],
        organizer: CalendarPerson,
        *,
        removed: bool,
        sequence: int,
        fingerprint: str = "",
        repeat: bool = False,
    ) -> int:
        """One mail per recipient, so a refused address fails alone and hides no one else's.

        A `repeat` is the version they hold sent again: it reads as an invitation, not as
        a change.
        """
        now = self._clock.now()
        texts: dict[bool, InvitationText] = {}
        calendars: dict[str, str] = {}
        _discard_unsent(session, [plan.last[folded] for folded in recipients])
        for folded in recipients:
            # Whoever is invited for the first time, or again, reads an invitation.
            last = plan.last[folded]
            is_update = method is CalendarMethod.REQUEST and not repeat and _holds(last)
            if is_update not in texts:
                texts[is_update] = self._compose(
                    _message(activity, method, is_update, removed, organizer, attendees)
                )
            text = texts[is_update]
            if text.summary not in calendars:
                calendars[text.summary] = calendar_text(
                    _event(activity, method, sequence, now, text.summary, organizer, attendees)
                )
            self._enqueue(
                session,
                plan,
                folded,
                text,
                calendars[text.summary],
                InvitationSend(
                    method=method,
                    sequence=sequence,
                    fingerprint=fingerprint,
                    queued_at=now,
                ),
            )
        plan.sequence = max(plan.sequence, sequence)
        session.flush()
        log.info(
            "invitation queued activity=%s method=%s sequence=%s recipients=%s",
            activity.id,
            method.value,
            sequence,
            len(recipients),
        )
        return len(recipients)

    def _enqueue(
        self,
        session: Session,
        plan: _Plan,
        folded: str,
        text: InvitationText,
        calendar: str,
        send: InvitationSend,
    ) -> None:
        row = plan.rows[folded]
        send.mail_id = self._outbox.enqueue(
            session,
            MailDraft(
                to=[row.address],
                subject=text.subject,
                text=text.text,
                html=text.html,
                calendar=calendar,
                calendar_method=send.method.value,
            ),
        )
        row.sends.append(send)
        plan.last[folded] = send


def _message(
    activity: Activity,
    method: CalendarMethod,
    is_update: bool,
    removed: bool,
    organizer: CalendarPerson,
    attendees: tuple[CalendarPerson, ...],
) -> InvitationMessage:
    starts_at, ends_at = _times(activity)
    return InvitationMessage(
        kind=activity.kind,
        method=method,
        is_update=is_update,
        removed=removed,
        title=_title(activity),
        starts_at=starts_at,
        ends_at=ends_at,
        location=activity.location,
        topics=activity.topics,
        organizer=organizer.name or organizer.address,
        attendees=tuple(person.name or person.address for person in attendees),
    )


def _event(
    activity: Activity,
    method: CalendarMethod,
    sequence: int,
    stamp: datetime,
    summary: str,
    organizer: CalendarPerson,
    attendees: tuple[CalendarPerson, ...],
) -> CalendarEvent:
    starts_at, ends_at = _times(activity)
    return CalendarEvent(
        uid=_uid(activity),
        method=method,
        sequence=sequence,
        stamp=stamp,
        starts_at=starts_at,
        ends_at=ends_at,
        summary=summary,
        description=activity.topics,
        location=activity.location,
        organizer=organizer,
        attendees=attendees,
    )


def _holds(send: InvitationSend | None) -> bool:
    """Whether the last thing sent to an invitee left the event in their calendar."""
    return send is not None and send.method is CalendarMethod.REQUEST


def _plan(session: Session, activity_id: int) -> _Plan:
    rows = session.scalars(
        select(Invitation)
        .where(Invitation.activity_id == activity_id)
        .options(selectinload(Invitation.sends))
        .order_by(Invitation.id)
    ).all()
    by_address = {row.folded: row for row in rows}
    last = {row.folded: (row.sends[-1] if row.sends else None) for row in rows}
    sequence = max((send.sequence for row in rows for send in row.sends), default=-1)
    return _Plan(by_address, last, sequence)


def _wants(activity: Activity) -> bool:
    """Whether the activity is one its invitees should hold in their calendars now."""
    return (
        activity.send_invitation
        and activity.kind in INVITING_KINDS
        and activity.starts_at is not None
        and activity.cancelled_at is None
        and activity.deleted_at is None
    )


def _withdrawn(activity: Activity) -> bool:
    """Cancelled or deleted: whoever holds the invitation is sent a cancel."""
    return activity.cancelled_at is not None or activity.deleted_at is not None


def _my_address(session: Session, settings: SmtpSettings) -> CalendarPerson:
    """Me: my name, and my address, or the one mail is sent from."""
    me = session.scalar(select(User).where(User.is_me.is_(True)))
    name = me.name if me else ""
    address = (me.email.strip() if me else "") or settings.sender
    return CalendarPerson(address, name)


def _wanted(
    session: Session, activity: Activity, settings: SmtpSettings | None
) -> dict[str, CalendarPerson]:
    """The contact and every participant with an address, but me; by folded address."""
    if settings is None or not _wants(activity):
        return {}
    mine = {_my_address(session, settings).address.casefold(), settings.sender.casefold()}
    refs = [PersonRef("contact", activity.contact_id)]
    for participant in activity.participants:
        if participant.role is not ParticipantRole.PARTICIPANT:
            continue
        if participant.user_id is not None:
            refs.append(PersonRef("user", participant.user_id))
        elif participant.contact_id is not None:
            refs.append(PersonRef("contact", participant.contact_id))

    people: dict[str, CalendarPerson] = {}
    for ref in dict.fromkeys(refs):
        if ref.kind == "user":
            user = session.get(User, ref.id)
            if user is None or user.is_me:
                continue
        view = person_view(session, ref)
        address = view.email.strip()
        if address and address.casefold() not in mine:
            people.setdefault(address.casefold(), CalendarPerson(address, view.name))
    return people


def _times(activity: Activity) -> tuple[datetime, datetime]:
    """A meeting's start and end; a call's start and its length, 30 minutes if none is set."""
    assert activity.starts_at is not None
    if activity.kind is ActivityKind.MEETING and activity.ends_at is not None:
        return activity.starts_at, activity.ends_at
    minutes = activity.duration_minutes or DEFAULT_CALL_MINUTES
    return activity.starts_at, activity.starts_at + timedelta(minutes=minutes)


def _fingerprint(activity: Activity, wanted: dict[str, CalendarPerson]) -> str:
    """What an update is sent for, in the ledger's 64 characters: the time, the place and
    who is invited, then the time and place alone.

    The second part tells a move, which asks every invitee to answer again, from a change
    of invitees, which does not. Fingerprints written before it are a whole SHA-256 of the
    first kind; the first part is the start of that same hash, so they still compare.
    """
    if activity.starts_at is None:
        return ""
    starts_at, ends_at = _times(activity)
    moment = [starts_at.isoformat(), ends_at.isoformat(), activity.location.strip()]
    version = _digest([*moment, *sorted(wanted)])[:VERSION_LENGTH]
    return f"{version}{MOMENT_MARK}{_digest(moment)[:32]}"


def _digest(parts: list[str]) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _same_version(sent: str, current: str) -> bool:
    return sent[:VERSION_LENGTH] == current[:VERSION_LENGTH]


def _moved(sent: str, current: str) -> bool:
    """Whether the time or the place differ from what was sent; unknown for an old row."""
    if sent[VERSION_LENGTH : VERSION_LENGTH + 1] != MOMENT_MARK:
        return False
    return sent[VERSION_LENGTH + 1 :] != current[VERSION_LENGTH + 1 :]


def _forget_answer(row: Invitation, sequence: int) -> None:
    """The invitee is asked again: their answer was to an older version, and a late reply
    to one (a lower SEQUENCE) is ignored from now on."""
    if row.answer is not InvitationAnswer.NONE:
        log.info("invitation answer reset activity=%s sequence=%s", row.activity_id, sequence)
    row.answer = InvitationAnswer.NONE
    row.answer_sequence = sequence
    row.answered_at = None


def _title(activity: Activity) -> str:
    if activity.title.strip():
        return activity.title.strip()
    return activity.topics.strip().split("\n", 1)[0].strip()


def _uid(activity: Activity) -> str:
    if not activity.calendar_uid:
        # Only a row written around the migration could lack one; it gets one for good.
        import uuid

        activity.calendar_uid = str(uuid.uuid4())
    return activity.calendar_uid


def _person(row: Invitation) -> CalendarPerson:
    return CalendarPerson(row.address, row.name)


def _discard_unsent(session: Session, superseded: list[InvitationSend | None]) -> None:
    """Stop earlier mails to these invitees that have not gone yet: the new one replaces
    them, and an invitee offline for a day should not find every version in between."""
    ids = [send.mail_id for send in superseded if send is not None]
    if ids:
        session.execute(
            update(OutgoingMail)
            .where(OutgoingMail.id.in_(ids), OutgoingMail.sent_at.is_(None))
            .values(next_attempt_at=None)
        )


def _mails(session: Session, plan: _Plan) -> dict[int, OutgoingMail]:
    ids = [send.mail_id for send in plan.last.values() if send is not None]
    if not ids:
        return {}
    return {
        mail.id: mail
        for mail in session.scalars(select(OutgoingMail).where(OutgoingMail.id.in_(ids)))
    }


def _mail_status(mail: OutgoingMail | None) -> tuple[InvitationStatus, str]:
    if mail is None:
        return InvitationStatus.FAILED, "mail not found"
    if mail.sent_at is not None:
        return InvitationStatus.SENT, ""
    if mail.next_attempt_at is None:
        return InvitationStatus.FAILED, mail.last_error or "discarded"
    if mail.attempts > 0:
        return InvitationStatus.FAILED, mail.last_error
    return InvitationStatus.PENDING, ""


def _invitee_state(
    plan: _Plan,
    folded: str,
    mails: dict[int, OutgoingMail],
    wanted: dict[str, CalendarPerson] | None,
    fingerprint: str,
) -> InviteeState:
    """`wanted` is None while mail is off: then who is invited is what was last sent."""
    row, send = plan.rows[folded], plan.last[folded]
    held = send is not None and send.method is CalendarMethod.REQUEST
    invited = held if wanted is None else folded in wanted
    if send is None:
        status, error = InvitationStatus.NOT_SENT, ""
    else:
        status, error = _mail_status(mails.get(send.mail_id))
        # Changed while mail was off: what they hold is out of date until the next send.
        changed = not _same_version(send.fingerprint, fingerprint)
        if wanted is not None and (held != invited or (held and changed)):
            status = InvitationStatus.NOT_SENT
    return InviteeState(
        address=row.address,
        name=row.name,
        invited=invited,
        status=status,
        method=send.method if send else None,
        sequence=send.sequence if send else None,
        error=error,
        answer=row.answer,
    )


def _older(sequence: int, stamp: datetime | None, row: Invitation) -> bool:
    """Whether a reply is older than the answer kept, or than the version last asked about."""
    if sequence != row.answer_sequence:
        return sequence < row.answer_sequence
    if row.answer is InvitationAnswer.NONE:
        return False
    return stamp is not None and row.answered_at is not None and stamp < row.answered_at
