"""What the tracking mailbox has taught us: mailboxes read, and each message handled once."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kesher_desktop.models.activity import string_enum
from kesher_desktop.models.base import Base


class TrackedMailbox(Base):
    """One folder of one IMAP account, with the UIDVALIDITY it had when last read.

    UIDs remembered in `TrackedMessage` count only under the same UIDVALIDITY; when it
    changes, the folder is read again from the start and Message-IDs keep anything from
    being logged twice.
    """

    __tablename__ = "tracked_mailboxes"

    id: Mapped[int] = mapped_column(primary_key=True)
    # "user@host:port/folder"
    key: Mapped[str] = mapped_column(String(500), unique=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    checked_at: Mapped[datetime]


class MessageOutcome(enum.StrEnum):
    LOGGED = "logged"  # an e-mail activity on one or more contacts
    REVIEW = "review"  # waits in the review list for the user to pick a contact
    DISCARDED = "discarded"  # the user threw it away from the review list
    CALENDAR = "calendar"  # an iMIP reply, handed to the invitations


class ReviewReason(enum.StrEnum):
    NONE = ""
    NO_MATCH = "no_match"  # no tag, and no recipient is a known contact
    FORGED_TAG = "forged_tag"  # a tag whose signature does not verify
    UNKNOWN_CONTACT = "unknown_contact"  # a genuine tag naming a contact since deleted


class TrackedMessage(Base):
    """One message of the tracking mailbox, by Message-ID, and what became of it.

    The unique Message-ID is what makes each message count once, whatever its UID. Review
    items keep the raw message in the file store (`raw_sha256`) so that picking a contact
    later logs it with its attachments.
    """

    __tablename__ = "tracked_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[str] = mapped_column(String(998), unique=True)
    outcome: Mapped[MessageOutcome] = mapped_column(string_enum(MessageOutcome))
    reason: Mapped[ReviewReason] = mapped_column(string_enum(ReviewReason), default="")
    mailbox_id: Mapped[int | None] = mapped_column(
        ForeignKey("tracked_mailboxes.id", ondelete="SET NULL")
    )
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    uid: Mapped[int | None] = mapped_column(BigInteger)
    subject: Mapped[str] = mapped_column(Text, default="")
    sender: Mapped[str] = mapped_column(Text, default="")
    recipients: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None]
    raw_sha256: Mapped[str] = mapped_column(String(64), default="")
    received_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]

    __table_args__ = (
        Index("ix_tracked_messages_uid", "mailbox_id", "uidvalidity", "uid"),
        Index("ix_tracked_messages_outcome", "outcome"),
    )
