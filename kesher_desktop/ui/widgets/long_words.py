"""Letting a wrapped label break words too long for any line.

A QLabel wraps only where a line may break; one unbroken run (a pasted link, a long code, a
row of letters) then sets the label's least width, and the whole window grows past the
screen to show it. A zero-width space every few letters inside such a run gives Qt places
to break it, and shows nothing.
"""

from __future__ import annotations

import re

ZERO_WIDTH_SPACE = "\u200b"
# Runs longer than this get break points, each this many letters apart: long enough that
# ordinary words, numbers and e-mail addresses are never touched.
LONGEST_UNBROKEN = 30

_LONG_RUN = re.compile(rf"\S{{{LONGEST_UNBROKEN + 1},}}")


def breakable(text: str) -> str:
    """`text` with a zero-width space every LONGEST_UNBROKEN letters of each longer run."""
    return _LONG_RUN.sub(lambda run: _with_breaks(run.group()), text)


def _with_breaks(run: str) -> str:
    step = LONGEST_UNBROKEN
    return ZERO_WIDTH_SPACE.join(run[start : start + step] for start in range(0, len(run), step))
