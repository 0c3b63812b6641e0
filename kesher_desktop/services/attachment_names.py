"""The name an attached file is shown under: its last path part, without hidden controls.

A file's name is only ever shown; the store names the file itself by its hash. Still, a name
can carry a folder path (a Windows drop, a mail attachment), bidi controls that would show
"cod.exe" as "exe.doc", or be longer than a row can hold, so it is cleaned once on the way in.
"""

from __future__ import annotations

import logging
import unicodedata

log = logging.getLogger(__name__)

MAX_NAME_CHARS = 200
# The longest ending kept whole when a name is cut ("report.docx" keeps ".docx").
MAX_EXTENSION_CHARS = 12
# Embeddings, overrides, isolates and the directional marks: each can reorder what is shown.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
JOINERS = frozenset("\u200c\u200d")
# The longest run of a name without a space that a message shows whole: a line wraps only
# at spaces, and a narrow column holds about this many characters.
MAX_UNBROKEN_CHARS = 28


def display_name(raw: str) -> str:
    """`raw` as a safe file name to show: may be empty when nothing readable is left."""
    last_part = raw.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    # "C:report.pdf" is a drive-relative Windows path; the drive is no part of the name.
    if len(last_part) >= 2 and last_part[1] == ":" and last_part[0].isascii():
        last_part = last_part[2:]
    visible = " ".join("".join(char for char in last_part if _is_shown(char)).split())
    # "." and ".." name folders, not files.
    if not visible.strip("."):
        return ""
    return _capped(visible)


def with_long_runs_cut(name: str, longest: int = MAX_UNBROKEN_CHARS) -> str:
    """`name` with each run of it longer than `longest` and without a space cut in the
    middle with "…"; the last run keeps its extension whole."""
    runs = name.split(" ")
    cut = [_cut_in_middle(run, longest, keep_extension=False) for run in runs[:-1]]
    return " ".join([*cut, _cut_in_middle(runs[-1], longest, keep_extension=True)])


def _cut_in_middle(run: str, longest: int, keep_extension: bool) -> str:
    if len(run) <= longest:
        return run
    stem, dot, extension = run.rpartition(".")
    ending = ""
    if keep_extension and dot and stem and len(extension) <= MAX_EXTENSION_CHARS:
        ending, run = "." + extension, stem
    kept = longest - len(ending) - 1
    head, tail = (kept + 1) // 2, kept // 2
    return run[:head] + "…" + run[len(run) - tail :] + ending


def _is_shown(char: str) -> bool:
    if char in BIDI_CONTROLS:
        return False
    # Other control and format characters (NUL, new lines, soft hyphens) have no business
    # in a name; the joiners stay, since Persian words and emoji are spelled with them.
    return unicodedata.category(char) not in ("Cc", "Cf") or char in JOINERS


def _capped(name: str) -> str:
    if len(name) <= MAX_NAME_CHARS:
        return name
    stem, dot, extension = name.rpartition(".")
    if dot and stem and len(extension) <= MAX_EXTENSION_CHARS:
        ending = "." + extension
        return name[: MAX_NAME_CHARS - len(ending) - 1].rstrip() + "…" + ending
    return name[: MAX_NAME_CHARS - 1].rstrip() + "…"
