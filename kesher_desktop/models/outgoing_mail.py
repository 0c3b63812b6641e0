"""Mail waiting to be sent (the outbox), kept until the server has taken it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kesher_desktop.models.base import Base


class OutgoingMail(Base):
    """One message, queued in the same transaction as what caused it and sent by a worker.

    `next_attempt_at` is when a worker may try it next; it is cleared once the mail is sent,
    so the index on it holds only what is still to go.
    """

    __tablename__ = "outgoing_mail"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The reminder alert that queued it, if any. No foreign key: the mail's history stays
    # readable whatever becomes of the ledger's rows.
    alert_id: Mapped[int | None] = mapped_column(index=True)
    # One address a line.
    recipients: Mapped[str] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(String(998))
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text, default="")
    # An invitation's iCalendar text and its METHOD (REQUEST, CANCEL); empty for other mail.
    calendar: Mapped[str] = mapped_column(Text, default="", server_default="")
    calendar_method: Mapped[str] = mapped_column(String(20), default="", server_default="")
    queued_at: Mapped[datetime]
    next_attempt_at: Mapped[datetime | None] = mapped_column(index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_attempt_at: Mapped[datetime | None]
    # Why the last attempt failed, as the server or the network said it; empty after success.
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None]
