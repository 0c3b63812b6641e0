"""The store's tables as SQLAlchemy typed mappings; nothing here knows about Qt."""

from kesher_desktop.models.activity import (
    Activity,
    ActivityKind,
    Participant,
    ParticipantRole,
    Reminder,
)
from kesher_desktop.models.base import Base
from kesher_desktop.models.calendar_sync import (
    CalendarChange,
    CalendarCursor,
    CalendarLink,
    CalendarSyncEntry,
    EventState,
    SyncLogKind,
)
from kesher_desktop.models.contact import (
    Contact,
    ContactEmail,
    ContactField,
    ContactPhone,
    Document,
    Tag,
    contact_tags,
)
from kesher_desktop.models.invitation import (
    CalendarMethod,
    Invitation,
    InvitationAnswer,
    InvitationSend,
)
from kesher_desktop.models.outgoing_mail import OutgoingMail
from kesher_desktop.models.reminder_alert import AlertOutcome, AlertSource, ReminderAlert
from kesher_desktop.models.tracking import (
    MessageOutcome,
    ReviewReason,
    TrackedMailbox,
    TrackedMessage,
)
from kesher_desktop.models.user import User

__all__ = [
    "Activity",
    "ActivityKind",
    "AlertOutcome",
    "AlertSource",
    "Base",
    "CalendarChange",
    "CalendarCursor",
    "CalendarLink",
    "CalendarMethod",
    "CalendarSyncEntry",
    "Contact",
    "ContactEmail",
    "ContactField",
    "ContactPhone",
    "Document",
    "EventState",
    "Invitation",
    "InvitationAnswer",
    "InvitationSend",
    "MessageOutcome",
    "OutgoingMail",
    "Participant",
    "ParticipantRole",
    "Reminder",
    "ReminderAlert",
    "ReviewReason",
    "SyncLogKind",
    "Tag",
    "TrackedMailbox",
    "TrackedMessage",
    "User",
    "contact_tags",
]
