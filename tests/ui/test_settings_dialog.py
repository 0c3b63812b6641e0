"""The settings dialog: my name and address, other users, mail, start at login, language."""

from __future__ import annotations

import configparser
import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kesher_desktop.autostart import Autostart
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.secrets import SERVICE_NAME, SecretStore
from kesher_desktop.settings import GOOGLE_CLIENT_FILE_VARIABLE, Settings, settings_path
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.settings_dialog import SettingsDialog
from kesher_desktop.ui.style import apply_style
from kesher_desktop.ui.widgets.field_error import FieldError


@pytest.fixture
def autostart(tmp_path: Path) -> Autostart:
    """Start at login written in this test's folder, never the real ~/.config/autostart."""
    return Autostart("linux", base=tmp_path / "autostart")


@pytest.fixture
def file_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    """A real keyring backend kept in this test's own file, standing in for the system one."""
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring" / "passwords.cfg")
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def _dialog(
    qtbot: QtBot, settings: Settings, autostart: Autostart, **kw: object
) -> SettingsDialog:
    dialog = SettingsDialog(settings, autostart=autostart, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def test_my_name_and_address_are_saved(
    qtbot: QtBot, services: Services, autostart: Autostart
) -> None:
    dialog = _dialog(qtbot, Settings(language="en"), autostart, users=services.users)
    assert dialog.users is not None

    dialog.users.my_name.setText("נועה ברק")
    dialog.users.my_email.setText("noa@kesher.example")
    dialog.apply()

    me = services.users.me()
    assert (me.name, me.email) == ("נועה ברק", "noa@kesher.example")
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


def test_a_bad_address_is_named_and_the_dialog_stays_open(
    qtbot: QtBot, services: Services, autostart: Autostart
) -> None:
    dialog = _dialog(qtbot, Settings(language="en"), autostart, users=services.users)
    assert dialog.users is not None
    before = services.users.me()

    dialog.users.my_email.setText("noa@")
    dialog.apply()

    assert "noa@" in dialog.users.me_error.text()
    assert dialog.users.my_email.text() == "noa@"
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert services.users.me() == before


def test_a_mail_error_keeps_my_new_name_unsaved_until_all_is_right(
    qtbot: QtBot, services: Services, autostart: Autostart, file_keyring: PlaintextKeyring
) -> None:
    settings = Settings(language="en")
    dialog = _dialog(
        qtbot,
        settings,
        autostart,
        users=services.users,
        secrets=SecretStore(allow_plain_file=True),
    )
    assert dialog.users is not None
    before = services.users.me()

    dialog.users.my_name.setText("שם חדש")
    dialog.mail.port.setText("70000")
    dialog.apply()

    # Cancel after the mail error leaves my name as it was: nothing was saved.
    assert dialog.mail.port_error.text() and dialog.result() != SettingsDialog.DialogCode.Accepted
    dialog.reject()
    assert services.users.me() == before


def test_a_wrong_name_keeps_the_mail_settings_unsaved(
    qtbot: QtBot, services: Services, autostart: Autostart, file_keyring: PlaintextKeyring
) -> None:
    settings = Settings(language="en")
    dialog = _dialog(
        qtbot,
        settings,
        autostart,
        users=services.users,
        secrets=SecretStore(allow_plain_file=True),
    )
    assert dialog.users is not None

    dialog.users.my_name.setText("  ")
    dialog.mail.host.setText("smtp.kesher.example")
    dialog.apply()

    assert dialog.users.me_error.text() and not dialog.users.me_error.isHidden()
    assert settings.smtp_host == "" and not settings_path().exists()

    dialog.users.my_name.setText("נועה ברק")
    dialog.apply()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert services.users.me().name == "נועה ברק" and settings.smtp_host == "smtp.kesher.example"


def test_another_users_address_as_mine_keeps_every_section_unsaved(
    qtbot: QtBot, services: Services, autostart: Autostart, file_keyring: PlaintextKeyring
) -> None:
    services.users.add("יוסי כהן", "yossi@example.com")
    settings = Settings(language="en")
    dialog = _dialog(
        qtbot,
        settings,
        autostart,
        users=services.users,
        secrets=SecretStore(allow_plain_file=True),
    )
    assert dialog.users is not None

    dialog.users.my_email.setText("Yossi@Example.com")
    dialog.mail.host.setText("smtp.changed.example")
    dialog.apply()

    # Refused before any section was saved: Cancel now leaves the settings as they were.
    assert "יוסי כהן" in dialog.users.me_error.text()
    assert settings.smtp_host == "" and not settings_path().exists()
    assert dialog.users.my_email.text() == "Yossi@Example.com"
    assert services.users.me().email == ""


def test_other_users_can_be_added_and_then_chosen(
    qtbot: QtBot, services: Services, autostart: Autostart
) -> None:
    dialog = _dialog(qtbot, Settings(language="en"), autostart, users=services.users)
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


def test_mail_settings_are_saved_and_the_password_goes_to_the_keyring_only(
    qtbot: QtBot, autostart: Autostart, file_keyring: PlaintextKeyring
) -> None:
    secrets = SecretStore(allow_plain_file=True)
    dialog = _dialog(qtbot, Settings(language="en"), autostart, secrets=secrets)
    mail = dialog.mail
    assert mail.password.isEnabled() and mail.password.placeholderText() == ""

    mail.host.setText(" smtp.kesher.example ")
    mail.port.setText("465")
    mail.security.setCurrentIndex(mail.security.findData("ssl"))
    mail.user.setText("noa")
    mail.password.setText("סוד-p@ss")
    mail.my_address.setText("noa@kesher.example")
    dialog.apply()

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    saved = Settings.load()
    assert (saved.smtp_host, saved.smtp_port, saved.smtp_security) == (
        "smtp.kesher.example",
        465,
        "ssl",
    )
    assert (saved.smtp_user, saved.my_address) == ("noa", "noa@kesher.example")
    assert file_keyring.get_password(SERVICE_NAME, "smtp:noa@smtp.kesher.example:465") == (
        "סוד-p@ss"
    )
    assert "p@ss" not in settings_path().read_text(encoding="utf-8")

    # Opened again, the password is never shown: only that one is saved.
    again = _dialog(qtbot, saved, autostart, secrets=secrets)
    assert again.mail.password.text() == ""
    assert again.mail.password.placeholderText() == "saved"


def test_the_saved_password_follows_a_change_of_account(
    qtbot: QtBot, autostart: Autostart, file_keyring: PlaintextKeyring
) -> None:
    secrets = SecretStore(allow_plain_file=True)
    settings = Settings(language="en", smtp_host="smtp.a.example", smtp_user="noa")
    settings.my_address = "noa@a.example"
    secrets.set("smtp:noa@smtp.a.example:587", "old-secret")
    dialog = _dialog(qtbot, settings, autostart, secrets=secrets)

    dialog.mail.host.setText("smtp.b.example")
    dialog.apply()

    assert secrets.get("smtp:noa@smtp.b.example:587") == "old-secret"
    assert secrets.get("smtp:noa@smtp.a.example:587") is None


def test_a_bad_port_and_address_are_named_beside_their_fields(
    qtbot: QtBot, autostart: Autostart, file_keyring: PlaintextKeyring
) -> None:
    settings = Settings(language="en")
    dialog = _dialog(qtbot, settings, autostart, secrets=SecretStore(allow_plain_file=True))
    mail = dialog.mail

    mail.host.setText("smtp.kesher.example")
    mail.port.setText("70000")
    mail.my_address.setText("noa@")
    dialog.apply()

    assert "65535" in mail.port_error.text() and not mail.port_error.isHidden()
    assert "noa@" in mail.address_error.text() and not mail.address_error.isHidden()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert settings.smtp_host == "" and not settings_path().exists()

    mail.port.setText("587")
    mail.my_address.setText("noa@kesher.example")
    dialog.apply()
    assert mail.port_error.isHidden() and mail.address_error.isHidden()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


def test_without_a_keyring_the_password_cannot_be_typed_and_says_why(
    qtbot: QtBot, autostart: Autostart, no_keyring: None
) -> None:
    dialog = _dialog(qtbot, Settings(language="en"), autostart, secrets=SecretStore())

    assert not dialog.mail.password.isEnabled()
    assert "keyring" in dialog.mail.password_error.text()
    assert not dialog.mail.password_error.isHidden()
    # The rest of the settings can still be saved.
    dialog.mail.host.setText("smtp.kesher.example")
    dialog.apply()
    assert Settings.load().smtp_host == "smtp.kesher.example"


def test_start_at_login_writes_and_removes_the_entry(
    qtbot: QtBot, autostart: Autostart, file_keyring: PlaintextKeyring
) -> None:
    settings = Settings(language="en")
    dialog = _dialog(qtbot, settings, autostart, secrets=SecretStore(allow_plain_file=True))
    assert not dialog.start_at_login.isChecked()

    dialog.start_at_login.setChecked(True)
    dialog.apply()
    assert autostart.is_enabled() and Settings.load().start_at_login is True

    dialog = _dialog(qtbot, settings, autostart, secrets=SecretStore(allow_plain_file=True))
    assert dialog.start_at_login.isChecked()
    dialog.start_at_login.setChecked(False)
    dialog.apply()
    assert not autostart.is_enabled() and Settings.load().start_at_login is False


def test_tracking_settings_are_saved_and_the_password_goes_to_the_keyring_only(
    qtbot: QtBot, autostart: Autostart, file_keyring: PlaintextKeyring
) -> None:
    secrets = SecretStore(allow_plain_file=True)
    dialog = _dialog(qtbot, Settings(language="en"), autostart, secrets=secrets)
    tracking = dialog.tracking
    assert tracking.port.text() == "993" and tracking.security.currentData() == "ssl"

    tracking.address.setText(" track@kesher.example ")
    tracking.host.setText("imap.kesher.example")
    tracking.security.setCurrentIndex(tracking.security.findData("starttls"))
    tracking.port.setText("143")
    tracking.user.setText("track")
    tracking.password.setText("סוד-imap")
    dialog.apply()

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    saved = Settings.load()
    assert (saved.tracking_address, saved.imap_host, saved.imap_port) == (
        "track@kesher.example",
        "imap.kesher.example",
        143,
    )
    assert (saved.imap_security, saved.imap_user) == ("starttls", "track")
    assert file_keyring.get_password(SERVICE_NAME, "imap:track@imap.kesher.example:143") == (
        "סוד-imap"
    )
    assert "סוד" not in settings_path().read_text(encoding="utf-8")

    again = _dialog(qtbot, saved, autostart, secrets=secrets)
    assert again.tracking.password.text() == ""
    assert again.tracking.password.placeholderText() == "saved"


def test_tracking_fields_are_checked_beside_each_field(
    qtbot: QtBot, autostart: Autostart, file_keyring: PlaintextKeyring
) -> None:
    settings = Settings(language="en")
    dialog = _dialog(qtbot, settings, autostart, secrets=SecretStore(allow_plain_file=True))
    tracking = dialog.tracking

    tracking.address.setText("track@kesher.example")
    tracking.port.setText("0")
    dialog.apply()

    assert "65535" in tracking.port_error.text() and not tracking.port_error.isHidden()
    assert tracking.host_error.text() and not tracking.host_error.isHidden()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert not settings_path().exists()

    tracking.address.setText("track@")
    tracking.host.setText("imap.kesher.example")
    tracking.port.setText("993")
    dialog.apply()
    assert "track@" in tracking.address_error.text() and tracking.host_error.isHidden()

    tracking.address.setText("")
    dialog.apply()
    assert "address" in tracking.address_error.text()

    tracking.address.setText("track@kesher.example")
    dialog.apply()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert settings.imap() is not None


def test_without_a_keyring_the_tracking_password_says_why(
    qtbot: QtBot, autostart: Autostart, no_keyring: None
) -> None:
    dialog = _dialog(qtbot, Settings(language="en"), autostart, secrets=SecretStore())

    assert not dialog.tracking.password.isEnabled()
    assert "keyring" in dialog.tracking.password_error.text()
    dialog.tracking.address.setText("track@kesher.example")
    dialog.tracking.host.setText("imap.kesher.example")
    dialog.apply()
    assert Settings.load().tracking_address == "track@kesher.example"


def test_a_server_name_with_spaces_is_refused_beside_its_field(
    qtbot: QtBot, autostart: Autostart, file_keyring: PlaintextKeyring
) -> None:
    settings = Settings(language="en")
    dialog = _dialog(qtbot, settings, autostart, secrets=SecretStore(allow_plain_file=True))

    dialog.mail.host.setText("smtp example.com")
    dialog.tracking.address.setText("track@kesher.example")
    dialog.tracking.host.setText("imap.kesher.example ssl")
    dialog.apply()

    for section in (dialog.mail, dialog.tracking):
        assert "no spaces" in section.host_error.text() and not section.host_error.isHidden()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert not settings_path().exists()

    dialog.mail.host.setText(" smtp.example.com ")
    dialog.tracking.host.setText("imap.kesher.example")
    dialog.apply()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


@pytest.mark.parametrize("language", ["he", "en"])
def test_error_lines_take_their_own_room_on_a_laptop_screen(
    qtbot: QtBot,
    services: Services,
    autostart: Autostart,
    no_keyring: None,
    qapp: QApplication,
    language: str,
) -> None:
    # An office of a few people: their list takes its share of the height too.
    for n in range(6):
        services.users.add(f"עובד {n}", f"user{n}@kesher.example")
    # The app's own look: its fields and paddings are taller than Qt's plain ones.
    apply_style(qapp)
    install_language(qapp, language)
    try:
        # No keyring: every section explains itself at length, the tallest case.
        dialog = _dialog(
            qtbot,
            Settings(language=language),
            autostart,
            users=services.users,
            secrets=SecretStore(),
        )
        dialog.show()
        # Shorter than everything needs (a scaled or smaller screen): the rest must scroll.
        dialog.resize(dialog.minimumWidth(), 600)
        dialog.mail.port.setText("99999")
        dialog.mail.my_address.setText("me@@example")
        dialog.tracking.address.setText("track")
        dialog.tracking.host.setText("imap.example.com")
        dialog.tracking.port.setText("abc")
        dialog.apply()
        qtbot.waitUntil(lambda: dialog.tracking.port_error.isVisible())
        qapp.processEvents()

        assert dialog.width() <= 1366 and dialog.minimumSizeHint().height() <= 740
        for section in (dialog.mail, dialog.tracking):
            fields = [w for w in section.findChildren(QLineEdit) if w.isVisible()]
            errors = [e for e in section.findChildren(FieldError) if e.isVisible()]
            assert len(errors) >= 2
            for error in errors:
                # The whole message has room, and no field is drawn over it.
                assert error.height() >= error.heightForWidth(error.width())
                box = _in(section, error)
                assert not any(box.intersects(_in(section, field)) for field in fields)
            for field in fields:
                assert field.height() >= field.sizeHint().height()
    finally:
        install_language(qapp, "en")
        qapp.setStyleSheet("")


def _in(section: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(section, QPoint(0, 0)), widget.size())


def test_the_two_addresses_of_mine_say_what_each_is_for(
    qtbot: QtBot, services: Services, autostart: Autostart, file_keyring: PlaintextKeyring
) -> None:
    dialog = _dialog(
        qtbot,
        Settings(language="en"),
        autostart,
        users=services.users,
        secrets=SecretStore(allow_plain_file=True),
    )
    assert dialog.users is not None

    assert "organiser" in dialog.users.my_email.toolTip()
    assert "sent from" in dialog.users.my_email.placeholderText()
    assert "sent from" in dialog.mail.my_address.toolTip()
    assert "reminders come to it" in dialog.mail.my_address.toolTip()


def test_no_password_stays_behind_in_the_keyring_for_an_old_account(
    qtbot: QtBot, autostart: Autostart, file_keyring: PlaintextKeyring
) -> None:
    secrets = SecretStore(allow_plain_file=True)
    settings = Settings(language="en", smtp_host="smtp.a.example", smtp_user="noa")
    settings.my_address = "noa@a.example"
    settings.imap_host, settings.tracking_address = "imap.a.example", "track@a.example"
    secrets.set("smtp:noa@smtp.a.example:587", "smtp-secret")
    secrets.set("imap:track@a.example@imap.a.example:993", "imap-secret")

    # Another port and a new password: only the new key holds one.
    dialog = _dialog(qtbot, settings, autostart, secrets=secrets)
    dialog.tracking.port.setText("143")
    dialog.tracking.password.setText("new-imap")
    dialog.apply()
    assert secrets.get("imap:track@a.example@imap.a.example:143") == "new-imap"
    assert secrets.get("imap:track@a.example@imap.a.example:993") is None

    # Mail and tracking turned off: their passwords go, under no key at all.
    dialog = _dialog(qtbot, settings, autostart, secrets=secrets)
    dialog.mail.host.setText("")
    dialog.tracking.host.setText("")
    dialog.tracking.address.setText("")
    dialog.apply()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    kept = configparser.ConfigParser()
    kept.read(file_keyring.file_path, encoding="utf-8")
    assert [key for section in kept.sections() for key in kept[section]] == []


_DESKTOP_CLIENT = {
    "installed": {
        "client_id": "kesher.apps.googleusercontent.com",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": "https://oauth2.googleapis.com/token",
    }
}


@pytest.mark.parametrize(
    ("content", "named"),
    [
        (None, "does not exist"),
        ("{not json", "cannot be read"),
        (json.dumps({"web": _DESKTOP_CLIENT["installed"]}), "not for a desktop app"),
    ],
    ids=["missing", "not-json", "web-client"],
)
def test_an_unusable_oauth_client_file_keeps_the_dialog_open_like_a_bad_port(
    qtbot: QtBot,
    autostart: Autostart,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: str | None,
    named: str,
) -> None:
    monkeypatch.delenv(GOOGLE_CLIENT_FILE_VARIABLE, raising=False)
    client = tmp_path / "google" / "client.json"
    client.parent.mkdir()
    if content is not None:
        client.write_text(content, encoding="utf-8")
    settings = Settings(language="en")
    dialog = _dialog(qtbot, settings, autostart)
    google = dialog.google

    google.client_file.setText(str(client))
    dialog.mail.host.setText("smtp.kesher.example")
    dialog.apply()

    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert named in google.client_problem.text() and str(client) in google.client_problem.text()
    assert not google.client_problem.isHidden()
    assert google.client_file.text() == str(client)
    assert dialog.mail.host.text() == "smtp.kesher.example"
    assert settings.google_client_file == "" and not settings_path().exists()

    client.write_text(json.dumps(_DESKTOP_CLIENT), encoding="utf-8")
    dialog.apply()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert Settings.load().google_client_file == str(client)


def test_a_refused_ok_keeps_the_dialog_and_its_buttons_on_the_screen(
    qtbot: QtBot,
    autostart: Autostart,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qapp: QApplication,
) -> None:
    monkeypatch.delenv(GOOGLE_CLIENT_FILE_VARIABLE, raising=False)
    apply_style(qapp)
    try:
        dialog = _dialog(qtbot, Settings(language="en"), autostart)
        dialog.show()
        room = dialog.screen().availableGeometry()
        # Low on the screen, as centred over a main window placed low: growing where it
        # stands would take OK and Cancel past the bottom edge.
        dialog.move(dialog.x(), room.bottom() - dialog.frameGeometry().height() - 10)
        assert dialog.sizeHint().height() > dialog.height() + 10

        dialog.google.client_file.setText(str(tmp_path / "missing" / "client.json"))
        dialog.apply()
        qapp.processEvents()

        assert dialog.result() != SettingsDialog.DialogCode.Accepted
        assert dialog.google.client_problem.isVisible()
        frame = dialog.frameGeometry()
        assert room.top() <= frame.top() and frame.bottom() <= room.bottom()
        assert dialog.height() >= dialog.sizeHint().height()
    finally:
        qapp.setStyleSheet("")


def test_a_dialog_taller_than_the_screen_opens_wholly_on_it(
    qtbot: QtBot, autostart: Autostart, qapp: QApplication
) -> None:
    dialog = _dialog(qtbot, Settings(language="en"), autostart)
    room = qapp.primaryScreen().availableGeometry()
    dialog.resize(dialog.minimumWidth(), room.height() + 200)
    dialog.move(room.left(), room.top() + 100)

    dialog.show()

    frame = dialog.frameGeometry()
    assert room.top() <= frame.top() and frame.bottom() <= room.bottom()


def test_an_empty_oauth_client_file_does_not_hold_the_dialog(
    qtbot: QtBot, autostart: Autostart, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(GOOGLE_CLIENT_FILE_VARIABLE, raising=False)
    dialog = _dialog(qtbot, Settings(language="en"), autostart)

    dialog.google.client_file.setText("  ")
    dialog.apply()

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
