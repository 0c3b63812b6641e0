"""What a failure says to the user: Google's own sentence after the status, never the URL,
the raw error text or the token endpoint's whole answer; the log keeps the full text."""

from __future__ import annotations

import logging

import httplib2
import pytest
from googleapiclient.errors import HttpError

from kesher_desktop.models import SyncLogKind
from kesher_desktop.services.calendar_errors import classify
from kesher_desktop.services.calendar_status import SyncState
from tests.google_fake.calendar_scene import CalendarScene

EMPTY_RANGE = "The specified time range is empty."
REQUEST_URI = (
    "https://www.googleapis.com/calendar/v3/calendars/noa.barak%40gmail.com/events"
    "?sendUpdates=none&alt=json"
)


def test_a_refusal_reads_as_the_status_and_googles_message(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.meeting())
    scene.google.fail_next(1, 400, "invalid", method="POST", message=EMPTY_RANGE)

    scene.run()

    [entry] = scene.worker.sync_log.entries(activity_id)
    assert (entry.kind, entry.reason) == (SyncLogKind.REFUSED, "rejected")
    assert entry.detail == f"400 \u00b7 {EMPTY_RANGE}"
    state = scene.state(activity_id)
    assert (state.state, state.detail) == (SyncState.FAILED, entry.detail)
    assert "http" not in entry.detail.casefold()


def test_the_log_keeps_the_whole_error_with_its_url(
    scene: CalendarScene, caplog: pytest.LogCaptureFixture
) -> None:
    scene.create(scene.meeting())
    scene.google.fail_next(1, 400, "invalid", method="POST", message=EMPTY_RANGE)

    with caplog.at_level(logging.INFO, logger="kesher_desktop.services.calendar_errors"):
        scene.run()

    [record] = [r for r in caplog.records if "google call failed" in r.getMessage()]
    assert f"<HttpError 400 when requesting {scene.google.base_url}" in record.getMessage()
    assert EMPTY_RANGE in record.getMessage()


@pytest.mark.parametrize(
    ("status", "content", "detail"),
    [
        # Only the list of errors has a message.
        (404, b'{"error": {"errors": [{"message": "Not Found"}]}}', "404 \u00b7 Not Found"),
        # A message wrapped over lines reads as one.
        (400, b'{"error": {"message": "Bad\\n  request."}}', "400 \u00b7 Bad request."),
        # No message at all, or a proxy's page instead of JSON: the status's own phrase.
        (409, b'{"error": {"code": 409}}', "409 \u00b7 Conflict"),
        (
            502,
            b"<html><body>Bad gateway at https://proxy.example/x</body></html>",
            "502 \u00b7 Bad Gateway",
        ),
        (599, b"", "599"),
    ],
)
def test_a_body_without_a_message_reads_as_the_status(
    status: int, content: bytes, detail: str
) -> None:
    error = HttpError(httplib2.Response({"status": status}), content, uri=REQUEST_URI)

    assert classify(error).detail == detail


def test_a_revoked_grant_reads_as_google_sign_in_sentence(scene: CalendarScene) -> None:
    scene.create(scene.meeting())
    scene.google.refuse_grant()

    report = scene.run()

    expected = "invalid_grant: Token has been expired or revoked."
    assert report.halt is not None and report.halt.detail == expected
    assert scene.reconnects == [expected]


def test_a_lost_connection_names_the_fault_without_a_url(scene: CalendarScene) -> None:
    activity_id = scene.create(scene.meeting())
    scene.google.drop_next_inserts(2)

    scene.run()

    failure = scene.state(activity_id)
    assert failure.reason == "network"
    assert failure.detail and "http" not in failure.detail.casefold()
