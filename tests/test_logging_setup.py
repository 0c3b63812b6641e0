"""The log: a rotating file in the log folder, without a line for every scheduler tick."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator

import pytest

from kesher_desktop import paths
from kesher_desktop.logging_setup import configure_logging


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
