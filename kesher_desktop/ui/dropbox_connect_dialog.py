"""The "connect your Dropbox" dialog: Dropbox's page in the browser, then the code pasted.

Dropbox shows the code once the user allows Kesher; exchanging it runs off the UI thread.
Without an app key the dialog only explains who supplies one and where.
"""

from __future__ import annotations

import logging
import webbrowser

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.services import folder_links
from kesher_desktop.services.dropbox_account import DropboxAccount, DropboxConsent
from kesher_desktop.services.folder_links import FolderLinkError, LinkService
from kesher_desktop.services.secrets import SecretsUnavailableError
from kesher_desktop.ui.file_texts import folder_link_problem_text
from kesher_desktop.ui.google_connect_dialog import BackgroundCall, Outcome
from kesher_desktop.ui.service_icons import service_icon
from kesher_desktop.ui.widgets.bidi import align_leading, isolate, isolate_ltr, make_ltr
from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)


class DropboxConnectDialog(Retranslating, QDialog):
    """Opens Dropbox's page, takes the code it shows, and keeps the account's access.

    `open_browser` is the one function tests replace.

    Signals:
        account_connected(str): connected; the account's e-mail, or "" when unknown.
    """

    account_connected = Signal(str)

    def __init__(self, account: DropboxAccount, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropboxConnectDialog")
        self._account = account
        self._consent: DropboxConsent | None = None
        self._busy = False
        self._problem = ""
        self.connected_email: str | None = None

        self.heading = QLabel()
        self.heading.setObjectName("sectionHeading")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_page)
        self.code_label = QLabel()
        self.code_edit = make_ltr(QLineEdit())
        self.code_edit.setObjectName("dropboxCode")
        self.code_edit.textChanged.connect(self._show_state)
        self.code_edit.returnPressed.connect(self.finish)
        self.code_label.setBuddy(self.code_edit)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.connect_button = QPushButton()
        self.connect_button.setObjectName("primaryButton")
        self.connect_button.clicked.connect(self.finish)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)

        self._build()
        self.retranslate()

    # -- API -------------------------------------------------------------------------------

    def open_browser(self, url: str) -> bool:
        """Show Dropbox's page in the user's browser."""
        return webbrowser.open(url)

    def open_page(self) -> None:
        """Start an attempt (a new PKCE pair) and show its page."""
        try:
            self._consent = self._account.start_connect()
        except FolderLinkError as error:
            self._problem = folder_link_problem_text(error, LinkService.DROPBOX)
            self._show_state()
            return
        self._problem = ""
        if not self.open_browser(self._consent.url):
            log.warning("no browser opened dropbox's page")
        self.code_edit.setFocus()
        self._show_state()

    def finish(self) -> None:
        """Exchange the pasted code, off the UI thread."""
        code = self.code_edit.text().strip()
        if self._consent is None or not code or self._busy:
            return
        consent, account = self._consent, self._account
        self._busy = True
        self._problem = ""
        self._show_state()
        BackgroundCall(self, lambda: account.finish_connect(consent, code), self._finished).start()

    def is_busy(self) -> bool:
        return self._busy

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connect your Dropbox"))
        self.heading.setText(self.tr("Link Dropbox folders to your contacts"))
        self.explanation.setText(
            self.tr(
                "1. Press “Open Dropbox's page”, sign in there and allow Kesher to see your "
                "folders and share them by link.\n"
                "2. Dropbox then shows a code: copy it here and press Connect.\n\n"
                "Kesher keeps only a key to renew its access, in this computer's keyring, "
                "never your password."
            )
        )
        self.open_button.setText(self.tr("Open Dropbox's page"))
        self.code_label.setText(self.tr("Code from Dropbox:"))
        self.connect_button.setText(self.tr("Connect"))
        self.close_button.setText(self.tr("Close"))
        for label in (self.heading, self.explanation, self.code_label, self.result):
            align_leading(label, Qt.AlignmentFlag.AlignTop)
        self._show_state()

    # -- helpers ---------------------------------------------------------------------------

    def _finished(self, outcome: Outcome) -> None:
        self._busy = False
        error = outcome.error
        if error is None:
            self.connected_email = outcome.value or ""
            self._consent = None
            self._show_state()
            self.account_connected.emit(self.connected_email)
            self.accept()
            return
        if isinstance(error, FolderLinkError):
            if error.code == folder_links.CODE_REFUSED:
                # A code is good once: the next try needs the page again.
                self._consent = None
            self._problem = folder_link_problem_text(error, LinkService.DROPBOX)
        elif isinstance(error, SecretsUnavailableError):
            self._problem = self.tr(
                "This computer has no keyring to keep Dropbox's key safely. Install or unlock "
                "your system's keyring (such as GNOME Keyring or KWallet) to connect."
            )
        else:
            log.error("dropbox connect failed", exc_info=error)
            self._problem = self.tr("Connecting failed: {reason}").format(
                reason=isolate(str(error) or type(error).__name__)
            )
        self._show_state()

    def _show_state(self) -> None:
        configured = self._account.is_configured()
        if not configured:
            problem = folder_link_problem_text(
                FolderLinkError(folder_links.NOT_CONFIGURED), LinkService.DROPBOX
            )
        else:
            problem = self._problem
        if self._busy:
            text = self.tr("Connecting…")
        elif self.connected_email is not None:
            text = self.tr("Connected as {account}.").format(
                account=isolate_ltr(self.connected_email)
            )
        else:
            text = problem
        self.result.setText(text)
        self.result.setVisible(bool(text))
        self.result.setObjectName("fieldError" if text == problem and problem else "")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.open_button.setEnabled(configured and not self._busy)
        self.code_edit.setEnabled(self._consent is not None and not self._busy)
        self.connect_button.setEnabled(
            self._consent is not None and bool(self.code_edit.text().strip()) and not self._busy
        )

    def _build(self) -> None:
        self.setWindowIcon(service_icon(LinkService.DROPBOX))
        buttons = QDialogButtonBox()
        buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(self.code_label)
        layout.addWidget(self.code_edit)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
