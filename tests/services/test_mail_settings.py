"""The mail settings: declared with defaults, off until a server and my address are set."""

from __future__ import annotations

import json
from pathlib import Path

from kesher_desktop.settings import Settings, SmtpSecurity, SmtpSettings


def test_mail_is_off_until_a_server_and_my_address_are_set() -> None:
    assert Settings().smtp() is None
    assert Settings(smtp_host="mail.example.com").smtp() is None
    assert Settings(my_address="me@example.com").smtp() is None


def test_the_smtp_settings_come_from_the_saved_fields(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    Settings(
        smtp_host=" mail.example.com ",
        smtp_port=465,
        smtp_security="ssl",
        smtp_user="me",
        my_address="me@example.com",
        start_at_login=True,
    ).save(path)

    loaded = Settings.load(path)

    assert loaded.start_at_login is True
    assert loaded.smtp() == SmtpSettings(
        "mail.example.com", 465, SmtpSecurity.SSL, "me", "me@example.com"
    )
    # The password lives in the keyring, never in this file.
    assert "password" not in path.read_text(encoding="utf-8").lower()


def test_defaults_are_starttls_on_587_and_no_start_at_login() -> None:
    settings = Settings(smtp_host="mail.example.com", my_address="me@example.com")
    assert settings.smtp() == SmtpSettings(
        "mail.example.com", 587, SmtpSecurity.STARTTLS, "", "me@example.com"
    )
    assert settings.start_at_login is False


def test_a_hand_edited_file_with_odd_values_falls_back_safely(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "smtp_host": "mail.example.com",
                "my_address": "me@example.com",
                "smtp_port": "not a port",
                "smtp_security": "tls-please",
            }
        ),
        encoding="utf-8",
    )

    smtp = Settings.load(path).smtp()

    assert smtp is not None
    assert (smtp.port, smtp.security) == (587, SmtpSecurity.STARTTLS)
