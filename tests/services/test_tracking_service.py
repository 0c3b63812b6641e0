"""Logging tracking copies on contacts, the review list, and running a step twice."""

from __future__ import annotations

import base64

import pytest
from sqlalchemy import select

from kesher_desktop.models import Activity, Document, MessageOutcome, ReviewReason
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft, EmailEntry
from kesher_desktop.services.errors import NotFoundError
from kesher_desktop.services.file_store import FileStore
from kesher_desktop.services.mail_decoding import MAX_ATTACHMENT_BYTES, parse_mail
from kesher_desktop.services.mail_tracking import Recorded, TrackingService
from tests.imap_server import build_message

MAILBOX = "track@example.com"


@pytest.fixture
def tracking(services: Services) -> TrackingService:
    return TrackingService(services.store, services.clock, services.activities)


def _record(tracking: TrackingService, raw: bytes) -> Recorded:
    return tracking.record(parse_mail(raw), raw, MAILBOX)


def _emails(services: Services, contact_id: int) -> list[Activity]:
    with services.store.session() as session:
        return list(
            session.scalars(
                select(Activity).where(Activity.contact_id == contact_id).order_by(Activity.id)
            )
        )


def _other_contact(services: Services, address: str = "avi@example.co.il") -> int:
    return services.contacts.create(
        ContactDraft(given_name="אבי", emails=[EmailEntry(address, "work")])
    )


def test_a_tagged_copy_is_logged_on_the_tagged_contact_only(
    services: Services, tracking: TrackingService, contact_id: int
) -> None:
    avi = _other_contact(services)
    raw = build_message(
        message_id="<t1@example.com>",
        to="avi@example.co.il",
        delivered_to=tracking.tracking_address(MAILBOX, contact_id),
        subject=b"=?utf-8?B?" + base64.b64encode("הצעת מחיר".encode()) + b"?=",
        body="שלום דנה".encode(),
    )

    recorded = _record(tracking, raw)

    assert recorded.outcome is MessageOutcome.LOGGED
    [activity] = _emails(services, contact_id)
    assert recorded.activity_ids == (activity.id,)
    assert (activity.title, activity.topics, activity.email_to) == (
        "הצעת מחיר",
        "שלום דנה",
        "avi@example.co.il",
    )
    assert activity.done_at is not None
    assert activity.message_id == "<t1@example.com>"
    assert _emails(services, avi) == []


def test_without_a_tag_the_recipients_that_are_contacts_get_it(
    services: Services, tracking: TrackingService, contact_id: int
) -> None:
    avi = _other_contact(services, "Avi@Example.co.il")
    raw = build_message(
        message_id="<t2@example.com>", to="Dana <DANA.LEVI@example.com>", cc="avi@example.co.il"
    )

    recorded = _record(tracking, raw)

    assert recorded.outcome is MessageOutcome.LOGGED
    assert len(_emails(services, contact_id)) == 1
    assert len(_emails(services, avi)) == 1


def test_a_message_is_logged_once_however_often_it_comes(
    services: Services, tracking: TrackingService, contact_id: int
) -> None:
    raw = build_message(message_id="<t3@example.com>")

    first = _record(tracking, raw)
    again = _record(tracking, raw)

    assert (first.already_known, again.already_known) == (False, True)
    assert len(_emails(services, contact_id)) == 1


def test_a_forged_tag_goes_to_review_marked_as_such_even_to_a_known_recipient(
    services: Services, tracking: TrackingService, contact_id: int
) -> None:
    raw = build_message(
        message_id="<t4@example.com>",
        delivered_to=f"track+c{contact_id}-k0123456789@example.com",
    )

    recorded = _record(tracking, raw)

    assert (recorded.outcome, recorded.reason) == (
        MessageOutcome.REVIEW,
        ReviewReason.FORGED_TAG,
    )
    assert _emails(services, contact_id) == []
    [item] = tracking.review_items()
    assert item.reason is ReviewReason.FORGED_TAG
    assert item.subject == "Hello"


def test_a_genuine_tag_of_a_deleted_contact_goes_to_review(
    services: Services, tracking: TrackingService
) -> None:
    gone = _other_contact(services)
    address = tracking.tracking_address(MAILBOX, gone)
    services.contacts.delete(gone)
    raw = build_message(message_id="<t5@example.com>", delivered_to=address)

    assert _record(tracking, raw).reason is ReviewReason.UNKNOWN_CONTACT


def test_nobody_matched_waits_for_the_user_who_picks_a_contact(
    services: Services, tracking: TrackingService, contact_id: int
) -> None:
    raw = build_message(message_id="<t6@example.com>", to="stranger@example.org")
    assert _record(tracking, raw).reason is ReviewReason.NO_MATCH
    [item] = tracking.review_items()

    activity_id = tracking.assign(item.id, contact_id)

    assert [a.id for a in _emails(services, contact_id)] == [activity_id]
    assert tracking.review_items() == []
    with pytest.raises(NotFoundError):
        tracking.assign(item.id, contact_id)


def test_a_discarded_message_never_comes_back(
    services: Services, tracking: TrackingService, contact_id: int
) -> None:
    raw = build_message(message_id="<t7@example.com>", to="stranger@example.org")
    _record(tracking, raw)
    [item] = tracking.review_items()

    tracking.discard(item.id)

    assert tracking.review_items() == []
    assert _record(tracking, raw).already_known is True
    assert tracking.review_items() == []


def _attachment(name: str, data: bytes) -> bytes:
    return (
        b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
        b'Content-Disposition: attachment; filename="'
        + name.encode()
        + b'"\r\n\r\n'
        + base64.encodebytes(data)
    )


def test_attachments_are_stored_by_hash_and_large_ones_listed_by_name(
    services: Services, tracking: TrackingService, contact_id: int
) -> None:
    small, large = b"%PDF small", b"y" * (MAX_ATTACHMENT_BYTES + 1)
    raw = build_message(
        message_id="<t8@example.com>",
        extra_parts=(_attachment("offer.pdf", small), _attachment("scan.pdf", large)),
    )

    [activity_id] = _record(tracking, raw).activity_ids

    with services.store.session() as session:
        documents = session.scalars(select(Document).order_by(Document.id)).all()
        rows = [(d.contact_id, d.activity_id, d.name, d.size, d.sha256) for d in documents]
    digest = FileStore().put(small)
    assert rows == [
        (contact_id, activity_id, "offer.pdf", len(small), digest),
        (contact_id, activity_id, "scan.pdf", len(large), ""),
    ]
    assert FileStore().read(digest) == small


def test_logging_again_after_a_crash_before_the_message_was_noted_adds_nothing(
    services: Services, tracking: TrackingService, contact_id: int
) -> None:
    raw = build_message(
        message_id="<t9@example.com>", extra_parts=(_attachment("offer.pdf", b"%PDF"),)
    )
    mail = parse_mail(raw)
    # The first run got as far as the activity and its documents, then stopped.
    tracking._log_on([contact_id], mail)
    assert not tracking.is_known(mail.message_id)

    _record(tracking, raw)

    assert len(_emails(services, contact_id)) == 1
    with services.store.session() as session:
        assert len(session.scalars(select(Document)).all()) == 1
    assert tracking.is_known(mail.message_id)
