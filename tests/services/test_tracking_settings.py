"""The tracking mailbox's settings: declared with defaults, and read into ImapSettings."""

from __future__ import annotations

from pathlib import Path

from kesher_desktop.services.secrets import imap_password_key
from kesher_desktop.settings import ImapSettings, Settings, SmtpSecurity


def test_tracking_is_off_until_a_server_and_an_address_are_given() -> None:
    settings = Settings()

    assert (settings.imap_port, settings.imap_security) == (993, "ssl")
    assert settings.imap() is None
    settings.imap_host = "imap.example.com"
    assert settings.imap() is None


def test_the_mailbox_settings_survive_a_save_and_the_user_defaults_to_the_address(
    tmp_path: Path,
) -> None:
    path = tmp_path / "settings.json"
    Settings(
        imap_host=" imap.example.com ",
        imap_port=143,
        imap_security="starttls",
        tracking_address="track@example.com",
    ).save(path)

    imap = Settings.load(path).imap()

    assert imap == ImapSettings(
        "imap.example.com", 143, SmtpSecurity.STARTTLS, "track@example.com", "track@example.com"
    )
    assert imap_password_key(imap) == "imap:track@example.com@imap.example.com:143"


def test_a_hand_edited_security_or_port_falls_back_to_ssl_on_993() -> None:
    settings = Settings(
        imap_host="imap.example.com",
        imap_port="x",  # type: ignore[arg-type]
        imap_security="tls-please",
        imap_user="me",
        tracking_address="track@example.com",
    )

    imap = settings.imap()

    assert imap is not None
    assert (imap.port, imap.security, imap.user) == (993, SmtpSecurity.SSL, "me")
