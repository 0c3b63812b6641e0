"""Sent mail logged on contacts through the tracking mailbox, and the review list.

Links: `mailto_for` opens the user's mail program with the contact in To and the tracking
address, tagged for that contact, in Bcc. Arrivals: `record` logs one decoded message on
the contact its tag names, or on the contacts its recipients are, or puts it in the review
list. Every step is safe to repeat: a message counts once by its Message-ID, and a run
cut short by a crash ends, when repeated, where an uninterrupted run would have.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kesher_desktop.clock import Clock
from kesher_desktop.db.store import Store
from kesher_desktop.models import (
    Activity,
    ActivityKind,
    Contact,
    ContactEmail,
    Document,
    MessageOutcome,
    ReviewReason,
    TrackedMailbox,
    TrackedMessage,
)
from kesher_desktop.services.activities import ActivityService
from kesher_desktop.services.errors import NotFoundError, ServiceError
from kesher_desktop.services.file_store import FileStore
from kesher_desktop.services.mail_decoding import DecodedMail, parse_mail
from kesher_desktop.services.mailto import MailtoLink, tracked_mailto
from kesher_desktop.services.tracking_tag import (
    TagStatus,
    TrackingKeys,
    make_tag,
    read_address,
    tagged_address,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Place:
    """Where a message sits on the server: its mailbox, UIDVALIDITY and UID."""

    mailbox_id: int
    uidvalidity: int
    uid: int


@dataclass(frozen=True)
class Recorded:
    """What `record` did with a message."""

    outcome: MessageOutcome
    reason: ReviewReason = ReviewReason.NONE
    activity_ids: tuple[int, ...] = ()
    # True when the Message-ID was already known: nothing was written this time.
    already_known: bool = False


@dataclass(frozen=True)
class ReviewItem:
    """A message of the review list, as the list shows it."""

    id: int
    subject: str
    sender: str
    recipients: str
    sent_at: datetime | None
    reason: ReviewReason
    received_at: datetime


@dataclass
class _Targets:
    contact_ids: list[int] = field(default_factory=list)
    reason: ReviewReason = ReviewReason.NONE


class TrackingService:
    """The store's side of mail tracking; no network here (see `imap_poller`)."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        activities: ActivityService,
        files: FileStore | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._activities = activities
        self._files = files or FileStore()
        self.keys = TrackingKeys(store)

    # -- links ---------------------------------------------------------------------------

    def tracking_address(self, mailbox_address: str, contact_id: int) -> str:
        """The tracking mailbox's address tagged for one contact."""
        return tagged_address(mailbox_address, make_tag(self.keys.key(), contact_id))

    def mailto_for(
        self, contact_id: int, mailbox_address: str, subject: str = "", body: str = ""
    ) -> MailtoLink:
        """A link to write to the contact (at their first address) with the tracking Bcc;
        without a tracking mailbox (`mailbox_address` empty) the link has no Bcc."""
        with self._store.session() as session:
            contact = session.get(Contact, contact_id)
            if contact is None:
                raise NotFoundError("contact_not_found", id=contact_id)
            to = contact.emails[0].address if contact.emails else ""
        if not to:
            raise ServiceError("contact_has_no_email", id=contact_id)
        bcc = self.tracking_address(mailbox_address, contact_id) if mailbox_address else ""
        return tracked_mailto(to, bcc, subject, body)

    # -- what the poller asks ------------------------------------------------------------

    def mailbox_seen(self, key: str, uidvalidity: int) -> tuple[int, bool]:
        """Remember the folder's UIDVALIDITY; returns its id and whether it changed."""
        now = self._clock.now()
        with self._store.session() as session:
            mailbox = session.scalar(select(TrackedMailbox).where(TrackedMailbox.key == key))
            if mailbox is None:
                mailbox = TrackedMailbox(key=key, uidvalidity=uidvalidity, checked_at=now)
                session.add(mailbox)
                session.flush()
                return mailbox.id, False
            changed = mailbox.uidvalidity != uidvalidity
            if changed:
                log.warning(
                    "uidvalidity changed mailbox=%s old=%s new=%s; reading it again",
                    key,
                    mailbox.uidvalidity,
                    uidvalidity,
                )
            mailbox.uidvalidity = uidvalidity
            mailbox.checked_at = now
            return mailbox.id, changed

    def known_uid(self, place: Place) -> bool:
        """Whether the message at `place` was handled already (under this UIDVALIDITY)."""
        with self._store.reading() as connection:
            found = connection.execute(
                select(TrackedMessage.id).where(
                    TrackedMessage.mailbox_id == place.mailbox_id,
                    TrackedMessage.uidvalidity == place.uidvalidity,
                    TrackedMessage.uid == place.uid,
                )
            ).first()
        return found is not None

    def is_known(self, message_id: str) -> bool:
        with self._store.reading() as connection:
            found = connection.execute(
                select(TrackedMessage.id).where(TrackedMessage.message_id == message_id)
            ).first()
        return found is not None

    def record(
        self, mail: DecodedMail, raw: bytes, mailbox_address: str, place: Place | None = None
    ) -> Recorded:
        """Log the message on its contacts, or put it in the review list; once per Message-ID."""
        if self.is_known(mail.message_id):
            return self._known(mail.message_id)
        targets = self._targets(mail, mailbox_address)
        if not targets.contact_ids:
            self._to_review(mail, raw, targets.reason, place)
            log.info("mail to review reason=%s", targets.reason)
            return Recorded(MessageOutcome.REVIEW, targets.reason)

        activity_ids = self._log_on(targets.contact_ids, mail)
        with self._store.session() as session:
            session.add(self._row(mail, MessageOutcome.LOGGED, ReviewReason.NONE, place))
        log.info("mail logged contacts=%s", targets.contact_ids)
        return Recorded(MessageOutcome.LOGGED, activity_ids=tuple(activity_ids))

    def record_calendar(self, mail: DecodedMail, place: Place | None = None) -> Recorded:
        """Note an iMIP reply the invitations took, so it is not handed over again."""
        if self.is_known(mail.message_id):
            return self._known(mail.message_id)
        with self._store.session() as session:
            session.add(self._row(mail, MessageOutcome.CALENDAR, ReviewReason.NONE, place))
        return Recorded(MessageOutcome.CALENDAR)

    # -- the review list -----------------------------------------------------------------

    def review_items(self) -> list[ReviewItem]:
        """Messages waiting for the user, oldest first."""
        query = (
            select(
                TrackedMessage.id,
                TrackedMessage.subject,
                TrackedMessage.sender,
                TrackedMessage.recipients,
                TrackedMessage.sent_at,
                TrackedMessage.reason,
                TrackedMessage.received_at,
            )
            .where(TrackedMessage.outcome == MessageOutcome.REVIEW)
            .order_by(TrackedMessage.received_at, TrackedMessage.id)
        )
        with self._store.session() as session:
            return [ReviewItem(*row) for row in session.execute(query)]

    def assign(self, item_id: int, contact_id: int) -> int:
        """Log a review item on the contact the user picked; returns the activity's id."""
        with self._store.session() as session:
            item = self._review_item(session, item_id)
            raw_sha256 = item.raw_sha256
        mail = parse_mail(self._files.read(raw_sha256))
        [activity_id] = self._log_on([contact_id], mail)
        with self._store.session() as session:
            item = self._review_item(session, item_id)
            item.outcome = MessageOutcome.LOGGED
            item.resolved_at = self._clock.now()
        log.info("review item logged id=%s contact=%s", item_id, contact_id)
        return activity_id

    def discard(self, item_id: int) -> None:
        """Drop a review item; its Message-ID stays known, so it never comes back."""
        with self._store.session() as session:
            item = self._review_item(session, item_id)
            item.outcome = MessageOutcome.DISCARDED
            item.resolved_at = self._clock.now()
            raw_sha256, item.raw_sha256 = item.raw_sha256, ""
        if raw_sha256:
            self._files.path(raw_sha256).unlink(missing_ok=True)
        log.info("review item discarded id=%s", item_id)

    # -- helpers -------------------------------------------------------------------------

    def _known(self, message_id: str) -> Recorded:
        with self._store.reading() as connection:
            outcome, reason = connection.execute(
                select(TrackedMessage.outcome, TrackedMessage.reason).where(
                    TrackedMessage.message_id == message_id
                )
            ).one()
        return Recorded(MessageOutcome(outcome), ReviewReason(reason), already_known=True)

    def _targets(self, mail: DecodedMail, mailbox_address: str) -> _Targets:
        """The contacts a message goes on: its valid tags', else its recipients'."""
        key = self.keys.key()
        readings = [
            read_address(key, mailbox_address, address)
            for address in [*mail.delivered_to, *_bare(mail.to), *_bare(mail.cc)]
        ]
        tagged = [r.contact_id for r in readings if r.status is TagStatus.VALID]
        forged = any(r.status is TagStatus.FORGED for r in readings)
        with self._store.session() as session:
            if tagged:
                found = _existing_contacts(session, tagged)
                return _Targets(
                    found, ReviewReason.NONE if found else ReviewReason.UNKNOWN_CONTACT
                )
            if forged:
                return _Targets([], ReviewReason.FORGED_TAG)
            folded = [address.casefold() for address in _bare([*mail.to, *mail.cc])]
            matched = session.scalars(
                select(ContactEmail.contact_id)
                .where(ContactEmail.folded.in_(folded))
                .order_by(ContactEmail.contact_id)
            )
            found = list(dict.fromkeys(matched))
        return _Targets(found, ReviewReason.NONE if found else ReviewReason.NO_MATCH)

    def _log_on(self, contact_ids: list[int], mail: DecodedMail) -> list[int]:
        """One e-mail activity per contact, with the attachments; repeated, it adds nothing."""
        stored = {a.sha256: self._files.put(a.data) for a in mail.attachments if a.data}
        activity_ids = []
        for contact_id in contact_ids:
            activity_id = self._logged_activity(contact_id, mail.message_id)
            if activity_id is None:
                activity_id = self._activities.log_email(
                    contact_id,
                    subject=mail.subject,
                    sent_at=mail.sent_at or self._clock.now(),
                    sender=mail.sender,
                    to=", ".join(mail.to),
                    cc=", ".join(mail.cc),
                    body=mail.body,
                    message_id=mail.message_id,
                )
            self._attach(contact_id, activity_id, mail, stored)
            activity_ids.append(activity_id)
        return activity_ids

    def _logged_activity(self, contact_id: int, message_id: str) -> int | None:
        with self._store.reading() as connection:
            return connection.execute(
                select(Activity.id).where(
                    Activity.contact_id == contact_id,
                    Activity.kind == ActivityKind.EMAIL,
                    Activity.message_id == message_id,
                )
            ).scalar()

    def _attach(
        self, contact_id: int, activity_id: int, mail: DecodedMail, stored: dict[str, str]
    ) -> None:
        """Document rows for the attachments: kept files by their SHA-256, the too large
        ones by name and size only (an empty `sha256`)."""
        now = self._clock.now()
        with self._store.session() as session:
            rows = session.execute(
                select(Document.name, Document.sha256).where(Document.activity_id == activity_id)
            )
            present = {(name, digest) for name, digest in rows}
            for attachment in mail.attachments:
                digest = stored.get(attachment.sha256, "")
                if (attachment.name, digest) in present:
                    continue
                session.add(
                    Document(
                        contact_id=contact_id,
                        activity_id=activity_id,
                        name=attachment.name[:500],
                        size=attachment.size,
                        mime_type=attachment.mime_type[:200],
                        sha256=digest,
                        added_at=now,
                    )
                )

    def _to_review(
        self, mail: DecodedMail, raw: bytes, reason: ReviewReason, place: Place | None
    ) -> None:
        digest = self._files.put(raw)
        with self._store.session() as session:
            row = self._row(mail, MessageOutcome.REVIEW, reason, place)
            row.raw_sha256 = digest
            session.add(row)

    def _row(
        self,
        mail: DecodedMail,
        outcome: MessageOutcome,
        reason: ReviewReason,
        place: Place | None,
    ) -> TrackedMessage:
        return TrackedMessage(
            message_id=mail.message_id,
            outcome=outcome,
            reason=reason,
            mailbox_id=place.mailbox_id if place else None,
            uidvalidity=place.uidvalidity if place else None,
            uid=place.uid if place else None,
            subject=mail.subject,
            sender=mail.sender,
            recipients=", ".join([*mail.to, *mail.cc]),
            sent_at=mail.sent_at,
            raw_sha256="",
            received_at=self._clock.now(),
            resolved_at=None,
        )

    def _review_item(self, session: Session, item_id: int) -> TrackedMessage:
        item = session.get(TrackedMessage, item_id)
        if item is None or item.outcome is not MessageOutcome.REVIEW:
            raise NotFoundError("review_item_not_found", id=item_id)
        return item


def _bare(addresses: list[str]) -> list[str]:
    """The address part of each `Name <address>`."""
    return [a.rsplit("<", 1)[-1].rstrip(">").strip() for a in addresses]


def _existing_contacts(session: Session, contact_ids: list[int]) -> list[int]:
    unique = list(dict.fromkeys(contact_ids))
    found = set(session.scalars(select(Contact.id).where(Contact.id.in_(unique))))
    return [contact_id for contact_id in unique if contact_id in found]
