"""Reading vCard 2.1, 3.0 and 4.0 files into parsed records.

Handles folded lines, quoted-printable values (whose soft line breaks may split one UTF-8
letter, so the bytes are decoded only after the lines are joined), CHARSET parameters,
backslash escapes, vCard 2.1's bare parameters (`TEL;CELL:`) and PREF ordering.
"""

from __future__ import annotations

import binascii
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kesher_desktop.services.contacts import ContactDraft, EmailEntry, PhoneEntry
from kesher_desktop.services.importing.encoding import decode_bytes
from kesher_desktop.services.importing.records import ParsedRecord
from kesher_desktop.services.importing.values import (
    address_label,
    clean,
    email_kind,
    iso_date,
    join_address,
    phone_kind,
)

log = logging.getLogger(__name__)

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ENCODINGS = frozenset({"quoted-printable", "base64", "b", "8bit", "7bit"})
_ESCAPES = {"n": "\n", "N": "\n"}
_NOT_PREFERRED = 1000


@dataclass
class _Property:
    """One content line: `TEL;TYPE=CELL:+972...` is name TEL, params {type: [cell]}."""

    name: str
    params: dict[str, list[str]]
    value: str

    def param(self, key: str) -> str:
        values = self.params.get(key)
        return values[0] if values else ""

    @property
    def types(self) -> list[str]:
        return [value.casefold() for value in self.params.get("type", [])]

    @property
    def preference(self) -> int:
        """Lower sorts first: PREF=1 (vCard 4.0) or the `pref` type (2.1 and 3.0)."""
        rank = self.param("pref")
        if rank.isdigit():
            return int(rank)
        return 1 if "pref" in self.types else _NOT_PREFERRED


def parse_vcards(text: str) -> list[ParsedRecord]:
    """Every vCard in the text, in file order; a card missing its END still counts."""
    records: list[ParsedRecord] = []
    card: list[_Property] | None = None
    start = 0
    for line_number, line in _logical_lines(text):
        prop = _split_property(line)
        if prop is None:
            continue
        is_marker = prop.value.strip().casefold() == "vcard"
        if prop.name == "BEGIN" and is_marker:
            if card:
                records.append(_record(len(records) + 1, start, card))
            card, start = [], line_number
        elif prop.name == "END" and is_marker:
            if card is not None:
                records.append(_record(len(records) + 1, start, card))
            card = None
        elif card is not None:
            card.append(prop)
    if card:
        records.append(_record(len(records) + 1, start, card))
    return records


# -- lines and properties ---------------------------------------------------------------


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Content lines with folding and quoted-printable soft breaks undone, and where each began."""
    pieces: list[str] = []
    start = 0
    soft_break = False
    for number, raw in enumerate(_LINE_BREAK.split(text), start=1):
        if pieces and soft_break:
            pieces.append(raw)
        elif pieces and raw[:1] in (" ", "\t"):
            pieces.append(raw[1:])
        else:
            if pieces:
                yield start, "".join(pieces)
            pieces, start = [raw], number
        # A quoted-printable line ending in "=" goes on at the start of the next line.
        soft_break = pieces[-1].endswith("=") and _is_quoted_printable(pieces[0])
        if soft_break:
            pieces[-1] = pieces[-1][:-1]
    if pieces:
        yield start, "".join(pieces)


def _is_quoted_printable(line: str) -> bool:
    head = line.split(":", 1)[0]
    return "quoted-printable" in head.casefold()


def _split_property(line: str) -> _Property | None:
    colon = _unquoted_index(line, ":")
    if colon < 0:
        return None
    head, value = line[:colon], line[colon + 1 :]

    parts = _split_unquoted(head, ";")
    # Apple writes grouped names such as "item1.EMAIL"; the group changes nothing here.
    name = parts[0].rsplit(".", 1)[-1].strip().upper()
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        key, has_value, raw = part.partition("=")
        if not has_value:
            # vCard 2.1 writes bare parameters: `TEL;CELL;PREF:` or `NOTE;QUOTED-PRINTABLE:`.
            key, raw = ("encoding" if key.strip().casefold() in _ENCODINGS else "type"), key
        values = [item.strip() for item in raw.strip().strip('"').split(",") if item.strip()]
        params.setdefault(key.strip().casefold(), []).extend(values)
    return _Property(name, params, value)


def _unquoted_index(text: str, wanted: str) -> int:
    quoted = False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == wanted and not quoted:
            return index
    return -1


def _split_unquoted(text: str, separator: str) -> list[str]:
    parts: list[str] = []
    while (index := _unquoted_index(text, separator)) >= 0:
        parts.append(text[:index])
        text = text[index + 1 :]
    parts.append(text)
    return parts


# -- values -----------------------------------------------------------------------------


def _raw_value(prop: _Property) -> str | None:
    """The property's text with its transfer encoding undone; None for binary (photos)."""
    encoding = prop.param("encoding").casefold()
    if encoding in ("b", "base64"):
        return None
    if encoding == "quoted-printable":
        data = binascii.a2b_qp(prop.value.encode("utf-8"))
        return decode_bytes(data, prop.param("charset"))
    return prop.value


def _split_escaped(value: str, separator: str = "") -> list[str]:
    """Split at separators that are not backslash-escaped, undoing the escapes in each part."""
    parts: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(value):
        char = value[index]
        if char == "\\" and index + 1 < len(value):
            following = value[index + 1]
            current.append(_ESCAPES.get(following, following))
            index += 2
            continue
        if separator and char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


def _text(value: str) -> str:
    return clean(_split_escaped(value)[0])


# -- building the record ----------------------------------------------------------------


@dataclass
class _Card:
    """What has been gathered of one card, with the preference of each phone and e-mail."""

    draft: ContactDraft = field(default_factory=ContactDraft)
    full_name: str = ""
    title: str = ""
    ranked_phones: list[tuple[int, PhoneEntry]] = field(default_factory=list)
    ranked_emails: list[tuple[int, EmailEntry]] = field(default_factory=list)
    ranked_addresses: list[tuple[int, str, str]] = field(default_factory=list)


def _record(number: int, line: int, props: list[_Property]) -> ParsedRecord:
    card = _Card()
    for prop in props:
        value = _raw_value(prop)
        if value is not None:
            _take(card, prop, value)
    return ParsedRecord(number=number, line=line, draft=_finish(card))


def _take(card: _Card, prop: _Property, value: str) -> None:
    draft = card.draft
    if prop.name == "N":
        parts = [clean(part) for part in _split_escaped(value, ";")] + ["", "", ""]
        draft.family_name = parts[0]
        draft.given_name = " ".join(part for part in (parts[1], parts[2]) if part)
    elif prop.name == "FN":
        card.full_name = _text(value)
    elif prop.name == "ORG":
        draft.organisation = clean(_split_escaped(value, ";")[0])
    elif prop.name == "TITLE":
        draft.role = _text(value)
    elif prop.name == "ROLE":
        card.title = _text(value)
    elif prop.name == "TEL":
        number = _text(value).removeprefix("tel:")
        card.ranked_phones.append((prop.preference, PhoneEntry(number, phone_kind(prop.types))))
    elif prop.name == "EMAIL":
        address = _text(value).removeprefix("mailto:")
        card.ranked_emails.append((prop.preference, EmailEntry(address, email_kind(prop.types))))
    elif prop.name == "ADR":
        address = join_address(_split_escaped(value, ";"))
        kind = next((t for t in prop.types if t in ("home", "work")), "")
        card.ranked_addresses.append((prop.preference, address, kind))
    elif prop.name == "BDAY":
        _take_birthday(draft, _text(value))
    elif prop.name == "NOTE":
        draft.notes = "\n".join(part for part in (draft.notes, _text(value)) if part)
    elif prop.name == "CATEGORIES":
        draft.tags.extend(clean(tag) for tag in _split_escaped(value, ","))


def _take_birthday(draft: ContactDraft, text: str) -> None:
    birthday = iso_date(text)
    if birthday is not None:
        draft.birthday = birthday
    elif text:
        # A birthday without a year (--0314) has no place in a date; keep it as written.
        draft.fields.append(("Birthday", text))


def _finish(card: _Card) -> ContactDraft:
    draft = card.draft
    if not (draft.given_name or draft.family_name):
        draft.given_name = card.full_name
    draft.role = draft.role or card.title
    # sorted() is stable, so entries of equal preference keep the card's order.
    draft.phones = [entry for _, entry in sorted(card.ranked_phones, key=lambda r: r[0])]
    draft.emails = [entry for _, entry in sorted(card.ranked_emails, key=lambda r: r[0])]
    addresses = sorted(card.ranked_addresses, key=lambda r: r[0])
    addresses = [(text, kind) for _, text, kind in addresses if text]
    if addresses:
        draft.address = addresses[0][0]
        draft.fields.extend((address_label(kind), text) for text, kind in addresses[1:])
    return draft
