"""Real drag-and-drop of files onto a widget, files made for it, a stand-in file desk, and
the paperclip the attach buttons show."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon, QImage
from PySide6.QtWidgets import QApplication, QWidget

from kesher_desktop.paths import resources_dir
from kesher_desktop.services.attachment_intake import MAX_ATTACHMENT_BYTES


def sparse_file(path: Path, size: int) -> Path:
    """A file of `size` bytes that costs no disk space (zeros, then one byte)."""
    with path.open("wb") as handle:
        handle.truncate(size - 1)
        handle.seek(size - 1)
        handle.write(b"\x01")
    return path


def odd_files(folder: Path) -> dict[str, Path]:
    """Files under, at and over the limit, and names with Hebrew, spaces, # and length."""
    folder.mkdir(exist_ok=True)
    files = {
        "small": folder / "הצעת מחיר #3 (סופי).pdf",
        "spaces": folder / "notes  with   spaces.txt",
        # Over the 200 shown characters, within the 255 bytes a Linux file name may have.
        "long": folder / ("פרוטוקול ישיבה " + "minutes-" * 27 + ".docx"),
    }
    for index, path in enumerate(files.values()):
        path.write_bytes(f"content {index}".encode())
    files["at_limit"] = sparse_file(folder / "at-limit.bin", MAX_ATTACHMENT_BYTES)
    files["over"] = sparse_file(folder / "גדול מדי.iso", MAX_ATTACHMENT_BYTES + 1)
    return files


def paperclip_drawing(size: int) -> QImage:
    """The shipped paperclip, read straight from its file, as an attach button shows it."""
    return QIcon(str(resources_dir() / "icons" / "paperclip.svg")).pixmap(size, size).toImage()


def file_urls(paths: list[Path]) -> list[QUrl]:
    return [QUrl.fromLocalFile(str(path)) for path in paths]


def drop(widget: QWidget, urls: list[QUrl]) -> bool:
    """Drag `urls` over the middle of `widget` and drop them; whether the drop was taken."""
    mime = QMimeData()
    mime.setUrls(urls)
    where = QPointF(widget.rect().center())
    action = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier

    enter = QDragEnterEvent(where.toPoint(), action, mime, buttons, keys)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(where.toPoint(), action, mime, buttons, keys)
    QApplication.sendEvent(widget, move)
    dropped = QDropEvent(where, action, mime, buttons, keys)
    QApplication.sendEvent(widget, dropped)
    return move.isAccepted() and dropped.isAccepted()


@dataclass
class FakeDesk:
    """Stands in for the system's programs and the file dialogs; records what was asked."""

    picks: list[Path] = field(default_factory=list)
    copy_target: Path | None = None
    opened: list[Path] = field(default_factory=list)
    copy_names: list[str] = field(default_factory=list)

    def open_file(self, path: Path) -> bool:
        self.opened.append(path)
        return True

    def choose_files(self, parent: QWidget) -> list[Path]:
        return list(self.picks)

    def choose_copy_target(self, parent: QWidget, name: str) -> Path | None:
        self.copy_names.append(name)
        return self.copy_target
