"""The events of one Google calendar, through google-api-python-client (Calendar v3).

Heavy libraries load only when a client is made, never on the app's start-up path. The
client tries each call once (no `num_retries`): waiting and trying again is the outbox's
job, on its own clock, so that a retry survives a restart and can be tested.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kesher_desktop.services.calendar_errors import http_status

if TYPE_CHECKING:
    from google.oauth2.credentials import Credentials

log = logging.getLogger(__name__)

# Calendar v3's rootUrl and servicePath from the discovery document the library ships.
GOOGLE_API_BASE = "https://www.googleapis.com/calendar/v3/"
PAGE_SIZE = 250

Event = dict[str, Any]
CredentialsSource = Callable[[], "Credentials"]


class SyncTokenExpired(Exception):
    """Google no longer knows the sync token (410 Gone): a full listing is needed."""


@dataclass(frozen=True)
class Page:
    events: list[Event]
    next_page_token: str
    next_sync_token: str


def calendar_service(credentials: Credentials, api_base: str) -> Any:
    """Google's Calendar v3 service object, from the discovery document the library ships."""
    from googleapiclient.discovery import build

    return build(
        "calendar",
        "v3",
        credentials=credentials,
        static_discovery=True,
        cache_discovery=False,
        client_options={"api_endpoint": api_base},
    )


class CalendarClient:
    """Insert, read, patch, delete and list the events of `calendar_id`, and move events
    into it from another calendar.

    Not for sharing between threads: the HTTP connection underneath is not thread-safe,
    so the worker makes one per run.
    """

    def __init__(self, credentials: Credentials, calendar_id: str, api_base: str) -> None:
        self.calendar_id = calendar_id
        self._events = calendar_service(credentials, api_base).events()

    def get(self, event_id: str) -> Event | None:
        """The event, also when cancelled (deleted in Google); None if Google has none."""
        try:
            return self._events.get(calendarId=self.calendar_id, eventId=event_id).execute()
        except Exception as error:
            if http_status(error) in (404, 410):
                return None
            raise

    def insert(self, body: Event, send_updates: str) -> Event | None:
        """The new event; None when one with this id already exists (409)."""
        try:
            return self._events.insert(
                calendarId=self.calendar_id, body=body, sendUpdates=send_updates
            ).execute()
        except Exception as error:
            if http_status(error) == 409:
                return None
            raise

    def patch(self, event_id: str, body: Event, send_updates: str) -> Event:
        return self._events.patch(
            calendarId=self.calendar_id, eventId=event_id, body=body, sendUpdates=send_updates
        ).execute()

    def move(self, event_id: str, source: str, send_updates: str) -> Event | None:
        """Move the event from the calendar `source` into this one, keeping its id; the
        moved event, or None when `source` has no such event (any more)."""
        try:
            return self._events.move(
                calendarId=source,
                eventId=event_id,
                destination=self.calendar_id,
                sendUpdates=send_updates,
            ).execute()
        except Exception as error:
            if http_status(error) in (404, 410):
                return None
            raise

    def delete(self, event_id: str, send_updates: str, calendar_id: str = "") -> bool:
        """Whether there was an event to delete; one already gone is not an error. The event
        is looked for in `calendar_id` when given, in this client's calendar otherwise."""
        try:
            self._events.delete(
                calendarId=calendar_id or self.calendar_id,
                eventId=event_id,
                sendUpdates=send_updates,
            ).execute()
        except Exception as error:
            if http_status(error) in (404, 410):
                return False
            raise
        return True

    def page(self, sync_token: str, page_token: str) -> Page:
        """One page of the events changed since `sync_token`, or of all when it is empty.

        Deleted events are listed too (status "cancelled"), so a pull can see them go.
        """
        options: dict[str, Any] = {"showDeleted": True, "maxResults": PAGE_SIZE}
        if sync_token:
            options["syncToken"] = sync_token
        if page_token:
            options["pageToken"] = page_token
        try:
            answer = self._events.list(calendarId=self.calendar_id, **options).execute()
        except Exception as error:
            if sync_token and http_status(error) == 410:
                raise SyncTokenExpired() from error
            raise
        return Page(
            events=list(answer.get("items", [])),
            next_page_token=str(answer.get("nextPageToken") or ""),
            next_sync_token=str(answer.get("nextSyncToken") or ""),
        )
