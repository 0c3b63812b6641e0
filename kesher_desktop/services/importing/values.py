"""Small conversions every import format shares: kinds of phones and e-mails, dates, addresses."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

_WORD_SPLIT = re.compile(r"[\s,;/]+")
_ISO_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$")
_SLASH_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$")
_MOBILE_WORDS = frozenset({"cell", "mobile", "iphone", "cellular"})
_WORK_WORDS = frozenset({"work", "business", "company"})
_HOME_WORDS = frozenset({"home", "personal"})


def clean(text: str) -> str:
    """Text with its line breaks made plain newlines and the spaces around it removed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def kind_words(text: str) -> set[str]:
    return {word for word in _WORD_SPLIT.split(text.casefold()) if word}


def phone_kind(words: Iterable[str]) -> str:
    """Our phone kind for a source's type words ("CELL", "Work Fax", "HOME,VOICE")."""
    folded = {word.casefold() for word in words}
    if any("fax" in word for word in folded):
        return "fax"
    if folded & _MOBILE_WORDS:
        return "mobile"
    if folded & _WORK_WORDS:
        return "work"
    if folded & _HOME_WORDS:
        return "home"
    return "other"


def email_kind(words: Iterable[str]) -> str:
    folded = {word.casefold() for word in words}
    if folded & _WORK_WORDS:
        return "work"
    if folded & _HOME_WORDS:
        return "home"
    return "other"


def iso_date(text: str) -> date | None:
    """A full date written as 1985-03-14, 19850314 or 1985-03-14T00:00:00Z; else None."""
    match = _ISO_DATE.match(text.strip())
    if not match:
        return None
    return _date(int(match[1]), int(match[2]), int(match[3]))


def slash_date(text: str, day_first: bool) -> date | None:
    """A date written 14/3/1985 (day first) or 3/14/1985; two-digit years are 19xx or 20xx."""
    match = _SLASH_DATE.match(text.strip())
    if not match:
        return None
    first, second, year = int(match[1]), int(match[2]), int(match[3])
    if len(match[3]) == 2:
        year += 2000 if year < 30 else 1900
    day, month = (first, second) if day_first else (second, first)
    return _date(year, month, day)


def day_comes_first(texts: Iterable[str]) -> bool:
    """Whether a column of slash dates is day-first; ambiguous columns follow Israeli usage."""
    for text in texts:
        match = _SLASH_DATE.match(text.strip())
        if not match:
            continue
        if int(match[1]) > 12:
            return True
        if int(match[2]) > 12:
            return False
    return True


def join_address(parts: Iterable[str]) -> str:
    """One line of address from its parts, each part's own line breaks kept as commas."""
    lines = (line.strip() for part in parts for line in clean(part).split("\n"))
    return ", ".join(line for line in lines if line)


def address_label(kind: str) -> str:
    """The label of an extra address kept as a field: "Home address", or just "Address"."""
    kind = kind.strip().lstrip("*").strip()
    return f"{kind.capitalize()} address" if kind else "Address"


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
