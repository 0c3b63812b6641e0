"""The main window on a laptop screen: drawer and reminders open, in Hebrew and in English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QTabBar
from pytestqt.qtbot import QtBot

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import ActivityKind
from kesher_desktop.services.activities import ReminderEntry
from kesher_desktop.services.bundle import Services
from kesher_desktop.settings import Settings
from kesher_desktop.ui.contact_page import PANE_WIDTHS, dock_area_for
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.main_window import MainWindow
from kesher_desktop.ui.style import apply_style

# A 1366x768 laptop screen, less a taskbar.
SCREEN_WIDTH, SCREEN_HEIGHT = 1366, 740


@pytest.fixture(params=["he", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The app's look and language, as the real app sets them, put back afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app)
    install_language(app, request.param)
    yield request.param
    install_language(app, "en")
    app.setStyleSheet("")


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
