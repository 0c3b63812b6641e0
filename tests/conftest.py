"""Fixtures shared by every test: a real SQLite store in a temporary folder and a set clock."""

from __future__ import annotations

import gc
import os
from collections.abc import Generator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

# Qt must not look for a display; set before anything imports PySide6.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kesher_desktop.clock import FrozenClock  # noqa: E402
from kesher_desktop.db.store import Store, open_sqlite  # noqa: E402
from kesher_desktop.services.bundle import Services  # noqa: E402
from kesher_desktop.services.contacts import (  # noqa: E402
    ContactDraft,
    EmailEntry,
    PhoneEntry,
)
from kesher_desktop.services.secrets import SecretStore  # noqa: E402

JERUSALEM = ZoneInfo("Asia/Jerusalem")
# Between tests, a cheap collection of the young objects each time and a full one this often.
FULL_COLLECTION_EVERY = 25

_tests_run = 0


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator:
    """Run the cyclic garbage collector between tests only, never inside one.

    A widget a test shows and drops is held only by reference cycles (pytest-qt keeps a weak
    reference), so the collector reclaims it whenever it happens to run. Run in the middle of
    the next steps, after the test body but before pytest-qt has closed its widgets, it
    deleted a visible dialog's C++ objects under shiboken and the process died of a
    segmentation fault (it did so, each time, in tests/ui/test_google_connect.py in the whole
    suite). Once teardown has closed every widget, collecting is safe.
    """
    global _tests_run
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        _tests_run += 1
        if _tests_run % FULL_COLLECTION_EVERY == 0:
            gc.collect()
        else:
            gc.collect(1)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep settings, logs and data of every test inside its own temporary folder."""
    monkeypatch.setenv("KESHER_HOME", str(tmp_path / "home"))


@pytest.fixture
def file_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    """keyrings.alt's file keyring in this test's folder, standing in for the system keyring.

    The app refuses a plain-file keyring; tests let it through with
    `SecretStore(allow_plain_file=True)`.
    """
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring" / "passwords.cfg")
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_sqlite(tmp_path / "kesher.sqlite3", tmp_path / "backups")
    yield opened
    opened.close()


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(datetime(2026, 3, 10, 8, 0, tzinfo=UTC), JERUSALEM)


@pytest.fixture
def services(store: Store, clock: FrozenClock) -> Services:
    return Services.over(store, clock)


@pytest.fixture
def contact_id(services: Services) -> int:
    return services.contacts.create(
        ContactDraft(
            given_name="דנה",
            family_name="לוי",
            organisation="לוי ייעוץ",
            phones=[PhoneEntry("052-123-4567", "mobile")],
            emails=[EmailEntry("dana.levi@example.com", "work")],
            tags=["לקוחות"],
        )
    )


@pytest.fixture
def secrets(file_keyring: PlaintextKeyring) -> SecretStore:
    """The app's secret store over this test's file keyring."""
    return SecretStore(allow_plain_file=True)
