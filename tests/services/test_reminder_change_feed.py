"""The change feed: who hears about a written activity, and when."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from reminder_scene import add_meeting
from sqlalchemy import text

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.change_feed import ChangeFeed


def test_a_failing_listener_is_logged_and_the_others_still_hear(
    caplog: pytest.LogCaptureFixture,
) -> None:
    feed = ChangeFeed()
    heard: list[int] = []

    def broken(activity_id: int) -> None:
        raise ValueError("broken view")

    feed.subscribe(broken)
    feed.subscribe(heard.append)
    with caplog.at_level(logging.ERROR, "kesher_desktop.services.change_feed"):
        feed.publish(7)
    assert heard == [7]
    assert "activity_id=7" in caplog.text

    feed.unsubscribe(heard.append)
    feed.publish(8)
    assert heard == [7]


def test_every_write_is_published_after_its_commit(services: Services, contact_id: int) -> None:
    # A listener on another connection sees the row as it was committed.
    heard: list[tuple[int, object]] = []

    def listener(activity_id: int) -> None:
        with services.store.engine.connect() as other:
            row = other.execute(
                text("SELECT done_at IS NOT NULL, title FROM activities WHERE id = :id"),
                {"id": activity_id},
            ).one_or_none()
        heard.append((activity_id, tuple(row) if row else None))

    services.activities.changes.subscribe(listener)
    meeting = add_meeting(services, contact_id, datetime(2026, 3, 11, 9, tzinfo=UTC))
    draft = services.activities.draft_of(meeting)
    draft.title = "שונה"
    services.activities.update(meeting, draft)
    services.activities.set_done(meeting, True)
    services.activities.set_done(meeting, False)
    services.activities.set_cancelled(meeting, True)
    services.activities.set_cancelled(meeting, False)
    services.activities.delete(meeting)
    services.activities.restore(meeting)
    email = services.activities.log_email(
        contact_id, "נושא", datetime(2026, 3, 9, tzinfo=UTC), "a@x.example", "b@x.example", "", ""
    )

    assert heard == [
        (meeting, (0, "פגישת היכרות")),
        (meeting, (0, "שונה")),
        (meeting, (1, "שונה")),
        (meeting, (0, "שונה")),
        (meeting, (0, "שונה")),
        (meeting, (0, "שונה")),
        (meeting, (0, "שונה")),
        (meeting, (0, "שונה")),
        (email, (1, "נושא")),
    ]


def test_a_failed_write_is_not_published(services: Services, contact_id: int) -> None:
    heard: list[int] = []
    services.activities.changes.subscribe(heard.append)
    with pytest.raises(Exception, match="activity_not_found"):
        services.activities.set_done(999, True)
    assert heard == []
