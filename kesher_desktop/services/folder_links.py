"""Folders in a cloud drive (Dropbox, Google Drive) linked on a contact or an activity.

The words shared by both services: which service, a folder as its browser lists it, the
link made to it, whether the link still leads somewhere, and what can go wrong. Each
service's own module (dropbox_folders.py, drive_folders.py) speaks its API behind the
`FolderSource` shape below, so the folder browser and the link check serve both alike.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from kesher_desktop.services.errors import ServiceError
from kesher_desktop.settings import Settings

if TYPE_CHECKING:
    from kesher_desktop.services.dropbox_account import DropboxAccount
    from kesher_desktop.services.google_account import GoogleAccount

log = logging.getLogger(__name__)

# Codes of FolderLinkError.
NOT_CONFIGURED = "folder_links_not_configured"
NOT_CONNECTED = "folder_links_not_connected"
RECONNECT_NEEDED = "folder_links_reconnect_needed"
# Connected, but without the permission this needs (Google Drive's scope not yet granted).
ACCESS_MISSING = "folder_links_access_missing"
CODE_REFUSED = "folder_links_code_refused"
UNREACHABLE = "folder_links_unreachable"
REFUSED = "folder_links_refused"
FOLDER_GONE = "folder_links_folder_gone"


class LinkService(enum.StrEnum):
    """Where a linked folder lives."""

    DROPBOX = "dropbox"
    DRIVE = "drive"


class LinkState(enum.StrEnum):
    """What the last check of a link found."""

    UNCHECKED = "unchecked"
    LIVE = "live"
    # The folder was deleted (or trashed), or is no longer shared by this link.
    DEAD = "dead"


@dataclass(frozen=True)
class RemoteFolder:
    """A folder as the browser lists it.

    `key` is what the service finds it by: Dropbox's lower-case path ("" for the root),
    Google Drive's file id ("root" for My Drive). `path` is shown; empty in Drive, which has
    no paths.
    """

    key: str
    name: str
    path: str = ""


@dataclass(frozen=True)
class FolderLink:
    """A shareable link to a folder, as kept on a document."""

    service: LinkService
    url: str
    name: str
    path: str
    # What the check asks the service about: Dropbox's path, Drive's file id.
    target: str


@dataclass(frozen=True)
class LinkToCheck:
    document_id: int
    service: LinkService
    url: str
    target: str


class FolderLinkError(ServiceError):
    """A folder could not be listed, linked or checked; `code` is one of the names above."""


class FolderSource(Protocol):
    """One service's folders, as the browser and the link check need them. Calls block."""

    service: LinkService

    def root(self) -> RemoteFolder: ...

    def list_folders(self, folder: RemoteFolder) -> list[RemoteFolder]: ...

    def share(self, folder: RemoteFolder) -> FolderLink: ...

    def is_alive(self, url: str, target: str) -> bool: ...


class FolderLinkSources:
    """Which services can link folders on this computer, and their folders to browse.

    A service is offered only when whoever installed Kesher configured it: a Dropbox app
    key, a Google OAuth client file. Both are read through the settings at each call, so a
    changed setting counts at once; so is the name of the account each is connected as.
    """

    def __init__(
        self,
        dropbox: DropboxAccount,
        google: GoogleAccount,
        drive_endpoint: str | None = None,
        settings: Callable[[], Settings] = Settings.load,
    ) -> None:
        self.dropbox = dropbox
        self.google = google
        self._drive_endpoint = drive_endpoint
        self._settings = settings

    def is_configured(self, service: LinkService) -> bool:
        if service is LinkService.DROPBOX:
            return self.dropbox.is_configured()
        return self.google.client_problem() is None

    def is_connected(self, service: LinkService) -> bool:
        if service is LinkService.DROPBOX:
            return self.dropbox.is_connected()
        return self.google.is_connected()

    def account_name(self, service: LinkService) -> str:
        """The e-mail of the account the service is connected as; "" when not known."""
        settings = self._settings()
        if service is LinkService.DROPBOX:
            return settings.dropbox_account
        return settings.google_account

    def keep_account_name(self, service: LinkService, email: str) -> None:
        """Save which account the service was just connected as, for Settings to show (and,
        for Google, for the calendar's next connection to ask for)."""
        settings = self._settings()
        if service is LinkService.DROPBOX:
            settings.dropbox_account = email
        else:
            settings.google_account = email
        settings.save()
        log.info("%s account name kept known=%s", service.value, bool(email))

    def folders(self, service: LinkService) -> FolderSource:
        """The service's folders; heavy libraries load here, on first use."""
        if service is LinkService.DROPBOX:
            from kesher_desktop.services.dropbox_folders import DropboxFolders

            return DropboxFolders(self.dropbox)
        from kesher_desktop.services.drive_folders import DriveFolders

        return DriveFolders(self.google, self._drive_endpoint)


def check_links(
    links: list[LinkToCheck], source_of: Callable[[LinkService], FolderSource | None]
) -> dict[int, LinkState]:
    """Ask each link's service whether its folder is still there and shared.

    A link whose service is not set up, or could not be asked, is left out of the answer:
    not knowing is not the same as dead. Blocks; run it off the UI thread.
    """
    states: dict[int, LinkState] = {}
    sources: dict[LinkService, FolderSource | None] = {}
    for link in links:
        if link.service not in sources:
            sources[link.service] = source_of(link.service)
        source = sources[link.service]
        if source is None:
            continue
        try:
            alive = source.is_alive(link.url, link.target)
        except FolderLinkError as error:
            log.warning("link not checked id=%s code=%s", link.document_id, error.code)
            if error.code == RECONNECT_NEEDED:
                # Every other link of this service would fail the same way.
                sources[link.service] = None
            continue
        states[link.document_id] = LinkState.LIVE if alive else LinkState.DEAD
    log.info("links checked asked=%s answered=%s", len(links), len(states))
    return states
