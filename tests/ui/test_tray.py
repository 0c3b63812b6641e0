"""The tray: every menu item asks for what it names, and no tray is handled quietly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from kesher_desktop.ui.app_icons import app_icon
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.tray import Tray


@pytest.fixture
def tray(qapp: QApplication) -> Iterator[Tray]:
    made = Tray()
    yield made
    made.dispose()


def test_every_menu_item_sends_its_request(qtbot: QtBot, tray: Tray) -> None:
    pairs = [
        (tray.open_action, tray.open_requested),
        (tray.new_task_action, tray.new_task_requested),
        (tray.reminders_action, tray.reminders_requested),
        (tray.quit_action, tray.quit_requested),
    ]
    assert [a for a in tray.menu.actions() if not a.isSeparator()] == [a for a, _ in pairs]

    for action, request in pairs:
        assert action.text() and action.isEnabled()
        with qtbot.waitSignal(request, timeout=1000):
            action.trigger()


def test_clicking_the_icon_opens_and_a_notification_shows_reminders(
    qtbot: QtBot, tray: Tray
) -> None:
    with qtbot.waitSignal(tray.open_requested, timeout=1000):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    with qtbot.assertNotEmitted(tray.open_requested):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Context)
    with qtbot.waitSignal(tray.reminders_requested, timeout=1000):
        tray.icon.messageClicked.emit()


def test_without_a_tray_nothing_is_shown_and_nothing_fails(tray: Tray) -> None:
    # The offscreen platform has no tray, as some Linux desktops have none.
    assert Tray.available() is False
    assert tray.show() is False
    assert not tray.is_shown()
    assert tray.notify("תזכורת", "פגישה עם דנה לוי") is False


def test_the_icon_exists() -> None:
    assert not app_icon().isNull()


def test_the_menu_follows_the_language(tray: Tray, qapp: QApplication) -> None:
    try:
        install_language(qapp, "he")
        tray.retranslate()
        assert tray.reminders_action.text() == "תזכורות"
    finally:
        install_language(qapp, "en")
        tray.retranslate()
    assert tray.reminders_action.text() == "Reminders"
