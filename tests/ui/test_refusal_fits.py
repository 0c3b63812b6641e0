"""A refused file's message fits the documents card at the column's least width, even when
the file's name is long and has no space to wrap at: in Hebrew and in English."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextDocument, QTextOption
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kesher_desktop.services.attachment_intake import MAX_ATTACHMENT_BYTES
from kesher_desktop.services.bundle import Services
from kesher_desktop.ui.contact_page import PANE_WIDTHS
from kesher_desktop.ui.documents_card import DocumentsCard
from tests.ui.attachment_drops import drop, file_urls, sparse_file

UNBROKEN_NAME = "הצעת_מחיר_מעודכנת_לפרויקט_הטמעת_מערכת_ניהול_קשרי_לקוחות"


def _widest_line(label: QLabel) -> float:
    """How wide the label's text is laid out at the label's width, breaking only at spaces
    as the label does: wider than the label when a word cannot be broken."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    document.setPlainText(label.text())
    document.setTextWidth(label.contentsRect().width())
    return document.idealWidth()


def test_a_refused_long_name_without_spaces_fits_the_card(
    qtbot: QtBot, services: Services, contact_id: int, tmp_path: Path, language: str
) -> None:
    card = DocumentsCard(services)
    qtbot.addWidget(card)
    card.resize(PANE_WIDTHS[2][0], 600)
    card.show()
    card.show_contact(contact_id)
    small = tmp_path / f"{UNBROKEN_NAME}.xlsx"
    small.write_bytes(b"figures")
    large = sparse_file(tmp_path / f"{UNBROKEN_NAME}.iso", MAX_ATTACHMENT_BYTES + 1)
    drop(card, file_urls([small]))

    drop(card, file_urls([small, large]))

    text = card.problem.text()
    assert len(text.splitlines()) == 2
    assert "…" in text and ".xlsx" in text and ".iso" in text
    assert card.problem.width() <= card.contentsRect().width()
    assert _widest_line(card.problem) <= card.problem.contentsRect().width()
