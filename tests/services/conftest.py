"""Fixtures of the calendar sync tests: a fake Google Calendar and a scene over it.

`google` here is the fake Calendar v3 server; the account tests (test_google_account.py)
declare their own `google`, the fake OAuth server, which takes its place there.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kesher_desktop.clock import FrozenClock
from kesher_desktop.services.bundle import Services
from tests.google_fake.calendar_scene import CalendarScene, make_scene
from tests.google_fake.calendar_server import FakeGoogle, calendar_server


@pytest.fixture
def google() -> Iterator[FakeGoogle]:
    with calendar_server() as server:
        yield server


@pytest.fixture
def scene(
    services: Services, clock: FrozenClock, google: FakeGoogle, contact_id: int
) -> CalendarScene:
    return make_scene(services, clock, google, contact_id)
