"""The SMTP password in a real keyring backend (keyrings.alt's file, in a temporary folder)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyrings.alt.file import PlaintextKeyring

from kesher_desktop.services.secrets import (
    SERVICE_NAME,
    SecretStore,
    SecretsUnavailableError,
    smtp_password_key,
)
from kesher_desktop.settings import SmtpSecurity, SmtpSettings


@contextmanager
def _keyring_set_to(backend: KeyringBackend) -> Iterator[None]:
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield
    finally:
        keyring.set_keyring(before)


def test_a_secret_is_kept_in_the_keyring_under_the_apps_name(
    file_keyring: PlaintextKeyring,
) -> None:
    # A plain file stands in for the system keyring here, so it must be allowed explicitly.
    secrets = SecretStore(allow_plain_file=True)

    secrets.set("smtp:me@mail.example.com:587", "סיסמה-p@ss")

    assert secrets.get("smtp:me@mail.example.com:587") == "סיסמה-p@ss"
    assert file_keyring.get_password(SERVICE_NAME, "smtp:me@mail.example.com:587") == "סיסמה-p@ss"
    assert secrets.get("smtp:other@mail.example.com:587") is None


def test_deleting_forgets_and_deleting_twice_is_harmless(file_keyring: PlaintextKeyring) -> None:
    secrets = SecretStore(allow_plain_file=True)
    secrets.set("key", "value")

    secrets.delete("key")
    secrets.delete("key")

    assert secrets.get("key") is None


def test_a_plain_file_keyring_is_refused_unless_allowed(file_keyring: PlaintextKeyring) -> None:
    # keyring chooses keyrings.alt's plain file by itself wherever that package is installed.
    secrets = SecretStore()

    with pytest.raises(SecretsUnavailableError) as raised:
        secrets.set("key", "value")

    assert "plain file" in raised.value.params["reason"]
    assert not secrets.is_available()
    assert file_keyring.get_password(SERVICE_NAME, "key") is None


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_no_keyring_backend_is_told_as_unavailable(backend: KeyringBackend) -> None:
    secrets = SecretStore()
    with _keyring_set_to(backend):
        assert not secrets.is_available()
        for attempt in (lambda: secrets.get("key"), lambda: secrets.set("key", "value")):
            with pytest.raises(SecretsUnavailableError) as raised:
                attempt()
            assert raised.value.code == "secrets_unavailable"


def test_a_chain_of_no_backends_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    secrets = SecretStore()

    with _keyring_set_to(chainer.ChainerBackend()):
        assert not secrets.is_available()
        with pytest.raises(SecretsUnavailableError):
            secrets.set("key", "value")


def test_a_chain_with_a_usable_backend_is_used(
    monkeypatch: pytest.MonkeyPatch, file_keyring: PlaintextKeyring
) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [file_keyring])
    secrets = SecretStore(allow_plain_file=True)

    with _keyring_set_to(chainer.ChainerBackend()):
        secrets.set("key", "value")
        assert secrets.get("key") == "value"


def test_the_smtp_password_is_keyed_by_user_server_and_port() -> None:
    settings = SmtpSettings("mail.example.com", 465, SmtpSecurity.SSL, "me", "me@example.com")
    assert smtp_password_key(settings) == "smtp:me@mail.example.com:465"
