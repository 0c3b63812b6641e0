"""A dialog that browses the user's folders in Dropbox or Google Drive and links one.

Each listing and the link itself are network calls: they run off the UI thread, and the
dialog says that it waits. Works over any FolderSource, so one dialog serves both services.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.services import folder_links
from kesher_desktop.services.folder_links import (
    FolderLink,
    FolderLinkError,
    FolderSource,
    LinkService,
    RemoteFolder,
)
from kesher_desktop.ui.file_texts import folder_link_problem_text, service_name
from kesher_desktop.ui.google_connect_dialog import BackgroundCall, Outcome
from kesher_desktop.ui.service_icons import service_icon
from kesher_desktop.ui.widgets.bidi import align_leading, isolate
from kesher_desktop.ui.widgets.elided_label import ElidedLabel
from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)

FOLDER_ROLE = Qt.ItemDataRole.UserRole
# Answers after which only connecting (again) helps; the linker takes over then.
_CONNECT_CODES = {
    folder_links.NOT_CONNECTED,
    folder_links.RECONNECT_NEEDED,
    folder_links.ACCESS_MISSING,
}


class FolderBrowser(Retranslating, QDialog):
    """Lists the folders of one place at a time; double-click goes in, Up goes out.

    "Link this folder" links the selected folder, or with none selected the one shown
    (never the top, which cannot be shared).

    Signals:
        folder_linked(FolderLink): the chosen folder's link is made; the dialog then closes.
        connect_needed(str): the service wants the account connected (again); the code.
    """

    folder_linked = Signal(object)
    connect_needed = Signal(str)

    def __init__(self, source: FolderSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("folderBrowser")
        self.source = source
        self.trail: list[RemoteFolder] = [source.root()]
        self.folders: list[RemoteFolder] = []
        self.linked: FolderLink | None = None
        self._busy = ""
        self._problem = ""
        # Bumped with each request: an answer to an older one is ignored.
        self._generation = 0

        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.heading.setWordWrap(True)
        self.up_button = QToolButton()
        self.up_button.setObjectName("folderUpButton")
        self.up_button.clicked.connect(self.go_up)
        self.place = ElidedLabel()
        self.place.setObjectName("folderPlace")
        self.folder_list = QListWidget()
        self.folder_list.setObjectName("folderList")
        self.folder_list.itemActivated.connect(self._item_activated)
        self.folder_list.itemSelectionChanged.connect(self._show_state)
        self.status = QLabel()
        self.status.setObjectName("emptyHint")
        self.status.setWordWrap(True)
        self.link_button = QPushButton()
        self.link_button.setObjectName("primaryButton")
        self.link_button.clicked.connect(self.link_chosen)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)

        self._build()
        self.retranslate()
        self.load()

    # -- API -------------------------------------------------------------------------------

    def current(self) -> RemoteFolder:
        return self.trail[-1]

    def is_busy(self) -> bool:
        return bool(self._busy)

    def open_folder(self, folder: RemoteFolder) -> None:
        """Show what is inside `folder`, one of those listed."""
        self.trail.append(folder)
        self.load()

    def go_up(self) -> None:
        if len(self.trail) > 1:
            self.trail.pop()
            self.load()

    def select(self, name: str) -> None:
        """Select the listed folder of that name (for tests and keyboard users alike)."""
        for row, folder in enumerate(self.folders):
            if folder.name == name:
                self.folder_list.setCurrentRow(row)
                return
        raise KeyError(name)

    def chosen(self) -> RemoteFolder | None:
        item = self.folder_list.currentItem()
        if item is not None and item.isSelected():
            return item.data(FOLDER_ROLE)
        return self.current() if len(self.trail) > 1 else None

    def load(self) -> None:
        """List the folders of the place shown, off the UI thread."""
        folder, source = self.current(), self.source
        self.folders = []
        self.folder_list.clear()
        self._run(lambda: source.list_folders(folder), self._listed, "loading")

    def link_chosen(self) -> None:
        folder = self.chosen()
        if folder is None or self.is_busy():
            return
        source = self.source
        self._run(lambda: source.share(folder), self._shared, "linking")

    def retranslate(self) -> None:
        name = service_name(self.source.service)
        self.setWindowTitle(self.tr("Link a {service} folder").format(service=name))
        self.heading.setText(
            self.tr("Choose the folder to link. Double-click a folder to open it.")
        )
        self.up_button.setToolTip(self.tr("Up one folder"))
        self.up_button.setAccessibleName(self.tr("Up one folder"))
        self.link_button.setText(self.tr("Link this folder"))
        self.cancel_button.setText(self.tr("Cancel"))
        for label in (self.heading, self.status):
            align_leading(label, Qt.AlignmentFlag.AlignTop)
        self._show_state()

    # -- helpers ---------------------------------------------------------------------------

    def _run(self, work: Callable[[], Any], done: Callable[[Outcome], None], busy: str) -> None:
        self._generation += 1
        generation = self._generation
        self._busy, self._problem = busy, ""
        self._show_state()

        def finished(outcome: Outcome) -> None:
            if generation == self._generation:
                self._busy = ""
                done(outcome)
                self._show_state()

        BackgroundCall(self, work, finished).start()

    def _listed(self, outcome: Outcome) -> None:
        if self._failed(outcome):
            return
        self.folders = list(outcome.value)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        for folder in self.folders:
            item = QListWidgetItem(icon, folder.name)
            item.setData(FOLDER_ROLE, folder)
            self.folder_list.addItem(item)

    def _shared(self, outcome: Outcome) -> None:
        if self._failed(outcome):
            return
        self.linked = outcome.value
        log.info("folder linked service=%s", self.source.service.value)
        self.folder_linked.emit(outcome.value)
        self.accept()

    def _failed(self, outcome: Outcome) -> bool:
        error = outcome.error
        if error is None:
            return False
        if isinstance(error, FolderLinkError):
            if error.code in _CONNECT_CODES:
                self.connect_needed.emit(error.code)
            self._problem = folder_link_problem_text(error, self.source.service)
        else:
            log.error("folder browser call failed", exc_info=error)
            self._problem = self.tr("Something went wrong: {reason}").format(
                reason=isolate(str(error) or type(error).__name__)
            )
        return True

    def _item_activated(self, item: QListWidgetItem) -> None:
        if not self.is_busy():
            self.open_folder(item.data(FOLDER_ROLE))

    def _place_text(self) -> str:
        names = [self._root_name(), *(folder.name for folder in self.trail[1:])]
        # Each name is isolated, so the line has no direction of its own: give it the page's.
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        return ("\u200f" if rtl else "\u200e") + " / ".join(isolate(name) for name in names)

    def _root_name(self) -> str:
        if self.source.service is LinkService.DRIVE:
            return self.tr("My Drive")
        return "Dropbox"

    def _show_state(self) -> None:
        busy = self.is_busy()
        self.place.setText(self._place_text())
        if self._busy == "loading":
            status = self.tr("Loading folders…")
        elif self._busy == "linking":
            status = self.tr("Making the link…")
        elif self._problem:
            status = self._problem
        elif not self.folders:
            status = self.tr("No folders here.")
        else:
            status = ""
        self.status.setText(status)
        self.status.setVisible(bool(status))
        self.status.setObjectName("fieldError" if self._problem and not busy else "emptyHint")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.up_button.setEnabled(len(self.trail) > 1 and not busy)
        self.folder_list.setEnabled(not busy)
        self.link_button.setEnabled(not busy and self.chosen() is not None)

    def _build(self) -> None:
        self.setWindowIcon(service_icon(self.source.service))
        self.up_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogToParent)
        )
        self.up_button.setAutoRaise(True)
        place_row = QHBoxLayout()
        place_row.addWidget(self.up_button)
        place_row.addWidget(self.place, 1)
        buttons = QDialogButtonBox()
        buttons.addButton(self.link_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addLayout(place_row)
        layout.addWidget(self.folder_list, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setMinimumSize(420, 380)
