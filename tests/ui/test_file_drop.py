"""Reading the paths a drag of files carries, as Windows' Explorer and a file manager send
them: drive letters, UNC shares, Hebrew and %-escaped names, and web links left out."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl

from kesher_desktop.ui.file_drop import dropped_files

# Qt drops the slash before a drive letter only where drive letters mean something.
DRIVE_PATH = ("" if os.name == "nt" else "/") + "C:/Users/דנה/Documents/חוזה.pdf"


def _drag(*urls: str) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl(url) for url in urls])
    return mime


def test_a_windows_share_keeps_its_server_and_a_drive_path_its_letter() -> None:
    mime = _drag(
        "file://fileserver/share/דוחות/report%20%232.xlsx",
        "file:///C:/Users/דנה/Documents/חוזה.pdf",
    )

    assert dropped_files(mime) == [
        Path("//fileserver/share/דוחות/report #2.xlsx"),
        Path(DRIVE_PATH),
    ]


def test_web_links_in_the_drag_are_left_out() -> None:
    mime = _drag("https://example.com/חוזה.pdf", "file:///tmp/notes.txt")

    assert dropped_files(mime) == [Path("/tmp/notes.txt")]
