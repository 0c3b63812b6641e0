"""Measures how many contacts a second the importer takes in from a Google Contacts CSV.

Writes N invented people (default 20,000; about one in a hundred repeats an earlier one, so
merging is measured too) to a CSV in a temporary folder, imports it into a fresh store and
prints `import throughput: X contacts/s`. Run: python benchmarks/bench_import.py [--count N]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from kesher_desktop.clock import FrozenClock
from kesher_desktop.db.store import open_sqlite
from kesher_desktop.services.importing import ContactImporter, ImportReport
from kesher_desktop.services.importing.importer import DEFAULT_BATCH_SIZE

GIVEN = ["דנה", "יוסי", "נועה", "אבי", "שרה", "משה", "Dana", "Yossi", "Noa", "Avi", "Tamar"]
FAMILY = ["לוי", "כהן", "מזרחי", "פרץ", "ביטון", "Levi", "Cohen", "Mizrahi", "Peretz"]
LATIN = {"דנה": "dana", "יוסי": "yossi", "נועה": "noa", "אבי": "avi", "שרה": "sara"}
COMPANIES = ["", "", "לוי ייעוץ", "Cohen Ltd", "מזרחי הנדסה", "Peretz & Sons"]
LABELS = ["* myContacts", "* myContacts ::: לקוחות", "* myContacts ::: VIP ::: ספקים"]
HEADER = [
    "Name",
    "Given Name",
    "Family Name",
    "Birthday",
    "Notes",
    "Group Membership",
    "E-mail 1 - Type",
    "E-mail 1 - Value",
    "Phone 1 - Type",
    "Phone 1 - Value",
    "Phone 2 - Type",
    "Phone 2 - Value",
    "Organization 1 - Name",
    "Organization 1 - Title",
]


def person_row(index: int, rng: random.Random) -> list[str]:
    """One invented person; index makes the e-mail and phones unique."""
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    local = f"{LATIN.get(given, given.lower())}.{index}"
    mobile = f"05{index % 10}-{1_000_000 + index:07d}"
    work = f"+972 3-{5_000_000 + index:07d}" if index % 2 else ""
    birthday = f"{rng.randint(1950, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return [
        f"{given} {family}",
        given,
        family,
        birthday if index % 3 == 0 else "",
        "פגישה ראשונה במשרד" if index % 5 == 0 else "",
        rng.choice(LABELS),
        "* Work",
        f"{local}@example.com",
        "Mobile",
        mobile,
        "Work" if work else "",
        work,
        rng.choice(COMPANIES),
        "מנהלת" if index % 4 == 0 else "",
    ]


def write_csv(path: Path, count: int) -> None:
    rng = random.Random(20260310)
    rows: list[list[str]] = []
    for index in range(count):
        # About one row in a hundred is someone already in the file, as real exports have.
        if rows and index % 100 == 99:
            rows.append(list(rows[rng.randrange(len(rows))]))
        else:
            rows.append(person_row(index, rng))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)


def run(
    folder: Path, count: int, batch_size: int = DEFAULT_BATCH_SIZE
) -> tuple[ImportReport, float]:
    """Write `count` people to a CSV in `folder` and import it into a fresh store there.

    The report and the seconds the import took, reading the file included.
    """
    source = folder / "contacts.csv"
    write_csv(source, count)
    store = open_sqlite(folder / "bench.sqlite3")
    clock = FrozenClock(datetime(2026, 3, 10, 8, 0, tzinfo=UTC))
    importer = ContactImporter(store, clock, batch_size=batch_size)
    try:
        started = time.perf_counter()
        report = importer.import_paths([source])
        return report, time.perf_counter() - started
    finally:
        store.close()


def measure(folder: Path, count: int) -> float:
    """Contacts a second importing `count` people from a CSV into a fresh store in `folder`."""
    report, elapsed = run(folder, count)
    return report.total / elapsed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as folder:
        report, elapsed = run(Path(folder), args.count, args.batch_size)

    sys.stdout.write(
        f"imported {report.total} rows: created {report.created}, merged {report.merged}, "
        f"skipped {len(report.skipped)} in {elapsed:.2f} s\n"
        f"import throughput: {report.total / elapsed:,.0f} contacts/s\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
