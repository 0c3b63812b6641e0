"""An activity as a Google Calendar event: its id, the fields we own, and their fingerprint.

Pure mapping, no network. The id is made from the activity's `calendar_uid`, so pushing the
same activity twice can only ever reach the same event.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from kesher_desktop.models import Activity, ActivityKind, ParticipantRole, User
from kesher_desktop.services.activities import person_view
from kesher_desktop.services.activity_views import PersonRef

log = logging.getLogger(__name__)

# Google takes ids of 5 to 1024 characters from base32hex (0-9, a-v); so is this prefix.
EVENT_ID_PREFIX = "kesher"
CALL_MINUTES = 30
# Google's limits on reminder overrides.
MAX_POPUPS = 5
MAX_POPUP_MINUTES = 4 * 7 * 24 * 60
CONTACT_MARK = "👤"

Event = dict[str, Any]


@dataclass(frozen=True)
class Shared:
    """The fields both sides may edit: what a fingerprint sums up and a pull brings back.

    `starts`/`ends` are UTC instants for a timed event, dates for an all-day one (`ends`
    exclusive, as Google has it).
    """

    title: str
    location: str
    starts: datetime | date
    ends: datetime | date


def event_id(calendar_uid: str) -> str:
    raw = uuid.UUID(calendar_uid).bytes
    return EVENT_ID_PREFIX + base64.b32hexencode(raw).decode("ascii").rstrip("=").lower()


def calendar_uid_of(event_id: str) -> str | None:
    """The activity's `calendar_uid` behind one of our event ids; None for anyone else's."""
    if not event_id.startswith(EVENT_ID_PREFIX):
        return None
    code = event_id[len(EVENT_ID_PREFIX) :].upper()
    try:
        raw = base64.b32hexdecode(code + "=" * (-len(code) % 8))
        return str(uuid.UUID(bytes=raw))
    except (binascii.Error, ValueError):
        return None


def wants_event(activity: Activity) -> bool:
    """Whether the activity should be in Google Calendar now."""
    return (
        activity.add_to_calendar
        and activity.kind is not ActivityKind.EMAIL
        and activity.cancelled_at is None
        and activity.deleted_at is None
        and (activity.starts_at is not None or activity.due_date is not None)
    )


def event_body(
    activity: Activity, contact_name: str, attendees: list[str], zone: ZoneInfo
) -> Event:
    """Every field we own, as a PATCH (or the insert) sends it."""
    starts, ends = _times(activity, zone)
    body: Event = {
        "summary": title_of(activity),
        "description": _description(activity.topics, contact_name),
        "start": starts,
        "end": ends,
        "reminders": {"useDefault": False, "overrides": _popups(activity)},
        "status": "confirmed",
    }
    if activity.kind is ActivityKind.MEETING:
        body["location"] = activity.location
    if attendees:
        body["attendees"] = [{"email": address} for address in attendees]
    return body


def shared_of(kind: ActivityKind, event: Event) -> Shared:
    """The shared fields of an event, ours to send or Google's as listed."""
    location = str(event.get("location") or "") if kind is ActivityKind.MEETING else ""
    return Shared(
        title=str(event.get("summary") or "").strip(),
        location=location.strip(),
        starts=moment_of(event.get("start") or {}),
        ends=moment_of(event.get("end") or {}),
    )


def fingerprint(shared: Shared) -> str:
    parts = [shared.title, shared.location, shared.starts.isoformat(), shared.ends.isoformat()]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def title_of(activity: Activity) -> str:
    if activity.title.strip():
        return activity.title.strip()
    return activity.topics.strip().split("\n", 1)[0].strip()


def attendees_of(session: Session, activity: Activity) -> list[str]:
    """Who is invited: the contact and the participants with an address, but me.

    Only for an activity that sends invitations; the others keep their people to us.
    """
    if not activity.send_invitation or activity.kind is ActivityKind.TASK:
        return []
    me = session.scalar(select(User).where(User.is_me.is_(True)))
    mine = me.email.strip().casefold() if me else ""
    refs = [PersonRef("contact", activity.contact_id)]
    for participant in activity.participants:
        if participant.role is not ParticipantRole.PARTICIPANT:
            continue
        if participant.user_id is not None and (me is None or participant.user_id != me.id):
            refs.append(PersonRef("user", participant.user_id))
        elif participant.contact_id is not None:
            refs.append(PersonRef("contact", participant.contact_id))

    addresses: dict[str, str] = {}
    for ref in dict.fromkeys(refs):
        address = person_view(session, ref).email.strip()
        if address and address.casefold() != mine:
            addresses.setdefault(address.casefold(), address)
    return list(addresses.values())


def contact_name_of(activity: Activity) -> str:
    return activity.contact.display_name or activity.contact.organisation


def _times(activity: Activity, zone: ZoneInfo) -> tuple[Event, Event]:
    if activity.starts_at is None:
        # A task with a day and no time: all day, and Google's end date is exclusive.
        assert activity.due_date is not None
        day = activity.due_date
        return {"date": day.isoformat()}, {"date": (day + timedelta(days=1)).isoformat()}

    if activity.kind is ActivityKind.MEETING and activity.ends_at is not None:
        ends_at = activity.ends_at
    else:
        ends_at = activity.starts_at + timedelta(minutes=activity.duration_minutes or CALL_MINUTES)
    return _timed(activity.starts_at, zone), _timed(ends_at, zone)


def _timed(instant: datetime, zone: ZoneInfo) -> Event:
    # The wall time with its offset and the zone's name, as Google's own apps write it.
    return {"dateTime": instant.astimezone(zone).isoformat(), "timeZone": zone.key}


def moment_of(value: Event) -> datetime | date:
    if value.get("dateTime"):
        return datetime.fromisoformat(str(value["dateTime"])).astimezone(ZoneInfo("UTC"))
    if value.get("date"):
        return date.fromisoformat(str(value["date"]))
    return date.min


def _description(topics: str, contact_name: str) -> str:
    parts = [topics.strip()] if topics.strip() else []
    if contact_name.strip():
        parts.append(f"{CONTACT_MARK} {contact_name.strip()}")
    return "\n\n".join(parts)


def _popups(activity: Activity) -> list[Event]:
    minutes = sorted({min(r.offset_minutes, MAX_POPUP_MINUTES) for r in activity.reminders})
    return [{"method": "popup", "minutes": m} for m in minutes[:MAX_POPUPS]]
