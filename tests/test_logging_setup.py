"""The log: a rotating file in the log folder, without a line for every scheduler tick."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kesher_desktop import paths
from kesher_desktop.logging_setup import configure_logging

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def root_logging() -> Iterator[None]:
    """Put the root logger, APScheduler's and the error hook back as they were."""
    hook = sys.excepthook
    root = logging.getLogger()
    scheduler = logging.getLogger("apscheduler")
    handlers, level, scheduler_level = list(root.handlers), root.level, scheduler.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)
    scheduler.setLevel(scheduler_level)
    sys.excepthook = hook


def test_our_lines_go_to_the_file_and_scheduler_ticks_do_not(root_logging: None) -> None:
    configure_logging()

    logging.getLogger("kesher_desktop.test").info("a line of ours")
    logging.getLogger("apscheduler.executors.default").info('Running job "heartbeat"')
    logging.getLogger("apscheduler.scheduler").warning("a job was missed")
    for handler in logging.getLogger().handlers:
        handler.flush()

    written = (paths.log_dir() / "kesher.log").read_text(encoding="utf-8")
    assert "a line of ours" in written
    assert "Running job" not in written
    assert "a job was missed" in written


def test_qt_failing_to_start_says_why_on_the_terminal(tmp_path: Path) -> None:
    # As when a library the platform plugin needs is missing: Qt ends the app at once.
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "nonexistent_platform",
        "KESHER_HOME": str(tmp_path / "home"),
    }

    run = subprocess.run(
        [sys.executable, "-m", "kesher_desktop"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert run.returncode != 0
    assert 'Could not find the Qt platform plugin "nonexistent_platform"' in run.stderr
    assert "no Qt platform plugin could be initialized" in run.stderr
    written = (tmp_path / "home" / "logs" / "kesher.log").read_text(encoding="utf-8")
    assert "no Qt platform plugin could be initialized" in written
