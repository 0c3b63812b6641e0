"""The plain values the activity services hand to the UI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.activity_state import ActivityState


@dataclass(frozen=True)
class PersonRef:
    """A participant: a user or a contact, by id."""

    kind: str  # "user" or "contact"
    id: int


@dataclass(frozen=True)
class PersonView:
    ref: PersonRef
    name: str
    email: str


@dataclass(frozen=True)
class LoggedEmail:
    """A logged e-mail's headers and body, as the read-only view shows them."""

    subject: str
    sender: str
    to: str
    cc: str
    sent_at: datetime | None
    body: str


@dataclass(frozen=True)
class ActivityRow:
    """One row of the activities pane, with its state worked out at `listed_at`."""

    id: int
    contact_id: int
    kind: ActivityKind
    title: str
    starts_at: datetime | None
    ends_at: datetime | None
    due_date: date | None
    state: ActivityState
    due: datetime | None
    people: tuple[PersonView, ...]
    reminder_count: int
    done_at: datetime | None
    email_from: str = ""
    # Whether the activity asks for invitations or has had some sent: only then is its
    # invitation state worth reading.
    invited: bool = False
    # Whether the activity is ticked for Google Calendar or has been there: only then is its
    # calendar sync state worth reading.
    in_calendar: bool = False

    @property
    def is_open(self) -> bool:
        return self.state in (ActivityState.TODO, ActivityState.OVERDUE)

    def concerns(self, contact_id: int) -> bool:
        """Whether the row belongs on `contact_id`'s page: planned with them, or with them."""
        if self.contact_id == contact_id:
            return True
        return PersonRef("contact", contact_id) in (person.ref for person in self.people)
