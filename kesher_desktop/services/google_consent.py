"""The user's consent, asked in their browser: Google's installed-app flow on a loopback port.

This module loads google-auth-oauthlib and requests, so only `GoogleAccount.connect` imports
it, when the user asks to connect; nothing on the start-up path does.
"""

from __future__ import annotations

import logging
import os
import threading
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import requests
from google_auth_oauthlib.flow import InstalledAppFlow, WSGITimeoutError
from oauthlib.oauth2.rfc6749 import errors as oauth_errors
from oauthlib.oauth2.rfc6749.utils import scope_to_list

from kesher_desktop.services import google_errors
from kesher_desktop.services.google_client import OAuthClient
from kesher_desktop.services.google_errors import GoogleAccountError

log = logging.getLogger(__name__)

# Google answers with scopes spelled otherwise than asked ("email" comes back as
# ".../userinfo.email") and, with include_granted_scopes, with ones granted before; oauthlib
# would take that for an attack and raise. What was granted is checked by the caller instead.
os.environ.setdefault("OAUTHLIB_RELAX_TOKEN_SCOPE", "1")


@dataclass(frozen=True)
class ConsentAnswer:
    """What the token endpoint gave for the code the browser brought back."""

    refresh_token: str | None
    id_token: str | None
    granted_scopes: frozenset[str]


class ConsentAttempt:
    """One wait for the browser, which another thread (the window's Cancel) may call off.

    Cancelling before the code is exchanged ends the wait at once and nothing is kept; once
    the attempt has settled, cancelling changes nothing and the real outcome stands.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._settled = False
        self._redirect_uri = ""

    def cancel(self) -> None:
        """Safe from any thread; returns at once."""
        with self._lock:
            if self._settled or self._cancelled:
                return
            self._cancelled = True
            redirect_uri = self._redirect_uri
        log.info("google consent cancelled")
        if redirect_uri:
            # The library's loopback server blocks in handle_request() until a request comes
            # or its time-out passes; a request of our own is the one way to end it sooner.
            threading.Thread(target=_knock, args=(redirect_uri,), daemon=True).start()

    @property
    def cancelled(self) -> bool:
        with self._lock:
            return self._cancelled

    def listening_at(self, redirect_uri: str) -> None:
        """Called by the flow once its loopback server listens; stops it if cancelled."""
        with self._lock:
            self._redirect_uri = redirect_uri
            cancelled = self._cancelled
        if cancelled:
            raise GoogleAccountError(google_errors.CANCELLED)

    def settle(self) -> bool:
        """Mark the attempt over; True when it had been cancelled first."""
        with self._lock:
            self._settled = True
            return self._cancelled


class _AttemptFlow(InstalledAppFlow):
    """The library's flow, which reports where it listens and opens the browser our way.

    run_local_server() asks for the authorization URL after its server listens and before
    it waits, which is the moment to hand the URL over.
    """

    attempt: ConsentAttempt
    open_browser: Callable[[str], bool]

    def authorization_url(self, **kwargs: object) -> tuple[str, str]:
        url, state = super().authorization_url(**kwargs)
        self.attempt.listening_at(self.redirect_uri)
        if not self.open_browser(url):
            log.warning("no browser opened for the google consent page")
        return url, state


def ask_consent(
    client: OAuthClient,
    scopes: Sequence[str],
    timeout_seconds: float,
    open_browser: Callable[[str], bool],
    attempt: ConsentAttempt,
    browser_message: str,
    login_hint: str = "",
) -> ConsentAnswer:
    """Run the flow to the end; blocks until the browser comes back, so never on the UI thread.

    PKCE (S256) is the library's default. `login_hint` names the account Google's page
    should offer first; the user may still choose another. Raises GoogleAccountError with
    the reason.
    """
    flow = _AttemptFlow.from_client_config(client.flow_config(), scopes=list(scopes))
    flow.attempt, flow.open_browser = attempt, open_browser
    hint = {"login_hint": login_hint} if login_hint else {}
    try:
        flow.run_local_server(
            host="localhost",
            port=0,
            open_browser=False,
            authorization_prompt_message="",
            success_message=browser_message,
            timeout_seconds=timeout_seconds,
            access_type="offline",
            prompt="consent",
            include_granted_scopes="true",
            **hint,
        )
    except Exception as error:
        if attempt.settle():
            raise GoogleAccountError(google_errors.CANCELLED) from error
        reason = _reason(error)
        if reason is None:
            raise
        raise reason from error
    if attempt.settle():
        raise GoogleAccountError(google_errors.CANCELLED)

    token = flow.oauth2session.token
    return ConsentAnswer(
        refresh_token=token.get("refresh_token") or None,
        id_token=token.get("id_token") or None,
        granted_scopes=frozenset(scope_to_list(token.get("scope")) or ()),
    )


def _reason(error: Exception) -> GoogleAccountError | None:
    """The GoogleAccountError that names `error` for the user; None to let it go as it is."""
    if isinstance(error, GoogleAccountError):
        return None
    if isinstance(error, WSGITimeoutError):
        log.info("google consent timed out")
        return GoogleAccountError(google_errors.TIMED_OUT)
    if isinstance(error, oauth_errors.AccessDeniedError):
        log.info("google consent denied in the browser")
        return GoogleAccountError(google_errors.ACCESS_DENIED)
    if isinstance(error, oauth_errors.InvalidGrantError):
        log.warning("google refused the authorization code: %s", error.description)
        return GoogleAccountError(google_errors.CODE_REFUSED)
    if isinstance(error, oauth_errors.OAuth2Error):
        log.warning("google consent failed error=%s: %s", error.error, error.description)
        return GoogleAccountError(google_errors.REFUSED, error=error.error)
    # Before OSError: requests' errors derive from it.
    if isinstance(error, requests.RequestException):
        log.warning("google token endpoint unreachable: %s", error)
        return GoogleAccountError(google_errors.UNREACHABLE)
    if isinstance(error, OSError):
        log.warning("no loopback port for the google redirect: %s", error)
        return GoogleAccountError(google_errors.NO_LOOPBACK)
    return None


def _knock(redirect_uri: str) -> None:
    """A request to the loopback server that ends its wait, as a browser's visit would."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        opener.open(f"{redirect_uri}?error=cancelled_by_user", timeout=5).close()
    except OSError as error:
        log.debug("loopback server gone before the cancel reached it: %s", error)
