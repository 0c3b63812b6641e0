"""What the app's list models share: the index type Qt hands them, and read-only rows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex


def read_only_flags(index: AnyIndex) -> Qt.ItemFlag:
    """Rows that can be selected but not edited in place: editing happens in the drawer
    or the row's own dialog, never in the list cell."""
    if not index.isValid():
        return Qt.ItemFlag.NoItemFlags
    return (
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    )
