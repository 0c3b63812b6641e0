"""The main window with calendar sync wired as the app wires it, over the fake Google.

The client file names the fake Calendar server's token endpoint and a refresh token waits
in the test keyring, so the real google-auth and google-api-python-client sign in and call
the fake over HTTP from the sync's own thread.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.google_account import REFRESH_TOKEN_KEY
from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.settings import GOOGLE_CLIENT_FILE_VARIABLE, Settings
from kesher_desktop.ui.activities_pane import ActivitiesPane
from kesher_desktop.ui.activity_drawer import ActivityDrawer
from kesher_desktop.ui.activity_list_model import ActivityListModel, ActivityRole
from kesher_desktop.ui.calendar_wiring import CalendarSync, start_calendar
from kesher_desktop.ui.contact_page import ContactPage
from kesher_desktop.ui.main_window import MainWindow
from tests.google_fake.calendar_server import FakeGoogle

ACCOUNT = "noa.barak@gmail.com"
WAIT_MS = 15_000


@dataclass
class CalendarWindow:
    window: MainWindow
    calendar: CalendarSync
    google: FakeGoogle | None

    @property
    def drawer(self) -> ActivityDrawer:
        assert isinstance(self.window.drawer, ActivityDrawer)
        return self.window.drawer

    @property
    def pane(self) -> ActivitiesPane:
        page = self.window.contact_page
        assert isinstance(page, ContactPage)
        return page.activities

    def row_data(self, activity_id: int, role: int) -> object:
        for model in (self.pane.todo_model, self.pane.done_model):
            position = model.row_of(activity_id)
            if position >= 0:
                return model.index(position).data(role)
        raise AssertionError(f"activity {activity_id} is not shown")

    def sync_of(self, activity_id: int) -> str:
        return str(self.row_data(activity_id, ActivityRole.SYNC))

    def index_of(self, activity_id: int) -> tuple[ActivityListModel, QModelIndex]:
        model = self.pane.todo_model
        return model, model.index(model.row_of(activity_id))


def write_client_file(folder: Path, token_uri: str) -> Path:
    """A desktop client whose token endpoint is `token_uri`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "client_secret.json"
    client = {
        "installed": {
            "client_id": "client-1.apps.googleusercontent.com",
            "project_id": "kesher-test",
            "auth_uri": f"{token_uri.removesuffix('/token')}/o/oauth2/auth",
            "token_uri": token_uri,
            "client_secret": "secret-1",
            "redirect_uris": ["http://localhost"],
        }
    }
    path.write_text(json.dumps(client), encoding="utf-8")
    return path


def open_window(
    qtbot: QtBot,
    services: Services,
    contact_id: int,
    settings: Settings,
    secrets: SecretStore,
    google: FakeGoogle | None = None,
) -> CalendarWindow:
    """The window on the contact's page, its calendar sync started (at once, then hourly)."""
    window = MainWindow(settings)
    # Closed at the end of the test over whatever the drawer still holds.
    window.confirm_quit = lambda: True  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.attach_services(services)
    window.resize(1300, 800)
    window.show()
    api_base = google.base_url if google is not None else "http://127.0.0.1:9/calendar/v3/"
    calendar = start_calendar(window, services, secrets, interval=3600, api_base=api_base)
    assert isinstance(window.contact_page, ContactPage)
    window.contact_page.show_contact(contact_id)
    return CalendarWindow(window, calendar, google)


def connect_account(secrets: SecretStore, settings: Settings) -> None:
    """As if the account had been connected before: a refresh token in the keyring."""
    secrets.set(REFRESH_TOKEN_KEY, "refresh-1")
    settings.google_account = ACCOUNT


def connected_settings(google: FakeGoogle, folder: Path, secrets: SecretStore) -> Settings:
    """English settings whose client file points at the fake Google, the account connected.

    The caller clears GOOGLE_CLIENT_FILE_VARIABLE (it would win over the setting) and keeps
    the loopback address off any proxy.
    """
    assert GOOGLE_CLIENT_FILE_VARIABLE not in os.environ
    client_file = write_client_file(folder / "client", google.token_uri)
    made = Settings(language="en", google_client_file=str(client_file))
    connect_account(secrets, made)
    return made
