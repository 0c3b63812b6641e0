"""The drawer's attachments: files dropped or picked for the activity being edited.

A saved activity gets each file as a document at once. An activity not yet saved holds its
files in the draft; they become documents when it is saved, and discarding the draft
attaches nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kesher_desktop.services.attachment_intake import StoredFile
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.errors import ServiceError
from kesher_desktop.ui.attachment_actions import AttachmentActions
from kesher_desktop.ui.document_row import DocumentRow, ShownFile
from kesher_desktop.ui.file_desk import FileDesk
from kesher_desktop.ui.file_drop import FileDropTarget
from kesher_desktop.ui.undo_bar import UndoBar
from kesher_desktop.ui.widgets.bidi import align_leading
from kesher_desktop.ui.widgets.field_error import FieldError
from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)


class AttachmentArea(FileDropTarget, Retranslating, QFrame):
    """Takes files by drop or by the paperclip button, and lists the activity's files.

    Signals:
        documents_changed(): a saved activity's documents changed here.
        draft_changed(): a file was added to or taken off the unsaved activity's draft.
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

        self.attach_button = QPushButton()
        self.attach_button.setObjectName("attachButton")
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
        self.rows: list[DocumentRow] = []

        self._build()
        self.accept_file_drops()
        self.retranslate()

    # -- API -------------------------------------------------------------------------------

    def show_for(self, contact_id: int | None, activity_id: int | None) -> None:
        """Show an activity's files; with no activity, start an empty draft for the contact."""
        self._contact_id, self._activity_id = contact_id, activity_id
        self._pending = []
        self.problem.clear()
        self.undo_bar.dismiss()
        self.refresh()

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
        intake = self._services.documents.store_files(paths)
        self.actions.show_refused(intake)
        if intake.stored:
            self._pending.extend(intake.stored)
            self.refresh()
            self.draft_changed.emit()

    def pending_files(self) -> list[StoredFile]:
        """The files the unsaved activity holds."""
        return list(self._pending)

    def attach_pending(self, activity_id: int) -> list[int]:
        """Make the draft's files documents of the activity just saved."""
        pending, self._pending = self._pending, []
        if not pending:
            return []
        try:
            return self._services.documents.attach(None, activity_id, pending)
        except ServiceError as error:
            log.warning("draft files not attached activity=%s code=%s", activity_id, error.code)
            return []

    def forget_pending(self) -> None:
        """The draft was discarded: its files go on nothing."""
        self._pending = []
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
        if self._activity_id is None:
            return [
                ShownFile(index, file.name, file.size, None, pending=True)
                for index, file in enumerate(self._pending)
            ]
        documents = self._services.documents.for_activity(self._activity_id)
        return [ShownFile(d.id, d.name, d.size, d.added_at, d.state) for d in documents]

    def _row(self, shown: ShownFile) -> DocumentRow:
        row = DocumentRow(shown, self._services.clock.zone)
        if shown.pending:
            row.remove_requested.connect(self._drop_pending)
        else:
            self.actions.connect_row(row)
        return row

    def _drop_pending(self, index: int) -> None:
        del self._pending[index]
        self.refresh()
        self.draft_changed.emit()

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
        layout.addWidget(self.problem)
        layout.addWidget(self.undo_bar)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
