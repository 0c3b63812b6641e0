"""Claiming due reminders: exactly once, across services, stores and processes."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from reminder_scene import add_meeting, fired_at, ledger, local, utc
from sqlalchemy import event, select, text
from sqlalchemy.orm import Session

from kesher_desktop.clock import FrozenClock
from kesher_desktop.db.store import Store, open_sqlite
from kesher_desktop.models import ActivityKind, ReminderAlert
from kesher_desktop.services.activities import ActivityDraft, PersonRef, ReminderEntry
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.reminder_times import SnoozeChoice
from kesher_desktop.services.reminders import FiredReminder, ReminderService

MEETING = local(2026, 3, 10, 12)  # 10:00Z
FIRES = utc(2026, 3, 10, 9, 45)


def test_a_due_reminder_is_claimed_exactly_once(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = add_meeting(services, contact_id, MEETING)
    clock.set(FIRES)

    assert fired_at(services) == [(meeting, FIRES)]
    assert fired_at(services) == []
    clock.advance(timedelta(days=3))
    assert fired_at(services) == []
    assert services.reminders.next_due() is None
    assert ledger(services) == [(meeting, "reminder", FIRES, "shown")]


def test_a_fired_reminder_says_what_when_where_and_with_whom(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    services.users.rename_me("נועה כהן", "noa@example.com")
    meeting = add_meeting(services, contact_id, MEETING, offsets=(15,), notify_others=True)
    clock.set(FIRES)

    [fired] = services.reminders.claim_due()

    assert fired.activity_id == meeting
    assert (fired.contact_id, fired.contact_name) == (contact_id, "דנה לוי")
    assert (fired.kind, fired.title, fired.location) == (
        ActivityKind.MEETING,
        "פגישת היכרות",
        "תל אביב",
    )
    assert (fired.starts_at, fired.ends_at) == (MEETING, MEETING + timedelta(hours=1))
    assert [(p.name, p.email) for p in fired.participants] == [
        ("נועה כהן", "noa@example.com"),
        ("דנה לוי", "dana.levi@example.com"),
    ]
    assert (fired.due_at, fired.shown_at, fired.late_by) == (FIRES, FIRES, timedelta(0))
    assert (fired.offset_minutes, fired.notify_others, fired.is_snooze) == (15, True, False)


def test_a_meeting_without_a_title_is_named_by_its_first_topic(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    draft = ActivityDraft(
        ActivityKind.CALL,
        starts_at=MEETING,
        topics="  לתאם חוזה\nומחיר",
        participants=[PersonRef("contact", contact_id)],
        reminders=[ReminderEntry(15)],
    )
    services.activities.create(contact_id, draft)
    clock.set(FIRES)
    assert [f.title for f in services.reminders.claim_due()] == ["לתאם חוזה"]


@pytest.mark.parametrize(
    ("after", "late_by"),
    [
        (timedelta(seconds=60), timedelta(0)),
        (timedelta(seconds=61), timedelta(seconds=61)),
        (timedelta(minutes=15), timedelta(minutes=15)),
    ],
)
def test_a_reminder_shown_after_its_instant_says_how_late(
    services: Services,
    clock: FrozenClock,
    contact_id: int,
    after: timedelta,
    late_by: timedelta,
) -> None:
    add_meeting(services, contact_id, MEETING)
    clock.set(FIRES + after)
    [fired] = services.reminders.claim_due()
    assert (fired.due_at, fired.shown_at, fired.late_by) == (FIRES, FIRES + after, late_by)


def test_two_reminders_at_one_instant_deliver_once(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    # 15 minutes before, once without and once with mail to the others: one delivery that
    # mails them.
    draft = ActivityDraft(
        ActivityKind.CALL,
        starts_at=MEETING,
        participants=[PersonRef("contact", contact_id)],
        reminders=[ReminderEntry(15), ReminderEntry(15, notify_others=True)],
    )
    services.activities.create(contact_id, draft)
    clock.set(FIRES)
    assert [f.notify_others for f in services.reminders.claim_due()] == [True]


def test_next_due_is_the_earliest_open_instant(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    assert services.reminders.next_due() is None
    first = add_meeting(services, contact_id, MEETING, offsets=(15, 60))
    add_meeting(services, contact_id, MEETING + timedelta(hours=2), offsets=(30,))
    assert services.reminders.next_due() == FIRES - timedelta(minutes=45)

    services.activities.set_done(first, True)
    assert services.reminders.next_due() == FIRES + timedelta(hours=1, minutes=45)

    # Past instants count too: the engine claims them at once.
    clock.set(FIRES + timedelta(hours=3))
    assert services.reminders.next_due() == FIRES + timedelta(hours=1, minutes=45)
    services.reminders.claim_due()
    assert services.reminders.next_due() is None


def test_on_claim_runs_inside_the_claiming_transaction(
    services: Services, store: Store, clock: FrozenClock, contact_id: int
) -> None:
    meeting = add_meeting(services, contact_id, MEETING)
    clock.set(FIRES)
    seen: list[tuple[int, int | None, int]] = []

    def on_claim(session: Session, fired: FiredReminder) -> None:
        mine = session.scalar(select(ReminderAlert.id).where(ReminderAlert.id == fired.alert_id))
        # Another connection cannot see the claim yet: it commits with what we do here.
        with store.engine.connect() as other:
            theirs = other.execute(text("SELECT count(*) FROM reminder_alerts")).scalar()
        seen.append((fired.activity_id, mine, theirs))

    [fired] = services.reminders.claim_due(on_claim)
    assert seen == [(meeting, fired.alert_id, 0)]


def test_a_failing_on_claim_claims_nothing(
    services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = add_meeting(services, contact_id, MEETING)
    clock.set(FIRES)

    def fail(session: Session, fired: FiredReminder) -> None:
        raise RuntimeError("mail queue unavailable")

    with pytest.raises(RuntimeError, match="mail queue"):
        services.reminders.claim_due(fail)
    assert ledger(services) == []
    assert services.reminders.next_due() == FIRES
    assert fired_at(services) == [(meeting, FIRES)]


def test_two_services_over_two_stores_on_one_file_deliver_once(
    services: Services, clock: FrozenClock, contact_id: int, tmp_path: Path
) -> None:
    for hours in range(5):
        add_meeting(services, contact_id, MEETING + timedelta(hours=hours))
    second_store = open_sqlite(tmp_path / "kesher.sqlite3")
    try:
        second = ReminderService(second_store, clock)
        delivered = []
        for step in range(6 * 4):
            clock.advance(timedelta(minutes=15))
            # Each goes first in turn.
            pair = [services.reminders, second] if step % 2 else [second, services.reminders]
            delivered += pair[0].claim_due() + pair[1].claim_due()
    finally:
        second_store.close()

    assert sorted(f.due_at for f in delivered) == [
        FIRES + timedelta(hours=hours) for hours in range(5)
    ]
    assert len({f.alert_id for f in delivered}) == 5


@pytest.mark.parametrize("what", ["reminder", "snooze"])
def test_a_copy_that_read_before_the_other_committed_does_not_deliver_again(
    services: Services, clock: FrozenClock, contact_id: int, tmp_path: Path, what: str
) -> None:
    meeting = add_meeting(services, contact_id, MEETING)
    clock.set(FIRES)
    if what == "snooze":
        [fired] = services.reminders.claim_due()
        services.reminders.snooze(fired.alert_id, SnoozeChoice.FIVE_MINUTES)
        clock.advance(timedelta(minutes=5))

    second_store = open_sqlite(tmp_path / "kesher.sqlite3")
    second = ReminderService(second_store, clock)
    second_has_read = threading.Event()

    # The second has read once it looked for due reminders, or due snoozes.
    due_query = "FROM reminders JOIN" if what == "reminder" else "FROM reminder_alerts JOIN"

    @event.listens_for(second_store.engine, "after_cursor_execute")
    def _read(conn: object, cursor: object, statement: str, *args: object) -> None:
        if due_query in statement:
            second_has_read.set()

    second_got: list[list[FiredReminder]] = []
    racer = threading.Thread(target=lambda: second_got.append(second.claim_due()))

    def let_the_second_read(session: Session, fired: FiredReminder) -> None:
        # The first holds its claim uncommitted while the second reads what is due.
        racer.start()
        assert second_has_read.wait(10)

    try:
        first_got = services.reminders.claim_due(let_the_second_read)
        racer.join(10)
    finally:
        second_store.close()

    assert [f.activity_id for f in first_got] == [meeting]
    assert second_got == [[]]


CLAIMER = """
import json, sys, time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo
from kesher_desktop.clock import FrozenClock
from kesher_desktop.db.store import open_sqlite
from kesher_desktop.services.reminders import ReminderService

database, now, go = Path(sys.argv[1]), datetime.fromisoformat(sys.argv[2]), Path(sys.argv[3])
store = open_sqlite(database)
service = ReminderService(store, FrozenClock(now, ZoneInfo("Asia/Jerusalem")))
while not go.exists():
    time.sleep(0.005)
claimed = []
for _ in range(20):
    claimed += [fired.alert_id for fired in service.claim_due()]
store.close()
print(json.dumps(claimed))
"""


def test_two_processes_claiming_at_once_deliver_once(
    services: Services, clock: FrozenClock, contact_id: int, tmp_path: Path
) -> None:
    count = 40
    for minutes in range(count):
        add_meeting(services, contact_id, MEETING + timedelta(minutes=minutes), offsets=(15,))
    go = tmp_path / "go"
    now = (FIRES + timedelta(hours=1)).isoformat()
    claimers = [
        subprocess.Popen(
            [sys.executable, "-c", CLAIMER, str(tmp_path / "kesher.sqlite3"), now, str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    # Both are up and waiting before either may start.
    time.sleep(1.0)
    go.touch()
    outputs = [claimer.communicate(timeout=60) for claimer in claimers]

    assert [claimer.returncode for claimer in claimers] == [0, 0], outputs
    claimed = [json.loads(out) for out, _ in outputs]
    everything = claimed[0] + claimed[1]
    assert len(everything) == count
    assert len(set(everything)) == count
    assert len(ledger(services)) == count


def test_the_due_queries_walk_the_index(store: Store) -> None:
    from sqlalchemy import literal_column

    from kesher_desktop.services import reminders

    statement = reminders._due_reminders(utc(2026, 3, 10, 8)).add_columns(literal_column("1"))
    sql = str(statement.compile(store.engine, compile_kwargs={"literal_binds": True}))
    with store.reading() as connection:
        plan = " ".join(row[3] for row in connection.execute(text("EXPLAIN QUERY PLAN " + sql)))
    assert "USING INDEX ix_reminders_due (settled=? AND fire_at>? AND fire_at<?)" in plan
    assert "SCAN" not in plan
