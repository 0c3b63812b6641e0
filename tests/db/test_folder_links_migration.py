"""Migration 0008: files from before stay files with empty link columns; down again, the
links made since go and the columns with them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, inspect

from tests.db.alembic_steps import run_alembic

LINK_COLUMNS = {"link_service", "link_target", "link_path", "link_state", "link_checked_at"}


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


def _columns(database: Path) -> set[str]:
    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        names = {column["name"] for column in inspect(connection).get_columns("documents")}
    engine.dispose()
    return names


def test_files_from_before_get_empty_unchecked_link_columns(tmp_path: Path) -> None:
    database = tmp_path / "kesher.sqlite3"
    run_alembic(database, "upgrade", "0007")
    _fill(database)

    run_alembic(database, "upgrade", "0008")

    assert LINK_COLUMNS <= _columns(database)
    with sqlite3.connect(database) as connection:
        row = connection.execute(
            "SELECT kind, link_service, link_target, link_path, link_state, link_checked_at"
            " FROM documents WHERE id = 7"
        ).fetchone()
    assert row == ("file", "", "", "", "unchecked", None)


def test_it_goes_back_down_to_0007_dropping_the_links(tmp_path: Path) -> None:
    database = tmp_path / "kesher.sqlite3"
    run_alembic(database, "upgrade", "0007")
    _fill(database)
    run_alembic(database, "upgrade", "0008")
    with sqlite3.connect(database) as connection:
        connection.execute(
            "INSERT INTO documents (id, contact_id, kind, name, mime_type, sha256, link_url,"
            " link_service, added_at) VALUES (8, 1, 'link', 'Levi', '', '',"
            " 'https://www.dropbox.com/scl/fo/abc', 'dropbox', '2026-03-02 08:00:00.000000')"
        )

    run_alembic(database, "downgrade", "0007")

    assert LINK_COLUMNS.isdisjoint(_columns(database))
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT id FROM documents").fetchall() == [(7,)]
