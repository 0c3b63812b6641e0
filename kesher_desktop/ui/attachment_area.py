"""The drawer's attachments: files dropped or picked, and cloud folders linked, for the
activity being edited.

A saved activity gets each file or link as a document at once. An activity not yet saved
holds them in the draft; they become documents when it is saved, and discarding the draft
attaches nothing. One that cannot be attached on saving stays held, listed under the saved
activity's documents, for another try.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kesher_desktop.services.attachment_intake import StoredFile
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.documents import LinkInfo
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
from kesher_desktop.ui.widgets.field_error import FieldError
from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)

# Links checked more recently than this are not asked about again when the drawer opens.
RECHECK_AFTER = timedelta(minutes=15)


class AttachmentArea(FileDropTarget, Retranslating, QFrame):
    """Takes files by drop or by the paperclip button, links folders with the Dropbox and
    Google Drive buttons (shown where set up), and lists the activity's documents.

    Signals:
        documents_changed(): a saved activity's documents changed here.
        draft_changed(): a file or link was added to or taken off the unsaved draft.
    """

    documents_changed = Signal()
    draft_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentArea")
        self._services = services
        self._contact_id: int | None = None
        self._activity_id: int | None = None
        self._pending: list[StoredFile] = []
        self._pending_links: list[FolderLink] = []

        self.attach_button = QPushButton()
        self.attach_button.setObjectName("attachButton")
        self.attach_button.setIcon(paperclip_icon())
        self.attach_button.clicked.connect(self.choose_files)
        self.drop_hint = QLabel()
        self.drop_hint.setObjectName("emptyHint")
        self.drop_hint.setWordWrap(True)
        self.problem = FieldError()
        self.undo_bar = UndoBar()
        self.actions = AttachmentActions(
            services.documents, FileDesk(), self.undo_bar, self.problem, self
        )
        self.actions.documents_changed.connect(self._on_documents_changed)
        self.linker = FolderLinker(self)
        self.linker.folder_linked.connect(self.take_link)
        self.linker.links_checked.connect(self._links_checked)
        self.link_buttons = FolderLinkButtons(self.linker)
        self.rows: list[DocumentRow] = []

        self._build()
        self.accept_file_drops()
        self.retranslate()

    # -- API -------------------------------------------------------------------------------

    def show_for(self, contact_id: int | None, activity_id: int | None) -> None:
        """Show an activity's files; with no activity, start an empty draft for the contact."""
        self._contact_id, self._activity_id = contact_id, activity_id
        self._pending, self._pending_links = [], []
        self.problem.clear()
        self.undo_bar.dismiss()
        self.link_buttons.update_shown()
        self.refresh()
        self.check_links(RECHECK_AFTER)

    def use_link_sources(self, sources: FolderLinkSources) -> None:
        """Link folders through these services (tests give fakes), and show their buttons."""
        self.linker.sources = sources
        self.link_buttons.update_shown()

    def take_link(self, link: FolderLink) -> None:
        """Keep a linked folder on the saved activity, or in the unsaved one's draft."""
        self.problem.clear()
        if self._activity_id is None:
            self._pending_links.append(link)
            self.refresh()
            self.draft_changed.emit()
            return
        try:
            self._services.documents.add_link(None, self._activity_id, link)
        except ServiceError as error:
            log.warning("folder link not kept code=%s", error.code)
            self.problem.show_message(self.tr("The folder link could not be kept."))
            return
        self._on_documents_changed()

    def check_links(self, older_than: timedelta | None = None) -> bool:
        """Ask the services whether the activity's folder links still lead somewhere."""
        if self._activity_id is None:
            return False
        before = self._services.clock.now() - older_than if older_than else None
        links = self._services.documents.links_to_check(
            activity_id=self._activity_id, checked_before=before
        )
        return self.linker.check(links)

    def take_dropped(self, paths: list[Path]) -> None:
        self.take(paths)

    def choose_files(self) -> None:
        paths = self.actions.desk.choose_files(self)
        if paths:
            self.take(paths)

    def take(self, paths: list[Path]) -> None:
        """Attach files to the saved activity, or hold them in the unsaved one's draft."""
        if self._activity_id is not None:
            self.actions.add(None, self._activity_id, paths)
            return
        # Copied into the store now, so the draft holds only hashes. Should the draft be
        # discarded, the copies stay unreferenced: harmless, as the store is addressed by
        # content and a later attach of the same file reuses them.
        intake = self._services.documents.store_files(paths, held=self._pending)
        self.actions.show_refused(intake)
        if intake.stored:
            self._pending.extend(intake.stored)
            self.refresh()
            self.draft_changed.emit()

    def pending_files(self) -> list[StoredFile]:
        """The files held until saving: a draft's, or those a save could not attach."""
        return list(self._pending)

    def pending_links(self) -> list[FolderLink]:
        """The folder links held until saving, as `pending_files`."""
        return list(self._pending_links)

    def has_pending(self) -> bool:
        """Whether files or links are held that saving would attach."""
        return bool(self._pending or self._pending_links)

    def attach_pending(self, activity_id: int) -> list[str]:
        """Make the held files and links documents of the activity just saved, which the
        area shows from now on.

        Each goes on its own, so one that fails costs no other. Returns the names of those
        not attached; they stay held and listed, to try again or take off.
        """
        self._contact_id, self._activity_id = None, activity_id
        files, self._pending = self._pending, []
        links, self._pending_links = self._pending_links, []
        documents = self._services.documents
        for file in files:
            if not _attached(activity_id, partial(documents.attach, None, activity_id, [file])):
                self._pending.append(file)
        for link in links:
            if not _attached(activity_id, partial(documents.add_link, None, activity_id, link)):
                self._pending_links.append(link)

        self.refresh()
        return [file.name for file in self._pending] + [lk.name for lk in self._pending_links]

    def forget_pending(self) -> None:
        """The draft was discarded: its files and links go on nothing."""
        self._pending, self._pending_links = [], []
        self.refresh()

    def refresh(self) -> None:
        for row in self.rows:
            # Hidden now: deleteLater waits for the event loop.
            row.hide()
            row.deleteLater()
        self.rows = [self._row(shown) for shown in self._shown_files()]
        for row in self.rows:
            self._list.addWidget(row)
        self.drop_hint.setVisible(not self.rows)

    def retranslate(self) -> None:
        # A refused file's name may start the message in either script; keep it leading.
        align_leading(self.problem, Qt.AlignmentFlag.AlignTop)
        self.attach_button.setText(self.tr("Attach files…"))
        self.attach_button.setToolTip(self.tr("Up to 12 MB each; several at once."))
        self.drop_hint.setText(self.tr("Drop files here, or attach them with the button."))

    # -- helpers ---------------------------------------------------------------------------

    def _shown_files(self) -> list[ShownFile]:
        """The saved activity's documents, then what is held: all of a draft's, or what
        could not be attached when it was saved."""
        saved: list[ShownFile] = []
        if self._activity_id is not None:
            documents = self._services.documents.for_activity(self._activity_id)
            saved = [
                ShownFile(d.id, d.name, d.size, d.added_at, d.state, link=d.link)
                for d in documents
            ]
        return saved + self._held_files()

    def _held_files(self) -> list[ShownFile]:
        files = [
            ShownFile(index, file.name, file.size, None, pending=True)
            for index, file in enumerate(self._pending)
        ]
        # Numbered on after the files, so one index names either kind that is held.
        links = [
            ShownFile(
                len(files) + index,
                link.name,
                None,
                None,
                pending=True,
                link=LinkInfo(link.service, link.url, link.path, LinkState.LIVE),
            )
            for index, link in enumerate(self._pending_links)
        ]
        return files + links

    def _row(self, shown: ShownFile) -> DocumentRow:
        row = DocumentRow(shown, self._services.clock.zone)
        if shown.pending:
            row.remove_requested.connect(self._drop_pending)
        else:
            self.actions.connect_row(row)
        return row

    def _drop_pending(self, index: int) -> None:
        if index < len(self._pending):
            del self._pending[index]
        else:
            del self._pending_links[index - len(self._pending)]
        self.refresh()
        self.draft_changed.emit()

    def _links_checked(self, states: dict[int, LinkState]) -> None:
        if self._services.documents.mark_links(states):
            self._on_documents_changed()

    def _on_documents_changed(self) -> None:
        self.refresh()
        self.documents_changed.emit()

    def _build(self) -> None:
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 0, 0)
        self._list.setSpacing(2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.attach_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(self._list)
        layout.addWidget(self.drop_hint)
        layout.addLayout(buttons)
        layout.addWidget(self.link_buttons)
        layout.addWidget(self.problem)
        layout.addWidget(self.undo_bar)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)


def _attached(activity_id: int, attach: Callable[[], object]) -> bool:
    """Run one attach of a held file or link; False, logged, when the store refused it."""
    try:
        attach()
    except ServiceError as error:
        log.warning("held item not attached activity=%s code=%s", activity_id, error.code)
        return False
    return True
