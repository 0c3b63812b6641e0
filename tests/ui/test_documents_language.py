"""The documents card after a language switch: Hebrew names still read right to left; a
row's elided line under the name is drawn as a plain label would draw it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.bundle import Services
from kesher_desktop.ui.documents_card import DocumentsCard
from kesher_desktop.ui.file_texts import size_text
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.widgets.bidi import align_leading, isolate, isolate_ltr
from kesher_desktop.ui.widgets.elided_label import ElidedLabel
from tests.ui.attachment_drops import odd_files

LRO = "\u202d"
PDF = "\u202c"
ONE_KB = "1\u00a0KB"


def _picture(label: QLabel) -> QImage:
    return label.grab().toImage()


def _unordered(label: ElidedLabel) -> QImage:
    """The label's text drawn as if no bidi algorithm ran: letters in typed order, LTR."""
    twin = ElidedLabel(f"{LRO}{label.text()}{PDF}", label.parentWidget())
    twin.setObjectName(label.objectName())
    twin.setEnabled(label.isEnabled())
    twin.setGeometry(label.geometry())
    twin.show()
    try:
        return _picture(twin)
    finally:
        twin.deleteLater()


def _hebrew_labels(card: DocumentsCard) -> list[ElidedLabel]:
    return [card.rows[0].name_label, card.group_titles[0]]


def _settle() -> None:
    # Rows added to a shown card are shown, and laid out, over a few event-loop turns.
    for _ in range(5):
        QApplication.processEvents()


def test_hebrew_names_are_drawn_alike_before_and_after_hebrew_then_english(
    qtbot: QtBot, services: Services, contact_id: int, tmp_path: Path
) -> None:
    """Nothing the Hebrew pass leaves behind changes how a Hebrew name is drawn in English."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    files = odd_files(tmp_path / "desk")
    draft = services.activities.new_draft(contact_id, ActivityKind.MEETING)
    draft.title = "פגישת היכרות"
    meeting = services.activities.create(contact_id, draft)
    services.documents.add_files(contact_id, None, [files["small"]])
    services.documents.add_files(None, meeting, [files["spaces"]])
    host = QWidget()
    qtbot.addWidget(host)
    card = DocumentsCard(services)
    layout = QVBoxLayout(host)
    layout.addWidget(card)
    # Spare height goes below the card, so its labels keep their natural heights.
    layout.addStretch(1)
    host.resize(380, 600)
    host.show()
    card.show_contact(contact_id)
    qtbot.waitExposed(host)
    _settle()

    fresh = [_picture(label) for label in _hebrew_labels(card)]
    # Without this the comparison below could not tell a reversed name from a right one.
    assert [_unordered(label) for label in _hebrew_labels(card)] != fresh
    try:
        install_language(app, "he")
        install_language(app, "en")
        _settle()

        assert [_picture(label) for label in _hebrew_labels(card)] == fresh
    finally:
        install_language(app, "en")


@pytest.mark.parametrize(
    "text",
    [
        isolate(ONE_KB) + " · מצורף בשמירה",
        isolate_ltr("10/03/2026 10:00") + " · " + isolate(ONE_KB),
        f"Dropbox folder · {isolate('לקוחות / לוי')}",
        f"תיקייה ב־Dropbox · {isolate('Clients / Levi')}",
    ],
    ids=["held-file", "file", "english-link", "hebrew-link"],
)
@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight]
)
def test_a_line_that_fits_is_drawn_as_a_plain_label_draws_it(
    qtbot: QtBot, text: str, direction: Qt.LayoutDirection
) -> None:
    """Names set apart in the line do not decide its direction; its own words do."""
    plain, elided = QLabel(text), ElidedLabel(text)
    for label in (plain, elided):
        qtbot.addWidget(label)
        label.setLayoutDirection(direction)
        # As the row's line was aligned while it was a plain label.
        align_leading(label)
        label.resize(300, 20)

    assert _picture(elided) == _picture(plain)


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0\u00a0KB"),
        (1, "1\u00a0KB"),
        (1536, "2\u00a0KB"),
        (12 * 1024 * 1024, "12\u00a0MB"),
        (1024 * 1024 + 100 * 1024, "1.1\u00a0MB"),
    ],
)
def test_sizes_read_as_a_file_manager_writes_them(size: int, text: str) -> None:
    assert size_text(size) == text
