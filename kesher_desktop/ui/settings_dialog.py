"""The preferences dialog: language, users, mail for reminders, sent-mail tracking, the
Google and Dropbox accounts, and starting at login."""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.autostart import Autostart
from kesher_desktop.services.calendar_client import GOOGLE_API_BASE
from kesher_desktop.services.calendar_list import writable_calendars
from kesher_desktop.services.errors import ValidationError
from kesher_desktop.services.google_account import GoogleAccount
from kesher_desktop.services.secrets import (
    SecretStore,
    SecretsUnavailableError,
    imap_password_key,
    smtp_password_key,
)
from kesher_desktop.services.validation import check_email
from kesher_desktop.settings import (
    GOOGLE_CLIENT_FILE_VARIABLE,
    ImapSettings,
    Settings,
    SmtpSecurity,
    SmtpSettings,
)
from kesher_desktop.ui.account_section import AccountSection, wrap_to_column
from kesher_desktop.ui.calendar_picker import CalendarPicker
from kesher_desktop.ui.dropbox_section import DropboxSection
from kesher_desktop.ui.google_connect_dialog import (
    GoogleConnectDialog,
    google_problem_text,
    no_keyring_text,
)
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.messages import message_for
from kesher_desktop.ui.users_editor import UsersEditor
from kesher_desktop.ui.widgets.bidi import align_leading, isolate_ltr, make_ltr
from kesher_desktop.ui.widgets.field_error import FieldError
from kesher_desktop.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    from kesher_desktop.services.users import UserService

log = logging.getLogger(__name__)


def _with_error(field: QWidget, error: FieldError) -> QWidget:
    """A field with its error line right under it, as one form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


class _Columns(QScrollArea):
    """The sections side by side, scrolled rather than squeezed when error lines make them
    taller than the screen leaves room for: Qt does not hold a window to the height its
    wrapped lines need, and squeezed fields and errors would overlap."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self) -> QSize:
        # As big as what it holds: a scroll area asks for a fixed small size otherwise.
        content = self.widget()
        return content.sizeHint() if content is not None else super().sizeHint()


def _host_problem(host: str) -> str:
    """Why a server name cannot be one (spaces: a pasted sentence, two names), or ""."""
    if any(character.isspace() for character in host):
        return QApplication.translate(
            "SettingsDialog", "A server's name has no spaces, e.g. smtp.example.com."
        )
    return ""


class MailSection(Retranslating, QGroupBox):
    """The SMTP server reminders are mailed through, and my address.

    The password goes to the keyring (never settings.json) and is never shown again: a
    stored one shows as the placeholder "saved"; typing replaces it.
    """

    def __init__(
        self, settings: Settings, secrets: SecretStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._secrets = secrets

        self.host = make_ltr(QLineEdit(settings.smtp_host))
        self.host_error = FieldError()
        self.port = make_ltr(QLineEdit(str(settings.smtp_port)))
        self.port.setMaxLength(5)
        self.port_error = FieldError()
        self.security = QComboBox()
        for security in SmtpSecurity:
            self.security.addItem("", security.value)
        self.security.setCurrentIndex(max(0, self.security.findData(settings.smtp_security)))
        self.user = make_ltr(QLineEdit(settings.smtp_user))
        self.password = make_ltr(QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_error = FieldError()
        self.my_address = make_ltr(QLineEdit(settings.my_address))
        self.address_error = FieldError()
        self._labels = [QLabel() for _ in range(6)]

        form = QFormLayout(self)
        fields = (
            _with_error(self.host, self.host_error),
            _with_error(self.port, self.port_error),
            self.security,
            self.user,
            _with_error(self.password, self.password_error),
            _with_error(self.my_address, self.address_error),
        )
        for label, field in zip(self._labels, fields, strict=True):
            form.addRow(label, field)
        self._keyring_ok = self._secrets.is_available()
        self._has_password = self._stored_password_exists()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Mail for reminders"))
        texts = (
            self.tr("Mail server (SMTP)"),
            self.tr("Port"),
            self.tr("Security"),
            self.tr("User name"),
            self.tr("Password"),
            self.tr("Send from"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        names = {
            SmtpSecurity.STARTTLS: self.tr("STARTTLS"),
            SmtpSecurity.SSL: self.tr("SSL/TLS"),
            SmtpSecurity.NONE: self.tr("None (not encrypted)"),
        }
        for row in range(self.security.count()):
            self.security.setItemText(row, names[SmtpSecurity(self.security.itemData(row))])
        self.host.setPlaceholderText(self.tr("e.g. smtp.gmail.com; empty: no mail"))
        self.my_address.setPlaceholderText(self.tr("My address: mail leaves from it"))
        self.my_address.setToolTip(
            self.tr(
                "Reminders and invitations are sent from this address, and reminders come "
                "to it. Use the address this mail server lets you send from."
            )
        )
        self.password.setPlaceholderText(self.tr("saved") if self._has_password else "")
        if not self._keyring_ok:
            self.password.setEnabled(False)
            self.password_error.show_message(self._no_keyring_text())

    # -- API -------------------------------------------------------------------------------

    def values(self) -> SmtpSettings | None:
        """What the form says, or None (with the reasons shown beside the fields)."""
        for error in (self.host_error, self.port_error, self.address_error):
            error.clear()
        ok = True
        host_problem = _host_problem(self.host.text().strip())
        if host_problem:
            self.host_error.show_message(host_problem)
            ok = False
        port = _port(self.port.text())
        if port is None:
            self.port_error.show_message(
                self.tr("The port is a number from 1 to 65535, usually 587 or 465.")
            )
            ok = False
        address = self.my_address.text().strip()
        if address:
            try:
                address = check_email(address, "my_address")
            except ValidationError as error:
                self.address_error.show_message(message_for(error))
                ok = False
        if not ok or port is None:
            return None
        return SmtpSettings(
            host=self.host.text().strip(),
            port=port,
            security=SmtpSecurity(self.security.currentData()),
            user=self.user.text().strip(),
            sender=address,
        )

    def save(self, values: SmtpSettings) -> bool:
        """Keep the password in the keyring and the rest in settings; False if it could not."""
        try:
            self._store_password(values)
        except SecretsUnavailableError:
            log.warning("smtp password not stored: no keyring")
            self.password_error.show_message(self._no_keyring_text())
            return False
        settings = self._settings
        settings.smtp_host, settings.smtp_port = values.host, values.port
        settings.smtp_security, settings.smtp_user = values.security.value, values.user
        settings.my_address = values.sender
        self.password.clear()
        self.retranslate()
        return True

    # -- helpers ---------------------------------------------------------------------------

    def _current(self) -> SmtpSettings:
        """The saved account (only user, host and port name its password)."""
        settings = self._settings
        return SmtpSettings(
            host=str(settings.smtp_host).strip(),
            port=_port(str(settings.smtp_port)) or 587,
            security=SmtpSecurity.STARTTLS,
            user=str(settings.smtp_user).strip(),
            sender=str(settings.my_address),
        )

    def _stored_password_exists(self) -> bool:
        if not self._keyring_ok or not self._settings.smtp_host:
            return False
        try:
            return self._secrets.get(smtp_password_key(self._current())) is not None
        except SecretsUnavailableError:
            return False

    def _store_password(self, values: SmtpSettings) -> None:
        typed = self.password.text()
        old_key, new_key = smtp_password_key(self._current()), smtp_password_key(values)
        if typed or self._has_password:
            # Nothing typed and nothing stored: the keyring is not asked (it may be none).
            self._secrets.rekey(old_key, new_key, typed, keep=bool(values.host))
        self._has_password = bool(values.host) and (bool(typed) or self._has_password)

    def _no_keyring_text(self) -> str:
        return self.tr(
            "This computer has no keyring to keep the password safely, so it cannot be "
            "saved. Install or unlock your system's keyring (for example GNOME Keyring or "
            "KWallet), then open Settings again."
        )


class TrackingSection(Retranslating, QGroupBox):
    """The tracking mailbox: where Bcc copies of mail sent to contacts arrive, to be logged.

    Its password goes to the keyring like the reminders' one. Server and address go
    together: with both empty, tracking is off; with one alone, the form says what is missing.
    """

    def __init__(
        self, settings: Settings, secrets: SecretStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._secrets = secrets

        self.address = make_ltr(QLineEdit(settings.tracking_address))
        self.address_error = FieldError()
        self.host = make_ltr(QLineEdit(settings.imap_host))
        self.host_error = FieldError()
        self.port = make_ltr(QLineEdit(str(settings.imap_port)))
        self.port.setMaxLength(5)
        self.port_error = FieldError()
        self.security = QComboBox()
        for security in (SmtpSecurity.SSL, SmtpSecurity.STARTTLS, SmtpSecurity.NONE):
            self.security.addItem("", security.value)
        self.security.setCurrentIndex(max(0, self.security.findData(settings.imap_security)))
        self.user = make_ltr(QLineEdit(settings.imap_user))
        self.password = make_ltr(QLineEdit())
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_error = FieldError()
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setObjectName("emptyHint")
        self._labels = [QLabel() for _ in range(6)]

        form = QFormLayout(self)
        form.addRow(self.explanation)
        fields = (
            _with_error(self.address, self.address_error),
            _with_error(self.host, self.host_error),
            _with_error(self.port, self.port_error),
            self.security,
            self.user,
            _with_error(self.password, self.password_error),
        )
        for label, field in zip(self._labels, fields, strict=True):
            form.addRow(label, field)
        self._keyring_ok = self._secrets.is_available()
        self._has_password = self._stored_password_exists()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Sent-mail tracking"))
        self.explanation.setText(
            self.tr(
                "Mail you write to a contact from Kesher gets this mailbox in Bcc; Kesher "
                "reads it and logs the mail on the contact."
            )
        )
        texts = (
            self.tr("Tracking address"),
            self.tr("Mail server (IMAP)"),
            self.tr("Port"),
            self.tr("Security"),
            self.tr("User name"),
            self.tr("Password"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        names = {
            SmtpSecurity.STARTTLS: self.tr("STARTTLS"),
            SmtpSecurity.SSL: self.tr("SSL/TLS"),
            SmtpSecurity.NONE: self.tr("None (not encrypted)"),
        }
        for row in range(self.security.count()):
            self.security.setItemText(row, names[SmtpSecurity(self.security.itemData(row))])
        self.address.setPlaceholderText(self.tr("e.g. track@example.com; empty: no tracking"))
        self.host.setPlaceholderText(self.tr("e.g. imap.gmail.com"))
        self.user.setPlaceholderText(self.tr("Empty: the tracking address"))
        self.password.setPlaceholderText(self.tr("saved") if self._has_password else "")
        if not self._keyring_ok:
            self.password.setEnabled(False)
            self.password_error.show_message(self._no_keyring_text())

    # -- API -------------------------------------------------------------------------------

    def values(self) -> ImapSettings | None:
        """What the form says, or None (with the reasons shown beside the fields)."""
        for error in (self.address_error, self.host_error, self.port_error):
            error.clear()
        ok = True
        port = _port(self.port.text())
        if port is None:
            self.port_error.show_message(
                self.tr("The port is a number from 1 to 65535, usually 993 or 143.")
            )
            ok = False
        host, address = self.host.text().strip(), self.address.text().strip()
        host_problem = _host_problem(host)
        if host_problem:
            self.host_error.show_message(host_problem)
            ok = False
        if address:
            try:
                address = check_email(address, "tracking_address")
            except ValidationError as error:
                self.address_error.show_message(message_for(error))
                ok = False
        if address and not host:
            self.host_error.show_message(self.tr("Name the server that holds this mailbox."))
            ok = False
        if host and not address:
            self.address_error.show_message(
                self.tr("Give the mailbox's address, or leave the server empty too.")
            )
            ok = False
        if not ok or port is None:
            return None
        return ImapSettings(
            host=host,
            port=port,
            security=SmtpSecurity(self.security.currentData()),
            user=self.user.text().strip(),
            address=address,
        )

    def save(self, values: ImapSettings) -> bool:
        """Keep the password in the keyring and the rest in settings; False if it could not."""
        try:
            self._store_password(values)
        except SecretsUnavailableError:
            log.warning("imap password not stored: no keyring")
            self.password_error.show_message(self._no_keyring_text())
            return False
        settings = self._settings
        settings.imap_host, settings.imap_port = values.host, values.port
        settings.imap_security, settings.imap_user = values.security.value, values.user
        settings.tracking_address = values.address
        self.password.clear()
        self.retranslate()
        return True

    # -- helpers ---------------------------------------------------------------------------

    def _current(self) -> ImapSettings:
        """The saved account, as its password's key names it."""
        settings = self._settings
        return _keyed(
            ImapSettings(
                host=str(settings.imap_host).strip(),
                port=_port(str(settings.imap_port)) or 993,
                security=SmtpSecurity.SSL,
                user=str(settings.imap_user).strip(),
                address=str(settings.tracking_address).strip(),
            )
        )

    def _stored_password_exists(self) -> bool:
        if not self._keyring_ok or not self._settings.imap_host:
            return False
        try:
            return self._secrets.get(imap_password_key(self._current())) is not None
        except SecretsUnavailableError:
            return False

    def _store_password(self, values: ImapSettings) -> None:
        typed = self.password.text()
        old_key = imap_password_key(self._current())
        new_key = imap_password_key(_keyed(values))
        if typed or self._has_password:
            # Nothing typed and nothing stored: the keyring is not asked (it may be none).
            self._secrets.rekey(old_key, new_key, typed, keep=bool(values.host))
        self._has_password = bool(values.host) and (bool(typed) or self._has_password)

    def _no_keyring_text(self) -> str:
        return self.tr(
            "This computer has no keyring to keep the password safely, so it cannot be "
            "saved. Install or unlock your system's keyring (for example GNOME Keyring or "
            "KWallet), then open Settings again."
        )


class GoogleSection(AccountSection):
    """The Google account: its OAuth client file, the connection, the calendar, who invites.

    Connecting and disconnecting take effect at once (the key is in the keyring, or gone,
    by then), so they save the account and its client file straight away; the calendar and
    the invitations choice are saved with OK like the rest of the dialog. The calendars to
    choose from are asked of Google at `api_base` once an account is connected.
    """

    ACCOUNT_SETTING = "google_account"
    LOG_NAME = "google"

    def __init__(
        self,
        settings: Settings,
        secrets: SecretStore,
        parent: QWidget | None = None,
        api_base: str = GOOGLE_API_BASE,
    ) -> None:
        super().__init__(settings, secrets, parent)
        self.account = GoogleAccount(secrets, self._as_typed)
        variable = os.environ.get(GOOGLE_CLIENT_FILE_VARIABLE, "").strip()
        self._from_environment = bool(variable)

        self.client_file = make_ltr(QLineEdit(variable or settings.google_client_file))
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._browse)
        self.client_problem = FieldError()
        self.client_note = QLabel()
        self.client_note.setObjectName("fieldCaption")
        self.client_note.setWordWrap(True)
        account = self.account
        self.calendar = CalendarPicker(
            settings.google_calendar_id,
            settings.google_calendar_name,
            lambda: writable_calendars(account.credentials(), api_base),
        )
        self.sends_invitations = QCheckBox()
        self.sends_invitations.setChecked(settings.google_sends_invitations)
        self.invitations_note = QLabel()
        self.invitations_note.setObjectName("fieldCaption")
        self.invitations_note.setWordWrap(True)
        self._labels = [QLabel() for _ in range(3)]

        for label in (self.client_problem, self.invitations_note):
            wrap_to_column(label)
        if self._from_environment:
            # Named for the whole machine by whoever installed Kesher: shown, not edited.
            self.client_file.setReadOnly(True)
            self.browse_button.setEnabled(False)
        file_row = QHBoxLayout()
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.client_file, 1)
        file_row.addWidget(self.browse_button)
        account_buttons = QHBoxLayout()
        account_buttons.setContentsMargins(0, 0, 0, 0)
        account_buttons.addWidget(self.connect_button)
        account_buttons.addWidget(self.disconnect_button)
        account_buttons.addStretch(1)

        form = QFormLayout(self)
        form.addRow(self._labels[0], _stacked(file_row, self.client_problem, self.client_note))
        form.addRow(self._labels[1], _stacked(self.state, account_buttons))
        form.addRow(self._labels[2], self.calendar)
        form.addRow(_stacked(self.sends_invitations, self.invitations_note))

        self.client_file.textChanged.connect(self._show_client_problem)
        self._read_account()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Google account"))
        texts = (self.tr("OAuth client file"), self.tr("Account"), self.tr("Calendar"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.browse_button.setText(self.tr("Browse…"))
        self.client_file.setPlaceholderText(self.tr("A JSON file supplied with Kesher"))
        self.client_note.setText(
            self.tr("Set for this computer by {variable}.").format(
                variable=isolate_ltr(GOOGLE_CLIENT_FILE_VARIABLE)
            )
        )
        self.client_note.setVisible(self._from_environment)
        self.sends_invitations.setText(self.tr("Google sends the invitations"))
        self.invitations_note.setText(
            self.tr("For activities in your calendar, Google mails them instead of Kesher.")
        )
        for label in (self.client_problem, self.client_note, self.state, self.invitations_note):
            align_leading(label)
        self._show_client_problem()
        self._show_account()

    # -- API -------------------------------------------------------------------------------

    def check(self) -> bool:
        """Whether the client file typed can be kept; if not, says why beside the field.

        An empty field only means Google is not set up yet. A file the environment names
        is not the user's to fix here, so it never holds the dialog open.
        """
        if self._from_environment or not self.client_file.text().strip():
            return True
        problem = self.account.client_problem()
        if problem is None:
            return True
        self.client_problem.show_message(google_problem_text(problem))
        return False

    def save(self) -> None:
        """Put the calendar, the invitations choice and the client file into the settings."""
        settings = self._settings
        if not self._from_environment:
            settings.google_client_file = self.client_file.text().strip()
        settings.google_calendar_id = self.calendar.calendar_id()
        settings.google_calendar_name = self.calendar.calendar_name()
        settings.google_sends_invitations = self.sends_invitations.isChecked()

    def choose_client_file(self) -> str:
        """Ask for the client file; "" when the user cancels. Tests replace this method."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the OAuth client file"),
            self.client_file.text(),
            self.tr("Google client file (*.json)"),
        )
        return path

    # -- helpers ---------------------------------------------------------------------------

    def _as_typed(self) -> Settings:
        """The settings with the client file the form shows, which may not be saved yet."""
        return replace(self._settings, google_client_file=self.client_file.text().strip())

    def _browse(self) -> None:
        path = self.choose_client_file()
        if path:
            self.client_file.setText(path)

    def _show_client_problem(self) -> None:
        problem = self.account.client_problem()
        if problem is None:
            self.client_problem.clear()
        else:
            self.client_problem.show_message(google_problem_text(problem))
        self._show_account()

    # -- AccountSection hooks ------------------------------------------------------------

    def _show_account(self) -> None:
        super()._show_account()
        usable = self._keyring_ok and not self._disconnecting
        self.calendar.set_available(usable and self._can_connect() and self._connected)

    def _can_connect(self) -> bool:
        return self.account.client_problem() is None

    def _make_connect_dialog(self) -> GoogleConnectDialog:
        return GoogleConnectDialog(self.account, self)

    def _keep_typed(self) -> None:
        if not self._from_environment:
            self._settings.google_client_file = self.client_file.text().strip()

    def _no_keyring_text(self) -> str:
        return no_keyring_text()

    def _reconnect_text(self) -> str:
        return self.tr("Google no longer accepts Kesher's access. Connect again.")

    def _not_told_text(self) -> str:
        return self.tr(
            "Forgotten on this computer, but Google could not be told. To withdraw "
            "Kesher's access there too, remove it in your Google account's security "
            "settings."
        )


def _stacked(*parts: QWidget | QHBoxLayout) -> QWidget:
    """Widgets and rows one under the other, as one form field."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    for part in parts:
        if isinstance(part, QHBoxLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    return box


def _keyed(values: ImapSettings) -> ImapSettings:
    """As `Settings.imap` reads it: an empty user logs in with the tracking address."""
    if values.user:
        return values
    return ImapSettings(values.host, values.port, values.security, values.address, values.address)


def _port(text: str) -> int | None:
    text = text.strip()
    if not text.isascii() or not text.isdigit():
        return None
    port = int(text)
    return port if 1 <= port <= 65535 else None


class SettingsDialog(Retranslating, QDialog):
    """Edits `Settings`; OK applies and saves them, Cancel leaves them as they were."""

    def __init__(
        self,
        settings: Settings,
        users: UserService | None = None,
        parent: QWidget | None = None,
        secrets: SecretStore | None = None,
        autostart: Autostart | None = None,
        api_base: str = GOOGLE_API_BASE,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._autostart = autostart or Autostart()
        # Users live in the store, so they can be edited only once it is open.
        self.users = UsersEditor(users) if users is not None else None

        self.language = QComboBox()
        # Each language is named in itself, so a user can find theirs whatever is showing.
        self.language.addItem("עברית", "he")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self._language_label = QLabel()
        secrets = secrets or SecretStore()
        self.mail = MailSection(settings, secrets)
        self.tracking = TrackingSection(settings, secrets)
        self.google = GoogleSection(settings, secrets, api_base=api_base)
        self.dropbox = DropboxSection(settings, secrets)
        self.start_at_login = QCheckBox()
        self.start_at_login.setChecked(settings.start_at_login)
        self.start_error = FieldError()

        form = QFormLayout()
        form.addRow(self._language_label, self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.start_at_login)
        layout.addWidget(self.start_error)
        if self.users is not None:
            layout.addWidget(self.users)
        # Side by side, so the dialog stays within a laptop screen's height.
        columns = QWidget()
        mail_row = QHBoxLayout(columns)
        mail_row.setContentsMargins(0, 0, 0, 0)
        for section in (self.mail, self.tracking):
            mail_row.addWidget(section, 1)
        # The accounts Kesher connects to share a column: a fourth would not fit the width.
        accounts = QVBoxLayout()
        accounts.addWidget(self.google)
        accounts.addWidget(self.dropbox, 1)
        mail_row.addLayout(accounts, 1)
        self.columns = _Columns(columns)
        layout.addWidget(self.columns, 1)
        layout.addWidget(buttons)
        # Wide enough for the three sections' fields and their error lines, and still
        # within a 1366-pixel-wide laptop screen.
        self.setMinimumWidth(1240)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self._language_label.setText(self.tr("Language"))
        self.start_at_login.setText(self.tr("Start Kesher when I log in"))
        if self.users is not None:
            # Two addresses of mine, for two jobs: say which this one is (see Send from).
            self.users.my_email.setPlaceholderText(self.tr("Empty: the address mail is sent from"))
            self.users.my_email.setToolTip(
                self.tr(
                    "Invitations name you at this address as their organiser, and your "
                    "contacts' answers go to it."
                )
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._keep_on_screen()

    def apply(self) -> None:
        """Check every section, then save them all; nothing is kept while one is wrong."""
        mail = self.mail.values()
        tracking = self.tracking.values()
        google_ok = self.google.check()
        me_ok = self._check_me()
        if mail is None or tracking is None or not google_ok or not me_ok:
            self._make_room()
            return
        # Saved in the order they can still fail: the keyring or the autostart folder may
        # refuse, while my name, checked above, will not.
        if not self.mail.save(mail) or not self.tracking.save(tracking):
            return
        self.google.save()
        self.dropbox.save()
        if not self._apply_start_at_login():
            return
        if self.users is not None and not self.users.save_me():
            return

        language = self.language.currentData()
        if language != self._settings.language:
            self._settings.language = language
            install_language(QApplication.instance(), language)
        self._settings.save()
        self.accept()

    def _make_room(self) -> None:
        """Grow for the error lines just shown, as far as the screen allows; beyond that
        the sections scroll."""
        wanted = self.sizeHint().height()
        if wanted > self.height():
            self.resize(self.width(), wanted)
        self._keep_on_screen()

    def _keep_on_screen(self) -> None:
        """Shrink the dialog to its screen's free height and move it wholly onto it: grown
        where it stood, its OK and Cancel would fall below a laptop screen's edge."""
        screen = self.screen()
        if screen is None:
            return
        room = screen.availableGeometry()
        # The title bar and borders take room on the screen too.
        decorations = self.frameGeometry().height() - self.height()
        if self.height() + decorations > room.height():
            self.resize(self.width(), room.height() - decorations)

        frame = self.frameGeometry()
        # Wider than the screen, its left edge stays on it.
        left = max(room.left(), min(frame.left(), room.right() + 1 - frame.width()))
        top = max(room.top(), min(frame.top(), room.bottom() + 1 - frame.height()))
        if (left, top) != (frame.left(), frame.top()):
            self.move(left, top)

    def _check_me(self) -> bool:
        """My name and address checked by the rules `UserService.rename_me` applies."""
        if self.users is None:
            return True
        try:
            if not self.users.my_name.text().strip():
                raise ValidationError("user_needs_name", field="name")
            if self.users.my_email.text().strip():
                check_email(self.users.my_email.text(), field="email")
        except ValidationError as error:
            self.users.me_error.show_message(message_for(error))
            return False
        self.users.me_error.clear()
        return True

    def _apply_start_at_login(self) -> bool:
        wanted = self.start_at_login.isChecked()
        self.start_error.clear()
        try:
            # Written again when on, so a moved installation starts from where it is now.
            if wanted or self._autostart.is_enabled():
                self._autostart.apply(wanted)
        except OSError as error:
            log.warning("start at login not changed wanted=%s", wanted, exc_info=True)
            self.start_error.show_message(
                self.tr("Could not change starting at login: {reason}").format(
                    reason=error.strerror or str(error)
                )
            )
            return False
        self._settings.start_at_login = wanted
        return True
