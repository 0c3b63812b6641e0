"""A checked person ready to store, the keys that say who they are, and merging two of them.

Two people are the same when they share an e-mail address (case-folded) or a phone number
in E.164 form. Merging adds what is new and fills what is empty; it never overwrites.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kesher_desktop.services.contacts import ContactDraft, EmailEntry, PhoneEntry
from kesher_desktop.services.importing.phone_keys import e164_of
from kesher_desktop.text import national_digits

EMAIL_KEY = "e:"
PHONE_KEY = "p:"
SCALAR_FIELDS = ("organisation", "role", "address", "notes")


def phone_identity(number: str, e164: str) -> str:
    """What makes two phones of one contact the same: E.164, else the bare digits."""
    return e164 or "#" + national_digits(number)


@dataclass
class Person:
    """A validated draft with the E.164 form of each phone (parallel to `draft.phones`)."""

    draft: ContactDraft
    e164s: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, draft: ContactDraft) -> Person:
        """A person from a validated draft (which it takes over), without repeats.

        Keeps the first of each phone and e-mail as `add_phone` and `add_email` would, with
        one set of what is known rather than one built afresh for every entry.
        """
        phones, emails = draft.phones, draft.emails
        draft.phones, draft.emails = [], []
        person = cls(draft)

        known: set[str] = set()
        for phone in phones:
            e164 = e164_of(phone.number)
            identity = phone_identity(phone.number, e164)
            if identity not in known:
                known.add(identity)
                draft.phones.append(phone)
                person.e164s.append(e164)

        known.clear()
        for email in emails:
            folded = email.address.casefold()
            if folded not in known:
                known.add(folded)
                draft.emails.append(email)
        return person

    def keys(self) -> list[str]:
        """The identity keys, e-mails first: the first key that matches decides the merge."""
        emails = [EMAIL_KEY + email.address.casefold() for email in self.draft.emails]
        return emails + [PHONE_KEY + e164 for e164 in self.e164s if e164]

    def absorb(self, other: Person) -> None:
        """Take from `other` what this person lacks."""
        draft, incoming = self.draft, other.draft
        if not (draft.given_name or draft.family_name):
            # The name is one unit: half of one person's name beside half of another's
            # would be nobody's.
            draft.given_name, draft.family_name = incoming.given_name, incoming.family_name
        for name in SCALAR_FIELDS:
            if not getattr(draft, name):
                setattr(draft, name, getattr(incoming, name))
        draft.birthday = draft.birthday or incoming.birthday

        for phone, e164 in zip(incoming.phones, other.e164s, strict=True):
            self.add_phone(phone, e164)
        for email in incoming.emails:
            self.add_email(email)
        draft.tags.extend(tag for tag in incoming.tags if tag not in draft.tags)
        draft.fields.extend(pair for pair in incoming.fields if pair not in draft.fields)

    def add_phone(self, phone: PhoneEntry, e164: str) -> None:
        pairs = zip(self.draft.phones, self.e164s, strict=True)
        known = {phone_identity(p.number, k) for p, k in pairs}
        if phone_identity(phone.number, e164) not in known:
            self.draft.phones.append(phone)
            self.e164s.append(e164)

    def add_email(self, email: EmailEntry) -> None:
        known = {e.address.casefold() for e in self.draft.emails}
        if email.address.casefold() not in known:
            self.draft.emails.append(email)
