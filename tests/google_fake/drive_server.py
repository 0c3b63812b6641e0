"""A fake Google Drive v3 (files.list and files.get) and its token endpoint on 127.0.0.1.

    with drive_server() as drive:
        client_file = drive.write_client_file(tmp_path)   # its token_uri is this server
        folder = drive.add_folder("לקוחות")               # under My Drive ("root")
        drive.add_folder("Levi", parent=folder)
        drive.page_size = 2                               # answer in pages of two
        drive.granted = set()                             # the token lacks Drive's scope
        drive.refuse_refresh = True                       # the token endpoint: invalid_grant
        drive.trash(folder); drive.purge(folder)          # the user deletes it in Drive
        drive.add_folder("Levi", shared=True)             # shared with others
        drive.add_folder("From Dana", owned=False)        # shared with the user by another
        drive.unshare(folder)                             # shared with no one any more
        drive.expire_tokens()                             # access tokens answered 401
        drive.trusted = google                            # the fake OAuth server's tokens

The real google-api-python-client (Drive's discovery document it ships, its api_endpoint
pointed here) and google-auth talk to it over HTTP. The list query must be exactly the one
a folder browser sends; anything else is answered 400, so a changed query fails the test.
"""

from __future__ import annotations

import json
import re
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.fake_http import HOST, FakeServer, serving
from tests.google_fake.oauth_server import FakeGoogle

DRIVE_SCOPE = "https://www.googleapis.com/auth/drive.metadata.readonly"
FOLDER_TYPE = "application/vnd.google-apps.folder"
CLIENT_ID = "5678-kesher-drive.apps.googleusercontent.com"
CLIENT_SECRET = "GOCSPX-drive-secret"
FOLDER_QUERY = re.compile(
    r"^mimeType='application/vnd\.google-apps\.folder' and '([^']+)' in parents "
    r"and trashed=false$"
)
FILE_PATH = re.compile(r"^/drive/v3/files/([^/]+)$")

Answer = tuple[int, Any]


@dataclass
class FakeDrive:
    port: int
    page_size: int = 100
    granted: set[str] = field(default_factory=lambda: {DRIVE_SCOPE})
    refuse_refresh: bool = False
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    # The list queries received and their page tokens, in order.
    lists: list[dict[str, str]] = field(default_factory=list)
    # The token endpoint's requests (form fields), in order.
    token_requests: list[dict[str, str]] = field(default_factory=list)
    # Another fake whose access tokens are good here too, as Google's are for every API.
    trusted: FakeGoogle | None = None
    _tokens: dict[str, frozenset[str]] = field(default_factory=dict)
    _expired: set[str] = field(default_factory=set)
    _lock: threading.RLock = field(default_factory=threading.RLock)

    # -- for tests -------------------------------------------------------------------------

    @property
    def api_base(self) -> str:
        return f"http://{HOST}:{self.port}/drive/v3/"

    def write_client_file(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "client_secret.json"
        installed = {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "auth_uri": f"http://{HOST}:{self.port}/auth",
            "token_uri": f"http://{HOST}:{self.port}/token",
            "redirect_uris": ["http://localhost"],
        }
        path.write_text(json.dumps({"installed": installed}), encoding="utf-8")
        return path

    def add_folder(
        self, name: str, parent: str = "root", shared: bool = False, owned: bool = True
    ) -> str:
        """A folder of the user's (`owned`), or one another owner shared with them."""
        return self._add(name, parent, FOLDER_TYPE, shared=shared or not owned, owned=owned)

    def add_file(self, name: str, parent: str = "root") -> str:
        return self._add(name, parent, "application/pdf")

    def unshare(self, file_id: str) -> None:
        """Its owner stops sharing it. The user's own stays theirs, shared with no one; one
        shared with the user is gone from their view, which Drive answers as not found."""
        with self._lock:
            if self.files[file_id]["ownedByMe"]:
                self.files[file_id]["shared"] = False
            else:
                del self.files[file_id]

    def expire_tokens(self) -> None:
        """Every access token given so far has run out: the API answers it 401."""
        with self._lock:
            self._expired |= set(self._tokens)
            if self.trusted is not None:
                self._expired |= set(self.trusted.access_tokens)

    def trash(self, file_id: str) -> None:
        with self._lock:
            self.files[file_id]["trashed"] = True

    def purge(self, file_id: str) -> None:
        with self._lock:
            del self.files[file_id]

    # -- the endpoints ---------------------------------------------------------------------

    def token(self, form: dict[str, str]) -> Answer:
        with self._lock:
            self.token_requests.append(form)
        if (form.get("client_id"), form.get("client_secret")) != (CLIENT_ID, CLIENT_SECRET):
            return 401, {"error": "invalid_client"}
        if self.refuse_refresh or form.get("grant_type") != "refresh_token":
            return 400, {"error": "invalid_grant", "error_description": "Token has been revoked."}
        token = "ya29.drive-" + secrets.token_urlsafe(12)
        scopes = frozenset(
            self.granted | {"openid", "https://www.googleapis.com/auth/userinfo.email"}
        )
        with self._lock:
            self._tokens[token] = scopes
        return 200, {
            "access_token": token,
            "expires_in": 3599,
            "scope": " ".join(sorted(scopes)),
            "token_type": "Bearer",
        }

    def api(self, path: str, query: dict[str, str], token: str) -> Answer:
        scopes = self._scopes_of(token)
        if scopes is None:
            return _error(401, "authError", "Invalid Credentials")
        if DRIVE_SCOPE not in scopes:
            return _error(403, "insufficientPermissions", "Insufficient Permission")
        if path == "/drive/v3/files":
            return self._list(query)
        match = FILE_PATH.match(path)
        if match:
            return self._get(unquote(match.group(1)), query)
        return _error(404, "notFound", "Not Found")

    def _list(self, query: dict[str, str]) -> Answer:
        with self._lock:
            self.lists.append(query)
        match = FOLDER_QUERY.match(query.get("q", ""))
        if match is None:
            return _error(400, "invalid", "Invalid Value")
        parent = match.group(1)
        with self._lock:
            inside = [
                {"id": f["id"], "name": f["name"]}
                for f in self.files.values()
                if parent in f["parents"] and f["mimeType"] == FOLDER_TYPE and not f["trashed"]
            ]
        start = int(query.get("pageToken") or 0)
        answer: dict[str, Any] = {"files": inside[start : start + self.page_size]}
        if start + self.page_size < len(inside):
            answer["nextPageToken"] = str(start + self.page_size)
        return 200, answer

    def _get(self, file_id: str, query: dict[str, str]) -> Answer:
        with self._lock:
            found = self.files.get(file_id)
        if found is None:
            return _error(404, "notFound", f"File not found: {file_id}.")
        wanted = [name.strip() for name in query.get("fields", "id").split(",")]
        return 200, {name: found[name] for name in wanted if name in found}

    # -- helpers ---------------------------------------------------------------------------

    def _scopes_of(self, token: str) -> frozenset[str] | None:
        """What a live access token may do; None for one unknown or expired."""
        with self._lock:
            if token in self._expired:
                return None
            if token in self._tokens:
                return self._tokens[token]
        return self.trusted.access_tokens.get(token) if self.trusted else None

    def _add(
        self, name: str, parent: str, mime_type: str, shared: bool = False, owned: bool = True
    ) -> str:
        file_id = "1" + secrets.token_urlsafe(18).replace("-", "x").replace("_", "y")
        with self._lock:
            self.files[file_id] = {
                "id": file_id,
                "name": name,
                "mimeType": mime_type,
                "parents": [parent],
                "trashed": False,
                "shared": shared,
                "ownedByMe": owned,
                "webViewLink": f"https://drive.google.com/drive/folders/{file_id}",
            }
        return file_id


def _error(status: int, reason: str, message: str) -> Answer:
    return status, {
        "error": {
            "code": status,
            "message": message,
            "errors": [{"domain": "global", "reason": reason, "message": message}],
        }
    }


class _Handler(BaseHTTPRequestHandler):
    server: FakeServer

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        token = self.headers.get("Authorization", "").removeprefix("Bearer ")
        self._send(*self.server.fake.api(url.path, dict(parse_qsl(url.query)), token))

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        form = dict(parse_qsl(self.rfile.read(length).decode()))
        if urlsplit(self.path).path == "/token":
            self._send(*self.server.fake.token(form))
        else:
            self._send(*_error(404, "notFound", "Not Found"))

    def _send(self, status: int, answer: Any) -> None:
        payload = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        return


@contextmanager
def drive_server() -> Iterator[FakeDrive]:
    """Run the fake for the block on a free port of 127.0.0.1."""
    with serving(_Handler, lambda port: FakeDrive(port=port)) as fake:
        yield fake
