"""The leading column of the main window: a search field over the contact list."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

from kesher_desktop.ui.contact_list_delegate import ContactListDelegate
from kesher_desktop.ui.contact_list_model import ContactListModel, RowSource
from kesher_desktop.ui.widgets.retranslate import Retranslating


class ContactListPanel(Retranslating, QWidget):
    """Search and pick a contact.

    Signals:
        contact_selected(int): the user picked the contact with this id.
    """

    contact_selected = Signal(int)

    def __init__(self, contacts: RowSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactListPanel")
        self.model = ContactListModel(contacts, self)

        self.search = QLineEdit()
        self.search.setObjectName("contactSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.model.set_query)

        self.view = QListView()
        self.view.setObjectName("contactList")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setItemDelegate(ContactListDelegate(self.view))
        self.view.clicked.connect(self._picked)
        self.view.activated.connect(self._picked)

        # Names stay readable when the activity drawer takes room from the window.
        self.setMinimumWidth(220)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by name, e-mail, phone or tag"))

    def set_searchable(self, searchable: bool) -> None:
        """Searching needs the store; before it is open the field waits."""
        self.search.setEnabled(searchable)

    def load(self) -> None:
        self.model.set_query(self.search.text())

    def select_contact(self, contact_id: int) -> None:
        """Reload the list and highlight a contact, if it is among the rows shown."""
        self.model.reload()
        row = self.model.row_of(contact_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    def _picked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.contact_selected.emit(self.model.contact_id(index.row()))
