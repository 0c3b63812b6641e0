"""Reading the documents kept on a contact; storing files arrives with the attachments work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from kesher_desktop.db.store import Store
from kesher_desktop.models import Document


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    name: str
    size: int | None
    added_at: datetime


class DocumentService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def for_contact(self, contact_id: int) -> list[DocumentInfo]:
        """The contact's own documents (not those of its activities), newest first."""
        with self._store.reading() as connection:
            rows = connection.execute(
                select(Document.id, Document.name, Document.size, Document.added_at)
                .where(Document.contact_id == contact_id, Document.activity_id.is_(None))
                .order_by(Document.added_at.desc())
            )
            return [DocumentInfo(*row) for row in rows]
