"""Disconnecting Dropbox through the real SDK against the fake server: the access is revoked
at Dropbox and forgotten here; when Dropbox cannot be told, it is still forgotten here."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from dropbox.exceptions import AuthError

from kesher_desktop.services.dropbox_account import (
    RECONNECT_KEY,
    REFRESH_TOKEN_KEY,
    DropboxAccount,
)
from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.settings import DROPBOX_APP_KEY_VARIABLE, Settings
from tests.dropbox_fake.server import APP_KEY, EMAIL, FakeDropbox, dropbox_server


@pytest.fixture(autouse=True)
def _own_key(monkeypatch: pytest.MonkeyPatch) -> None:
    # The key comes from the settings below, never from the machine running the tests.
    monkeypatch.delenv(DROPBOX_APP_KEY_VARIABLE, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture
def box() -> Iterator[FakeDropbox]:
    with dropbox_server() as server:
        yield server


@pytest.fixture
def settings() -> Settings:
    return Settings(dropbox_app_key=APP_KEY)


def test_disconnecting_revokes_the_access_at_dropbox_and_forgets_it(
    box: FakeDropbox, secrets: SecretStore, settings: Settings
) -> None:
    account = DropboxAccount(secrets, lambda: settings, box.session)
    consent = account.start_connect()
    account.finish_connect(consent, box.consent(consent.url))
    refresh_token = secrets.get(REFRESH_TOKEN_KEY)
    client = account.client()
    assert client.users_get_current_account().email == EMAIL

    assert account.disconnect() is True

    assert box.revoked == [refresh_token]
    assert secrets.get(REFRESH_TOKEN_KEY) is None and not account.is_connected()
    # Dropbox no longer takes the old access, nor a new one made from the old token.
    with pytest.raises(AuthError):
        client.users_get_current_account()
    secrets.set(REFRESH_TOKEN_KEY, refresh_token)
    with pytest.raises(AuthError):
        account.client().users_get_current_account()


def test_a_dropbox_that_cannot_be_reached_is_forgotten_here_all_the_same(
    secrets: SecretStore, settings: Settings
) -> None:
    with dropbox_server() as box:
        account = DropboxAccount(secrets, lambda: settings, box.session)
        secrets.set(REFRESH_TOKEN_KEY, box.connected_token())
    # The server is gone: nothing answers on its port any more.

    assert account.disconnect() is False

    assert secrets.get(REFRESH_TOKEN_KEY) is None and not account.is_connected()


def test_a_refusal_by_dropbox_is_forgotten_here_all_the_same(
    box: FakeDropbox, secrets: SecretStore, settings: Settings
) -> None:
    account = DropboxAccount(secrets, lambda: settings, box.session)
    secrets.set(REFRESH_TOKEN_KEY, box.connected_token())
    box.refuse_refresh = True

    assert account.disconnect() is False

    assert box.revoked == [] and box.grants == ["refresh_token"]
    assert secrets.get(REFRESH_TOKEN_KEY) is None


def test_without_an_app_key_the_token_is_still_forgotten(
    box: FakeDropbox, secrets: SecretStore
) -> None:
    account = DropboxAccount(secrets, Settings, box.session)
    secrets.set(REFRESH_TOKEN_KEY, box.connected_token())

    assert account.disconnect() is False

    assert box.grants == [] and secrets.get(REFRESH_TOKEN_KEY) is None


def test_with_nothing_stored_dropbox_is_not_asked_and_the_mark_goes(
    box: FakeDropbox, secrets: SecretStore, settings: Settings
) -> None:
    account = DropboxAccount(secrets, lambda: settings, box.session)
    account.mark_reconnect_needed("invalid_grant")
    assert account.needs_reconnect()

    assert account.disconnect() is True

    assert box.grants == [] and box.calls == []
    assert secrets.get(RECONNECT_KEY) is None and not account.needs_reconnect()
