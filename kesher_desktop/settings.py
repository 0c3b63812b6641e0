"""The user's preferences, declared once with their defaults and kept as JSON.

Window and dock geometry are not preferences; Qt keeps those apart (see ui/window_state.py).
"""

from __future__ import annotations

import enum
import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from kesher_desktop import paths

log = logging.getLogger(__name__)

# Names the Google OAuth client file for every user of the machine; see google_client_path.
GOOGLE_CLIENT_FILE_VARIABLE = "KESHER_GOOGLE_CLIENT_FILE"
DROPBOX_APP_KEY_VARIABLE = "KESHER_DROPBOX_APP_KEY"


class SmtpSecurity(enum.StrEnum):
    """How the connection to the mail server is protected."""

    STARTTLS = "starttls"
    SSL = "ssl"
    NONE = "none"


@dataclass(frozen=True)
class SmtpSettings:
    """Everything needed to send mail except the password, which lives in the keyring."""

    host: str
    port: int
    security: SmtpSecurity
    # Empty when the server takes mail without logging in.
    user: str
    # The From address; reminders to me go to this address too.
    sender: str


@dataclass(frozen=True)
class ImapSettings:
    """The tracking mailbox, except the password, which lives in the keyring."""

    host: str
    port: int
    security: SmtpSecurity
    user: str
    # The mailbox's address; tracking tags go after a plus in its local part.
    address: str
    folder: str = "INBOX"


@dataclass
class Settings:
    language: str = "he"
    # An IANA zone name; empty means the operating system's zone.
    time_zone: str = ""
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = SmtpSecurity.STARTTLS.value
    smtp_user: str = ""
    # Reminders are mailed to this address, and sent from it.
    my_address: str = ""
    start_at_login: bool = False
    # The tracking mailbox that Bcc copies of mail sent to contacts land in.
    imap_host: str = ""
    imap_port: int = 993
    imap_security: str = SmtpSecurity.SSL.value
    imap_user: str = ""
    tracking_address: str = ""
    # The OAuth client file ("Desktop app" client from Google Cloud) that whoever installs the
    # product supplies; KESHER_GOOGLE_CLIENT_FILE overrides it. Empty: Google is not offered.
    google_client_file: str = ""
    # The Google account connected (its e-mail, shown in settings); the refresh token is in
    # the keyring. Empty while no account is connected.
    google_account: str = ""
    # Which of the user's calendars ticked activities go to, and its name as Google listed it
    # when the user chose it there (empty until then).
    google_calendar_id: str = "primary"
    google_calendar_name: str = ""
    # Who mails the contact the invitation of an activity that is also in Google Calendar:
    # Google (sendUpdates=all) or our own iCalendar mail. Never both.
    google_sends_invitations: bool = False
    # The Dropbox app key (a "scoped access" app with PKCE) that whoever installs the product
    # registers; KESHER_DROPBOX_APP_KEY overrides it. Empty: Dropbox folders are not offered.
    dropbox_app_key: str = ""
    # The Dropbox account linked (shown in settings); its refresh token is in the keyring.
    dropbox_account: str = ""

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or settings_path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError):
            log.warning("settings file unreadable, using defaults path=%s", path, exc_info=True)
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in raw.items() if key in known})

    def save(self, path: Path | None = None) -> None:
        path = path or settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        # Replace in one step, so a crash mid-write never leaves half a file.
        temporary.replace(path)

    def smtp(self) -> SmtpSettings | None:
        """The mail server settings, or None while mail is off (no server or no address)."""
        host, sender = str(self.smtp_host).strip(), str(self.my_address).strip()
        if not host or not sender:
            return None
        try:
            security = SmtpSecurity(self.smtp_security)
        except ValueError:
            # A hand-edited file: fall back to the safe choice rather than send in clear.
            log.warning("unknown smtp_security %r, using starttls", self.smtp_security)
            security = SmtpSecurity.STARTTLS
        try:
            port = int(self.smtp_port)
        except (TypeError, ValueError):
            log.warning("unreadable smtp_port %r, using 587", self.smtp_port)
            port = 587
        return SmtpSettings(
            host=host,
            port=port,
            security=security,
            user=str(self.smtp_user).strip(),
            sender=sender,
        )

    def imap(self) -> ImapSettings | None:
        """The tracking mailbox, or None while tracking is off (no server or no address)."""
        host, address = str(self.imap_host).strip(), str(self.tracking_address).strip()
        if not host or not address:
            return None
        try:
            security = SmtpSecurity(self.imap_security)
        except ValueError:
            log.warning("unknown imap_security %r, using ssl", self.imap_security)
            security = SmtpSecurity.SSL
        try:
            port = int(self.imap_port)
        except (TypeError, ValueError):
            log.warning("unreadable imap_port %r, using 993", self.imap_port)
            port = 993
        user = str(self.imap_user).strip() or address
        return ImapSettings(host=host, port=port, security=security, user=user, address=address)

    def google_client_path(self) -> Path | None:
        """Where the OAuth client file should be, or None while nobody has said.

        The environment variable wins over the setting: whoever installs the product for a
        whole office can point every user at one file without editing each settings.json.
        """
        named = os.environ.get(GOOGLE_CLIENT_FILE_VARIABLE, "").strip()
        named = named or str(self.google_client_file).strip()
        return Path(named).expanduser() if named else None

    def dropbox_key(self) -> str:
        """The Dropbox app key, the environment's first, or "" while nobody has given one."""
        named = os.environ.get(DROPBOX_APP_KEY_VARIABLE, "").strip()
        return named or str(self.dropbox_app_key).strip()


def settings_path() -> Path:
    return paths.config_dir() / "settings.json"
