"""A contact, the calendar sync wired to a real store and the fake Google, for the tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import Activity, ActivityKind
from kesher_desktop.services.activities import ActivityDraft, ReminderEntry
from kesher_desktop.services.activity_views import PersonRef
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.calendar_event import event_id
from kesher_desktop.services.calendar_outbox import CalendarOutbox
from kesher_desktop.services.calendar_status import ActivitySync, CalendarSyncStatus
from kesher_desktop.services.calendar_worker import CalendarSyncWorker, RunReport
from tests.google_fake.calendar_server import Event, FakeGoogle

START = datetime(2026, 3, 12, 8, 0, tzinfo=UTC)  # 10:00 in Jerusalem


@dataclass
class CalendarScene:
    services: Services
    clock: FrozenClock
    google: FakeGoogle
    outbox: CalendarOutbox
    worker: CalendarSyncWorker
    status: CalendarSyncStatus
    contact_id: int
    reconnects: list[str] = field(default_factory=list)
    google_sends: list[bool] = field(default_factory=lambda: [False])
    # The calendar the settings name, read by the worker and the status at each call.
    calendar: list[str] = field(default_factory=lambda: ["primary"])

    def use_calendar(self, calendar_id: str) -> None:
        """As if the user chose another calendar in Settings."""
        self.calendar[0] = calendar_id

    def meeting(self, **changes: Any) -> ActivityDraft:
        draft = ActivityDraft(
            kind=ActivityKind.MEETING,
            title="סקירה רבעונית",
            starts_at=START,
            ends_at=START + timedelta(hours=1),
            location="הרצל 12, תל אביב",
            topics="תקציב 2026",
            add_to_calendar=True,
            participants=[PersonRef("contact", self.contact_id)],
            reminders=[ReminderEntry(15), ReminderEntry(60)],
        )
        return _with(draft, changes)

    def task(self, **changes: Any) -> ActivityDraft:
        me = self.services.users.me().id
        draft = ActivityDraft(
            kind=ActivityKind.TASK,
            title="לשלוח הצעת מחיר",
            due_date=date(2026, 3, 29),
            add_to_calendar=True,
            responsible=[me],
        )
        return _with(draft, changes)

    def create(self, draft: ActivityDraft) -> int:
        return self.services.activities.create(self.contact_id, draft)

    def edit(self, activity_id: int, **changes: Any) -> None:
        draft = self.services.activities.draft_of(activity_id)
        self.services.activities.update(activity_id, _with(draft, changes))

    def event_id(self, activity_id: int) -> str:
        return event_id(self.activity(activity_id).calendar_uid)

    def event(self, activity_id: int) -> Event:
        """The activity's event in the calendar chosen now."""
        return self.google.events(self.calendar[0])[self.event_id(activity_id)]

    def activity(self, activity_id: int) -> Activity:
        with self.services.store.session() as session:
            activity = session.get(Activity, activity_id)
            assert activity is not None
            return activity

    def state(self, activity_id: int) -> ActivitySync:
        return self.status.state(activity_id)

    def run(self) -> RunReport:
        return self.worker.run_once()


def make_scene(
    services: Services, clock: FrozenClock, google: FakeGoogle, contact_id: int
) -> CalendarScene:
    outbox = CalendarOutbox(services.store, clock)
    outbox.attach(services.activities)
    reconnects: list[str] = []
    sends = [False]
    calendar = ["primary"]
    worker = CalendarSyncWorker(
        services.store,
        clock,
        services.activities,
        outbox,
        credentials=google.credentials,
        on_reconnect_needed=reconnects.append,
        calendar_id=lambda: calendar[0],
        google_sends=lambda: sends[0],
        api_base=google.base_url,
    )
    status = CalendarSyncStatus(
        services.store, clock, outbox, services.activities, calendar_id=lambda: calendar[0]
    )
    return CalendarScene(
        services, clock, google, outbox, worker, status, contact_id, reconnects, sends, calendar
    )


def _with(draft: ActivityDraft, changes: dict[str, Any]) -> ActivityDraft:
    for name, value in changes.items():
        setattr(draft, name, value)
    return draft
