"""What the documents pane and the drawer do with an attached file or folder link the user
acts on.

Both show them as DocumentRow widgets; this one object opens (a link in the browser),
copies out, renames and removes them, puts Undo on the given undo bar, and reports problems
on the given line.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from kesher_desktop.services.attachment_intake import Intake
from kesher_desktop.services.documents import DocumentService
from kesher_desktop.services.errors import NotFoundError, ServiceError, ValidationError
from kesher_desktop.ui.document_row import DocumentRow
from kesher_desktop.ui.file_desk import FileDesk
from kesher_desktop.ui.file_texts import refusal_text
from kesher_desktop.ui.undo_bar import UndoBar
from kesher_desktop.ui.widgets.bidi import isolate
from kesher_desktop.ui.widgets.field_error import FieldError

log = logging.getLogger(__name__)


class AttachmentActions(QObject):
    """Acts on documents for one view.

    Signals:
        documents_changed(): a document was added, renamed, removed or restored here.
    """

    documents_changed = Signal()

    def __init__(
        self,
        documents: DocumentService,
        desk: FileDesk,
        undo_bar: UndoBar,
        problem: FieldError,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._documents = documents
        self.desk = desk
        self._undo_bar = undo_bar
        self._problem = problem
        self._parent = parent
        # The one way a link leaves the app; tests put a recorder in its place.
        self.open_url = open_in_browser

    # -- API -------------------------------------------------------------------------------

    def connect_row(self, row: DocumentRow) -> None:
        row.open_requested.connect(self.open)
        row.save_copy_requested.connect(self.save_copy)
        row.rename_requested.connect(self.rename)
        row.remove_requested.connect(self.remove)

    def add(self, contact_id: int | None, activity_id: int | None, sources: list[Path]) -> Intake:
        """Attach files the user dropped or picked; the refused ones are named."""
        self._problem.clear()
        try:
            _ids, intake = self._documents.add_files(contact_id, activity_id, sources)
        except ServiceError as error:
            log.warning("files not attached code=%s", error.code)
            self._problem.show_message(self.tr("The files could not be attached."))
            return Intake()
        self.show_refused(intake)
        if intake.stored:
            self.documents_changed.emit()
        return intake

    def show_refused(self, intake: Intake) -> None:
        """Name each refused file and why, or hide the line when none was."""
        if intake.refused:
            self._problem.show_message("\n".join(refusal_text(r) for r in intake.refused))
        else:
            self._problem.clear()

    def open(self, document_id: int) -> None:
        """Open a file in its program, or a folder link in the browser."""
        link = self._link_of(document_id)
        if link:
            self._problem.clear()
            if not self.open_url(link):
                self._problem.show_message(self.tr("The browser could not be opened."))
            return
        path = self._file_or_report(document_id)
        if path is not None and not self.desk.open_file(path):
            self._problem.show_message(self.tr("No program on this computer opens this file."))

    def save_copy(self, document_id: int) -> None:
        path = self._file_or_report(document_id)
        if path is None:
            return
        name = self._name_of(document_id)
        target = self.desk.choose_copy_target(self._parent, name)
        if target is None:
            return
        try:
            self._documents.save_copy(document_id, target)
        except (OSError, ServiceError):
            log.warning("copy not saved id=%s", document_id, exc_info=True)
            self._problem.show_message(
                self.tr("The copy could not be saved in {folder}.").format(
                    folder=isolate(str(target.parent))
                )
            )

    def rename(self, document_id: int, name: str) -> None:
        self._problem.clear()
        try:
            self._documents.rename(document_id, name)
        except ValidationError:
            self._problem.show_message(self.tr("A file needs a name."))
        except NotFoundError:
            self._problem.show_message(self.tr("This file is no longer here."))
        self.documents_changed.emit()

    def remove(self, document_id: int) -> None:
        self._problem.clear()
        name = self._name_of(document_id)
        try:
            self._documents.remove(document_id)
        except NotFoundError:
            log.info("document already gone id=%s", document_id)
        self.documents_changed.emit()
        self._undo_bar.offer(
            self.tr("“{name}” removed").format(name=isolate(name)),
            lambda: self._restore(document_id),
        )

    # -- helpers ---------------------------------------------------------------------------

    def _restore(self, document_id: int) -> None:
        try:
            self._documents.restore(document_id)
        except NotFoundError:
            log.info("removed document gone before undo id=%s", document_id)
        self.documents_changed.emit()

    def _file_or_report(self, document_id: int) -> Path | None:
        self._problem.clear()
        try:
            path = self._documents.file_path(document_id)
        except NotFoundError:
            path = None
        if path is None:
            # The row was shown present, but the copy went since: say so and show it greyed.
            self._problem.show_message(self.tr("This file is missing from the app's folder."))
            self.documents_changed.emit()
        return path

    def _link_of(self, document_id: int) -> str:
        """The document's link address, or "" for a file (or a document gone)."""
        try:
            link = self._documents.info(document_id).link
        except NotFoundError:
            return ""
        return link.url if link is not None else ""

    def _name_of(self, document_id: int) -> str:
        try:
            return self._documents.info(document_id).name
        except NotFoundError:
            return ""


def open_in_browser(url: str) -> bool:
    """Open a web address in the user's browser; False if none took it."""
    opened = QDesktopServices.openUrl(QUrl(url))
    if not opened:
        log.warning("no browser opened a folder link")
    return opened
