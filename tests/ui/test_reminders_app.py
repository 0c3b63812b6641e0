"""The real app in a subprocess: a reminder missed while it was closed comes once, late; a
second launch hands over to the running copy and leaves."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from kesher_desktop import paths
from kesher_desktop.clock import FrozenClock
from kesher_desktop.db.store import open_sqlite
from kesher_desktop.services.bundle import Services
from kesher_desktop.services.contacts import ContactDraft, EmailEntry
from kesher_desktop.settings import Settings
from tests.mail_server import SmtpServer, smtp_server
from tests.services.reminder_scene import JERUSALEM, add_meeting

# Generous: a loaded CI machine starts Qt slowly. The 5 s is the engine's promise,
# which the heartbeat test and the benchmark cover.
STARTED_WITHIN = 60.0
ENGINE_STARTED = "reminder engine started"


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    with smtp_server() as running:
        yield running


def plan_missed_reminder() -> datetime:
    """A meeting that began 5 minutes ago, planned an hour ago; its reminder is 20 min past.

    Returns when the meeting starts.
    """
    now = datetime.now(UTC)
    starts_at = now - timedelta(minutes=5)
    store = open_sqlite(paths.database_path())
    try:
        earlier = Services.over(store, FrozenClock(now - timedelta(hours=1), JERUSALEM))
        contact = earlier.contacts.create(
            ContactDraft(
                given_name="Dana", family_name="Levi", emails=[EmailEntry("dana@example.com")]
            )
        )
        add_meeting(earlier, contact, starts_at, title="Budget review")
        return starts_at
    finally:
        store.close()


def launch(*arguments: str) -> subprocess.Popen[bytes]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", TZ="Asia/Jerusalem")
    return subprocess.Popen(
        [sys.executable, "-m", "kesher_desktop", *arguments],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def logged(line: str) -> int:
    """How many times the app's log holds `line`, every process's run counted."""
    log = paths.log_dir() / "kesher.log"
    return log.read_text(encoding="utf-8").count(line) if log.exists() else 0


def engine_starts() -> int:
    return logged(ENGINE_STARTED)


def stop(process: subprocess.Popen[bytes]) -> None:
    # As a crash or a logout would: no clean shutdown.
    process.kill()
    process.wait(timeout=30)


def test_a_missed_reminder_is_mailed_once_across_restarts(server: SmtpServer) -> None:
    starts_at = plan_missed_reminder()
    Settings(
        language="en",
        time_zone="Asia/Jerusalem",
        smtp_host="127.0.0.1",
        smtp_port=server.port,
        smtp_security="none",
        my_address="me@example.com",
    ).save()

    first = launch()
    try:
        assert wait_for(lambda: server.received, STARTED_WITHIN), "no reminder mail came"
    finally:
        stop(first)

    second = launch()
    try:
        assert wait_for(lambda: engine_starts() == 2, STARTED_WITHIN)
        # Long enough for a start-up claim and two heartbeats.
        time.sleep(6)
    finally:
        stop(second)

    assert len(server.received) == 1
    mail = server.received[0]
    assert mail.recipients == ["me@example.com"]
    assert "Budget review" in mail.message["Subject"]
    text = mail.message.get_body(("plain",)).get_content()
    assert "minutes late" in text
    # The meeting's time as the wall clock in Jerusalem shows it.
    assert starts_at.astimezone(JERUSALEM).strftime("%H:%M") in text


def test_a_second_launch_hands_over_to_the_running_copy_and_leaves() -> None:
    first = launch()
    try:
        assert wait_for(lambda: engine_starts() == 1, STARTED_WITHIN)

        second = launch("--in-tray")

        assert second.wait(timeout=STARTED_WITHIN) == 0
        assert logged("handed over and leaving") == 1
        assert wait_for(lambda: logged("arguments=['--in-tray']") == 1, STARTED_WITHIN)
        # One scheduler: the second copy never started an engine of its own.
        assert engine_starts() == 1 and first.poll() is None
    finally:
        stop(first)
