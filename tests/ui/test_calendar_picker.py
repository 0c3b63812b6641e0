"""Choosing the calendar in Settings from the user's own list, read from the fake Google
through the real google-api-python-client, off the UI thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kesher_desktop.autostart import Autostart
from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.settings import GOOGLE_CLIENT_FILE_VARIABLE, Settings
from kesher_desktop.ui.calendar_picker import CalendarPicker
from kesher_desktop.ui.settings_dialog import SettingsDialog
from tests.google_fake.calendar_server import FakeGoogle, calendar_server
from tests.ui.calendar_window import WAIT_MS, connected_settings, write_client_file

TEAM = "c_team01@group.calendar.google.com"


@pytest.fixture
def google() -> Iterator[FakeGoogle]:
    with calendar_server() as server:
        server.add_calendar(TEAM, "צוות")
        server.add_calendar("holidays@group.v.calendar.google.com", "Holidays", "reader")
        server.add_calendar("family@group.calendar.google.com", "Family", "writer")
        yield server


@pytest.fixture
def settings(
    google: FakeGoogle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, secrets: SecretStore
) -> Settings:
    monkeypatch.delenv(GOOGLE_CLIENT_FILE_VARIABLE, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    return connected_settings(google, tmp_path, secrets)


def _dialog(
    qtbot: QtBot, settings: Settings, secrets: SecretStore, google: FakeGoogle, tmp_path: Path
) -> SettingsDialog:
    dialog = SettingsDialog(
        settings,
        secrets=secrets,
        autostart=Autostart("linux", base=tmp_path / "autostart"),
        api_base=google.base_url,
    )
    qtbot.addWidget(dialog)
    return dialog


def _listed(qtbot: QtBot, picker: CalendarPicker) -> list[str]:
    picker.list_button.click()
    # The click returns at once: Google answers on another thread.
    assert picker.is_listing() and not picker.list_button.isEnabled()
    assert picker.list_button.text() == "Listing…"
    qtbot.waitUntil(lambda: not picker.is_listing(), timeout=WAIT_MS)
    return [picker.choice.itemText(row) for row in range(picker.choice.count())]


def test_the_users_calendars_are_listed_and_the_chosen_one_is_kept(
    qtbot: QtBot,
    settings: Settings,
    secrets: SecretStore,
    google: FakeGoogle,
    tmp_path: Path,
) -> None:
    dialog = _dialog(qtbot, settings, secrets, google, tmp_path)
    picker = dialog.google.calendar
    assert picker.choice.currentText() == "Main calendar"

    names = _listed(qtbot, picker)

    # Only those Kesher may add events to; the main one first and still chosen.
    assert names == ["Main calendar", "צוות", "Family"]
    assert picker.calendar_id() == "primary" and picker.list_button.isEnabled()
    [listing] = google.calls("GET")
    assert listing.query["minAccessRole"] == "writer"

    picker.choice.setCurrentIndex(names.index("צוות"))
    dialog.apply()

    saved = Settings.load()
    assert (saved.google_calendar_id, saved.google_calendar_name) == (TEAM, "צוות")
    # Shown by its name when Settings opens again, before Google is asked anything.
    again = _dialog(qtbot, saved, secrets, google, tmp_path)
    assert again.google.calendar.choice.currentText() == "צוות"
    assert again.google.calendar.calendar_id() == TEAM


def test_a_calendar_no_longer_listed_stays_chosen(
    qtbot: QtBot,
    settings: Settings,
    secrets: SecretStore,
    google: FakeGoogle,
    tmp_path: Path,
) -> None:
    settings.google_calendar_id, settings.google_calendar_name = "gone@group", "Old team"
    dialog = _dialog(qtbot, settings, secrets, google, tmp_path)
    picker = dialog.google.calendar

    names = _listed(qtbot, picker)

    assert names[0] == "Old team" and picker.calendar_id() == "gone@group"
    assert "צוות" in names


def test_a_listing_that_fails_says_why_and_changes_nothing(
    qtbot: QtBot,
    settings: Settings,
    secrets: SecretStore,
    google: FakeGoogle,
    tmp_path: Path,
) -> None:
    dialog = _dialog(qtbot, settings, secrets, google, tmp_path)
    picker = dialog.google.calendar
    google.fail_next(1, 500)

    names = _listed(qtbot, picker)

    assert names == ["Main calendar"]
    assert picker.problem.isVisibleTo(picker)
    assert picker.problem.text() == "Google had a problem of its own."

    # Asked again, it lists them, and the failure goes away.
    assert len(_listed(qtbot, picker)) == 3
    assert not picker.problem.isVisibleTo(picker)


def test_without_an_account_google_is_not_asked(
    qtbot: QtBot, secrets: SecretStore, google: FakeGoogle, tmp_path: Path
) -> None:
    client_file = write_client_file(tmp_path / "client", google.token_uri)
    settings = Settings(language="en", google_client_file=str(client_file))
    dialog = _dialog(qtbot, settings, secrets, google, tmp_path)
    picker = dialog.google.calendar

    assert not picker.list_button.isEnabled()
    picker.load()
    assert not picker.is_listing() and google.requests == []
