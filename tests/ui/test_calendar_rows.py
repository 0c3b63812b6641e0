"""Activity rows with a calendar mark: the second line keeps its time on a narrow page, and
a contact's sync states are read in one go."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtGui import QFont, QFontMetrics
from pytestqt.qtbot import QtBot

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.activities import ActivityDraft
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.settings import GOOGLE_CLIENT_FILE_VARIABLE, Settings
from kesher_desktop.ui.activity_delegate import fit_details
from kesher_desktop.ui.activity_list_model import ActivityRole
from kesher_desktop.ui.widgets.bidi import isolate_ltr
from tests.ui.calendar_window import CalendarWindow, open_window

WHEN = isolate_ltr("05/12/2026 10:00\u201311:00")
PEOPLE = "Noa Barak, Dana Levi, Moshe Cohen"


@pytest.fixture
def metrics(qapp: object) -> QFontMetrics:
    return QFontMetrics(QFont())


def test_a_narrow_line_cuts_the_people_not_the_time(metrics: QFontMetrics) -> None:
    wide = fit_details(metrics, WHEN, PEOPLE, 2000)
    assert wide == f"{WHEN} \u00b7 {PEOPLE}"

    just_the_time = metrics.horizontalAdvance(WHEN) + 4
    for width in (just_the_time, just_the_time + 40, just_the_time + 120):
        line = fit_details(metrics, WHEN, PEOPLE, width)
        assert line.startswith(WHEN), width
        assert metrics.horizontalAdvance(line) <= width or line == WHEN


def test_without_a_time_the_people_are_shortened(metrics: QFontMetrics) -> None:
    line = fit_details(metrics, "", PEOPLE, 60)
    assert line.endswith("\u2026") and metrics.horizontalAdvance(line) <= 60


@pytest.fixture
def app(
    qtbot: QtBot,
    services: Services,
    contact_id: int,
    file_keyring: PlaintextKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[CalendarWindow]:
    # No client file and no account: nothing is sent, changes wait in the outbox.
    monkeypatch.delenv(GOOGLE_CLIENT_FILE_VARIABLE, raising=False)
    secrets = SecretStore(allow_plain_file=True)
    opened = open_window(qtbot, services, contact_id, Settings(language="en"), secrets)
    yield opened
    opened.calendar.stop()


def _meeting(services: Services, contact_id: int, title: str, ticked: bool) -> int:
    start = datetime(2026, 3, 12, 8, 0, tzinfo=UTC)
    draft = ActivityDraft(
        kind=ActivityKind.MEETING,
        title=title,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        add_to_calendar=ticked,
    )
    return services.activities.create(contact_id, draft)


def test_a_contacts_sync_states_are_read_in_one_call(
    app: CalendarWindow, services: Services, contact_id: int
) -> None:
    ticked = [_meeting(services, contact_id, f"In calendar {n}", True) for n in range(3)]
    plain = _meeting(services, contact_id, "Not in calendar", False)
    status = app.calendar.status
    asked: list[list[int]] = []
    states = status.states

    def counting(ids: list[int]) -> dict:
        asked.append(sorted(ids))
        return states(ids)

    status.states = counting  # type: ignore[method-assign]
    app.pane.refresh()

    # Only the activities meant for the calendar are asked about, all at once.
    assert asked == [sorted(ticked)]
    for activity_id in ticked:
        assert app.sync_of(activity_id) == "waiting"
        assert app.row_data(activity_id, ActivityRole.SYNC_TEXT) == "Waiting to sync"
    assert app.sync_of(plain) == ""
