"""Finding a contact by the last digits of a phone number, as callers are looked up."""

from __future__ import annotations

from pathlib import Path

import pytest

from kesher_desktop.clock import FrozenClock
from kesher_desktop.db.store import Store
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft, PhoneEntry
from kesher_desktop.services.importing import ContactImporter

DATA = Path(__file__).resolve().parent.parent / "data" / "contacts"


def _names(services: Services, query: str) -> list[str]:
    return [row.name for row in services.contacts.list_page(query, 0, 50)]


@pytest.fixture
def others(services: Services) -> None:
    # Numbers that hold the same digits elsewhere than at their end, and a trunk-zero tail.
    services.contacts.create(ContactDraft(given_name="Avi", phones=[PhoneEntry("052-456-7890")]))
    services.contacts.create(ContactDraft(given_name="Bella", phones=[PhoneEntry("03-555-0567")]))
    services.contacts.create(ContactDraft(given_name="Gil", phones=[PhoneEntry("03-555-0000")]))


@pytest.mark.usefixtures("contact_id", "others")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # The last digits of 052-123-4567 (and 052-456-7890), in the forms people type them.
        ("4567", ["דנה לוי"]),
        ("34567", ["דנה לוי"]),
        ("1234567", ["דנה לוי"]),
        ("123-4567", ["דנה לוי"]),
        ("123 4567", ["דנה לוי"]),
        ("21234567", ["דנה לוי"]),
        ("4567890", ["Avi"]),
        # Too few digits to be a tail, and tails no number has.
        ("23", []),
        ("567", []),
        ("9999", []),
        ("1234", []),
        # Leading zeros of the tail count: 03-555-0567 ends with them.
        ("0567", ["Bella"]),
        ("555-0567", ["Bella"]),
        ("0000", ["Gil"]),
        # The first digits still find, in every form.
        ("052-123", ["דנה לוי"]),
        ("0521", ["דנה לוי"]),
        ("052-123-4567", ["דנה לוי"]),
        ("+972 52 123 4567", ["דנה לוי"]),
        ("972521", ["דנה לוי"]),
        ("052", ["Avi", "דנה לוי"]),
        ("0524567", ["Avi"]),
    ],
)
def test_a_phone_is_found_by_its_last_digits_or_its_first(
    services: Services, query: str, expected: list[str]
) -> None:
    assert _names(services, query) == expected


@pytest.mark.usefixtures("contact_id", "others")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("דנה", ["דנה לוי"]),
        ("לוי ייע", ["דנה לוי"]),
        ("dana.levi@example", ["דנה לוי"]),
        ("לקוח", ["דנה לוי"]),
        ("bel", ["Bella"]),
        ('"OR', []),
        ("45*67", []),
    ],
)
def test_words_and_odd_input_find_as_before(
    services: Services, query: str, expected: list[str]
) -> None:
    assert _names(services, query) == expected


def test_a_changed_number_is_found_by_its_new_tail_only(
    services: Services, contact_id: int
) -> None:
    draft = services.contacts.get(contact_id)
    draft.phones = [PhoneEntry("054-765-9876")]
    services.contacts.update(contact_id, draft)

    assert _names(services, "9876") == ["דנה לוי"]
    assert _names(services, "4567") == []


def test_imported_contacts_are_found_by_their_last_digits(
    store: Store, clock: FrozenClock, services: Services
) -> None:
    ContactImporter(store, clock).import_paths([DATA / "vcard30.vcf"])

    # Avi Ben Mizrahi's mobile is +972 54 765 4321 and his work line 03-555-0199.
    assert _names(services, "4321") == ["Avi Ben Mizrahi"]
    assert _names(services, "555-0199") == ["Avi Ben Mizrahi"]


@pytest.mark.parametrize("stored", ["054-444-5678 ext 12", "054-444-5678 x7", "054-444-5678 #3"])
def test_a_number_with_an_extension_is_found_by_the_digits_before_it(
    services: Services, stored: str
) -> None:
    services.contacts.create(ContactDraft(given_name="Dov", phones=[PhoneEntry(stored)]))

    for query in ("5678", "444-5678", "054-444", "0544445678"):
        assert _names(services, query) == ["Dov"], query


def test_an_international_number_written_with_its_trunk_zero_is_found_either_way(
    services: Services,
) -> None:
    services.contacts.create(
        ContactDraft(given_name="Ety", phones=[PhoneEntry("+972 (0) 52-111-2345")])
    )

    for query in ("052-111", "0521112345", "+972 52 111 2345", "2345", "111-2345"):
        assert _names(services, query) == ["Ety"], query


@pytest.mark.usefixtures("contact_id", "others")
@pytest.mark.parametrize(
    "pasted",
    [
        "\u2066052-123-4567\u2069",  # isolated, as a right-to-left page copies it
        "\u200e052\u2011123\u20114567",  # a direction mark and non-breaking hyphens
        "052\u2013123\u00a04567",  # an en dash and a non-breaking space
        "123\u20134567",
    ],
)
def test_a_number_pasted_with_marks_and_unicode_dashes_is_found(
    services: Services, pasted: str
) -> None:
    assert _names(services, pasted) == ["דנה לוי"]
