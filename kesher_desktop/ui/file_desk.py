"""The desktop's side of attached files: opening one, picking some, choosing where to copy.

Each is a dialog or another program, so tests put a stand-in in its place (one object with
these three methods) instead of answering real dialogs.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

log = logging.getLogger(__name__)


class FileDesk:
    """Opens files with the system's own programs and asks for files through Qt's dialogs."""

    def open_file(self, path: Path) -> bool:
        """Open `path` in the program the system links to its type; False if none did."""
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        if not opened:
            log.warning("no program opened a document type=%s", path.suffix)
        return opened

    def choose_files(self, parent: QWidget) -> list[Path]:
        """Files the user picks to attach; empty when they cancel."""
        names, _filter = QFileDialog.getOpenFileNames(
            parent, QCoreApplication.translate("FileDesk", "Attach files")
        )
        return [Path(name) for name in names]

    def choose_copy_target(self, parent: QWidget, name: str) -> Path | None:
        """Where to save a copy of a file shown as `name`; None when the user cancels."""
        start = str(Path.home() / name) if name else str(Path.home())
        target, _filter = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("FileDesk", "Save a copy"), start
        )
        return Path(target) if target else None
