"""Tracking tags: made per user and contact, verified, and impossible to forge."""

from __future__ import annotations

import re

import pytest

from kesher_desktop.db.store import Store
from kesher_desktop.services.tracking_tag import (
    TagReading,
    TagStatus,
    TrackingKeys,
    make_tag,
    read_address,
    read_tag,
    tagged_address,
)

KEY = bytes(range(32))
MAILBOX = "track@example.com"


def test_a_tag_names_the_contact_and_a_short_signature() -> None:
    tag = make_tag(KEY, 123)

    assert re.fullmatch(r"c123-k[0-9a-f]{10}", tag)
    assert read_tag(KEY, tag) == TagReading(TagStatus.VALID, 123)


def test_a_tag_made_with_another_key_or_for_another_contact_is_forged() -> None:
    other = make_tag(bytes(32), 123)
    signature = make_tag(KEY, 123).split("-k")[1]

    assert read_tag(KEY, other).status is TagStatus.FORGED
    assert read_tag(KEY, f"c124-k{signature}").status is TagStatus.FORGED
    assert read_tag(KEY, "c123-k").status is TagStatus.FORGED
    assert read_tag(KEY, "hello").status is TagStatus.FORGED


def test_the_tagged_address_keeps_the_mailbox_and_reads_back_in_any_case() -> None:
    address = tagged_address(MAILBOX, make_tag(KEY, 7))

    assert address.startswith("track+c7-k") and address.endswith("@example.com")
    assert read_address(KEY, MAILBOX, address.upper()) == TagReading(TagStatus.VALID, 7)
    assert read_address(KEY, MAILBOX, f"<{address}>") == TagReading(TagStatus.VALID, 7)


def test_other_addresses_carry_no_tag() -> None:
    tag = make_tag(KEY, 7)

    assert read_address(KEY, MAILBOX, "track@example.com").status is TagStatus.NONE
    assert read_address(KEY, MAILBOX, f"dana+{tag}@example.com").status is TagStatus.NONE
    assert read_address(KEY, MAILBOX, f"track+{tag}@example.org").status is TagStatus.NONE
    assert read_address(KEY, MAILBOX, "track+c7-k0000000000@example.com").status is (
        TagStatus.FORGED
    )


def test_a_mailbox_address_must_be_an_address() -> None:
    with pytest.raises(ValueError):
        tagged_address("track", "c1-k0")


def test_the_users_key_is_made_once_and_kept_in_the_store(store: Store) -> None:
    first = TrackingKeys(store).key()
    again = TrackingKeys(store).key()

    assert len(first) == 32
    assert first == again
    assert first != bytes(32)
