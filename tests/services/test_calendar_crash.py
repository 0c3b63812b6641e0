"""A change saved by a process killed before it could push is pushed by the next, once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from kesher_desktop.clock import FrozenClock
from kesher_desktop.db.store import open_sqlite
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.calendar_status import SyncState
from tests.google_fake.calendar_scene import make_scene
from tests.google_fake.calendar_server import calendar_server

ROOT = Path(__file__).resolve().parents[2]

# Saves a meeting through the services, says so, and waits to be killed: never pushes.
SAVE_AND_HANG = textwrap.dedent(
    """
    import sys, time
    from datetime import UTC, datetime, timedelta
    from pathlib import Path
    from kesher_desktop.clock import FrozenClock
    from kesher_desktop.db.store import open_sqlite
    from kesher_desktop.models import ActivityKind
    from kesher_desktop.services.activities import ActivityDraft
    from kesher_desktop.services.bundle import Services
    from kesher_desktop.services.calendar_outbox import CalendarOutbox
    from kesher_desktop.services.contacts import ContactDraft

    store = open_sqlite(Path(sys.argv[1]))
    clock = FrozenClock(datetime(2026, 3, 10, 8, 0, tzinfo=UTC))
    services = Services.over(store, clock)
    CalendarOutbox(store, clock).attach(services.activities)
    contact = services.contacts.create(ContactDraft(given_name="דנה", family_name="לוי"))
    start = datetime(2026, 3, 12, 8, 0, tzinfo=UTC)
    activity = services.activities.create(
        contact,
        ActivityDraft(
            kind=ActivityKind.MEETING,
            title="נשמר לפני הקריסה",
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            add_to_calendar=True,
        ),
    )
    print(activity, flush=True)
    time.sleep(600)
    """
)


def test_a_change_saved_before_a_kill_is_pushed_once_by_the_next_worker(
    tmp_path: Path, clock: FrozenClock
) -> None:
    database = tmp_path / "crash.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", SAVE_AND_HANG, str(database)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "KESHER_HOME": str(tmp_path / "home")},
    )
    try:
        assert child.stdout is not None
        activity_id = int(child.stdout.readline())
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL

    store = open_sqlite(database)
    try:
        with calendar_server() as google:
            scene = make_scene(Services.over(store, clock), clock, google, contact_id=1)
            assert scene.state(activity_id).state is SyncState.WAITING

            assert scene.run().pushed == 1
            assert scene.run().pushed == 0
            assert len(scene.google.calls("POST")) == 1
            assert [e["summary"] for e in google.live().values()] == ["נשמר לפני הקריסה"]
            assert scene.state(activity_id).state is SyncState.SYNCED
    finally:
        store.close()
