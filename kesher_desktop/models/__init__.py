"""The store's tables as SQLAlchemy typed mappings; nothing here knows about Qt."""

from kesher_desktop.models.activity import (
    Activity,
    ActivityKind,
    Participant,
    ParticipantRole,
    Reminder,
)
from kesher_desktop.models.base import Base
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
    "CalendarMethod",
    "Contact",
    "ContactEmail",
    "ContactField",
    "ContactPhone",
    "Document",
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
    "Tag",
    "TrackedMailbox",
    "TrackedMessage",
    "User",
    "contact_tags",
]
