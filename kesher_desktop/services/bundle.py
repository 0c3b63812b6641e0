"""The services one open store offers, bundled so windows receive them in one piece."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kesher_desktop.clock import Clock
from kesher_desktop.db.store import Store
from kesher_desktop.services.activities import ActivityService
from kesher_desktop.services.contacts import ContactService
from kesher_desktop.services.documents import DocumentService
from kesher_desktop.services.reminders import ReminderService
from kesher_desktop.services.users import UserService

if TYPE_CHECKING:
    from kesher_desktop.services.invitations import InvitationService
    from kesher_desktop.services.mail_tracking import TrackingService


@dataclass
class Services:
    store: Store
    clock: Clock
    contacts: ContactService
    activities: ActivityService
    users: UserService
    documents: DocumentService
    reminders: ReminderService
    # Sending needs the outbox and a composer in the UI's language, so the app sets this
    # once mail is wired (ui/invitation_wiring.py); None until then, and in most tests.
    invitations: InvitationService | None = None
    # Logging sent mail from the tracking mailbox (ui/tracking_wiring.py); made on first use
    # by ui/mail_links.py when the app has not started it.
    tracking: TrackingService | None = None

    @classmethod
    def over(cls, store: Store, clock: Clock) -> Services:
        activities = ActivityService(store, clock)
        return cls(
            store=store,
            clock=clock,
            contacts=ContactService(store, clock),
            activities=activities,
            users=UserService(store),
            documents=DocumentService(store, clock),
            reminders=ReminderService(store, clock, activities),
        )
