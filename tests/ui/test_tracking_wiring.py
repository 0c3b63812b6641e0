"""Tracking wired to the window, against a real Dovecot: "Check sent mail now" logs a tagged
copy on its contact's page, the actions show only while tracking is set up, and new settings
restart the reading."""

from __future__ import annotations

import base64
import socket
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.secrets import SecretStore, imap_password_key
from kesher_desktop.settings import Settings
from kesher_desktop.ui.contact_page import ContactPage
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.main_window import MainWindow
from kesher_desktop.ui.tracking_wiring import TrackingRunner, start_tracking
from kesher_desktop.ui.widgets.bidi import FSI, PDI
from tests.imap_server import DovecotServer, build_message, dovecot_server

ADDRESS = "track@example.com"


@pytest.fixture(scope="module")
def dovecot() -> Iterator[DovecotServer]:
    with dovecot_server() as server:
        yield server


def _settings(dovecot: DovecotServer) -> Settings:
    imap = dovecot.settings(ADDRESS)
    return Settings(
        language="en",
        imap_host=imap.host,
        imap_port=imap.port,
        imap_security=imap.security.value,
        imap_user=imap.user,
        tracking_address=ADDRESS,
    )


def _window(qtbot: QtBot, services: Services, settings: Settings, contact_id: int) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.attach_services(services)
    assert isinstance(window.contact_page, ContactPage)
    window.contact_page.show_contact(contact_id)
    return window


def _done_titles(window: MainWindow) -> list[str]:
    model = window.contact_page.activities.done_model  # type: ignore[union-attr]
    return [model.index(row).data() for row in range(model.rowCount())]


def test_check_sent_mail_now_logs_a_tagged_copy_on_the_contact_page(
    qtbot: QtBot,
    dovecot: DovecotServer,
    services: Services,
    contact_id: int,
    secrets: SecretStore,
) -> None:
    dovecot.clear()
    settings = _settings(dovecot)
    imap = settings.imap()
    assert imap is not None
    secrets.set(imap_password_key(imap), dovecot.password())
    window = _window(qtbot, services, settings, contact_id)

    runner: TrackingRunner | None = None
    try:
        with qtbot.waitSignal(window.statusBar().messageChanged, timeout=15_000):
            runner = start_tracking(window, services, secrets, interval=3600)
        # The first pass, at start, found nothing.
        qtbot.waitUntil(lambda: "0 logged" in window.statusBar().currentMessage(), timeout=15_000)
        assert window.check_mail_action.isVisible() and window.review_action.isVisible()
        assert _done_titles(window) == []

        tag = runner.tracking.tracking_address(ADDRESS, contact_id)
        dovecot.append(
            build_message(
                message_id="<ui1@example.com>",
                to="dana.levi@example.com",
                delivered_to=tag,
                subject=b"=?utf-8?B?" + base64.b64encode("הצעת מחיר".encode()) + b"?=",
                body="שלום דנה".encode(),
            )
        )
        with qtbot.waitSignal(runner.bridge.reported, timeout=15_000):
            window.check_mail_action.trigger()

        qtbot.waitUntil(lambda: _done_titles(window) == ["הצעת מחיר"], timeout=5_000)
        assert "1 logged" in window.statusBar().currentMessage()
    finally:
        if runner is not None:
            runner.stop()


def test_a_wrong_password_is_said_in_words_until_the_next_good_check(
    qtbot: QtBot,
    dovecot: DovecotServer,
    services: Services,
    contact_id: int,
    secrets: SecretStore,
    qapp: QApplication,
) -> None:
    settings = _settings(dovecot)
    window = _window(qtbot, services, settings, contact_id)
    runner = start_tracking(window, services, secrets, interval=3600)
    try:
        problem = runner.problem
        qtbot.waitUntil(lambda: problem.isVisibleTo(window), timeout=15_000)
        # Words, not the server's: those stay in the tooltip and the log.
        assert "refused the user name or password" in problem.text()
        assert "AUTHENTICATIONFAILED" not in problem.text()
        assert "AUTHENTICATIONFAILED" in problem.toolTip()
        assert problem.text().count(FSI) == 1 and problem.text().endswith(PDI)
        install_language(qapp, "he")
        try:
            assert "תיבת המעקב דחתה את שם המשתמש או הסיסמה" in problem.text()
        finally:
            install_language(qapp, "en")

        imap = settings.imap()
        assert imap is not None
        secrets.set(imap_password_key(imap), dovecot.password())
        with qtbot.waitSignal(runner.bridge.reported, timeout=15_000):
            window.check_mail_action.trigger()
        qtbot.waitUntil(lambda: not problem.isVisibleTo(window), timeout=5_000)
    finally:
        runner.stop()


@pytest.mark.parametrize(
    ("server_runs", "expected"),
    [(False, "server did not answer"), (True, "no keyring")],
)
def test_check_sent_mail_now_says_why_it_failed_in_a_box(
    qtbot: QtBot,
    dovecot: DovecotServer,
    services: Services,
    contact_id: int,
    secrets: SecretStore,
    server_runs: bool,
    expected: str,
) -> None:
    settings = _settings(dovecot)
    if not server_runs:
        with socket.socket() as unused:
            unused.bind(("127.0.0.1", 0))
            # Nothing listens on the port once it is closed: the connection is refused.
            settings.imap_port = unused.getsockname()[1]
    window = _window(qtbot, services, settings, contact_id)
    told: list[tuple[str, str]] = []
    # Without allow_plain_file the test's file keyring is refused, as on a bare machine.
    runner = start_tracking(
        window, services, SecretStore() if server_runs else secrets, interval=3600
    )
    runner.tell = lambda text, detail: told.append((text, detail))  # type: ignore[method-assign]
    try:
        qtbot.waitUntil(lambda: runner.problem.isVisibleTo(window), timeout=15_000)
        assert told == []  # the pass at start was not asked for: no box

        window.check_mail_action.trigger()
        qtbot.waitUntil(lambda: bool(told), timeout=15_000)
        text, detail = told[0]
        assert expected in text and expected in runner.problem.text()
        assert detail and detail not in text
    finally:
        runner.stop()


def test_without_tracking_no_thread_runs_and_the_actions_are_hidden_until_saved(
    qtbot: QtBot,
    dovecot: DovecotServer,
    services: Services,
    contact_id: int,
    secrets: SecretStore,
) -> None:
    settings = Settings(language="en")
    window = _window(qtbot, services, settings, contact_id)
    runner = start_tracking(window, services, secrets, interval=3600)
    try:
        assert runner.thread is None
        assert not window.check_mail_action.isVisible()
        assert not window.review_action.isVisible()

        tracked = _settings(dovecot)
        settings.imap_host, settings.imap_port = tracked.imap_host, tracked.imap_port
        settings.imap_security, settings.imap_user = tracked.imap_security, tracked.imap_user
        settings.tracking_address = ADDRESS
        window.settings_saved.emit()

        assert runner.thread is not None and window.check_mail_action.isVisible()
    finally:
        runner.stop()
