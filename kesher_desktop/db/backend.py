"""The seam around what only SQLite has: pragmas, the FTS5 index and the file backup.

Everything above this module speaks SQLAlchemy that PostgreSQL also understands; a
PostgreSQL backend will implement the same few methods with tsvector and pg_dump.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Select, event, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from kesher_desktop.db.search_text import query_terms

log = logging.getLogger(__name__)

SEARCH_TABLE = "contact_search"


class SqliteBackend:
    """SQLite in WAL mode with foreign keys on, and an FTS5 table for contact search."""

    name = "sqlite"

    def configure(self, engine: Engine) -> None:
        """Set the pragmas every new connection needs."""

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA journal_mode = WAL")
            # WAL makes NORMAL durable against application crashes; only a power cut can lose
            # the very last transaction.
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA busy_timeout = 5000")
            cursor.close()

    def create_search_index(self, connection: Connection) -> None:
        """Create the full-text table; its rowid is the contact's id."""
        connection.execute(
            text(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {SEARCH_TABLE} USING fts5("
                'body, tokenize = "unicode61 remove_diacritics 2")'
            )
        )

    def drop_search_index(self, connection: Connection) -> None:
        connection.execute(text(f"DROP TABLE IF EXISTS {SEARCH_TABLE}"))

    def index_contacts(self, session: Session, documents: dict[int, str]) -> None:
        """Replace the indexed text of the given contacts."""
        if not documents:
            return
        params = [{"id": contact_id, "body": body} for contact_id, body in documents.items()]
        session.execute(text(f"DELETE FROM {SEARCH_TABLE} WHERE rowid = :id"), params)
        session.execute(
            text(f"INSERT INTO {SEARCH_TABLE} (rowid, body) VALUES (:id, :body)"), params
        )

    def unindex_contacts(self, session: Session, contact_ids: list[int]) -> None:
        session.execute(
            text(f"DELETE FROM {SEARCH_TABLE} WHERE rowid = :id"),
            [{"id": contact_id} for contact_id in contact_ids],
        )

    def matching_contact_ids(self, query: str) -> Select[tuple[int]] | None:
        """A select of the ids of contacts matching every word of `query` as a prefix.

        None means the query has nothing searchable in it, so every contact matches.
        """
        terms = query_terms(query)
        if not terms:
            return None
        # Each term is quoted, so FTS5 operators typed by the user are taken as text.
        match = " ".join('"' + term.replace('"', '""') + '"*' for term in terms)
        return (
            select(text("rowid"))
            .select_from(text(SEARCH_TABLE))
            .where(text(f"{SEARCH_TABLE} MATCH :match").bindparams(match=match))
        )

    def backup(self, database: Path, destination: Path) -> None:
        """Copy a live database file consistently with SQLite's online backup."""
        source = sqlite3.connect(database)
        try:
            target = sqlite3.connect(destination)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        log.info("backed up database=%s to=%s", database, destination)


def backend_for(dialect_name: str) -> SqliteBackend:
    """The backend for a SQLAlchemy dialect name."""
    if dialect_name == "sqlite":
        return SqliteBackend()
    # TODO: a PostgreSQL backend (tsvector search, no file backup) for shared team databases.
    raise NotImplementedError(f"no backend for database kind {dialect_name!r}")
