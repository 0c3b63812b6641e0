"""The documents of a contact and its activities: listing, attaching, renaming, removing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import ActivityKind, Document
from kesher_desktop.services.attachment_intake import RefusalReason
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft
from kesher_desktop.services.documents import FileState
from kesher_desktop.services.errors import NotFoundError, ValidationError


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


def _file(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


def test_files_attached_to_the_contact_and_to_an_activity_are_listed_grouped(
    services: Services, contact_id: int, tmp_path: Path, clock: FrozenClock
) -> None:
    activities = services.activities
    draft = activities.new_draft(contact_id, ActivityKind.MEETING)
    draft.title = "פגישת היכרות"
    meeting = activities.create(contact_id, draft)
    deleted = activities.create(contact_id, activities.new_draft(contact_id, ActivityKind.CALL))
    documents = services.documents

    documents.add_files(contact_id, None, [_file(tmp_path, "חוזה.pdf", b"contract")])
    clock.advance(timedelta(minutes=1))
    documents.add_files(contact_id, meeting, [_file(tmp_path, "סיכום.docx", b"summary")])
    documents.add_files(contact_id, deleted, [_file(tmp_path, "gone.txt", b"gone")])
    activities.delete(deleted)

    listing = documents.listing(contact_id)
    assert [(d.name, d.size, d.mime_type) for d in listing.own] == [
        ("חוזה.pdf", 8, "application/pdf")
    ]
    assert [
        (g.activity_id, g.title, [d.name for d in g.documents]) for g in listing.by_activity
    ] == [(meeting, "פגישת היכרות", ["סיכום.docx"])]
    assert [d.name for d in documents.for_activity(meeting)] == ["סיכום.docx"]


def test_attaching_to_another_contacts_activity_is_refused(
    services: Services, contact_id: int, tmp_path: Path
) -> None:
    other = services.contacts.create(ContactDraft(given_name="יוסי"))
    meeting = services.activities.create(
        other, services.activities.new_draft(other, ActivityKind.MEETING)
    )
    intake = services.documents.store_files([_file(tmp_path, "a.txt", b"a")])

    with pytest.raises(NotFoundError):
        services.documents.attach(contact_id, meeting, intake.stored)


def test_rename_keeps_a_clean_name_and_refuses_an_empty_one(
    services: Services, contact_id: int, tmp_path: Path
) -> None:
    [doc_id], _ = services.documents.add_files(contact_id, None, [_file(tmp_path, "a.txt", b"a")])

    kept = services.documents.rename(doc_id, "..\\..\\הצעה\u202e סופית.txt")

    assert kept == "הצעה סופית.txt"
    assert [d.name for d in services.documents.for_contact(contact_id)] == ["הצעה סופית.txt"]
    with pytest.raises(ValidationError):
        services.documents.rename(doc_id, " \u200f ")


def test_remove_hides_the_document_and_restore_brings_it_back_with_its_file(
    services: Services, contact_id: int, tmp_path: Path
) -> None:
    [doc_id], _ = services.documents.add_files(
        contact_id, None, [_file(tmp_path, "a.txt", b"keep me")]
    )
    stored = services.documents.file_path(doc_id)
    assert stored is not None

    services.documents.remove(doc_id)

    assert services.documents.listing(contact_id).is_empty()
    assert stored.exists()
    with pytest.raises(NotFoundError):
        services.documents.file_path(doc_id)

    services.documents.restore(doc_id)

    assert [d.id for d in services.documents.for_contact(contact_id)] == [doc_id]
    target = tmp_path / "out" / "copy.txt"
    target.parent.mkdir()
    services.documents.save_copy(doc_id, target)
    assert target.read_bytes() == b"keep me"


def test_undoing_a_removal_does_not_list_a_file_attached_again_twice(
    services: Services, contact_id: int, tmp_path: Path
) -> None:
    source = _file(tmp_path, "a.txt", b"once")
    [first], _ = services.documents.add_files(contact_id, None, [source])
    services.documents.remove(first)
    [again], _ = services.documents.add_files(contact_id, None, [source])

    restored = services.documents.restore(first)

    assert not restored
    assert [d.id for d in services.documents.for_contact(contact_id)] == [again]


def test_a_file_whose_stored_copy_is_gone_is_listed_as_missing(
    services: Services, contact_id: int, tmp_path: Path
) -> None:
    [doc_id], _ = services.documents.add_files(
        contact_id, None, [_file(tmp_path, "a.txt", b"soon gone")]
    )
    stored = services.documents.file_path(doc_id)
    assert stored is not None
    assert services.documents.for_contact(contact_id)[0].state is FileState.PRESENT

    stored.unlink()

    assert services.documents.for_contact(contact_id)[0].state is FileState.MISSING
    assert services.documents.file_path(doc_id) is None
    with pytest.raises(NotFoundError):
        services.documents.save_copy(doc_id, tmp_path / "copy.txt")


def test_a_stored_file_whose_copy_went_is_not_attached(
    services: Services, contact_id: int, tmp_path: Path
) -> None:
    documents = services.documents
    intake = documents.store_files([_file(tmp_path, "a.txt", b"a"), _file(tmp_path, "b", b"b")])
    documents.files.path(intake.stored[0].sha256).unlink()

    with pytest.raises(NotFoundError) as missing:
        documents.attach(contact_id, None, intake.stored)

    assert missing.value.code == "document_file_missing"
    assert missing.value.params == {"names": "a.txt"}
    assert documents.listing(contact_id).is_empty()


def test_the_same_file_on_two_documents_is_one_stored_copy(
    services: Services, contact_id: int, tmp_path: Path
) -> None:
    source = _file(tmp_path, "a.txt", b"twice")
    meeting = services.activities.create(
        contact_id, services.activities.new_draft(contact_id, ActivityKind.MEETING)
    )

    [own], _ = services.documents.add_files(contact_id, None, [source])
    [meetings], _ = services.documents.add_files(None, meeting, [source])

    paths = {services.documents.file_path(doc_id) for doc_id in (own, meetings)}
    assert len(paths) == 1
    services.documents.remove(own)
    assert services.documents.file_path(meetings) in paths


def test_content_already_on_the_contact_or_activity_is_refused_by_name(
    services: Services, contact_id: int, tmp_path: Path
) -> None:
    documents = services.documents
    meeting = services.activities.create(
        contact_id, services.activities.new_draft(contact_id, ActivityKind.MEETING)
    )
    contract = _file(tmp_path, "חוזה.pdf", b"contract")
    renamed = _file(tmp_path, "contract copy.pdf", b"contract")
    documents.add_files(contact_id, None, [contract])
    documents.add_files(None, meeting, [contract])

    ids, intake = documents.add_files(
        contact_id, None, [contract, _file(tmp_path, "new.txt", b"new"), renamed]
    )
    _, on_meeting = documents.add_files(contact_id, meeting, [renamed])

    assert [d.name for d in documents.for_contact(contact_id)] == ["new.txt", "חוזה.pdf"]
    assert len(ids) == 1 and [f.name for f in intake.stored] == ["new.txt"]
    assert [(f.name, f.reason) for f in intake.refused] == [
        ("חוזה.pdf", RefusalReason.ALREADY_ATTACHED),
        ("contract copy.pdf", RefusalReason.ALREADY_ATTACHED),
    ]
    assert [f.name for f in on_meeting.refused] == ["contract copy.pdf"]
    assert [d.name for d in documents.for_activity(meeting)] == ["חוזה.pdf"]


def test_one_file_twice_in_one_go_is_attached_once_and_again_once_removed(
    services: Services, contact_id: int, tmp_path: Path
) -> None:
    source = _file(tmp_path, "a.txt", b"twice")

    [doc_id], intake = services.documents.add_files(contact_id, None, [source, source])
    services.documents.remove(doc_id)
    again, _ = services.documents.add_files(contact_id, None, [source])

    assert [f.reason for f in intake.refused] == [RefusalReason.ALREADY_ATTACHED]
    assert len(again) == 1 and services.documents.for_contact(contact_id)[0].id == again[0]


def test_files_held_for_an_unsaved_activity_are_not_held_twice(
    services: Services, tmp_path: Path
) -> None:
    source = _file(tmp_path, "a.txt", b"held")
    held = services.documents.store_files([source]).stored

    intake = services.documents.store_files(
        [_file(tmp_path, "b.txt", b"held"), _file(tmp_path, "c.txt", b"other")], held=held
    )

    assert [f.name for f in intake.stored] == ["c.txt"]
    assert [(f.name, f.reason) for f in intake.refused] == [
        ("b.txt", RefusalReason.ALREADY_ATTACHED)
    ]
