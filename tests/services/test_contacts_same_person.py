"""Who a new contact may already be (same e-mail or phone), and tags that differ in case."""

from __future__ import annotations

from pathlib import Path

from kesher_desktop.clock import FrozenClock
from kesher_desktop.db.store import Store
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft, EmailEntry, PhoneEntry, SamePerson
from kesher_desktop.services.importing import ContactImporter, ParsedFile, ParsedRecord


def _draft(email: str = "", phone: str = "") -> ContactDraft:
    return ContactDraft(given_name="דנה", emails=[EmailEntry(email)], phones=[PhoneEntry(phone)])


def test_the_same_email_in_another_case_is_the_same_person(
    services: Services, contact_id: int
) -> None:
    found = services.contacts.find_same_person(_draft(email="  Dana.LEVI@Example.com "))

    assert found == [SamePerson(contact_id, "דנה לוי", email="dana.levi@example.com")]


def test_the_same_phone_written_another_way_is_the_same_person(
    services: Services, contact_id: int
) -> None:
    # Stored as 052-123-4567: compared in E.164, as the importer merges.
    for written in ("+972 52 123 4567", "0521234567", "+972-52-1234567"):
        found = services.contacts.find_same_person(_draft(phone=written))
        assert found == [SamePerson(contact_id, "דנה לוי", phone="052-123-4567")], written


def test_a_different_email_and_phone_find_no_one(services: Services, contact_id: int) -> None:
    assert services.contacts.find_same_person(_draft("dana@other.example", "052-765-4321")) == []
    assert services.contacts.find_same_person(_draft()) == []
    assert services.contacts.find_same_person(_draft(phone="not a number")) == []


def test_who_shares_more_comes_first_and_a_nameless_contact_goes_by_its_organisation(
    services: Services, contact_id: int
) -> None:
    by_phone = services.contacts.create(
        ContactDraft(organisation="Acme Ltd", phones=[PhoneEntry("03-555-0101")])
    )
    both = services.contacts.create(
        ContactDraft(
            given_name="Dana",
            emails=[EmailEntry("dana@acme.example")],
            phones=[PhoneEntry("+972 3 555 0101")],
        )
    )
    draft = ContactDraft(
        emails=[EmailEntry("dana.levi@example.com"), EmailEntry("DANA@acme.example")],
        phones=[PhoneEntry("03 555 0101")],
    )

    found = services.contacts.find_same_person(draft)

    assert found == [
        SamePerson(both, "Dana", "dana@acme.example", "+972 3 555 0101"),
        SamePerson(contact_id, "דנה לוי", email="dana.levi@example.com"),
        SamePerson(by_phone, "Acme Ltd", phone="03-555-0101"),
    ]


def test_an_imported_contact_is_found_by_its_phone(
    store: Store, clock: FrozenClock, services: Services, tmp_path: Path
) -> None:
    draft = ContactDraft(given_name="Avi", phones=[PhoneEntry("+972 54 765 4321")])
    parsed = ParsedFile(
        tmp_path / "people.csv", "google_csv", "utf-8", [ParsedRecord(1, 2, draft)]
    )
    imported = ContactImporter(store, clock).import_files([parsed]).changed_ids

    found = services.contacts.find_same_person(_draft(phone="054-765-4321"))

    assert found == [SamePerson(imported[0], "Avi", phone="+972 54 765 4321")]


# -- tags in another letter case ----------------------------------------------------------


def test_a_tag_typed_in_another_case_reuses_the_stored_one_with_its_colour(
    services: Services,
) -> None:
    services.contacts.create(ContactDraft(given_name="רון", tags=["VIP"]))
    services.contacts.set_tag_color("VIP", "#e91e63")

    other = services.contacts.create(ContactDraft(given_name="גל", tags=["vip", "Ärzte"]))
    services.contacts.create(ContactDraft(given_name="טל", tags=["ÄRZTE"]))

    assert [(t.name, t.color) for t in services.contacts.tags()] == [
        ("VIP", "#e91e63"),
        ("Ärzte", "#607d8b"),
    ]
    assert services.contacts.get(other).tags == ["VIP", "Ärzte"]


def test_one_tag_in_two_cases_on_one_contact_is_kept_once(
    services: Services, contact_id: int
) -> None:
    draft = services.contacts.get(contact_id)
    draft.tags = ["Team", "לקוחות", "team", "TEAM"]
    services.contacts.update(contact_id, draft)

    assert services.contacts.get(contact_id).tags == ["Team", "לקוחות"]
    assert [tag.name for tag in services.contacts.tags()] == ["Team", "לקוחות"]
    assert [row.name for row in services.contacts.list_page("team", 0, 10)] == ["דנה לוי"]


def test_the_exact_spelling_wins_where_two_stored_tags_differ_only_in_case(
    services: Services, store: Store
) -> None:
    from kesher_desktop.models import Tag

    # Stored before case was ignored: both spellings are there.
    with store.session() as session:
        session.add_all([Tag(name="VIP", color="#111111"), Tag(name="vip", color="#222222")])

    exact = services.contacts.create(ContactDraft(given_name="רון", tags=["vip"]))
    folded = services.contacts.create(ContactDraft(given_name="גל", tags=["Vip"]))

    assert services.contacts.get(exact).tags == ["vip"]
    assert services.contacts.get(folded).tags == ["VIP"]
