"""The user's Google account: connecting it, the credentials the sync uses, disconnecting it.

Only the refresh token is kept, in the operating system's keyring; access tokens live in
memory inside the Credentials built from it. Which account it is (its e-mail) is for the
caller to show and keep in the settings. Network calls here block, so callers run `connect`
and `disconnect` off the UI thread.
"""

from __future__ import annotations

import logging
import webbrowser
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kesher_desktop.services import google_errors
from kesher_desktop.services.google_client import GOOGLE_REVOKE_URI, OAuthClient, read_client_file
from kesher_desktop.services.google_errors import GoogleAccountError
from kesher_desktop.services.secrets import SecretStore, SecretsUnavailableError
from kesher_desktop.settings import Settings

if TYPE_CHECKING:
    from google.oauth2.credentials import Credentials

    from kesher_desktop.services.google_consent import ConsentAttempt

log = logging.getLogger(__name__)

CALENDAR_SCOPES = [
    "https://www.googleapis.com/auth/calendar.events",
    "https://www.googleapis.com/auth/calendar.readonly",
]
# Asked with every connection so the token answer names the account (its id_token).
IDENTITY_SCOPES = ["openid", "email"]

REFRESH_TOKEN_KEY = "google:refresh-token"
RECONNECT_KEY = "google:reconnect-needed"

DEFAULT_TIMEOUT_SECONDS = 180
_REVOKE_TIMEOUT_SECONDS = 10
_BROWSER_MESSAGE = "Kesher is connected to your Google account. You can close this page."


class GoogleAccount:
    """The one Google account Kesher works with, as far as this computer knows it.

    States: not connected (no refresh token), connected (a token is stored), and reconnect
    needed (Google refused the token; see `mark_reconnect_needed`). The OAuth client file
    is looked up through the settings at each call, so a changed setting counts at once.
    """

    def __init__(self, secrets: SecretStore, settings_provider: Callable[[], Settings]) -> None:
        self._secrets = secrets
        self._settings = settings_provider

    # -- the client file -------------------------------------------------------------------

    def client_file(self) -> Path | None:
        """The OAuth client file, when it names a usable desktop client; None otherwise."""
        return None if self.client_problem() else self._settings().google_client_path()

    def missing_client_reason(self) -> str | None:
        """Why there is no usable client file, as an error code; None when there is one."""
        problem = self.client_problem()
        return problem.code if problem else None

    def client_problem(self) -> GoogleAccountError | None:
        """Like `missing_client_reason`, with the path it is about, for a message to name."""
        try:
            self._client()
        except GoogleAccountError as problem:
            return problem
        return None

    # -- state -----------------------------------------------------------------------------

    def is_connected(self) -> bool:
        """Whether a refresh token is stored; False too when the keyring cannot be read."""
        return self._stored(REFRESH_TOKEN_KEY) is not None

    def needs_reconnect(self) -> bool:
        return self._stored(RECONNECT_KEY) is not None

    def mark_reconnect_needed(self, reason: str) -> None:
        """Google answered `invalid_grant` (revoked, expired, password changed): ask again.

        The refresh token is dropped, not kept for diagnosis: Google never accepts a refused
        one again, and a dead secret in the keyring only misleads. The reason is logged and
        kept as the mark. Nothing in the store is touched; the next connect clears the mark.
        Raises SecretsUnavailableError when the keyring refuses.
        """
        log.warning("google account needs reconnecting reason=%s", reason)
        self._secrets.set(RECONNECT_KEY, reason or "invalid_grant")
        self._secrets.delete(REFRESH_TOKEN_KEY)

    def credentials(self) -> Credentials:
        """Credentials that fetch an access token when first used, from the stored refresh
        token; raises GoogleAccountError when there is no client file or no token."""
        from google.oauth2.credentials import Credentials

        client = self._client()
        refresh_token = self._secrets.get(REFRESH_TOKEN_KEY)
        if not refresh_token:
            raise GoogleAccountError(google_errors.NOT_CONNECTED)
        # No scopes: a refresh then yields every scope the user granted to this client.
        return Credentials(
            token=None,
            refresh_token=refresh_token,
            token_uri=client.token_uri,
            client_id=client.client_id,
            client_secret=client.client_secret,
        )

    # -- connecting ------------------------------------------------------------------------

    def connect(
        self,
        scopes: Sequence[str] = CALENDAR_SCOPES,
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
        open_browser: Callable[[str], bool] | None = None,
        *,
        attempt: ConsentAttempt | None = None,
        browser_message: str = _BROWSER_MESSAGE,
        expected_account: str = "",
    ) -> str | None:
        """Ask the user's consent in the browser and keep the refresh token it yields.

        Blocks until the browser comes back, `timeout_seconds` pass or `attempt` is
        cancelled. Scopes granted before are kept (include_granted_scopes), so another
        feature can ask for its own scope later. Returns the account's e-mail when the
        answer names it. Raises GoogleAccountError, or SecretsUnavailableError.

        With `expected_account` (the account already in use), Google's page offers that
        account first, and an answer for another one is refused (ACCOUNT_MISMATCH) before
        its token is kept: the stored token, and the calendar sync using it, stay as they
        were.
        """
        from kesher_desktop.services.google_consent import ConsentAttempt, ask_consent

        client = self._client()
        asked = list(dict.fromkeys([*scopes, *IDENTITY_SCOPES]))
        log.info("google consent starting scopes=%s", " ".join(asked))
        answer = ask_consent(
            client,
            asked,
            timeout_seconds,
            open_browser or webbrowser.open,
            attempt or ConsentAttempt(),
            browser_message,
            login_hint=expected_account,
        )
        email = _email_in(answer.id_token)
        _check_same_account(expected_account, email)

        # An answer without "scope" grants what was asked (RFC 6749, 5.1); with one, the
        # consent screen may have let the user untick some, and those are needed.
        granted = answer.granted_scopes or frozenset(scopes)
        missing = [scope for scope in scopes if scope not in granted]
        if missing:
            log.warning("google consent lacks scopes %s", " ".join(missing))
            raise GoogleAccountError(google_errors.SCOPES_MISSING, scopes=" ".join(missing))
        self._keep_refresh_token(answer.refresh_token)
        self._secrets.delete(RECONNECT_KEY)
        log.info("google account connected email_known=%s", email is not None)
        return email

    def disconnect(self) -> bool:
        """Revoke the token at Google and forget it here; forgotten even when Google cannot
        be reached. Returns whether Google confirmed the revocation (True with no token)."""
        refresh_token = self._secrets.get(REFRESH_TOKEN_KEY)
        revoked = True
        if refresh_token:
            revoked = _revoke(self._revoke_uri(), refresh_token)
        self._secrets.delete(REFRESH_TOKEN_KEY)
        self._secrets.delete(RECONNECT_KEY)
        log.info("google account disconnected revoked=%s", revoked)
        return revoked

    # -- helpers ---------------------------------------------------------------------------

    def _client(self) -> OAuthClient:
        return read_client_file(self._settings().google_client_path())

    def _stored(self, key: str) -> str | None:
        try:
            return self._secrets.get(key)
        except SecretsUnavailableError:
            return None

    def _keep_refresh_token(self, refresh_token: str | None) -> None:
        """Store a new token; an answer without one never replaces the one stored."""
        if refresh_token:
            self._secrets.set(REFRESH_TOKEN_KEY, refresh_token)
            return
        if self._secrets.get(REFRESH_TOKEN_KEY) is None:
            raise GoogleAccountError(google_errors.NO_REFRESH_TOKEN)
        log.info("google answer had no refresh token; the stored one is kept")

    def _revoke_uri(self) -> str:
        try:
            return self._client().revoke_uri
        except GoogleAccountError:
            # The client file went away; the token can still be revoked at Google's address.
            return GOOGLE_REVOKE_URI


def _revoke(uri: str, token: str) -> bool:
    import requests

    try:
        answer = requests.post(uri, data={"token": token}, timeout=_REVOKE_TIMEOUT_SECONDS)
    except requests.RequestException as error:
        log.warning("google token not revoked, forgotten anyway: %s", error)
        return False
    if answer.status_code != 200:
        log.warning(
            "google token not revoked, forgotten anyway status=%s body=%.200s",
            answer.status_code,
            answer.text,
        )
        return False
    return True


def _check_same_account(expected: str, email: str | None) -> None:
    """Refuse an answer for another account than `expected`; nothing has been kept yet.

    The new refresh token is dropped, not revoked: revoking it would end Kesher's access
    for that other account everywhere, which may be in use on another computer.
    """
    if not expected or email is None or email.casefold() == expected.casefold():
        # An answer that names no account cannot be told apart; Google names it whenever
        # "openid email" is asked, as every connection here does.
        return
    log.warning("google consent for another account than the one in use; nothing kept")
    raise GoogleAccountError(google_errors.ACCOUNT_MISMATCH, expected=expected, chosen=email)


def _email_in(id_token: str | None) -> str | None:
    """The address in the id_token, read without checking its signature.

    Good enough only because the address is shown to the user and nothing is decided by it:
    the token came straight from the token endpoint over the connection Kesher opened (the
    test server's tokens are not even signed). Never use this to decide who may do what.
    """
    if not id_token:
        return None
    from google.auth import jwt

    try:
        claims = jwt.decode(id_token, verify=False)
    except ValueError as error:
        log.warning("google id_token unreadable: %s", error)
        return None
    email = claims.get("email")
    return str(email) if email else None
