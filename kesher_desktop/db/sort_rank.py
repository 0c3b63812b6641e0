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
# The most room one new contact takes from a gap, so a gap holds many additions.
SPACING = 2**32
# Spacing out a neighbourhood stops growing it once neighbours are this far apart.
MIN_STEP = 2**20


@dataclass(frozen=True)
class Gap:
    """The open interval (below, above) of ranks that new items must fall strictly inside."""

    below: int
    above: int

    def spread(self, count: int) -> list[int] | None:
        """`count` ranks inside the gap, or None when it is too narrow for them.

        They are placed at most SPACING apart from the bottom of the gap, not spread over all
        of it: new contacts most often land after the last of a run with the same name, and
        halving the room above at every import would use it up within a few imports. Only
        the first contacts of an empty store are spread over the whole range.
        """
        width = self.above - self.below
        if width <= count:
            return None
        step = width // (count + 1)
        if (self.below, self.above) != (LOWEST, HIGHEST):
            step = min(SPACING, step)
        return [self.below + step * (number + 1) for number in range(count)]


def even_ranks(gap: Gap, count: int) -> list[int]:
    """`count` ranks spread evenly over the whole of a gap."""
    step = (gap.above - gap.below) // (count + 1)
    return [gap.below + step * (number + 1) for number in range(count)]


def fresh_ranks(count: int) -> list[int]:
    """Ranks for `count` items in order, evenly spaced over the whole range.

    The wide spacing is what makes renumbering rare: each gap then takes thousands of
    additions SPACING apart before it has to be split finer.
    """
    return even_ranks(Gap(LOWEST, HIGHEST), count)


def group_by_gap(gaps: Sequence[Gap]) -> list[tuple[Gap, list[int]]]:
    """Group positions of consecutive items that share a gap, keeping their order."""
    groups: list[tuple[Gap, list[int]]] = []
    for position, gap in enumerate(gaps):
        if groups and groups[-1][0] == gap:
            groups[-1][1].append(position)
        else:
            groups.append((gap, [position]))
    return groups
