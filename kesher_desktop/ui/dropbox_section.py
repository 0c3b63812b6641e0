"""The Dropbox part of Settings: the app key, which account is connected, and disconnecting.

Connecting and disconnecting take effect at once (the token is in the keyring, or gone, by
then), so they save the account and the key straight away; a key only typed is saved with
the dialog's OK, like the rest of the settings.
"""

from __future__ import annotations

import html
import os
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.services.dropbox_account import DropboxAccount, SessionFactory
from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.settings import DROPBOX_APP_KEY_VARIABLE, Settings
from kesher_desktop.ui.account_section import AccountSection, wrap_to_column
from kesher_desktop.ui.dropbox_connect_dialog import DropboxConnectDialog
from kesher_desktop.ui.widgets.bidi import align_leading, isolate_ltr, make_ltr

# Where an app key is made, and the permissions DropboxFolders' calls need: listing folders
# and reading their metadata, making shared links, and finding a link made before.
APP_CONSOLE_URL = "https://www.dropbox.com/developers/apps"
NEEDED_PERMISSIONS = "files.metadata.read, sharing.read, sharing.write"


class DropboxSection(AccountSection):
    """The Dropbox app key and account, as one group of the settings dialog.

    `session_factory` reaches every Dropbox call, as in `DropboxAccount`; the tests route it
    to a fake server. `run_connect_dialog` is the one method tests replace.
    """

    ACCOUNT_SETTING = "dropbox_account"
    LOG_NAME = "dropbox"

    def __init__(
        self,
        settings: Settings,
        secrets: SecretStore,
        parent: QWidget | None = None,
        session_factory: SessionFactory | None = None,
    ) -> None:
        super().__init__(settings, secrets, parent)
        self.account = DropboxAccount(secrets, self._as_typed, session_factory)
        variable = os.environ.get(DROPBOX_APP_KEY_VARIABLE, "").strip()
        self._from_environment = bool(variable)

        self.app_key = make_ltr(QLineEdit(variable or settings.dropbox_app_key))
        # Says where the key comes from: the environment, or (while there is none) the
        # Dropbox console, linked, with permission names there to be copied.
        self.key_caption = QLabel()
        self.key_caption.setObjectName("fieldCaption")
        self.key_caption.setWordWrap(True)
        self.key_caption.setTextFormat(Qt.TextFormat.RichText)
        self.key_caption.setOpenExternalLinks(True)
        self.key_caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        wrap_to_column(self.key_caption)
        self._labels = [QLabel(), QLabel()]

        if self._from_environment:
            # Named for the whole machine by whoever installed Kesher: shown, not edited.
            self.app_key.setReadOnly(True)
        self._build()

        self.app_key.textChanged.connect(self._show_key)
        self._read_account()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Dropbox"))
        texts = (self.tr("App key"), self.tr("Account"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.app_key.setPlaceholderText(self.tr("Empty: no Dropbox folders"))
        for label in (self.key_caption, self.state):
            align_leading(label)
        self._show_key()

    # -- API -------------------------------------------------------------------------------

    def save(self) -> None:
        """Put the typed app key into the settings (one set for the computer is not copied)."""
        if not self._from_environment:
            self._settings.dropbox_app_key = self.app_key.text().strip()

    # -- helpers ---------------------------------------------------------------------------

    def _as_typed(self) -> Settings:
        """The settings with the key the form shows, which may not be saved yet."""
        return replace(self._settings, dropbox_app_key=self.app_key.text().strip())

    def _show_key(self) -> None:
        if self._from_environment:
            caption = html.escape(self.tr("Set for this computer by {variable}.")).format(
                variable=isolate_ltr(DROPBOX_APP_KEY_VARIABLE)
            )
        elif not self.app_key.text().strip():
            # The console's name is kept on one line: split, its link reads as two.
            console = "Dropbox\u00a0App\u00a0Console"
            caption = html.escape(
                self.tr(
                    "The key comes from an app made in the {console} with Full Dropbox access. "
                    "On the app's Permissions tab tick {permissions}, then copy its App key here."
                )
            ).format(
                console=f'<a href="{APP_CONSOLE_URL}">{isolate_ltr(console)}</a>',
                permissions=isolate_ltr(NEEDED_PERMISSIONS),
            )
        else:
            caption = ""
        self.key_caption.setText(caption)
        self.key_caption.setVisible(bool(caption))
        self._show_account()

    # -- AccountSection hooks ------------------------------------------------------------

    def _can_connect(self) -> bool:
        return self.account.is_configured()

    def _make_connect_dialog(self) -> DropboxConnectDialog:
        return DropboxConnectDialog(self.account, self)

    def _keep_typed(self) -> None:
        self.save()

    def _no_keyring_text(self) -> str:
        return self.tr(
            "This computer has no keyring to keep Dropbox's key safely. Install or unlock "
            "your system's keyring (such as GNOME Keyring or KWallet) to connect."
        )

    def _reconnect_text(self) -> str:
        return self.tr("Dropbox no longer accepts Kesher's access. Connect again.")

    def _not_told_text(self) -> str:
        return self.tr(
            "Forgotten on this computer, but Dropbox could not be told. To withdraw "
            "Kesher's access there too, remove its app under Connected apps in your "
            "Dropbox account's settings."
        )

    def _build(self) -> None:
        key = QVBoxLayout()
        key.setSpacing(4)
        key.addWidget(self.app_key)
        key.addWidget(self.key_caption)
        buttons = QHBoxLayout()
        buttons.addWidget(self.connect_button)
        buttons.addWidget(self.disconnect_button)
        buttons.addStretch(1)
        account = QVBoxLayout()
        account.setSpacing(4)
        account.addWidget(self.state)
        account.addLayout(buttons)

        form = QFormLayout(self)
        form.addRow(self._labels[0], key)
        form.addRow(self._labels[1], account)
