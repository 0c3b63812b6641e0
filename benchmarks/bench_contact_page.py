"""Speed of the contact page on a large store; prints the figures the issue sets targets for.

    python benchmarks/bench_contact_page.py [--contacts N] [--activities N]

The store (100,000 contacts and 1,000,000 activities by default) is built once under
benchmarks/out/ and reused while its counts match. Figures: cold start to a painted contact
list, search keystroke to updated list, opening a contact with 200 activities, saving an
activity, import throughput and peak memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import sample_store  # noqa: E402
from sqlalchemy import delete  # noqa: E402

from kesher_desktop.clock import Clock  # noqa: E402
from kesher_desktop.models import Activity, ActivityKind  # noqa: E402
from kesher_desktop.services.bundle import Services  # noqa: E402

# The last one is a phone's last digits, found through the backwards index (four or more).
TYPED = ["דנה לוי", "avi", "052-7", "acme", "מזרחי", "dana.12", "123-4567"]
START_RUNS = 5


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--activities", type=int, default=1_000_000)
    parser.add_argument("--import-count", type=int, default=20_000)
    options = parser.parse_args(argv)

    home = HERE / "out" / "home"
    database = home / "data" / "kesher.sqlite3"
    began = time.perf_counter()
    store = sample_store.build(database, options.contacts, options.activities)
    print(
        f"store: {options.contacts:,} contacts, {options.activities:,} activities "
        f"(ready in {time.perf_counter() - began:.1f} s)"
    )

    painted, ready = cold_start(home)
    print(
        f"cold start to painted contact list: median {painted:.2f} s over {START_RUNS} runs"
        " (target <= 1.0 s)"
    )
    print(f"cold start to the first contact's page: median {ready:.2f} s")

    from PySide6.QtWidgets import QApplication

    from kesher_desktop.settings import Settings
    from kesher_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    services = Services.over(store, Clock())
    window = MainWindow(Settings())
    window.attach_services(services)
    window.show()
    app.processEvents()

    keystrokes = search_keystrokes(app, window)
    print(
        f"search keystroke to updated list: median {statistics.median(keystrokes):.1f} ms, "
        f"p95 {percentile(keystrokes, 95):.1f} ms over {len(keystrokes)} keystrokes "
        "(target p95 <= 16 ms)"
    )

    opening = open_contact(app, window)
    print(
        f"open a contact with {sample_store.BIG_CONTACT_ACTIVITIES} activities: "
        f"median {statistics.median(opening):.1f} ms, max {max(opening):.1f} ms "
        "(target <= 50 ms)"
    )

    saving = save_activity(app, window, services)
    print(
        f"save an activity: median {statistics.median(saving):.1f} ms, "
        f"p95 {percentile(saving, 95):.1f} ms (target <= 30 ms)"
    )

    throughput = import_throughput(options.import_count)
    print(f"import throughput: {throughput:,.0f} contacts/s (target >= 5,000)")

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB (target <= 250 MB)")
    window.close()
    store.close()
    return 0


def cold_start(home: Path) -> tuple[float, float]:
    """Seconds from launch to the painted contact list and to the contact page, medians.

    Timed from outside, from the launch to each line the app prints at those moments, so
    the interpreter's own start-up counts too.
    """
    environment = dict(os.environ, KESHER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    painted_runs, ready_runs = [], []
    for _ in range(START_RUNS):
        launched = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "kesher_desktop", "--measure-startup"],
            env=environment,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        seen = {}
        for line in process.stdout:
            seen[line.split()[0]] = time.perf_counter() - launched
        process.wait(timeout=60)
        if set(seen) != {"painted-contact-list-seconds", "contact-page-ready-seconds"}:
            raise RuntimeError(f"the app did not report its start-up: {seen!r}")
        painted_runs.append(seen["painted-contact-list-seconds"])
        ready_runs.append(seen["contact-page-ready-seconds"])
    return statistics.median(painted_runs), statistics.median(ready_runs)


def search_keystrokes(app: object, window: object) -> list[float]:
    """Milliseconds from each keystroke to the repainted list."""
    search = window.contact_list.search  # type: ignore[attr-defined]
    viewport = window.contact_list.view.viewport()  # type: ignore[attr-defined]
    timings = []
    for phrase in TYPED:
        search.clear()
        app.processEvents()  # type: ignore[attr-defined]
        for length in range(1, len(phrase) + 1):
            began = time.perf_counter()
            search.setText(phrase[:length])
            viewport.repaint()
            timings.append((time.perf_counter() - began) * 1000)
    search.clear()
    return timings


def open_contact(app: object, window: object) -> list[float]:
    page = window.contact_page  # type: ignore[attr-defined]
    timings = []
    for contact_id in (2, 1) * 6:
        began = time.perf_counter()
        page.show_contact(contact_id)
        page.repaint()
        if contact_id == 1:
            timings.append((time.perf_counter() - began) * 1000)
    return timings


def save_activity(app: object, window: object, services: Services) -> list[float]:
    """Milliseconds for the drawer's save: validation, the write and the refreshed pane."""
    drawer = window.drawer  # type: ignore[attr-defined]
    page = window.contact_page  # type: ignore[attr-defined]
    page.show_contact(1)
    timings, saved = [], []
    for number in range(20):
        drawer.open_new(1, ActivityKind.TASK)
        drawer.form.title.setText(f"משימה {number}")
        began = time.perf_counter()
        saved.append(drawer.save())
        page.repaint()
        timings.append((time.perf_counter() - began) * 1000)

    # Leave the store as built, so the next run reuses it and opens the same contact.
    with services.store.session() as session:
        session.execute(delete(Activity).where(Activity.id.in_(saved)))
    return timings


def import_throughput(count: int) -> float:
    import bench_import

    with tempfile.TemporaryDirectory() as folder:
        return bench_import.measure(Path(folder), count)


def percentile(values: list[float], share: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share / 100 * (len(ordered) - 1)))]


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
