"""The reminders panel: what fired, newest first, and open, snooze, done, dismiss, retry."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import ActivityKind
from kesher_desktop.services.activities import ReminderEntry
from kesher_desktop.services.activity_state import ActivityState
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.mail_outbox import MailDraft, MailOutbox
from kesher_desktop.services.reminder_times import SnoozeChoice
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.reminder_list_model import (
    ReminderDelegate,
    ReminderListModel,
    ReminderRole,
    fit_row,
    late_text,
    notification_text,
)
from kesher_desktop.ui.reminders_panel import RemindersPanel, mail_problem, mail_subject
from kesher_desktop.ui.widgets.bidi import FSI, LRI, PDI
from tests.services.reminder_scene import JERUSALEM, sample_fired

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
    assert panel.current_alert().activity_id == second


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
    assert panel.model.rowCount() == 0 and panel.pages.currentWidget() is panel.empty
    assert not panel.dismiss_button.isEnabled() and not panel.open_button.isEnabled()
    assert services.activities.row(first).state is not ActivityState.DONE


def _fail_mail(outbox: MailOutbox, services: Services, reason: str, subject: str) -> int:
    with services.store.session() as session:
        mail_id = outbox.enqueue(
            session, MailDraft(["noa@kesher.example"], subject, "text", "<p>html</p>")
        )
    outbox.mark_failed(mail_id, reason)
    return mail_id


def test_failed_mail_is_listed_and_can_be_retried_now(
    qtbot: QtBot, panel: RemindersPanel, services: Services, outbox: MailOutbox, clock: FrozenClock
) -> None:
    assert panel.failed.isHidden()
    mail_id = _fail_mail(outbox, services, "535 Authentication failed", "תזכורת: פגישה")
    assert outbox.next_attempt() > clock.now()  # type: ignore[operator]

    panel.refresh()

    failed = panel.failed
    assert failed.list.count() == 1 and not failed.heading.isHidden()
    text = failed.list.item(0).text()
    assert "noa@kesher.example" in text
    assert "The mail server refused the user name or password." in text
    # The raw reason, as the server said it, stays in reach: small, and in the tooltip.
    assert "535 Authentication failed" in failed.reason.text()
    assert "535 Authentication failed" in failed.list.item(0).toolTip()
    with qtbot.waitSignal(panel.mail_retry_requested, timeout=1000):
        failed.retry_button.click()
    assert outbox.next_attempt() == clock.now()
    assert outbox.failures()[0].id == mail_id


def test_many_failed_mails_scroll_and_retry_all_makes_them_due(
    qtbot: QtBot, panel: RemindersPanel, services: Services, outbox: MailOutbox, clock: FrozenClock
) -> None:
    for n in range(3):
        _fail_mail(outbox, services, "[Errno 111] Connection refused", f"תזכורת {n}")
    panel.refresh()
    height_for_three = panel.widget().minimumSizeHint().height()
    list_for_three = panel.failed.list.height()

    for n in range(40):
        _fail_mail(outbox, services, "[Errno 111] Connection refused", f"עוד תזכורת {n}")
    panel.refresh()

    # 43 failures once made the window 1936 px tall; the list scrolls instead.
    assert panel.failed.list.count() == 43
    assert panel.widget().minimumSizeHint().height() == height_for_three
    assert panel.failed.list.height() == list_for_three
    assert "did not answer" in panel.failed.list.item(0).text()

    with qtbot.waitSignal(panel.mail_retry_requested, timeout=1000):
        panel.failed.retry_all_button.click()
    assert all(mail.next_attempt_at == clock.now() for mail in outbox.failures())


def test_a_failure_is_explained_in_words_and_its_subject_keeps_its_time_apart() -> None:
    assert mail_problem("[Errno 111] Connection refused") == "The mail server did not answer."
    assert mail_problem("timed out") == "The mail server did not answer."
    assert mail_problem("535 5.7.8 Authentication credentials invalid") == (
        "The mail server refused the user name or password."
    )
    assert mail_problem("552 5.3.4 Message size exceeds fixed limit") == (
        "The mail server refused the message."
    )
    mismatch = "The security setting (STARTTLS or SSL) does not match the mail server."
    assert mail_problem("STARTTLS extension not supported by server.") == mismatch
    assert mail_problem("[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)") == (
        mismatch
    )
    # Each part isolated: in Hebrew the date and time no longer trade places with the words.
    assert mail_subject("תזכורת: פגישה (10/03/2026 10:00)") == (
        f"{FSI}תזכורת: פגישה{PDI} ({LRI}10/03/2026 10:00{PDI})"
    )
    assert mail_subject("בלי זמן") == f"{FSI}בלי זמן{PDI}"


def test_dismiss_all_clears_the_list_and_the_count_follows(
    qtbot: QtBot, panel: RemindersPanel, services: Services, clock: FrozenClock, contact_id: int
) -> None:
    assert panel.open_count() == 0 and not panel.dismiss_all_button.isEnabled()
    with qtbot.waitSignal(panel.count_changed, timeout=1000) as counted:
        _fire_two(services, clock, contact_id)
        panel.refresh()
    assert counted.args == [2] and panel.open_count() == 2
    assert panel.windowTitle() == "Reminders (2)"

    with qtbot.waitSignal(panel.count_changed, timeout=1000) as counted:
        panel.dismiss_all_button.click()

    assert counted.args == [0] and services.reminders.open_alerts() == []
    assert panel.windowTitle() == "Reminders"


def test_the_empty_hint_takes_the_place_of_the_list(
    panel: RemindersPanel, services: Services, clock: FrozenClock, contact_id: int
) -> None:
    assert panel.pages.currentWidget() is panel.empty
    assert panel.empty.alignment() & Qt.AlignmentFlag.AlignHCenter

    _fire_two(services, clock, contact_id)
    panel.refresh()
    assert panel.pages.currentWidget() is panel.view


def test_a_long_title_is_cut_but_never_the_marks(qapp: object) -> None:
    metrics = QFontMetrics(QFont())
    title = "פגישת היכרות ותיאום ציפיות עם כל הצוות של לוי ייעוץ ושל המשרד בחיפה " * 2
    marks = "15 minutes late \u00b7 snoozed"

    first, second = fit_row(metrics, 300, title, marks, "Meeting \u00b7 דנה לוי " * 4)

    assert first.startswith(FSI) and first.endswith("\u2026" + PDI)
    assert metrics.horizontalAdvance(first) <= 300
    assert second.startswith(marks) and second.endswith("\u2026")
    assert metrics.horizontalAdvance(second) <= 300


def test_rows_put_their_marks_first(
    panel: RemindersPanel, services: Services, clock: FrozenClock, contact_id: int
) -> None:
    _fire_two(services, clock, contact_id)
    panel.refresh()

    index = panel.model.index(0)
    assert index.data(ReminderRole.MARKS) == "15 minutes late"
    assert index.data().split("\n")[1].startswith("15 minutes late \u00b7 ")
    assert isinstance(panel.view.itemDelegate(), ReminderDelegate)


def test_the_hebrew_buttons_say_ignore_and_show_the_snooze_menu(
    panel: RemindersPanel, qapp: QApplication
) -> None:
    assert panel.snooze_button.text() == "Snooze \u25be" and panel.snooze_button.menu()
    try:
        install_language(qapp, "he")
        assert panel.dismiss_button.text() == "התעלמות"
        assert panel.snooze_button.text() == "דחייה \u25be"
    finally:
        install_language(qapp, "en")


def test_late_text_rounds_down_like_the_mail(qapp: object) -> None:
    assert late_text(timedelta(0)) == ""
    assert late_text(timedelta(seconds=59)) == ""
    assert late_text(timedelta(minutes=1)) == "one minute late"
    # 2 min 34 s: the panel and the mail both say two minutes.
    assert late_text(timedelta(minutes=2, seconds=34)) == "2 minutes late"
    assert late_text(timedelta(minutes=15, seconds=30)) == "15 minutes late"
    assert late_text(timedelta(hours=3, minutes=10)) == "3 hours and 10 minutes late"
    assert late_text(timedelta(days=2, hours=1)) == "two days late"


def test_a_notification_names_two_and_counts_the_rest(qapp: object) -> None:
    fired = [sample_fired(alert_id=n, title=f"Meeting {n}") for n in range(5)]

    title, text = notification_text(fired, JERUSALEM)

    assert title == "5 reminders"
    lines = text.split("\n")
    assert len(lines) == 3 and "Meeting 0" in lines[0] and "Meeting 1" in lines[1]
    assert lines[2] == "and 3 more"
    assert notification_text(fired[:3], JERUSALEM)[1].split("\n")[2] == "and one more"
    assert len(notification_text(fired[:2], JERUSALEM)[1].split("\n")) == 2


def test_every_failed_mail_is_listed_and_says_what_it_was(
    qtbot: QtBot, panel: RemindersPanel, services: Services, outbox: MailOutbox, qapp: QApplication
) -> None:
    invitation = MailDraft(["dana@example.com"], "Invitation: פגישה", "t", "", calendar="X")
    drafts = [
        replace(invitation, calendar_method="REQUEST"),
        replace(invitation, subject="Cancelled: פגישה", calendar_method="CANCEL"),
        MailDraft(["noa@kesher.example"], "Reminder: פגישה", "t", "", alert_id=7),
    ]
    for draft in drafts:
        with services.store.session() as session:
            mail_id = outbox.enqueue(session, draft)
        outbox.mark_failed(mail_id, "451 4.3.0 Try again later")
    panel.refresh()

    failed = panel.failed
    assert failed.heading.text() == "Mail not sent"
    rows = sorted(failed.list.item(row).text().split("\n")[1] for row in range(3))
    assert [row.split(" to ")[0] for row in rows] == ["Cancellation", "Invitation", "Reminder"]
    try:
        install_language(qapp, "he")
        assert failed.heading.text() == "דואר שלא נשלח"
        kinds = sorted(
            failed.list.item(row).text().split("\n")[1].split(" אל ")[0] for row in range(3)
        )
        assert kinds == ["ביטול", "הזמנה", "תזכורת"]
    finally:
        install_language(qapp, "en")


def test_an_unknown_server_name_is_said_to_be_not_found(qapp: QApplication) -> None:
    reason = "[Errno -2] Name or service not known"
    assert mail_problem(reason) == ("The mail server's name was not found: check it in Settings.")
    assert "did not answer" in mail_problem("[Errno 111] Connection refused")
    try:
        install_language(qapp, "he")
        assert mail_problem(reason) == "שם שרת הדואר לא נמצא: בדקו אותו בהגדרות."
    finally:
        install_language(qapp, "en")
