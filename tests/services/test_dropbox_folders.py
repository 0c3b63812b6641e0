"""Dropbox through the real `dropbox` SDK against the fake server: connecting with a pasted
code, listing folders, making or reusing a shared link, refreshing an expired token, and a
refused refresh that asks for a new connection."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kesher_desktop.services import folder_links
from kesher_desktop.services.dropbox_account import REFRESH_TOKEN_KEY, DropboxAccount
from kesher_desktop.services.dropbox_folders import DropboxFolders
from kesher_desktop.services.folder_links import FolderLinkError, LinkService, RemoteFolder
from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.settings import Settings
from tests.dropbox_fake.server import APP_KEY, EMAIL, FakeDropbox, dropbox_server


@pytest.fixture
def box() -> Iterator[FakeDropbox]:
    with dropbox_server() as server:
        server.add_folder("/Clients/Levi Consulting")
        server.add_folder("/Clients/כהן ושות׳")
        server.add_file("/Clients/price list.pdf")
        server.add_folder("/Archive")
        yield server


@pytest.fixture
def account(box: FakeDropbox, secrets: SecretStore) -> DropboxAccount:
    settings = Settings(dropbox_app_key=APP_KEY)
    return DropboxAccount(secrets, lambda: settings, box.session)


@pytest.fixture
def folders(box: FakeDropbox, account: DropboxAccount, secrets: SecretStore) -> DropboxFolders:
    secrets.set(REFRESH_TOKEN_KEY, box.connected_token())
    return DropboxFolders(account)


def _folder(folders: DropboxFolders, *names: str) -> RemoteFolder:
    place = folders.root()
    for name in names:
        place = next(f for f in folders.list_folders(place) if f.name == name)
    return place


def test_the_pasted_code_connects_and_only_the_refresh_token_is_kept(
    box: FakeDropbox, account: DropboxAccount, secrets: SecretStore
) -> None:
    consent = account.start_connect()
    assert consent.url.startswith("https://www.dropbox.com/oauth2/authorize?")

    email = account.finish_connect(consent, "  " + box.consent(consent.url) + "\n")

    assert email == EMAIL and account.is_connected()
    assert secrets.get(REFRESH_TOKEN_KEY).startswith("rt-")
    assert box.grants[0] == "authorization_code"


def test_a_wrong_code_is_refused_and_nothing_is_kept(
    box: FakeDropbox, account: DropboxAccount
) -> None:
    consent = account.start_connect()
    box.consent(consent.url)

    with pytest.raises(FolderLinkError) as refused:
        account.finish_connect(consent, "not-the-code")

    assert refused.value.code == folder_links.CODE_REFUSED and not account.is_connected()


def test_without_an_app_key_connecting_says_it_is_not_configured(secrets: SecretStore) -> None:
    account = DropboxAccount(secrets, Settings)

    assert not account.is_configured()
    with pytest.raises(FolderLinkError) as missing:
        account.start_connect()
    assert missing.value.code == folder_links.NOT_CONFIGURED


def test_only_folders_are_listed_by_name_with_navigation_and_paging(
    box: FakeDropbox, folders: DropboxFolders
) -> None:
    box.page_size = 1

    top = folders.list_folders(folders.root())
    inside = folders.list_folders(_folder(folders, "Clients"))

    assert [f.name for f in top] == ["Archive", "Clients"]
    assert [(f.name, f.path) for f in inside] == [
        ("Levi Consulting", "/Clients/Levi Consulting"),
        ("כהן ושות׳", "/Clients/כהן ושות׳"),
    ]
    assert "files/list_folder/continue" in box.calls


def test_sharing_a_folder_creates_its_link(box: FakeDropbox, folders: DropboxFolders) -> None:
    levi = _folder(folders, "Clients", "Levi Consulting")

    link = folders.share(levi)

    entry = box.entries["/clients/levi consulting"]
    assert link.service is LinkService.DROPBOX and link.url == box.links[entry.id]
    assert (link.name, link.path, link.target) == (
        "Levi Consulting",
        "/Clients/Levi Consulting",
        entry.id,
    )


@pytest.mark.parametrize("named", [True, False], ids=["named-in-error", "listed"])
def test_a_folder_shared_before_reuses_its_link(
    box: FakeDropbox, folders: DropboxFolders, named: bool
) -> None:
    before = box.share("/Clients/כהן ושות׳")
    box.omit_existing_metadata = not named

    link = folders.share(_folder(folders, "Clients", "כהן ושות׳"))

    assert link.url == before
    assert ("sharing/list_shared_links" in box.calls) is not named


def test_an_expired_access_token_is_refreshed_and_the_call_made_again(
    box: FakeDropbox, folders: DropboxFolders
) -> None:
    folders.list_folders(folders.root())
    box.expire_access_tokens()

    top = folders.list_folders(folders.root())

    assert [f.name for f in top] == ["Archive", "Clients"]
    assert box.grants == ["refresh_token", "refresh_token"]
    assert box.calls.count("files/list_folder") == 3


def test_a_refused_refresh_asks_for_a_new_connection(
    box: FakeDropbox, folders: DropboxFolders, account: DropboxAccount
) -> None:
    folders.list_folders(folders.root())
    box.expire_access_tokens()
    box.refuse_refresh = True

    with pytest.raises(FolderLinkError) as refused:
        folders.list_folders(folders.root())

    assert refused.value.code == folder_links.RECONNECT_NEEDED
    assert account.needs_reconnect() and not account.is_connected()
    with pytest.raises(FolderLinkError) as again:
        DropboxFolders(account).list_folders(folders.root())
    assert again.value.code == folder_links.RECONNECT_NEEDED


def test_a_link_is_dead_once_unshared_or_its_folder_deleted(
    box: FakeDropbox, folders: DropboxFolders
) -> None:
    levi = folders.share(_folder(folders, "Clients", "Levi Consulting"))
    archive = folders.share(_folder(folders, "Archive"))
    assert folders.is_alive(levi.url, levi.target) and folders.is_alive(
        archive.url, archive.target
    )

    box.unshare("/Clients/Levi Consulting")
    box.delete("/Archive")

    assert not folders.is_alive(levi.url, levi.target)
    assert not folders.is_alive(archive.url, archive.target)
