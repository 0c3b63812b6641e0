"""Reading a contacts CSV: finding its delimiter and columns by header name, and its layout.

Google Contacts and Outlook both write a header row; their columns are found by name, so
their order (and any columns added or left out) does not matter.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kesher_desktop.services.importing.records import GOOGLE_CSV, OUTLOOK_CSV

_DELIMITERS = (",", ";", "\t")
_GOOGLE_NUMBERED = re.compile(r"^(e-mail|phone|address|organization) \d+ - (value|type|label)")
_GOOGLE_NAMES = frozenset({"given name", "family name", "group membership", "labels"})
_OUTLOOK_NAMES = frozenset(
    {"e-mail address", "mobile phone", "business phone", "home phone", "job title", "company"}
)
_SHARED_NAMES = frozenset({"first name", "last name", "name", "notes", "birthday"})


def header_key(name: str) -> str:
    """A header name as looked up: spaces collapsed, case folded, a stray BOM dropped."""
    return " ".join(name.replace("\ufeff", "").split()).casefold()


@dataclass
class CsvTable:
    """The rows of a CSV file and where each named column is."""

    columns: dict[str, int]
    rows: list[tuple[int, list[str]]]

    def cell(self, cells: list[str], *names: str) -> str:
        """The first non-empty value among the named columns, trimmed; "" if none."""
        return first_value(cells, self.indexes(*names))

    def indexes(self, *names: str) -> tuple[int, ...]:
        """Where the named columns are, for looking up many rows quickly with first_value."""
        return tuple(self.columns[name] for name in names if name in self.columns)

    def column_values(self, name: str) -> Iterator[str]:
        index = self.columns.get(name)
        if index is None:
            return
        for _, cells in self.rows:
            if index < len(cells):
                yield cells[index]


def first_value(cells: list[str], indexes: tuple[int, ...]) -> str:
    """The first non-empty cell among `indexes`, trimmed; "" if none."""
    for index in indexes:
        if index < len(cells):
            value = cells[index].strip()
            if value:
                return value
    return ""


def csv_layout(text: str) -> tuple[str, str] | None:
    """The layout (Google or Outlook) and delimiter of a contacts CSV, or None if not one."""
    first_line = text.split("\n", 1)[0]
    best: tuple[int, str, set[str]] | None = None
    for delimiter in _DELIMITERS:
        names = {header_key(name) for name in next(csv.reader([first_line], delimiter=delimiter))}
        known = sum(1 for name in names if _is_known(name))
        if known and (best is None or known > best[0]):
            best = (known, delimiter, names)
    if best is None:
        return None

    _, delimiter, names = best
    if names & _GOOGLE_NAMES or any(_GOOGLE_NUMBERED.match(name) for name in names):
        return GOOGLE_CSV, delimiter
    if names & _OUTLOOK_NAMES or names >= {"first name", "last name"}:
        return OUTLOOK_CSV, delimiter
    return None


def read_table(text: str, delimiter: str) -> CsvTable:
    """The header and the rows that hold anything, each with the line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, [])
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        columns.setdefault(header_key(name), index)

    rows: list[tuple[int, list[str]]] = []
    line = reader.line_num + 1
    for cells in reader:
        # Rows of empty cells (a spreadsheet's trailing lines) are no one; they are not reported.
        if any(cell.strip() for cell in cells):
            rows.append((line, cells))
        line = reader.line_num + 1
    return CsvTable(columns, rows)


def _is_known(name: str) -> bool:
    return (
        name in _GOOGLE_NAMES
        or name in _OUTLOOK_NAMES
        or name in _SHARED_NAMES
        or bool(_GOOGLE_NUMBERED.match(name))
    )
