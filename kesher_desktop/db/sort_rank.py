"""Integer ranks that follow the contacts' name order, so a list can be read in rank order.

A rank sits between its neighbours' ranks; new contacts take a rank spread evenly across
the gap they fall into. When a gap is too narrow for what must go in, every contact is
ranked afresh. Plain integers in a plain column: this works on any database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LOWEST = 0
HIGHEST = 2**62
# Fresh numbering leaves this much room between neighbours for later insertions.
SPACING = 2**32


@dataclass(frozen=True)
class Gap:
    """The open interval (below, above) of ranks that new items must fall strictly inside."""

    below: int
    above: int

    def spread(self, count: int) -> list[int] | None:
        """`count` ranks evenly inside the gap, or None when it is too narrow for them."""
        width = self.above - self.below
        if width <= count:
            return None
        step = width // (count + 1)
        return [self.below + step * (number + 1) for number in range(count)]


def fresh_ranks(count: int) -> list[int]:
    """Ranks for `count` items in order, evenly spaced over the whole range."""
    step = min(SPACING, (HIGHEST - LOWEST) // (count + 1))
    return [LOWEST + step * (number + 1) for number in range(count)]


def group_by_gap(gaps: Sequence[Gap]) -> list[tuple[Gap, list[int]]]:
    """Group positions of consecutive items that share a gap, keeping their order."""
    groups: list[tuple[Gap, list[int]]] = []
    for position, gap in enumerate(gaps):
        if groups and groups[-1][0] == gap:
            groups[-1][1].append(position)
        else:
            groups.append((gap, [position]))
    return groups
