"""Giving contacts search ranks in name order, in the database (see sort_rank.py)."""

from __future__ import annotations

from sqlalchemy import select, tuple_, update
from sqlalchemy.orm import Session

from kesher_desktop.db.sort_rank import HIGHEST, LOWEST, Gap, fresh_ranks, group_by_gap
from kesher_desktop.models import Contact


def assign_ranks(session: Session, contact_ids: list[int]) -> dict[int, int] | None:
    """Rank contacts that have none yet; None when a gap is too narrow and all need renumbering.

    The contacts' rows, with their sort keys, must already be flushed.
    """
    keys = sorted(
        session.execute(
            select(Contact.sort_key, Contact.id).where(Contact.id.in_(contact_ids))
        ).all()
    )
    gaps = [_gap_around(session, sort_key, contact_id) for sort_key, contact_id in keys]

    ranks: dict[int, int] = {}
    for gap, positions in group_by_gap(gaps):
        spread = gap.spread(len(positions))
        if spread is None:
            return None
        for position, rank in zip(positions, spread, strict=True):
            ranks[keys[position][1]] = rank

    session.execute(
        update(Contact),
        [{"id": contact_id, "search_rank": rank} for contact_id, rank in ranks.items()],
    )
    return ranks


def renumber_all(session: Session) -> dict[int, int]:
    """Give every contact a fresh, evenly spaced rank in name order."""
    ids = session.scalars(select(Contact.id).order_by(Contact.sort_key, Contact.id)).all()
    session.execute(update(Contact).values(search_rank=None))
    ranks = dict(zip(ids, fresh_ranks(len(ids)), strict=True))
    session.execute(
        update(Contact),
        [{"id": contact_id, "search_rank": rank} for contact_id, rank in ranks.items()],
    )
    return ranks


def _gap_around(session: Session, sort_key: str, contact_id: int) -> Gap:
    """The ranks of the nearest ranked contacts before and after (sort_key, id)."""
    position = tuple_(Contact.sort_key, Contact.id)
    ranked = Contact.search_rank.is_not(None)
    below = session.scalar(
        select(Contact.search_rank)
        .where(ranked, position < (sort_key, contact_id))
        .order_by(Contact.sort_key.desc(), Contact.id.desc())
        .limit(1)
    )
    above = session.scalar(
        select(Contact.search_rank)
        .where(ranked, position > (sort_key, contact_id))
        .order_by(Contact.sort_key, Contact.id)
        .limit(1)
    )
    return Gap(LOWEST if below is None else below, HIGHEST if above is None else above)
