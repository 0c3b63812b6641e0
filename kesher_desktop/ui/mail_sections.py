"""The mail accounts of Settings: the SMTP server reminders go through, and the IMAP
mailbox that sent mail is tracked in. Their passwords go to the keyring."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.services.errors import ValidationError
from kesher_desktop.services.secrets import (
    SecretStore,
    SecretsUnavailableError,
    imap_password_key,
    smtp_password_key,
)
from kesher_desktop.services.validation import check_email
from kesher_desktop.settings import ImapSettings, Settings, SmtpSecurity, SmtpSettings
from kesher_desktop.ui.messages import message_for
from kesher_desktop.ui.widgets.bidi import make_ltr
from kesher_desktop.ui.widgets.field_error import FieldError
from kesher_desktop.ui.widgets.retranslate import Retranslating

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


def _host_problem(host: str) -> str:
    """Why a server name cannot be one (spaces: a pasted sentence, two names), or ""."""
    if any(character.isspace() for character in host):
        return QApplication.translate(
            "SettingsDialog", "A server's name has no spaces, e.g. smtp.example.com."
        )
    return ""


class _PasswordSection(Retranslating, QGroupBox):
    """A mail account's form whose password goes to the keyring, never settings.json.

    Subclasses make the `password` field and its `password_error` line, and word the
    no-keyring text in their own translation context.
    """

    password: QLineEdit
    password_error: FieldError

    def _save_with_password(
        self, kind: str, store_password: Callable[[], None], write: Callable[[], None]
    ) -> bool:
        """Store the password, then `write` the rest; False if no keyring took it."""
        try:
            store_password()
        except SecretsUnavailableError:
            log.warning("%s password not stored: no keyring", kind)
            self.password_error.show_message(self._no_keyring_text())
            return False
        write()
        self.password.clear()
        self.retranslate()
        return True

    def _no_keyring_text(self) -> str:
        raise NotImplementedError


class MailSection(_PasswordSection):
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
        return self._save_with_password(
            "smtp", lambda: self._store_password(values), lambda: self._write(values)
        )

    # -- helpers ---------------------------------------------------------------------------

    def _write(self, values: SmtpSettings) -> None:
        settings = self._settings
        settings.smtp_host, settings.smtp_port = values.host, values.port
        settings.smtp_security, settings.smtp_user = values.security.value, values.user
        settings.my_address = values.sender

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


class TrackingSection(_PasswordSection):
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
        return self._save_with_password(
            "imap", lambda: self._store_password(values), lambda: self._write(values)
        )

    # -- helpers ---------------------------------------------------------------------------

    def _write(self, values: ImapSettings) -> None:
        settings = self._settings
        settings.imap_host, settings.imap_port = values.host, values.port
        settings.imap_security, settings.imap_user = values.security.value, values.user
        settings.tracking_address = values.address

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
