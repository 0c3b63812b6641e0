"""The documents card: files dropped on it, grouped by activity, opened, copied, renamed,
removed with undo, and a file whose stored copy went missing shown greyed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.bundle import Services
from kesher_desktop.ui.documents_card import DocumentsCard
from tests.ui.attachment_drops import FakeDesk, drop, file_urls, odd_files, paperclip_drawing


@pytest.fixture
def card(qtbot, services: Services, contact_id: int) -> DocumentsCard:
    card = DocumentsCard(services)
    qtbot.addWidget(card)
    card.actions.desk = FakeDesk()
    card.resize(360, 600)
    card.show()
    card.show_contact(contact_id)
    return card


def _desk(card: DocumentsCard) -> FakeDesk:
    assert isinstance(card.actions.desk, FakeDesk)
    return card.actions.desk


def _names(card: DocumentsCard) -> list[str]:
    return [row.name_label.text() for row in card.rows]


def test_dropped_files_go_on_the_contact_and_the_one_too_large_is_named(
    qtbot, card: DocumentsCard, services: Services, contact_id: int, tmp_path: Path
) -> None:
    files = odd_files(tmp_path / "desk")
    assert card.empty_hint.isVisibleTo(card)

    with qtbot.waitSignal(card.documents_changed, timeout=1000):
        assert drop(card, file_urls(list(files.values())))

    own = services.documents.for_contact(contact_id)
    assert len(own) == 4 and "גדול מדי.iso" not in [d.name for d in own]
    assert set(_names(card)) == {d.name for d in own}
    assert "הצעת מחיר #3 (סופי).pdf" in _names(card)
    assert "גדול מדי.iso" in card.problem.text() and not card.empty_hint.isVisibleTo(card)


def test_a_file_dropped_again_is_named_already_attached_and_listed_once(
    qtbot, card: DocumentsCard, services: Services, contact_id: int, tmp_path: Path
) -> None:
    files = odd_files(tmp_path / "desk")
    with qtbot.waitSignal(card.documents_changed, timeout=1000):
        assert drop(card, file_urls([files["small"]]))
    twin = tmp_path / "copy.pdf"
    twin.write_bytes(files["small"].read_bytes())

    with qtbot.assertNotEmitted(card.documents_changed):
        assert drop(card, file_urls([files["small"], twin]))

    assert _names(card) == ["הצעת מחיר #3 (סופי).pdf"]
    assert len(services.documents.for_contact(contact_id)) == 1
    assert card.problem.isVisibleTo(card)
    assert card.problem.text().splitlines() == [
        "“\u2068הצעת מחיר #3 (סופי).pdf\u2069” is already attached.",
        "“\u2068copy.pdf\u2069” is already attached.",
    ]


def test_a_file_picked_twice_is_named_once(qtbot, card: DocumentsCard, tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_bytes(b"short")
    over = odd_files(tmp_path / "desk")["over"]
    with qtbot.waitSignal(card.documents_changed, timeout=1000):
        assert drop(card, file_urls([short]))

    assert drop(card, file_urls([short, short, over, over]))

    assert card.problem.text().splitlines() == [
        "“\u2068גדול מדי.iso\u2069” was not attached: it is \u206812,582,913 bytes\u2069, "
        "more than the \u206812\u00a0MB\u2069 allowed.",
        "“\u2068short.txt\u2069” is already attached.",
    ]


def test_an_activitys_files_are_grouped_under_its_title(
    card: DocumentsCard, services: Services, contact_id: int, tmp_path: Path
) -> None:
    files = odd_files(tmp_path / "desk")
    draft = services.activities.new_draft(contact_id, ActivityKind.MEETING)
    draft.title = "פגישת היכרות"
    meeting = services.activities.create(contact_id, draft)
    services.documents.add_files(None, meeting, [files["spaces"]])
    drop(card, file_urls([files["small"]]))

    assert [title.text() for title in card.group_titles] == ["פגישת היכרות"]
    assert _names(card) == ["הצעת מחיר #3 (סופי).pdf", "notes with spaces.txt"]
    # The contact's own file comes first, then the heading, then the meeting's.
    order = [card._list.itemAt(i).widget() for i in range(card._list.count())]
    assert order == [card.rows[0], card.group_titles[0], card.rows[1]]


def test_open_and_save_a_copy_use_the_stored_file(
    card: DocumentsCard, services: Services, tmp_path: Path
) -> None:
    files = odd_files(tmp_path / "desk")
    drop(card, file_urls([files["small"]]))
    [row] = card.rows
    target = tmp_path / "out" / "עותק.pdf"
    target.parent.mkdir()
    _desk(card).copy_target = target

    row.action("open").trigger()
    row.action("saveCopy").trigger()

    stored = services.documents.files.root
    assert len(_desk(card).opened) == 1 and _desk(card).opened[0].is_relative_to(stored)
    assert _desk(card).copy_names == ["הצעת מחיר #3 (סופי).pdf"]
    assert target.read_bytes() == files["small"].read_bytes()


def test_a_file_gone_from_the_store_is_greyed_and_named_missing_without_a_box(
    card: DocumentsCard, services: Services, contact_id: int, tmp_path: Path
) -> None:
    files = odd_files(tmp_path / "desk")
    drop(card, file_urls([files["small"]]))
    [document] = services.documents.for_contact(contact_id)
    path = services.documents.file_path(document.id)
    assert path is not None
    path.unlink()

    card.refresh()

    [row] = card.rows
    assert row.meta_label.text() == "File missing"
    assert not row.name_label.isEnabled() and not row.action("open").isEnabled()
    assert row.action("remove").isEnabled()
    assert QApplication.activeModalWidget() is None


def test_opening_a_file_that_went_missing_since_says_so_and_greys_it(
    card: DocumentsCard, services: Services, contact_id: int, tmp_path: Path
) -> None:
    files = odd_files(tmp_path / "desk")
    drop(card, file_urls([files["small"]]))
    [document] = services.documents.for_contact(contact_id)
    path = services.documents.file_path(document.id)
    assert path is not None
    path.unlink()

    card.rows[0].action("open").trigger()

    assert _desk(card).opened == []
    assert "missing" in card.problem.text()
    assert card.rows[0].meta_label.text() == "File missing"


def test_rename_in_place(card: DocumentsCard, services: Services, tmp_path: Path) -> None:
    files = odd_files(tmp_path / "desk")
    drop(card, file_urls([files["spaces"]]))
    row = card.rows[0]

    row.action("rename").trigger()
    assert row.is_renaming() and row.rename_edit.selectedText() == "notes with spaces"
    row.rename_edit.setText("סיכום פגישה.txt")
    QTest.keyClick(row.rename_edit, Qt.Key.Key_Return)

    assert _names(card) == ["סיכום פגישה.txt"]
    assert services.documents.info(row.shown.key).name == "סיכום פגישה.txt"


def test_escape_leaves_the_name_as_it_was(card: DocumentsCard, tmp_path: Path) -> None:
    files = odd_files(tmp_path / "desk")
    drop(card, file_urls([files["spaces"]]))
    row = card.rows[0]

    row.start_rename()
    row.rename_edit.setText("other.txt")
    QTest.keyClick(row.rename_edit, Qt.Key.Key_Escape)

    assert not row.is_renaming()
    assert _names(card) == ["notes with spaces.txt"]


def test_remove_offers_undo_on_the_undo_bar(
    card: DocumentsCard, services: Services, contact_id: int, tmp_path: Path
) -> None:
    files = odd_files(tmp_path / "desk")
    drop(card, file_urls([files["small"], files["spaces"]]))

    card.rows[0].action("remove").trigger()

    assert len(card.rows) == 1 and len(services.documents.for_contact(contact_id)) == 1
    assert card.undo_bar.isVisibleTo(card)
    QTest.mouseClick(card.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert len(card.rows) == 2 and len(services.documents.for_contact(contact_id)) == 2


def test_the_attach_button_shows_the_paperclip_beside_its_words(card: DocumentsCard) -> None:
    assert card.attach_button.text() == "Attach files"
    assert card.attach_button.icon().pixmap(16, 16).toImage() == paperclip_drawing(16)


def test_windows_drive_and_share_paths_are_named_plainly_and_write_nothing_outside(
    card: DocumentsCard, services: Services, tmp_path: Path
) -> None:
    urls = [
        QUrl("file:///C:/Users/דנה/Documents/חוזה.pdf"),
        QUrl("file://fileserver/share/דוחות/report%20%232.xlsx"),
    ]
    before = sorted(tmp_path.rglob("*"))

    assert drop(card, urls)

    # Not on this disk, so refused; each by its own name, never by its folders.
    text = card.problem.text()
    assert "חוזה.pdf" in text and "report #2.xlsx" in text
    assert "Users" not in text and "fileserver" not in text
    assert sorted(tmp_path.rglob("*")) == before


def test_names_with_folders_and_direction_controls_never_leave_the_store(
    card: DocumentsCard, services: Services, contact_id: int, tmp_path: Path
) -> None:
    sneaky = tmp_path / "desk" / "invoice\u202egpj.exe"
    sneaky.parent.mkdir()
    sneaky.write_bytes(b"MZ")

    drop(card, file_urls([sneaky]))

    assert _names(card) == ["invoicegpj.exe"]
    [document] = services.documents.for_contact(contact_id)
    path = services.documents.file_path(document.id)
    assert path is not None and path.is_relative_to(services.documents.files.root)
    assert path.name != "invoicegpj.exe"


def test_the_undo_bar_is_dark_with_light_words_inside_the_card(
    card: DocumentsCard, tmp_path: Path, language: str
) -> None:
    files = odd_files(tmp_path / "desk")
    drop(card, file_urls([files["small"]]))

    card.rows[0].action("remove").trigger()

    bar = card.undo_bar
    # As the card shows it: a see-through bar would show the card's white there.
    picture = card.grab().toImage()
    inside = bar.mapTo(card, QPoint(4, bar.height() // 2))
    assert picture.pixelColor(inside).lightness() < 80
    words = bar.message.grab().toImage()
    lightest = max(
        words.pixelColor(x, y).lightness()
        for x in range(words.width())
        for y in range(words.height())
    )
    assert lightest > 200
