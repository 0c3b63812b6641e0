"""Folding of names, e-mails and phone numbers into the forms that search and matching use."""

from __future__ import annotations

import functools
import re
import unicodedata

_NON_DIGIT = re.compile(r"\D+")
_WORD = re.compile(r"\w+", re.UNICODE)
_PHONE_LIKE = re.compile(r"^[\d\s+\-().]+$")
# Direction marks and isolates (dropped), Unicode dashes and the minus sign (a hyphen).
_PHONE_SEPARATORS = str.maketrans(
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212",
    "-------",
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-fold and drop combining marks, so "שָׁלוֹם" finds "שלום" and "José" finds "jose".

    Cached: imports fold the same given names and domains over and over.
    """
    if text.isascii():
        # Plain ASCII has no combining marks and no case that casefold treats specially.
        return text.lower()
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", bare).casefold()


def words(text: str) -> list[str]:
    """Split folded text into the words a search matches by prefix."""
    return list(_cached_words(text))


@functools.lru_cache(maxsize=65536)
def _cached_words(text: str) -> tuple[str, ...]:
    # Names, companies and tags repeat throughout an import; addresses mostly do not.
    return tuple(_WORD.findall(fold(text)))


def national_digits(number: str, country_code: str = "972") -> str:
    """The digits of a phone number without its country code or trunk zero.

    "052-123-4567", "+972 52 123 4567" and "00972521234567" all give "521234567", which is what
    lets a search typed either way find the same contact.
    """
    digits = _NON_DIGIT.sub("", number)
    if number.lstrip().startswith(("+", "00")):
        for prefix in ("00" + country_code, country_code):
            if digits.startswith(prefix):
                # "+972 (0)52..." writes the trunk zero too; it is dropped as without a code.
                return digits[len(prefix) :].lstrip("0")
    return digits.lstrip("0")


def looks_like_phone(query: str) -> bool:
    """Whether a search query is a phone number being typed rather than a name.

    A number pasted from another program may carry direction marks, dashes other than the
    hyphen and non-breaking spaces; they count as the separators they stand for.
    """
    plain = query.translate(_PHONE_SEPARATORS)
    return bool(_PHONE_LIKE.match(plain)) and sum(ch.isdigit() for ch in plain) >= 2
