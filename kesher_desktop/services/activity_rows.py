"""Reading the rows of the activities pane in three plain queries, not an ORM object graph.

Opening a contact with hundreds of activities must take milliseconds: one query for the
activities, one for everyone taking part in them and one counting their reminders.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import ColumnElement, Connection, bindparam, exists, func, or_, select

from kesher_desktop.clock import Clock
from kesher_desktop.models import (
    Activity,
    CalendarLink,
    Contact,
    Invitation,
    Participant,
    Reminder,
    User,
)
from kesher_desktop.services.activity_state import due_moment, state_of
from kesher_desktop.services.activity_views import ActivityRow, PersonRef, PersonView


def _statements(which: ColumnElement[bool]) -> tuple[Any, Any, Any]:
    chosen = select(Activity.id).where(which, Activity.deleted_at.is_(None))
    activities = select(
        Activity.id,
        Activity.contact_id,
        Activity.kind,
        Activity.title,
        Activity.starts_at,
        Activity.ends_at,
        Activity.due_date,
        Activity.done_at,
        Activity.cancelled_at,
        Activity.email_from,
        Activity.send_invitation,
        exists().where(Invitation.activity_id == Activity.id).label("has_invitations"),
        Activity.add_to_calendar,
        exists().where(CalendarLink.activity_id == Activity.id).label("has_calendar_link"),
    ).where(which, Activity.deleted_at.is_(None))
    people = (
        select(
            Participant.activity_id,
            Participant.user_id,
            Participant.contact_id,
            User.name,
            User.email,
            Contact.given_name,
            Contact.family_name,
            Contact.organisation,
        )
        .outerjoin(User, User.id == Participant.user_id)
        .outerjoin(Contact, Contact.id == Participant.contact_id)
        .where(Participant.activity_id.in_(chosen))
        .order_by(Participant.id)
    )
    reminders = (
        select(Reminder.activity_id, func.count())
        .where(Reminder.activity_id.in_(chosen))
        .group_by(Reminder.activity_id)
    )
    return activities, people, reminders


# Built once: composing these costs more than running them. A contact's activities are
# those planned with them and those they take part in, as another contact's guest.
FOR_CONTACT = _statements(
    or_(
        Activity.contact_id == bindparam("key"),
        Activity.id.in_(
            select(Participant.activity_id).where(Participant.contact_id == bindparam("key"))
        ),
    )
)
FOR_ACTIVITY = _statements(Activity.id == bindparam("key"))


def read_rows(
    connection: Connection, statements: tuple[Any, Any, Any], key: int, clock: Clock
) -> list[ActivityRow]:
    """ActivityRows for the activities the statements select by `key`, in query order."""
    activities, people, reminders = statements
    params = {"key": key}
    who: dict[int, list[PersonView]] = defaultdict(list)
    for row in connection.execute(people, params):
        who[row.activity_id].append(_person(row))
    counts: dict[int, int] = {row[0]: row[1] for row in connection.execute(reminders, params)}

    now = clock.now()
    rows = []
    for row in connection.execute(activities, params):
        due = due_moment(row.kind, row.starts_at, row.ends_at, row.due_date, clock.zone)
        rows.append(
            ActivityRow(
                id=row.id,
                contact_id=row.contact_id,
                kind=row.kind,
                title=row.title,
                starts_at=row.starts_at,
                ends_at=row.ends_at,
                due_date=row.due_date,
                state=state_of(due, row.done_at, row.cancelled_at, now),
                due=due,
                people=tuple(who.get(row.id, ())),
                reminder_count=counts.get(row.id, 0),
                done_at=row.done_at,
                email_from=row.email_from,
                invited=bool(row.send_invitation or row.has_invitations),
                in_calendar=bool(row.add_to_calendar or row.has_calendar_link),
            )
        )
    return rows


def _person(row: Any) -> PersonView:
    if row.user_id is not None:
        return PersonView(PersonRef("user", row.user_id), row.name, row.email)
    name = " ".join(part for part in (row.given_name, row.family_name) if part)
    return PersonView(PersonRef("contact", row.contact_id), name or row.organisation, "")
