"""A fake Dropbox API (OAuth token endpoint, files and sharing routes) on 127.0.0.1.

    with dropbox_server() as box:
        account = DropboxAccount(secrets, lambda: settings, box.session)
        box.add_folder("/Clients/Levi")        # folders (and files) of the user's Dropbox
        box.share("/Clients/Levi")             # a link made before: the next create answers
                                               # shared_link_already_exists
        box.omit_existing_metadata = True      # ...and names no link: list_shared_links then
        box.expire_access_tokens()             # the next call answers expired_access_token
        box.refuse_refresh = True              # the token endpoint refuses refresh tokens
        box.delete("/Clients/Levi"); box.unshare("/Clients/Levi")
        box.revoked                            # refresh tokens /2/auth/token/revoke disabled

How the real SDK gets here: `dropbox.Dropbox` and `DropboxOAuth2FlowNoRedirect` build every
URL as https://api.dropboxapi.com/..., and post through a `requests.Session` (the client's
`session=` argument, the flow's `requests_session` attribute). `box.session()` makes a
session whose transport adapter for that host rewrites the URL to this server's
http://127.0.0.1:port and sends it on; any other https address is refused, so a test can
never reach the real Dropbox. Nothing in the SDK is patched.

Like Dropbox: the code exchange checks the app key and the PKCE verifier against the S256
challenge of the authorize URL; every API call needs a live bearer token; route errors are
409 with a tagged `error`, as the SDK decodes them; revoking a token disables its refresh
token and every access token made from it, so a later call is refused.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests
from requests.adapters import HTTPAdapter

from tests.fake_http import HOST, FakeServer, serving

API_ORIGIN = "https://api.dropboxapi.com"
APP_KEY = "kesher-test-app-key"
EMAIL = "noa.barak@example.com"
ACCOUNT_ID = "dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc"

Answer = tuple[int, Any]


@dataclass
class Entry:
    """A file or folder of the fake Dropbox."""

    id: str
    path_display: str
    is_folder: bool

    @property
    def name(self) -> str:
        return self.path_display.rsplit("/", 1)[-1]

    @property
    def path_lower(self) -> str:
        return self.path_display.lower()

    def metadata(self) -> dict[str, Any]:
        common = {
            "name": self.name,
            "id": self.id,
            "path_lower": self.path_lower,
            "path_display": self.path_display,
        }
        if self.is_folder:
            return {".tag": "folder", **common}
        return {
            ".tag": "file",
            **common,
            "client_modified": "2026-03-01T08:00:00Z",
            "server_modified": "2026-03-01T08:00:00Z",
            "rev": "015f" + self.id[3:11].encode().hex(),
            "size": 1024,
        }


@dataclass
class FakeDropbox:
    port: int
    refuse_refresh: bool = False
    # Answer shared_link_already_exists without the link's metadata, as Dropbox may.
    omit_existing_metadata: bool = False
    # How many entries a list_folder page holds, so a test can make it page.
    page_size: int = 100
    entries: dict[str, Entry] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    # The routes called, in order, and the token requests' grant types.
    calls: list[str] = field(default_factory=list)
    grants: list[str] = field(default_factory=list)
    revoked: list[str] = field(default_factory=list)
    _codes: dict[str, str] = field(default_factory=dict)
    _refresh_tokens: set[str] = field(default_factory=set)
    _access_tokens: dict[str, bool] = field(default_factory=dict)
    # Which refresh token each access token was made from, so revoking can end them all.
    _made_from: dict[str, str] = field(default_factory=dict)
    _cursors: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    _lock: threading.RLock = field(default_factory=threading.RLock)

    # -- for tests -------------------------------------------------------------------------

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def session(self) -> requests.Session:
        """A session whose requests to Dropbox's API host reach this server instead."""
        session = requests.Session()
        session.trust_env = False
        session.mount("https://", _Refused())
        session.mount(f"{API_ORIGIN}/", _Rerouted(self.base))
        return session

    def add_folder(self, path: str) -> Entry:
        """A folder (and its parents) in the user's Dropbox."""
        parts = path.strip("/").split("/")
        for depth in range(1, len(parts) + 1):
            self._add("/" + "/".join(parts[:depth]), is_folder=True)
        return self.entries[path.lower()]

    def add_file(self, path: str) -> Entry:
        parent = path.rsplit("/", 1)[0]
        if parent:
            self.add_folder(parent)
        return self._add(path, is_folder=False)

    def share(self, path: str) -> str:
        """Make a link to the folder as the user would on dropbox.com; returns it."""
        entry = self.entries[path.lower()]
        with self._lock:
            return self.links.setdefault(entry.id, _link_url(entry))

    def unshare(self, path: str) -> None:
        with self._lock:
            self.links.pop(self.entries[path.lower()].id, None)

    def delete(self, path: str) -> None:
        """Delete a folder with what is in it; its link stops working, as Dropbox's does."""
        with self._lock:
            for key in [
                k for k in self.entries if k == path.lower() or k.startswith(path.lower() + "/")
            ]:
                self.links.pop(self.entries.pop(key).id, None)

    def consent(self, authorize_url: str, app_key: str = APP_KEY) -> str:
        """What Dropbox's page shows once the user allows the app: a code bound to the
        authorize URL's PKCE challenge. The test then "pastes" it."""
        query = dict(parse_qsl(urlsplit(authorize_url).query))
        assert query["client_id"] == app_key and query["code_challenge_method"] == "S256"
        assert query["token_access_type"] == "offline"
        code = secrets.token_urlsafe(16)
        with self._lock:
            self._codes[code] = query["code_challenge"]
        return code

    def expire_access_tokens(self) -> None:
        with self._lock:
            for token in self._access_tokens:
                self._access_tokens[token] = False

    def connected_token(self) -> str:
        """A refresh token issued as a consent would, for tests that start connected."""
        token = "rt-" + secrets.token_urlsafe(16)
        with self._lock:
            self._refresh_tokens.add(token)
        return token

    # -- the token endpoint ----------------------------------------------------------------

    def token(self, form: dict[str, str]) -> Answer:
        grant = form.get("grant_type", "")
        self.grants.append(grant)
        if form.get("client_id") != APP_KEY:
            return 400, {"error": "invalid_client", "error_description": "Invalid client_id"}
        if grant == "authorization_code":
            with self._lock:
                challenge = self._codes.pop(form.get("code", ""), None)
            if challenge is None or _s256(form.get("code_verifier", "")) != challenge:
                return 400, {"error": "invalid_grant", "error_description": "code doesn't exist"}
            refresh_token = self.connected_token()
            return 200, {
                **self._access(refresh_token),
                "refresh_token": refresh_token,
                "uid": "12345",
                "account_id": ACCOUNT_ID,
                "scope": "files.metadata.read sharing.write",
            }
        if grant == "refresh_token":
            refresh_token = form.get("refresh_token", "")
            with self._lock:
                known = refresh_token in self._refresh_tokens
            if self.refuse_refresh or not known:
                return 400, {
                    "error": "invalid_grant",
                    "error_description": "refresh token is invalid or revoked",
                }
            return 200, self._access(refresh_token)
        return 400, {"error": "unsupported_grant_type"}

    # -- the API routes --------------------------------------------------------------------

    def api(self, route: str, token: str, body: dict[str, Any]) -> Answer:
        self.calls.append(route)
        with self._lock:
            live = self._access_tokens.get(token)
        if live is None:
            return 401, _error("invalid_access_token")
        if not live:
            return 401, _error("expired_access_token")
        if route == "auth/token/revoke":
            # The one route that needs the caller's token rather than the request's body.
            return self._revoke(token)
        handler = _ROUTES.get(route)
        if handler is None:
            return 404, "Unknown API function"
        with self._lock:
            return handler(self, body)

    def _revoke(self, access_token: str) -> Answer:
        """Disable the token, its refresh token and every access token made from that."""
        with self._lock:
            refresh_token = self._made_from.get(access_token, "")
            self._refresh_tokens.discard(refresh_token)
            for token, source in list(self._made_from.items()):
                if token == access_token or (refresh_token and source == refresh_token):
                    self._access_tokens.pop(token, None)
                    self._made_from.pop(token)
            if refresh_token:
                self.revoked.append(refresh_token)
        return 200, None

    def _list_folder(self, body: dict[str, Any]) -> Answer:
        path = body.get("path", "").lower()
        if path and (path not in self.entries or not self.entries[path].is_folder):
            return 409, _error({".tag": "path", "path": {".tag": "not_found"}})
        inside = [
            entry.metadata()
            for key, entry in sorted(self.entries.items())
            if key.rsplit("/", 1)[0] == path
        ]
        return self._page(inside)

    def _list_folder_continue(self, body: dict[str, Any]) -> Answer:
        rest = self._cursors.pop(body.get("cursor", ""), None)
        if rest is None:
            return 409, _error({".tag": "reset"})
        return self._page(rest)

    def _get_metadata(self, body: dict[str, Any]) -> Answer:
        entry = self._find(body.get("path", ""))
        if entry is None:
            return 409, _error({".tag": "path", "path": {".tag": "not_found"}})
        return 200, entry.metadata()

    def _create_link(self, body: dict[str, Any]) -> Answer:
        entry = self._find(body.get("path", ""))
        if entry is None:
            return 409, _error({".tag": "path", "path": {".tag": "not_found"}})
        if entry.id in self.links:
            error: dict[str, Any] = {".tag": "shared_link_already_exists"}
            if not self.omit_existing_metadata:
                error["shared_link_already_exists"] = {
                    ".tag": "metadata",
                    "metadata": self._link_metadata(entry),
                }
            return 409, _error(error)
        self.links[entry.id] = _link_url(entry)
        return 200, self._link_metadata(entry)

    def _list_links(self, body: dict[str, Any]) -> Answer:
        entry = self._find(body.get("path", ""))
        found = [self._link_metadata(entry)] if entry and entry.id in self.links else []
        return 200, {"links": found, "has_more": False}

    def _link_info(self, body: dict[str, Any]) -> Answer:
        for entry in self.entries.values():
            if self.links.get(entry.id) == body.get("url"):
                return 200, self._link_metadata(entry)
        return 409, _error("shared_link_not_found")

    def _current_account(self, body: dict[str, Any]) -> Answer:
        return 200, {
            "account_id": ACCOUNT_ID,
            "name": {
                "given_name": "Noa",
                "surname": "Barak",
                "familiar_name": "Noa",
                "display_name": "Noa Barak",
                "abbreviated_name": "NB",
            },
            "email": EMAIL,
            "email_verified": True,
            "disabled": False,
            "locale": "he",
            "referral_link": "https://db.tt/test",
            "is_paired": False,
            "account_type": {".tag": "basic"},
            "root_info": {".tag": "user", "root_namespace_id": "1", "home_namespace_id": "1"},
        }

    # -- helpers ---------------------------------------------------------------------------

    def _add(self, path: str, is_folder: bool) -> Entry:
        with self._lock:
            if path.lower() not in self.entries:
                self.entries[path.lower()] = Entry(
                    "id:" + secrets.token_urlsafe(9), path, is_folder
                )
            return self.entries[path.lower()]

    def _find(self, path: str) -> Entry | None:
        if path.startswith("id:"):
            return next((e for e in self.entries.values() if e.id == path), None)
        return self.entries.get(path.lower())

    def _page(self, entries: list[dict[str, Any]]) -> Answer:
        page, rest = entries[: self.page_size], entries[self.page_size :]
        cursor = secrets.token_urlsafe(8)
        if rest:
            self._cursors[cursor] = rest
        return 200, {"entries": page, "cursor": cursor, "has_more": bool(rest)}

    def _link_metadata(self, entry: Entry) -> dict[str, Any]:
        return {
            ".tag": "folder" if entry.is_folder else "file",
            "url": self.links[entry.id],
            "name": entry.name,
            "id": entry.id,
            "path_lower": entry.path_lower,
            "link_permissions": {
                "can_revoke": True,
                "visibility_policies": [],
                "can_set_expiry": False,
                "can_remove_expiry": False,
                "allow_download": True,
                "can_allow_download": True,
                "can_disallow_download": False,
                "allow_comments": True,
                "team_restricts_comments": False,
            },
        }

    def _access(self, refresh_token: str) -> dict[str, Any]:
        token = "sl." + secrets.token_urlsafe(24)
        with self._lock:
            self._access_tokens[token] = True
            self._made_from[token] = refresh_token
        return {"access_token": token, "token_type": "bearer", "expires_in": 14400}


_ROUTES = {
    "files/list_folder": FakeDropbox._list_folder,
    "files/list_folder/continue": FakeDropbox._list_folder_continue,
    "files/get_metadata": FakeDropbox._get_metadata,
    "sharing/create_shared_link_with_settings": FakeDropbox._create_link,
    "sharing/list_shared_links": FakeDropbox._list_links,
    "sharing/get_shared_link_metadata": FakeDropbox._link_info,
    "users/get_current_account": FakeDropbox._current_account,
}


class _Rerouted(HTTPAdapter):
    """Sends what was addressed to Dropbox's API host to the fake's address instead."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self._base = base

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        assert request.url is not None
        request.url = self._base + request.url.removeprefix(API_ORIGIN)
        return super().send(request, **kwargs)


class _Refused(HTTPAdapter):
    """Any other https address: a test must never reach the internet."""

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        raise requests.ConnectionError(f"tests reach no real server ({request.url})")


class _Handler(BaseHTTPRequestHandler):
    server: FakeServer

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        fake = self.server.fake
        if self.path == "/oauth2/token":
            status, answer = fake.token(dict(parse_qsl(raw.decode())))
        elif self.path.startswith("/2/"):
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            body = json.loads(raw or b"null") or {}
            status, answer = fake.api(self.path.removeprefix("/2/"), token, body)
        else:
            status, answer = 404, {"error": "not_found"}
        text = isinstance(answer, str)
        payload = (answer if text else json.dumps(answer)).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain" if text else "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return


@contextmanager
def dropbox_server() -> Iterator[FakeDropbox]:
    """Run the fake for the block on a free port of 127.0.0.1."""
    with serving(_Handler, lambda port: FakeDropbox(port=port)) as fake:
        yield fake


def _error(tag: Any) -> dict[str, Any]:
    error = {".tag": tag} if isinstance(tag, str) else tag
    return {"error_summary": f"{error['.tag']}/", "error": error}


def _link_url(entry: Entry) -> str:
    return f"https://www.dropbox.com/scl/fo/{entry.id[3:]}/{entry.name}?rlkey=test&dl=0"


def _s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")
