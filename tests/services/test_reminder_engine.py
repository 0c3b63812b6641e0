"""The reminder engine on its real scheduler thread: on time, once, after sleep, with mail."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from kesher_desktop.clock import Clock, FrozenClock
from kesher_desktop.db.store import Store, open_sqlite
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.mail_outbox import MailOutbox
from kesher_desktop.services.reminder_engine import ReminderEngine
from kesher_desktop.services.reminders import FiredReminder
from tests.services.reminder_scene import JERUSALEM, add_meeting

# Long enough for a loaded CI machine; the engine's own delay is measured by the benchmark.
WAIT = 10.0


class Inbox:
    """What an engine delivered, collected from its thread."""

    def __init__(self) -> None:
        self.fired: list[FiredReminder] = []
        self._arrived = threading.Event()
        self._lock = threading.Lock()

    def __call__(self, fired: list[FiredReminder]) -> None:
        with self._lock:
            self.fired.extend(fired)
        self._arrived.set()

    def wait(self, timeout: float = WAIT) -> bool:
        arrived = self._arrived.wait(timeout)
        self._arrived.clear()
        return arrived


@pytest.fixture
def live(store: Store) -> Services:
    """Services on the real clock, as the running app has them."""
    return Services.over(store, Clock(JERUSALEM))


@pytest.fixture
def engines() -> Iterator[list[ReminderEngine]]:
    started: list[ReminderEngine] = []
    yield started
    for engine in started:
        engine.shutdown()


def start(engines: list[ReminderEngine], services: Services, inbox: Inbox, **kw) -> ReminderEngine:
    engine = ReminderEngine(services.reminders, services.clock, on_fired=inbox, **kw)
    services.activities.changes.subscribe(lambda _id: engine.rearm())
    engine.start()
    engines.append(engine)
    return engine


def soon(services: Services, seconds: float = 1.0) -> datetime:
    """A meeting start whose 15-minute reminder falls due in `seconds`."""
    return services.clock.now() + timedelta(minutes=15, seconds=seconds)


def test_a_reminder_fires_at_its_instant_once(live, contact_id, engines) -> None:
    meeting = add_meeting(live, contact_id, soon(live))
    inbox = Inbox()

    start(engines, live, inbox)

    assert inbox.wait()
    assert [f.activity_id for f in inbox.fired] == [meeting]
    assert inbox.fired[0].late_by == timedelta(0)
    # Two more heartbeats go by and nothing fires again.
    assert not inbox.wait(5)
    assert len(inbox.fired) == 1


def test_an_edit_moves_the_reminder(live, contact_id, engines) -> None:
    meeting = add_meeting(live, contact_id, live.clock.now() + timedelta(hours=3))
    inbox = Inbox()
    start(engines, live, inbox)
    assert not inbox.wait(2)

    draft = live.activities.draft_of(meeting)
    draft.starts_at = soon(live)
    draft.ends_at = draft.starts_at + timedelta(hours=1)
    live.activities.update(meeting, draft)

    assert inbox.wait()
    assert [f.activity_id for f in inbox.fired] == [meeting]


def test_a_reminder_of_a_done_activity_never_fires(live, contact_id, engines) -> None:
    meeting = add_meeting(live, contact_id, soon(live, 2))
    inbox = Inbox()
    start(engines, live, inbox)

    live.activities.set_done(meeting, True)

    assert not inbox.wait(5)
    assert inbox.fired == []


def test_a_reminder_missed_while_closed_comes_at_start_marked_late(
    store, live, contact_id, engines
) -> None:
    # Planned an hour ago, when its reminder was still ahead; the app was then closed.
    earlier = Services.over(store, FrozenClock(live.clock.now() - timedelta(hours=1)))
    meeting = add_meeting(earlier, contact_id, live.clock.now() - timedelta(minutes=5))
    inbox = Inbox()

    start(engines, live, inbox)

    assert inbox.wait()
    assert [f.activity_id for f in inbox.fired] == [meeting]
    assert timedelta(minutes=19) < inbox.fired[0].late_by < timedelta(minutes=21)


def test_after_a_sleep_the_heartbeat_catches_up(store, contact_id, engines) -> None:
    clock = FrozenClock(datetime.now(UTC), JERUSALEM)
    services = Services.over(store, clock)
    meeting = add_meeting(services, contact_id, clock.now() + timedelta(minutes=45))
    inbox = Inbox()
    start(engines, services, inbox)
    assert not inbox.wait(1)

    # The lid opens an hour later: the wall clock jumped past the reminder.
    clock.advance(timedelta(hours=1))

    assert inbox.wait()
    assert [f.activity_id for f in inbox.fired] == [meeting]
    assert inbox.fired[0].late_by > timedelta(minutes=29)


def test_two_engines_on_one_database_deliver_once(tmp_path, store, live, contact_id, engines):
    add_meeting(live, contact_id, soon(live))
    other_store = open_sqlite(tmp_path / "kesher.sqlite3")
    other = Services.over(other_store, Clock(JERUSALEM))
    first, second = Inbox(), Inbox()

    try:
        start(engines, live, first)
        start(engines, other, second)
        first.wait(4)
        second.wait(1)
        time.sleep(2)
    finally:
        for engine in engines:
            engine.shutdown()
        other_store.close()

    assert len(first.fired) + len(second.fired) == 1


def test_a_fired_reminder_queues_and_sends_its_mail(live, contact_id, engines) -> None:
    from kesher_desktop.services.mail_outbox import MailDraft
    from tests.mail_server import smtp_server

    add_meeting(live, contact_id, soon(live))
    outbox = MailOutbox(live.store, live.clock)
    sent = threading.Event()

    def queue(session, fired: FiredReminder) -> None:
        draft = MailDraft(["me@example.com"], f"Reminder {fired.title}", "text", "<p>html</p>")
        outbox.enqueue(session, draft)

    with smtp_server() as server:
        from kesher_desktop.services.secrets import SecretStore
        from kesher_desktop.services.smtp_sender import SmtpSender

        sender = SmtpSender(outbox, server.settings, SecretStore(allow_plain_file=True))
        start(
            engines,
            live,
            Inbox(),
            on_claim=queue,
            drain_mail=sender.drain,
            on_mail_sent=sent.set,
        )
        deadline = time.monotonic() + WAIT
        while not server.received and time.monotonic() < deadline:
            time.sleep(0.1)

    assert [r.recipients for r in server.received] == [["me@example.com"]]
    assert server.received[0].message["Subject"] == "Reminder פגישת היכרות"
    assert sent.is_set()
    assert outbox.failures() == []


def test_a_save_during_a_slow_claim_is_neither_skipped_nor_lost(
    live, contact_id, engines, monkeypatch, caplog
) -> None:
    add_meeting(live, contact_id, soon(live, 0.5))
    claiming = threading.Event()
    release = threading.Event()
    real_claim = live.reminders.claim_due

    def slow_claim(on_claim):
        fired = real_claim(on_claim)
        if fired and not claiming.is_set():
            claiming.set()
            release.wait(WAIT)
        return fired

    monkeypatch.setattr(live.reminders, "claim_due", slow_claim)
    inbox = Inbox()
    start(engines, live, inbox)
    assert claiming.wait(WAIT)

    # Saved while the first claim is still running: the save asks for a run at once.
    second = add_meeting(live, contact_id, soon(live, 0))
    time.sleep(0.5)
    release.set()

    deadline = time.monotonic() + WAIT
    while second not in [f.activity_id for f in inbox.fired] and time.monotonic() < deadline:
        inbox.wait(0.2)
    assert second in [f.activity_id for f in inbox.fired]
    assert "maximum number of running instances" not in caplog.text
