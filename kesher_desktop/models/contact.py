"""Contacts and what hangs off them: phones, e-mails, tags, extra fields and documents."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import BigInteger, Column, Enum, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kesher_desktop.models.base import Base

contact_tags = Table(
    "contact_tags",
    Base.metadata,
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Contact(Base):
    """A person the business works with."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    given_name: Mapped[str] = mapped_column(String(200), default="")
    family_name: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    birthday: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    # Folded display name; indexed so the list sorts in SQL without a full scan.
    sort_key: Mapped[str] = mapped_column(String(400), default="")
    # Follows (sort_key, id) order; the search index is keyed by it (see db/sort_rank.py).
    search_rank: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

    phones: Mapped[list[ContactPhone]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactPhone.position"
    )
    emails: Mapped[list[ContactEmail]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactEmail.position"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=contact_tags, order_by="Tag.name")
    fields: Mapped[list[ContactField]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactField.position"
    )
    documents: Mapped[list[Document]] = relationship(
        back_populates="contact", cascade="all, delete-orphan"
    )

    # Covering, so finding a new contact's neighbours in name order never reads the table.
    __table_args__ = (Index("ix_contacts_sort", "sort_key", "id", "search_rank"),)

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)


class ContactPhone(Base):
    """One phone number of a contact, as typed, with its E.164 form for matching."""

    __tablename__ = "contact_phones"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20), default="mobile")
    number: Mapped[str] = mapped_column(String(60))
    e164: Mapped[str] = mapped_column(String(20), default="", index=True)
    position: Mapped[int] = mapped_column(default=0)

    contact: Mapped[Contact] = relationship(back_populates="phones")

    __table_args__ = (Index("ix_contact_phones_contact", "contact_id"),)


class ContactEmail(Base):
    """One e-mail address of a contact; `address` is kept as typed, `folded` for matching."""

    __tablename__ = "contact_emails"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20), default="work")
    address: Mapped[str] = mapped_column(String(320))
    folded: Mapped[str] = mapped_column(String(320), index=True)
    position: Mapped[int] = mapped_column(default=0)

    contact: Mapped[Contact] = relationship(back_populates="emails")

    __table_args__ = (Index("ix_contact_emails_contact", "contact_id"),)


class Tag(Base):
    """A coloured label that groups contacts."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    color: Mapped[str] = mapped_column(String(9), default="#607d8b")


class ContactField(Base):
    """A free "more details" field: a label of the user's choosing and its value."""

    __tablename__ = "contact_fields"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(100))
    value: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(default=0)

    contact: Mapped[Contact] = relationship(back_populates="fields")


class DocumentKind(enum.StrEnum):
    """What a document row holds: a file kept in the app's file store, or a link."""

    FILE = "file"
    # A folder in Dropbox or Google Drive, opened in the browser through `link_url`.
    LINK = "link"


class Document(Base):
    """A document on the contact, or on one of its activities (`activity_id` set).

    A file's content is in the file store under `sha256` (see services/file_store.py); an
    empty `sha256` means the file was never kept (a mail attachment over the size limit).
    `name` is only what is shown: cleaned on the way in, it never names a file on disk.
    A removed document keeps its row, with `removed_at` set, so the removal can be undone.

    A link (`kind` = link) names a cloud folder: `link_service` is "dropbox" or "drive"
    (services/folder_links.py LinkService), `link_target` what that service finds the folder
    by (Dropbox's folder id, Drive's file id), `link_path` the path shown, and `link_state`
    what the last check found (LinkState), at `link_checked_at`.
    """

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[DocumentKind] = mapped_column(
        Enum(
            DocumentKind,
            native_enum=False,
            values_callable=lambda kinds: [kind.value for kind in kinds],
            length=20,
        ),
        default=DocumentKind.FILE,
        server_default=DocumentKind.FILE.value,
    )
    name: Mapped[str] = mapped_column(String(500))
    size: Mapped[int | None]
    mime_type: Mapped[str] = mapped_column(String(200), default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    link_url: Mapped[str] = mapped_column(Text, default="")
    link_service: Mapped[str] = mapped_column(String(20), default="", server_default="")
    link_target: Mapped[str] = mapped_column(Text, default="", server_default="")
    link_path: Mapped[str] = mapped_column(Text, default="", server_default="")
    link_state: Mapped[str] = mapped_column(
        String(20), default="unchecked", server_default="unchecked"
    )
    link_checked_at: Mapped[datetime | None]
    # The file's own last-modified time on the disk it came from, when it had one.
    file_modified_at: Mapped[datetime | None]
    added_at: Mapped[datetime]
    removed_at: Mapped[datetime | None]

    contact: Mapped[Contact] = relationship(back_populates="documents")
