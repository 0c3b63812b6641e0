"""The main window: contact list beside the contact page, search as you type, new contact."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft, PhoneEntry
from kesher_desktop.settings import Settings
from kesher_desktop.ui.contact_list_model import ContactRole
from kesher_desktop.ui.main_window import MainWindow
from kesher_desktop.ui.new_contact_dialog import NewContactDialog
from kesher_desktop.ui.no_contacts_page import NoContactsPage

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"


def _window(qtbot: QtBot, services: Services) -> MainWindow:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.attach_services(services)
    window.show()
    return window


def _type(widget: QWidget, text: str) -> None:
    """Type like a keyboard would; QTest's key clicks only know ASCII letters."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def _listed(window: MainWindow) -> list[str]:
    assert window.contact_list is not None
    model = window.contact_list.model
    return [model.index(row).data() for row in range(model.rowCount())]


def test_list_shows_contacts_and_the_first_one_opens(
    qtbot: QtBot, services: Services, contact_id: int
) -> None:
    services.contacts.create(ContactDraft(given_name="אבי", family_name="כהן"))
    window = _window(qtbot, services)

    assert _listed(window) == ["אבי כהן", "דנה לוי"]
    assert window.contact_page.contact_id == services.contacts.list_page("", 0, 1)[0].id


def test_search_filters_as_you_type(qtbot: QtBot, services: Services, contact_id: int) -> None:
    services.contacts.create(
        ContactDraft(given_name="אבי", family_name="כהן", phones=[PhoneEntry("03-555-0101")])
    )
    window = _window(qtbot, services)
    assert window.contact_list is not None

    _type(window.contact_list.search, "+972 3 555")
    assert _listed(window) == ["אבי כהן"]
    window.contact_list.search.clear()
    _type(window.contact_list.search, "דנ")
    assert _listed(window) == ["דנה לוי"]


def test_clicking_a_contact_shows_it(qtbot: QtBot, services: Services, contact_id: int) -> None:
    other = services.contacts.create(ContactDraft(given_name="אבי", family_name="כהן"))
    window = _window(qtbot, services)
    assert window.contact_list is not None
    view = window.contact_list.view

    row = window.contact_list.model.row_of(contact_id)
    rect = view.visualRect(window.contact_list.model.index(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.contact_page.contact_id == contact_id
    assert window.contact_list.model.index(row).data(ContactRole.ID) == contact_id
    assert other != contact_id


def test_new_contact_is_created_selected_and_shown(
    qtbot: QtBot, services: Services, monkeypatch: object
) -> None:
    window = _window(qtbot, services)

    def fill_and_accept(dialog: QDialog) -> bool:
        assert isinstance(dialog, NewContactDialog)
        dialog.given_name.setText("מיכל")
        dialog.email.setText("not-an-address")
        dialog._buttons.accepted.emit()
        # The bad address is named and nothing typed is lost.
        assert "not-an-address" in dialog.error.text()
        assert dialog.given_name.text() == "מיכל"
        dialog.email.setText("michal@example.com")
        dialog._buttons.accepted.emit()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.run_dialog = fill_and_accept  # type: ignore[method-assign]
    window.new_contact_action.trigger()

    assert _listed(window) == ["מיכל"]
    assert window.contact_page.contact_id == services.contacts.list_page("", 0, 1)[0].id


def test_language_switch_mirrors_the_window_and_moves_the_drawer(
    qtbot: QtBot, services: Services, contact_id: int
) -> None:
    from kesher_desktop.ui.i18n import install_language

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = _window(qtbot, services)
    try:
        install_language(app, "he")
        hebrew_area = window.dockWidgetArea(window.drawer)
        assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.new_contact_action.text() == "איש קשר חדש"

        install_language(app, "en")
        assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert window.new_contact_action.text() == "New contact"
        assert window.dockWidgetArea(window.drawer) != hebrew_area
    finally:
        install_language(app, "en")


def test_unsaved_contact_edits_are_not_dropped_without_asking(
    qtbot: QtBot, services: Services, contact_id: int
) -> None:
    other = services.contacts.create(ContactDraft(given_name="אבי", family_name="כהן"))
    window = _window(qtbot, services)
    assert window.contact_page is not None and window.contact_list is not None
    window.contact_page.show_contact(contact_id)
    window.contact_page.general.section.start_editing()
    answers: list[bool] = [False]
    window.contact_page.confirm_discard = lambda: answers.pop(0)  # type: ignore[method-assign]

    window.contact_list.contact_selected.emit(other)
    assert window.contact_page.contact_id == contact_id
    assert window.contact_page.general.section.is_editing()

    answers.append(True)
    window.contact_list.contact_selected.emit(other)
    assert window.contact_page.contact_id == other
    assert not window.contact_page.general.section.is_editing()


def test_closing_over_unsaved_edits_asks_first(
    qtbot: QtBot, services: Services, contact_id: int
) -> None:
    window = _window(qtbot, services)
    assert window.contact_page is not None
    window.contact_page.general.section.start_editing()
    asked: list[bool] = []

    def refuse() -> bool:
        asked.append(True)
        return False

    window.confirm_quit = refuse  # type: ignore[method-assign]
    assert not window.close()
    assert asked == [True] and window.isVisible()
    window.contact_page.general.section.finish_editing()
    assert window.close()


def test_first_page_painted_before_the_store_then_the_store_takes_over(
    qtbot: QtBot, services: Services, contact_id: int
) -> None:
    from kesher_desktop.services.contact_values import ContactRow

    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    window.show_first_page([ContactRow(contact_id, "דנה לוי", "", "", "")])
    assert window.contact_list is not None
    assert _listed(window) == ["דנה לוי"]
    assert not window.contact_list.search.isEnabled()

    services.contacts.create(ContactDraft(given_name="אבי", family_name="כהן"))
    window.attach_services(services)

    assert window.contact_list.search.isEnabled()
    assert _listed(window) == ["אבי כהן", "דנה לוי"]
    assert window.contact_page is not None


def test_contact_list_model_passes_the_model_tester(
    qtmodeltester, services: Services, contact_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kesher_desktop.ui import contact_list_model
    from kesher_desktop.ui.contact_list_model import ContactListModel

    for number in range(7):
        services.contacts.create(ContactDraft(given_name=f"איש {number}"))
    model = ContactListModel(services.contacts)
    model.set_query("")
    qtmodeltester.check(model)

    # With small pages a fresh model holds one page and fetches more as a view asks.
    monkeypatch.setattr(contact_list_model, "PAGE_SIZE", 3)
    paged = ContactListModel(services.contacts)
    paged.set_query("איש")
    assert paged.rowCount() == 3 and paged.canFetchMore(QModelIndex())
    while paged.canFetchMore(QModelIndex()):
        paged.fetchMore(QModelIndex())
    assert [paged.index(n).data() for n in range(paged.rowCount())] == [
        f"איש {number}" for number in range(7)
    ]
    qtmodeltester.check(paged)


def test_with_no_contacts_the_page_says_how_to_get_some_and_its_buttons_do_it(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, services)
    empty = window.no_contacts_page
    assert isinstance(empty, NoContactsPage) and window.contact_page is not None
    assert empty.isVisible() and not window.contact_page.isVisible()
    assert empty.heading.text() == "No contacts yet"
    assert "(File > Import contacts…)" in empty.explanation.text().replace("\u00a0", " ")

    # The import button runs File > Import contacts…, which asks for the files.
    asked: list[str] = []

    def choose(_parent: QWidget, title: str, _folder: str, _filters: str) -> tuple:
        asked.append(title)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    empty.import_button.click()
    assert asked == ["Import contacts"]

    def name_and_accept(dialog: QDialog) -> bool:
        assert isinstance(dialog, NewContactDialog)
        dialog.given_name.setText("מיכל")
        dialog._buttons.accepted.emit()
        return dialog.result() == QDialog.DialogCode.Accepted

    window.run_dialog = name_and_accept  # type: ignore[method-assign]
    empty.new_contact_button.click()

    assert not empty.isVisible() and window.contact_page.isVisible()
    assert window.contact_page.contact_id == services.contacts.list_page("", 0, 1)[0].id


def test_contacts_imported_into_an_empty_list_replace_the_empty_page(
    qtbot: QtBot, services: Services
) -> None:
    window = _window(qtbot, services)
    assert window.no_contacts_page is not None and window.contact_page is not None

    window.import_files([DATA / "duplicates.csv"])

    qtbot.waitUntil(window.contact_page.isVisible, timeout=10_000)
    assert not window.no_contacts_page.isVisible()
    assert len(_listed(window)) == 2


def test_the_first_contact_imported_into_an_empty_list_is_opened_and_selected(
    qtbot: QtBot, services: Services
) -> None:
    window = _window(qtbot, services)
    assert window.contact_list is not None and window.contact_page is not None

    window.import_files([DATA / "duplicates.csv"])

    qtbot.waitUntil(window.contact_page.isVisible, timeout=10_000)
    first = services.contacts.list_page("", 0, 1)[0].id
    assert window.contact_page.contact_id == first
    assert window.contact_list.view.currentIndex().row() == 0


def test_with_contacts_the_page_shows_one_and_not_the_empty_page(
    qtbot: QtBot, services: Services, contact_id: int
) -> None:
    window = _window(qtbot, services)

    assert window.contact_page is not None and window.contact_page.isVisible()
    assert window.no_contacts_page is not None and not window.no_contacts_page.isVisible()


def test_the_window_state_is_kept_in_the_config_folder_under_kesher_home(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    window = _window(qtbot, services)
    assert window.close()

    # The autouse fixture points KESHER_HOME at this test's folder.
    kept = tmp_path / "home" / "config" / "window.ini"
    assert kept.exists()
    assert "state=" in kept.read_text(encoding="utf-8")
