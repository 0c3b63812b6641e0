"""The SQLite store: pragmas, migrations, backups and refusing a newer schema."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text

from kesher_desktop.db import migrate
from kesher_desktop.db.migrate import DatabaseTooNewError
from kesher_desktop.db.store import Store, open_sqlite
from kesher_desktop.models import Contact


def test_new_file_is_in_wal_mode_with_foreign_keys(store: Store) -> None:
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_new_file_is_at_the_newest_schema(store: Store) -> None:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(migrate._config()).get_current_head()
    assert migrate.HEAD_REVISION == head
    assert migrate.current_revision(store.engine) == head


def test_times_are_stored_as_utc_and_read_back_aware(store: Store) -> None:
    israel = timezone(timedelta(hours=2))
    with store.session() as session:
        contact = Contact(
            given_name="x",
            created_at=datetime(2026, 1, 1, 12, 0, tzinfo=israel),
            updated_at=datetime(2026, 1, 1, 12, 0, tzinfo=israel),
        )
        session.add(contact)
    with store.engine.connect() as connection:
        raw = connection.execute(text("SELECT created_at FROM contacts")).scalar()
    assert str(raw).startswith("2026-01-01 10:00:00")
    with store.session() as session:
        loaded = session.query(Contact).one()
        assert loaded.created_at == datetime(2026, 1, 1, 10, 0, tzinfo=UTC)
        assert loaded.created_at.tzinfo is not None


def test_naive_instant_is_refused(store: Store) -> None:
    with pytest.raises(Exception, match="naive datetime"), store.session() as session:
        session.add(Contact(created_at=datetime(2026, 1, 1), updated_at=datetime(2026, 1, 1)))
        session.flush()


def test_a_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    database = tmp_path / "k.sqlite3"
    open_sqlite(database).close()
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = database.read_bytes()

    with pytest.raises(DatabaseTooNewError) as raised:
        open_sqlite(database, tmp_path / "backups")

    assert raised.value.revision == "9999_from_the_future"
    assert database.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_a_file_behind_is_backed_up_then_migrated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alembic import command

    database = tmp_path / "k.sqlite3"
    open_sqlite(database).close()
    with sqlite3.connect(database) as connection:
        connection.execute("INSERT INTO users (name, email, is_me, active) VALUES ('a', '', 1, 1)")
        connection.execute("UPDATE alembic_version SET version_num = '0000_older'")

    # Stand in for a real older revision: known to this program, behind its head.
    applied: list[str] = []

    def upgrade_to_head(config: object, target: str) -> None:
        applied.append(target)
        connection = config.attributes["connection"]  # type: ignore[attr-defined]
        connection.execute(
            text("UPDATE alembic_version SET version_num = :head"), {"head": migrate.HEAD_REVISION}
        )

    monkeypatch.setattr(migrate, "known_revisions", lambda: {"0000_older", migrate.HEAD_REVISION})
    monkeypatch.setattr(command, "upgrade", upgrade_to_head)
    open_sqlite(database, tmp_path / "backups").close()

    backups = list((tmp_path / "backups").glob("*.sqlite3"))
    assert len(backups) == 1 and "0000_older" in backups[0].name
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT name FROM users").fetchall() == [("a",)]
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0000_older",)
        ]
    assert applied == ["head"]
    reopened = open_sqlite(database)
    assert migrate.current_revision(reopened.engine) == migrate.HEAD_REVISION
    reopened.close()


def test_an_unusable_folder_raises_a_named_error(tmp_path: Path) -> None:
    from kesher_desktop.db.store import StoreUnavailableError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreUnavailableError) as raised:
        open_sqlite(blocker / "data" / "k.sqlite3")
    assert raised.value.path == blocker / "data" / "k.sqlite3"
    assert raised.value.reason


def test_checkpoints_wait_for_a_larger_log(store: Store) -> None:
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 8192
