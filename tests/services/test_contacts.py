"""Contact editing, validation and the SQL-side search of the contact list."""

from __future__ import annotations

import pytest

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft, EmailEntry, PhoneEntry
from kesher_desktop.services.errors import NotFoundError, ValidationError


def _names(services: Services, query: str) -> list[str]:
    return [row.name for row in services.contacts.list_page(query, 0, 50)]


@pytest.fixture
def people(services: Services) -> None:
    services.contacts.create(
        ContactDraft(
            given_name="שָׂרָה",
            family_name="כהן",
            phones=[PhoneEntry("+972 52 123 4567")],
            tags=["ספקים"],
        )
    )
    services.contacts.create(
        ContactDraft(
            given_name="Avi",
            family_name="Mizrahi",
            organisation="Acme Ltd",
            emails=[EmailEntry("avi@acme.example")],
        )
    )
    services.contacts.create(ContactDraft(given_name="Bella", family_name="Ohana"))


@pytest.mark.usefixtures("people")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["avi mizrahi", "bella ohana", "שָׂרָה כהן"]),
        ("שרה", ["שָׂרָה כהן"]),
        ("שָׂרָ", ["שָׂרָה כהן"]),
        ("052-123-4567", ["שָׂרָה כהן"]),
        ("+972 52 123 4567", ["שָׂרָה כהן"]),
        ("0521", ["שָׂרָה כהן"]),
        ("ספק", ["שָׂרָה כהן"]),
        ("acme", ["avi mizrahi"]),
        ("AVI@ACME", ["avi mizrahi"]),
        ("avi ohana", []),
        ('"OR', []),
    ],
)
def test_search_matches_names_phones_emails_tags(
    services: Services, query: str, expected: list[str]
) -> None:
    assert [name.casefold() for name in _names(services, query)] == expected


def test_list_pages_follow_each_other(services: Services) -> None:
    for number in range(25):
        services.contacts.create(ContactDraft(given_name=f"P{number:02d}"))
    first = services.contacts.list_page("", 0, 10)
    second = services.contacts.list_page("", 10, 10)
    assert [row.name for row in first + second] == [f"P{n:02d}" for n in range(20)]


def test_edit_reindexes_the_contact(services: Services, contact_id: int) -> None:
    draft = services.contacts.get(contact_id)
    draft.family_name = "ברק"
    services.contacts.update(contact_id, draft)
    assert _names(services, "ברק") == ["דנה ברק"]
    assert _names(services, "לוי") == ["דנה ברק"]  # still found by organisation "לוי ייעוץ"
    draft.organisation = ""
    services.contacts.update(contact_id, draft)
    assert _names(services, "לוי") == []


def test_delete_removes_from_search(services: Services, contact_id: int) -> None:
    services.contacts.delete(contact_id)
    assert _names(services, "דנה") == []
    with pytest.raises(NotFoundError):
        services.contacts.get(contact_id)


@pytest.mark.parametrize(
    ("draft", "code", "field"),
    [
        (ContactDraft(), "contact_needs_name", "given_name"),
        (
            ContactDraft(given_name="a", emails=[EmailEntry("no-at-sign")]),
            "email_malformed",
            "emails",
        ),
        (ContactDraft(given_name="a", emails=[EmailEntry("a@b")]), "email_malformed", "emails"),
        (
            ContactDraft(given_name="a", phones=[PhoneEntry("call me")]),
            "phone_malformed",
            "phones",
        ),
        (ContactDraft(given_name="a", phones=[PhoneEntry("abc1")]), "phone_malformed", "phones"),
        (ContactDraft(given_name="x" * 201), "too_long", "given_name"),
    ],
)
def test_bad_input_names_the_problem(
    services: Services, draft: ContactDraft, code: str, field: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        services.contacts.create(draft)
    assert (raised.value.code, raised.value.field) == (code, field)
    assert services.contacts.count() == 0


def test_tags_are_shared_and_coloured(services: Services, contact_id: int) -> None:
    services.contacts.create(ContactDraft(given_name="רון", tags=["לקוחות", "VIP"]))
    services.contacts.set_tag_color("לקוחות", "#e91e63")
    tags = {tag.name: tag.color for tag in services.contacts.tags()}
    assert tags == {"VIP": "#607d8b", "לקוחות": "#e91e63"}


def test_round_trip_keeps_every_field(services: Services) -> None:
    from datetime import date

    draft = ContactDraft(
        given_name="נועה",
        family_name="פרץ",
        organisation="עמותת גשר",
        role="רכזת",
        address="רחוב הרצל 1, חיפה",
        birthday=date(1990, 5, 17),
        notes="שורה 1\nשורה 2",
        phones=[PhoneEntry("04-555-0101", "work"), PhoneEntry("054-000-1111", "mobile")],
        emails=[EmailEntry("noa@gesher.example", "work")],
        tags=["מתנדבים"],
        fields=[("מספר עוסק", "123456789")],
    )
    created = services.contacts.create(draft)
    assert services.contacts.get(created) == draft
