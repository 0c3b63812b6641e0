"""Connecting the Google account for Google Drive folders: the Google dialog, Drive's words.

The same consent as the calendar's, asking only Drive's scope; Google adds it to those
granted before (include_granted_scopes), so the calendar keeps working. The one stored token
serves both, so when the calendar's account is known, only that account is taken.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kesher_desktop.services.drive_folders import DRIVE_SCOPE
from kesher_desktop.services.google_account import GoogleAccount
from kesher_desktop.ui.google_connect_dialog import GoogleConnectDialog


class DriveConnectDialog(GoogleConnectDialog):
    """GoogleConnectDialog asking for Drive's read-only view of folder names and links."""

    def __init__(
        self, account: GoogleAccount, parent: QWidget | None = None, expected_account: str = ""
    ) -> None:
        super().__init__(account, parent, scopes=[DRIVE_SCOPE], expected_account=expected_account)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Connect your Google Drive"))
        self.heading.setText(self.tr("Link Google Drive folders to your contacts"))
        self.explanation.setText(
            self.tr(
                "Your browser will open Google's sign-in page. Choose your account there and "
                "allow Kesher to see the names and links of your Drive files (never their "
                "content): the folders you link appear on the contact's page.\n\n"
                "Kesher keeps only a key to renew its access, in this computer's keyring, "
                "never your password."
            )
        )
