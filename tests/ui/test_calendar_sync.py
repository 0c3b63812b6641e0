"""Calendar sync wired into the window: a ticked meeting reaches the fake Google from the
sync's thread, and its row shows where it stands; removed in Google, the ⋮ menu puts it
back; the sync log lists what went."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import ActivityKind
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.calendar_event import event_id
from kesher_desktop.services.google_account import REFRESH_TOKEN_KEY
from kesher_desktop.services.secrets import SERVICE_NAME, SecretStore
from kesher_desktop.settings import GOOGLE_CLIENT_FILE_VARIABLE, Settings
from kesher_desktop.ui.activity_list_model import ActivityRole
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.sync_log_window import Column
from tests.google_fake.calendar_server import FakeGoogle, calendar_server
from tests.ui.calendar_window import (
    ACCOUNT,
    WAIT_MS,
    CalendarWindow,
    connected_settings,
    open_window,
)

EMPTY_RANGE = "The specified time range is empty."
# What the row's tip and the log show of Google's answer: the status and its message,
# isolated left-to-right.
GOOGLE_SAYS = f"\u2066400 \u00b7 {EMPTY_RANGE}\u2069"


@pytest.fixture
def google() -> Iterator[FakeGoogle]:
    with calendar_server() as server:
        yield server


@pytest.fixture
def settings(
    google: FakeGoogle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, secrets: SecretStore
) -> Settings:
    monkeypatch.delenv(GOOGLE_CLIENT_FILE_VARIABLE, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    return connected_settings(google, tmp_path, secrets)


@pytest.fixture
def app(
    qtbot: QtBot,
    services: Services,
    contact_id: int,
    settings: Settings,
    secrets: SecretStore,
    google: FakeGoogle,
) -> Iterator[CalendarWindow]:
    opened = open_window(qtbot, services, contact_id, settings, secrets, google)
    # The first run, at start, finds nothing to push and lists the empty calendar.
    qtbot.waitUntil(lambda: bool(google.calls("GET")), timeout=WAIT_MS)
    yield opened
    opened.calendar.stop()


def _save_ticked_meeting(app: CalendarWindow, contact_id: int, title: str) -> int:
    drawer = app.drawer
    drawer.open_new(contact_id, ActivityKind.MEETING)
    form = drawer.form
    assert form is not None
    form.title.setText(title)
    assert form.add_to_calendar.isVisible()
    form.add_to_calendar.click()
    saved = drawer.save()
    assert saved is not None
    return saved


def _event_of(services: Services, activity_id: int) -> str:
    with services.store.session() as session:
        from kesher_desktop.models import Activity

        activity = session.get(Activity, activity_id)
        assert activity is not None
        return event_id(activity.calendar_uid)


def _details(model: QAbstractItemModel) -> dict[tuple[str, str], str]:
    """The Details column by What and Activity; the newest entry of each pair."""
    details: dict[tuple[str, str], str] = {}
    for row in range(model.rowCount()):
        what, title, why = (
            model.index(row, column).data()
            for column in (Column.WHAT, Column.ACTIVITY, Column.WHY)
        )
        details.setdefault((what, title), why)
    return details


def test_a_saved_ticked_meeting_reaches_google_and_its_row_says_so(
    qtbot: QtBot, app: CalendarWindow, google: FakeGoogle, services: Services, contact_id: int
) -> None:
    threads: list[str] = []
    app.calendar.run_finished.connect(
        lambda _report: threads.append(threading.current_thread().name)
    )

    activity_id = _save_ticked_meeting(app, contact_id, "Quarterly review")

    # Pushed at once after the save, not at the next hourly run.
    qtbot.waitUntil(lambda: app.sync_of(activity_id) == "synced", timeout=WAIT_MS)
    event = google.live()[_event_of(services, activity_id)]
    assert event["summary"] == "Quarterly review"
    assert app.row_data(activity_id, ActivityRole.SYNC_TEXT) == "In Google Calendar"
    assert "Last synced" in str(app.row_data(activity_id, Qt.ItemDataRole.ToolTipRole))
    # The news of the run was handled on the UI thread.
    assert threads and set(threads) == {threading.main_thread().name}


def test_an_unticked_meeting_stays_out_of_google_and_shows_no_mark(
    qtbot: QtBot, app: CalendarWindow, google: FakeGoogle, contact_id: int
) -> None:
    drawer = app.drawer
    drawer.open_new(contact_id, ActivityKind.MEETING)
    assert drawer.form is not None
    drawer.form.title.setText("Private")
    activity_id = drawer.save()
    assert activity_id is not None

    app.calendar.sync_now()
    qtbot.wait(300)
    assert google.calls("POST") == []
    assert app.sync_of(activity_id) == ""


def test_a_refused_push_shows_failed_with_the_reason(
    qtbot: QtBot, app: CalendarWindow, google: FakeGoogle, contact_id: int
) -> None:
    google.fail_next(1, 400, "invalid", method="POST", message=EMPTY_RANGE)

    activity_id = _save_ticked_meeting(app, contact_id, "Refused")

    qtbot.waitUntil(lambda: app.sync_of(activity_id) == "failed", timeout=WAIT_MS)
    assert app.row_data(activity_id, ActivityRole.SYNC_TEXT) == "Sync failed"
    tip = str(app.row_data(activity_id, ActivityRole.SYNC_TIP))
    assert tip.startswith(f"Sync failed\nGoogle refused this change.\n{GOOGLE_SAYS}\n")
    assert "Attempts so far: 1" in tip and "http" not in tip.casefold()


def test_the_sync_log_shows_googles_own_words_for_a_refusal_in_both_languages(
    qtbot: QtBot, qapp: QApplication, app: CalendarWindow, google: FakeGoogle, contact_id: int
) -> None:
    google.fail_next(1, 400, "invalid", method="POST", message=EMPTY_RANGE)
    refused = _save_ticked_meeting(app, contact_id, "Refused")
    qtbot.waitUntil(lambda: app.sync_of(refused) == "failed", timeout=WAIT_MS)

    app.window.sync_log_action.trigger()
    log_window = app.window.sync_log
    assert log_window is not None
    english = _details(log_window.model)["Refused", "Refused"]
    assert english == f"Google refused this change. \u2014 {GOOGLE_SAYS}"
    try:
        install_language(qapp, "he")
        hebrew = _details(log_window.model)["נדחה", "Refused"]
    finally:
        install_language(qapp, "en")

    # Google's English stays one left-to-right run inside the Hebrew sentence.
    assert hebrew == f"Google דחתה את השינוי הזה. \u2014 {GOOGLE_SAYS}"
    assert "http" not in english.casefold() and "http" not in hebrew.casefold()


def test_removed_in_google_is_put_back_from_the_menu(
    qtbot: QtBot, app: CalendarWindow, google: FakeGoogle, services: Services, contact_id: int
) -> None:
    activity_id = _save_ticked_meeting(app, contact_id, "Put back")
    qtbot.waitUntil(lambda: app.sync_of(activity_id) == "synced", timeout=WAIT_MS)
    google.delete(_event_of(services, activity_id))

    app.calendar.sync_now()
    qtbot.waitUntil(lambda: app.sync_of(activity_id) == "removed_in_google", timeout=WAIT_MS)
    menu = app.pane.menu_for(activity_id)
    names = [action.objectName() for action in menu.actions()]
    assert "restoreInGoogleAction" in names and "deleteHereTooAction" in names
    assert "keepOursAction" not in names

    [restore] = [a for a in menu.actions() if a.objectName() == "restoreInGoogleAction"]
    assert restore.text() == "Put it back in Google Calendar"
    restore.trigger()

    qtbot.waitUntil(lambda: app.sync_of(activity_id) == "synced", timeout=WAIT_MS)
    assert _event_of(services, activity_id) in google.live()


def test_removed_in_google_can_be_deleted_here_too_with_undo(
    qtbot: QtBot, app: CalendarWindow, google: FakeGoogle, services: Services, contact_id: int
) -> None:
    activity_id = _save_ticked_meeting(app, contact_id, "Gone")
    qtbot.waitUntil(lambda: app.sync_of(activity_id) == "synced", timeout=WAIT_MS)
    google.delete(_event_of(services, activity_id))
    app.calendar.sync_now()
    qtbot.waitUntil(lambda: app.sync_of(activity_id) == "removed_in_google", timeout=WAIT_MS)

    [delete] = [
        a
        for a in app.pane.menu_for(activity_id).actions()
        if a.objectName() == "deleteHereTooAction"
    ]
    delete.trigger()

    assert app.pane.todo_model.row_of(activity_id) < 0
    assert app.pane.undo_bar.isVisible()


def test_a_conflict_is_kept_ours_from_the_menu(
    qtbot: QtBot,
    app: CalendarWindow,
    google: FakeGoogle,
    services: Services,
    contact_id: int,
    clock: FrozenClock,
) -> None:
    activity_id = _save_ticked_meeting(app, contact_id, "Ours")
    qtbot.waitUntil(lambda: app.sync_of(activity_id) == "synced", timeout=WAIT_MS)
    google.edit(_event_of(services, activity_id), summary="Theirs")
    draft = services.activities.draft_of(activity_id)
    draft.title = "Ours, changed"
    services.activities.update(activity_id, draft)

    qtbot.waitUntil(lambda: app.sync_of(activity_id) == "conflict", timeout=WAIT_MS)
    menu = app.pane.menu_for(activity_id)
    [keep] = [a for a in menu.actions() if a.objectName() == "keepOursAction"]
    keep.trigger()

    assert app.sync_of(activity_id) == "synced"


def test_the_sync_log_lists_the_push_newest_first(
    qtbot: QtBot, app: CalendarWindow, google: FakeGoogle, contact_id: int
) -> None:
    assert app.window.sync_log_action.isVisible()
    first = _save_ticked_meeting(app, contact_id, "First")
    qtbot.waitUntil(lambda: app.sync_of(first) == "synced", timeout=WAIT_MS)
    second = _save_ticked_meeting(app, contact_id, "Second")
    qtbot.waitUntil(lambda: app.sync_of(second) == "synced", timeout=WAIT_MS)

    app.window.sync_log_action.trigger()

    log_window = app.window.sync_log
    assert log_window is not None and log_window.isVisible()
    model = log_window.model
    rows = [
        [model.index(row, column).data() for column in Column] for row in range(model.rowCount())
    ]
    assert [row[1:] for row in rows] == [
        ["Sent to Google", "Second", "Added to Google Calendar."],
        ["Sent to Google", "First", "Added to Google Calendar."],
    ]
    assert log_window.status.text() == f"Connected as \u2066{ACCOUNT}\u2069."
    assert log_window.reconnect_button.isHidden()


def test_the_sync_log_says_why_with_googles_copy_and_what_changed(
    qtbot: QtBot,
    qtmodeltester: object,
    app: CalendarWindow,
    google: FakeGoogle,
    services: Services,
    contact_id: int,
) -> None:
    both = _save_ticked_meeting(app, contact_id, "Ours")
    pulled = _save_ticked_meeting(app, contact_id, "Before")
    all_day = _save_ticked_meeting(app, contact_id, "Timed")
    for activity_id in (both, pulled, all_day):
        qtbot.waitUntil(lambda a=activity_id: app.sync_of(a) == "synced", timeout=WAIT_MS)

    # Changed on both sides; renamed in Google alone; made a whole day in Google.
    google.edit(_event_of(services, both), summary="Theirs", location="Room 2")
    draft = services.activities.draft_of(both)
    draft.title = "Ours, changed"
    services.activities.update(both, draft)
    qtbot.waitUntil(lambda: app.sync_of(both) == "conflict", timeout=WAIT_MS)
    google.edit(_event_of(services, pulled), summary="Renamed in Google")
    google.edit(
        _event_of(services, all_day), start={"date": "2026-03-15"}, end={"date": "2026-03-16"}
    )
    app.calendar.sync_now()
    qtbot.waitUntil(
        lambda: services.activities.row(pulled).title == "Renamed in Google", timeout=WAIT_MS
    )
    # And a new one Google refuses.
    google.fail_next(1, 400, "invalid", method="POST")
    refused = _save_ticked_meeting(app, contact_id, "Refused")
    qtbot.waitUntil(lambda: app.sync_of(refused) == "failed", timeout=WAIT_MS)

    app.window.sync_log_action.trigger()
    log_window = app.window.sync_log
    assert log_window is not None
    qtmodeltester.check(log_window.model, force_py=True)  # type: ignore[attr-defined]
    details = _details(log_window.model)

    conflict = details["Conflict", "Ours, changed"]
    assert conflict.startswith(
        "It was changed both here and in Google Calendar. \u2014 "
        "Google's copy: \u2068Theirs\u2069, "
    )
    assert conflict.endswith(", \u2068Room 2\u2069")
    assert details["Taken from Google", "Renamed in Google"] == (
        "Updated. \u2014 Changed: \u2066title\u2069"
    )
    assert details["Refused", "Timed"] == (
        "This kind of activity cannot be a whole day. \u2014 "
        "Google's copy: \u2068Timed\u2069, \u20662026-03-15\u2069"
    )
    assert details["Refused", "Refused"] == (
        "Google refused this change. \u2014 \u2066400 \u00b7 fake error 400 invalid\u2069"
    )


def test_a_401_is_tried_again_and_the_account_stays_connected(
    qtbot: QtBot,
    app: CalendarWindow,
    google: FakeGoogle,
    contact_id: int,
    file_keyring: PlaintextKeyring,
) -> None:
    # The call and both of google-auth's tries with a refreshed token are refused.
    google.fail_next(3, 401, "authError")
    refused: list[str] = []
    app.calendar.reconnect_needed.connect(refused.append)

    activity_id = _save_ticked_meeting(app, contact_id, "Still connected")

    qtbot.waitUntil(lambda: app.sync_of(activity_id) == "failed", timeout=WAIT_MS)
    tip = str(app.row_data(activity_id, ActivityRole.SYNC_TIP))
    assert "Signing in to Google failed." in tip and "Attempts so far: 1" in tip
    assert app.calendar.is_connected() and not app.calendar.account.needs_reconnect()
    assert file_keyring.get_password(SERVICE_NAME, REFRESH_TOKEN_KEY) == "refresh-1"
    assert refused == [] and app.calendar.worker.halt() is None


def test_a_refused_grant_stops_the_sync_and_offers_to_reconnect(
    qtbot: QtBot, app: CalendarWindow, google: FakeGoogle, contact_id: int
) -> None:
    google.refuse_grant()
    google._tokens.clear()  # the access token of the first run is gone too

    with qtbot.waitSignal(app.calendar.reconnect_needed, timeout=WAIT_MS):
        activity_id = _save_ticked_meeting(app, contact_id, "Waits")

    qtbot.waitUntil(
        lambda: "no longer accepts" in app.window.statusBar().currentMessage(), timeout=WAIT_MS
    )
    assert not app.calendar.is_connected()
    app.pane.refresh()
    assert app.sync_of(activity_id) == "failed"
    assert "connect again" in str(app.row_data(activity_id, ActivityRole.SYNC_TIP))

    app.window.show_sync_log()
    log_window = app.window.sync_log
    assert log_window is not None
    assert "no longer accepts" in log_window.status.text()
    assert log_window.reconnect_button.isVisible()
    assert log_window.reconnect_button.text() == "Reconnect…"
