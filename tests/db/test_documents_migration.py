"""Migration 0007: documents logged before it stay, as files, and it goes back down."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, inspect

from kesher_desktop.clock import FrozenClock
from kesher_desktop.db.store import open_sqlite
from kesher_desktop.services.documents import DocumentService, FileState
from tests.db.alembic_steps import run_alembic


def _fill(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        connection.executescript(
            """
            INSERT INTO contacts (id, given_name, family_name, organisation, role, address,
                notes, sort_key, created_at, updated_at)
                VALUES (1, 'דנה', 'לוי', '', '', '', '', 'דנה לוי',
                '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            INSERT INTO documents (id, contact_id, name, size, mime_type, sha256, link_url,
                added_at)
                VALUES (7, 1, 'הצעת מחיר.pdf', 200000, 'application/pdf', '', '',
                '2026-03-01 08:00:00.000000');
            """
        )


def test_documents_from_before_are_files_on_their_contact(tmp_path: Path) -> None:
    database = tmp_path / "old.sqlite3"
    run_alembic(database, "upgrade", "0006")
    _fill(database)

    store = open_sqlite(database, tmp_path / "backups")
    try:
        clock = FrozenClock(datetime(2026, 3, 10, 8, 0, tzinfo=UTC))
        documents = DocumentService(store, clock)
        [listed] = documents.for_contact(1)
        assert (listed.id, listed.name, listed.state) == (7, "הצעת מחיר.pdf", FileState.NOT_KEPT)
        documents.remove(7)
        assert documents.for_contact(1) == []
    finally:
        store.close()
    with sqlite3.connect(database) as connection:
        kind = connection.execute("SELECT kind FROM documents WHERE id = 7").fetchone()
    assert kind == ("file",)


def test_it_goes_back_down_to_0006_keeping_the_documents(tmp_path: Path) -> None:
    database = tmp_path / "kesher.sqlite3"
    run_alembic(database, "upgrade", "0006")
    _fill(database)
    run_alembic(database, "upgrade", "0007")

    run_alembic(database, "downgrade", "0006")

    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        columns = {column["name"] for column in inspect(connection).get_columns("documents")}
    engine.dispose()
    assert {"kind", "file_modified_at", "removed_at"}.isdisjoint(columns)
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT id, name FROM documents").fetchall() == [
            (7, "הצעת מחיר.pdf")
        ]
