"""Bringing a database file up to this version's schema, with a backup first.

Alembic is imported only when there is something to migrate: checking that a file is
already current is one query, which keeps Alembic off the start-up path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from kesher_desktop.db.migrate_version import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
BACKUPS_KEPT = 5

Backup = Callable[[Path, Path], None]


class DatabaseTooNewError(RuntimeError):
    """The file was written by a newer Kesher Desktop; opening it could damage it."""

    def __init__(self, revision: str) -> None:
        super().__init__(f"database schema {revision} is newer than this program")
        self.revision = revision


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def upgrade(
    engine: Engine, database: Path | None, backup_dir: Path | None, backup: Backup
) -> bool:
    """Migrate to the newest schema; returns whether anything was applied.

    A file that already holds data is backed up before the first change. A schema this
    program does not know raises DatabaseTooNewError and leaves the file untouched.
    """
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return False
    if current is not None and current not in known_revisions():
        raise DatabaseTooNewError(current)

    if current is not None and database is not None and backup_dir is not None:
        _backup(database, backup_dir, current, backup)

    from alembic import command

    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    log.info("migrated database from=%s to=%s", current, HEAD_REVISION)
    return True


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _backup(database: Path, backup_dir: Path, revision: str, backup: Backup) -> None:
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup(database, backup_dir / f"{database.stem}-{stamp}-{revision}.sqlite3")

    old = sorted(backup_dir.glob(f"{database.stem}-*.sqlite3"))
    for stale in old[:-BACKUPS_KEPT]:
        stale.unlink()
