"""The main window with the tray and the reminders panel: every way in works, close hides."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import ActivityKind
from kesher_desktop.services.activities import ReminderEntry
from kesher_desktop.services.bundle import Services
from kesher_desktop.settings import Settings
from kesher_desktop.ui.main_window import MainWindow
from kesher_desktop.ui.tray import Tray


@pytest.fixture
def quits(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    # The real quit would end every later test's event loop too.
    calls: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: calls.append(True)))
    return calls


@pytest.fixture
def window(qtbot: QtBot, services: Services, contact_id: int) -> MainWindow:
    made = MainWindow(Settings(language="en"))
    qtbot.addWidget(made)
    made.attach_services(services)
    made.show()
    return made


@pytest.fixture
def tray(window: MainWindow) -> Iterator[Tray]:
    made = Tray()
    window.attach_tray(made)
    yield made
    made.dispose()


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


def test_the_reminders_action_shows_the_panel_and_open_shows_the_activity(
    window: MainWindow, services: Services, clock: FrozenClock, contact_id: int
) -> None:
    meeting = _fired_meeting(services, clock, contact_id)
    assert window.reminders_action.isEnabled()

    window.reminders_action.trigger()

    panel = window.reminders_panel
    assert panel is not None and panel.isVisible()
    assert panel.model.rowCount() == 1 and "5 minutes late" in panel.model.index(0).data()
    panel.open_button.click()
    assert window.contact_page.contact_id == contact_id
    assert window.drawer.isVisible() and window.drawer._activity_id == meeting


def test_every_tray_item_works_on_the_window(
    window: MainWindow,
    tray: Tray,
    services: Services,
    clock: FrozenClock,
    contact_id: int,
    quits: list[bool],
) -> None:
    _fired_meeting(services, clock, contact_id)
    window.hide()

    tray.open_action.trigger()
    assert window.isVisible()

    tray.new_task_action.trigger()
    drawer = window.drawer
    assert drawer is not None and drawer.isVisible() and drawer.form is not None
    assert drawer._kind is ActivityKind.TASK and drawer._contact_id == contact_id
    drawer.cancel()

    window.hide()
    tray.reminders_action.trigger()
    assert window.isVisible() and window.reminders_panel.isVisible()
    assert window.reminders_panel.model.rowCount() == 1

    tray.quit_action.trigger()
    assert quits == [True] and not window.isVisible()


def test_with_a_tray_closing_hides_and_quit_still_asks_about_unsaved_work(
    window: MainWindow, tray: Tray, quits: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Offscreen there is no tray; pretend the icon is in one.
    monkeypatch.setattr(tray, "is_shown", lambda: True)
    asked: list[bool] = []
    window.confirm_quit = lambda: asked.append(True) or False  # type: ignore[method-assign]
    window.contact_page.general.section.start_editing()

    assert not window.close()
    assert not window.isVisible() and asked == [] and quits == []
    assert window.contact_page.general.section.is_editing()

    window.show_from_tray()
    window.quit_action.trigger()
    assert asked == [True] and quits == [] and window.isVisible()

    window.contact_page.general.section.finish_editing()
    window.quit_action.trigger()
    assert quits == [True] and not window.isVisible()


def test_without_a_tray_closing_quits_as_before(
    window: MainWindow, tray: Tray, quits: list[bool]
) -> None:
    assert not tray.is_shown()
    assert window.close()
    assert not window.isVisible()


def test_a_fired_reminder_opens_the_panel_and_notifies_from_the_tray(
    window: MainWindow,
    tray: Tray,
    services: Services,
    clock: FrozenClock,
    contact_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tray, "is_shown", lambda: True)
    notes: list[tuple[str, str]] = []
    monkeypatch.setattr(tray, "notify", lambda title, text: notes.append((title, text)) or True)
    _fired_meeting(services, clock, contact_id)

    window.deliver_reminders(services.reminders.open_alerts())

    assert window.reminders_panel is not None and window.reminders_panel.isVisible()
    assert len(notes) == 1
    title, text = notes[0]
    assert "פגישת היכרות" in title and "דנה לוי" in text and "5 minutes late" in text


def test_retrying_a_failed_mail_asks_the_window_to_drain_the_outbox(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    from kesher_desktop.services.mail_outbox import MailDraft, MailOutbox

    window.outbox = MailOutbox(services.store, services.clock)
    with services.store.session() as session:
        mail = window.outbox.enqueue(session, MailDraft(["noa@kesher.example"], "s", "t", "h"))
    window.outbox.mark_failed(mail, "timed out")
    window.show_reminders()
    panel = window.reminders_panel
    assert panel is not None and panel.failed.list.count() == 1

    with qtbot.waitSignal(window.mail_retry_requested, timeout=1000):
        panel.failed.retry_button.click()
    assert window.outbox.next_attempt() == services.clock.now()


def test_new_task_with_no_contact_says_what_is_missing(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.attach_services(services)
    shown: list[str] = []
    monkeypatch.setattr(window, "run_dialog", lambda box: shown.append(box.text()) or True)

    window.new_task()

    assert len(shown) == 1 and "contact" in shown[0]
    assert window.drawer is None or not window.drawer.isVisible()
