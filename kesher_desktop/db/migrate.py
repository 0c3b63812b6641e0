"""Bringing a database file up to this version's schema, with a backup first."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from kesher_desktop.db.backend import SqliteBackend

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
BACKUPS_KEPT = 5


class DatabaseTooNewError(RuntimeError):
    """The file was written by a newer Kesher Desktop; opening it could damage it."""

    def __init__(self, revision: str) -> None:
        super().__init__(f"database schema {revision} is newer than this program")
        self.revision = revision


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, database: Path | None, backup_dir: Path | None) -> bool:
    """Migrate to the newest schema; returns whether anything was applied.

    A file that already holds data is backed up before the first change. A schema this
    program does not know raises DatabaseTooNewError and leaves the file untouched.
    """
    scripts = ScriptDirectory.from_config(_config())
    current = current_revision(engine)
    if current == scripts.get_current_head():
        return False
    if current is not None and current not in {rev.revision for rev in scripts.walk_revisions()}:
        raise DatabaseTooNewError(current)

    if current is not None and database is not None and backup_dir is not None:
        _backup(database, backup_dir, current)

    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    log.info("migrated database from=%s to=%s", current, scripts.get_current_head())
    return True


def _backup(database: Path, backup_dir: Path, revision: str) -> None:
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    SqliteBackend().backup(database, backup_dir / f"{database.stem}-{stamp}-{revision}.sqlite3")

    old = sorted(backup_dir.glob(f"{database.stem}-*.sqlite3"))
    for stale in old[:-BACKUPS_KEPT]:
        stale.unlink()
