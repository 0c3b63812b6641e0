"""The reminders panel: what fired, newest first, and open, snooze, done, dismiss, retry."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import ActivityKind
from kesher_desktop.services.activities import ReminderEntry
from kesher_desktop.services.activity_state import ActivityState
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.mail_outbox import MailDraft, MailOutbox
from kesher_desktop.services.reminder_times import SnoozeChoice
from kesher_desktop.ui.reminder_list_model import ReminderListModel, ReminderRole, late_text
from kesher_desktop.ui.reminders_panel import RemindersPanel

MINUTE = timedelta(minutes=1)


def _meeting(services: Services, contact_id: int, title: str, starts_in: timedelta) -> int:
    draft = services.activities.new_draft(contact_id, ActivityKind.MEETING)
    draft.title = title
    draft.starts_at = services.clock.now() + starts_in
    draft.ends_at = draft.starts_at + timedelta(hours=1)
    draft.reminders = [ReminderEntry(15)]
    return services.activities.create(contact_id, draft)


def _fire_two(services: Services, clock: FrozenClock, contact_id: int) -> tuple[int, int]:
    """An older alert shown on time, then a newer one shown 15 minutes late."""
    first = _meeting(services, contact_id, "פגישת היכרות", 30 * MINUTE)
    second = _meeting(services, contact_id, "שיחת מעקב", 60 * MINUTE)
    clock.advance(15 * MINUTE)
    assert [f.activity_id for f in services.reminders.claim_due()] == [first]
    clock.advance(45 * MINUTE)
    assert [f.activity_id for f in services.reminders.claim_due()] == [second]
    return first, second


@pytest.fixture
def outbox(services: Services) -> MailOutbox:
    return MailOutbox(services.store, services.clock)


@pytest.fixture
def panel(qtbot: QtBot, services: Services, outbox: MailOutbox) -> RemindersPanel:
    made = RemindersPanel(services.reminders, outbox, services.clock.zone)
    qtbot.addWidget(made)
    made.show()
    return made


def _rows(panel: RemindersPanel) -> list[str]:
    model = panel.model
    return [model.index(row).data() for row in range(model.rowCount())]


def test_the_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, services: Services, clock: FrozenClock, contact_id: int
) -> None:
    _fire_two(services, clock, contact_id)
    model = ReminderListModel(clock.zone)
    model.set_alerts(services.reminders.open_alerts())
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    model.set_alerts([])
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]


def test_newest_first_with_contact_time_and_how_late(
    panel: RemindersPanel, services: Services, clock: FrozenClock, contact_id: int
) -> None:
    assert not panel.empty.isHidden()
    first, second = _fire_two(services, clock, contact_id)

    panel.refresh()

    model = panel.model
    assert [model.index(r).data(ReminderRole.ACTIVITY_ID) for r in range(2)] == [second, first]
    newest, oldest = _rows(panel)
    assert newest.startswith("שיחת מעקב\n") and "דנה לוי" in newest
    # 08:00Z + 60 min is 09:00Z, 11:00 in Jerusalem (UTC+2 in March): the user's zone.
    assert "10/03/2026 11:00" in newest and "15 minutes late" in newest
    assert "late" not in oldest
    assert model.index(0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert panel.empty.isHidden() and panel.current_alert().activity_id == second


def test_open_names_the_contact_and_the_activity(
    qtbot: QtBot, panel: RemindersPanel, services: Services, clock: FrozenClock, contact_id: int
) -> None:
    _first, second = _fire_two(services, clock, contact_id)
    panel.refresh()

    with qtbot.waitSignal(panel.open_requested, timeout=1000) as opened:
        panel.open_button.click()
    assert opened.args == [contact_id, second]

    with qtbot.waitSignal(panel.open_requested, timeout=1000) as opened:
        panel.view.doubleClicked.emit(panel.model.index(1))
    assert opened.args == [contact_id, _first]


def test_snooze_puts_it_away_and_it_comes_back_marked(
    panel: RemindersPanel, services: Services, clock: FrozenClock, contact_id: int
) -> None:
    _first, second = _fire_two(services, clock, contact_id)
    panel.refresh()

    panel.snooze_actions[SnoozeChoice.FIVE_MINUTES].trigger()
    assert [a.activity_id for a in services.reminders.open_alerts()] == [_first]
    assert panel.model.rowCount() == 1

    clock.advance(5 * MINUTE)
    services.reminders.claim_due()
    panel.refresh()
    assert panel.model.index(0).data(ReminderRole.ACTIVITY_ID) == second
    assert "snoozed" in _rows(panel)[0]


def test_mark_done_and_dismiss(
    panel: RemindersPanel, services: Services, clock: FrozenClock, contact_id: int
) -> None:
    first, second = _fire_two(services, clock, contact_id)
    panel.refresh()

    panel.done_button.click()
    assert services.activities.row(second).state is ActivityState.DONE
    assert [a.activity_id for a in services.reminders.open_alerts()] == [first]

    panel.dismiss_button.click()
    assert services.reminders.open_alerts() == []
    assert panel.model.rowCount() == 0 and not panel.empty.isHidden()
    assert not panel.dismiss_button.isEnabled() and not panel.open_button.isEnabled()
    assert services.activities.row(first).state is not ActivityState.DONE


def test_failed_mail_is_listed_and_can_be_retried_now(
    qtbot: QtBot, panel: RemindersPanel, services: Services, outbox: MailOutbox, clock: FrozenClock
) -> None:
    with services.store.session() as session:
        mail_id = outbox.enqueue(
            session, MailDraft(["noa@kesher.example"], "תזכורת: פגישה", "text", "<p>html</p>")
        )
    retry_at = outbox.mark_failed(mail_id, "535 Authentication failed")
    assert retry_at > clock.now()

    panel.refresh()

    assert len(panel.failed_rows) == 1 and not panel.failed_heading.isHidden()
    text = panel.failed_rows[0].label.text()
    assert "noa@kesher.example" in text and "535 Authentication failed" in text
    with qtbot.waitSignal(panel.mail_retry_requested, timeout=1000):
        panel.failed_rows[0].retry_button.click()
    assert outbox.next_attempt() == clock.now()


def test_late_text_rounds_to_what_reads_well(qapp: object) -> None:
    assert late_text(timedelta(0)) == ""
    assert late_text(timedelta(minutes=1)) == "1 minute late"
    assert late_text(timedelta(minutes=15, seconds=30)) == "15 minutes late"
    assert late_text(timedelta(hours=3, minutes=10)) == "3 hours late"
    assert late_text(timedelta(days=2, hours=1)) == "2 days late"
