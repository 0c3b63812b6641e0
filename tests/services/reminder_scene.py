"""Small builders shared by the reminder tests: activities at wall-clock times in Israel."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from kesher_desktop.models import ActivityKind, ReminderAlert
from kesher_desktop.services.activities import ActivityDraft, PersonRef, ReminderEntry
from kesher_desktop.services.activity_views import PersonView
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.reminders import FiredReminder

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


def sample_fired(**changes: object) -> FiredReminder:
    """A fired reminder of a 10:00-11:00 meeting in Jerusalem (08:00Z, winter), on time."""
    starts_at = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
    fired = FiredReminder(
        alert_id=41,
        activity_id=7,
        contact_id=3,
        contact_name="דנה לוי",
        kind=ActivityKind.MEETING,
        title="Quarterly review",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=1),
        due_date=None,
        location="Herzl 12, Tel Aviv",
        participants=[
            PersonView(PersonRef("contact", 3), "דנה לוי", "dana@example.com"),
            PersonView(PersonRef("user", 1), "Noa Barak", "noa@example.com"),
        ],
        due_at=starts_at - timedelta(minutes=15),
        shown_at=starts_at - timedelta(minutes=15),
        late_by=timedelta(0),
        offset_minutes=15,
        notify_others=False,
        is_snooze=False,
    )
    return replace(fired, **changes)  # type: ignore[arg-type]
