"""What every connected-account group of Settings shares: its state line and its buttons.

A section shows whether its service's account is connected, connects through the service's
own dialog and disconnects in the background. Connecting and disconnecting take effect at
once (the key is in the keyring, or gone, by then), so they save the account straight away.
The Google and Dropbox sections fill in what differs through a few hooks.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QSizePolicy, QWidget

from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.settings import Settings
from kesher_desktop.ui.google_connect_dialog import BackgroundCall, Outcome
from kesher_desktop.ui.widgets.bidi import isolate_ltr
from kesher_desktop.ui.widgets.retranslate import Retranslating


class LinkedAccount(Protocol):
    """The calls a section makes on its service's account."""

    def is_connected(self) -> bool: ...

    def needs_reconnect(self) -> bool: ...

    def disconnect(self) -> bool: ...


class ConnectDialog(Protocol):
    """A service's connect dialog, as a section runs it."""

    account_connected: SignalInstance

    def exec(self) -> int: ...

    def deleteLater(self) -> None: ...


class AccountSection(Retranslating, QGroupBox):
    """A settings group with a connected account: `state` says how it stands, and
    `connect_button` and `disconnect_button` change it.

    A subclass sets `account` before its `__init__` ends with `_read_account()` and
    `retranslate()`, names the setting that keeps the account's e-mail in
    `ACCOUNT_SETTING` and the service in `LOG_NAME`, and implements the hooks below.
    `run_connect_dialog` is the one method tests replace.

    The texts written here name their context, "AccountSection": called from a subclass,
    self.tr() would look them up under the subclass's name instead.
    """

    ACCOUNT_SETTING = ""
    LOG_NAME = ""

    account: LinkedAccount

    def __init__(
        self, settings: Settings, secrets: SecretStore, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._keyring_ok = secrets.is_available()
        self._disconnecting = False
        self._note = ""
        self._connected = self._needs_reconnect = False

        self.state = QLabel()
        self.state.setWordWrap(True)
        wrap_to_column(self.state)
        self.connect_button = QPushButton()
        self.connect_button.clicked.connect(self._connect)
        self.disconnect_button = QPushButton()
        self.disconnect_button.clicked.connect(self._disconnect)

    # -- API -------------------------------------------------------------------------------

    def run_connect_dialog(self, dialog: ConnectDialog) -> None:
        """Run the connect dialog modally; tests replace this one method."""
        dialog.exec()

    # -- hooks -----------------------------------------------------------------------------

    def _can_connect(self) -> bool:
        """Whether what the form holds is enough to start connecting."""
        raise NotImplementedError

    def _make_connect_dialog(self) -> ConnectDialog:
        raise NotImplementedError

    def _keep_typed(self) -> None:
        """Put what the form names the account by (a key, a file) into the settings."""
        raise NotImplementedError

    def _no_keyring_text(self) -> str:
        raise NotImplementedError

    def _reconnect_text(self) -> str:
        """The service no longer accepts the key kept for it."""
        raise NotImplementedError

    def _not_told_text(self) -> str:
        """The key is forgotten here, but the service could not be told to withdraw it."""
        raise NotImplementedError

    # -- helpers ---------------------------------------------------------------------------

    def _read_account(self) -> None:
        self._connected = self.account.is_connected()
        self._needs_reconnect = self.account.needs_reconnect()

    def _show_account(self) -> None:
        usable = self._keyring_ok and not self._disconnecting
        self.connect_button.setEnabled(usable and self._can_connect())
        linked = self._connected or self._needs_reconnect
        self.disconnect_button.setEnabled(usable and linked)
        if linked:
            connect = QCoreApplication.translate("AccountSection", "Connect again…")
        else:
            connect = QCoreApplication.translate("AccountSection", "Connect…")
        self.connect_button.setText(connect)
        self.disconnect_button.setText(QCoreApplication.translate("AccountSection", "Disconnect"))

        lines = [self._state_text()]
        if self._note:
            lines.append(self._note)
        self.state.setText("\n".join(lines))

    def _state_text(self) -> str:
        if not self._keyring_ok:
            return self._no_keyring_text()
        if self._disconnecting:
            return QCoreApplication.translate("AccountSection", "Disconnecting…")
        if self._needs_reconnect:
            return self._reconnect_text()
        if not self._connected:
            return QCoreApplication.translate("AccountSection", "Not connected.")
        email = getattr(self._settings, self.ACCOUNT_SETTING)
        if email:
            text = QCoreApplication.translate("AccountSection", "Connected as {account}.")
            return text.format(account=isolate_ltr(email))
        return QCoreApplication.translate("AccountSection", "Connected.")

    def _connect(self) -> None:
        dialog = self._make_connect_dialog()
        dialog.account_connected.connect(self._on_connected)
        self.run_connect_dialog(dialog)
        dialog.deleteLater()

    def _on_connected(self, email: str) -> None:
        # The key now in the keyring belongs to what the form names: both are kept, OK or
        # Cancel.
        setattr(self._settings, self.ACCOUNT_SETTING, email)
        self._keep_typed()
        self._settings.save()
        self._note = ""
        self._read_account()
        self._show_account()

    def _disconnect(self) -> None:
        self._disconnecting = True
        self._note = ""
        self._show_account()
        BackgroundCall(self, self.account.disconnect, self._on_disconnected).start()

    def _on_disconnected(self, outcome: Outcome) -> None:
        self._disconnecting = False
        if outcome.error is not None:
            # Logged as the section's own module, where its service's other messages go.
            logging.getLogger(type(self).__module__).warning(
                "%s account not disconnected", self.LOG_NAME, exc_info=outcome.error
            )
            text = QCoreApplication.translate("AccountSection", "Could not disconnect: {reason}")
            self._note = text.format(reason=str(outcome.error) or type(outcome.error).__name__)
        else:
            setattr(self._settings, self.ACCOUNT_SETTING, "")
            self._settings.save()
            if outcome.value is False:
                self._note = self._not_told_text()

        self._read_account()
        self._show_account()


def wrap_to_column(label: QLabel) -> None:
    """Long sentences wrap to the column's width instead of widening the dialog past a
    laptop screen."""
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    label.setSizePolicy(policy)
