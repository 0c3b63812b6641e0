"""Passwords kept in the operating system's keyring, never in the database or a plain file."""

from __future__ import annotations

import logging

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, PasswordDeleteError

from kesher_desktop.services.errors import ServiceError
from kesher_desktop.settings import ImapSettings, SmtpSettings

log = logging.getLogger(__name__)

SERVICE_NAME = "Kesher Desktop"

# keyrings.alt's unencrypted file: keyring picks it by itself wherever that package is
# installed (a developer's environment), and it would put the password in a plain file.
_PLAIN_FILE_BACKENDS = {"keyrings.alt.file.PlaintextKeyring"}


class SecretsUnavailableError(ServiceError):
    """There is no usable keyring on this machine, or it refused the request."""

    def __init__(self, reason: str) -> None:
        super().__init__("secrets_unavailable", reason=reason)


class SecretStore:
    """Secrets by key under the service name "Kesher Desktop".

    Uses the keyring that `keyring` chose (or was told to use with `keyring.set_keyring`)
    at each call, so a backend set later is honoured. A plain-file keyring is refused
    unless `allow_plain_file` is set, which only tests do.
    """

    def __init__(self, allow_plain_file: bool = False) -> None:
        self._allow_plain_file = allow_plain_file

    def get(self, key: str) -> str | None:
        backend = self._backend()
        try:
            return backend.get_password(SERVICE_NAME, key)
        except KeyringError as error:
            raise _unavailable(error) from error

    def set(self, key: str, value: str) -> None:
        backend = self._backend()
        try:
            backend.set_password(SERVICE_NAME, key, value)
        except KeyringError as error:
            raise _unavailable(error) from error
        log.info("secret stored key=%s backend=%s", key, _name(backend))

    def delete(self, key: str) -> None:
        """Forget the secret; forgetting one that is not there is not an error."""
        backend = self._backend()
        try:
            backend.delete_password(SERVICE_NAME, key)
        except PasswordDeleteError:
            return
        except KeyringError as error:
            raise _unavailable(error) from error
        log.info("secret deleted key=%s", key)

    def rekey(self, old_key: str, new_key: str, typed: str, keep: bool = True) -> None:
        """Keep an account's password under its key of now, and never under an old one.

        `typed` is a password just typed, kept under `new_key`; empty, the one stored
        under `old_key` moves there. With `keep` false (the account was emptied: mail
        turned off) nothing is kept. Keys name the user, server and port, so a change of
        any of them would otherwise leave the old password behind in the keyring.
        """
        if keep and typed:
            self.set(new_key, typed)
        elif keep and old_key != new_key:
            stored = self.get(old_key)
            if stored is not None:
                self.set(new_key, stored)
        if old_key != new_key or not keep:
            self.delete(old_key)

    def is_available(self) -> bool:
        """Whether a secret can be kept here; for a settings form to say so before asking."""
        try:
            self._backend()
        except SecretsUnavailableError:
            return False
        return True

    def _backend(self) -> KeyringBackend:
        backend = keyring.get_keyring()
        reason = self._unusable_because(backend)
        if reason:
            raise SecretsUnavailableError(reason)
        return backend

    def _unusable_because(self, backend: KeyringBackend) -> str:
        if isinstance(backend, fail.Keyring | null.Keyring):
            return f"no keyring backend ({_name(backend)})"
        if isinstance(backend, chainer.ChainerBackend):
            chained = [self._unusable_because(each) for each in backend.backends]
            if not chained or all(chained):
                return "no usable keyring backend to chain"
            return ""
        if _name(backend) in _PLAIN_FILE_BACKENDS and not self._allow_plain_file:
            return f"{_name(backend)} keeps passwords in a plain file"
        return ""


def smtp_password_key(settings: SmtpSettings) -> str:
    """The key of the SMTP password: one per user, server and port."""
    return f"smtp:{settings.user}@{settings.host}:{settings.port}"


def imap_password_key(settings: ImapSettings) -> str:
    """The key of the tracking mailbox's password: one per user, server and port."""
    return f"imap:{settings.user}@{settings.host}:{settings.port}"


def _name(backend: KeyringBackend) -> str:
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


def _unavailable(error: KeyringError) -> SecretsUnavailableError:
    log.warning("keyring refused: %s", error)
    return SecretsUnavailableError(str(error) or type(error).__name__)
