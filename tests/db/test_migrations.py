"""Each migration applied to a file from the revision before it, and the schema it leaves."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from kesher_desktop.clock import FrozenClock
from kesher_desktop.db import migrate
from kesher_desktop.db.backend import SqliteBackend
from kesher_desktop.db.store import Store, open_sqlite
from kesher_desktop.models import Base
from kesher_desktop.services.reminders import ReminderService


def _at_revision(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    SqliteBackend().configure(engine)
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def _downgrade(store: Store, revision: str) -> None:
    config = migrate._config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def test_the_schema_matches_the_models(store: Store) -> None:
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    # The full-text index is made by the backend, outside the models.
    assert [d for d in differences if "contact_search" not in str(d)] == []


def test_reminders_from_before_the_ledger_keep_and_get_their_instant(tmp_path: Path) -> None:
    database = tmp_path / "old.sqlite3"
    _at_revision(database, "0001")
    with sqlite3.connect(database) as connection:
        connection.executescript(
            """
            INSERT INTO contacts (id, given_name, family_name, organisation, role, address,
                notes, sort_key, created_at, updated_at)
                VALUES (1, 'דנה', 'לוי', '', '', '', '', 'דנה לוי',
                '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            INSERT INTO activities (id, contact_id, kind, title, starts_at, location, topics,
                send_invitation, add_to_calendar, email_from, email_to, email_cc, message_id,
                created_at, updated_at)
                VALUES (1, 1, 'meeting', 'פגישה', '2026-03-10 10:00:00.000000', '', '', 0, 0,
                '', '', '', '', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            INSERT INTO reminders (activity_id, offset_minutes, notify_others)
                VALUES (1, 15, 1);
            """
        )

    store = open_sqlite(database, tmp_path / "backups")
    try:
        assert migrate.current_revision(store.engine) == migrate.HEAD_REVISION
        assert list((tmp_path / "backups").glob("*-0001.sqlite3"))
        clock = FrozenClock(datetime(2026, 3, 10, 8, 0, tzinfo=UTC))
        reminders = ReminderService(store, clock)
        assert reminders.next_due() is None

        assert reminders.refresh_fire_times() == 1
        assert reminders.next_due() == datetime(2026, 3, 10, 9, 45, tzinfo=UTC)
    finally:
        store.close()


def test_the_ledger_migration_goes_back_down(store: Store) -> None:
    _downgrade(store, "0001")
    with store.engine.connect() as connection:
        inspector = inspect(connection)
        assert "reminder_alerts" not in inspector.get_table_names()
        columns = {column["name"] for column in inspector.get_columns("reminders")}
    assert columns == {"id", "activity_id", "offset_minutes", "notify_others"}
