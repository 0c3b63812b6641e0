"""Start-up opens the user's store behind the window, or says clearly why it cannot."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kesher_desktop import app, paths
from kesher_desktop.db.store import open_sqlite
from kesher_desktop.settings import Settings
from kesher_desktop.ui.main_window import MainWindow


def _window(qtbot: QtBot) -> MainWindow:
    window = MainWindow(Settings(language="en"))
    qtbot.addWidget(window)
    return window


def test_start_opens_the_store_and_fills_the_window(qtbot: QtBot) -> None:
    window = _window(qtbot)
    app._open_store(window, measuring=False, painted=False)
    assert window.services is not None
    assert paths.database_path().exists()
    # The contact page follows on the next turn of the event loop.
    qtbot.waitUntil(lambda: window.contact_page is not None)
    window.services.store.close()


def test_a_newer_database_is_refused_with_a_message(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_sqlite(paths.database_path()).close()
    with sqlite3.connect(paths.database_path()) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    shown: list[str] = []
    exits: list[int] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    # The real exit would end every later test's event loop too.
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    window = _window(qtbot)

    app._open_store(window, measuring=False, painted=False)

    assert len(shown) == 1 and "newer version of Kesher" in shown[0]
    assert window.services is None
    assert exits == [3]


def test_the_login_start_stays_in_the_tray_and_a_later_launch_comes_forward(
    qtbot: QtBot,
) -> None:
    window = _window(qtbot)
    assert app.wants_window(["kesher-desktop"])
    assert not app.wants_window(["kesher-desktop", "--in-tray"])

    # Another login start (a second session's autostart) leaves the window in the tray.
    app._later_launch(window, ["kesher-desktop", "--in-tray"])
    assert not window.isVisible()

    app._later_launch(window, ["kesher-desktop"])
    assert window.isVisible()
