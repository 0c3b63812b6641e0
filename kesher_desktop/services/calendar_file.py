"""The iCalendar text of invitations (RFC 5545, iTIP RFC 5546), written and read with icalendar.

icalendar is imported inside the functions: only sending an invitation or reading a reply
needs it, never the start of the app.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kesher_desktop.models import CalendarMethod, InvitationAnswer

log = logging.getLogger(__name__)

PRODUCT_ID = "-//Kesher Desktop//Invitations//EN"
# Also a bare LF: mail programs and gateways do not all keep CRLF.
FOLD = re.compile(rb"\r?\n[ \t]")

ANSWERS = {
    "ACCEPTED": InvitationAnswer.ACCEPTED,
    "TENTATIVE": InvitationAnswer.TENTATIVE,
    "DECLINED": InvitationAnswer.DECLINED,
}


@dataclass(frozen=True)
class CalendarPerson:
    address: str
    name: str


@dataclass(frozen=True)
class CalendarEvent:
    """One VEVENT as an invitation sends it; every instant is written in UTC."""

    uid: str
    method: CalendarMethod
    sequence: int
    stamp: datetime
    starts_at: datetime
    ends_at: datetime
    summary: str
    description: str
    location: str
    organizer: CalendarPerson
    attendees: tuple[CalendarPerson, ...]


@dataclass(frozen=True)
class CalendarReply:
    """One attendee's answer read from an iMIP reply."""

    uid: str
    sequence: int
    stamp: datetime | None
    address: str
    name: str
    answer: InvitationAnswer


def calendar_text(event: CalendarEvent) -> str:
    """The VCALENDAR, its lines folded at 75 octets between letters, never inside one."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", event.method.value)

    vevent = Event()
    vevent.add("uid", event.uid)
    vevent.add("sequence", event.sequence)
    vevent.add("dtstamp", _utc(event.stamp))
    vevent.add("dtstart", _utc(event.starts_at))
    vevent.add("dtend", _utc(event.ends_at))
    vevent.add("summary", event.summary)
    if event.description.strip():
        vevent.add("description", event.description)
    if event.location.strip():
        vevent.add("location", event.location)
    vevent.add("organizer", _address(event.organizer))
    for attendee in event.attendees:
        vevent.add(
            "attendee",
            _address(
                attendee,
                CUTYPE="INDIVIDUAL",
                ROLE="REQ-PARTICIPANT",
                PARTSTAT="NEEDS-ACTION",
                RSVP="TRUE",
            ),
        )
    cancelled = event.method is CalendarMethod.CANCEL
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    calendar.add_component(vevent)
    return calendar.to_ical().decode("utf-8")


def read_replies(data: bytes) -> list[CalendarReply]:
    """The answers in an iMIP METHOD:REPLY; empty for anything else or unreadable text.

    The lines are unfolded as bytes before anything decodes them: a sender may fold inside
    a Hebrew letter, and icalendar (7.3) decodes each physical line on its own, which
    would turn both halves of that letter into replacement marks.
    """
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(unfold(data).decode("utf-8", "replace"))
    except ValueError as error:
        log.warning("unreadable calendar in a reply: %s", error)
        return []
    if str(calendar.get("method", "")).upper() != "REPLY":
        return []
    replies = []
    for vevent in calendar.walk("VEVENT"):
        uid = str(vevent.get("uid", "")).strip()
        sequence = int(vevent.get("sequence", 0) or 0)
        stamp = _instant(vevent.get("dtstamp"))
        for attendee in _as_list(vevent.get("attendee")):
            answer = ANSWERS.get(str(attendee.params.get("PARTSTAT", "")).upper())
            address = _mailbox(str(attendee))
            name = str(attendee.params.get("CN", ""))
            if uid and answer is not None and address:
                replies.append(CalendarReply(uid, sequence, stamp, address, name, answer))
    return replies


def unfold(data: bytes) -> bytes:
    """Join folded lines (a line break then a space or tab, RFC 5545 3.1), byte for byte."""
    return FOLD.sub(b"", data)


def _address(person: CalendarPerson, **params: str) -> Any:
    """A CAL-ADDRESS whose CN is always quoted, as Outlook expects, Hebrew or not."""
    from icalendar import vCalAddress

    address = vCalAddress(f"mailto:{person.address}")
    address.params = _quoted_cn_parameters()(params)
    address.params["CN"] = person.name.strip() or person.address
    return address


def _quoted_cn_parameters() -> type:
    from icalendar.parser import Parameters

    class QuotedCnParameters(Parameters):  # type: ignore[misc]
        always_quoted = (*Parameters.always_quoted, "CN")

    return QuotedCnParameters


def _utc(instant: datetime) -> datetime:
    return instant.astimezone(UTC).replace(microsecond=0)


def _instant(prop: Any) -> datetime | None:
    value = getattr(prop, "dt", None)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC)
    return None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _mailbox(calendar_address: str) -> str:
    """ "mailto:Dana@Example.com" -> "Dana@Example.com"."""
    value = calendar_address.strip()
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:") :]
    return value.strip()
