"""The first page of the contact list read straight from the SQLite file, for start-up.

Importing SQLAlchemy takes a third of a second, so start-up paints the list from this one
plain query first and opens the store behind it. It reads only a file already at this
version's schema; anything else (no file, an older or newer schema, a locked file) gives
None, and start-up takes the ordinary path.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from kesher_desktop.db.migrate_version import HEAD_REVISION
from kesher_desktop.services.contact_values import ContactRow

log = logging.getLogger(__name__)

# The same rows and order as ContactService.list_page with an empty query.
_FIRST_PAGE = """
SELECT c.id, c.given_name, c.family_name, c.organisation,
       (SELECT address FROM contact_emails e WHERE e.contact_id = c.id
        ORDER BY e.position LIMIT 1),
       (SELECT number FROM contact_phones p WHERE p.contact_id = c.id
        ORDER BY p.position LIMIT 1)
FROM contacts c ORDER BY c.sort_key, c.id LIMIT ?
"""


def read_first_page(database: Path, limit: int) -> list[ContactRow] | None:
    if not database.exists():
        return None
    try:
        connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return None
    try:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != HEAD_REVISION:
            return None
        return [ContactRow.of(*row) for row in connection.execute(_FIRST_PAGE, (limit,))]
    except sqlite3.Error:
        log.info("first page not read early; the store will fill the list", exc_info=True)
        return None
    finally:
        connection.close()
