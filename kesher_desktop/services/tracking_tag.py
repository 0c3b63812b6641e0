"""The plus-tag that ties a tracking copy to a contact: track+c123-k8f3d2a1b0@example.com.

The tag carries the contact's id and a short HMAC of it under the user's own secret, so
nobody can make up a tag that logs mail on a contact of their choosing.
"""

from __future__ import annotations

import enum
import hmac
import logging
import re
import secrets
from dataclasses import dataclass
from hashlib import sha256

from kesher_desktop.db.store import Store
from kesher_desktop.models import User
from kesher_desktop.services.users import UserService

log = logging.getLogger(__name__)

KEY_BYTES = 32
# 40 bits of signature: guessing one takes about a trillion tries, each a mail sent.
SIGNATURE_CHARS = 10
_TAG = re.compile(r"^c(\d{1,18})-k([0-9a-f]+)$")


class TagStatus(enum.StrEnum):
    NONE = "none"  # the address carries no tag for this mailbox
    VALID = "valid"
    FORGED = "forged"  # a tag for this mailbox whose signature does not verify


@dataclass(frozen=True)
class TagReading:
    status: TagStatus
    contact_id: int | None = None


def make_tag(key: bytes, contact_id: int) -> str:
    return f"c{contact_id}-k{_signature(key, contact_id)}"


def read_tag(key: bytes, tag: str) -> TagReading:
    """Whether `tag` is one this key made, and for which contact."""
    match = _TAG.match(tag.strip().lower())
    if match is None:
        return TagReading(TagStatus.FORGED)
    contact_id = int(match.group(1))
    expected = _signature(key, contact_id)
    if not hmac.compare_digest(expected, match.group(2)):
        return TagReading(TagStatus.FORGED)
    return TagReading(TagStatus.VALID, contact_id)


def tagged_address(mailbox_address: str, tag: str) -> str:
    """The tracking mailbox's address with `tag` after a plus in its local part."""
    local, at, domain = mailbox_address.strip().rpartition("@")
    if not at or not local or not domain:
        raise ValueError(f"not an address: {mailbox_address!r}")
    base = local.split("+", 1)[0]
    return f"{base}+{tag}@{domain}"


def read_address(key: bytes, mailbox_address: str, address: str) -> TagReading:
    """What a delivery address says: no tag, a valid one, or a forged one.

    Only addresses of the tracking mailbox itself (same local part before the plus, same
    domain, in any case) are read; any other address has no tag for us.
    """
    local, _, domain = address.strip().strip("<>").rpartition("@")
    own_local, _, own_domain = mailbox_address.strip().rpartition("@")
    base, plus, tag = local.partition("+")
    own_base = own_local.split("+", 1)[0]
    if not plus or base.casefold() != own_base.casefold():
        return TagReading(TagStatus.NONE)
    if domain.casefold() != own_domain.casefold():
        return TagReading(TagStatus.NONE)
    return read_tag(key, tag)


def _signature(key: bytes, contact_id: int) -> str:
    digest = hmac.new(key, f"contact:{contact_id}".encode(), sha256).hexdigest()
    return digest[:SIGNATURE_CHARS]


class TrackingKeys:
    """The local user's tag secret: a column of the users table, made on first use."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._key: bytes | None = None

    def key(self) -> bytes:
        if self._key is None:
            self._key = self._load_or_make()
        return self._key

    def _load_or_make(self) -> bytes:
        me = UserService(self._store).me()
        with self._store.session() as session:
            user = session.get(User, me.id)
            assert user is not None
            return key_of(user)


def key_of(user: User) -> bytes:
    """The local user's tag secret, made (in the caller's transaction) on first use."""
    if not user.tracking_key:
        user.tracking_key = secrets.token_bytes(KEY_BYTES)
        log.info("tracking key made for the local user")
    return user.tracking_key
