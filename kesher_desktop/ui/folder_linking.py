"""Linking cloud folders from a view, and checking the links it shows.

The documents pane and the drawer's attachment area each hold one FolderLinker and its two
buttons. A button runs the whole errand: connect first when no account is (or must be
again), then the folder browser, which makes the link. Checking links runs off the UI
thread and hands back what it found.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from kesher_desktop.services.dropbox_account import DropboxAccount
from kesher_desktop.services.folder_links import (
    FolderLinkSources,
    FolderSource,
    LinkService,
    LinkToCheck,
    check_links,
)
from kesher_desktop.services.google_account import GoogleAccount
from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.settings import Settings
from kesher_desktop.ui.folder_browser import FolderBrowser
from kesher_desktop.ui.google_connect_dialog import BackgroundCall, Outcome
from kesher_desktop.ui.service_icons import service_icon
from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)


def default_link_sources() -> FolderLinkSources:
    """The services as this computer has them: keys from the saved settings at each use,
    tokens in the system's keyring."""
    secrets = SecretStore()
    return FolderLinkSources(
        DropboxAccount(secrets, Settings.load), GoogleAccount(secrets, Settings.load)
    )


class FolderLinker(QObject):
    """Runs "link a folder" for one view; the view puts the link where it belongs.

    `sources` may be replaced (tests do) before a button is pressed.

    Signals:
        folder_linked(FolderLink): a folder's link is made, for the view to keep.
        links_checked(dict): a check ended; {document id: LinkState} of the links answered.
    """

    folder_linked = Signal(object)
    links_checked = Signal(object)

    def __init__(self, parent: QWidget, sources: FolderLinkSources | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self.sources = sources or default_link_sources()
        # The dialog shown last (connect or browse), for tests to drive.
        self.dialog: QDialog | None = None
        self._checking = False

    # -- API -------------------------------------------------------------------------------

    def is_configured(self, service: LinkService) -> bool:
        return self.sources.is_configured(service)

    def link(self, service: LinkService) -> None:
        """Connect when needed, then browse; the made link arrives as `folder_linked`."""
        if not self.sources.is_connected(service):
            self.connect_then_browse(service)
            return
        self.browse(service)

    def browse(self, service: LinkService) -> FolderBrowser:
        browser = FolderBrowser(self.sources.folders(service), self._parent)
        browser.folder_linked.connect(self.folder_linked)
        browser.connect_needed.connect(lambda _code: self._reconnect(browser, service))
        self._show(browser)
        return browser

    def connect_then_browse(self, service: LinkService) -> QDialog:
        dialog = self.connect_dialog(service)
        dialog.account_connected.connect(lambda email: self._connected(service, email))
        self._show(dialog)
        return dialog

    def connect_dialog(self, service: LinkService) -> QDialog:
        """The dialog that connects the service's account; emits account_connected(str)."""
        if service is LinkService.DROPBOX:
            from kesher_desktop.ui.dropbox_connect_dialog import DropboxConnectDialog

            return DropboxConnectDialog(self.sources.dropbox, self._parent)
        from kesher_desktop.ui.drive_connect_dialog import DriveConnectDialog

        # Drive shares the calendar's token: another account would move the calendar too.
        calendars = self.sources.account_name(LinkService.DRIVE)
        return DriveConnectDialog(self.sources.google, self._parent, expected_account=calendars)

    def check(self, links: list[LinkToCheck]) -> bool:
        """Ask the services about `links` off the UI thread; False when one check runs."""
        if self._checking or not links:
            return False
        self._checking = True
        source_of = self._source_of
        BackgroundCall(self, lambda: check_links(links, source_of), self._checked).start()
        return True

    def is_checking(self) -> bool:
        return self._checking

    # -- helpers ---------------------------------------------------------------------------

    def _source_of(self, service: LinkService) -> FolderSource | None:
        """Runs on the check's thread: a service not set up or not connected is not asked."""
        sources = self.sources
        if not sources.is_configured(service) or not sources.is_connected(service):
            return None
        return sources.folders(service)

    def _checked(self, outcome: Outcome) -> None:
        self._checking = False
        if outcome.error is not None:
            log.error("link check failed", exc_info=outcome.error)
            return
        self.links_checked.emit(outcome.value)

    def _connected(self, service: LinkService, email: str) -> None:
        self.sources.keep_account_name(service, email)
        self.browse(service)

    def _reconnect(self, browser: FolderBrowser, service: LinkService) -> None:
        """The browser found the account unusable (or without Drive's scope): connect."""
        browser.reject()
        self.connect_then_browse(service)

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()


class FolderLinkButtons(Retranslating, QWidget):
    """The buttons "Link a Dropbox folder" and "Link a Google Drive folder", each shown only
    while its service is set up on this computer (a control that cannot work is not shown).

    One above the other: side by side they do not fit a drawer's or a card's width.
    """

    def __init__(self, linker: FolderLinker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._linker = linker
        self.buttons: dict[LinkService, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for service in LinkService:
            # Styled as the page's other text buttons ("Attach files", with its paperclip).
            button = QPushButton()
            button.setObjectName("linkButton")
            button.setProperty("service", service.value)
            button.setIcon(service_icon(service))
            button.clicked.connect(_linking(linker, service))
            self.buttons[service] = button
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeading)
        self.retranslate()
        self.update_shown()

    @property
    def dropbox_button(self) -> QPushButton:
        return self.buttons[LinkService.DROPBOX]

    @property
    def drive_button(self) -> QPushButton:
        return self.buttons[LinkService.DRIVE]

    def update_shown(self) -> None:
        """Show each button whose service is set up; hide the row when neither is."""
        any_shown = False
        for service, button in self.buttons.items():
            shown = self._linker.is_configured(service)
            button.setVisible(shown)
            any_shown = any_shown or shown
        self.setVisible(any_shown)

    def retranslate(self) -> None:
        self.dropbox_button.setText(self.tr("Link a Dropbox folder"))
        self.drive_button.setText(self.tr("Link a Google Drive folder"))


def _linking(linker: FolderLinker, service: LinkService) -> Callable[[], None]:
    return lambda: linker.link(service)
