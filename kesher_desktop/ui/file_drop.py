"""Files dropped from the desktop: reading their paths and accepting the drag on a widget."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files a drag carries, in its order; other URLs (web links) are left out.

    `toLocalFile` turns file URLs into the system's own paths, drive letters and UNC shares
    (file://server/share/...) included, with %-escapes such as %23 for "#" undone.
    """
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class FileDropTarget:
    """Mixin for a QWidget that takes files dropped on it; list it before QWidget.

    The widget calls `accept_file_drops()` once and implements `take_dropped(paths)`. While a
    drag with files hovers, its `dropActive` property is true, for the style sheet.
    """

    def accept_file_drops(self) -> None:
        widget = self._drop_widget()
        widget.setAcceptDrops(True)
        widget.setProperty("dropActive", False)

    def take_dropped(self, paths: list[Path]) -> None:
        raise NotImplementedError

    # -- Qt overrides ----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()
            self._show_drop_active(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._show_drop_active(False)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self._show_drop_active(False)
        paths = dropped_files(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        log.info("files dropped count=%s", len(paths))
        self.take_dropped(paths)

    # -- helpers ---------------------------------------------------------------------------

    def _drop_widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def _show_drop_active(self, active: bool) -> None:
        widget = self._drop_widget()
        widget.setProperty("dropActive", active)
        # A property read by the style sheet takes effect only once the style looks again.
        widget.style().unpolish(widget)
        widget.style().polish(widget)
