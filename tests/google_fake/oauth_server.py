"""A fake of Google's OAuth 2.0 endpoints on 127.0.0.1, and a browser that consents on it.

    with oauth_server() as google:
        client_file = google.write_client_file(tmp_path)
        browser = ConsentBrowser()          # pass as open_browser: it visits the consent page
        google.deny = True                  # the user presses Cancel on Google's page
        google.grant_only = {...}           # the user unticks the other scopes
        google.omit_refresh_token = True    # an answer without a refresh token
        google.refuse_with = "invalid_grant"  # the token endpoint refuses every request
        google.account = "other@gmail.com"  # the user signs in as another account

Like Google's: the consent page redirects to the loopback with code and state; the token
endpoint checks the client, the single-use code, its redirect URI and the PKCE verifier
against the S256 challenge, and answers "email" as userinfo.email and, when asked with
include_granted_scopes, also the scopes granted before. Its id_token is an unsigned JWT.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from tests.fake_http import HOST, FakeServer, serving

CLIENT_ID = "1234-kesher-test.apps.googleusercontent.com"
CLIENT_SECRET = "GOCSPX-test-secret"
ACCOUNT = "noa.barak@gmail.com"
USERINFO_EMAIL = "https://www.googleapis.com/auth/userinfo.email"
# What Google writes back for the short names of the identity scopes.
_LONG_NAMES = {"email": USERINFO_EMAIL}


@dataclass
class _Code:
    """An authorization code as issued: good once, for this redirect and this challenge."""

    redirect_uri: str
    challenge: str
    scopes: frozenset[str]


@dataclass
class FakeGoogle:
    port: int
    deny: bool = False
    grant_only: set[str] | None = None
    omit_refresh_token: bool = False
    refuse_with: str = ""
    # The account the user signs in as on the consent page, whatever login_hint offered.
    account: str = ACCOUNT
    # What the endpoints were asked, in order: query or form fields of each request.
    authorizations: list[dict[str, str]] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    revoked: list[str] = field(default_factory=list)
    # Live refresh tokens and the scopes they carry.
    refresh_tokens: dict[str, frozenset[str]] = field(default_factory=dict)
    granted_before: set[str] = field(default_factory=set)
    # Access tokens issued and the scopes they carry, for a fake API to accept them.
    access_tokens: dict[str, frozenset[str]] = field(default_factory=dict)
    _codes: dict[str, _Code] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def client_config(self, **overrides: Any) -> dict[str, Any]:
        installed = {
            "client_id": CLIENT_ID,
            "project_id": "kesher-test",
            "auth_uri": f"{self.base}/o/oauth2/auth",
            "token_uri": f"{self.base}/token",
            "revoke_uri": f"{self.base}/revoke",
            "client_secret": CLIENT_SECRET,
            "redirect_uris": ["http://localhost"],
        }
        installed.update(overrides)
        return {"installed": installed}

    def write_client_file(self, folder: Path, **overrides: Any) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "client_secret.json"
        path.write_text(json.dumps(self.client_config(**overrides)), encoding="utf-8")
        return path

    # -- the endpoints ---------------------------------------------------------------------

    def authorize(self, query: dict[str, str]) -> tuple[int, dict[str, str], str]:
        """GET /o/oauth2/auth: a redirect to the loopback, or an error page (no redirect)."""
        with self._lock:
            self.authorizations.append(query)
        redirect_uri = query.get("redirect_uri", "")
        if query.get("client_id") != CLIENT_ID or not _is_loopback(redirect_uri):
            return 400, {}, "Error 400: redirect_uri_mismatch or unknown client"
        if query.get("response_type") != "code" or query.get("code_challenge_method") != "S256":
            return 400, {}, "Error 400: invalid_request"
        state = query.get("state", "")
        if self.deny:
            return (
                302,
                {"Location": _with_query(redirect_uri, error="access_denied", state=state)},
                "",
            )

        scopes = self._granted(query)
        code = "4/" + secrets.token_urlsafe(24)
        with self._lock:
            self._codes[code] = _Code(redirect_uri, query.get("code_challenge", ""), scopes)
        location = _with_query(
            redirect_uri, state=state, code=code, scope=" ".join(sorted(scopes))
        )
        return 302, {"Location": location}, ""

    def token(self, form: dict[str, str], basic: tuple[str, str] | None) -> tuple[int, Any]:
        """POST /token: the code (or a refresh token) exchanged for tokens."""
        with self._lock:
            self.token_requests.append(form)
        client_id, secret = basic or (form.get("client_id", ""), form.get("client_secret", ""))
        if (client_id, secret) != (CLIENT_ID, CLIENT_SECRET):
            return 401, {"error": "invalid_client", "error_description": "Unauthorized"}
        if self.refuse_with:
            return 400, {"error": self.refuse_with, "error_description": "Bad Request"}
        if form.get("grant_type") == "authorization_code":
            return self._exchange_code(form)
        if form.get("grant_type") == "refresh_token":
            return self._refresh(form)
        return 400, {"error": "unsupported_grant_type"}

    def revoke(self, form: dict[str, str]) -> tuple[int, Any]:
        """POST /revoke: forgets a refresh token; an unknown one is `invalid_token`."""
        token = form.get("token", "")
        with self._lock:
            if self.refresh_tokens.pop(token, None) is None:
                return 400, {"error": "invalid_token", "error_description": "Token expired"}
            self.revoked.append(token)
            self.granted_before.clear()
        return 200, {}

    # -- helpers ---------------------------------------------------------------------------

    def _granted(self, query: dict[str, str]) -> frozenset[str]:
        asked = {_LONG_NAMES.get(scope, scope) for scope in query.get("scope", "").split()}
        if self.grant_only is not None:
            # The identity scopes are not tickable on Google's page; the others are.
            asked = {s for s in asked if s in self.grant_only or s in ("openid", USERINFO_EMAIL)}
        if query.get("include_granted_scopes") == "true":
            asked |= self.granted_before
        return frozenset(asked)

    def _exchange_code(self, form: dict[str, str]) -> tuple[int, Any]:
        with self._lock:
            issued = self._codes.pop(form.get("code", ""), None)
        if issued is None:
            return 400, {"error": "invalid_grant", "error_description": "Malformed auth code."}
        if form.get("redirect_uri") != issued.redirect_uri:
            return 400, {"error": "redirect_uri_mismatch", "error_description": "Bad Request"}
        if _s256(form.get("code_verifier", "")) != issued.challenge:
            return 400, {"error": "invalid_grant", "error_description": "Invalid code verifier."}

        answer = self._access(issued.scopes)
        if not self.omit_refresh_token:
            refresh_token = "1//" + secrets.token_urlsafe(32)
            answer["refresh_token"] = refresh_token
            with self._lock:
                self.refresh_tokens[refresh_token] = issued.scopes
        with self._lock:
            self.granted_before |= issued.scopes
        if "openid" in issued.scopes:
            answer["id_token"] = _unsigned_jwt(
                {
                    "iss": "https://accounts.google.com",
                    "aud": CLIENT_ID,
                    "sub": _subject(self.account),
                    "email": self.account,
                    "email_verified": True,
                    "iat": int(time.time()),
                    "exp": int(time.time()) + 3600,
                }
            )
        return 200, answer

    def _refresh(self, form: dict[str, str]) -> tuple[int, Any]:
        with self._lock:
            scopes = self.refresh_tokens.get(form.get("refresh_token", ""))
        if scopes is None:
            return 400, {"error": "invalid_grant", "error_description": "Token has been revoked."}
        return 200, self._access(scopes)

    def _access(self, scopes: frozenset[str]) -> dict[str, Any]:
        token = "ya29." + secrets.token_urlsafe(24)
        with self._lock:
            self.access_tokens[token] = scopes
        return {
            "access_token": token,
            "expires_in": 3599,
            "scope": " ".join(sorted(scopes)),
            "token_type": "Bearer",
        }


class _Handler(BaseHTTPRequestHandler):
    server: FakeServer

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path != "/o/oauth2/auth":
            self._send(404, {}, "not found")
            return
        status, headers, body = self.server.fake.authorize(dict(parse_qsl(url.query)))
        self._send(status, headers, body)

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        form = dict(parse_qsl(self.rfile.read(length).decode()))
        fake = self.server.fake
        if self.path == "/token":
            status, answer = fake.token(form, _basic(self.headers.get("Authorization", "")))
        elif self.path == "/revoke":
            status, answer = fake.revoke(form)
        else:
            status, answer = 404, {"error": "not_found"}
        self._send(status, {"Content-Type": "application/json"}, json.dumps(answer))

    def _send(self, status: int, headers: dict[str, str], body: str) -> None:
        payload = body.encode()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        # Quiet: the tests read what the fake recorded, not its access log.
        return


@contextmanager
def oauth_server() -> Iterator[FakeGoogle]:
    """Run the fake for the block on a free port of 127.0.0.1."""
    with serving(_Handler, lambda port: FakeGoogle(port=port)) as fake:
        yield fake


class ConsentBrowser:
    """Stands in for the user's browser, as an `open_browser` callable.

    Each call visits the consent URL on a thread of its own, as a separate browser process
    would (the loopback server is not yet waiting when the URL is handed over), and follows
    the redirect to the loopback. `pages` holds what the last page said.
    """

    def __init__(self) -> None:
        self.visited: list[str] = []
        self.pages: list[str] = []
        self.failures: list[str] = []
        self._done = threading.Event()

    def __call__(self, url: str) -> bool:
        self.visited.append(url)
        threading.Thread(target=self._visit, args=(url,), daemon=True).start()
        return True

    def wait(self, timeout: float = 10) -> bool:
        return self._done.wait(timeout)

    def _visit(self, url: str) -> None:
        # No proxy, whatever the environment says: everything here is on this machine.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(url, timeout=10) as page:
                self.pages.append(page.read().decode())
        except OSError as error:
            self.failures.append(str(error))
        finally:
            self._done.set()


def visit(url: str) -> str:
    """One request as a browser makes it, without following redirects; the Location or body."""
    request = urllib.request.Request(url)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect())
    try:
        with opener.open(request, timeout=10) as page:
            return page.read().decode()
    except urllib.error.HTTPError as answer:
        return answer.headers.get("Location") or answer.read().decode()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any) -> None:
        return None


def _is_loopback(uri: str) -> bool:
    parts = urlsplit(uri)
    return parts.scheme == "http" and parts.hostname in ("localhost", "127.0.0.1", "::1")


def _with_query(uri: str, **params: str) -> str:
    return f"{uri}{'&' if '?' in uri else '?'}{urlencode(params)}"


def _s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _subject(account: str) -> str:
    """Google's stable numeric id of an account, made up from its address."""
    return "108" + str(int(hashlib.sha256(account.encode()).hexdigest(), 16))[:18]


def _unsigned_jwt(claims: dict[str, Any]) -> str:
    def part(value: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(claims)}."


def _basic(header: str) -> tuple[str, str] | None:
    """The client id and secret of an HTTP Basic header (requests-oauthlib sends them so)."""
    if not header.startswith("Basic "):
        return None
    user, _, password = base64.b64decode(header[6:]).decode().partition(":")
    return user, password
