"""The seam around what only SQLite has: pragmas, the FTS5 index and the file backup.

Everything above this module speaks SQLAlchemy that PostgreSQL also understands; a
PostgreSQL backend will implement the same few methods with tsvector and pg_dump.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Engine,
    Subquery,
    column,
    event,
    text,
)
from sqlalchemy.orm import Session

from kesher_desktop.db.ranking import RankChanges, assign_ranks, renumber_all
from kesher_desktop.db.search_text import phone_tail_term, query_terms

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
            # Checkpoints sync the disk; at 32 MB of log rather than 4 an import of thousands
            # of contacts waits on a handful of them instead of dozens.
            cursor.execute("PRAGMA wal_autocheckpoint = 8192")
            cursor.close()

    def create_search_index(self, connection: Connection) -> None:
        """Create the full-text table; its rowid is the contact's search rank.

        The prefix indexes make the first letters typed, which match the most, as quick to
        look up as whole words.
        """
        connection.execute(
            text(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {SEARCH_TABLE} USING fts5("
                "body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
            )
        )

    def drop_search_index(self, connection: Connection) -> None:
        connection.execute(text(f"DROP TABLE IF EXISTS {SEARCH_TABLE}"))

    def refill_search_index(self, connection: Connection, rows: list[tuple[int, str]]) -> None:
        """Replace the whole index with `rows` of (search rank, document).

        For renumbering, and for a migration that changes what a document holds.
        """
        # Dropping and creating the table is far quicker than deleting every row of it.
        self.drop_search_index(connection)
        self.create_search_index(connection)
        cursor = connection.connection.cursor()
        try:
            _insert_in_rank_order(cursor, rows)
        finally:
            cursor.close()
        log.info("search index refilled documents=%s", len(rows))

    def index_contacts(
        self, session: Session, documents: dict[int, str], placed: RankChanges | None = None
    ) -> None:
        """Replace the indexed text of the given contacts, after their rows were flushed.

        Each document is stored under the contact's search rank, so that FTS5, which walks
        its matches in rowid order, hands back matches already sorted by name and can stop
        after the first page. `placed` is what `ranking.rank_new` did for new contacts among
        them whose rows went in with their ranks; only the others are ranked here.
        """
        if not documents:
            return
        ranks: dict[int, int] = {}
        if placed is not None:
            # Documents moved to make room for the new contacts go to their new ranks first,
            # so the index matches every stored rank whatever happens next.
            self._insert(session, self._take_out(session, placed.moved))
            ranks.update(placed.ranks)
        others = [contact_id for contact_id in documents if contact_id not in ranks]
        self.unindex_contacts(session, others)
        changes = assign_ranks(session, others)
        if changes is None:
            self._rank_everything_afresh(session, documents)
            return

        # Making room for the others may have moved new contacts, which have no document yet.
        for contact_id in [cid for cid in changes.moved if cid in ranks]:
            ranks[contact_id] = changes.moved.pop(contact_id)[1]
        ranks.update(changes.ranks)
        rows = [(ranks[contact_id], body) for contact_id, body in documents.items()]
        rows += self._take_out(session, changes.moved)
        self._insert(session, rows)

    def unindex_contacts(self, session: Session, contact_ids: list[int]) -> None:
        """Drop contacts from the index and forget their ranks; call before deleting them.

        Through the driver, and only for the contacts that have a rank: imports run this for
        every contact merged into, and contacts not yet ranked cost nothing but the lookup.
        """
        # The raw cursor below does not flush the session as its own queries would.
        session.flush()
        cursor = _cursor(session)
        try:
            for chunk in _chunks(contact_ids):
                marks = ",".join("?" * len(chunk))
                ranked = cursor.execute(
                    f"SELECT id, search_rank FROM contacts WHERE id IN ({marks})"
                    " AND search_rank IS NOT NULL",
                    chunk,
                ).fetchall()
                cursor.executemany(
                    f"DELETE FROM {SEARCH_TABLE} WHERE rowid = ?", [(rank,) for _, rank in ranked]
                )
                cursor.executemany(
                    "UPDATE contacts SET search_rank = NULL WHERE id = ?",
                    [(contact_id,) for contact_id, _ in ranked],
                )
        finally:
            cursor.close()

    def search_hits(self) -> Subquery:
        """A subquery of the ranks (column `rank`) matching `:match`, in name order.

        Bind `match` with `match_expression(query)`, and `limit` and `offset`.
        """
        return (
            text(
                f"SELECT rowid AS rank FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH :match "
                "ORDER BY rowid LIMIT :limit OFFSET :offset"
            )
            .columns(column("rank", BigInteger))
            .subquery("hits")
        )

    @staticmethod
    def match_expression(query: str) -> str | None:
        """The FTS5 query for every word of `query` as a prefix; None if nothing to search.

        A phone number typed is found by its first digits or, from a few digits on, by its
        last ones.
        """
        alternatives = []
        terms = query_terms(query)
        if terms:
            alternatives.append(" ".join(_quoted_prefix(term) for term in terms))
        tail = phone_tail_term(query)
        if tail is not None:
            alternatives.append(_quoted_prefix(tail))
        return " OR ".join(alternatives) or None

    def _take_out(
        self, session: Session, moved: dict[int, tuple[int, int]]
    ) -> list[tuple[int, str]]:
        """Remove the documents of contacts whose rank moved; they go back in at the new one."""
        rows = []
        cursor = _cursor(session)
        try:
            for old, new in moved.values():
                (body,) = cursor.execute(
                    f"SELECT body FROM {SEARCH_TABLE} WHERE rowid = ?", (old,)
                ).fetchone()
                cursor.execute(f"DELETE FROM {SEARCH_TABLE} WHERE rowid = ?", (old,))
                rows.append((new, body))
        finally:
            cursor.close()
        return rows

    def _insert(self, session: Session, rows: list[tuple[int, str]]) -> None:
        cursor = _cursor(session)
        try:
            _insert_in_rank_order(cursor, rows)
        finally:
            cursor.close()

    def _rank_everything_afresh(self, session: Session, documents: dict[int, str]) -> None:
        """Renumber every contact and rewrite the index; rare, when a gap ran out."""
        bodies = dict(
            session.execute(
                text(
                    f"SELECT c.id, s.body FROM contacts c JOIN {SEARCH_TABLE} s "
                    "ON s.rowid = c.search_rank"
                )
            ).all()
        )
        bodies.update(documents)
        ranks = renumber_all(session)
        rows = [(ranks[cid], body) for cid, body in bodies.items()]
        self.refill_search_index(session.connection(), rows)
        log.info("search index renumbered contacts=%s", len(ranks))

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


def _quoted_prefix(term: str) -> str:
    # Quoted, so FTS5 operators typed by the user are taken as text.
    return '"' + term.replace('"', '""') + '"*'


def _insert_in_rank_order(cursor: Any, rows: list[tuple[int, str]]) -> None:
    # FTS5 writes out its pending terms whenever a rowid arrives lower than the one before,
    # so rows go in in rank order: one flush per batch instead of one per row.
    cursor.executemany(f"INSERT INTO {SEARCH_TABLE} (rowid, body) VALUES (?, ?)", sorted(rows))


def _cursor(session: Session) -> Any:
    """A DB-API cursor in the session's transaction, for statements run many times over."""
    return session.connection().connection.cursor()


def _chunks(items: list[int], size: int = 500) -> list[list[int]]:
    return [items[start : start + size] for start in range(0, len(items), size)]
