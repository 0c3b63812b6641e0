"""The main window on a laptop screen: drawer and reminders open, in Hebrew and in English;
the contact page's columns wide enough for what they hold."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtWidgets import QApplication, QScrollArea, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import ActivityKind
from kesher_desktop.services.activities import ReminderEntry
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.folder_links import FolderLink, LinkService
from kesher_desktop.settings import Settings
from kesher_desktop.ui.contact_page import PANE_WIDTHS, dock_area_for
from kesher_desktop.ui.main_window import MainWindow
from tests.ui.folder_link_scene import LinkScene, link_scene

# A 1366x768 laptop screen, less a taskbar.
SCREEN_WIDTH, SCREEN_HEIGHT = 1366, 740

LONG_NAMES = (
    "הצעת מחיר מעודכנת ללקוח החדש לשנת 2026 כולל כל הנספחים והחתימות.pdf",
    "Quarterly-report-for-the-board-of-directors-final-version-2026.docx",
    "Minutes of the annual general meeting held in Tel Aviv, signed.pdf",
)
LONG_LINKS = (
    FolderLink(
        LinkService.DROPBOX,
        "https://dropbox.test/s/levi",
        "Levi Consulting",
        "/Clients/Levi Consulting/Contracts and agreements 2026/Signed copies",
        "/levi",
    ),
    FolderLink(
        LinkService.DRIVE,
        "https://drive.test/f/levi",
        "לוי ייעוץ ושות׳ בע״מ",
        "/לקוחות/לוי ייעוץ ושות׳ בע״מ/הסכמים חתומים לשנת 2026",
        "levi",
    ),
)


def _settle(qtbot: QtBot) -> None:
    """Let docks, tabs and layouts finish what a show or a resize set off."""
    for _ in range(3):
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(10)


def _fired_meeting(services: Services, clock: FrozenClock, contact_id: int) -> int:
    draft = services.activities.new_draft(contact_id, ActivityKind.MEETING)
    draft.title = "פגישת היכרות"
    draft.starts_at = clock.now() + timedelta(minutes=30)
    draft.ends_at = draft.starts_at + timedelta(hours=1)
    draft.reminders = [ReminderEntry(15), ReminderEntry(24 * 60, notify_others=True)]
    meeting = services.activities.create(contact_id, draft)
    clock.advance(timedelta(minutes=20))
    services.reminders.claim_due()
    return meeting


def _front_tab(window: MainWindow) -> str:
    """The title of the dock in front in the drawer's tab group."""
    bars = [bar for bar in window.findChildren(QTabBar) if bar.isVisible() and bar.count()]
    assert len(bars) == 1
    return bars[0].tabText(bars[0].currentIndex())


def test_drawer_and_reminders_fit_a_laptop_screen(
    qtbot: QtBot, services: Services, clock: FrozenClock, contact_id: int, language: str
) -> None:
    meeting = _fired_meeting(services, clock, contact_id)
    window = MainWindow(Settings(language=language))
    qtbot.addWidget(window)
    window.attach_services(services)
    window.resize(SCREEN_WIDTH, SCREEN_HEIGHT)
    window.show()
    assert window.drawer is not None and window.contact_page is not None
    window.drawer.open_existing(meeting)
    window.show_reminders()
    _settle(qtbot)

    hint = window.minimumSizeHint()
    assert hint.width() <= SCREEN_WIDTH and hint.height() <= SCREEN_HEIGHT
    assert window.width() <= SCREEN_WIDTH and window.height() <= SCREEN_HEIGHT
    # One dock on the leading side, the reminders a tab beside the drawer.
    panel = window.reminders_panel
    assert panel is not None
    leading = dock_area_for(window.layoutDirection())
    assert window.dockWidgetArea(window.drawer) == leading == window.dockWidgetArea(panel)
    assert window.tabifiedDockWidgets(window.drawer) == [panel]
    assert _front_tab(window) == panel.windowTitle()
    # The page folded into two columns, neither narrower than it may be.
    page = window.contact_page
    assert page.is_two_columns()
    assert page.width() >= page.minimumSizeHint().width()
    assert page.activities.width() >= PANE_WIDTHS[1][0]
    assert page.details.isVisibleTo(page)

    panel.open_current()
    _settle(qtbot)
    assert _front_tab(window) == window.drawer.windowTitle()
    assert window.minimumSizeHint().width() <= SCREEN_WIDTH


def test_the_page_spreads_to_three_columns_again_when_there_is_room(
    qtbot: QtBot, services: Services, contact_id: int, language: str
) -> None:
    window = MainWindow(Settings(language=language))
    qtbot.addWidget(window)
    window.attach_services(services)
    window.resize(SCREEN_WIDTH, SCREEN_HEIGHT)
    window.show()
    assert window.drawer is not None and window.contact_page is not None
    window.drawer.open_new(contact_id, ActivityKind.TASK)
    _settle(qtbot)
    assert window.contact_page.is_two_columns()

    window.drawer.cancel()
    window.resize(1600, SCREEN_HEIGHT)
    _settle(qtbot)
    assert not window.contact_page.is_two_columns()
    assert window.contact_page.splitter.widget(2).isVisible()
    assert window.minimumSizeHint().width() < SCREEN_WIDTH


@pytest.fixture
def scene(
    monkeypatch: pytest.MonkeyPatch, file_keyring: object, tmp_path: Path
) -> Iterator[LinkScene]:
    """Dropbox and Google Drive set up, so the card shows its two link buttons too."""
    with link_scene(monkeypatch, tmp_path) as made:
        yield made


def _with_long_documents(services: Services, contact_id: int, folder: Path) -> None:
    """Files and folder links with long names on the contact, and a long "more details"."""
    draft = services.contacts.get(contact_id)
    draft.fields = [("מספר תיק ברשות המסים", "https://example.com/portal/clients/levi/2026")]
    services.contacts.update(contact_id, draft)
    folder.mkdir()
    paths = []
    for index, name in enumerate(LONG_NAMES):
        paths.append(folder / name)
        paths[-1].write_bytes(f"content {index}".encode())
    services.documents.add_files(contact_id, None, paths)
    for link in LONG_LINKS:
        services.documents.add_link(contact_id, None, link)


def _column_of(widget: QWidget) -> QWidget:
    """The visible part of the scrolling column the widget is in."""
    parent = widget.parentWidget()
    while not isinstance(parent, QScrollArea):
        assert parent is not None
        parent = parent.parentWidget()
    return parent.viewport()


def _cut_off(widgets: list[QWidget], column: QWidget) -> list[str]:
    """The widgets not wholly across the column's visible width, by their text."""
    cut = []
    for widget in widgets:
        left = widget.mapTo(column, QPoint(0, 0)).x()
        if left < 0 or left + widget.width() > column.width():
            cut.append(widget.toolTip() or widget.objectName())
    return cut


@pytest.mark.parametrize(
    ("width", "drawer_open"),
    [(1320, False), (1600, False), (SCREEN_WIDTH, True)],
    ids=["three-columns-1320", "three-columns-1600", "two-columns-with-drawer"],
)
def test_the_details_column_shows_every_button_of_long_documents(
    qtbot: QtBot,
    services: Services,
    contact_id: int,
    scene: LinkScene,
    tmp_path: Path,
    language: str,
    width: int,
    drawer_open: bool,
) -> None:
    _with_long_documents(services, contact_id, tmp_path / "desk")
    window = MainWindow(Settings(language=language))
    qtbot.addWidget(window)
    window.attach_services(services)
    window.resize(width, SCREEN_HEIGHT)
    window.show()
    page = window.contact_page
    assert window.drawer is not None and page is not None
    card = page.details.documents
    card.use_link_sources(scene.sources)
    page.show_contact(contact_id)
    if drawer_open:
        window.drawer.open_new(contact_id, ActivityKind.TASK)
    _settle(qtbot)
    # A file removed: the undo bar names it.
    card.rows[-1].action("remove").trigger()
    _settle(qtbot)

    assert page.is_two_columns() == drawer_open
    assert len(card.rows) == 4 and card.undo_bar.isVisibleTo(card)
    column = _column_of(page.details)
    buttons = [row.menu_button for row in card.rows] + [
        card.attach_button,
        card.check_button,
        *card.link_buttons.buttons.values(),
        card.undo_bar.undo_button,
        page.details.section.edit_button,
    ]
    assert all(button.isVisibleTo(page) for button in buttons)
    assert _cut_off(buttons, column) == []
    assert page.details.width() <= column.width()
