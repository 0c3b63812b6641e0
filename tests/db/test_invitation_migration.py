"""Migration 0004: every activity gets its own calendar UID, and nothing else is lost."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect

from kesher_desktop.db import migrate
from kesher_desktop.db.backend import SqliteBackend
from kesher_desktop.db.store import Store, open_sqlite

UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def _at_revision(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    SqliteBackend().configure(engine)
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def _fill(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        connection.execute(
            "INSERT INTO contacts (id, given_name, family_name, organisation, role, address,"
            " notes, sort_key, created_at, updated_at) VALUES (1, 'דנה', 'לוי', '', '', '', '',"
            " 'דנה לוי', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
        for activity_id in range(1, 201):
            connection.execute(
                "INSERT INTO activities (id, contact_id, kind, title, starts_at, location,"
                " topics, send_invitation, add_to_calendar, email_from, email_to, email_cc,"
                " message_id, created_at, updated_at) VALUES (?, 1, 'meeting', 'פגישה',"
                " '2026-03-10 10:00:00.000000', '', '', 1, 0, '', '', '', '',"
                " '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
                (activity_id,),
            )
            connection.execute(
                "INSERT INTO activity_participants (activity_id, role, contact_id)"
                " VALUES (?, 'participant', 1)",
                (activity_id,),
            )
        connection.execute(
            "INSERT INTO outgoing_mail (recipients, subject, body_text, body_html, queued_at,"
            " attempts, last_error) VALUES ('a@example.com', 's', 't', '',"
            " '2026-01-01 00:00:00', 0, '')"
        )


def test_every_activity_gets_a_uid_of_its_own_and_keeps_its_participants(
    tmp_path: Path,
) -> None:
    database = tmp_path / "old.sqlite3"
    _at_revision(database, "0003")
    _fill(database)

    store = open_sqlite(database, tmp_path / "backups")
    store.close()

    with sqlite3.connect(database) as connection:
        uids = [row[0] for row in connection.execute("SELECT calendar_uid FROM activities")]
        participants = connection.execute("SELECT count(*) FROM activity_participants").fetchone()
        mail = connection.execute("SELECT calendar, calendar_method FROM outgoing_mail").fetchall()
    assert len(uids) == 200 and len(set(uids)) == 200
    assert all(UUID4.fullmatch(uid) for uid in uids)
    assert participants == (200,)
    assert mail == [("", "")]


def test_the_invitation_migration_goes_back_down_without_losing_participants(
    tmp_path: Path,
) -> None:
    database = tmp_path / "old.sqlite3"
    _at_revision(database, "0004")
    _fill(database)

    engine = create_engine(f"sqlite:///{database}")
    SqliteBackend().configure(engine)
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    with engine.connect() as connection:
        inspector = inspect(connection)
        assert "invitations" not in inspector.get_table_names()
        assert "invitation_sends" not in inspector.get_table_names()
        columns = {column["name"] for column in inspector.get_columns("activities")}
        assert "calendar_uid" not in columns
        assert (
            connection.exec_driver_sql("SELECT count(*) FROM activity_participants").scalar()
            == 200
        )
    engine.dispose()


def test_no_two_activities_can_share_a_uid(store: Store) -> None:
    with store.engine.connect() as connection:
        indexes = {i["name"]: i for i in inspect(connection).get_indexes("activities")}
    assert indexes["ix_activities_calendar_uid"]["unique"]
