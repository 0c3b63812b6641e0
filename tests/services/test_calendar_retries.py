"""Pushing through trouble: a lost answer, 5xx, 429, 401, rate and quota 403s, a revoked grant."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest

from kesher_desktop.clock import FrozenClock
from kesher_desktop.models import SyncLogKind
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.calendar_status import SyncState
from tests.google_fake.calendar_scene import CalendarScene, make_scene
from tests.google_fake.calendar_server import FakeGoogle


def test_an_insert_whose_answer_is_lost_once_makes_one_event(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.meeting())
    scene.google.drop_next_inserts(1)

    report = scene.run()

    # httplib2 sends the insert again at once; Google answers 409 for our own id.
    assert report.pushed == 1
    assert len(scene.google.calls("POST")) == 2
    assert list(scene.google.events()) == [scene.event_id(activity_id)]
    assert scene.state(activity_id).state is SyncState.SYNCED
    [entry] = scene.worker.sync_log.entries(activity_id)
    assert (entry.kind, entry.reason) == (SyncLogKind.PUSHED, "created")


def test_a_connection_lost_on_every_try_is_retried_later_without_a_duplicate(
    scene: CalendarScene,
) -> None:
    activity_id = scene.create(scene.meeting())
    scene.google.drop_next_inserts(2)

    report = scene.run()

    assert (report.pushed, report.failed) == (0, 1)
    state = scene.state(activity_id)
    assert (state.state, state.reason, state.attempts) == (SyncState.FAILED, "network", 1)
    assert state.next_attempt_at == scene.clock.now() + timedelta(minutes=1)

    scene.clock.advance(timedelta(minutes=1))
    assert scene.run().pushed == 1
    assert len(scene.google.events()) == 1
    assert len(scene.google.calls("POST")) == 2
    assert scene.state(activity_id).state is SyncState.SYNCED


@pytest.mark.parametrize(
    ("status", "reason", "code"),
    [
        (500, "backendError", "server_error"),
        (503, "backendError", "server_error"),
        (429, "rateLimitExceeded", "rate_limited"),
        (403, "rateLimitExceeded", "rate_limited"),
        (403, "userRateLimitExceeded", "rate_limited"),
    ],
)
def test_a_passing_refusal_backs_off_then_goes(
    scene: CalendarScene, status: int, reason: str, code: str
) -> None:
    activity_id = scene.create(scene.meeting())
    scene.google.fail_next(1, status, reason)

    scene.run()
    state = scene.state(activity_id)
    assert (state.state, state.reason) == (SyncState.FAILED, code)

    scene.clock.advance(timedelta(seconds=59))
    calls = len(scene.google.calls())
    assert scene.run().pushed == 0
    assert len(scene.google.calls("POST")) == 0
    assert len(scene.google.calls()) == calls + 1  # only the pull

    scene.clock.advance(timedelta(seconds=1))
    assert scene.run().pushed == 1
    assert scene.state(activity_id).state is SyncState.SYNCED


def test_failures_in_a_row_wait_longer_each_time(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.meeting())
    waits = []
    for _ in range(4):
        scene.google.fail_next(1, 500)
        scene.run()
        state = scene.state(activity_id)
        assert state.next_attempt_at is not None
        waits.append(state.next_attempt_at - scene.clock.now())
        scene.clock.set(state.next_attempt_at)

    assert waits == [timedelta(minutes=m) for m in (1, 2, 4, 8)]


def test_a_spent_quota_stops_the_sync_with_the_reason(scene: CalendarScene) -> None:
    first = scene.create(scene.meeting())
    second = scene.create(scene.meeting(title="שנייה"))
    scene.google.fail_next(1, 403, "quotaExceeded")

    report = scene.run()

    assert report.halt is not None and report.halt.code == "quota_exceeded"
    assert scene.worker.halt() == report.halt
    for activity_id in (first, second):
        state = scene.state(activity_id)
        assert (state.state, state.reason) == (SyncState.FAILED, "quota_exceeded")
    calls = len(scene.google.requests)
    scene.clock.advance(timedelta(minutes=59))
    assert scene.run().halt is not None
    assert len(scene.google.requests) == calls
    assert scene.reconnects == []

    scene.clock.advance(timedelta(minutes=1))
    assert scene.run().pushed == 2
    assert scene.worker.halt() is None
    assert len(scene.google.live()) == 2


def test_a_daily_limit_is_a_spent_quota_too(scene: CalendarScene) -> None:
    scene.create(scene.meeting())
    scene.google.fail_next(1, 403, "dailyLimitExceeded")

    report = scene.run()

    assert report.halt is not None and report.halt.code == "quota_exceeded"


def test_another_refusal_fails_that_activity_alone(scene: CalendarScene) -> None:
    refused = scene.create(scene.meeting())
    fine = scene.create(scene.meeting(title="שנייה"))
    scene.google.fail_next(1, 400, "invalid", method="GET")

    report = scene.run()

    assert (report.pushed, report.failed, report.halt) == (1, 1, None)
    assert scene.state(refused).reason == "rejected"
    assert scene.state(fine).state is SyncState.SYNCED


def test_a_revoked_grant_asks_for_a_reconnect_and_the_outbox_waits(
    scene: CalendarScene,
) -> None:
    synced = scene.create(scene.meeting())
    scene.run()
    scene.google.refuse_grant()
    scene.edit(synced, title="אחרי הניתוק")
    waiting = scene.create(scene.meeting(title="חדשה"))

    report = scene.run()

    assert report.halt is not None and report.halt.code == "reconnect_needed"
    assert len(scene.reconnects) == 1 and "invalid_grant" in scene.reconnects[0]
    for activity_id in (synced, waiting):
        state = scene.state(activity_id)
        assert (state.state, state.reason) == (SyncState.FAILED, "reconnect_needed")
    assert scene.activity(synced).title == "אחרי הניתוק"
    assert scene.event(synced)["summary"] == "סקירה רבעונית"

    # No call at all while halted, however long it waits.
    calls = len(scene.google.requests)
    scene.clock.advance(timedelta(days=2))
    assert scene.run().halt is not None
    assert len(scene.google.requests) == calls
    assert len(scene.reconnects) == 1

    scene.google.grant_again()
    scene.worker.resume()
    assert scene.run().pushed == 2
    assert scene.event(synced)["summary"] == "אחרי הניתוק"
    assert scene.state(waiting).state is SyncState.SYNCED


def test_a_401_that_a_fresh_token_does_not_cure_is_retried_later_not_a_reconnect(
    scene: CalendarScene,
) -> None:
    activity_id = scene.create(scene.meeting())
    # The call and both of google-auth's tries with a refreshed token.
    scene.google.fail_next(3, 401, "authError")

    report = scene.run()

    assert (report.pushed, report.failed, report.halt) == (0, 1, None)
    assert scene.reconnects == [] and scene.worker.halt() is None
    state = scene.state(activity_id)
    assert (state.state, state.reason, state.attempts) == (SyncState.FAILED, "sign_in_failed", 1)
    assert state.next_attempt_at == scene.clock.now() + timedelta(minutes=1)

    scene.clock.advance(timedelta(minutes=1))
    assert scene.run().pushed == 1
    assert scene.state(activity_id).state is SyncState.SYNCED


def test_an_access_token_google_stops_taking_is_renewed_on_the_spot(
    scene: CalendarScene,
) -> None:
    activity_id = scene.create(scene.meeting())
    scene.run()
    scene.google.expire_token_at_next_call()
    scene.edit(activity_id, title="אחרי החידוש")
    refreshes = _token_requests(scene.google)

    report = scene.run()

    assert (report.pushed, report.failed, report.halt) == (1, 0, None)
    assert scene.reconnects == []
    assert scene.event(activity_id)["summary"] == "אחרי החידוש"
    # A run signs in afresh; the 401 made google-auth sign in once more and try again.
    assert _token_requests(scene.google) == refreshes + 2


def test_a_second_run_while_one_runs_returns_at_once(scene: CalendarScene) -> None:
    scene.create(scene.meeting())
    running = scene.worker._running  # noqa: SLF001 - standing in for a run on another thread
    running.acquire()
    try:
        assert scene.run().busy
    finally:
        running.release()
    assert scene.google.requests == []


def test_a_night_offline_loses_nothing_and_pushes_the_last_version_once(
    services: Services, clock: FrozenClock, google: FakeGoogle, contact_id: int
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        dead_port = probe.getsockname()[1]
    offline = make_scene(services, clock, FakeGoogle(port=dead_port), contact_id)
    activity_id = offline.create(offline.meeting())

    for hour in range(10):
        offline.edit(activity_id, title=f"גרסה {hour}")
        report = offline.run()
        assert report.failed == 1 or report.pushed == 0
        clock.advance(timedelta(hours=1))
    state = offline.state(activity_id)
    assert (state.state, state.reason) == (SyncState.FAILED, "network")

    services.activities.hooks.clear()
    online = make_scene(services, clock, google, contact_id)
    online.run()

    assert len(google.calls("POST")) == 1
    assert google.calls("PATCH") == []
    assert [e["summary"] for e in google.live().values()] == ["גרסה 9"]
    assert online.state(activity_id).state is SyncState.SYNCED


def test_failed_and_refused_pushes_are_in_the_sync_log_once_per_reason(
    scene: CalendarScene,
) -> None:
    failing = scene.create(scene.meeting())
    scene.google.fail_next(1, 500)
    scene.run()
    scene.clock.advance(timedelta(minutes=1))
    scene.google.fail_next(1, 500)
    scene.run()

    [failed] = scene.worker.sync_log.entries(failing)
    assert (failed.kind, failed.reason) == (SyncLogKind.FAILED, "server_error")
    assert failed.event_id == scene.event_id(failing) and "500" in failed.detail

    scene.clock.advance(timedelta(minutes=2))
    assert scene.run().pushed == 1
    entries = scene.worker.sync_log.entries(failing)
    assert [(e.kind, e.reason) for e in entries][0] == (SyncLogKind.PUSHED, "created")
    assert len(entries) == 2

    refused = scene.create(scene.meeting(title="שנייה"))
    scene.google.fail_next(1, 400, "invalid", method="GET")
    scene.run()

    [entry] = scene.worker.sync_log.entries(refused)
    assert (entry.kind, entry.reason) == (SyncLogKind.REFUSED, "rejected")


def _token_requests(google: FakeGoogle) -> int:
    return sum(1 for request in google.requests if request.path == "/token")
