"""Creating, editing, finding and listing contacts."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session, selectinload

from kesher_desktop.clock import Clock
from kesher_desktop.db.search_text import contact_document
from kesher_desktop.db.store import Store
from kesher_desktop.models import Contact, ContactEmail, ContactField, ContactPhone, Tag
from kesher_desktop.services.contact_reading import read_draft
from kesher_desktop.services.contact_values import (
    ContactDraft,
    ContactRow,
    EmailEntry,
    PhoneEntry,
    TagInfo,
)
from kesher_desktop.services.errors import NotFoundError, ValidationError
from kesher_desktop.services.phones import to_e164
from kesher_desktop.services.validation import check_email, check_length, check_phone
from kesher_desktop.text import fold

log = logging.getLogger(__name__)

PHONE_KINDS = ("mobile", "work", "home", "fax", "other")
EMAIL_KINDS = ("work", "home", "other")
DEFAULT_TAG_COLOR = "#607d8b"


def sort_key(draft: ContactDraft) -> str:
    return fold(draft.display_name or draft.organisation)


@dataclass(frozen=True)
class SamePerson:
    """A stored contact a new draft may describe again, and what the two share.

    `email` and `phone` are the stored contact's own matching address and number, as stored;
    "" where that one did not match. `name` is the contact's name, else its organisation.
    """

    contact_id: int
    name: str
    email: str = ""
    phone: str = ""


class ContactService:
    """Contact operations; each call is one short transaction."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        # Built once: composing a statement costs more than running it on a page of rows.
        row = select(
            Contact.id,
            Contact.given_name,
            Contact.family_name,
            Contact.organisation,
            _first(ContactEmail.address, ContactEmail),
            _first(ContactPhone.number, ContactPhone),
        )
        self._list_all = (
            row.order_by(Contact.sort_key, Contact.id)
            .offset(bindparam("offset"))
            .limit(bindparam("limit"))
        )
        hits = store.backend.search_hits()
        self._list_matching = row.join(hits, Contact.search_rank == hits.c.rank).order_by(
            hits.c.rank
        )

    # -- writing ------------------------------------------------------------------------

    def create(self, draft: ContactDraft) -> int:
        draft = self.validate(draft)
        now = self._clock.now()
        with self._store.session() as session:
            contact = Contact(created_at=now, updated_at=now)
            self._apply(session, contact, draft)
            session.add(contact)
            session.flush()
            self._reindex(session, [contact])
            log.info("contact created id=%s", contact.id)
            return contact.id

    def update(self, contact_id: int, draft: ContactDraft) -> None:
        draft = self.validate(draft)
        with self._store.session() as session:
            contact = self._load(session, contact_id)
            self._apply(session, contact, draft)
            contact.updated_at = self._clock.now()
            session.flush()
            self._reindex(session, [contact])
        log.info("contact updated id=%s", contact_id)

    def delete(self, contact_id: int) -> None:
        with self._store.session() as session:
            contact = self._load(session, contact_id)
            self._store.backend.unindex_contacts(session, [contact_id])
            session.delete(contact)
        log.info("contact deleted id=%s", contact_id)

    def set_tag_color(self, name: str, color: str) -> None:
        with self._store.session() as session:
            tag = session.scalar(select(Tag).where(Tag.name == name))
            if tag is None:
                raise NotFoundError("tag_not_found", name=name)
            tag.color = color

    # -- reading ------------------------------------------------------------------------

    def get(self, contact_id: int) -> ContactDraft:
        with self._store.reading() as connection:
            draft = read_draft(connection, contact_id)
        if draft is None:
            raise NotFoundError("contact_not_found", id=contact_id)
        return draft

    def exists(self, contact_id: int) -> bool:
        with self._store.session() as session:
            return session.get(Contact, contact_id) is not None

    def tags(self) -> list[TagInfo]:
        with self._store.session() as session:
            rows = session.execute(select(Tag.name, Tag.color).order_by(Tag.name))
            return [TagInfo(name, color) for name, color in rows]

    def list_page(self, query: str, offset: int, limit: int) -> list[ContactRow]:
        """Contacts matching `query`, sorted by name, from `offset` on; filtered in SQL."""
        match = self._store.backend.match_expression(query)
        params = {"offset": offset, "limit": limit}
        if match is None:
            statement = self._list_all
        else:
            statement = self._list_matching
            params["match"] = match
        with self._store.reading() as connection:
            return [ContactRow.of(*row) for row in connection.execute(statement, params)]

    def count(self) -> int:
        with self._store.session() as session:
            return session.scalar(select(func.count(Contact.id))) or 0

    def find_same_person(self, draft: ContactDraft) -> list[SamePerson]:
        """Stored contacts with one of the draft's e-mails or phones: who it may already be.

        E-mails match in any letter case, phones by their E.164 form, as the importer
        merges people, so "052-123-4567" finds "+972 52 123 4567". Contacts sharing both an
        e-mail and a phone come first, then those sharing an e-mail, then a phone.
        """
        folded = _unique(e.address.strip().casefold() for e in draft.emails if e.address.strip())
        e164s = _unique(code for p in draft.phones if (code := _e164_or_empty(p.number)))
        if not folded and not e164s:
            return []

        email_owners = _owners(ContactEmail, ContactEmail.address, ContactEmail.folded, folded)
        phone_owners = _owners(ContactPhone, ContactPhone.number, ContactPhone.e164, e164s)
        with self._store.reading() as connection:
            emails = _first_per_contact(connection.execute(email_owners))
            phones = _first_per_contact(connection.execute(phone_owners))
            names = dict(connection.execute(_names_of({*emails, *phones})).all())

        found = [
            SamePerson(contact_id, name, emails.get(contact_id, ""), phones.get(contact_id, ""))
            for contact_id, name in names.items()
        ]
        found.sort(key=lambda same: (not (same.email and same.phone), not same.email))
        log.info("same person looked up found=%d", len(found))
        return found

    # -- rules ---------------------------------------------------------------------------

    @staticmethod
    def validate(draft: ContactDraft) -> ContactDraft:
        """Check a draft and return it with surrounding spaces trimmed."""
        draft.given_name = check_length(draft.given_name.strip(), 200, "given_name")
        draft.family_name = check_length(draft.family_name.strip(), 200, "family_name")
        draft.organisation = check_length(draft.organisation.strip(), 200, "organisation")
        draft.role = check_length(draft.role.strip(), 200, "role")
        draft.emails = [
            EmailEntry(check_email(entry.address), entry.kind)
            for entry in draft.emails
            if entry.address.strip()
        ]
        draft.phones = [
            PhoneEntry(check_phone(entry.number), entry.kind)
            for entry in draft.phones
            if entry.number.strip()
        ]
        draft.tags = _unique(tag.strip() for tag in draft.tags if tag.strip())
        if not (draft.display_name or draft.organisation or draft.emails or draft.phones):
            raise ValidationError("contact_needs_name", field="given_name")
        return draft

    # -- helpers -------------------------------------------------------------------------

    def _load(self, session: Session, contact_id: int) -> Contact:
        contact = session.get(
            Contact,
            contact_id,
            options=[
                selectinload(Contact.phones),
                selectinload(Contact.emails),
                selectinload(Contact.tags),
                selectinload(Contact.fields),
            ],
        )
        if contact is None:
            raise NotFoundError("contact_not_found", id=contact_id)
        return contact

    def _apply(self, session: Session, contact: Contact, draft: ContactDraft) -> None:
        contact.given_name = draft.given_name
        contact.family_name = draft.family_name
        contact.organisation = draft.organisation
        contact.role = draft.role
        contact.address = draft.address
        contact.birthday = draft.birthday
        contact.notes = draft.notes
        contact.sort_key = sort_key(draft)
        contact.phones = [
            ContactPhone(kind=p.kind, number=p.number, e164=to_e164(p.number), position=i)
            for i, p in enumerate(draft.phones)
        ]
        contact.emails = [
            ContactEmail(kind=e.kind, address=e.address, folded=e.address.casefold(), position=i)
            for i, e in enumerate(draft.emails)
        ]
        contact.fields = [
            ContactField(label=label, value=value, position=i)
            for i, (label, value) in enumerate(draft.fields)
        ]
        contact.tags = tags_by_name(session, draft.tags)

    def _reindex(self, session: Session, contacts: Iterable[Contact]) -> None:
        self._store.backend.index_contacts(session, {c.id: search_document(c) for c in contacts})


def _first(column: Any, table: type[ContactEmail] | type[ContactPhone]) -> Any:
    """The contact's first e-mail or phone, as a correlated subquery."""
    return (
        select(column)
        .where(table.contact_id == Contact.id)
        .order_by(table.position)
        .limit(1)
        .scalar_subquery()
    )


def tags_by_name(session: Session, names: list[str]) -> list[Tag]:
    """The tags with these names, each once, creating the missing ones.

    A name in another letter case is the stored tag ("vip" is "VIP"): it keeps the stored
    spelling and colour. See `tags_for_names`.
    """
    found = tags_for_names(session, names)
    return list(dict.fromkeys(found[name] for name in names))


def tags_for_names(session: Session, names: Iterable[str]) -> dict[str, Tag]:
    """Each name's tag, matched regardless of letter case; the missing ones are created.

    A stored tag spelt exactly so wins over one that differs only in case, which tags
    stored before case was ignored may still do. A new tag takes the first spelling given.
    """
    wanted = _unique(names)
    if not wanted:
        return {}
    # Every tag is read and folded here rather than in SQL: SQLite's lower() folds only
    # ASCII letters, and a business keeps tens of tags, not thousands.
    stored = list(session.scalars(select(Tag).order_by(Tag.id)))
    exact = {tag.name: tag for tag in stored}
    folded: dict[str, Tag] = {}
    for tag in stored:
        folded.setdefault(tag.name.casefold(), tag)

    tags: dict[str, Tag] = {}
    for name in wanted:
        tag = exact.get(name) or folded.get(name.casefold())
        if tag is None:
            tag = Tag(name=name, color=DEFAULT_TAG_COLOR)
            session.add(tag)
            folded[name.casefold()] = tag
        tags[name] = tag
    return tags


def search_document(contact: Contact) -> str:
    return contact_document(
        names=(contact.given_name, contact.family_name),
        emails=(e.address for e in contact.emails),
        phones=(p.number for p in contact.phones),
        organisation=contact.organisation,
        tags=(t.name for t in contact.tags),
    )


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _e164_or_empty(number: str) -> str:
    # The same E.164 form `_apply` stores and the importer matches (phone_keys.e164_of
    # gives exactly what to_e164 gives); blank and unreadable numbers match no one.
    return to_e164(number) if number.strip() else ""


def _owners(
    table: type[ContactEmail] | type[ContactPhone], value: Any, key: Any, keys: list[str]
) -> Any:
    """(contact id, stored value) of the e-mails or phones whose matching key is in `keys`."""
    return (
        select(table.contact_id, value)
        .where(key.in_(keys))
        .order_by(table.contact_id, table.position)
    )


def _names_of(contact_ids: set[int]) -> Any:
    """(id, name) of these contacts: given and family name, else the organisation."""
    full_name = func.trim(Contact.given_name + " " + Contact.family_name)
    name = func.coalesce(func.nullif(full_name, ""), Contact.organisation)
    return select(Contact.id, name).where(Contact.id.in_(contact_ids)).order_by(Contact.id)


def _first_per_contact(rows: Iterable[Any]) -> dict[int, str]:
    """Each contact's first matching value, from rows sorted by contact and position."""
    first: dict[int, str] = {}
    for contact_id, value in rows:
        first.setdefault(contact_id, value)
    return first
