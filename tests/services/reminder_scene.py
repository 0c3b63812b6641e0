"""Small builders shared by the reminder tests: activities at wall-clock times in Israel."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kesher_desktop.models import ActivityKind, ReminderAlert
from kesher_desktop.services.activities import ActivityDraft, PersonRef, ReminderEntry
from kesher_desktop.services.bundle import Services

JERUSALEM = ZoneInfo("Asia/Jerusalem")


def local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A wall-clock time in Jerusalem as the UTC instant the services store."""
    return datetime(year, month, day, hour, minute, tzinfo=JERUSALEM).astimezone(UTC)


def utc(year: int, month: int, day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def add_meeting(
    services: Services,
    contact_id: int,
    starts_at: datetime,
    offsets: tuple[int, ...] = (15,),
    title: str = "פגישת היכרות",
    notify_others: bool = False,
) -> int:
    me = services.users.me()
    draft = ActivityDraft(
        ActivityKind.MEETING,
        title=title,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=1),
        location="תל אביב",
        participants=[PersonRef("user", me.id), PersonRef("contact", contact_id)],
        reminders=[ReminderEntry(offset, notify_others) for offset in offsets],
    )
    return services.activities.create(contact_id, draft)


def add_task(
    services: Services, contact_id: int, due_date: date, offsets: tuple[int, ...] = (0,)
) -> int:
    draft = ActivityDraft(
        ActivityKind.TASK,
        title="לשלוח הצעת מחיר",
        due_date=due_date,
        responsible=[services.users.me().id],
        reminders=[ReminderEntry(offset) for offset in offsets],
    )
    return services.activities.create(contact_id, draft)


def fired_at(services: Services) -> list[tuple[int, datetime]]:
    """Claim what is due now; (activity id, due instant) of each delivery."""
    return [(f.activity_id, f.due_at) for f in services.reminders.claim_due()]


def ledger(services: Services) -> list[tuple[int, str, datetime, str]]:
    with services.store.session() as session:
        rows = session.scalars(select(ReminderAlert).order_by(ReminderAlert.id))
        return [(r.activity_id, str(r.source), r.due_at, str(r.outcome)) for r in rows]
