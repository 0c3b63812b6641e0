"""The user's Google Drive folders: listing them, linking one, checking a link.

Uses the Google account of the calendar sync. Drive's scope is asked for only when a folder
is first linked: while it is missing, Google answers 403 (insufficient scopes), which becomes
ACCESS_MISSING and sends the folder browser to the connect dialog; Google then adds it to the
scopes granted before. Calls block; the UI runs them off its thread. google-api-python-client
loads on first use.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from kesher_desktop.services import folder_links, google_errors
from kesher_desktop.services.folder_links import (
    FolderLink,
    FolderLinkError,
    LinkService,
    RemoteFolder,
)
from kesher_desktop.services.google_errors import GoogleAccountError

if TYPE_CHECKING:
    from kesher_desktop.services.google_account import GoogleAccount

log = logging.getLogger(__name__)

# Names, parents and links of files, nothing of their content: all a folder link needs.
DRIVE_SCOPE = "https://www.googleapis.com/auth/drive.metadata.readonly"
# Drive v3's rootUrl and servicePath in the discovery document the library ships.
DRIVE_API_BASE = "https://www.googleapis.com/drive/v3/"
FOLDER_TYPE = "application/vnd.google-apps.folder"
PAGE_SIZE = 200
# The query Drive's own "Copy link" puts on a shared item's link. A link made while the
# folder was shared carries it, so a later check knows the link was meant for others.
SHARING_USE = ("usp", "sharing")

T = TypeVar("T")


class DriveFolders:
    """Folders of the connected Google account's Drive, behind the FolderSource shape."""

    service = LinkService.DRIVE

    def __init__(self, account: GoogleAccount, api_base: str | None = None) -> None:
        self._account = account
        self._api_base = api_base or DRIVE_API_BASE
        self._credentials: Any = None
        self._files: Any = None

    def root(self) -> RemoteFolder:
        return RemoteFolder("root", "My Drive")

    def list_folders(self, folder: RemoteFolder) -> list[RemoteFolder]:
        """The folders directly inside `folder`, not trashed, every page of them."""
        parent = folder.key.replace("\\", "\\\\").replace("'", "\\'")
        query = f"mimeType='{FOLDER_TYPE}' and '{parent}' in parents and trashed=false"
        found: list[RemoteFolder] = []
        page_token: str | None = None
        while True:
            answer = self._guarded(
                lambda token=page_token: (
                    self._api()
                    .list(
                        q=query,
                        fields="nextPageToken, files(id, name)",
                        pageSize=PAGE_SIZE,
                        orderBy="name",
                        pageToken=token,
                    )
                    .execute()
                )
            )
            found += [RemoteFolder(f["id"], f.get("name", "")) for f in answer.get("files", [])]
            page_token = answer.get("nextPageToken")
            if not page_token:
                break
        return sorted(found, key=lambda each: each.name.casefold())

    def share(self, folder: RemoteFolder) -> FolderLink:
        """The folder's web link, as Drive gives it; who may open it is Drive's sharing.

        A folder shared at this moment gets Drive's sharing link (see SHARING_USE).
        """
        answer = self._file(folder.key, "id, name, webViewLink, trashed, shared")
        if answer is None or answer.get("trashed"):
            raise FolderLinkError(folder_links.FOLDER_GONE)
        url = answer.get("webViewLink") or f"https://drive.google.com/drive/folders/{folder.key}"
        if answer.get("shared"):
            url = _sharing_link(url)
        name = answer.get("name") or folder.name
        return FolderLink(LinkService.DRIVE, url, name, folder.path, answer["id"])

    def is_alive(self, url: str, target: str) -> bool:
        """Whether the link still leads to the folder for those it was made for.

        Dead when Drive no longer shows the folder to the user (deleted, or no longer
        shared with them by its owner: Drive answers 404 for both), when it is in the
        trash, and when a sharing link now leads to a folder shared with no one, which
        opens for its owner alone. A folder linked while unshared was for the user only:
        it stays live as long as they can open it.
        """
        answer = self._file(target, "id, trashed, shared")
        if answer is None or answer.get("trashed"):
            return False
        # Items in shared drives carry no "shared" at all: not knowing is not unshared.
        unshared = answer.get("shared") is False
        return not (unshared and _is_sharing_link(url))

    # -- helpers ---------------------------------------------------------------------------

    def _file(self, file_id: str, fields: str) -> dict[str, Any] | None:
        """One file's fields; None when Drive says there is none (404)."""
        from googleapiclient.errors import HttpError

        try:
            return self._guarded(
                lambda: self._api().get(fileId=file_id, fields=fields).execute(),
                passing=HttpError,
            )
        except HttpError as error:
            if error.resp.status == 404:
                return None
            raise self._refused(error) from error

    def _api(self) -> Any:
        if self._files is None:
            from googleapiclient.discovery import build

            self._files = build(
                "drive",
                "v3",
                credentials=self._credentials_or_raise(),
                static_discovery=True,
                cache_discovery=False,
                client_options={"api_endpoint": self._api_base},
            ).files()
        return self._files

    def _credentials_or_raise(self) -> Any:
        if self._credentials is None:
            try:
                self._credentials = self._account.credentials()
            except GoogleAccountError as error:
                code = (
                    folder_links.NOT_CONNECTED
                    if error.code == google_errors.NOT_CONNECTED
                    else folder_links.NOT_CONFIGURED
                )
                raise FolderLinkError(code) from error
        return self._credentials

    def _guarded(self, work: Callable[[], T], passing: type[Exception] | None = None) -> T:
        """Run `work`, turning Google's failures into FolderLinkError; `passing` goes on."""
        from google.auth.exceptions import RefreshError, TransportError
        from googleapiclient.errors import HttpError

        try:
            return work()
        except RefreshError as error:
            self._account.mark_reconnect_needed(_reason(error))
            raise FolderLinkError(folder_links.RECONNECT_NEEDED) from error
        except HttpError as error:
            if passing is not None and isinstance(error, passing):
                raise
            raise self._refused(error) from error
        except (TransportError, OSError) as error:
            log.warning("google drive not reached: %s", type(error).__name__)
            raise FolderLinkError(folder_links.UNREACHABLE) from error

    @staticmethod
    def _refused(error: Any) -> FolderLinkError:
        status = error.resp.status
        log.warning("google drive refused status=%s reason=%s", status, error.reason)
        if status == 403 and "insufficient" in str(error.reason).lower():
            return FolderLinkError(folder_links.ACCESS_MISSING)
        if status == 401:
            return FolderLinkError(folder_links.RECONNECT_NEEDED)
        return FolderLinkError(folder_links.REFUSED, reason=str(status))


def _sharing_link(url: str) -> str:
    """`url` with Drive's sharing query, any other query kept."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query[SHARING_USE[0]] = SHARING_USE[1]
    return urlunsplit(parts._replace(query=urlencode(query)))


def _is_sharing_link(url: str) -> bool:
    key, value = SHARING_USE
    return dict(parse_qsl(urlsplit(url).query)).get(key) == value


def _reason(error: Exception) -> str:
    """The OAuth error code of a refused refresh ("invalid_grant"), for the log and mark."""
    details = error.args[1] if len(error.args) > 1 else None
    if isinstance(details, dict) and details.get("error"):
        return str(details["error"])
    return "invalid_grant"
