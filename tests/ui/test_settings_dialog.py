"""The settings dialog: my name and address, other users, mail, start at login, language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from keyrings.alt.file import PlaintextKeyring
from pytestqt.qtbot import QtBot

from kesher_desktop.autostart import Autostart
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.secrets import SERVICE_NAME, SecretStore
from kesher_desktop.settings import Settings, settings_path
from kesher_desktop.ui.settings_dialog import SettingsDialog


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
