"""The user's Dropbox folders: listing them, sharing one by link, checking a link.

Calls block; the UI runs them off its thread. One client serves a browsing session, so an
access token that expires midway is refreshed by the SDK (Dropbox's `expired_access_token`
answer) and the call retried; a refused refresh means the user must connect again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from kesher_desktop.services import folder_links
from kesher_desktop.services.folder_links import (
    FolderLink,
    FolderLinkError,
    LinkService,
    RemoteFolder,
)

if TYPE_CHECKING:
    import dropbox

    from kesher_desktop.services.dropbox_account import DropboxAccount

log = logging.getLogger(__name__)

T = TypeVar("T")


class DropboxFolders:
    """Folders of the connected Dropbox account, behind the FolderSource shape."""

    service = LinkService.DROPBOX

    def __init__(self, account: DropboxAccount) -> None:
        self._account = account
        self._dropbox: dropbox.Dropbox | None = None

    def root(self) -> RemoteFolder:
        return RemoteFolder("", "Dropbox", "/")

    def list_folders(self, folder: RemoteFolder) -> list[RemoteFolder]:
        """The folders directly inside `folder` (files left out), by name."""
        from dropbox.files import FolderMetadata

        def listing(client: dropbox.Dropbox) -> list[Any]:
            page = client.files_list_folder(folder.key)
            entries = list(page.entries)
            while page.has_more:
                page = client.files_list_folder_continue(page.cursor)
                entries.extend(page.entries)
            return entries

        entries = self._call(listing)
        folders = [
            RemoteFolder(entry.path_lower, entry.name, entry.path_display)
            for entry in entries
            if isinstance(entry, FolderMetadata)
        ]
        return sorted(folders, key=lambda each: each.name.casefold())

    def share(self, folder: RemoteFolder) -> FolderLink:
        """A shared link to the folder: a new one, or the one it already has."""
        from dropbox.exceptions import ApiError

        def create(client: dropbox.Dropbox) -> tuple[str, str]:
            metadata = client.files_get_metadata(folder.key)
            try:
                link = client.sharing_create_shared_link_with_settings(folder.key)
                return link.url, metadata.id
            except ApiError as error:
                if not error.error.is_shared_link_already_exists():
                    raise
                # Not a failure: the folder was shared before; that link is the one to keep.
                log.info("dropbox folder already shared; reusing its link")
                return self._existing_link(client, folder.key, error.error), metadata.id

        url, folder_id = self._call(create)
        return FolderLink(LinkService.DROPBOX, url, folder.name, folder.path, folder_id)

    def is_alive(self, url: str, target: str) -> bool:
        """Whether the link still opens the folder: shared, and the folder not deleted."""
        from dropbox.exceptions import ApiError

        def ask(client: dropbox.Dropbox) -> bool:
            try:
                client.sharing_get_shared_link_metadata(url)
                if target:
                    client.files_get_metadata(target)
            except ApiError as error:
                log.info("dropbox link dead: %s", error.error)
                return False
            return True

        return self._call(ask)

    # -- helpers ---------------------------------------------------------------------------

    def _existing_link(self, client: dropbox.Dropbox, path: str, error: Any) -> str:
        """The link named in a `shared_link_already_exists` answer, or listed for the path."""
        existing = error.get_shared_link_already_exists()
        if existing is not None and existing.is_metadata():
            return str(existing.get_metadata().url)
        links = client.sharing_list_shared_links(path=path, direct_only=True).links
        if not links:
            raise FolderLinkError(folder_links.REFUSED, reason="no_existing_link")
        return str(links[0].url)

    def _client(self) -> dropbox.Dropbox:
        if self._dropbox is None:
            self._dropbox = self._account.client()
        return self._dropbox

    def _call(self, work: Callable[[dropbox.Dropbox], T]) -> T:
        """Run `work` with the client, turning the SDK's failures into FolderLinkError."""
        import requests
        from dropbox.exceptions import ApiError, AuthError, DropboxException

        try:
            return work(self._client())
        except AuthError as error:
            # After the SDK's own refresh: the refresh token itself was refused.
            self._dropbox = None
            self._account.mark_reconnect_needed(str(error.error))
            raise FolderLinkError(folder_links.RECONNECT_NEEDED) from error
        except ApiError as error:
            log.warning("dropbox refused: %s", error.error)
            code = folder_links.FOLDER_GONE if _is_not_found(error) else folder_links.REFUSED
            raise FolderLinkError(code, reason=str(error.error)) from error
        except DropboxException as error:
            log.warning("dropbox failed: %s", type(error).__name__)
            raise FolderLinkError(folder_links.REFUSED, reason=type(error).__name__) from error
        except requests.RequestException as error:
            log.warning("dropbox not reached: %s", type(error).__name__)
            raise FolderLinkError(folder_links.UNREACHABLE) from error


def _is_not_found(error: Any) -> bool:
    """Whether an ApiError says the path is not there (any route's `path/not_found`)."""
    return "not_found" in str(error.error)
