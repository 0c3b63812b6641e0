"""The connect dialog and the Google section of Settings, over the real flow and a fake Google.

The consent runs in google-auth-oauthlib on the dialog's worker thread; a stand-in browser
visits the fake consent page and follows its redirect to the loopback, as a browser would.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kesher_desktop.autostart import Autostart
from kesher_desktop.services.google_account import REFRESH_TOKEN_KEY, GoogleAccount
from kesher_desktop.services.secrets import SERVICE_NAME, SecretStore
from kesher_desktop.settings import GOOGLE_CLIENT_FILE_VARIABLE, Settings, settings_path
from kesher_desktop.ui.google_connect_dialog import ConnectState, GoogleConnectDialog
from kesher_desktop.ui.google_section import GoogleSection
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.settings_dialog import SettingsDialog
from tests.google_fake.oauth_server import ACCOUNT, ConsentBrowser, FakeGoogle, oauth_server

WAIT_MS = 15_000


@pytest.fixture
def google(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGoogle]:
    # oauthlib insists on https for the token endpoint; only these tests allow plain HTTP.
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.delenv(GOOGLE_CLIENT_FILE_VARIABLE, raising=False)
    with oauth_server() as server:
        yield server


@pytest.fixture
def settings(google: FakeGoogle, tmp_path: Path) -> Settings:
    client_file = google.write_client_file(tmp_path / "client")
    return Settings(language="en", google_client_file=str(client_file))


@pytest.fixture
def hebrew() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, "he")
    yield
    install_language(app, "en")


def _dialog(qtbot: QtBot, account: GoogleAccount, **kw: object) -> GoogleConnectDialog:
    dialog = GoogleConnectDialog(account, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_connecting_shows_waiting_then_the_account(
    qtbot: QtBot, settings: Settings, secrets: SecretStore, file_keyring: PlaintextKeyring
) -> None:
    account = GoogleAccount(secrets, lambda: settings)
    dialog = _dialog(qtbot, account)
    browser = ConsentBrowser()
    seen: dict[str, object] = {}

    def later_browser(url: str) -> bool:
        # The user takes a moment in the browser: the window must stay live meanwhile.
        seen["worker"] = threading.current_thread()
        threading.Timer(0.3, browser, args=(url,)).start()
        return True

    dialog.open_browser = later_browser  # type: ignore[method-assign]
    dialog.account_connected.connect(lambda email: seen.update(ui=threading.current_thread()))
    with qtbot.waitSignal(dialog.account_connected, timeout=WAIT_MS) as connected:
        dialog.connect_button.click()
        assert dialog.state is ConnectState.WAITING
        assert dialog.cancel_button.isVisible() and not dialog.connect_button.isVisible()
        qtbot.waitUntil(lambda: dialog.link.isVisible(), timeout=WAIT_MS)
        assert "Open Google's page yourself" in dialog.link.text()

    assert connected.args == [ACCOUNT]
    assert dialog.state is ConnectState.CONNECTED and ACCOUNT in dialog.result.text()
    assert not dialog.busy.isVisible() and not dialog.link.isVisible()
    # The flow waited on a worker; its outcome was handled on the UI thread.
    assert seen["worker"] is not threading.main_thread()
    assert seen["ui"] is threading.main_thread()
    assert file_keyring.get_password(SERVICE_NAME, REFRESH_TOKEN_KEY)


def test_cancel_ends_the_wait_and_keeps_nothing(
    qtbot: QtBot, settings: Settings, secrets: SecretStore, google: FakeGoogle
) -> None:
    account = GoogleAccount(secrets, lambda: settings)
    dialog = _dialog(qtbot, account)
    dialog.open_browser = lambda url: True  # type: ignore[method-assign]

    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.link.isVisible(), timeout=WAIT_MS)
    dialog.cancel_button.click()

    qtbot.waitUntil(lambda: dialog.state is ConnectState.READY, timeout=WAIT_MS)
    assert "Cancelled" in dialog.result.text() and dialog.connect_button.isEnabled()
    assert not account.is_connected() and google.token_requests == []


def test_closing_while_waiting_cancels_first(
    qtbot: QtBot, settings: Settings, secrets: SecretStore
) -> None:
    dialog = _dialog(qtbot, GoogleAccount(secrets, lambda: settings))
    dialog.open_browser = lambda url: True  # type: ignore[method-assign]
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.link.isVisible(), timeout=WAIT_MS)

    with qtbot.waitSignal(dialog.rejected, timeout=WAIT_MS):
        dialog.reject()
        # Still open until the worker has really stopped.
        assert dialog.isVisible() and dialog.state is ConnectState.CANCELLING

    assert not dialog.isVisible() and dialog.state is ConnectState.READY


def test_a_browser_that_never_comes_back_times_out(
    qtbot: QtBot, settings: Settings, secrets: SecretStore
) -> None:
    dialog = _dialog(qtbot, GoogleAccount(secrets, lambda: settings), timeout_seconds=0.5)
    dialog.open_browser = lambda url: True  # type: ignore[method-assign]

    dialog.connect_button.click()

    qtbot.waitUntil(lambda: dialog.state is ConnectState.FAILED, timeout=WAIT_MS)
    assert "did not come back in time" in dialog.result.text()
    assert dialog.connect_button.text() == "Try again" and dialog.connect_button.isEnabled()


def test_a_denied_consent_is_explained(
    qtbot: QtBot, settings: Settings, secrets: SecretStore, google: FakeGoogle
) -> None:
    google.deny = True
    dialog = _dialog(qtbot, GoogleAccount(secrets, lambda: settings))
    dialog.open_browser = ConsentBrowser()  # type: ignore[method-assign]

    dialog.connect_button.click()

    qtbot.waitUntil(lambda: dialog.state is ConnectState.FAILED, timeout=WAIT_MS)
    assert "not allowed" in dialog.result.text()


def test_without_a_client_file_the_dialog_says_what_is_missing(
    qtbot: QtBot, secrets: SecretStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(GOOGLE_CLIENT_FILE_VARIABLE, raising=False)
    settings = Settings(language="en")
    dialog = _dialog(qtbot, GoogleAccount(secrets, lambda: settings))

    assert dialog.state is ConnectState.UNAVAILABLE
    assert not dialog.missing.isHidden() and GOOGLE_CLIENT_FILE_VARIABLE in dialog.missing.text()
    assert not dialog.connect_button.isEnabled()
    dialog.connect_button.click()
    assert dialog.state is ConnectState.UNAVAILABLE


def test_the_dialog_reads_right_to_left_in_hebrew(
    qtbot: QtBot, settings: Settings, secrets: SecretStore, hebrew: None
) -> None:
    dialog = _dialog(qtbot, GoogleAccount(secrets, lambda: settings))

    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert dialog.windowTitle() != "Connect your Google account"
    assert any("\u05d0" <= letter <= "\u05ea" for letter in dialog.explanation.text())
    assert dialog.explanation.alignment() & Qt.AlignmentFlag.AlignRight
    # Mirrored from English, where Connect comes first on the left: here it is on the right.
    assert dialog.connect_button.x() > dialog.close_button.x()


# -- the Google section of Settings ------------------------------------------------------


def _settings_dialog(qtbot: QtBot, settings: Settings, tmp_path: Path) -> SettingsDialog:
    dialog = SettingsDialog(
        settings,
        secrets=SecretStore(allow_plain_file=True),
        autostart=Autostart("linux", base=tmp_path / "autostart"),
    )
    qtbot.addWidget(dialog)
    return dialog


def _connect_through(section: GoogleSection, qtbot: QtBot) -> None:
    """Answer the connect dialog the way a user does: Connect, consent in the browser."""

    def run(dialog: GoogleConnectDialog) -> None:
        dialog.open_browser = ConsentBrowser()  # type: ignore[method-assign]
        dialog.show()
        dialog.connect_button.click()
        qtbot.waitUntil(lambda: dialog.state is ConnectState.CONNECTED, timeout=WAIT_MS)
        dialog.accept()

    section.run_connect_dialog = run  # type: ignore[method-assign]


def test_without_a_client_file_connect_is_off_and_the_section_says_why(
    qtbot: QtBot,
    google: FakeGoogle,
    file_keyring: PlaintextKeyring,
    tmp_path: Path,
) -> None:
    settings = Settings(language="en")
    dialog = _settings_dialog(qtbot, settings, tmp_path)
    section = dialog.google

    assert not section.connect_button.isEnabled() and not section.disconnect_button.isEnabled()
    assert "No OAuth client file is set" in section.client_problem.text()
    assert section.state.text() == "Not connected."

    chosen = google.write_client_file(tmp_path / "chosen")
    section.choose_client_file = lambda: str(chosen)  # type: ignore[method-assign]
    section.browse_button.click()

    assert section.client_file.text() == str(chosen)
    assert section.client_problem.isHidden() and section.connect_button.isEnabled()


def test_connect_and_disconnect_from_settings(
    qtbot: QtBot,
    settings: Settings,
    google: FakeGoogle,
    file_keyring: PlaintextKeyring,
    tmp_path: Path,
) -> None:
    dialog = _settings_dialog(qtbot, settings, tmp_path)
    section = dialog.google
    _connect_through(section, qtbot)

    section.connect_button.click()

    assert section.state.text() == f"Connected as \u2066{ACCOUNT}\u2069."
    assert section.disconnect_button.isEnabled()
    assert section.connect_button.text() == "Connect again…"
    # Saved at once: the key is already in the keyring, whatever the dialog's OK or Cancel.
    saved = json.loads(settings_path().read_text(encoding="utf-8"))
    assert saved["google_account"] == ACCOUNT
    [refresh_token] = google.refresh_tokens

    section.disconnect_button.click()
    assert section.state.text() == "Disconnecting…" and not section.connect_button.isEnabled()
    qtbot.waitUntil(lambda: section.state.text() == "Not connected.", timeout=WAIT_MS)

    assert google.revoked == [refresh_token]
    assert file_keyring.get_password(SERVICE_NAME, REFRESH_TOKEN_KEY) is None
    assert json.loads(settings_path().read_text(encoding="utf-8"))["google_account"] == ""
    assert not section.disconnect_button.isEnabled()


def test_a_refused_token_shows_reconnect_needed(
    qtbot: QtBot, settings: Settings, secrets: SecretStore, tmp_path: Path
) -> None:
    GoogleAccount(secrets, lambda: settings).mark_reconnect_needed("invalid_grant")

    dialog = _settings_dialog(qtbot, settings, tmp_path)
    section = dialog.google

    assert "Connect again" in section.state.text()
    assert section.connect_button.text() == "Connect again…"
    assert section.disconnect_button.isEnabled()


def test_connecting_again_asks_for_the_same_account_and_refuses_another(
    qtbot: QtBot, settings: Settings, google: FakeGoogle, secrets: SecretStore, tmp_path: Path
) -> None:
    settings.google_account = ACCOUNT
    GoogleAccount(secrets, lambda: settings).mark_reconnect_needed("invalid_grant")
    dialog = _settings_dialog(qtbot, settings, tmp_path)
    section = dialog.google
    shown: list[GoogleConnectDialog] = []

    def run(dialog: GoogleConnectDialog) -> None:
        shown.append(dialog)
        dialog.open_browser = ConsentBrowser()  # type: ignore[method-assign]
        dialog.show()
        dialog.connect_button.click()
        done = (ConnectState.CONNECTED, ConnectState.FAILED)
        qtbot.waitUntil(lambda: dialog.state in done, timeout=WAIT_MS)

    section.run_connect_dialog = run  # type: ignore[method-assign]
    google.account = "noa.private@gmail.com"

    section.connect_button.click()

    assert google.authorizations[-1]["login_hint"] == ACCOUNT
    assert shown[-1].state is ConnectState.FAILED
    assert "noa.private@gmail.com" in shown[-1].result.text()
    assert "Connect again" in section.state.text()
    assert settings.google_account == ACCOUNT

    google.account = ACCOUNT
    section.connect_button.click()

    assert shown[-1].state is ConnectState.CONNECTED
    assert section.state.text() == f"Connected as \u2066{ACCOUNT}\u2069."


def test_invitations_are_saved_with_ok_and_the_main_calendar_is_the_default(
    qtbot: QtBot, settings: Settings, file_keyring: PlaintextKeyring, tmp_path: Path
) -> None:
    dialog = _settings_dialog(qtbot, settings, tmp_path)
    picker = dialog.google.calendar

    # Not connected: Google cannot be asked for the calendars yet.
    assert picker.choice.currentText() == "Main calendar"
    assert not picker.list_button.isEnabled()
    dialog.google.sends_invitations.setChecked(True)
    dialog.apply()

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    saved = Settings.load()
    assert saved.google_calendar_id == "primary"
    assert saved.google_sends_invitations is True


def test_a_client_file_named_by_the_environment_is_shown_not_edited(
    qtbot: QtBot,
    google: FakeGoogle,
    file_keyring: PlaintextKeyring,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    office = google.write_client_file(tmp_path / "office")
    monkeypatch.setenv(GOOGLE_CLIENT_FILE_VARIABLE, str(office))
    settings = Settings(language="en", google_client_file="")

    dialog = _settings_dialog(qtbot, settings, tmp_path)
    section = dialog.google

    assert section.client_file.text() == str(office) and section.client_file.isReadOnly()
    assert not section.browse_button.isEnabled() and section.connect_button.isEnabled()
    assert GOOGLE_CLIENT_FILE_VARIABLE in section.client_note.text()
    dialog.apply()
    assert Settings.load().google_client_file == ""


@pytest.mark.parametrize("language", ["he", "en"])
def test_settings_with_the_google_section_fit_a_laptop_screen(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    # The longest case: no keyring and no client file, so every section explains itself.
    monkeypatch.delenv(GOOGLE_CLIENT_FILE_VARIABLE, raising=False)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, language)
    try:
        dialog = SettingsDialog(
            Settings(language=language),
            secrets=SecretStore(),
            autostart=Autostart("linux", base=tmp_path / "autostart"),
        )
        qtbot.addWidget(dialog)
        dialog.show()
        width = max(dialog.minimumWidth(), dialog.sizeHint().width())
        layout = dialog.layout()
        assert layout is not None
        height = layout.totalHeightForWidth(width)
    finally:
        install_language(app, "en")

    # A 1366x768 screen, less a taskbar.
    assert width <= 1366 and height <= 740
