"""Migration 0010: a store indexed before it finds phones by their last digits after it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kesher_desktop.clock import FrozenClock
from kesher_desktop.db import migrate
from kesher_desktop.db.store import open_sqlite
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft, PhoneEntry
from tests.db.alembic_steps import run_alembic

# Two contacts as revision 0009 indexed them: phones as national digits and with 972 only.
_AT_0009 = """
INSERT INTO contacts (id, given_name, family_name, organisation, role, address, notes,
    sort_key, search_rank, created_at, updated_at)
    VALUES (1, 'דנה', 'לוי', 'לוי ייעוץ', '', '', '', 'דנה לוי', 2000,
        '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
    (2, 'Avi', '', '', '', '', '', 'avi', 1000,
        '2026-01-01 00:00:00', '2026-01-01 00:00:00');
INSERT INTO contact_phones (contact_id, kind, number, e164, position)
    VALUES (1, 'mobile', '052-123-4567', '+972521234567', 0),
    (1, 'work', '03-555-0199', '+97235550199', 1),
    (2, 'mobile', '052-456-7890', '+972524567890', 0);
INSERT INTO contact_emails (contact_id, kind, address, folded, position)
    VALUES (1, 'work', 'dana.levi@example.com', 'dana.levi@example.com', 0);
INSERT INTO tags (id, name, color) VALUES (1, 'לקוחות', '#607d8b');
INSERT INTO contact_tags (contact_id, tag_id) VALUES (1, 1);
INSERT INTO contact_search (rowid, body)
    VALUES (2000, 'דנה לוי dana levi example com לוי ייעוץ לקוחות 521234567 972521234567'
        || ' 35550199 97235550199'),
    (1000, 'avi 524567890 972524567890');
"""


def _store_at_0009(database: Path) -> None:
    run_alembic(database, "upgrade", "0009")
    with sqlite3.connect(database) as connection:
        connection.executescript(_AT_0009)


def _names(services: Services, query: str) -> list[str]:
    return [row.name for row in services.contacts.list_page(query, 0, 50)]


def test_a_store_from_0009_finds_phones_by_their_last_digits(
    tmp_path: Path, clock: FrozenClock
) -> None:
    database = tmp_path / "kesher.sqlite3"
    _store_at_0009(database)

    store = open_sqlite(database, tmp_path / "backups")
    try:
        assert migrate.current_revision(store.engine) == migrate.HEAD_REVISION == "0010"
        services = Services.over(store, clock)
        assert _names(services, "4567") == ["דנה לוי"]
        assert _names(services, "123-4567") == ["דנה לוי"]
        assert _names(services, "0199") == ["דנה לוי"]
        assert _names(services, "7890") == ["Avi"]
        assert _names(services, "23") == []
        assert _names(services, "9999") == []
        # What was found before still is, in the same order.
        assert _names(services, "052") == ["Avi", "דנה לוי"]
        assert _names(services, "+972 52 123") == ["דנה לוי"]
        for query in ("דנה", "ייעוץ", "dana.levi@", "לקוחות"):
            assert _names(services, query) == ["דנה לוי"]
    finally:
        store.close()


def test_contacts_keep_their_ranks_and_take_new_ones_beside_them(
    tmp_path: Path, clock: FrozenClock
) -> None:
    database = tmp_path / "kesher.sqlite3"
    _store_at_0009(database)

    store = open_sqlite(database, tmp_path / "backups")
    try:
        services = Services.over(store, clock)
        services.contacts.create(
            ContactDraft(given_name="Bella", phones=[PhoneEntry("054-000-4567")])
        )
        assert _names(services, "4567") == ["Bella", "דנה לוי"]
        assert _names(services, "") == ["Avi", "Bella", "דנה לוי"]
    finally:
        store.close()
    with sqlite3.connect(database) as connection:
        ranks = connection.execute("SELECT rowid FROM contact_search ORDER BY rowid").fetchall()
        stored = connection.execute(
            "SELECT search_rank FROM contacts ORDER BY search_rank"
        ).fetchall()
    assert ranks == stored
    assert (1000,) in ranks and (2000,) in ranks


def test_it_goes_back_down_to_0009_still_searchable(tmp_path: Path) -> None:
    database = tmp_path / "kesher.sqlite3"
    _store_at_0009(database)
    run_alembic(database, "upgrade", "0010")

    run_alembic(database, "downgrade", "0009")

    with sqlite3.connect(database) as connection:
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        found = connection.execute(
            "SELECT rowid FROM contact_search WHERE contact_search MATCH '\"521\"*'"
        ).fetchall()
    assert revision == "0009"
    assert found == [(2000,)]
