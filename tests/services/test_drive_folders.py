"""Google Drive through the real google-api-python-client against the fake Drive v3:
listing folders page by page, linking one, a link dead once trashed, deleted or unshared,
Drive's scope missing until asked for, an expired access token renewed, and a refused
refresh that asks for a new connection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kesher_desktop.services import folder_links
from kesher_desktop.services.drive_folders import DRIVE_SCOPE, DriveFolders
from kesher_desktop.services.folder_links import FolderLinkError, LinkService, RemoteFolder
from kesher_desktop.services.google_account import (
    CALENDAR_SCOPES,
    REFRESH_TOKEN_KEY,
    GoogleAccount,
)
from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.settings import GOOGLE_CLIENT_FILE_VARIABLE, Settings
from tests.google_fake.drive_server import FakeDrive, drive_server
from tests.google_fake.oauth_server import ConsentBrowser, oauth_server


@pytest.fixture
def drive(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDrive]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.delenv(GOOGLE_CLIENT_FILE_VARIABLE, raising=False)
    with drive_server() as server:
        clients = server.add_folder("לקוחות")
        for name in ("Levi Consulting", "כהן ושות׳", "Barak"):
            server.add_folder(name, parent=clients)
        server.add_file("price list.pdf", parent=clients)
        server.add_folder("Archive")
        yield server


@pytest.fixture
def account(drive: FakeDrive, file_keyring: object, tmp_path: Path) -> GoogleAccount:
    settings = Settings(google_client_file=str(drive.write_client_file(tmp_path / "client")))
    secrets = SecretStore(allow_plain_file=True)
    secrets.set(REFRESH_TOKEN_KEY, "1//stored")
    return GoogleAccount(secrets, lambda: settings)


@pytest.fixture
def folders(drive: FakeDrive, account: GoogleAccount) -> DriveFolders:
    return DriveFolders(account, drive.api_base)


def _folder(folders: DriveFolders, *names: str) -> RemoteFolder:
    place = folders.root()
    for name in names:
        place = next(f for f in folders.list_folders(place) if f.name == name)
    return place


def test_folders_are_listed_page_by_page_with_drives_folder_query(
    drive: FakeDrive, folders: DriveFolders
) -> None:
    drive.page_size = 2

    top = folders.list_folders(folders.root())
    inside = folders.list_folders(_folder(folders, "לקוחות"))

    assert [f.name for f in top] == ["Archive", "לקוחות"]
    assert [f.name for f in inside] == ["Barak", "Levi Consulting", "כהן ושות׳"]
    clients_id = top[1].key
    asked = [(q["q"].split("'")[3], q.get("pageToken")) for q in drive.lists]
    assert asked == [("root", None), ("root", None), (clients_id, None), (clients_id, "2")]


def test_linking_a_folder_gives_its_web_link_and_name(
    drive: FakeDrive, folders: DriveFolders
) -> None:
    levi = _folder(folders, "לקוחות", "Levi Consulting")

    link = folders.share(levi)

    assert link.service is LinkService.DRIVE and link.target == levi.key
    assert link.url == drive.files[levi.key]["webViewLink"] and link.name == "Levi Consulting"


def test_a_link_is_dead_once_its_folder_is_trashed_or_deleted(
    drive: FakeDrive, folders: DriveFolders
) -> None:
    levi = folders.share(_folder(folders, "לקוחות", "Levi Consulting"))
    archive = folders.share(_folder(folders, "Archive"))
    assert folders.is_alive(levi.url, levi.target)

    drive.trash(levi.target)
    drive.purge(archive.target)

    assert not folders.is_alive(levi.url, levi.target)
    assert not folders.is_alive(archive.url, archive.target)


def test_a_link_made_while_shared_is_dead_once_the_folder_is_unshared(
    drive: FakeDrive, folders: DriveFolders
) -> None:
    shared = folders.share(RemoteFolder(drive.add_folder("Levi shared", shared=True), ""))
    mine = folders.share(RemoteFolder(drive.add_folder("My notes"), ""))
    theirs = folders.share(RemoteFolder(drive.add_folder("From Dana", owned=False), ""))
    assert shared.url.endswith("?usp=sharing") and "usp=" not in mine.url
    assert all(folders.is_alive(link.url, link.target) for link in (shared, mine, theirs))

    for link in (shared, mine, theirs):
        drive.unshare(link.target)

    assert not folders.is_alive(shared.url, shared.target)
    assert not folders.is_alive(theirs.url, theirs.target)
    # Linked while shared with no one, it was for the user alone, who still opens it.
    assert folders.is_alive(mine.url, mine.target)


def test_without_drives_scope_there_is_no_access_until_it_is_granted(
    drive: FakeDrive, account: GoogleAccount
) -> None:
    drive.granted = set()
    with pytest.raises(FolderLinkError) as missing:
        DriveFolders(account, drive.api_base).list_folders(RemoteFolder("root", ""))
    assert missing.value.code == folder_links.ACCESS_MISSING

    drive.granted = {DRIVE_SCOPE}

    found = DriveFolders(account, drive.api_base).list_folders(RemoteFolder("root", ""))
    assert [folder.name for folder in found] == ["Archive", "לקוחות"]


def test_an_expired_access_token_is_renewed_and_the_listing_goes_on(
    drive: FakeDrive, folders: DriveFolders
) -> None:
    assert [f.name for f in folders.list_folders(folders.root())] == ["Archive", "לקוחות"]
    assert len(drive.token_requests) == 1

    drive.expire_tokens()
    again = folders.list_folders(folders.root())

    assert [f.name for f in again] == ["Archive", "לקוחות"]
    [_first, renewal] = drive.token_requests
    assert renewal["grant_type"] == "refresh_token" and renewal["refresh_token"] == "1//stored"


def test_a_refused_refresh_asks_for_a_new_connection(
    drive: FakeDrive, folders: DriveFolders, account: GoogleAccount
) -> None:
    drive.refuse_refresh = True

    with pytest.raises(FolderLinkError) as refused:
        folders.list_folders(folders.root())

    assert refused.value.code == folder_links.RECONNECT_NEEDED
    assert account.needs_reconnect() and not account.is_connected()


def test_drives_scope_is_asked_later_keeping_the_calendars(
    monkeypatch: pytest.MonkeyPatch, file_keyring: object, tmp_path: Path
) -> None:
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    with oauth_server() as google:
        settings = Settings(google_client_file=str(google.write_client_file(tmp_path / "c")))
        account = GoogleAccount(SecretStore(allow_plain_file=True), lambda: settings)
        account.connect(CALENDAR_SCOPES, timeout_seconds=10, open_browser=ConsentBrowser())

        account.connect([DRIVE_SCOPE], timeout_seconds=10, open_browser=ConsentBrowser())

        later = google.authorizations[-1]
        assert later["include_granted_scopes"] == "true"
        assert DRIVE_SCOPE in later["scope"] and CALENDAR_SCOPES[0] not in later["scope"]
        token = file_keyring.get_password("Kesher Desktop", REFRESH_TOKEN_KEY)  # type: ignore[attr-defined]
        assert {DRIVE_SCOPE, *CALENDAR_SCOPES} <= google.refresh_tokens[token]
