"""Reading one contact for the page in five small queries instead of an ORM object graph."""

from __future__ import annotations

from sqlalchemy import Connection, bindparam, select

from kesher_desktop.models import Contact, ContactEmail, ContactField, ContactPhone, Tag
from kesher_desktop.models.contact import contact_tags
from kesher_desktop.services.contact_values import ContactDraft, EmailEntry, PhoneEntry

_ID = bindparam("id")
# Built once: composing a statement costs more than running it.
_CONTACT = select(
    Contact.given_name,
    Contact.family_name,
    Contact.organisation,
    Contact.role,
    Contact.address,
    Contact.birthday,
    Contact.notes,
).where(Contact.id == _ID)
_PHONES = (
    select(ContactPhone.number, ContactPhone.kind)
    .where(ContactPhone.contact_id == _ID)
    .order_by(ContactPhone.position)
)
_EMAILS = (
    select(ContactEmail.address, ContactEmail.kind)
    .where(ContactEmail.contact_id == _ID)
    .order_by(ContactEmail.position)
)
_TAGS = (
    select(Tag.name)
    .join(contact_tags, contact_tags.c.tag_id == Tag.id)
    .where(contact_tags.c.contact_id == _ID)
    .order_by(Tag.name)
)
_FIELDS = (
    select(ContactField.label, ContactField.value)
    .where(ContactField.contact_id == _ID)
    .order_by(ContactField.position)
)


def read_draft(connection: Connection, contact_id: int) -> ContactDraft | None:
    """Everything the contact page shows of one contact; None if there is no such contact."""
    params = {"id": contact_id}
    row = connection.execute(_CONTACT, params).first()
    if row is None:
        return None
    return ContactDraft(
        given_name=row.given_name,
        family_name=row.family_name,
        organisation=row.organisation,
        role=row.role,
        address=row.address,
        birthday=row.birthday,
        notes=row.notes,
        phones=[PhoneEntry(number, kind) for number, kind in connection.execute(_PHONES, params)],
        emails=[
            EmailEntry(address, kind) for address, kind in connection.execute(_EMAILS, params)
        ],
        tags=[name for (name,) in connection.execute(_TAGS, params)],
        fields=[(label, value) for label, value in connection.execute(_FIELDS, params)],
    )
