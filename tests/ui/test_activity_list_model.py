"""The list model of a contact's activities: roles, states against the clock, model rules."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import ActivityKind
from kesher_desktop.services.bundle import Services
from kesher_desktop.ui.activity_list_model import (
    OVERDUE_COLOR,
    ActivityListModel,
    ActivityRole,
    when_text,
)


def _meeting(services: Services, contact_id: int, title: str, start: datetime) -> int:
    draft = services.activities.new_draft(contact_id, ActivityKind.MEETING)
    draft.title, draft.starts_at, draft.ends_at = title, start, start + timedelta(hours=1)
    return services.activities.create(contact_id, draft)


def _model(services: Services, contact_id: int) -> ActivityListModel:
    model = ActivityListModel(services.clock.zone)
    model.set_rows(services.activities.rows_for_contact(contact_id))
    return model


def test_model_passes_the_model_tester(
    qtmodeltester, services: Services, contact_id: int, clock: FrozenClock
) -> None:
    _meeting(services, contact_id, "Kick-off", clock.now() + timedelta(days=1))
    _meeting(services, contact_id, "Review", clock.now() - timedelta(days=1))
    model = _model(services, contact_id)

    qtmodeltester.check(model)

    assert model.rowCount() == 2


def test_empty_model_passes_the_model_tester(qtmodeltester, services: Services) -> None:
    qtmodeltester.check(ActivityListModel(services.clock.zone))


def test_roles_give_title_kind_state_and_local_time(
    services: Services, contact_id: int, clock: FrozenClock
) -> None:
    # 11:00 UTC on 11 March is 13:00 in Jerusalem (UTC+2 before daylight saving).
    start = datetime(2026, 3, 11, 11, 0, tzinfo=clock.now().tzinfo)
    activity_id = _meeting(services, contact_id, "פגישת היכרות", start)
    model = _model(services, contact_id)
    index = model.index(0)

    assert index.data(Qt.ItemDataRole.DisplayRole) == "פגישת היכרות"
    assert index.data(ActivityRole.ID) == activity_id
    assert index.data(ActivityRole.KIND) == "meeting"
    assert index.data(ActivityRole.STATE) == "todo"
    assert index.data(ActivityRole.WHEN) == "11/03/2026 13:00\u201314:00"
    assert index.data(ActivityRole.KIND_NAME) == "Meeting"
    assert index.data(Qt.ItemDataRole.ForegroundRole) is None


def test_an_overdue_row_is_red(services: Services, contact_id: int, clock: FrozenClock) -> None:
    _meeting(services, contact_id, "Review", clock.now() + timedelta(hours=2))
    clock.advance(timedelta(hours=4))
    model = _model(services, contact_id)
    index = model.index(0)

    assert index.data(ActivityRole.STATE) == "overdue"
    assert index.data(ActivityRole.STATE_NAME) == "Overdue"
    assert QColor(index.data(Qt.ItemDataRole.ForegroundRole)) == OVERDUE_COLOR


def test_same_rows_repaint_without_a_reset(
    qtbot, services: Services, contact_id: int, clock: FrozenClock
) -> None:
    _meeting(services, contact_id, "Review", clock.now() + timedelta(hours=2))
    model = _model(services, contact_id)
    clock.advance(timedelta(hours=4))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        model.set_rows(services.activities.rows_for_contact(contact_id))

    assert resets == []
    assert model.index(0).data(ActivityRole.STATE) == "overdue"


def test_task_without_time_shows_its_day(services: Services, contact_id: int) -> None:
    draft = services.activities.new_draft(contact_id, ActivityKind.TASK)
    draft.title = "Send the offer"
    services.activities.create(contact_id, draft)

    row = services.activities.rows_for_contact(contact_id)[0]

    assert when_text(row, services.clock.zone) == "10/03/2026"


def test_one_changed_activity_moves_to_its_place_without_a_reset(
    qtmodeltester, services: Services, contact_id: int, clock: FrozenClock
) -> None:
    from kesher_desktop.services.activities import row_order

    now = clock.now()
    first = _meeting(services, contact_id, "A", now + timedelta(days=1))
    _meeting(services, contact_id, "B", now + timedelta(days=2))
    third = _meeting(services, contact_id, "C", now + timedelta(days=3))
    model = _model(services, contact_id)
    qtmodeltester.check(model)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    draft = services.activities.draft_of(first)
    draft.starts_at = now + timedelta(days=4)
    draft.ends_at = draft.starts_at + timedelta(hours=1)
    services.activities.update(first, draft)
    model.put(services.activities.row(first), row_order)
    assert [model.index(n).data() for n in range(3)] == ["B", "C", "A"]

    added = _meeting(services, contact_id, "D", now + timedelta(days=2, hours=12))
    model.put(services.activities.row(added), row_order)
    assert [model.index(n).data() for n in range(4)] == ["B", "D", "C", "A"]

    model.discard(third)
    assert [model.index(n).data() for n in range(3)] == ["B", "D", "A"]
    assert resets == []
