"""Migration 0005: the tracking tables arrive, users keep their rows and what points at them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, inspect

from kesher_desktop.db import migrate
from kesher_desktop.db.store import open_sqlite
from kesher_desktop.services.tracking_tag import TrackingKeys
from tests.db.alembic_steps import run_alembic


def _fill(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        connection.executescript(
            """
            INSERT INTO users (id, name, email, is_me, active) VALUES (1, 'אני', '', 1, 1);
            INSERT INTO contacts (id, given_name, family_name, organisation, role, address,
                notes, sort_key, created_at, updated_at)
                VALUES (1, 'דנה', 'לוי', '', '', '', '', 'דנה לוי',
                '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            INSERT INTO activities (id, contact_id, kind, title, starts_at, location, topics,
                send_invitation, add_to_calendar, email_from, email_to, email_cc, message_id,
                created_at, updated_at)
                VALUES (1, 1, 'meeting', 'פגישה', '2026-03-10 10:00:00.000000', '', '', 0, 0,
                '', '', '', '', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            INSERT INTO activity_participants (activity_id, role, user_id)
                VALUES (1, 'participant', 1);
            """
        )


def _count(database: Path, table: str) -> int:
    with sqlite3.connect(database) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_users_keep_their_participants_and_get_a_key_on_first_use(tmp_path: Path) -> None:
    database = tmp_path / "old.sqlite3"
    run_alembic(database, "upgrade", "0004")
    _fill(database)

    store = open_sqlite(database, tmp_path / "backups")
    try:
        assert migrate.current_revision(store.engine) == migrate.HEAD_REVISION
        assert _count(database, "activity_participants") == 1
        key = TrackingKeys(store).key()
    finally:
        store.close()

    with sqlite3.connect(database) as connection:
        stored = connection.execute("SELECT tracking_key FROM users WHERE id = 1").fetchone()
    assert stored == (key,)


def test_it_goes_back_down_to_0004_without_losing_users(tmp_path: Path) -> None:
    database = tmp_path / "kesher.sqlite3"
    run_alembic(database, "upgrade", "0004")
    _fill(database)
    run_alembic(database, "upgrade", "0005")

    run_alembic(database, "downgrade", "0004")

    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        inspector = inspect(connection)
        tables = set(inspector.get_table_names())
        user_columns = {column["name"] for column in inspector.get_columns("users")}
    engine.dispose()
    assert not {"tracked_mailboxes", "tracked_messages"} & tables
    assert "tracking_key" not in user_columns
    assert _count(database, "users") == 1
    assert _count(database, "activity_participants") == 1
