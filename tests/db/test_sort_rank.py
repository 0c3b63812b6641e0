"""Search ranks keep FTS5 matches in name order through inserts, edits and renumbering."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select

from kesher_desktop.db import sort_rank
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
    assert Gap(10, 13).spread(2) == [11, 12]
    assert Gap(10, 12).spread(2) is None
    assert fresh_ranks(3) == [2**32, 2 * 2**32, 3 * 2**32]


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
    # A range so small that the fourth name in a row finds no room and forces a renumbering.
    monkeypatch.setattr(sort_rank, "HIGHEST", 8)
    monkeypatch.setattr("kesher_desktop.db.ranking.HIGHEST", 8)
    monkeypatch.setattr(sort_rank, "SPACING", 1)
    for name in ("a", "b", "c", "d", "e"):
        services.contacts.create(ContactDraft(given_name=name))

    # a, b, c took 4, 6, 7; d found no room, so all were renumbered 1..4 and e went to 6.
    assert _ranks_in_name_order(services) == [1, 2, 3, 4, 6]
    assert [row.name for row in services.contacts.list_page("d", 0, 10)] == ["d"]
    assert [row.name for row in services.contacts.list_page("", 0, 10)] == list("abcde")
