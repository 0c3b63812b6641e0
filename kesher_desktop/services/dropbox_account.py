"""The user's Dropbox account: its app key, connecting and disconnecting it, and a client.

Connecting is Dropbox's OAuth 2 code flow with PKCE and offline access, without a
redirect: the user allows Kesher on Dropbox's page and pastes the code it shows. Only the
refresh token is kept, in the keyring; the SDK fetches short-lived access tokens with it.
Network calls here block, so callers run them off the UI thread. The `dropbox` package
loads on first use, never on the app's start-up path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kesher_desktop.services import folder_links
from kesher_desktop.services.folder_links import FolderLinkError
from kesher_desktop.services.secrets import SecretStore, SecretsUnavailableError
from kesher_desktop.settings import Settings

if TYPE_CHECKING:
    import dropbox
    import requests

log = logging.getLogger(__name__)

REFRESH_TOKEN_KEY = "dropbox:refresh-token"
RECONNECT_KEY = "dropbox:reconnect-needed"
_TIMEOUT_SECONDS = 30

SessionFactory = Callable[[], "requests.Session"]


@dataclass
class DropboxConsent:
    """One connection attempt: the page to send the user to, and the flow that made it.

    The flow holds the PKCE verifier, so the code the page shows is exchanged by it.
    """

    url: str
    flow: Any


class DropboxAccount:
    """The one Dropbox account Kesher links folders from.

    `session_factory` makes the HTTP session every Dropbox call goes through; the tests
    route it to a fake server on 127.0.0.1, the app leaves the SDK's own.
    """

    def __init__(
        self,
        secrets: SecretStore,
        settings_provider: Callable[[], Settings],
        session_factory: SessionFactory | None = None,
    ) -> None:
        self._secrets = secrets
        self._settings = settings_provider
        self._session_factory = session_factory

    # -- state -----------------------------------------------------------------------------

    def app_key(self) -> str:
        return self._settings().dropbox_key()

    def is_configured(self) -> bool:
        return bool(self.app_key())

    def is_connected(self) -> bool:
        """Whether a refresh token is stored; False too when the keyring cannot be read."""
        return self._stored(REFRESH_TOKEN_KEY) is not None

    def needs_reconnect(self) -> bool:
        return self._stored(RECONNECT_KEY) is not None

    def mark_reconnect_needed(self, reason: str) -> None:
        """Dropbox refused the refresh token (revoked, app unlinked): the user must connect
        again. The dead token is dropped; the reason stays as the mark."""
        log.warning("dropbox account needs reconnecting reason=%s", reason)
        try:
            self._secrets.set(RECONNECT_KEY, reason or "invalid_grant")
            self._secrets.delete(REFRESH_TOKEN_KEY)
        except SecretsUnavailableError:
            log.warning("dropbox reconnect mark not kept: no keyring")

    def forget(self) -> None:
        """Drop the stored token and mark, as a disconnect does."""
        self._secrets.delete(REFRESH_TOKEN_KEY)
        self._secrets.delete(RECONNECT_KEY)
        log.info("dropbox account forgotten")

    def disconnect(self) -> bool:
        """Revoke Kesher's access at Dropbox, then forget the token here all the same.

        Returns whether Dropbox confirmed it (True too when no token was stored): False
        when Dropbox could not be reached, refused, or no app key is left to ask with.
        Raises SecretsUnavailableError when the keyring cannot be read.
        """
        revoked = True
        if self._secrets.get(REFRESH_TOKEN_KEY):
            revoked = self._revoke()
        self.forget()
        log.info("dropbox account disconnected revoked=%s", revoked)
        return revoked

    # -- connecting ------------------------------------------------------------------------

    def start_connect(self) -> DropboxConsent:
        """The page where the user allows Kesher; no network call is made yet."""
        from dropbox import DropboxOAuth2FlowNoRedirect

        flow = DropboxOAuth2FlowNoRedirect(
            self._key_or_raise(),
            use_pkce=True,
            token_access_type="offline",
            timeout=_TIMEOUT_SECONDS,
        )
        if self._session_factory is not None:
            # The flow posts the code with this attribute's session; the SDK sets it itself.
            flow.requests_session = self._session_factory()
        return DropboxConsent(flow.start(), flow)

    def finish_connect(self, consent: DropboxConsent, code: str) -> str:
        """Exchange the pasted code for tokens and keep the refresh token.

        Returns the account's e-mail, or "" when Dropbox would not say. Raises
        FolderLinkError (CODE_REFUSED, UNREACHABLE) or SecretsUnavailableError.
        """
        import requests

        try:
            result = consent.flow.finish(code.strip())
        except requests.HTTPError as error:
            log.warning("dropbox code refused status=%s", error.response.status_code)
            raise FolderLinkError(folder_links.CODE_REFUSED) from error
        except requests.RequestException as error:
            log.warning("dropbox not reached for the code: %s", type(error).__name__)
            raise FolderLinkError(folder_links.UNREACHABLE) from error
        if not result.refresh_token:
            # Only an app set to short-lived tokens without offline access answers so.
            raise FolderLinkError(folder_links.CODE_REFUSED, reason="no_refresh_token")
        self._secrets.set(REFRESH_TOKEN_KEY, result.refresh_token)
        self._secrets.delete(RECONNECT_KEY)
        email = self._email()
        log.info("dropbox account connected email_known=%s", bool(email))
        return email

    # -- using it --------------------------------------------------------------------------

    def client(self) -> dropbox.Dropbox:
        """A client that refreshes its access token by itself from the stored one.

        Raises FolderLinkError: NOT_CONFIGURED without an app key, NOT_CONNECTED (or
        RECONNECT_NEEDED) without a token.
        """
        import dropbox

        key = self._key_or_raise()
        try:
            refresh_token = self._secrets.get(REFRESH_TOKEN_KEY)
        except SecretsUnavailableError as error:
            raise FolderLinkError(folder_links.NOT_CONNECTED, reason="no_keyring") from error
        if not refresh_token:
            code = (
                folder_links.RECONNECT_NEEDED
                if self.needs_reconnect()
                else folder_links.NOT_CONNECTED
            )
            raise FolderLinkError(code)
        session = self._session_factory() if self._session_factory else None
        return dropbox.Dropbox(
            oauth2_refresh_token=refresh_token,
            app_key=key,
            session=session,
            timeout=_TIMEOUT_SECONDS,
            # Trying again later is the user's call; a dialog must not hang on retries.
            max_retries_on_error=0,
            max_retries_on_rate_limit=0,
        )

    # -- helpers ---------------------------------------------------------------------------

    def _key_or_raise(self) -> str:
        key = self.app_key()
        if not key:
            raise FolderLinkError(folder_links.NOT_CONFIGURED)
        return key

    def _revoke(self) -> bool:
        """Ask Dropbox to disable the stored refresh token and the access made from it."""
        import dropbox.exceptions
        import requests

        try:
            self.client().auth_token_revoke()
        except FolderLinkError as error:
            log.warning("dropbox access not revoked: %s", error.code)
            return False
        except (dropbox.exceptions.DropboxException, requests.RequestException) as error:
            log.warning("dropbox access not revoked: %s", type(error).__name__)
            return False
        return True

    def _stored(self, key: str) -> str | None:
        try:
            return self._secrets.get(key)
        except SecretsUnavailableError:
            return None

    def _email(self) -> str:
        """The connected account's address, for settings to show; "" if it cannot be read."""
        import dropbox.exceptions
        import requests

        try:
            account = self.client().users_get_current_account()
        except (dropbox.exceptions.DropboxException, requests.RequestException) as error:
            log.warning("dropbox account name not read: %s", type(error).__name__)
            return ""
        return str(account.email or "")
