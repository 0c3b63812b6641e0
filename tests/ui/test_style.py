"""The style sheet as the app applies it: every image it names is a file that exists."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kesher_desktop.ui.style import apply_style


def test_the_images_the_style_sheet_names_exist(qapp: QApplication) -> None:
    previous = qapp.styleSheet()
    try:
        apply_style(qapp)
        sheet = qapp.styleSheet()
    finally:
        qapp.setStyleSheet(previous)

    images = re.findall(r'url\("([^"]+)"\)', sheet)
    assert images, "the drop-down arrow is drawn from an image"
    assert "@icons@" not in sheet
    for image in images:
        assert Path(image).is_file(), image
