"""The plain values the contact services take and hand back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class PhoneEntry:
    number: str
    kind: str = "mobile"


@dataclass
class EmailEntry:
    address: str
    kind: str = "work"


@dataclass
class ContactDraft:
    """Everything a contact form edits, as plain values."""

    given_name: str = ""
    family_name: str = ""
    organisation: str = ""
    role: str = ""
    address: str = ""
    birthday: date | None = None
    notes: str = ""
    phones: list[PhoneEntry] = field(default_factory=list)
    emails: list[EmailEntry] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)


@dataclass(frozen=True)
class ContactRow:
    """One line of the contact list."""

    id: int
    name: str
    organisation: str
    email: str
    phone: str

    @classmethod
    def of(
        cls, contact_id: int, given: str, family: str, organisation: str, email: str, phone: str
    ) -> ContactRow:
        """A row from the list query's columns; missing e-mail or phone come as None."""
        name = " ".join(part for part in (given, family) if part)
        return cls(contact_id, name, organisation, email or "", phone or "")


@dataclass(frozen=True)
class TagInfo:
    name: str
    color: str
