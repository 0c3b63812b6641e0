"""The Dropbox section of Settings: the app key, connecting through the real connect dialog,
and disconnecting, with the real SDK against the fake Dropbox on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kesher_desktop.autostart import Autostart
from kesher_desktop.services.dropbox_account import REFRESH_TOKEN_KEY, DropboxAccount
from kesher_desktop.services.secrets import SERVICE_NAME, SecretStore
from kesher_desktop.settings import DROPBOX_APP_KEY_VARIABLE, Settings, settings_path
from kesher_desktop.ui.dropbox_connect_dialog import DropboxConnectDialog
from kesher_desktop.ui.dropbox_section import DropboxSection
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.settings_dialog import SettingsDialog
from tests.dropbox_fake.server import APP_KEY, EMAIL, FakeDropbox, dropbox_server

WAIT_MS = 10_000


@pytest.fixture(autouse=True)
def _no_key_from_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DROPBOX_APP_KEY_VARIABLE, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture
def box() -> Iterator[FakeDropbox]:
    with dropbox_server() as server:
        yield server


@pytest.fixture
def settings() -> Settings:
    return Settings(language="en")


def _section(
    qtbot: QtBot, settings: Settings, secrets: SecretStore, box: FakeDropbox
) -> DropboxSection:
    section = DropboxSection(settings, secrets, session_factory=box.session)
    qtbot.addWidget(section)
    return section


def _settings_dialog(qtbot: QtBot, settings: Settings, tmp_path: Path) -> SettingsDialog:
    dialog = SettingsDialog(
        settings,
        secrets=SecretStore(allow_plain_file=True),
        autostart=Autostart("linux", base=tmp_path / "autostart"),
    )
    qtbot.addWidget(dialog)
    return dialog


def _connect_through(section: DropboxSection, box: FakeDropbox, qtbot: QtBot) -> None:
    """Answer the connect dialog as a user does: open Dropbox's page, allow, paste the code."""

    def run(dialog: DropboxConnectDialog) -> None:
        pages: list[str] = []
        dialog.open_browser = lambda url: pages.append(url) or True  # type: ignore[method-assign]
        dialog.show()
        dialog.open_button.click()
        dialog.code_edit.setText(box.consent(pages[0]))
        with qtbot.waitSignal(dialog.account_connected, timeout=WAIT_MS):
            dialog.connect_button.click()

    section.run_connect_dialog = run  # type: ignore[method-assign]


def _saved() -> dict[str, object]:
    return json.loads(settings_path().read_text(encoding="utf-8"))


def test_a_typed_key_is_saved_with_ok(
    qtbot: QtBot, settings: Settings, file_keyring: PlaintextKeyring, tmp_path: Path
) -> None:
    dialog = _settings_dialog(qtbot, settings, tmp_path)
    section = dialog.dropbox
    assert section.app_key.layoutDirection() == Qt.LayoutDirection.LeftToRight

    section.app_key.setText("  typed-app-key ")
    dialog.apply()

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert Settings.load().dropbox_app_key == "typed-app-key"


def test_a_typed_key_is_not_kept_on_cancel(
    qtbot: QtBot, settings: Settings, file_keyring: PlaintextKeyring, tmp_path: Path
) -> None:
    dialog = _settings_dialog(qtbot, settings, tmp_path)

    dialog.dropbox.app_key.setText("typed-app-key")
    dialog.reject()

    assert settings.dropbox_app_key == "" and not settings_path().exists()


def test_a_key_set_by_the_environment_is_shown_not_edited(
    qtbot: QtBot,
    settings: Settings,
    file_keyring: PlaintextKeyring,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(DROPBOX_APP_KEY_VARIABLE, "office-app-key")
    settings.dropbox_app_key = "my-own-key"

    dialog = _settings_dialog(qtbot, settings, tmp_path)
    section = dialog.dropbox

    assert section.app_key.text() == "office-app-key" and section.app_key.isReadOnly()
    assert "Set for this computer by" in section.key_caption.text()
    assert DROPBOX_APP_KEY_VARIABLE in section.key_caption.text()
    assert not section.key_caption.isHidden() and section.connect_button.isEnabled()
    dialog.apply()
    # The machine's key is not copied into the user's settings; their own one stays.
    assert Settings.load().dropbox_app_key == "my-own-key"


def test_without_a_key_connect_is_off_and_the_section_says_where_one_comes_from(
    qtbot: QtBot, settings: Settings, secrets: SecretStore, box: FakeDropbox
) -> None:
    section = _section(qtbot, settings, secrets, box)

    assert not section.connect_button.isEnabled() and not section.disconnect_button.isEnabled()
    assert section.state.text() == "Not connected."
    caption = section.key_caption.text()
    assert not section.key_caption.isHidden()
    assert 'href="https://www.dropbox.com/developers/apps"' in caption
    for permission in ("files.metadata.read", "sharing.read", "sharing.write"):
        assert permission in caption

    section.app_key.setText(APP_KEY)
    assert section.connect_button.isEnabled() and section.key_caption.isHidden()

    section.app_key.setText("   ")
    assert not section.connect_button.isEnabled() and not section.key_caption.isHidden()


def test_connecting_through_the_dialog_shows_the_account_and_saves_it_at_once(
    qtbot: QtBot,
    settings: Settings,
    secrets: SecretStore,
    box: FakeDropbox,
    file_keyring: PlaintextKeyring,
) -> None:
    section = _section(qtbot, settings, secrets, box)
    _connect_through(section, box, qtbot)

    # Typed, not yet saved: connecting uses the key the form shows.
    section.app_key.setText(APP_KEY)
    section.connect_button.click()

    assert section.state.text() == f"Connected as \u2066{EMAIL}\u2069."
    assert section.connect_button.text() == "Connect again…"
    assert section.disconnect_button.isEnabled()
    assert file_keyring.get_password(SERVICE_NAME, REFRESH_TOKEN_KEY)
    # Saved at once: the token in the keyring is this key's, whatever OK or Cancel says.
    assert _saved()["dropbox_account"] == EMAIL and _saved()["dropbox_app_key"] == APP_KEY


def test_disconnecting_revokes_the_token_and_forgets_the_account(
    qtbot: QtBot,
    settings: Settings,
    secrets: SecretStore,
    box: FakeDropbox,
    file_keyring: PlaintextKeyring,
) -> None:
    refresh_token = box.connected_token()
    secrets.set(REFRESH_TOKEN_KEY, refresh_token)
    settings.dropbox_app_key, settings.dropbox_account = APP_KEY, EMAIL
    section = _section(qtbot, settings, secrets, box)
    assert section.state.text() == f"Connected as \u2066{EMAIL}\u2069."

    section.disconnect_button.click()
    assert section.state.text() == "Disconnecting…" and not section.connect_button.isEnabled()
    qtbot.waitUntil(lambda: section.state.text() == "Not connected.", timeout=WAIT_MS)

    assert box.revoked == [refresh_token]
    assert file_keyring.get_password(SERVICE_NAME, REFRESH_TOKEN_KEY) is None
    assert _saved()["dropbox_account"] == "" and settings.dropbox_account == ""
    assert not section.disconnect_button.isEnabled() and section.connect_button.isEnabled()


def test_when_dropbox_refuses_the_disconnect_the_section_says_so(
    qtbot: QtBot,
    settings: Settings,
    secrets: SecretStore,
    box: FakeDropbox,
    file_keyring: PlaintextKeyring,
) -> None:
    secrets.set(REFRESH_TOKEN_KEY, box.connected_token())
    settings.dropbox_app_key, settings.dropbox_account = APP_KEY, EMAIL
    box.refuse_refresh = True
    section = _section(qtbot, settings, secrets, box)

    section.disconnect_button.click()
    qtbot.waitUntil(lambda: "Disconnecting" not in section.state.text(), timeout=WAIT_MS)

    assert section.state.text().startswith("Not connected.\nForgotten on this computer")
    assert "Connected apps" in section.state.text()
    assert file_keyring.get_password(SERVICE_NAME, REFRESH_TOKEN_KEY) is None


def test_a_refused_token_asks_to_connect_again(
    qtbot: QtBot, settings: Settings, secrets: SecretStore, box: FakeDropbox
) -> None:
    settings.dropbox_app_key = APP_KEY
    DropboxAccount(secrets, lambda: settings).mark_reconnect_needed("invalid_grant")

    section = _section(qtbot, settings, secrets, box)

    assert section.state.text() == "Dropbox no longer accepts Kesher's access. Connect again."
    assert section.connect_button.text() == "Connect again…"
    assert section.disconnect_button.isEnabled()


def test_without_a_keyring_the_section_says_why_nothing_can_be_connected(
    qtbot: QtBot, settings: Settings, box: FakeDropbox
) -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        settings.dropbox_app_key = APP_KEY
        section = _section(qtbot, settings, SecretStore(), box)
    finally:
        keyring.set_keyring(before)

    assert "no keyring to keep Dropbox's key" in section.state.text()
    assert not section.connect_button.isEnabled() and not section.disconnect_button.isEnabled()


def test_the_section_reads_right_to_left_in_hebrew(
    qtbot: QtBot, settings: Settings, secrets: SecretStore, box: FakeDropbox
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, "he")
    try:
        section = _section(qtbot, settings, secrets, box)
        section.show()

        assert section.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert section.app_key.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert section.state.text() == "לא מחובר."
        assert "files.metadata.read" in section.key_caption.text()
        assert section.state.alignment() & Qt.AlignmentFlag.AlignRight
    finally:
        install_language(app, "en")
