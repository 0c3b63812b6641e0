"""What the contact search indexes for one contact, and how a typed query becomes a match."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kesher_desktop.text import looks_like_phone, national_digits, words

# Starts the token that holds a phone's digits backwards, so that a prefix of it is the
# number's last digits. A private-use character: `words` keeps only letters and digits, so
# no typed query yields it, and a short run of digits never matches these tokens by mistake.
_TAIL_MARK = "\ue000"
# Fewer last digits than this would match a crowd of unrelated numbers.
MIN_TAIL_DIGITS = 4

_DIGIT = re.compile(r"\d")
# An extension written after the number ("ext 12", "x7", "#3", "שלוחה 4"), as the phone
# library reads them: the number's last digits come before it.
_EXTENSION = re.compile(r"\s*(?:;?ext(?:ension)?\.?=?|x|#|שלוחה)\s*\d+\s*$", re.IGNORECASE)


def contact_document(
    names: Iterable[str],
    emails: Iterable[str],
    phones: Iterable[str],
    organisation: str,
    tags: Iterable[str],
) -> str:
    """The folded text indexed for one contact.

    Each phone is indexed as its national digits, with the country code in front, and
    backwards for `phone_tail_term`. A query typed with the trunk zero needs no entry of its
    own: `query_terms` drops the zero.
    """
    tokens: list[str] = []
    for text in (*names, *emails, organisation, *tags):
        if text:
            tokens += words(text)
    for number in phones:
        digits = national_digits(number)
        if digits:
            line = national_digits(_EXTENSION.sub("", number)) or digits
            tokens.extend((digits, "972" + digits, _tail_token(line)))
    return " ".join(tokens)


def query_terms(query: str) -> list[str]:
    """The folded prefixes a query must all match; empty when it has nothing to search for."""
    if looks_like_phone(query):
        digits = national_digits(query)
        return [digits] if digits else []
    return words(query)


def phone_tail_term(query: str) -> str | None:
    """The indexed prefix that finds the phones ending with the digits typed.

    None unless the query is a phone number of at least MIN_TAIL_DIGITS digits. It is an
    alternative to `query_terms`: a contact matching either one is found.
    """
    if not looks_like_phone(query):
        return None
    # Every digit counts, the leading zeros too: "0567" is how 03-555-0567 ends.
    digits = "".join(_DIGIT.findall(query))
    if len(digits) < MIN_TAIL_DIGITS:
        return None
    return _tail_token(digits)


def _tail_token(digits: str) -> str:
    return _TAIL_MARK + digits[::-1]
