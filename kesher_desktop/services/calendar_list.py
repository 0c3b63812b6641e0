"""The user's Google calendars that ticked activities can go to, for the user to pick one.

Read with Calendar v3 calendarList.list; only calendars the user may add events to are
listed. Blocks on the network: callers run it off the UI thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kesher_desktop.services.calendar_client import GOOGLE_API_BASE, PAGE_SIZE, calendar_service

if TYPE_CHECKING:
    from google.oauth2.credentials import Credentials

log = logging.getLogger(__name__)

# Google's own name for the user's main calendar, and the settings' default.
PRIMARY = "primary"


@dataclass(frozen=True)
class CalendarChoice:
    """One calendar to offer. `id` is as the settings keep it: "primary" for the user's main
    calendar, so that choosing it by name or leaving the default names the same calendar."""

    id: str
    name: str
    primary: bool = False


def writable_calendars(
    credentials: Credentials, api_base: str = GOOGLE_API_BASE
) -> list[CalendarChoice]:
    """The calendars the user may add events to, the main one first, then in Google's order.

    Raises what the calls raise (see calendar_errors.classify).
    """
    calendar_list = calendar_service(credentials, api_base).calendarList()
    entries: list[dict[str, Any]] = []
    page_token = ""
    while True:
        options: dict[str, Any] = {"minAccessRole": "writer", "maxResults": PAGE_SIZE}
        if page_token:
            options["pageToken"] = page_token
        answer = calendar_list.list(**options).execute()
        entries += answer.get("items", [])
        page_token = str(answer.get("nextPageToken") or "")
        if not page_token:
            break

    choices = [_choice(entry) for entry in entries if not entry.get("deleted")]
    choices.sort(key=lambda choice: not choice.primary)
    log.info("google calendars listed count=%d", len(choices))
    return choices


def _choice(entry: dict[str, Any]) -> CalendarChoice:
    primary = bool(entry.get("primary"))
    # The name the user gave the calendar in their own list wins over its owner's.
    name = str(entry.get("summaryOverride") or entry.get("summary") or entry.get("id") or "")
    return CalendarChoice(PRIMARY if primary else str(entry["id"]), name, primary)
