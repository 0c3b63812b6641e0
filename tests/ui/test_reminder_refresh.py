"""What the reminders panel does shows on the page and in the drawer, and the other way round."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import ActivityKind
from kesher_desktop.services.activities import ReminderEntry
from kesher_desktop.services.bundle import Services
from kesher_desktop.settings import Settings
from kesher_desktop.ui.activity_drawer import ActivityDrawer
from kesher_desktop.ui.main_window import MainWindow

WAIT_MS = 2000


def _fired_meeting(services: Services, clock: FrozenClock, contact_id: int) -> int:
    draft = services.activities.new_draft(contact_id, ActivityKind.MEETING)
    draft.title = "פגישת היכרות"
    draft.starts_at = clock.now() + timedelta(minutes=30)
    draft.ends_at = draft.starts_at + timedelta(hours=1)
    draft.reminders = [ReminderEntry(15)]
    meeting = services.activities.create(contact_id, draft)
    clock.advance(timedelta(minutes=20))
    assert [f.activity_id for f in services.reminders.claim_due()] == [meeting]
    return meeting


@pytest.fixture
def window(qtbot: QtBot, services: Services, contact_id: int) -> MainWindow:
    made = MainWindow(Settings(language="en"))
    qtbot.addWidget(made)
    # A failing test must not leave a question open on unsaved edits at teardown.
    made.confirm_quit = lambda: True  # type: ignore[method-assign]
    made.attach_services(services)
    made.show()
    return made


def _drawer(window: MainWindow) -> ActivityDrawer:
    assert isinstance(window.drawer, ActivityDrawer)
    return window.drawer


def _done_ids(window: MainWindow) -> list[int]:
    model = window.contact_page.activities.done_model  # type: ignore[union-attr]
    return [model.activity(model.index(row)).id for row in range(model.rowCount())]


def test_mark_done_in_the_panel_moves_the_activity_and_reloads_the_drawer(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = _fired_meeting(services, clock, contact_id)
    window.show_reminders()
    panel = window.reminders_panel
    assert panel is not None
    panel.open_current()
    drawer = _drawer(window)
    assert drawer.form is not None and not drawer.form.done.isChecked()

    panel.done_button.click()

    qtbot.waitUntil(lambda: _done_ids(window) == [meeting], timeout=WAIT_MS)
    qtbot.waitUntil(drawer.form.done.isChecked, timeout=WAIT_MS)
    assert not drawer.is_modified() and drawer.note.isHidden()
    assert panel.model.rowCount() == 0


def test_saving_an_edited_drawer_keeps_a_completion_made_in_the_panel(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = _fired_meeting(services, clock, contact_id)
    window.show_reminders()
    panel = window.reminders_panel
    assert panel is not None
    panel.open_current()
    drawer = _drawer(window)
    assert drawer.form is not None
    drawer.form.title.setText("פגישת היכרות ותיאום")

    window.show_reminders()
    panel.done_button.click()

    qtbot.waitUntil(drawer.form.done.isChecked, timeout=WAIT_MS)
    assert drawer.note.isVisibleTo(drawer) and "done elsewhere" in drawer.note.text()
    assert drawer.form.title.text() == "פגישת היכרות ותיאום"
    assert drawer.save() == meeting
    row = services.activities.row(meeting)
    assert row.title == "פגישת היכרות ותיאום" and not row.is_open
    qtbot.waitUntil(lambda: _done_ids(window) == [meeting], timeout=WAIT_MS)


def test_a_change_from_another_thread_reaches_the_page_by_queued_signal(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = _fired_meeting(services, clock, contact_id)
    window.contact_page.refresh()  # type: ignore[union-attr]
    touched_from: list[threading.Thread] = []
    page = window.contact_page
    original = page.refresh_activities  # type: ignore[union-attr]

    def record(activity_id: int | None = None) -> None:
        touched_from.append(threading.current_thread())
        original(activity_id)

    page.refresh_activities = record  # type: ignore[union-attr,method-assign]
    worker = threading.Thread(target=lambda: services.activities.set_done(meeting, True))
    worker.start()
    worker.join()

    qtbot.waitUntil(lambda: _done_ids(window) == [meeting], timeout=WAIT_MS)
    assert touched_from and all(t is threading.main_thread() for t in touched_from)


def test_open_reminders_show_when_the_store_opens(
    qtbot: QtBot, services: Services, clock: FrozenClock, contact_id: int
) -> None:
    _fired_meeting(services, clock, contact_id)
    restarted = MainWindow(Settings(language="en"))
    qtbot.addWidget(restarted)
    restarted.show()

    restarted.attach_services(services)

    panel = restarted.reminders_panel
    assert panel is not None and panel.isVisible() and panel.model.rowCount() == 1


def test_no_panel_at_start_without_open_reminders(window: MainWindow) -> None:
    assert window.reminders_panel is None or not window.reminders_panel.isVisible()


def test_an_activity_deleted_on_the_page_leaves_the_panel_and_the_drawer(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = _fired_meeting(services, clock, contact_id)
    window.show_reminders()
    panel = window.reminders_panel
    assert panel is not None and panel.model.rowCount() == 1
    panel.open_current()
    drawer = _drawer(window)
    assert drawer.isVisible()

    window.contact_page.activities.delete(meeting)  # type: ignore[union-attr]

    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not drawer.isVisible(), timeout=WAIT_MS)
    assert not drawer.is_modified()


def test_completing_in_the_drawer_takes_the_activity_off_the_panel(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = _fired_meeting(services, clock, contact_id)
    window.show_reminders()
    panel = window.reminders_panel
    assert panel is not None
    panel.open_current()
    drawer = _drawer(window)
    assert drawer.form is not None
    drawer.form.done.setChecked(True)

    assert drawer.save() == meeting
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=WAIT_MS)
    QApplication.processEvents()
    assert _done_ids(window) == [meeting]


def test_the_toolbar_counts_the_open_reminders(
    qtbot: QtBot, window: MainWindow, services: Services, clock: FrozenClock, contact_id: int
) -> None:
    assert window.reminders_action.text() == "Reminders"
    _fired_meeting(services, clock, contact_id)

    window.show_reminders()
    assert window.reminders_action.text() == "Reminders (1)"

    panel = window.reminders_panel
    assert panel is not None
    panel.dismiss_current()
    assert window.reminders_action.text() == "Reminders"
