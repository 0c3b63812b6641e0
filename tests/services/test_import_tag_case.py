"""Imported tags in another letter case reuse the stored tag, its spelling and colour."""

from __future__ import annotations

from pathlib import Path

from kesher_desktop.clock import FrozenClock
from kesher_desktop.db.store import Store
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft, EmailEntry
from kesher_desktop.services.importing import ContactImporter, ParsedFile, ParsedRecord


def _import(store: Store, clock: FrozenClock, drafts: list[ContactDraft]) -> list[int]:
    records = [ParsedRecord(n, n + 1, draft) for n, draft in enumerate(drafts, start=1)]
    parsed = ParsedFile(Path("people.vcf"), "vcard", "utf-8", records)
    return ContactImporter(store, clock).import_files([parsed]).changed_ids


def test_imported_tags_in_another_case_are_the_stored_tag(
    store: Store, clock: FrozenClock, services: Services
) -> None:
    services.contacts.create(ContactDraft(given_name="רון", tags=["VIP"]))
    services.contacts.set_tag_color("VIP", "#e91e63")

    ids = _import(
        store,
        clock,
        [
            ContactDraft(given_name="Avi", tags=["vip", "Clients"]),
            ContactDraft(given_name="Noa", tags=["clients", "Vip", "VIP"]),
        ],
    )

    assert [(tag.name, tag.color) for tag in services.contacts.tags()] == [
        ("Clients", "#607d8b"),
        ("VIP", "#e91e63"),
    ]
    assert [services.contacts.get(i).tags for i in ids] == [["Clients", "VIP"]] * 2


def test_people_merged_with_one_tag_in_two_cases_get_it_once(
    store: Store, clock: FrozenClock, services: Services, contact_id: int
) -> None:
    # Two rows of one person (same e-mail), and a row merging into the stored contact.
    ids = _import(
        store,
        clock,
        [
            ContactDraft(given_name="Avi", emails=[EmailEntry("avi@x.example")], tags=["Team"]),
            ContactDraft(emails=[EmailEntry("AVI@x.example")], tags=["team"]),
            ContactDraft(emails=[EmailEntry("dana.levi@example.com")], tags=["לקוחות", "vip"]),
            ContactDraft(emails=[EmailEntry("Dana.Levi@example.com")], tags=["VIP"]),
        ],
    )

    assert sorted(ids) == sorted([contact_id, ids[0]])
    assert services.contacts.get(ids[0]).tags == ["Team"]
    assert services.contacts.get(contact_id).tags == ["vip", "לקוחות"]
    assert [tag.name for tag in services.contacts.tags()] == ["Team", "vip", "לקוחות"]
