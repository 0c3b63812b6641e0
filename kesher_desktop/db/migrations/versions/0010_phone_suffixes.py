"""Contacts are found by a phone's last digits: the search index is filled afresh.

Each phone is now also indexed backwards (see `search_text.contact_document`), so every
contact's document is built again from its stored names, e-mails, phones, organisation and
tags, with the program's own `contact_document`, under the search rank it already has.
Only the full-text table changes, through the backend; no table of the models is touched.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 09:00:00.000000
"""

from collections import defaultdict

import sqlalchemy as sa
from alembic import op

from kesher_desktop.db.backend import backend_for
from kesher_desktop.db.search_text import contact_document

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Contacts without a rank are not in the index; they stay out of it.
_CONTACTS = (
    "SELECT id, search_rank, given_name, family_name, organisation FROM contacts"
    " WHERE search_rank IS NOT NULL"
)
_EMAILS = "SELECT contact_id, address FROM contact_emails ORDER BY contact_id, position"
_PHONES = "SELECT contact_id, number FROM contact_phones ORDER BY contact_id, position"
_TAGS = (
    "SELECT contact_tags.contact_id, tags.name FROM contact_tags"
    " JOIN tags ON tags.id = contact_tags.tag_id"
)


def upgrade() -> None:
    bind = op.get_bind()
    backend_for(bind.dialect.name).refill_search_index(bind, _documents(bind))


def downgrade() -> None:
    # Nothing to undo: revision 0009 never looks for the backwards digits, whose tokens
    # start with a character no typed query has, and it indexes contacts saved after the
    # downgrade without them.
    pass


def _documents(bind: sa.Connection) -> list[tuple[int, str]]:
    """(search rank, document) for every contact in the index."""
    emails = _by_contact(bind, _EMAILS)
    phones = _by_contact(bind, _PHONES)
    tags = _by_contact(bind, _TAGS)
    return [
        (
            rank,
            contact_document(
                names=(given_name, family_name),
                emails=emails[contact_id],
                phones=phones[contact_id],
                organisation=organisation,
                tags=tags[contact_id],
            ),
        )
        for contact_id, rank, given_name, family_name, organisation in bind.execute(
            sa.text(_CONTACTS)
        )
    ]


def _by_contact(bind: sa.Connection, query: str) -> defaultdict[int, list[str]]:
    values: defaultdict[int, list[str]] = defaultdict(list)
    for contact_id, value in bind.execute(sa.text(query)):
        values[contact_id].append(value)
    return values
