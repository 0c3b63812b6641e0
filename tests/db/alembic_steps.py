"""Running one Alembic step on a database file, as a migration test needs to."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from kesher_desktop.db import migrate
from kesher_desktop.db.backend import SqliteBackend


def run_alembic(path: Path, action: str, revision: str) -> None:
    """`action` ("upgrade" or "downgrade") to `revision`, with the app's own pragmas."""
    engine = create_engine(f"sqlite:///{path}")
    SqliteBackend().configure(engine)
    config = migrate._config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, action)(config, revision)
    engine.dispose()
