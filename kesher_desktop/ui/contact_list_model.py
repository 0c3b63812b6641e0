"""The contact list as a Qt model: ids and a row cache, filled page by page from SQL."""

from __future__ import annotations

import enum
import logging
from typing import Protocol

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from kesher_desktop.services.contact_values import ContactRow
from kesher_desktop.ui.widgets.bidi import isolate_ltr

log = logging.getLogger(__name__)

# Enough to fill a tall window; scrolling fetches more.
PAGE_SIZE = 60

ModelIndex = QModelIndex | QPersistentModelIndex


class RowSource(Protocol):
    """Where the rows come from: the contact service, or the start-up page before it."""

    def list_page(self, query: str, offset: int, limit: int) -> list[ContactRow]: ...


class FixedRows:
    """The rows read at start-up before the store is open; nothing more, nothing to search."""

    def __init__(self, rows: list[ContactRow]) -> None:
        self._rows = rows

    def list_page(self, query: str, offset: int, limit: int) -> list[ContactRow]:
        return [] if query else self._rows[offset : offset + limit]


class ContactRole(enum.IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    NAME = enum.auto()
    ORGANISATION = enum.auto()
    EMAIL = enum.auto()
    PHONE = enum.auto()
    # The row's second line: organisation and a phone or an address.
    SECONDARY = enum.auto()


class ContactListModel(QAbstractListModel):
    """Contacts matching the current query, sorted by name.

    Only the rows a view has scrolled to are loaded: the first page on a new query, and
    another each time the view asks through fetchMore. Filtering and sorting happen in SQL.
    """

    def __init__(self, contacts: RowSource, parent: object = None) -> None:
        super().__init__(parent)
        self._contacts = contacts
        self._rows: list[ContactRow] = []
        self._query = ""
        self._exhausted = True

    # -- own API ---------------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, query: str) -> None:
        """Show the contacts matching `query` from the top."""
        self._query = query
        self.beginResetModel()
        self._rows = self._contacts.list_page(query, 0, PAGE_SIZE)
        self._exhausted = len(self._rows) < PAGE_SIZE
        self.endResetModel()

    def set_source(self, contacts: RowSource) -> None:
        """Take rows from another source from now on, keeping the rows shown in place."""
        self._contacts = contacts
        self.reload()

    def reload(self) -> None:
        """Re-read the rows loaded so far, after contacts were added, changed or removed."""
        wanted = max(len(self._rows), PAGE_SIZE)
        self.beginResetModel()
        self._rows = self._contacts.list_page(self._query, 0, wanted)
        self._exhausted = len(self._rows) < wanted
        self.endResetModel()

    def row_of(self, contact_id: int) -> int:
        """The row showing a contact among those loaded, or -1."""
        for number, row in enumerate(self._rows):
            if row.id == contact_id:
                return number
        return -1

    def contact_id(self, row: int) -> int:
        return self._rows[row].id

    # -- Qt overrides ----------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole or role == ContactRole.NAME:
            return row.name or row.organisation or row.email or row.phone
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(part for part in (row.organisation, row.email, row.phone) if part)
        if role == ContactRole.ID:
            return row.id
        if role == ContactRole.ORGANISATION:
            return row.organisation
        if role == ContactRole.EMAIL:
            return row.email
        if role == ContactRole.PHONE:
            return row.phone
        if role == ContactRole.SECONDARY:
            return secondary_line(row)
        return None

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: ModelIndex) -> None:
        if parent.isValid() or self._exhausted:
            return
        page = self._contacts.list_page(self._query, len(self._rows), PAGE_SIZE)
        self._exhausted = len(page) < PAGE_SIZE
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update({role.value: role.name.lower().encode() for role in ContactRole})
        return names


def secondary_line(row: ContactRow) -> str:
    """Organisation and a way to reach them; the number or address kept left to right."""
    reach = row.phone or row.email
    return " · ".join(part for part in (row.organisation, isolate_ltr(reach)) if part)
