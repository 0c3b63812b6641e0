"""The documents card of the contact page: the contact's files and folder links, then each
activity's.

Files dropped on the card, or picked with its paperclip button, and folders linked with its
Dropbox and Google Drive buttons, go on the contact itself. Opening a contact reads only the
documents' rows and checks that each file is still there; its folder links are asked about
off the UI thread, when not checked lately, and again with "Check links".
"""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.documents import ActivityDocuments, DocumentInfo
from kesher_desktop.services.errors import ServiceError
from kesher_desktop.services.folder_links import FolderLink, FolderLinkSources, LinkState
from kesher_desktop.ui.app_icons import paperclip_icon
from kesher_desktop.ui.attachment_actions import AttachmentActions
from kesher_desktop.ui.document_row import DocumentRow, ShownFile
from kesher_desktop.ui.file_desk import FileDesk
from kesher_desktop.ui.file_drop import FileDropTarget
from kesher_desktop.ui.folder_linking import FolderLinkButtons, FolderLinker
from kesher_desktop.ui.undo_bar import UndoBar
from kesher_desktop.ui.widgets.bidi import align_leading
from kesher_desktop.ui.widgets.elided_label import ElidedLabel
from kesher_desktop.ui.widgets.field_error import FieldError
from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)

# Links checked more recently than this are not asked about again when the contact opens.
RECHECK_AFTER = timedelta(minutes=15)


class DocumentsCard(FileDropTarget, Retranslating, QFrame):
    """Lists a contact's documents, grouped under their activities; takes new files and
    links folders.

    Signals:
        documents_changed(int): the contact's documents changed here; the contact's id.
    """

    documents_changed = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # "card" gives it the look of the page's other cards.
        self.setObjectName("card")
        self.setProperty("documents", True)
        self._services = services
        self._contact_id: int | None = None

        self.title = QLabel()
        self.title.setObjectName("cardTitle")
        self.attach_button = QPushButton()
        self.attach_button.setObjectName("linkButton")
        self.attach_button.setIcon(paperclip_icon())
        self.attach_button.clicked.connect(self.choose_files)
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setWordWrap(True)
        self.problem = FieldError()
        self.undo_bar = UndoBar()
        self.actions = AttachmentActions(
            services.documents, FileDesk(), self.undo_bar, self.problem, self
        )
        self.actions.documents_changed.connect(self._on_changed)
        self.linker = FolderLinker(self)
        self.linker.folder_linked.connect(self.take_link)
        self.linker.links_checked.connect(self._links_checked)
        self.link_buttons = FolderLinkButtons(self.linker)
        self.check_button = QPushButton()
        self.check_button.setObjectName("linkButton")
        self.check_button.clicked.connect(lambda: self.check_links())
        self.rows: list[DocumentRow] = []
        self.group_titles: list[QLabel] = []

        self._build()
        self.accept_file_drops()
        self.retranslate()

    # -- API -------------------------------------------------------------------------------

    def show_contact(self, contact_id: int) -> None:
        changed = contact_id != self._contact_id
        if changed:
            self.undo_bar.dismiss()
            self.problem.clear()
        self._contact_id = contact_id
        self.link_buttons.update_shown()
        self.refresh()
        if changed:
            self.check_links(RECHECK_AFTER)

    def use_link_sources(self, sources: FolderLinkSources) -> None:
        """Link folders through these services (tests give fakes), and show their buttons."""
        self.linker.sources = sources
        self.link_buttons.update_shown()

    def take_link(self, link: FolderLink) -> None:
        """Keep a linked folder on the contact."""
        if self._contact_id is None:
            return
        self.problem.clear()
        try:
            self._services.documents.add_link(self._contact_id, None, link)
        except ServiceError as error:
            log.warning("folder link not kept code=%s", error.code)
            self.problem.show_message(self.tr("The folder link could not be kept."))
            return
        self._on_changed()

    def check_links(self, older_than: timedelta | None = None) -> bool:
        """Ask the services whether the contact's folder links still lead somewhere; off
        the UI thread. Returns whether a check started."""
        if self._contact_id is None:
            return False
        before = self._services.clock.now() - older_than if older_than else None
        links = self._services.documents.links_to_check(self._contact_id, checked_before=before)
        started = self.linker.check(links)
        self._show_check_button()
        return started

    def refresh(self) -> None:
        """Read the contact's documents again and rebuild the rows."""
        if self._contact_id is None:
            return
        while self._list.count():
            item = self._list.takeAt(0)
            if item.widget() is not None:
                # Hidden now: deleteLater waits for the event loop, and the old row would
                # show under the new ones until then.
                item.widget().hide()
                item.widget().deleteLater()
        self.rows, self.group_titles = [], []

        listing = self._services.documents.listing(self._contact_id)
        for document in listing.own:
            self._add_row(document)
        for group in listing.by_activity:
            self._add_group(group)
        self.empty_hint.setVisible(listing.is_empty())
        self._show_check_button()

    def take_dropped(self, paths: list[Path]) -> None:
        self.take(paths)

    def choose_files(self) -> None:
        paths = self.actions.desk.choose_files(self)
        if paths:
            self.take(paths)

    def take(self, paths: list[Path]) -> None:
        """Attach files to the contact; the refused ones are named under the list."""
        if self._contact_id is not None:
            self.actions.add(self._contact_id, None, paths)

    def retranslate(self) -> None:
        # A refused file's name may start the message in either script; keep it leading.
        align_leading(self.problem, Qt.AlignmentFlag.AlignTop)
        self.title.setText(self.tr("Documents"))
        # The paperclip says "add"; a "+" before the words would say it twice.
        self.attach_button.setText(self.tr("Attach files"))
        self.attach_button.setToolTip(self.tr("Attach files (up to 12 MB each)"))
        self.empty_hint.setText(self.tr("No documents yet. Drop files here to attach them."))
        self.check_button.setToolTip(
            self.tr("Ask Dropbox and Google Drive whether each linked folder is still there")
        )
        self.refresh()

    # -- helpers ---------------------------------------------------------------------------

    def _add_row(self, document: DocumentInfo) -> None:
        shown = ShownFile(
            document.id,
            document.name,
            document.size,
            document.added_at,
            document.state,
            link=document.link,
        )
        row = DocumentRow(shown, self._services.clock.zone)
        self.actions.connect_row(row)
        self.rows.append(row)
        self._list.addWidget(row)

    def _add_group(self, group: ActivityDocuments) -> None:
        heading = ElidedLabel(group.title or self._kind_name(group.kind))
        heading.setObjectName("documentGroup")
        self.group_titles.append(heading)
        self._list.addWidget(heading)
        for document in group.documents:
            self._add_row(document)

    def _kind_name(self, kind: ActivityKind) -> str:
        names = {
            ActivityKind.MEETING: self.tr("Meeting"),
            ActivityKind.CALL: self.tr("Call"),
            ActivityKind.TASK: self.tr("Task"),
            ActivityKind.EMAIL: self.tr("E-mail"),
        }
        return names[kind]

    def _show_check_button(self) -> None:
        checking = self.linker.is_checking()
        self.check_button.setText(
            self.tr("Checking links…") if checking else self.tr("Check links")
        )
        self.check_button.setEnabled(not checking)
        self.check_button.setVisible(any(row.is_link() for row in self.rows))

    def _links_checked(self, states: dict[int, LinkState]) -> None:
        changed = self._services.documents.mark_links(states)
        if changed:
            self._on_changed()
        else:
            self._show_check_button()

    def _on_changed(self) -> None:
        self.refresh()
        if self._contact_id is not None:
            self.documents_changed.emit(self._contact_id)

    def _build(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 0, 0)
        self._list.setSpacing(2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.addLayout(header)
        layout.addLayout(self._list)
        layout.addWidget(self.empty_hint)
        # One above the other, as the link buttons are: side by side they would be the
        # widest line of the card, and of the column.
        layout.addWidget(self.link_buttons)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(self.problem)
        layout.addWidget(self.undo_bar)
