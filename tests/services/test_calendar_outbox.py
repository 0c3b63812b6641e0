"""The outbox row is written in the transaction of the change: both are kept, or neither."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kesher_desktop.models import Activity, CalendarChange, CalendarLink
from kesher_desktop.services.calendar_status import SyncState
from tests.google_fake.calendar_scene import CalendarScene


def _count(scene: CalendarScene, model: type) -> int:
    with scene.services.store.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_save_that_fails_after_the_outbox_write_keeps_neither(scene: CalendarScene) -> None:
    written: list[int] = []

    def broken(session: Session, activity: Activity) -> None:
        # Runs after the outbox's hook, whose row is in the session by now.
        written.append(session.scalar(select(func.count()).select_from(CalendarChange)) or 0)
        raise RuntimeError("disk full")

    scene.services.activities.hooks.append(broken)
    with pytest.raises(RuntimeError, match="disk full"):
        scene.create(scene.meeting())

    assert written == [1]
    assert _count(scene, Activity) == 0
    assert _count(scene, CalendarChange) == 0
    assert _count(scene, CalendarLink) == 0


def test_an_outbox_row_the_database_refuses_takes_the_save_with_it(
    scene: CalendarScene,
) -> None:
    # The database itself turns the outbox's row down, as a full disk would: were the row
    # written apart from the change (its own session, after the commit), the meeting would
    # be kept with nothing queued to tell Google.
    with scene.services.store.engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TRIGGER refuse_outbox BEFORE INSERT ON calendar_changes "
                "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
            )
        )

    with pytest.raises(DBAPIError, match="disk full"):
        scene.create(scene.meeting())

    assert _count(scene, Activity) == 0
    assert _count(scene, CalendarLink) == 0


def test_a_saved_change_keeps_the_activity_and_its_outbox_row(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.meeting())

    with scene.services.store.session() as session:
        assert session.get(Activity, activity_id) is not None
        [change] = session.scalars(select(CalendarChange)).all()
    assert change.activity_id == activity_id and change.done_at is None
    assert scene.state(activity_id).state is SyncState.WAITING
