"""The drawer's "Add to Google Calendar" box: saying what is missing without a client file,
asking to connect when no account is; and the invitation box for a contact with no e-mail
address."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.activity_views import PersonRef
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft, EmailEntry
from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.settings import GOOGLE_CLIENT_FILE_VARIABLE, Settings
from kesher_desktop.ui.google_connect_dialog import ConnectState, GoogleConnectDialog
from tests.google_fake.oauth_server import ACCOUNT, ConsentBrowser, FakeGoogle, oauth_server
from tests.ui.calendar_window import WAIT_MS, CalendarWindow, open_window


@pytest.fixture
def oauth(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGoogle]:
    # oauthlib insists on https for the token endpoint; only these tests allow plain HTTP.
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.delenv(GOOGLE_CLIENT_FILE_VARIABLE, raising=False)
    with oauth_server() as server:
        yield server


def _window(
    qtbot: QtBot,
    services: Services,
    contact_id: int,
    settings: Settings,
    secrets: SecretStore,
) -> Iterator[CalendarWindow]:
    opened = open_window(qtbot, services, contact_id, settings, secrets)
    yield opened
    opened.calendar.stop()


@pytest.fixture
def with_client(
    qtbot: QtBot,
    services: Services,
    contact_id: int,
    secrets: SecretStore,
    oauth: FakeGoogle,
    tmp_path: Path,
) -> Iterator[CalendarWindow]:
    client_file = oauth.write_client_file(tmp_path / "client")
    settings = Settings(language="en", google_client_file=str(client_file))
    yield from _window(qtbot, services, contact_id, settings, secrets)


@pytest.fixture
def without_client(
    qtbot: QtBot,
    services: Services,
    contact_id: int,
    secrets: SecretStore,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[CalendarWindow]:
    monkeypatch.delenv(GOOGLE_CLIENT_FILE_VARIABLE, raising=False)
    yield from _window(qtbot, services, contact_id, Settings(language="en"), secrets)


@pytest.mark.parametrize("kind", [ActivityKind.MEETING, ActivityKind.CALL, ActivityKind.TASK])
def test_without_a_client_file_the_calendar_box_shows_but_the_sync_log_does_not(
    without_client: CalendarWindow, contact_id: int, kind: ActivityKind
) -> None:
    drawer = without_client.drawer
    drawer.open_new(contact_id, kind)
    assert drawer.form is not None
    assert drawer.form.add_to_calendar.isVisible()
    assert drawer.form.calendar_missing.isHidden()
    assert not without_client.window.sync_log_action.isVisible()


def test_ticking_without_a_client_file_says_what_is_missing_and_keeps_the_form(
    without_client: CalendarWindow, contact_id: int
) -> None:
    # Nothing to connect with: the connect dialog would only say the same.
    without_client.calendar.run_connect_dialog = pytest.fail  # type: ignore[method-assign]
    drawer = without_client.drawer
    drawer.open_new(contact_id, ActivityKind.MEETING)
    form = drawer.form
    assert form is not None
    form.title.setText("Typed before ticking")
    form.location.setText("Room 2")

    form.add_to_calendar.click()

    assert not form.add_to_calendar.isChecked()
    assert form.calendar_missing.isVisible()
    assert form.calendar_missing.text().startswith("No OAuth client file is set.")
    assert GOOGLE_CLIENT_FILE_VARIABLE in form.calendar_missing.text()
    assert form.title.text() == "Typed before ticking" and form.location.text() == "Room 2"
    assert drawer.isVisible()

    # Another activity opens with no leftover explanation.
    drawer.confirm_discard = lambda: True  # type: ignore[method-assign]
    drawer.open_new(contact_id, ActivityKind.CALL)
    assert drawer.form is not None and drawer.form.calendar_missing.isHidden()


@pytest.mark.parametrize("kind", [ActivityKind.MEETING, ActivityKind.CALL, ActivityKind.TASK])
def test_with_a_client_file_the_calendar_box_is_offered(
    with_client: CalendarWindow, contact_id: int, kind: ActivityKind
) -> None:
    drawer = with_client.drawer
    drawer.open_new(contact_id, kind)
    assert drawer.form is not None
    assert drawer.form.add_to_calendar.isVisible()
    assert drawer.form.add_to_calendar.text() == "Add to Google Calendar"
    assert with_client.window.sync_log_action.isVisible()


def test_ticking_while_disconnected_asks_to_connect_and_cancel_unticks(
    with_client: CalendarWindow, contact_id: int
) -> None:
    asked: list[GoogleConnectDialog] = []

    def cancel(dialog: GoogleConnectDialog) -> None:
        asked.append(dialog)
        assert dialog.state is ConnectState.READY
        dialog.reject()

    with_client.calendar.run_connect_dialog = cancel  # type: ignore[method-assign]
    drawer = with_client.drawer
    drawer.open_new(contact_id, ActivityKind.MEETING)
    form = drawer.form
    assert form is not None
    form.title.setText("Typed before ticking")

    form.add_to_calendar.click()

    assert len(asked) == 1
    assert not form.add_to_calendar.isChecked()
    assert form.title.text() == "Typed before ticking" and drawer.isVisible()


def test_connecting_from_the_box_keeps_it_ticked_and_saves_the_account(
    qtbot: QtBot, with_client: CalendarWindow, contact_id: int, oauth: FakeGoogle
) -> None:
    def consent(dialog: GoogleConnectDialog) -> None:
        dialog.open_browser = ConsentBrowser()  # type: ignore[method-assign]
        dialog.show()
        dialog.connect_button.click()
        qtbot.waitUntil(lambda: dialog.state is ConnectState.CONNECTED, timeout=WAIT_MS)
        dialog.accept()

    with_client.calendar.run_connect_dialog = consent  # type: ignore[method-assign]
    drawer = with_client.drawer
    drawer.open_new(contact_id, ActivityKind.MEETING)
    form = drawer.form
    assert form is not None

    form.add_to_calendar.click()

    assert form.add_to_calendar.isChecked()
    assert with_client.calendar.is_connected()
    assert Settings.load().google_account == ACCOUNT
    # Connected now: ticking again asks nothing.
    with_client.calendar.run_connect_dialog = pytest.fail  # type: ignore[method-assign]
    form.add_to_calendar.click()
    form.add_to_calendar.click()
    assert form.add_to_calendar.isChecked()


def test_ticking_after_google_refused_the_token_asks_for_the_same_account(
    qtbot: QtBot, with_client: CalendarWindow, contact_id: int, oauth: FakeGoogle
) -> None:
    calendar = with_client.calendar
    with_client.window.settings.google_account = ACCOUNT
    calendar.account.mark_reconnect_needed("invalid_grant")
    oauth.account = "noa.private@gmail.com"

    def consent(dialog: GoogleConnectDialog) -> None:
        dialog.open_browser = ConsentBrowser()  # type: ignore[method-assign]
        dialog.show()
        dialog.connect_button.click()
        qtbot.waitUntil(lambda: dialog.state is ConnectState.FAILED, timeout=WAIT_MS)
        dialog.reject()

    calendar.run_connect_dialog = consent  # type: ignore[method-assign]
    with_client.drawer.open_new(contact_id, ActivityKind.MEETING)
    form = with_client.drawer.form
    assert form is not None

    form.add_to_calendar.click()

    assert oauth.authorizations[-1]["login_hint"] == ACCOUNT
    assert not form.add_to_calendar.isChecked()
    assert calendar.account.needs_reconnect()
    assert with_client.window.settings.google_account == ACCOUNT


def test_the_invitation_box_is_off_for_a_contact_without_an_address(
    without_client: CalendarWindow, services: Services
) -> None:
    nobody = services.contacts.create(ContactDraft(given_name="יוסי", family_name="כהן"))
    with_address = services.contacts.create(
        ContactDraft(given_name="רות", emails=[EmailEntry("rut@example.com", "work")])
    )
    drawer = without_client.drawer
    drawer.open_new(nobody, ActivityKind.MEETING)
    form = drawer.form
    assert form is not None
    form.title.setText("Typed first")

    assert not form.send_invitation.isEnabled()
    assert form.no_address.isVisible()
    assert "no e-mail address" in form.no_address.text()
    assert "no e-mail address" in form.send_invitation.toolTip()

    # Someone who can be invited brings the box back; nothing typed is lost.
    form.participants.add_person(PersonRef("contact", with_address))
    assert form.send_invitation.isEnabled() and form.no_address.isHidden()
    assert form.title.text() == "Typed first"


def test_the_invitation_box_is_on_for_a_contact_with_an_address(
    without_client: CalendarWindow, contact_id: int
) -> None:
    drawer = without_client.drawer
    drawer.open_new(contact_id, ActivityKind.CALL)
    form = drawer.form
    assert form is not None
    assert form.send_invitation.isEnabled() and form.no_address.isHidden()
