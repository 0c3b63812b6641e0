"""Search ranks keep FTS5 matches in name order through inserts, edits and renumbering."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from kesher_desktop.db import backend, ranking, sort_rank
from kesher_desktop.db.sort_rank import Gap, fresh_ranks
from kesher_desktop.models import Contact
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft


def _ranks_in_name_order(services: Services) -> list[int | None]:
    with services.store.session() as session:
        return list(
            session.scalars(select(Contact.search_rank).order_by(Contact.sort_key, Contact.id))
        )


def test_gap_spreads_evenly_or_says_it_is_too_narrow() -> None:
    assert Gap(0, 100).spread(3) == [25, 50, 75]
    # A wide gap is used from its bottom, leaving the room above for later additions...
    assert Gap(5, 2**62).spread(2) == [5 + 2**32, 5 + 2 * 2**32]
    # ...but the first contacts of an empty store spread over the whole range.
    assert Gap(0, 2**62).spread(3) == [2**60, 2 * 2**60, 3 * 2**60]
    assert Gap(10, 13).spread(2) == [11, 12]
    assert Gap(10, 12).spread(2) is None
    assert fresh_ranks(3) == [2**60, 2 * 2**60, 3 * 2**60]


def test_ranks_follow_names_after_random_inserts_and_edits(services: Services) -> None:
    random.seed(3)
    names = ["אבי", "בתיה", "גיל", "דנה", "Avi", "Bella", "Carmel", "זיו", "חנה", "טל"]
    created = [
        services.contacts.create(ContactDraft(given_name=random.choice(names), family_name=str(n)))
        for n in range(40)
    ]
    for contact_id in created[::3]:
        draft = services.contacts.get(contact_id)
        draft.given_name = random.choice(names)
        services.contacts.update(contact_id, draft)

    ranks = _ranks_in_name_order(services)
    assert None not in ranks
    assert ranks == sorted(ranks)
    # A search walks the index in rank order, so its matches come back sorted by name too.
    all_rows = services.contacts.list_page("", 0, 100)
    matching = services.contacts.list_page("1", 0, 100)
    assert [row.id for row in matching] == [
        row.id for row in all_rows if any(w.startswith("1") for w in row.name.split())
    ]


def test_exhausted_gap_renumbers_everything(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A range of 8 ranks: adding names in reverse order soon finds no room below the first.
    monkeypatch.setattr(sort_rank, "HIGHEST", 8)
    monkeypatch.setattr(ranking, "HIGHEST", 8)
    monkeypatch.setattr(sort_rank, "SPACING", 1)
    # Spacing out a neighbourhood never makes enough room here.
    monkeypatch.setattr(ranking, "MIN_STEP", 2**70)
    renumbered = []
    real_renumber = ranking.renumber_all

    def counting_renumber(session: object) -> dict[int, int]:
        renumbered.append(True)
        return real_renumber(session)  # type: ignore[arg-type]

    monkeypatch.setattr(backend, "renumber_all", counting_renumber)
    for name in ("e", "d", "c", "b", "a"):
        services.contacts.create(ContactDraft(given_name=name))

    # e took 4 and d 1; c found no room (renumbered: c 2, d 4, e 6); b took 1; a found none.
    assert len(renumbered) == 2
    assert _ranks_in_name_order(services) == [1, 2, 3, 4, 5]
    assert [row.name for row in services.contacts.list_page("d", 0, 10)] == ["d"]
    assert [row.name for row in services.contacts.list_page("", 0, 10)] == list("abcde")


def test_narrow_gap_spaces_out_only_the_neighbourhood(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sort_rank, "HIGHEST", 2**12)
    monkeypatch.setattr(ranking, "HIGHEST", 2**12)
    monkeypatch.setattr(sort_rank, "SPACING", 1)
    monkeypatch.setattr(ranking, "MIN_STEP", 4)
    monkeypatch.setattr(ranking, "FIRST_WINDOW", 2)
    renumbered = []
    monkeypatch.setattr(backend, "renumber_all", lambda session: renumbered.append(True))

    # Each name sorts first, so every one goes below the last: the gap there soon runs out.
    names = [f"n{number:02d}" for number in range(40, 0, -1)]
    for name in names:
        services.contacts.create(ContactDraft(given_name=name))

    assert renumbered == []
    ranks = _ranks_in_name_order(services)
    assert ranks == sorted(ranks) and len(set(ranks)) == len(names)
    # The moved contacts' search entries moved with them.
    for name in names:
        assert [row.name for row in services.contacts.list_page(name, 0, 5)] == [name]
    assert [row.name for row in services.contacts.list_page("n", 0, 50)] == sorted(names)


def _add_unranked(services: Services, names: list[str]) -> dict[int, str]:
    """Contacts inserted without a rank, in one transaction, indexed together as an import is."""
    stamp = datetime(2026, 3, 10, tzinfo=UTC)
    with services.store.session() as session:
        contacts = [
            Contact(given_name=name, sort_key=name, created_at=stamp, updated_at=stamp)
            for name in names
        ]
        session.add_all(contacts)
        session.flush()
        documents = {contact.id: contact.given_name for contact in contacts}
        services.store.backend.index_contacts(session, documents)
    return documents


def test_contacts_falling_in_one_gap_share_one_lookup(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a", "c", "e"):
        services.contacts.create(ContactDraft(given_name=name))
    lookups = []
    real_gap_around = ranking._gap_around

    def counting_gap_around(cursor: object, sort_key: str, contact_id: int) -> object:
        lookups.append(sort_key)
        return real_gap_around(cursor, sort_key, contact_id)

    monkeypatch.setattr(ranking, "_gap_around", counting_gap_around)
    _add_unranked(services, ["d2", "b1", "f1", "b3", "d1", "b2"])

    # Three places in name order: after a, after c, after e.
    assert lookups == ["b1", "d1", "f1"]
    ranks = _ranks_in_name_order(services)
    assert None not in ranks and ranks == sorted(ranks)
    names = ["a", "b1", "b2", "b3", "c", "d1", "d2", "e", "f1"]
    assert [row.name for row in services.contacts.list_page("", 0, 20)] == names
    for name in names:
        assert name in [row.name for row in services.contacts.list_page(name, 0, 20)]


@pytest.mark.parametrize("highest", [20, 32])
def test_room_made_or_given_up_keeps_every_contact_findable(
    services: Services, monkeypatch: pytest.MonkeyPatch, highest: int
) -> None:
    # With 32 ranks the neighbourhood is spaced out; with 20 the first gap gets room, the
    # second cannot, and everyone is renumbered: the contacts moved for the first must keep
    # their search entries.
    monkeypatch.setattr(sort_rank, "HIGHEST", highest)
    monkeypatch.setattr(ranking, "HIGHEST", highest)
    monkeypatch.setattr(sort_rank, "SPACING", 1)
    monkeypatch.setattr(ranking, "MIN_STEP", 2)
    monkeypatch.setattr(ranking, "FIRST_WINDOW", 1)
    existing = list("bcdefgh")
    for name in existing:
        services.contacts.create(ContactDraft(given_name=name))

    added = ["bb", "gg", "ggg", "gggg", "ggggg", "gggggg"]
    _add_unranked(services, added)

    ranks = _ranks_in_name_order(services)
    assert None not in ranks and ranks == sorted(ranks)
    for name in existing + added:
        assert name in [row.name for row in services.contacts.list_page(name, 0, 20)]
