"""A fake Google Calendar v3 (events, calendarList) and OAuth token endpoint on 127.0.0.1,
for tests.

    with calendar_server() as google:
        worker = CalendarSyncWorker(..., credentials=google.credentials, api_base=google.base_url)
        google.fail_next(1, 500)                 # the next API call answers 500
        google.fail_next(1, 403, "quotaExceeded")
        google.fail_next(1, 400, "invalid", message="The specified time range is empty.")
        google.drop_next_inserts(1)              # store the event, then hang up unanswered
        google.refuse_grant()                    # the token endpoint says invalid_grant
        google.expire_token_at_next_call()       # the next call answers 401, once
        google.fail_next(3, 401, "authError")    # 401 however often google-auth refreshes
        google.edit(event_id, summary="...")     # the user edits in Google
        google.delete(event_id)                  # the user deletes in Google
        google.expire_sync_tokens()              # the next list with a token answers 410
        google.add_calendar("team", "Team")      # another calendar in the user's list

Events live in memory, per calendar; events.move takes one from a calendar to another.
Every change stamps the event with a rising version; a sync token names the version it was
made at, so a list with it returns what changed since (and an epoch, which
expire_sync_tokens moves on). The real google-api-python-client and google-auth talk to it
over HTTP.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from google.oauth2.credentials import Credentials

HOST = "127.0.0.1"
EVENTS_PATH = re.compile(r"^/calendar/v3/calendars/([^/]+)/events(?:/([^/]+)(/move)?)?$")
CALENDAR_LIST_PATH = "/calendar/v3/users/me/calendarList"
ACCESS_ROLES = ("freeBusyReader", "reader", "writer", "owner")
PRIMARY_CALENDAR = {
    "id": "noa.barak@gmail.com",
    "summary": "noa.barak@gmail.com",
    "primary": True,
    "accessRole": "owner",
}
EVENT_ID = re.compile(r"^[a-v0-9]{5,1024}$")
DEFAULT_PAGE = 250

Event = dict[str, Any]


@dataclass(frozen=True)
class Request:
    """One call as the server took it."""

    method: str
    path: str
    query: dict[str, str]
    body: Any


@dataclass
class _Fault:
    status: int
    reason: str
    method: str | None
    message: str = ""


@dataclass
class FakeGoogle:
    """The server's state; tests read and steer it between calls."""

    port: int = 0
    calendars: dict[str, dict[str, Event]] = field(default_factory=dict)
    # What calendarList.list answers: the user's calendars, the primary one first.
    calendar_list: list[Event] = field(default_factory=lambda: [dict(PRIMARY_CALENDAR)])
    requests: list[Request] = field(default_factory=list)
    page_size: int = DEFAULT_PAGE
    _faults: list[_Fault] = field(default_factory=list)
    _drops: int = 0
    _grant_error: str = ""
    _expire_at_next_call: bool = False
    _tokens: set[str] = field(default_factory=set)
    _version: int = 0
    # Bumped by expire_sync_tokens: a token of an older epoch is answered 410.
    _epoch: int = 0
    _lock: threading.RLock = field(default_factory=threading.RLock)

    # -- for tests -----------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}/calendar/v3/"

    @property
    def token_uri(self) -> str:
        return f"http://{HOST}:{self.port}/token"

    def credentials(self) -> Credentials:
        """Credentials with no access token yet: google-auth refreshes at this server."""
        return Credentials(
            token=None,
            refresh_token="refresh-1",
            token_uri=self.token_uri,
            client_id="client-1.apps.googleusercontent.com",
            client_secret="secret-1",
        )

    def fail_next(
        self,
        count: int,
        status: int,
        reason: str = "",
        method: str | None = None,
        message: str = "",
    ) -> None:
        """Answer the next `count` API calls (of `method`, if given) with an error; its body
        says `message`, or "fake error <status> <reason>"."""
        with self._lock:
            self._faults += [_Fault(status, reason, method, message) for _ in range(count)]

    def drop_next_inserts(self, count: int) -> None:
        """Do the next `count` inserts (store the event, or find it there), then close the
        connection unanswered."""
        with self._lock:
            self._drops += count

    def refuse_grant(self, error: str = "invalid_grant") -> None:
        with self._lock:
            self._grant_error = error
            self._tokens.clear()

    def grant_again(self) -> None:
        with self._lock:
            self._grant_error = ""

    def expire_token_at_next_call(self) -> None:
        """Let the access token of the next API call expire as the call arrives, as one
        Google revokes mid-run: it answers 401 once, and google-auth refreshes and tries again."""
        with self._lock:
            self._expire_at_next_call = True

    def add_calendar(self, calendar_id: str, summary: str, access_role: str = "owner") -> None:
        """Another calendar in the user's list (its own, shared with them, subscribed to)."""
        with self._lock:
            entry = {"id": calendar_id, "summary": summary, "accessRole": access_role}
            self.calendar_list.append(entry)

    def events(self, calendar_id: str = "primary") -> dict[str, Event]:
        return self.calendars.setdefault(calendar_id, {})

    def live(self, calendar_id: str = "primary") -> dict[str, Event]:
        return {k: v for k, v in self.events(calendar_id).items() if v["status"] != "cancelled"}

    def edit(self, event_id: str, calendar_id: str = "primary", **fields: Any) -> None:
        """Change an event as its owner would in Google Calendar."""
        with self._lock:
            self.events(calendar_id)[event_id].update(fields)
            self._stamp(self.events(calendar_id)[event_id])

    def delete(self, event_id: str, calendar_id: str = "primary") -> None:
        self.edit(event_id, calendar_id, status="cancelled")

    def purge(self, event_id: str, calendar_id: str = "primary") -> None:
        """Forget a deleted event altogether, as Google does after a while."""
        with self._lock:
            del self.events(calendar_id)[event_id]

    def add(self, event: Event, calendar_id: str = "primary") -> None:
        """An event made in Google by hand (not one of ours)."""
        with self._lock:
            stored = {"status": "confirmed", **event}
            self.events(calendar_id)[stored["id"]] = stored
            self._stamp(stored)

    def expire_sync_tokens(self) -> None:
        with self._lock:
            self._epoch += 1

    def calls(self, method: str | None = None) -> list[Request]:
        """The calendar API calls made, without the token endpoint's."""
        return [
            r
            for r in self.requests
            if r.path != "/token" and (method is None or r.method == method)
        ]

    # -- the API -------------------------------------------------------------------------

    def answer(self, method: str, path: str, query: dict[str, str], body: Any) -> tuple[int, Any]:
        """The status and JSON body for one call; ("drop", None) to hang up."""
        with self._lock:
            self.requests.append(Request(method, path, query, body))
            if path == "/token":
                return self._token()
            fault = self._next_fault(method)
            if fault is not None:
                reason = fault.reason or "backendError"
                return fault.status, _error(fault.status, reason, fault.message)
            if method == "GET" and path == CALENDAR_LIST_PATH:
                return self._calendar_list(query)
            match = EVENTS_PATH.match(path)
            if match is None:
                return 404, _error(404, "notFound")
            calendar_id, event_id = unquote(match[1]), match[2] and unquote(match[2])
            events = self.events(calendar_id)
            if match[3]:
                return self._move(method, events, event_id, query)
            if method == "POST" and event_id is None:
                return self._insert(events, body)
            if method == "GET" and event_id is None:
                return self._list(events, query)
            if event_id not in events:
                return 404, _error(404, "notFound")
            return self._one(method, events[event_id], body)

    def authorised(self, header: str) -> bool:
        with self._lock:
            if self._expire_at_next_call:
                self._expire_at_next_call = False
                self._tokens.clear()
            return header.removeprefix("Bearer ") in self._tokens

    def _token(self) -> tuple[int, Any]:
        if self._grant_error:
            return 400, {
                "error": self._grant_error,
                "error_description": "Token has been expired or revoked.",
            }
        token = f"ya29.fake-{len(self._tokens) + 1}"
        self._tokens.add(token)
        return 200, {"access_token": token, "expires_in": 3600, "token_type": "Bearer"}

    def _insert(self, events: dict[str, Event], body: Event) -> tuple[int, Any]:
        status, answer = self._store(events, body)
        if self._drops:
            # Whatever was done stays done; only the answer is lost.
            self._drops -= 1
            return 0, "drop"
        return status, answer

    def _store(self, events: dict[str, Event], body: Event) -> tuple[int, Any]:
        event_id = str(body.get("id") or f"g{self._version + 1:08d}")
        if not EVENT_ID.match(event_id):
            return 400, _error(400, "invalid")
        if event_id in events:
            return 409, _error(409, "duplicate")
        stored = {"status": "confirmed", **body, "id": event_id, "iCalUID": f"{event_id}@google"}
        events[event_id] = stored
        self._stamp(stored)
        return 200, stored

    def _one(self, method: str, event: Event, body: Any) -> tuple[int, Any]:
        if method == "GET":
            return 200, event
        if method == "PATCH":
            event.update(body)
            self._stamp(event)
            return 200, event
        if method == "DELETE":
            if event["status"] == "cancelled":
                return 410, _error(410, "deleted")
            event["status"] = "cancelled"
            self._stamp(event)
            return 204, None
        return 405, _error(405, "notAllowed")

    def _move(
        self, method: str, events: dict[str, Event], event_id: str, query: dict[str, str]
    ) -> tuple[int, Any]:
        """events.move: the source's copy is deleted there (a pull of it sees it go) and
        lives on in the destination, with the same id."""
        if method != "POST":
            return 405, _error(405, "notAllowed")
        event = events.get(event_id)
        if event is None or event["status"] == "cancelled":
            return 404, _error(404, "notFound")
        destination = self.events(query["destination"])
        moved = {**event, "status": "confirmed"}
        destination[event_id] = moved
        self._stamp(moved)
        event["status"] = "cancelled"
        self._stamp(event)
        return 200, moved

    def _calendar_list(self, query: dict[str, str]) -> tuple[int, Any]:
        lowest = ACCESS_ROLES.index(query.get("minAccessRole", ACCESS_ROLES[0]))
        chosen = [c for c in self.calendar_list if ACCESS_ROLES.index(c["accessRole"]) >= lowest]
        offset = int(query.get("pageToken") or 0)
        size = min(int(query.get("maxResults", self.page_size)), self.page_size)
        answer: dict[str, Any] = {
            "kind": "calendar#calendarList",
            "items": [{"kind": "calendar#calendarListEntry", **c} for c in chosen][
                offset : offset + size
            ],
        }
        if offset + size < len(chosen):
            answer["nextPageToken"] = str(offset + size)
        return 200, answer

    def _list(self, events: dict[str, Event], query: dict[str, str]) -> tuple[int, Any]:
        since = 0
        if "syncToken" in query:
            epoch, since_text = query["syncToken"].removeprefix("s").split("-")
            if int(epoch) != self._epoch:
                return 410, _error(410, "fullSyncRequired")
            since = int(since_text)
        offset, until = 0, self._version
        if "pageToken" in query:
            offset_text, until_text = query["pageToken"].split(":")
            offset, until = int(offset_text), int(until_text)
        show_deleted = "syncToken" in query or query.get("showDeleted") == "true"
        chosen = sorted(
            (
                e
                for e in events.values()
                if since < e["_version"] <= until and (show_deleted or e["status"] != "cancelled")
            ),
            key=lambda e: e["_version"],
        )
        size = min(int(query.get("maxResults", self.page_size)), self.page_size)
        page = chosen[offset : offset + size]
        answer: dict[str, Any] = {"kind": "calendar#events", "items": page}
        if offset + size < len(chosen):
            answer["nextPageToken"] = f"{offset + size}:{until}"
        else:
            answer["nextSyncToken"] = f"s{self._epoch}-{until}"
        return 200, answer

    def _next_fault(self, method: str) -> _Fault | None:
        for index, fault in enumerate(self._faults):
            if fault.method in (None, method):
                return self._faults.pop(index)
        return None

    def _stamp(self, event: Event) -> None:
        self._version += 1
        event["_version"] = self._version
        event["updated"] = f"2026-03-10T08:00:{self._version % 60:02d}.000Z"
        event["etag"] = f'"{self._version}"'


def _error(status: int, reason: str, message: str = "") -> dict[str, Any]:
    message = message or f"fake error {status} {reason}"
    return {
        "error": {
            "code": status,
            "message": message,
            "errors": [{"domain": "global", "reason": reason, "message": message}],
        }
    }


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    google: FakeGoogle

    def do_GET(self) -> None:  # noqa: N802
        self._serve("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._serve("POST")

    def do_PATCH(self) -> None:  # noqa: N802
        self._serve("PATCH")

    def do_DELETE(self) -> None:  # noqa: N802
        self._serve("DELETE")

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def _serve(self, method: str) -> None:
        url = urlsplit(self.path)
        query = {key: values[-1] for key, values in parse_qs(url.query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        body = _parsed(raw, self.headers.get("Content-Type") or "")
        if url.path != "/token" and not self.google.authorised(
            self.headers.get("Authorization") or ""
        ):
            self.google.requests.append(_Unauthorised(method, url.path, query, body))
            self._send(401, _error(401, "authError"))
            return
        status, answer = self.google.answer(method, url.path, query, body)
        if answer == "drop":
            # Stored, and the client never hears so: a connection lost on the way back.
            self.close_connection = True
            return
        self._send(status, answer)

    def _send(self, status: int, answer: Any) -> None:
        data = b"" if answer is None else json.dumps(_public(answer)).encode("utf-8")
        self.send_response(status)
        if data:
            self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class _Unauthorised(Request):
    """A call refused for want of a valid access token."""


def _parsed(raw: bytes, content_type: str) -> Any:
    if not raw:
        return None
    if "json" in content_type:
        return json.loads(raw)
    return {key: values[-1] for key, values in parse_qs(raw.decode("utf-8")).items()}


def _public(answer: Any) -> Any:
    """The answer without the server's own bookkeeping."""
    if isinstance(answer, dict):
        return {k: _public(v) for k, v in answer.items() if not k.startswith("_")}
    if isinstance(answer, list):
        return [_public(item) for item in answer]
    return answer


@contextmanager
def calendar_server() -> Iterator[FakeGoogle]:
    """Run the fake for the block, on a free port."""
    google = FakeGoogle()
    handler = type("Handler", (_Handler,), {"google": google})
    server = ThreadingHTTPServer((HOST, 0), handler)
    server.daemon_threads = True
    google.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield google
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
