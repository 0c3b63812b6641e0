"""The plain values of invitations: their state as the UI shows it, and what a mail says."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from kesher_desktop.models import ActivityKind, CalendarMethod, InvitationAnswer


class InvitationStatus(enum.StrEnum):
    """Where an invitation stands, for one invitee or, the worst of them, for the activity."""

    NONE = "none"  # nothing to send and nothing sent
    MAIL_NOT_SET_UP = "mail_not_set_up"  # wanted, but there is no mail server or address
    NOT_SENT = "not_sent"  # wanted, not queued: mail was off when it was saved
    PENDING = "pending"  # queued, not yet taken by the server
    FAILED = "failed"  # the last attempt failed (it is retried) or the mail was discarded
    SENT = "sent"


# Worst first: the activity shows the first of these any invitee is in.
PRECEDENCE = (
    InvitationStatus.FAILED,
    InvitationStatus.NOT_SENT,
    InvitationStatus.PENDING,
    InvitationStatus.SENT,
)


@dataclass(frozen=True)
class InviteeState:
    """One invitee's invitation. `invited` is false once they were sent a cancel."""

    address: str
    name: str
    invited: bool
    status: InvitationStatus
    method: CalendarMethod | None
    sequence: int | None
    error: str
    answer: InvitationAnswer


@dataclass(frozen=True)
class InvitationState:
    status: InvitationStatus
    invitees: tuple[InviteeState, ...]


@dataclass(frozen=True)
class InvitationMessage:
    """What an invitation mail says, for the composer that writes its readable body."""

    kind: ActivityKind
    method: CalendarMethod
    is_update: bool  # a REQUEST after an earlier one
    removed: bool  # a CANCEL to one invitee taken off an activity that still takes place
    title: str  # the title, or the first line of the topics; may be empty
    starts_at: datetime
    ends_at: datetime
    location: str
    topics: str
    organizer: str
    attendees: tuple[str, ...]


@dataclass(frozen=True)
class InvitationText:
    """The mail's subject and bodies, and the SUMMARY the calendar shows."""

    subject: str
    text: str
    html: str
    summary: str


Composer = Callable[[InvitationMessage], InvitationText]


def plain_invitation(message: InvitationMessage) -> InvitationText:
    """A bare English body, for callers without the UI's translated composer."""
    summary = message.title or f"{message.kind.value.title()} with {message.organizer}"
    verb = "Updated invitation" if message.is_update else "Invitation"
    if message.method is CalendarMethod.CANCEL:
        verb = "Cancelled"
    when = f"{message.starts_at:%Y-%m-%d %H:%M} UTC"
    text = f"{verb}: {summary}\n{when}\n{message.location}\n\n{message.topics}\n"
    return InvitationText(f"{verb}: {summary} ({when})", text, "", summary)
