"""Folder links on the contact's documents card: the buttons shown only where a service is
set up, connecting on first use, the folder browser picking a folder, the link's row (icon,
name, open, remove with undo), and a dead link marked after a check. The real `dropbox` SDK
and Google client talk to the fake servers of tests/dropbox_fake and tests/google_fake."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.drive_folders import DRIVE_SCOPE
from kesher_desktop.services.folder_links import LinkService, LinkState
from kesher_desktop.settings import Settings
from kesher_desktop.ui.documents_card import DocumentsCard
from kesher_desktop.ui.drive_connect_dialog import DriveConnectDialog
from kesher_desktop.ui.dropbox_connect_dialog import DropboxConnectDialog
from kesher_desktop.ui.service_icons import service_icon
from tests.dropbox_fake.server import EMAIL
from tests.ui.attachment_drops import FakeDesk
from tests.ui.folder_link_scene import LinkScene, link_scene, pick, shown_browser


@pytest.fixture
def scene(
    monkeypatch: pytest.MonkeyPatch, file_keyring: object, tmp_path: Path
) -> Iterator[LinkScene]:
    with link_scene(monkeypatch, tmp_path) as made:
        yield made


@pytest.fixture
def card(qtbot, services: Services, contact_id: int, scene: LinkScene) -> DocumentsCard:
    card = DocumentsCard(services)
    qtbot.addWidget(card)
    card.actions.desk = FakeDesk()
    card.use_link_sources(scene.sources)
    card.resize(380, 600)
    card.show()
    card.show_contact(contact_id)
    return card


def _button(card: DocumentsCard, service: LinkService):  # noqa: ANN202
    return card.link_buttons.buttons[service]


def _link_dropbox_folder(qtbot, card: DocumentsCard, *names: str) -> None:
    _button(card, LinkService.DROPBOX).click()
    with qtbot.waitSignal(card.documents_changed, timeout=3000):
        pick(qtbot, shown_browser(qtbot, card.linker), *names)


def test_the_buttons_are_hidden_while_no_service_is_set_up(
    qtbot, services: Services, contact_id: int, scene: LinkScene
) -> None:
    bare = DocumentsCard(services)
    qtbot.addWidget(bare)
    bare.show()
    bare.show_contact(contact_id)
    assert not bare.link_buttons.isVisibleTo(bare)

    scene.settings.google_client_file = ""
    bare.use_link_sources(scene.sources)

    assert _button(bare, LinkService.DROPBOX).isVisibleTo(bare)
    assert not _button(bare, LinkService.DRIVE).isVisibleTo(bare)


def test_both_buttons_show_once_both_services_are_set_up(card: DocumentsCard) -> None:
    assert _button(card, LinkService.DROPBOX).isVisibleTo(card)
    assert _button(card, LinkService.DRIVE).isVisibleTo(card)
    assert _button(card, LinkService.DROPBOX).text() == "Link a Dropbox folder"


def test_a_dropbox_folder_picked_in_the_browser_becomes_a_row_with_its_icon(
    qtbot, card: DocumentsCard, scene: LinkScene, services: Services, contact_id: int
) -> None:
    scene.connect_dropbox()

    _link_dropbox_folder(qtbot, card, "Clients", "Levi Consulting")

    [row] = card.rows
    assert row.name_label.text() == "Levi Consulting" and row.is_link()
    assert "Dropbox folder" in row.meta_label.text()
    assert "Clients / Levi Consulting" in row.meta_label.text()
    expected = service_icon(LinkService.DROPBOX).pixmap(20, 20).toImage()
    assert row.icon.pixmap().toImage() == expected
    entry = scene.box.entries["/clients/levi consulting"]
    [kept] = services.documents.for_contact(contact_id)
    assert kept.link is not None and kept.link.url == scene.box.links[entry.id]


def test_a_folder_shared_before_keeps_its_link(
    qtbot, card: DocumentsCard, scene: LinkScene, services: Services, contact_id: int
) -> None:
    scene.connect_dropbox()
    before = scene.box.share("/Archive")

    _link_dropbox_folder(qtbot, card, "Archive")

    [kept] = services.documents.for_contact(contact_id)
    assert kept.link is not None and kept.link.url == before


def test_first_use_connects_dropbox_with_the_pasted_code_then_browses(
    qtbot, card: DocumentsCard, scene: LinkScene
) -> None:
    _button(card, LinkService.DROPBOX).click()
    dialog = card.linker.dialog
    assert isinstance(dialog, DropboxConnectDialog)
    pages: list[str] = []
    dialog.open_browser = lambda url: pages.append(url) or True

    QTest.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    dialog.code_edit.setText(scene.box.consent(pages[0]))
    with qtbot.waitSignal(dialog.account_connected, timeout=3000) as connected:
        QTest.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)

    assert connected.args == [EMAIL]
    browser = shown_browser(qtbot, card.linker)
    assert [f.name for f in browser.folders] == ["Archive", "Clients"]
    # Named in Settings as if connected there.
    assert scene.settings.dropbox_account == EMAIL == Settings.load().dropbox_account


def test_a_google_drive_folder_is_linked_with_its_web_link(
    qtbot, card: DocumentsCard, scene: LinkScene, services: Services, contact_id: int
) -> None:
    scene.connect_google()

    _button(card, LinkService.DRIVE).click()
    browser = shown_browser(qtbot, card.linker)
    assert browser.place.text().count("/") == 0
    with qtbot.waitSignal(card.documents_changed, timeout=3000):
        pick(qtbot, browser, "לקוחות", "Levi Consulting")

    [row] = card.rows
    assert row.name_label.text() == "Levi Consulting" and "Google Drive" in row.meta_label.text()
    [kept] = services.documents.for_contact(contact_id)
    assert kept.link is not None and kept.link.url.startswith("https://drive.google.com/")


def test_without_drives_scope_the_browser_hands_over_to_connecting(
    qtbot, card: DocumentsCard, scene: LinkScene
) -> None:
    scene.connect_google()
    scene.drive.granted = set()

    _button(card, LinkService.DRIVE).click()

    qtbot.waitUntil(lambda: isinstance(card.linker.dialog, DriveConnectDialog), timeout=3000)
    dialog = card.linker.dialog
    assert isinstance(dialog, DriveConnectDialog)
    assert dialog._scopes == [DRIVE_SCOPE]
    dialog.reject()


def test_a_link_opens_in_the_browser_and_is_removed_with_undo(
    qtbot, card: DocumentsCard, scene: LinkScene, services: Services, contact_id: int
) -> None:
    scene.connect_dropbox()
    _link_dropbox_folder(qtbot, card, "Archive")
    opened: list[str] = []
    card.actions.open_url = lambda url: opened.append(url) or True
    [row] = card.rows
    assert not row.action("saveCopy").isVisible()

    row.action("open").trigger()
    with qtbot.waitSignal(card.documents_changed, timeout=1000):
        row.action("remove").trigger()

    [kept] = services.documents.listing(contact_id).own or [None]  # type: ignore[list-item]
    assert kept is None and card.rows == []
    assert opened == [scene.box.links[scene.box.entries["/archive"].id]]
    assert card.undo_bar.isVisibleTo(card)
    QTest.mouseClick(card.undo_bar.undo_button, Qt.MouseButton.LeftButton)
    assert [r.name_label.text() for r in card.rows] == ["Archive"]


def test_check_links_marks_the_link_whose_folder_was_deleted(
    qtbot, card: DocumentsCard, scene: LinkScene
) -> None:
    scene.connect_dropbox()
    _link_dropbox_folder(qtbot, card, "Archive")
    _link_dropbox_folder(qtbot, card, "Clients", "כהן ושות׳")
    assert card.check_button.isVisibleTo(card)
    scene.box.delete("/Archive")

    with qtbot.waitSignal(card.linker.links_checked, timeout=3000) as checked:
        assert card.check_links()

    assert sorted(checked.args[0].values()) == [LinkState.DEAD, LinkState.LIVE]
    dead = {row.name_label.text(): row.is_dead_link() for row in card.rows}
    assert dead == {"Archive": True, "כהן ושות׳": False}
    archive = next(row for row in card.rows if row.is_dead_link())
    assert "not found" in archive.meta_label.text() and not archive.name_label.isEnabled()
