"""People from a Google Contacts CSV export, in its older and its current column names.

Google packs several values of one kind into a cell separated by " ::: " (with the types
in the matching "- Type" or "- Label" cell), marks the primary one's type with "* ", and
lists built-in groups such as "* myContacts" among the user's labels.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kesher_desktop.services.contacts import ContactDraft, EmailEntry, PhoneEntry
from kesher_desktop.services.importing.csv_contacts import CsvTable, first_value
from kesher_desktop.services.importing.records import ParsedRecord
from kesher_desktop.services.importing.values import (
    address_label,
    clean,
    email_kind,
    iso_date,
    join_address,
    kind_words,
    phone_kind,
)

SEPARATOR = " ::: "
PRIMARY = "* "
_NUMBERED = re.compile(r"^(e-mail|phone|address|custom field) (\d+) - (.+)$")
_ADDRESS_PARTS = (
    "street",
    "extended address",
    "po box",
    "city",
    "region",
    "postal code",
    "country",
)


@dataclass(frozen=True)
class _Group:
    """One numbered group of columns, such as "Phone 2 - Type" and "Phone 2 - Value"."""

    kind: str
    value: int | None
    type: int | None
    formatted: int | None
    parts: tuple[int, ...]


@dataclass(frozen=True)
class _Columns:
    """Where each thing is in this file, worked out once for all its rows."""

    given: tuple[int, ...]
    middle: tuple[int, ...]
    family: tuple[int, ...]
    full: tuple[int, ...]
    organisation: tuple[int, ...]
    title: tuple[int, ...]
    notes: tuple[int, ...]
    labels: tuple[int, ...]
    birthday: tuple[int, ...]
    groups: tuple[_Group, ...]


def parse_google(table: CsvTable) -> list[ParsedRecord]:
    columns = _columns(table)
    return [
        ParsedRecord(number=index, line=line, draft=_draft(columns, cells))
        for index, (line, cells) in enumerate(table.rows, start=1)
    ]


def _columns(table: CsvTable) -> _Columns:
    return _Columns(
        given=table.indexes("given name", "first name"),
        middle=table.indexes("additional name", "middle name"),
        family=table.indexes("family name", "last name"),
        full=table.indexes("name"),
        organisation=table.indexes("organization 1 - name", "organization name"),
        title=table.indexes("organization 1 - title", "organization title"),
        notes=table.indexes("notes"),
        labels=table.indexes("group membership", "labels"),
        birthday=table.indexes("birthday"),
        groups=_groups(table),
    )


def _groups(table: CsvTable) -> tuple[_Group, ...]:
    found: dict[tuple[str, int], dict[str, int]] = {}
    for name, index in table.columns.items():
        match = _NUMBERED.match(name)
        if match:
            # Older exports say "- Type", current ones "- Label".
            part = "type" if match[3] == "label" else match[3]
            found.setdefault((match[1], int(match[2])), {})[part] = index
    return tuple(
        _Group(
            kind=kind,
            value=parts.get("value"),
            type=parts.get("type"),
            formatted=parts.get("formatted"),
            parts=tuple(parts[name] for name in _ADDRESS_PARTS if name in parts),
        )
        for (kind, _), parts in sorted(found.items())
    )


def _draft(columns: _Columns, cells: list[str]) -> ContactDraft:
    given, middle = first_value(cells, columns.given), first_value(cells, columns.middle)
    draft = ContactDraft(
        given_name=f"{given} {middle}" if given and middle else given or middle,
        family_name=first_value(cells, columns.family),
        organisation=_first(first_value(cells, columns.organisation)),
        role=_first(first_value(cells, columns.title)),
        notes=clean(first_value(cells, columns.notes)),
        tags=_labels(first_value(cells, columns.labels)),
    )
    if not (draft.given_name or draft.family_name):
        draft.given_name = first_value(cells, columns.full)

    birthday = first_value(cells, columns.birthday)
    if birthday:
        draft.birthday = iso_date(birthday)
        if draft.birthday is None:
            draft.fields.append(("Birthday", birthday))

    for group in columns.groups:
        for primary, kind, value in _values(cells, group):
            _take(draft, group.kind, primary, kind, value)
    return draft


def _take(draft: ContactDraft, group: str, primary: bool, kind: str, value: str) -> None:
    if group == "phone":
        phone = PhoneEntry(value, _phone_kind(kind))
        draft.phones.insert(0 if primary else len(draft.phones), phone)
    elif group == "e-mail":
        email = EmailEntry(value, _email_kind(kind))
        draft.emails.insert(0 if primary else len(draft.emails), email)
    elif group == "address":
        if draft.address:
            draft.fields.append((address_label(kind), value))
        else:
            draft.address = value
    elif group == "custom field":
        draft.fields.append((kind or "Custom field", value))


# Cached: a file holds a handful of distinct types, repeated on every row.
@functools.lru_cache(maxsize=256)
def _phone_kind(kind: str) -> str:
    return phone_kind(kind_words(kind))


@functools.lru_cache(maxsize=256)
def _email_kind(kind: str) -> str:
    return email_kind(kind_words(kind))


def _values(cells: list[str], group: _Group) -> list[tuple[bool, str, str]]:
    """(is primary, type, value) for each value packed in one numbered group's cells."""
    if group.kind == "address":
        formatted = _cell(cells, group.formatted)
        if not formatted:
            formatted = join_address(_cell(cells, index) for index in group.parts)
        values = [join_address([text]) for text in _split(formatted)]
    else:
        values = _split(_cell(cells, group.value))
    if not values:
        return []
    kinds = _split(_cell(cells, group.type))
    if len(values) == 1:
        # The usual cell, one value and its type: the loop below, run once.
        kind = kinds[0] if kinds else ""
        return [(kind.startswith(PRIMARY), kind.removeprefix(PRIMARY).strip(), values[0])]

    result = []
    for index, value in enumerate(values):
        # A single type may stand for every value in the cell; its "* " only for the first.
        kind = kinds[min(index, len(kinds) - 1)] if kinds else ""
        primary = kind.startswith(PRIMARY) and (index < len(kinds) or index == 0)
        result.append((primary, kind.removeprefix(PRIMARY).strip(), value))
    return result


def _labels(cell: str) -> list[str]:
    """The user's own labels; "* myContacts", "* starred" and the like are Google's."""
    return [label for label in _split(cell) if not label.startswith(PRIMARY)]


def _split(cell: str) -> list[str]:
    if SEPARATOR not in cell:
        return [cell] if cell else []
    return [part.strip() for part in cell.split(SEPARATOR) if part.strip()]


def _first(cell: str) -> str:
    parts = _split(cell)
    return parts[0] if parts else ""


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()
