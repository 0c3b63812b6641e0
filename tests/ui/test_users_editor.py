"""Settings > Users: a user already there is not added twice."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kesher_desktop.services.bundle import Services
from kesher_desktop.ui.users_editor import UsersEditor


def test_a_user_with_an_address_already_taken_is_named_and_nothing_typed_is_lost(
    qtbot: QtBot, services: Services
) -> None:
    services.users.add("יוסי כהן", "yossi@example.com")
    editor = UsersEditor(services.users)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitActive(editor)

    editor.new_name.setText("Yossi")
    editor.new_email.setText("Yossi@Example.com")
    editor.add_button.click()

    message = editor.add_error.text()
    assert editor.add_error.isVisible()
    assert "Yossi@Example.com" in message and "יוסי כהן" in message
    assert "already the address of the user" in message
    assert (editor.new_name.text(), editor.new_email.text()) == ("Yossi", "Yossi@Example.com")
    qtbot.waitUntil(editor.new_email.hasFocus)
    assert editor.others.count() == 1

    editor.new_email.setText("yossi.k@example.com")
    editor.add_button.click()

    assert not editor.add_error.isVisible()
    assert editor.others.count() == 2
