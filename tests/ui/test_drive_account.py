"""Connecting Google Drive from the documents card: the account connected is named in the
settings, and the calendar's account is asked for and never swapped for another.

The real consent flow runs against the fake OAuth server, whose access tokens the fake
Drive takes, as Google's APIs take Google's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.google_account import CALENDAR_SCOPES, REFRESH_TOKEN_KEY
from kesher_desktop.services.secrets import SERVICE_NAME
from kesher_desktop.settings import Settings
from kesher_desktop.ui.documents_card import DocumentsCard
from kesher_desktop.ui.drive_connect_dialog import DriveConnectDialog
from kesher_desktop.ui.google_connect_dialog import ConnectState
from tests.google_fake.oauth_server import ACCOUNT, ConsentBrowser, FakeGoogle, oauth_server
from tests.ui.attachment_drops import FakeDesk
from tests.ui.folder_link_scene import LinkScene, link_scene, shown_browser

OTHER_ACCOUNT = "noa.private@gmail.com"
WAIT_MS = 15_000


@pytest.fixture
def google(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGoogle]:
    # oauthlib insists on https for the token endpoint; only the fake's plain HTTP is let in.
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")
    with oauth_server() as server:
        yield server


@pytest.fixture
def scene(
    monkeypatch: pytest.MonkeyPatch, file_keyring: object, tmp_path: Path, google: FakeGoogle
) -> Iterator[LinkScene]:
    with link_scene(monkeypatch, tmp_path) as made:
        made.drive.trusted = google
        made.settings.google_client_file = str(google.write_client_file(tmp_path / "oauth"))
        yield made


@pytest.fixture
def card(qtbot, services: Services, contact_id: int, scene: LinkScene) -> DocumentsCard:
    card = DocumentsCard(services)
    qtbot.addWidget(card)
    card.actions.desk = FakeDesk()
    card.use_link_sources(scene.sources)
    card.show()
    card.show_contact(contact_id)
    return card


def _connect_dialog(qtbot, card: DocumentsCard) -> DriveConnectDialog:
    card.link_buttons.drive_button.click()
    qtbot.waitUntil(lambda: isinstance(card.linker.dialog, DriveConnectDialog), timeout=WAIT_MS)
    dialog = card.linker.dialog
    assert isinstance(dialog, DriveConnectDialog)
    dialog.open_browser = ConsentBrowser()  # type: ignore[method-assign]
    return dialog


def _stored_token(keyring: PlaintextKeyring) -> str | None:
    return keyring.get_password(SERVICE_NAME, REFRESH_TOKEN_KEY)


def test_the_first_drive_connection_names_the_account_then_browses(
    qtbot, card: DocumentsCard, scene: LinkScene, google: FakeGoogle
) -> None:
    dialog = _connect_dialog(qtbot, card)

    with qtbot.waitSignal(dialog.account_connected, timeout=WAIT_MS):
        dialog.connect_button.click()

    assert "login_hint" not in google.authorizations[0]
    assert scene.settings.google_account == ACCOUNT == Settings.load().google_account
    browser = shown_browser(qtbot, card.linker)
    assert [f.name for f in browser.folders] == ["לקוחות"]


def test_drive_asks_for_the_calendars_account_and_refuses_another(
    qtbot,
    card: DocumentsCard,
    scene: LinkScene,
    google: FakeGoogle,
    file_keyring: PlaintextKeyring,
) -> None:
    calendar = scene.sources.google
    calendar.connect(CALENDAR_SCOPES, timeout_seconds=10, open_browser=ConsentBrowser())
    scene.settings.google_account = ACCOUNT
    calendars_token = _stored_token(file_keyring)
    # Drive's scope is not granted yet: the browser hands over to connecting.
    dialog = _connect_dialog(qtbot, card)
    google.account = OTHER_ACCOUNT

    dialog.connect_button.click()
    qtbot.waitUntil(lambda: dialog.state is ConnectState.FAILED, timeout=WAIT_MS)

    assert google.authorizations[-1]["login_hint"] == ACCOUNT
    assert OTHER_ACCOUNT in dialog.result.text() and ACCOUNT in dialog.result.text()
    assert "Nothing was changed" in dialog.result.text()
    assert _stored_token(file_keyring) == calendars_token
    assert scene.settings.google_account == ACCOUNT
    assert card.linker.dialog is dialog

    google.account = ACCOUNT
    with qtbot.waitSignal(dialog.account_connected, timeout=WAIT_MS):
        dialog.connect_button.click()

    assert [f.name for f in shown_browser(qtbot, card.linker).folders] == ["לקוחות"]
