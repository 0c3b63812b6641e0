"""The start-up page of contacts read without SQLAlchemy matches the service's first page."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kesher_desktop.db.first_page import read_first_page
from kesher_desktop.db.store import open_sqlite
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft, EmailEntry, PhoneEntry


def test_first_page_is_the_services_first_page(services: Services, tmp_path: Path) -> None:
    for given, family in (("נועה", "כהן"), ("Avi", "Levi"), ("אבי", ""), ("Bella", "Ohana")):
        services.contacts.create(
            ContactDraft(
                given_name=given,
                family_name=family,
                organisation="עמותה",
                phones=[PhoneEntry("050-1234567"), PhoneEntry("03-5550101")],
                emails=[EmailEntry(f"{len(given)}@example.com")],
            )
        )

    early = read_first_page(tmp_path / "kesher.sqlite3", 3)

    assert early == services.contacts.list_page("", 0, 3)
    assert early is not None and len(early) == 3


def test_no_file_or_another_schema_gives_none(tmp_path: Path) -> None:
    assert read_first_page(tmp_path / "missing.sqlite3", 10) is None

    database = tmp_path / "k.sqlite3"
    open_sqlite(database).close()
    assert read_first_page(database, 10) == []
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0000_old'")
    assert read_first_page(database, 10) is None
