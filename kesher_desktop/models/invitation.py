"""Invitations to meetings and calls: who was invited, what each was sent, and their answer."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kesher_desktop.models.activity import string_enum
from kesher_desktop.models.base import Base


class CalendarMethod(enum.StrEnum):
    """The iTIP method of a calendar sent (RFC 5546)."""

    REQUEST = "REQUEST"
    CANCEL = "CANCEL"


class InvitationAnswer(enum.StrEnum):
    """An invitee's answer, from the PARTSTAT of their iMIP reply; NONE until one comes."""

    NONE = ""
    ACCEPTED = "accepted"
    TENTATIVE = "tentative"
    DECLINED = "declined"


class Invitation(Base):
    """One invitee of an activity, by address, and the last answer they sent.

    Rows outlive the invitee's removal from the activity: the ledger then still shows the
    cancel they were sent. `folded` is the address case-folded, for matching replies.
    """

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    address: Mapped[str] = mapped_column(String(320))
    folded: Mapped[str] = mapped_column(String(320))
    name: Mapped[str] = mapped_column(String(200), default="")
    answer: Mapped[InvitationAnswer] = mapped_column(
        string_enum(InvitationAnswer), default=InvitationAnswer.NONE
    )
    # The reply's SEQUENCE and DTSTAMP, so an older reply read late does not undo a newer one.
    answer_sequence: Mapped[int] = mapped_column(default=0)
    answered_at: Mapped[datetime | None]

    sends: Mapped[list[InvitationSend]] = relationship(
        back_populates="invitation", cascade="all, delete-orphan", order_by="InvitationSend.id"
    )

    __table_args__ = (UniqueConstraint("activity_id", "folded"),)


class InvitationSend(Base):
    """The ledger: one calendar queued to one invitee, with its SEQUENCE and outbox mail.

    `fingerprint` sums up what a REQUEST said (time, place, invitees): the next save
    sends an update only when it differs.
    """

    __tablename__ = "invitation_sends"

    id: Mapped[int] = mapped_column(primary_key=True)
    invitation_id: Mapped[int] = mapped_column(
        ForeignKey("invitations.id", ondelete="CASCADE"), index=True
    )
    method: Mapped[CalendarMethod] = mapped_column(string_enum(CalendarMethod))
    sequence: Mapped[int]
    fingerprint: Mapped[str] = mapped_column(String(64), default="")
    # The outbox row. No foreign key, as for reminder mail: the history stays readable.
    mail_id: Mapped[int] = mapped_column(index=True)
    queued_at: Mapped[datetime]

    invitation: Mapped[Invitation] = relationship(back_populates="sends")
