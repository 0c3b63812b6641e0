"""People from an Outlook contacts CSV export (English column names).

Outlook writes dates in the Windows locale's order (day first on Hebrew Windows), writes
0/0/00 for no date, separates categories with ";" and gives Exchange users an X.500 path
instead of an e-mail address.
"""

from __future__ import annotations

from kesher_desktop.services.contacts import ContactDraft, EmailEntry, PhoneEntry
from kesher_desktop.services.importing.csv_contacts import CsvTable
from kesher_desktop.services.importing.records import ParsedRecord
from kesher_desktop.services.importing.values import (
    address_label,
    clean,
    day_comes_first,
    iso_date,
    join_address,
    slash_date,
)

_PHONES = (
    ("mobile phone", "mobile"),
    ("business phone", "work"),
    ("business phone 2", "work"),
    ("company main phone", "work"),
    ("home phone", "home"),
    ("home phone 2", "home"),
    ("primary phone", "other"),
    ("other phone", "other"),
    ("car phone", "other"),
    ("assistant's phone", "other"),
    ("callback", "other"),
    ("pager", "other"),
    ("business fax", "fax"),
    ("home fax", "fax"),
    ("other fax", "fax"),
)
_EMAILS = (
    ("e-mail address", "e-mail type"),
    ("e-mail 2 address", "e-mail 2 type"),
    ("e-mail 3 address", "e-mail 3 type"),
)
_ADDRESSES = ("business", "home", "other")
_ADDRESS_PARTS = (
    "street",
    "street 2",
    "street 3",
    "address po box",
    "city",
    "state",
    "postal code",
    "country/region",
)
_NO_DATE = "0/0/00"
# Exchange users carry "EX" as their e-mail type and a directory path as the address.
_EXCHANGE = "ex"


def parse_outlook(table: CsvTable) -> list[ParsedRecord]:
    day_first = day_comes_first(table.column_values("birthday"))
    return [
        ParsedRecord(number=index, line=line, draft=_draft(table, cells, day_first))
        for index, (line, cells) in enumerate(table.rows, start=1)
    ]


def _draft(table: CsvTable, cells: list[str], day_first: bool) -> ContactDraft:
    cell = table.cell
    given = (cell(cells, "first name"), cell(cells, "middle name"))
    draft = ContactDraft(
        given_name=" ".join(part for part in given if part),
        family_name=cell(cells, "last name"),
        organisation=cell(cells, "company"),
        role=cell(cells, "job title"),
        notes=clean(cell(cells, "notes")),
        tags=[tag.strip() for tag in cell(cells, "categories").split(";") if tag.strip()],
        phones=[
            PhoneEntry(cell(cells, column), kind)
            for column, kind in _PHONES
            if cell(cells, column)
        ],
        emails=[
            EmailEntry(cell(cells, address), "other")
            for address, kind in _EMAILS
            if cell(cells, address) and cell(cells, kind).casefold() != _EXCHANGE
        ],
    )
    _take_birthday(draft, cell(cells, "birthday"), day_first)
    _take_addresses(draft, table, cells)
    return draft


def _take_birthday(draft: ContactDraft, text: str, day_first: bool) -> None:
    if not text or text == _NO_DATE:
        return
    draft.birthday = slash_date(text, day_first) or iso_date(text)
    if draft.birthday is None:
        draft.fields.append(("Birthday", text))


def _take_addresses(draft: ContactDraft, table: CsvTable, cells: list[str]) -> None:
    for kind in _ADDRESSES:
        address = join_address(table.cell(cells, f"{kind} {part}") for part in _ADDRESS_PARTS)
        if not address:
            continue
        if draft.address:
            draft.fields.append((address_label(kind), address))
        else:
            draft.address = address
