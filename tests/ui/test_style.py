"""The style sheet as the app applies it: every image it names is a file that exists."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication, QTimeEdit

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


def test_a_time_field_draws_its_step_arrows_inside_its_rounded_frame(qtbot, language: str) -> None:
    field = QTimeEdit()
    qtbot.addWidget(field)
    field.resize(140, 34)
    field.show()
    picture = field.grab().toImage()

    # The step buttons sit at the trailing edge: right in English, left in Hebrew.
    inner = field.rect().adjusted(1, 1, -1, -1)
    if language == "he":
        columns = range(inner.left() + 1, inner.left() + 21)
    else:
        columns = range(inner.right() - 20, inner.right())
    dark = [sum(picture.pixelColor(x, y).lightness() < 230 for y in range(3, 31)) for x in columns]
    # Our chevrons' strokes are there, and no column is a line: Qt's own buttons draw a
    # sunken box, whose edge runs down the field.
    assert sum(dark) > 10
    assert max(dark) < 12, dark
