"""The Google Calendar sync log: what went to Google and came from it, newest first, and
where the sync stands (connected, waiting for a new connection, paused by Google)."""

from __future__ import annotations

import enum
import logging
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.models import SyncLogKind
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.calendar_log import SyncLogEntry
from kesher_desktop.services.errors import NotFoundError
from kesher_desktop.ui.calendar_texts import google_copy_text, kind_text, reason_text
from kesher_desktop.ui.widgets.bidi import align_leading, isolate_ltr, shorten
from kesher_desktop.ui.widgets.list_rows import AnyIndex, read_only_flags
from kesher_desktop.ui.widgets.retranslate import Retranslating
from kesher_desktop.ui.widgets.zoned_time import format_instant

if TYPE_CHECKING:
    from kesher_desktop.ui.calendar_wiring import CalendarSync

log = logging.getLogger(__name__)

LOG_LIMIT = 200
QUOTA_HALT = "quota_exceeded"


class Column(enum.IntEnum):
    WHEN = 0
    WHAT = enum.auto()
    ACTIVITY = enum.auto()
    WHY = enum.auto()


class SyncLogModel(QAbstractTableModel):
    """The log's entries as rows; the activities' titles are handed in with them."""

    def __init__(self, zone: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self._entries: list[SyncLogEntry] = []
        self._titles: dict[int, str] = {}

    def set_entries(self, entries: list[SyncLogEntry], titles: dict[int, str]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._titles = dict(titles)
        self.endResetModel()

    def entry(self, row: int) -> SyncLogEntry:
        return self._entries[row]

    # -- Qt overrides ----------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        translate = QCoreApplication.translate
        names = {
            Column.WHEN: translate("SyncLogModel", "When"),
            Column.WHAT: translate("SyncLogModel", "What"),
            Column.ACTIVITY: translate("SyncLogModel", "Activity"),
            Column.WHY: translate("SyncLogModel", "Details"),
        }
        return names.get(Column(section)) if 0 <= section < len(Column) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid():
            return None
        entry = self._entries[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column).replace("\n", " \u2014 ")
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.WHY:
            return self._text(entry, column)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return read_only_flags(index)

    # -- helpers ---------------------------------------------------------------------------

    def _text(self, entry: SyncLogEntry, column: Column) -> str:
        if column is Column.WHEN:
            return isolate_ltr(format_instant(entry.at, self._zone))
        if column is Column.WHAT:
            return kind_text(entry.kind)
        if column is Column.ACTIVITY:
            return self._title(entry.activity_id)
        return self._why(entry)

    def _title(self, activity_id: int | None) -> str:
        if activity_id is None:
            return ""
        title = self._titles.get(activity_id)
        if title is None:
            return QCoreApplication.translate("SyncLogModel", "(deleted)")
        # A cell is a paragraph of its own: the title needs no isolating there.
        return title

    def _why(self, entry: SyncLogEntry) -> str:
        lines = [reason_text(entry.reason)]
        if entry.google_copy is not None:
            lines.append(google_copy_text(entry.google_copy, self._zone))
        elif entry.detail and entry.kind is SyncLogKind.PULLED:
            changed = entry.detail.replace(",", ", ")
            lines.append(
                QCoreApplication.translate("SyncLogModel", "Changed: {fields}").format(
                    fields=isolate_ltr(changed)
                )
            )
        elif entry.detail:
            lines.append(isolate_ltr(shorten(entry.detail, 160)))
        return "\n".join(line for line in lines if line)


class SyncLogWindow(Retranslating, QWidget):
    """A window of its own, beside the main one: the status line, Refresh, and the log.

    The Reconnect button shows while Google waits for the account to be connected (again).
    """

    def __init__(
        self, calendar: CalendarSync, services: Services, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("syncLogWindow")
        self._calendar = calendar
        self._services = services

        self.status = QLabel()
        self.status.setObjectName("syncStatus")
        self.status.setWordWrap(True)
        self.reconnect_button = QPushButton()
        self.reconnect_button.setObjectName("reconnectButton")
        self.reconnect_button.clicked.connect(self.reconnect)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.reload)
        self.empty = QLabel()
        self.empty.setObjectName("emptyHint")
        self.model = SyncLogModel(services.clock.zone, self)
        self.table = QTableView()
        self.table.setObjectName("syncLogTable")
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (Column.WHEN, Column.WHAT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.ACTIVITY, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.reconnect_button)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.resize(900, 480)
        self.retranslate()

    # -- API -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the log and the sync's state again."""
        entries = self._calendar.sync_log.entries(limit=LOG_LIMIT)
        self.model.set_entries(entries, self._titles(entries))
        self.table.setColumnWidth(Column.ACTIVITY, 220)
        self.empty.setVisible(not entries)
        self.table.setVisible(bool(entries))
        self._show_status()

    def reconnect(self) -> None:
        """Connect the Google account (again); the sync goes on at once when it worked."""
        self._calendar.ask_to_connect(self)
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Google Calendar sync log"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.empty.setText(self.tr("Nothing has been synced yet."))
        align_leading(self.status)
        align_leading(self.empty)
        self._show_status()

    # -- helpers ---------------------------------------------------------------------------

    def _titles(self, entries: list[SyncLogEntry]) -> dict[int, str]:
        """The titles of the activities the entries name; deleted ones are left out."""
        titles: dict[int, str] = {}
        for activity_id in dict.fromkeys(e.activity_id for e in entries if e.activity_id):
            try:
                row = self._services.activities.row(activity_id)
            except NotFoundError:
                continue
            titles[activity_id] = shorten(row.title, 80)
        return titles

    def _show_status(self) -> None:
        text, button = self._status()
        self.status.setText(text)
        self.reconnect_button.setText(button)
        self.reconnect_button.setVisible(bool(button))

    def _status(self) -> tuple[str, str]:
        """The status line, and the connect button's text ("" for no button)."""
        calendar = self._calendar
        if not calendar.offered():
            return self.tr("No Google client file is set. Choose one in Settings."), ""
        if calendar.account.needs_reconnect():
            return (
                self.tr("Google no longer accepts Kesher's access; changes wait here."),
                self.tr("Reconnect…"),
            )
        if not calendar.is_connected():
            return (
                self.tr("Not connected to Google; changes wait here until you connect."),
                self.tr("Connect…"),
            )
        halt = calendar.worker.halt()
        if halt is not None and halt.code == QUOTA_HALT and halt.until is not None:
            until = isolate_ltr(format_instant(halt.until, self._services.clock.zone))
            return (
                self.tr(
                    "Halted: Google's daily allowance of calls is used up. Syncing starts "
                    "again by itself at {time}."
                ).format(time=until),
                "",
            )
        if halt is not None:
            return self.tr("Halted: {reason}").format(reason=reason_text(halt.code)), ""
        account = calendar.account_name()
        if account:
            return self.tr("Connected as {account}.").format(account=isolate_ltr(account)), ""
        return self.tr("Connected."), ""
