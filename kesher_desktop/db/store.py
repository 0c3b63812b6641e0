"""The open store: one engine, its backend and a session factory."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kesher_desktop.db import migrate
from kesher_desktop.db.backend import SqliteBackend, backend_for

log = logging.getLogger(__name__)


@dataclass
class Store:
    """A migrated database ready for services to open short sessions on."""

    engine: Engine
    backend: SqliteBackend
    session_factory: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed on success and rolled back on any error."""
        session = self.session_factory()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A plain connection for read-only queries that need no ORM objects; the fast path."""
        with self.engine.connect() as connection:
            yield connection

    def close(self) -> None:
        self.engine.dispose()


class StoreUnavailableError(RuntimeError):
    """The database file cannot be created, opened or written (a folder without rights...)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"cannot open {path}: {reason}")
        self.path = path
        self.reason = reason


def open_sqlite(path: Path, backup_dir: Path | None = None) -> Store:
    """Open (creating if needed) and migrate the SQLite file at `path`.

    Raises StoreUnavailableError when the file or its folder cannot be used, and
    migrate.DatabaseTooNewError for a file from a newer version.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return open_url(f"sqlite:///{path}", database=path, backup_dir=backup_dir)
    except OSError as error:
        raise StoreUnavailableError(path, error.strerror or str(error)) from error
    except OperationalError as error:
        raise StoreUnavailableError(path, str(error.orig)) from error


def open_url(url: str, database: Path | None = None, backup_dir: Path | None = None) -> Store:
    """Open and migrate the database at a SQLAlchemy URL."""
    engine = create_engine(url)
    backend = backend_for(engine.dialect.name)
    backend.configure(engine)
    try:
        migrate.upgrade(engine, database, backup_dir, backend.backup)
    except BaseException:
        engine.dispose()
        raise
    factory = sessionmaker(engine, expire_on_commit=False)
    log.info("store open url=%s", engine.url.render_as_string(hide_password=True))
    return Store(engine=engine, backend=backend, session_factory=factory)
