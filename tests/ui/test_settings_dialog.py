"""The settings dialog: my name and address, other users, and the language."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kesher_desktop.services.bundle import Services
from kesher_desktop.settings import Settings
from kesher_desktop.ui.settings_dialog import SettingsDialog


def test_my_name_and_address_are_saved(qtbot: QtBot, services: Services) -> None:
    dialog = SettingsDialog(Settings(language="en"), services.users)
    qtbot.addWidget(dialog)
    assert dialog.users is not None

    dialog.users.my_name.setText("נועה ברק")
    dialog.users.my_email.setText("noa@kesher.example")
    dialog.apply()

    me = services.users.me()
    assert (me.name, me.email) == ("נועה ברק", "noa@kesher.example")
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


def test_a_bad_address_is_named_and_the_dialog_stays_open(
    qtbot: QtBot, services: Services
) -> None:
    dialog = SettingsDialog(Settings(language="en"), services.users)
    qtbot.addWidget(dialog)
    assert dialog.users is not None
    before = services.users.me()

    dialog.users.my_email.setText("noa@")
    dialog.apply()

    assert "noa@" in dialog.users.me_error.text()
    assert dialog.users.my_email.text() == "noa@"
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert services.users.me() == before


def test_other_users_can_be_added_and_then_chosen(qtbot: QtBot, services: Services) -> None:
    dialog = SettingsDialog(Settings(language="en"), services.users)
    qtbot.addWidget(dialog)
    editor = dialog.users
    assert editor is not None

    editor.new_name.setText("")
    editor.add_button.click()
    assert editor.add_error.text() and editor.others.count() == 0

    editor.new_name.setText("יוסי")
    editor.new_email.setText("yossi@example.com")
    editor.add_button.click()

    assert editor.others.count() == 1 and "יוסי" in editor.others.item(0).text()
    assert editor.new_name.text() == ""
    assert [u.name for u in services.users.all() if not u.is_me] == ["יוסי"]
