"""What the contact search indexes for one contact, and how a typed query becomes a match."""

from __future__ import annotations

from collections.abc import Iterable

from kesher_desktop.text import looks_like_phone, national_digits, words


def contact_document(
    names: Iterable[str],
    emails: Iterable[str],
    phones: Iterable[str],
    organisation: str,
    tags: Iterable[str],
) -> str:
    """The folded text indexed for one contact.

    Each phone is indexed as its national digits and with the country code in front. A
    query typed with the trunk zero needs no entry of its own: `query_terms` drops the zero.
    """
    tokens: list[str] = []
    for text in (*names, *emails, organisation, *tags):
        if text:
            tokens += words(text)
    for number in phones:
        digits = national_digits(number)
        if digits:
            tokens.extend((digits, "972" + digits))
    return " ".join(tokens)


def query_terms(query: str) -> list[str]:
    """The folded prefixes a query must all match; empty when it has nothing to search for."""
    if looks_like_phone(query):
        digits = national_digits(query)
        return [digits] if digits else []
    return words(query)
