"""Giving contacts search ranks in name order, in the database (see sort_rank.py).

When new contacts find no room between their neighbours, the neighbourhood around them is
spaced out afresh, growing until it has room; only when it would take in every contact is
everything renumbered. The queries are plain SQL in the DB-API's qmark style, SQLite's.
TODO: a PostgreSQL backend needs them in its driver's parameter style.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kesher_desktop.db.sort_rank import (
    HIGHEST,
    LOWEST,
    MIN_STEP,
    Gap,
    even_ranks,
    fresh_ranks,
    group_by_gap,
)
from kesher_desktop.models import Contact

FIRST_WINDOW = 8
# Well under SQLite's limit on bound parameters in one statement.
_ID_CHUNK = 500

# A contact's place in name order: (sort_key, id).
_Key = tuple[str, int]


@dataclass
class RankChanges:
    """What ranking did: ranks for the contacts asked about, and others it had to move."""

    ranks: dict[int, int] = field(default_factory=dict)
    # Contacts already indexed whose rank moved to make room: id -> (old rank, new rank).
    moved: dict[int, tuple[int, int]] = field(default_factory=dict)


def assign_ranks(session: Session, contact_ids: list[int]) -> RankChanges | None:
    """Rank contacts that have none yet; None when only renumbering everything makes room.

    The contacts' rows, with their sort keys, must already be flushed. This runs for every
    imported contact, so it talks to the driver directly.
    """
    cursor = session.connection().connection.cursor()
    try:
        changes = _rank(cursor, sorted(_sort_keys(cursor, contact_ids)))
        if changes is not None:
            cursor.executemany(
                "UPDATE contacts SET search_rank = ? WHERE id = ?",
                [(rank, contact_id) for contact_id, rank in changes.ranks.items()],
            )
        return changes
    finally:
        cursor.close()


def rank_new(session: Session, keys: list[tuple[str, int]]) -> RankChanges | None:
    """Ranks for contacts about to be inserted, by their (sort_key, id); None as above.

    The caller inserts the rows with these ranks, which spares updating every one of them
    afterwards, and moves the search entries of the contacts in `moved`, whose new ranks
    are already stored.
    """
    cursor = session.connection().connection.cursor()
    try:
        return _rank(cursor, sorted(keys))
    finally:
        cursor.close()


def renumber_all(session: Session) -> dict[int, int]:
    """Give every contact a fresh, evenly spaced rank in name order."""
    ids = session.scalars(select(Contact.id).order_by(Contact.sort_key, Contact.id)).all()
    ranks = dict(zip(ids, fresh_ranks(len(ids)), strict=True))
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute("UPDATE contacts SET search_rank = NULL")
        cursor.executemany(
            "UPDATE contacts SET search_rank = ? WHERE id = ?",
            [(rank, contact_id) for contact_id, rank in ranks.items()],
        )
    finally:
        cursor.close()
    return ranks


def _rank(cursor: Any, keys: list[_Key]) -> RankChanges | None:
    """Place unranked contacts, sorted by (sort_key, id), making room where a gap is narrow.

    On None every contact keeps the rank it had, so the search index still matches them.
    """
    changes = RankChanges()
    while True:
        narrow = _place(keys, _gaps(cursor, keys), changes.ranks)
        if narrow is None:
            return changes
        if not _make_room(cursor, narrow, changes.moved):
            _move_back(cursor, changes.moved)
            return None


def _place(keys: list[_Key], gaps: list[Gap], ranks: dict[int, int]) -> tuple[Gap, int] | None:
    """Fill `ranks` gap by gap; the first gap too narrow for its share, and that share."""
    ranks.clear()
    for gap, positions in group_by_gap(gaps):
        spread = gap.spread(len(positions))
        if spread is None:
            return gap, len(positions)
        for position, rank in zip(positions, spread, strict=True):
            ranks[keys[position][1]] = rank
    return None


def _make_room(cursor: Any, narrow: tuple[Gap, int], moved: dict[int, tuple[int, int]]) -> bool:
    """Space out the ranked contacts around a narrow gap so `count` more fit in it.

    The window of neighbours doubles on each side until its span is wide enough; False
    when it would have to take in every contact.
    """
    gap, count = narrow
    size = FIRST_WINDOW
    while True:
        below = _ranked(cursor, "<=", gap.below, "DESC", size + 1)
        above = _ranked(cursor, ">=", gap.above, "ASC", size + 1)
        outer_low = below.pop()[1] if len(below) > size else LOWEST
        outer_high = above.pop()[1] if len(above) > size else HIGHEST
        below.reverse()
        slots = len(below) + count + len(above)
        if (outer_high - outer_low) // (slots + 1) >= MIN_STEP:
            break
        if outer_low == LOWEST and outer_high == HIGHEST:
            return False
        size *= 2

    positions = even_ranks(Gap(outer_low, outer_high), slots)
    # The new contacts' slots stay empty between the two halves: that is the room made.
    targets = positions[: len(below)] + positions[len(below) + count :]
    window = below + above
    cursor.executemany(
        "UPDATE contacts SET search_rank = NULL WHERE id = ?", [(cid,) for cid, _ in window]
    )
    cursor.executemany(
        "UPDATE contacts SET search_rank = ? WHERE id = ?",
        [(rank, cid) for (cid, _), rank in zip(window, targets, strict=True)],
    )
    for (contact_id, old), new in zip(window, targets, strict=True):
        first_old = moved.get(contact_id, (old, old))[0]
        moved[contact_id] = (first_old, new)
    return True


def _move_back(cursor: Any, moved: dict[int, tuple[int, int]]) -> None:
    """Give contacts moved to make room their first ranks again."""
    cursor.executemany(
        "UPDATE contacts SET search_rank = NULL WHERE id = ?", [(cid,) for cid in moved]
    )
    cursor.executemany(
        "UPDATE contacts SET search_rank = ? WHERE id = ?",
        [(old, cid) for cid, (old, _) in moved.items()],
    )
    moved.clear()


def _ranked(cursor: Any, compare: str, rank: int, order: str, limit: int) -> list[Any]:
    """Up to `limit` (id, rank) pairs of ranked contacts from `rank` on, nearest first."""
    rows = cursor.execute(
        f"SELECT id, search_rank FROM contacts WHERE search_rank {compare} ?"
        f" ORDER BY search_rank {order} LIMIT ?",
        (rank, limit),
    ).fetchall()
    return [tuple(row) for row in rows]


# Split in two so each is a single seek on the covering (sort_key, id, search_rank) index:
# a row-value comparison would only use its first column.
_BELOW_SAME_KEY = (
    "SELECT search_rank FROM contacts WHERE sort_key = ? AND id < ? AND search_rank IS NOT NULL"
    " ORDER BY sort_key DESC, id DESC LIMIT 1"
)
_BELOW_KEY = (
    "SELECT search_rank FROM contacts WHERE sort_key < ? AND search_rank IS NOT NULL"
    " ORDER BY sort_key DESC, id DESC LIMIT 1"
)
# The neighbour above comes with its place in name order, which bounds the gap's share.
_ABOVE_SAME_KEY = (
    "SELECT sort_key, id, search_rank FROM contacts"
    " WHERE sort_key = ? AND id > ? AND search_rank IS NOT NULL"
    " ORDER BY sort_key, id LIMIT 1"
)
_ABOVE_KEY = (
    "SELECT sort_key, id, search_rank FROM contacts WHERE sort_key > ? AND search_rank IS NOT NULL"
    " ORDER BY sort_key, id LIMIT 1"
)


def _sort_keys(cursor: Any, contact_ids: list[int]) -> list[_Key]:
    keys: list[_Key] = []
    for start in range(0, len(contact_ids), _ID_CHUNK):
        chunk = contact_ids[start : start + _ID_CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = cursor.execute(f"SELECT sort_key, id FROM contacts WHERE id IN ({marks})", chunk)
        keys.extend((sort_key, contact_id) for sort_key, contact_id in rows)
    return keys


def _gaps(cursor: Any, keys: list[_Key]) -> list[Gap]:
    """The gap each of `keys` (sorted, none of them ranked) falls into.

    A contact before the upper neighbour of the one ahead of it shares that one's gap: no
    ranked contact can lie between them. So an import, whose new contacts gather in a few
    places in name order, looks up each place once rather than each contact.
    """
    gaps: list[Gap] = []
    gap: Gap | None = None
    bound: _Key | None = None
    for key in keys:
        if gap is None or (bound is not None and key >= bound):
            gap, bound = _gap_around(cursor, *key)
        gaps.append(gap)
    return gaps


def _gap_around(cursor: Any, sort_key: str, contact_id: int) -> tuple[Gap, _Key | None]:
    """The ranks of the nearest ranked contacts before and after (sort_key, id).

    Also the place in name order of the one after, None when there is none.
    """
    below = _first(cursor, _BELOW_SAME_KEY, (sort_key, contact_id))
    if below is None:
        below = _first(cursor, _BELOW_KEY, (sort_key,))
    above = cursor.execute(_ABOVE_SAME_KEY, (sort_key, contact_id)).fetchone()
    if above is None:
        above = cursor.execute(_ABOVE_KEY, (sort_key,)).fetchone()
    if above is None:
        return Gap(LOWEST if below is None else below, HIGHEST), None
    return Gap(LOWEST if below is None else below, above[2]), (above[0], above[1])


def _first(cursor: Any, sql: str, params: tuple[object, ...]) -> int | None:
    row = cursor.execute(sql, params).fetchone()
    return None if row is None else row[0]
