"""Fake Dropbox and Google Drive servers, the services over them, and driving the browser."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from kesher_desktop.services import google_account
from kesher_desktop.services.dropbox_account import REFRESH_TOKEN_KEY, DropboxAccount
from kesher_desktop.services.folder_links import FolderLinkSources
from kesher_desktop.services.google_account import GoogleAccount
from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.settings import DROPBOX_APP_KEY_VARIABLE, GOOGLE_CLIENT_FILE_VARIABLE, Settings
from kesher_desktop.ui.folder_browser import FolderBrowser
from kesher_desktop.ui.folder_linking import FolderLinker
from tests.dropbox_fake.server import APP_KEY, FakeDropbox, dropbox_server
from tests.google_fake.drive_server import FakeDrive, drive_server


@dataclass
class LinkScene:
    box: FakeDropbox
    drive: FakeDrive
    secrets: SecretStore
    settings: Settings
    sources: FolderLinkSources

    def connect_dropbox(self) -> None:
        self.secrets.set(REFRESH_TOKEN_KEY, self.box.connected_token())

    def connect_google(self) -> None:
        self.secrets.set(google_account.REFRESH_TOKEN_KEY, "1//stored")


@contextmanager
def link_scene(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Iterator[LinkScene]:
    """Both fake servers with a few folders, and the services over them (not connected).

    Needs the `file_keyring` fixture, which the secrets are kept in.
    """
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.delenv(DROPBOX_APP_KEY_VARIABLE, raising=False)
    monkeypatch.delenv(GOOGLE_CLIENT_FILE_VARIABLE, raising=False)
    with dropbox_server() as box, drive_server() as drive:
        box.add_folder("/Clients/Levi Consulting")
        box.add_folder("/Clients/כהן ושות׳")
        box.add_folder("/Archive")
        clients = drive.add_folder("לקוחות")
        drive.add_folder("Levi Consulting", parent=clients)
        client_file = drive.write_client_file(folder / "client")
        settings = Settings(dropbox_app_key=APP_KEY, google_client_file=str(client_file))
        secrets = SecretStore(allow_plain_file=True)
        sources = FolderLinkSources(
            DropboxAccount(secrets, lambda: settings, box.session),
            GoogleAccount(secrets, lambda: settings),
            drive.api_base,
            lambda: settings,
        )
        yield LinkScene(box, drive, secrets, settings, sources)


def shown_browser(qtbot, linker: FolderLinker) -> FolderBrowser:
    """The browser the linker opened, once its first listing is in."""
    qtbot.waitUntil(lambda: isinstance(linker.dialog, FolderBrowser), timeout=3000)
    browser = linker.dialog
    assert isinstance(browser, FolderBrowser)
    qtbot.waitUntil(lambda: not browser.is_busy(), timeout=3000)
    return browser


def pick(qtbot, browser: FolderBrowser, *names: str) -> None:
    """Go into each folder named but the last, select the last and link it."""
    for name in names[:-1]:
        browser.open_folder(next(f for f in browser.folders if f.name == name))
        qtbot.waitUntil(lambda: not browser.is_busy(), timeout=3000)
    browser.select(names[-1])
    with qtbot.waitSignal(browser.folder_linked, timeout=3000):
        browser.link_button.click()
