"""Cost and punctuality of the reminder engine; prints the figures the issue sets targets for.

    python benchmarks/bench_reminders.py [--idle-seconds N] [--pending N] [--fired N]

The app is started as `kesher_desktop.app` starts it (a main window over a SQLite store in a
temporary folder, then `start_reminders`), with 1,000 meetings whose reminders wait over the
next weeks. Figures: the process's CPU time over wall time while the event loop idles, next
to the same for a bare Qt event loop and for the window without the engine; the delay from
each reminder's due instant to its arrival on the UI thread; and how soon reminders that fell
due while the app was closed, or while the computer slept, arrive after the start or the
wake (target 5 s). A sleep is played by moving the engine's clock ahead at once, which is
what the engine sees on waking: no timer fired meanwhile and the wall clock jumped.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from PySide6.QtCore import QEventLoop, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import false, func, select  # noqa: E402

from kesher_desktop.clock import Clock, FrozenClock  # noqa: E402
from kesher_desktop.db.store import Store, open_sqlite  # noqa: E402
from kesher_desktop.models import ActivityKind, Reminder  # noqa: E402
from kesher_desktop.services.activities import ActivityDraft, ReminderEntry  # noqa: E402
from kesher_desktop.services.activity_views import PersonRef  # noqa: E402
from kesher_desktop.services.bundle import Services  # noqa: E402
from kesher_desktop.services.contact_values import ContactDraft  # noqa: E402
from kesher_desktop.services.reminders import FiredReminder  # noqa: E402

ZONE = ZoneInfo("Asia/Jerusalem")
OFFSET_MINUTES = 15
# 1,000 reminders on 100 contacts: ten on the page shown, as a real store would have, not
# 1,000 rows for the activities pane's own timer to re-read.
CONTACTS = 100
# Pending reminders start this far ahead, one every SPACING, so none fires while idling.
FIRST_PENDING = timedelta(hours=2)
SPACING = timedelta(minutes=40)
# The engine fires what is due at start and runs its first mail round; let that pass.
SETTLE_SECONDS = 2.0
# Timed reminders fall due from FIRST_DUE ahead, one every STAGGER.
FIRST_DUE = timedelta(seconds=1)
STAGGER = timedelta(milliseconds=100)
ARRIVAL_TIMEOUT_SECONDS = 15
# Reminders missed while closed, and missed during one sleep of SLEEP.
MISSED = 5
SLEEP = timedelta(minutes=30)


class SleepyClock(Clock):
    """The wall clock, which `sleep` moves ahead at once, as a suspended laptop finds it."""

    def __init__(self, zone: ZoneInfo) -> None:
        super().__init__(zone)
        self._slept = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self._slept

    def sleep(self, delta: timedelta) -> None:
        self._slept += delta


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--idle-seconds", type=float, default=30.0)
    parser.add_argument("--pending", type=int, default=1000)
    parser.add_argument("--fired", type=int, default=10)
    # The bare event loop runs in a child process, where no window or engine was ever made.
    parser.add_argument("--bare-loop", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)

    if options.bare_loop:
        QApplication([])
        print(f"{idle_cpu(options.idle_seconds):.6f}")
        return 0

    folder = Path(tempfile.mkdtemp(prefix="kesher-bench-reminders-"))
    # Settings, logs and anything the window writes stay in the temporary folder too.
    os.environ["KESHER_HOME"] = str(folder / "home")
    try:
        return run(options, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(options: argparse.Namespace, folder: Path) -> int:
    store = open_sqlite(folder / "kesher.sqlite3", folder / "backups")
    clock = SleepyClock(ZONE)
    services = Services.over(store, clock)
    began = time.perf_counter()
    plan_pending(services, options.pending)
    waiting = count_waiting(store)
    print(
        f"store: {waiting:,} pending reminders over the next "
        f"{(FIRST_PENDING + SPACING * options.pending).days} days "
        f"(created through ActivityService in {time.perf_counter() - began:.1f} s)"
    )

    plan_missed_while_closed(store, MISSED)

    bare = bare_loop_cpu(options.idle_seconds)
    print(f"idle CPU, a bare Qt event loop: {bare:.3f} %")

    from kesher_desktop.settings import Settings
    from kesher_desktop.ui.main_window import MainWindow
    from kesher_desktop.ui.reminder_wiring import start_reminders

    app = QApplication.instance() or QApplication([])
    window = MainWindow(Settings())
    window.attach_services(services)
    window.show()
    # The pages' first queued work (warming the search, building the page) is not idling.
    spin(SETTLE_SECONDS)
    without = idle_cpu(options.idle_seconds)
    print(f"idle CPU, the main window without the reminder engine: {without:.3f} %")

    arrivals = Arrivals(window)
    started = time.perf_counter()
    engine = start_reminders(window, services)
    if not arrivals.wait_for(MISSED, ARRIVAL_TIMEOUT_SECONDS):
        raise RuntimeError(f"only {len(arrivals.delays)} of {MISSED} missed reminders came")
    print(
        f"missed while closed, start of the engine to the UI thread: "
        f"{(max(arrivals.arrived) - started) * 1000:.1f} ms for {MISSED} reminders "
        "(target <= 5000 ms)"
    )
    arrivals.clear()
    spin(SETTLE_SECONDS)
    with_engine = idle_cpu(options.idle_seconds)
    print(
        f"idle CPU with {count_waiting(store):,} pending reminders: {with_engine:.3f} % "
        "(target < 1 %)"
    )
    if arrivals.delays:
        raise RuntimeError(f"{len(arrivals.delays)} reminders fired while idling")

    plan_due_soon(services, options.fired)
    if not arrivals.wait_for(options.fired, ARRIVAL_TIMEOUT_SECONDS):
        raise RuntimeError(f"only {len(arrivals.delays)} of {options.fired} reminders arrived")
    received = [d * 1000 for d in arrivals.delays]
    shown = [d * 1000 for d in arrivals.shown]
    print(
        f"due instant to the UI thread: median {statistics.median(received):.1f} ms, "
        f"max {max(received):.1f} ms over {len(received)} reminders (target <= 1000 ms)"
    )
    print(
        f"due instant to the reminders panel shown: median {statistics.median(shown):.1f} ms, "
        f"max {max(shown):.1f} ms"
    )

    arrivals.clear()
    plan_due_in(services, MISSED, SLEEP / 2)
    spin(SETTLE_SECONDS)
    woke = time.perf_counter()
    clock.sleep(SLEEP)
    if not arrivals.wait_for(MISSED, ARRIVAL_TIMEOUT_SECONDS):
        raise RuntimeError(f"only {len(arrivals.delays)} of {MISSED} reminders came on waking")
    print(
        f"missed during a {SLEEP.seconds // 60}-minute sleep, wake to the UI thread: "
        f"{(max(arrivals.arrived) - woke) * 1000:.1f} ms for {MISSED} reminders "
        "(target <= 5000 ms)"
    )

    engine.shutdown()
    window.close()
    app.processEvents()
    store.close()
    return 0


def plan_pending(services: Services, count: int) -> None:
    """Meetings with a 15-minute reminder, saved as the drawer saves them, one every SPACING."""
    me = services.users.me().id
    contacts = [
        services.contacts.create(ContactDraft(given_name=f"איש קשר {n}", family_name="לוי"))
        for n in range(CONTACTS)
    ]
    first = services.clock.now() + FIRST_PENDING
    for number in range(count):
        starts = first + SPACING * number
        contact = contacts[number % CONTACTS]
        services.activities.create(contact, meeting(me, contact, f"פגישה {number}", starts))


def plan_missed_while_closed(store: Store, count: int) -> None:
    """Meetings saved an hour ago whose reminders fell due 20 minutes ago, app closed."""
    now = datetime.now(UTC)
    earlier = Services.over(store, FrozenClock(now - timedelta(hours=1), ZONE))
    me = earlier.users.me().id
    contact = earlier.contacts.create(ContactDraft(given_name="רון", family_name="שמש"))
    for number in range(count):
        starts = now - timedelta(minutes=5)
        earlier.activities.create(contact, meeting(me, contact, f"פוספס {number}", starts))


def plan_due_in(services: Services, count: int, ahead: timedelta) -> None:
    """Meetings whose reminders fall due `ahead` from now."""
    me = services.users.me().id
    contact = services.contacts.create(ContactDraft(given_name="גל", family_name="אור"))
    starts = services.clock.now() + ahead + timedelta(minutes=OFFSET_MINUTES)
    for number in range(count):
        services.activities.create(contact, meeting(me, contact, f"בשינה {number}", starts))


def plan_due_soon(services: Services, count: int) -> None:
    """Meetings whose reminders fall due a second or two from now, saved from the UI thread."""
    me = services.users.me().id
    contact = services.contacts.create(ContactDraft(given_name="דנה", family_name="מזרחי"))
    first = services.clock.now() + FIRST_DUE + timedelta(minutes=OFFSET_MINUTES)
    for number in range(count):
        starts = first + STAGGER * number
        # create() publishes the change, on which the engine re-arms its next firing.
        services.activities.create(contact, meeting(me, contact, f"בקרוב {number}", starts))


def meeting(me: int, contact: int, title: str, starts: datetime) -> ActivityDraft:
    return ActivityDraft(
        kind=ActivityKind.MEETING,
        title=title,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        participants=[PersonRef("user", me), PersonRef("contact", contact)],
        reminders=[ReminderEntry(OFFSET_MINUTES)],
    )


def count_waiting(store: Store) -> int:
    with store.reading() as connection:
        query = select(func.count()).select_from(Reminder).where(Reminder.settled == false())
        return int(connection.execute(query).scalar() or 0)


class Arrivals(QObject):
    """Stands in for the window's `deliver_reminders`, timing each batch around it.

    Put in place before `start_reminders` connects the bridge to it: as a method of an
    object of the UI thread, the bridge's signal reaches it queued, like the real slot.
    """

    def __init__(self, window: object) -> None:
        super().__init__()
        self._deliver = window.deliver_reminders  # type: ignore[attr-defined]
        window.deliver_reminders = self.deliver  # type: ignore[attr-defined]
        self.delays: list[float] = []  # seconds from due instant to the UI thread
        self.shown: list[float] = []  # seconds from due instant to the panel shown
        self.arrived: list[float] = []  # perf_counter() at each arrival
        self._loop: QEventLoop | None = None
        self._wanted = 0

    def deliver(self, fired: list[FiredReminder]) -> None:
        arrived = datetime.now(UTC)
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("reminders reached the window off the UI thread")
        self._deliver(fired)
        shown = datetime.now(UTC)
        for reminder in fired:
            self.arrived.append(time.perf_counter())
            self.delays.append((arrived - reminder.due_at).total_seconds())
            self.shown.append((shown - reminder.due_at).total_seconds())
        if self._loop is not None and len(self.delays) >= self._wanted:
            self._loop.quit()

    def clear(self) -> None:
        self.delays.clear()
        self.shown.clear()
        self.arrived.clear()

    def wait_for(self, count: int, timeout: float) -> bool:
        self._wanted = count
        if len(self.delays) < count:
            self._loop = QEventLoop()
            QTimer.singleShot(round(timeout * 1000), self._loop.quit)
            self._loop.exec()
            self._loop = None
        return len(self.delays) >= count


def spin(seconds: float) -> None:
    """Run the event loop for `seconds`, as the app's own loop would between events."""
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def idle_cpu(seconds: float) -> float:
    """CPU time of the whole process (every thread) over wall time, in percent."""
    cpu, wall = time.process_time(), time.perf_counter()
    spin(seconds)
    return (time.process_time() - cpu) / (time.perf_counter() - wall) * 100


def bare_loop_cpu(seconds: float) -> float:
    done = subprocess.run(
        [sys.executable, __file__, "--bare-loop", "--idle-seconds", str(seconds)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(done.stdout.split()[-1])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
