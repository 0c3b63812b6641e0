"""The documents list of a contact: its own documents, newest first, not its activities'."""

from __future__ import annotations

from datetime import UTC, datetime

from kesher_desktop.models import ActivityKind, Document
from kesher_desktop.services.bundle import Services


def test_contact_documents_newest_first_without_activity_files(
    services: Services, contact_id: int
) -> None:
    meeting = services.activities.create(
        contact_id, services.activities.new_draft(contact_id, ActivityKind.MEETING)
    )
    with services.store.session() as session:
        for name, day, activity in (("a.pdf", 1, None), ("b.docx", 5, None), ("c", 9, meeting)):
            session.add(
                Document(
                    contact_id=contact_id,
                    activity_id=activity,
                    name=name,
                    size=10,
                    added_at=datetime(2026, 3, day, tzinfo=UTC),
                )
            )

    listed = services.documents.for_contact(contact_id)
    assert [(d.name, d.added_at.day) for d in listed] == [("b.docx", 5), ("a.pdf", 1)]
