"""The review list: tracked mail that matched no contact, waiting for the user to place it.

Each message shows whom it went to (it is my own mail, so its sender is always me), its
subject, date and why it waits; a forged tag is marked
clearly, since such a message claimed a contact it has no right to. The user searches a
contact by name and assigns the message to them, or discards it.
"""

from __future__ import annotations

import enum
import logging
from email.utils import getaddresses
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.models import ReviewReason
from kesher_desktop.services.contacts import ContactService
from kesher_desktop.services.errors import ServiceError
from kesher_desktop.services.mail_tracking import ReviewItem, TrackingService
from kesher_desktop.ui.messages import message_for
from kesher_desktop.ui.widgets.bidi import isolate, isolate_ltr
from kesher_desktop.ui.widgets.field_error import FieldError
from kesher_desktop.ui.widgets.retranslate import Retranslating
from kesher_desktop.ui.widgets.zoned_time import format_instant

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
PICKER_LIMIT = 50
FORGED_COLOR = "#c62828"


class Column(enum.IntEnum):
    RECIPIENTS = 0
    SUBJECT = 1
    DATE = 2
    REASON = 3


class ReviewRole(enum.IntEnum):
    ITEM_ID = Qt.ItemDataRole.UserRole + 1
    REASON = Qt.ItemDataRole.UserRole + 2


def reason_text(reason: ReviewReason) -> str:
    names = {
        ReviewReason.NO_MATCH: QCoreApplication.translate(
            "ReviewList", "No recipient is a contact"
        ),
        ReviewReason.FORGED_TAG: QCoreApplication.translate("ReviewList", "⚠ Forged tracking tag"),
        ReviewReason.UNKNOWN_CONTACT: QCoreApplication.translate(
            "ReviewList", "Its contact no longer exists"
        ),
    }
    return names.get(reason, "")


def reason_tip(reason: ReviewReason) -> str:
    tips = {
        ReviewReason.NO_MATCH: QCoreApplication.translate(
            "ReviewList", "It has no tracking tag and none of its recipients is a contact."
        ),
        ReviewReason.FORGED_TAG: QCoreApplication.translate(
            "ReviewList",
            "Its tracking tag was not made by Kesher: someone may be trying to put mail on "
            "a contact. Assign it only if you know the message.",
        ),
        ReviewReason.UNKNOWN_CONTACT: QCoreApplication.translate(
            "ReviewList", "Its tag names a contact that was deleted since."
        ),
    }
    return tips.get(reason, "")


class ReviewListModel(QAbstractTableModel):
    """The waiting messages, oldest first; holds plain `ReviewItem` values, no session."""

    def __init__(self, tracking: TrackingService, zone: ZoneInfo) -> None:
        super().__init__()
        self._tracking = tracking
        self._zone = zone
        self._items: list[ReviewItem] = []

    def reload(self) -> None:
        self.beginResetModel()
        self._items = self._tracking.review_items()
        self.endResetModel()

    def item(self, row: int) -> ReviewItem:
        return self._items[row]

    def row_of(self, item_id: int) -> int:
        for row, item in enumerate(self._items):
            if item.id == item_id:
                return row
        return -1

    # -- Qt overrides ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = {
            Column.RECIPIENTS: QCoreApplication.translate("ReviewList", "To"),
            Column.SUBJECT: QCoreApplication.translate("ReviewList", "Subject"),
            Column.DATE: QCoreApplication.translate("ReviewList", "Sent"),
            Column.REASON: QCoreApplication.translate("ReviewList", "Why it waits"),
        }
        return names.get(Column(section)) if 0 <= section < len(Column) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = Column(index.column())
        forged = item.reason is ReviewReason.FORGED_TAG
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is Column.RECIPIENTS:
                return "\n".join(_people(item.recipients))
            return reason_tip(item.reason) if column is Column.REASON else None
        if role == Qt.ItemDataRole.ForegroundRole and forged and column is Column.REASON:
            return QBrush(QColor(FORGED_COLOR))
        if role == Qt.ItemDataRole.FontRole and forged and column is Column.REASON:
            font = QFont()
            font.setBold(True)
            return font
        if role == ReviewRole.ITEM_ID:
            return item.id
        if role == ReviewRole.REASON:
            return item.reason.value
        return None

    def _text(self, item: ReviewItem, column: Column) -> str:
        if column is Column.RECIPIENTS:
            people = _people(item.recipients)
            return _in_page_direction(", ".join(people)) if people else ""
        if column is Column.SUBJECT:
            return item.subject or QCoreApplication.translate("ReviewList", "(no subject)")
        if column is Column.DATE:
            when = item.sent_at or item.received_at
            return isolate_ltr(format_instant(when, self._zone))
        return reason_text(item.reason)


class ReviewList(Retranslating, QDialog):
    """A window over the review list; it stays open while the user places message after
    message.

    Signals:
        count_changed(int): how many messages wait now.
        assigned(int, int): a message was logged on a contact (contact id, activity id).
    """

    count_changed = Signal(int)
    assigned = Signal(int, int)

    def __init__(
        self,
        tracking: TrackingService,
        contacts: ContactService,
        zone: ZoneInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewList")
        self._tracking = tracking
        self._contacts = contacts
        self.model = ReviewListModel(tracking, zone)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.SUBJECT, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty = QLabel()
        self.empty.setObjectName("emptyHint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._find_contacts)
        self.matches = QListWidget()
        self.matches.setMaximumHeight(140)
        self.matches.itemSelectionChanged.connect(self._update_buttons)
        self.matches.itemDoubleClicked.connect(lambda _item: self.assign_selected())
        self._picker_label = QLabel()
        self.assign_button = QPushButton()
        self.assign_button.clicked.connect(self.assign_selected)
        self.discard_button = QPushButton()
        self.discard_button.clicked.connect(self.discard_selected)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close)
        self.error = FieldError()

        self._lay_out()
        self.resize(900, 560)
        self.retranslate()
        self.reload()

    def _lay_out(self) -> None:
        picker = QVBoxLayout()
        picker.addWidget(self._picker_label)
        picker.addWidget(self.search)
        picker.addWidget(self.matches)
        buttons = QHBoxLayout()
        buttons.addWidget(self.assign_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(picker)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Mail to review"))
        self.intro.setText(
            self.tr(
                "These messages reached the tracking mailbox but could not be logged on a "
                "contact by themselves. Choose a message and a contact, then Assign; or "
                "Discard what does not belong in Kesher."
            )
        )
        self.empty.setText(self.tr("No mail waits for review."))
        self._picker_label.setText(self.tr("Log the chosen message on:"))
        self.search.setPlaceholderText(self.tr("Search a contact by name"))
        self.assign_button.setText(self.tr("Assign"))
        self.discard_button.setText(self.tr("Discard"))
        self.close_button.setText(self.tr("Close"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    # -- API -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the list again, keeping the chosen message chosen where it still waits."""
        chosen = self.selected_item_id()
        self.model.reload()
        row = self.model.row_of(chosen) if chosen is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            # Through the selection model: selectRow does nothing while the view is hidden.
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        has_items = self.model.rowCount() > 0
        self.table.setVisible(has_items)
        self.empty.setVisible(not has_items)
        self._update_buttons()
        self.count_changed.emit(self.model.rowCount())

    def selected_item_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()).id if rows else None

    def selected_contact_id(self) -> int | None:
        item = self.matches.currentItem()
        if item is None or not item.isSelected():
            return None
        return int(item.data(Qt.ItemDataRole.UserRole))

    def assign_selected(self) -> bool:
        """Log the chosen message on the chosen contact."""
        item_id, contact_id = self.selected_item_id(), self.selected_contact_id()
        if item_id is None or contact_id is None:
            return False
        try:
            activity_id = self._tracking.assign(item_id, contact_id)
        except ServiceError as error:
            self.error.show_message(message_for(error))
            self.reload()
            return False
        self.error.clear()
        # The next message is chosen by itself; its contact must be chosen afresh, or a
        # second click would log it on this one too.
        self.search.clear()
        self.reload()
        self.assigned.emit(contact_id, activity_id)
        return True

    def discard_selected(self) -> bool:
        item_id = self.selected_item_id()
        if item_id is None:
            return False
        try:
            self._tracking.discard(item_id)
        except ServiceError as error:
            self.error.show_message(message_for(error))
        else:
            self.error.clear()
        self.reload()
        return True

    # -- helpers ---------------------------------------------------------------------------

    def _find_contacts(self, text: str) -> None:
        self.matches.clear()
        query = text.strip()
        if not query:
            self._update_buttons()
            return
        for row in self._contacts.list_page(query, 0, PICKER_LIMIT):
            shown = isolate(row.name or row.organisation) or isolate_ltr(row.email or row.phone)
            details = [isolate(row.organisation) if row.name else "", isolate_ltr(row.email)]
            detail = " \u00b7 ".join(part for part in details if part)
            text = f"{shown} \u2014 {detail}" if detail else shown
            entry = QListWidgetItem(_in_page_direction(text))
            entry.setData(Qt.ItemDataRole.UserRole, row.id)
            self.matches.addItem(entry)
        if self.matches.count() == 1:
            self.matches.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_item = self.selected_item_id() is not None
        self.discard_button.setEnabled(has_item)
        self.assign_button.setEnabled(has_item and self.selected_contact_id() is not None)
        self.search.setEnabled(has_item)
        self.matches.setEnabled(has_item)


def _people(header: str) -> list[str]:
    """Each person of a To and Cc list: the name in its own direction, the address
    left-to-right."""
    found = [(name, address) for name, address in getaddresses([header]) if address]
    if not found:
        return [isolate(header)] if header.strip() else []
    return [_person(name, address) for name, address in found]


def _person(name: str, address: str) -> str:
    if not name:
        return isolate_ltr(address)
    return f"{isolate(name)} {isolate_ltr(f'<{address}>')}"


def _in_page_direction(text: str) -> str:
    """Text whose parts are isolated, laid out in the page's direction: with only isolates
    in it, Qt would take the direction from the first letter inside one."""
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return ("\u200f" if rtl else "\u200e") + text
