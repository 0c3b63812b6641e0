"""The outbox: queued in the caller's transaction, retried with backoff, failures kept."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kesher_desktop.clock import FrozenClock
from kesher_desktop.db.store import Store
from kesher_desktop.services.mail_outbox import MailDraft, MailOutbox, retry_delay

MINUTE = timedelta(minutes=1)


@pytest.fixture
def outbox(store: Store, clock: FrozenClock) -> MailOutbox:
    return MailOutbox(store, clock)


def _queue(outbox: MailOutbox, subject: str = "Reminder", alert_id: int | None = None) -> int:
    with outbox.store.session() as session:
        return outbox.enqueue(
            session,
            MailDraft(["me@example.com"], subject, "text", "<p>html</p>", alert_id=alert_id),
        )


def test_a_queued_mail_is_due_at_once_with_what_was_queued(
    outbox: MailOutbox, clock: FrozenClock
) -> None:
    mail_id = _queue(outbox, "שלום", alert_id=7)

    [mail] = outbox.due()
    assert (mail.id, mail.to, mail.subject, mail.alert_id) == (
        mail_id,
        ["me@example.com"],
        "שלום",
        7,
    )
    assert (mail.text, mail.html, mail.attempts) == ("text", "<p>html</p>", 0)
    assert outbox.next_attempt() == clock.now()


def test_a_mail_queued_in_a_transaction_that_rolls_back_is_not_queued(outbox: MailOutbox) -> None:
    with pytest.raises(RuntimeError), outbox.store.session() as session:
        outbox.enqueue(session, MailDraft(["me@example.com"], "s", "t", ""))
        raise RuntimeError("the claim failed")

    assert outbox.due() == []
    assert outbox.next_attempt() is None


def test_a_mail_needs_a_recipient(outbox: MailOutbox) -> None:
    with pytest.raises(ValueError), outbox.store.session() as session:
        outbox.enqueue(session, MailDraft([" ", ""], "s", "t", ""))


def test_retry_delays_double_from_one_minute_up_to_an_hour() -> None:
    minutes = [retry_delay(attempt) / MINUTE for attempt in range(1, 10)]
    assert minutes == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert retry_delay(10_000) == timedelta(hours=1)


def test_each_failure_keeps_its_reason_and_puts_the_next_try_off(
    outbox: MailOutbox, clock: FrozenClock
) -> None:
    mail_id = _queue(outbox)
    start = clock.now()

    waits = []
    for attempt in range(1, 9):
        [mail] = outbox.claim()
        outbox.mark_failed(mail.id, f"451 try later ({attempt})")
        retry_at = outbox.next_attempt()
        assert retry_at is not None
        waits.append((retry_at - clock.now()) / MINUTE)

        # Not due a moment before its time, due at its time.
        clock.set(retry_at - timedelta(seconds=1))
        assert outbox.due() == []
        clock.set(retry_at)

    assert waits == [1, 2, 4, 8, 16, 32, 60, 60]
    assert clock.now() - start == timedelta(minutes=1 + 2 + 4 + 8 + 16 + 32 + 60 + 60)
    [failed] = outbox.failures()
    assert (failed.id, failed.attempts, failed.last_error) == (mail_id, 8, "451 try later (8)")


def test_a_sent_mail_is_done_with(outbox: MailOutbox, clock: FrozenClock) -> None:
    mail_id = _queue(outbox)
    outbox.mark_failed(mail_id, "connection refused")
    clock.advance(MINUTE)

    [mail] = outbox.claim()
    outbox.mark_sent(mail.id)

    assert outbox.due() == []
    assert outbox.failures() == []
    assert outbox.next_attempt() is None
    clock.advance(timedelta(days=1))
    assert outbox.claim() == []


def test_retry_now_makes_a_failed_mail_due_again(outbox: MailOutbox, clock: FrozenClock) -> None:
    mail_id = _queue(outbox)
    for _ in range(5):
        outbox.mark_failed(mail_id, "550 mailbox unavailable")
    assert outbox.due() == []

    outbox.retry_now(mail_id)

    assert [mail.id for mail in outbox.due()] == [mail_id]
    # The reason stays shown until a try succeeds.
    assert outbox.failures()[0].last_error == "550 mailbox unavailable"


def test_a_discarded_mail_is_never_tried_again(outbox: MailOutbox, clock: FrozenClock) -> None:
    mail_id = _queue(outbox)
    outbox.mark_failed(mail_id, "550 no such user")

    outbox.discard(mail_id)

    clock.advance(timedelta(days=30))
    assert outbox.due() == []
    assert outbox.failures() == []
    assert outbox.next_attempt() is None


def test_a_claimed_mail_is_not_claimed_again_while_it_is_being_sent(
    outbox: MailOutbox, clock: FrozenClock
) -> None:
    first, second = _queue(outbox), _queue(outbox)
    other_worker = MailOutbox(outbox.store, clock)

    assert [mail.id for mail in outbox.claim()] == [first, second]
    assert other_worker.claim() == []

    # A worker that died mid-send leaves its claim; the mail goes once the lease is over.
    clock.advance(timedelta(minutes=10))
    assert [mail.id for mail in other_worker.claim()] == [first, second]


def test_due_mail_comes_oldest_first_and_in_batches(
    outbox: MailOutbox, clock: FrozenClock
) -> None:
    ids = []
    for number in range(5):
        ids.append(_queue(outbox, f"mail {number}"))
        clock.advance(timedelta(seconds=1))

    assert [mail.id for mail in outbox.claim(limit=3)] == ids[:3]
    assert [mail.id for mail in outbox.claim(limit=3)] == ids[3:]


def test_retry_all_makes_every_failed_mail_due_now(outbox: MailOutbox, clock: FrozenClock) -> None:
    failed = [_queue(outbox, f"failed {number}") for number in range(3)]
    for attempts, mail_id in enumerate(failed, start=1):
        for _ in range(attempts):
            outbox.mark_failed(mail_id, "535 authentication failed")
    discarded = _queue(outbox, "discarded")
    outbox.mark_failed(discarded, "550 no such user")
    outbox.discard(discarded)
    sent = _queue(outbox, "sent")
    outbox.mark_sent(sent)
    clock.advance(timedelta(seconds=30))
    assert outbox.due() == []

    assert outbox.retry_all() == 3

    assert sorted(mail.id for mail in outbox.due()) == failed
    assert outbox.next_attempt() == clock.now()
    assert {mail.last_error for mail in outbox.failures()} == {"535 authentication failed"}
    assert outbox.retry_all() == 0
