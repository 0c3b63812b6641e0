"""A contact, me, another user and another contact, with invitations wired to a real outbox."""

from __future__ import annotations

import email.policy
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any

from icalendar import Calendar

from kesher_desktop.models import Activity, ActivityKind
from kesher_desktop.services.activities import ActivityDraft
from kesher_desktop.services.activity_views import PersonRef
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft, EmailEntry
from kesher_desktop.services.invitation_views import Composer, plain_invitation
from kesher_desktop.services.invitations import InvitationService
from kesher_desktop.services.mail_outbox import MailOutbox
from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.services.smtp_sender import SmtpSender
from kesher_desktop.settings import SmtpSecurity, SmtpSettings

ME = "noa@kesher.example"
DANA = "dana.levi@example.com"  # the contact of the `contact_id` fixture
MOSHE = "moshe@example.com"
YOSSI = "yossi@example.com"
START = datetime(2026, 3, 12, 8, 0, tzinfo=UTC)


@dataclass
class Scene:
    services: Services
    outbox: MailOutbox
    invitations: InvitationService
    contact_id: int
    moshe_id: int
    yossi_id: int
    me_id: int
    settings: list[SmtpSettings | None] = field(default_factory=list)

    def set_mail(self, settings: SmtpSettings | None) -> None:
        self.settings[:] = [settings]

    def sender(self) -> SmtpSender:
        return SmtpSender(self.outbox, lambda: self.settings[0], SecretStore(), timeout=5)

    def meeting(self, **changes: Any) -> ActivityDraft:
        draft = ActivityDraft(
            kind=ActivityKind.MEETING,
            title="סקירה רבעונית",
            starts_at=START,
            ends_at=START.replace(hour=9),
            location="הרצל 12, תל אביב",
            topics="תקציב 2026\nגיוס עובדים",
            send_invitation=True,
            participants=[
                PersonRef("user", self.me_id),
                PersonRef("contact", self.contact_id),
                PersonRef("contact", self.moshe_id),
                PersonRef("user", self.yossi_id),
            ],
        )
        for name, value in changes.items():
            setattr(draft, name, value)
        return draft

    def uid(self, activity_id: int) -> str:
        with self.services.store.session() as session:
            activity = session.get(Activity, activity_id)
            assert activity is not None
            return activity.calendar_uid

    def queued(self) -> int:
        """How many mails wait in the outbox."""
        return len(self.outbox.due(limit=1000))


def make_scene(
    services: Services,
    contact_id: int,
    settings: SmtpSettings | None = None,
    compose: Composer = plain_invitation,
    reply_mailbox: str = "",
) -> Scene:
    services.users.rename_me("נועה ברק", ME)
    yossi = services.users.add("יוסי כהן", YOSSI)
    moshe = services.contacts.create(
        ContactDraft(given_name="משה", family_name="אברהם", emails=[EmailEntry(MOSHE, "work")])
    )
    outbox = MailOutbox(services.store, services.clock)
    holder: list[SmtpSettings | None] = [settings]
    invitations = InvitationService(
        services.store,
        services.clock,
        outbox,
        lambda: holder[0],
        compose,
        reply_mailbox=lambda: reply_mailbox,
    )
    invitations.attach(services.activities)
    return Scene(
        services,
        outbox,
        invitations,
        contact_id,
        moshe,
        yossi,
        services.users.me().id,
        holder,
    )


def smtp_settings(port: int = 25) -> SmtpSettings:
    return SmtpSettings("127.0.0.1", port, SmtpSecurity.NONE, "", ME)


@dataclass(frozen=True)
class Invite:
    """One received invitation: its calendar part, parsed, and its raw bytes."""

    to: str
    message: EmailMessage
    mime_method: str
    raw: bytes
    calendar: Calendar

    @property
    def event(self) -> Any:
        return self.calendar.walk("VEVENT")[0]

    @property
    def method(self) -> str:
        return str(self.calendar["METHOD"])

    @property
    def sequence(self) -> int:
        return int(self.event["SEQUENCE"])

    @property
    def attendees(self) -> list[str]:
        return sorted(_mailbox(a) for a in _as_list(self.event.get("ATTENDEE")))


def invite_of(message: EmailMessage) -> Invite:
    [part] = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    raw = part.get_payload(decode=True)
    assert isinstance(raw, bytes)
    # Through the bytes, as a mail program reads it: the calendar is parsed unfolded.
    parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
    assert parsed["To"] == message["To"]
    return Invite(
        to=str(message["To"]),
        message=message,
        mime_method=str(part.get_param("method")),
        raw=raw,
        calendar=Calendar.from_ical(raw),
    )


def by_recipient(invites: list[Invite]) -> dict[str, Invite]:
    return {invite.to: invite for invite in invites}


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _mailbox(address: Any) -> str:
    return str(address).removeprefix("mailto:")
