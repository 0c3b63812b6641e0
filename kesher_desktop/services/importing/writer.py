"""Writing one batch of imported people in one session, merging them into who is there.

Existing owners of the batch's e-mails and phones are looked up in a few queries; new
contacts, already ranked for search, and their phones, e-mails, fields and tags go in as
bulk inserts; only contacts that people merge into are loaded as ORM objects.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, selectinload

from kesher_desktop.db.backend import SqliteBackend
from kesher_desktop.db.ranking import RankChanges, rank_new
from kesher_desktop.db.search_text import contact_document
from kesher_desktop.models import (
    Contact,
    ContactEmail,
    ContactField,
    ContactPhone,
    Tag,
    contact_tags,
)
from kesher_desktop.services.contacts import (
    ContactDraft,
    search_document,
    sort_key,
    tags_for_names,
)
from kesher_desktop.services.importing.person import (
    EMAIL_KEY,
    PHONE_KEY,
    SCALAR_FIELDS,
    Person,
    phone_identity,
)

log = logging.getLogger(__name__)

_CONTACT_COLUMNS = (
    "given_name",
    "family_name",
    "organisation",
    "role",
    "address",
    "birthday",
    "notes",
    "sort_key",
    "search_rank",
    "created_at",
    "updated_at",
)
_PHONE_COLUMNS = ("contact_id", "kind", "number", "e164", "position")
_EMAIL_COLUMNS = ("contact_id", "kind", "address", "folded", "position")
_FIELD_COLUMNS = ("contact_id", "label", "value", "position")
_TAG_LINK_COLUMNS = ("contact_id", "tag_id")

# Well under SQLite's limit on bound parameters in one statement.
_LOOKUP_CHUNK = 500

# Where a person goes: ("new", index into this batch's new people) or ("stored", contact id).
_Target = tuple[str, int]


@dataclass
class BatchOutcome:
    created_ids: list[int] = field(default_factory=list)
    merged_ids: list[int] = field(default_factory=list)
    merged_people: int = 0


def write_batch(
    session: Session, backend: SqliteBackend, people: list[Person], now: datetime
) -> BatchOutcome:
    """Store `people`, each as a new contact or merged into the contact or person it matches."""
    _hold_write_lock(session)
    keys_of = [person.keys() for person in people]
    owners = _stored_owners(session, keys_of)
    targets: dict[str, _Target] = {}
    new: list[Person] = []
    into_stored: dict[int, list[Person]] = {}
    outcome = BatchOutcome()

    for person, keys in zip(people, keys_of, strict=True):
        target = next((t for k in keys if (t := targets.get(k) or owners.get(k))), None)
        if target is None:
            target = ("new", len(new))
            new.append(person)
        elif target[0] == "new":
            new[target[1]].absorb(person)
            outcome.merged_people += 1
        else:
            into_stored.setdefault(target[1], []).append(person)
            outcome.merged_people += 1
        for key in keys:
            targets.setdefault(key, target)

    tags = _tags(session, new, into_stored.values())
    outcome.created_ids, placed = _insert(session, new, tags, now)
    merged = _merge_stored(session, into_stored, tags, now)
    outcome.merged_ids = [contact.id for contact in merged]

    documents = {cid: _document(p.draft) for cid, p in zip(outcome.created_ids, new, strict=True)}
    documents.update((contact.id, search_document(contact)) for contact in merged)
    backend.index_contacts(session, documents, placed)
    return outcome


# -- finding who is there ---------------------------------------------------------------


def _hold_write_lock(session: Session) -> None:
    """Take the database's write lock before reading anything.

    A transaction that reads first and writes later fails outright on SQLite (WAL) if
    someone else, such as the user saving a contact meanwhile, committed in between;
    taking the lock first makes the others wait their turn instead.
    """
    session.execute(text("UPDATE contacts SET id = id WHERE 0 = 1"))


def _stored_owners(session: Session, keys_of: list[list[str]]) -> dict[str, _Target]:
    """For each key of the batch already in the store, the contact holding it (lowest id)."""
    wanted: dict[str, set[str]] = {EMAIL_KEY: set(), PHONE_KEY: set()}
    for keys in keys_of:
        for key in keys:
            wanted[key[:2]].add(key[2:])

    # Through the driver: SQLAlchemy's expanding IN costs more to build than to run.
    lookups = (
        (EMAIL_KEY, "SELECT folded, contact_id FROM contact_emails WHERE folded IN ({})"),
        (PHONE_KEY, "SELECT e164, contact_id FROM contact_phones WHERE e164 IN ({})"),
    )
    owners: dict[str, int] = {}
    cursor = session.connection().connection.cursor()
    try:
        for prefix, sql in lookups:
            for chunk in _chunks(sorted(wanted[prefix]), _LOOKUP_CHUNK):
                rows = cursor.execute(sql.format(",".join("?" * len(chunk))), chunk)
                for value, contact_id in rows:
                    key = prefix + value
                    owners[key] = min(owners.get(key, contact_id), contact_id)
    finally:
        cursor.close()
    return {key: ("stored", contact_id) for key, contact_id in owners.items()}


def _tags(session: Session, new: list[Person], merging: Iterable[list[Person]]) -> dict[str, Tag]:
    people = [*new, *(person for group in merging for person in group)]
    names = (tag for person in people for tag in person.draft.tags)
    # Keyed by the spelling in the file: "vip" there is the stored "VIP".
    tags = tags_for_names(session, names)
    session.flush()
    return tags


# -- new contacts -----------------------------------------------------------------------


def _insert(
    session: Session, people: list[Person], tags: dict[str, Tag], now: datetime
) -> tuple[list[int], RankChanges | None]:
    """Bulk-insert new contacts and what hangs off them.

    Their ids, in the order given, and the search ranks they went in with (see rank_new).
    """
    if not people:
        return [], None
    ids, placed = _insert_contacts(session, [person.draft for person in people], now)

    phones: list[tuple[Any, ...]] = []
    emails: list[tuple[Any, ...]] = []
    fields: list[tuple[Any, ...]] = []
    links: list[tuple[Any, ...]] = []
    for contact_id, person in zip(ids, people, strict=True):
        draft = person.draft
        for position, (phone, e164) in enumerate(zip(draft.phones, person.e164s, strict=True)):
            phones.append((contact_id, phone.kind, phone.number, e164, position))
        for position, email in enumerate(draft.emails):
            emails.append(
                (contact_id, email.kind, email.address, email.address.casefold(), position)
            )
        for position, (label, value) in enumerate(draft.fields):
            fields.append((contact_id, label, value, position))
        # "VIP" and "vip" on one person are one tag, linked once.
        tag_ids = dict.fromkeys(tags[name].id for name in draft.tags)
        links.extend((contact_id, tag_id) for tag_id in tag_ids)

    connection = session.connection()
    _bulk_insert(connection, _table(ContactPhone), _PHONE_COLUMNS, phones)
    _bulk_insert(connection, _table(ContactEmail), _EMAIL_COLUMNS, emails)
    _bulk_insert(connection, _table(ContactField), _FIELD_COLUMNS, fields)
    _bulk_insert(connection, contact_tags, _TAG_LINK_COLUMNS, links)
    return ids, placed


def _insert_contacts(
    session: Session, drafts: list[ContactDraft], now: datetime
) -> tuple[list[int], RankChanges | None]:
    """Insert contact rows, ranked for search; their ids in the drafts' order, and the ranking.

    The batch holds the write lock (see `_hold_write_lock`), and SQLite gives each new row
    one more than the largest id so far, so the new ids are the run after the largest id
    before the insert: known before it, which lets the rows go in with their ranks. The
    check guards against SQLite's other rule for a table whose largest id is at its ceiling.
    """
    connection = session.connection()
    table = _table(Contact)
    before = connection.execute(select(func.max(table.c.id))).scalar() or 0
    expected = list(range(before + 1, before + 1 + len(drafts)))
    keys = [sort_key(draft) for draft in drafts]
    placed = rank_new(session, list(zip(keys, expected, strict=True)))
    # Without room for them (rare), they go in unranked and are ranked with everyone.
    ranks = placed.ranks if placed is not None else {}

    stamp = _converter(connection, table, "created_at")(now)
    to_date = _converter(connection, table, "birthday")
    rows = [
        (
            d.given_name,
            d.family_name,
            d.organisation,
            d.role,
            d.address,
            to_date(d.birthday),
            d.notes,
            key,
            ranks.get(contact_id),
            stamp,
            stamp,
        )
        for contact_id, d, key in zip(expected, drafts, keys, strict=True)
    ]
    _bulk_insert(connection, table, _CONTACT_COLUMNS, rows)
    ids = list(connection.execute(select(table.c.id).where(table.c.id > before)).scalars())
    if sorted(ids) != expected:
        raise RuntimeError("new contact ids are not the run after the largest id")
    return expected, placed


def _bulk_insert(
    connection: Connection, table: Table, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """Insert rows of plain values through the driver's executemany.

    SQLAlchemy's own executemany spends about 30 µs a row on bookkeeping that rows of
    ready values do not need; that alone was more than the import's budget per contact.
    Values that need converting (dates) are converted by the caller with `_converter`.
    """
    if not rows:
        return
    compiled = insert(table).compile(dialect=connection.dialect, column_keys=list(columns))
    if tuple(compiled.positiontup or ()) != columns:
        raise RuntimeError(f"unexpected parameter order inserting into {table.name}")
    cursor = connection.connection.cursor()
    try:
        cursor.executemany(str(compiled), rows)
    finally:
        cursor.close()


def _converter(connection: Connection, table: Table, column: str) -> Callable[[Any], Any]:
    """How SQLAlchemy turns a Python value into what the driver stores for this column.

    The dialect's own type does the last step (a timestamp's text, say), so a value goes in
    exactly as the ORM would store it and the driver has nothing left to adapt per row.
    """
    dialect = connection.dialect
    processor = table.c[column].type.dialect_impl(dialect).bind_processor(dialect)
    return processor or (lambda value: value)


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _document(draft: ContactDraft) -> str:
    return contact_document(
        names=(draft.given_name, draft.family_name),
        emails=(email.address for email in draft.emails),
        phones=(phone.number for phone in draft.phones),
        organisation=draft.organisation,
        tags=draft.tags,
    )


# -- merging into stored contacts -------------------------------------------------------


def _merge_stored(
    session: Session, incoming: dict[int, list[Person]], tags: dict[str, Tag], now: datetime
) -> list[Contact]:
    if not incoming:
        return []
    contacts = session.scalars(
        select(Contact)
        .where(Contact.id.in_(incoming))
        .options(
            selectinload(Contact.phones),
            selectinload(Contact.emails),
            selectinload(Contact.tags),
            selectinload(Contact.fields),
        )
    ).all()
    for contact in contacts:
        for person in incoming[contact.id]:
            _merge_into(contact, person, tags, now)
    session.flush()
    return list(contacts)


def _merge_into(contact: Contact, person: Person, tags: dict[str, Tag], now: datetime) -> None:
    """Add what `person` has that `contact` lacks; what the contact has stays as it is."""
    draft = person.draft
    if not (contact.given_name or contact.family_name):
        # The name is one unit, as in Person.absorb.
        contact.given_name, contact.family_name = draft.given_name, draft.family_name
    for name in SCALAR_FIELDS:
        if not getattr(contact, name):
            setattr(contact, name, getattr(draft, name))
    contact.birthday = contact.birthday or draft.birthday

    _add_phones(contact, person)
    _add_emails(contact, draft)
    # "VIP" and "vip" are one tag: each tag once, and not again where the contact has it.
    incoming_tags = dict.fromkeys(tags[name] for name in draft.tags)
    contact.tags.extend(tag for tag in incoming_tags if tag not in contact.tags)
    known_fields = {(f.label, f.value) for f in contact.fields}
    for label, value in draft.fields:
        if (label, value) not in known_fields:
            known_fields.add((label, value))
            contact.fields.append(
                ContactField(label=label, value=value, position=len(contact.fields))
            )

    names = ContactDraft(
        given_name=contact.given_name,
        family_name=contact.family_name,
        organisation=contact.organisation,
    )
    contact.sort_key = sort_key(names)
    contact.updated_at = now


def _add_phones(contact: Contact, person: Person) -> None:
    known = {phone_identity(p.number, p.e164) for p in contact.phones}
    for phone, e164 in zip(person.draft.phones, person.e164s, strict=True):
        identity = phone_identity(phone.number, e164)
        if identity not in known:
            known.add(identity)
            contact.phones.append(
                ContactPhone(
                    kind=phone.kind, number=phone.number, e164=e164, position=len(contact.phones)
                )
            )


def _add_emails(contact: Contact, draft: ContactDraft) -> None:
    known = {email.folded for email in contact.emails}
    for email in draft.emails:
        folded = email.address.casefold()
        if folded not in known:
            known.add(folded)
            contact.emails.append(
                ContactEmail(
                    kind=email.kind,
                    address=email.address,
                    folded=folded,
                    position=len(contact.emails),
                )
            )


def _chunks(values: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
