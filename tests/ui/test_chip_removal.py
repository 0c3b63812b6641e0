"""Removing a reminder, a tag or a person twice before it is gone removes it once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kesher_desktop.services.activities import ReminderEntry
from kesher_desktop.services.activity_views import PersonRef
from kesher_desktop.services.bundle import Services
from kesher_desktop.ui.widgets.people_editor import PeopleEditor
from kesher_desktop.ui.widgets.reminders_editor import RemindersEditor
from kesher_desktop.ui.widgets.tag_editor import TagEditor


def test_a_reminder_clicked_away_twice_goes_once(qtbot: QtBot) -> None:
    editor = RemindersEditor()
    qtbot.addWidget(editor)
    editor.set_reminders([ReminderEntry(5), ReminderEntry(60), ReminderEntry(1440)])
    first = editor.rows()[0]

    # A quick second click arrives before the row's deletion has been carried out.
    first.remove.click()
    first.remove.click()

    assert [entry.offset_minutes for entry in editor.reminders()] == [60, 1440]


def test_a_tag_clicked_away_twice_goes_once_and_another_case_is_the_same_tag(
    qtbot: QtBot,
) -> None:
    editor = TagEditor()
    qtbot.addWidget(editor)
    editor.set_tags(["VIP", "לקוחות"], [])

    editor.add_tag("vip")
    editor.input.setText(" Vip ")
    assert editor.tags() == ["VIP", "לקוחות"]

    editor.remove_tag("VIP")
    editor.remove_tag("VIP")
    assert editor.tags() == ["לקוחות", "Vip"]


def test_a_person_clicked_away_twice_goes_once(
    qtbot: QtBot, services: Services, contact_id: int
) -> None:
    me = PersonRef("user", services.users.me().id)
    dana = PersonRef("contact", contact_id)
    editor = PeopleEditor(services)
    qtbot.addWidget(editor)
    editor.set_people([me, dana])

    editor.remove_person(me)
    editor.remove_person(me)

    assert editor.people() == [dana]
