"""Logging to a rotating file in the user's log folder, with Qt's own messages routed in."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections import deque
from types import TracebackType
from typing import TYPE_CHECKING

from kesher_desktop import paths

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# APScheduler notes every run of every job at INFO: the reminder heartbeat alone would fill
# the rotating log in a day and push real warnings out.
QUIET_LIBRARIES = ("apscheduler",)
# How many of Qt's warnings a fatal message is told with; a missing library that stops the
# platform plugin loading is named two or three lines before it.
WARNINGS_BEFORE_FATAL = 5


def configure_logging(level: int = logging.INFO) -> None:
    folder = paths.log_dir()
    handler: logging.Handler
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / "kesher.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        # A log folder we cannot write must not stop the app; the messages go to stderr.
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    sys.excepthook = _log_uncaught


def route_qt_messages() -> None:
    """Send Qt's messages into our log instead of the console.

    Critical and fatal ones go to the terminal too: a fatal one ends the app at once (say,
    when no platform plugin loads), and someone who started it there should see why. The
    fatal line seldom names the cause, so the warnings just before it come along.
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    recent_warnings: deque[str] = deque(maxlen=WARNINGS_BEFORE_FATAL)

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), message)

        line = _as_qt_prints(context, message)
        if kind == QtMsgType.QtWarningMsg:
            recent_warnings.append(line)
        elif kind == QtMsgType.QtCriticalMsg:
            _tell_terminal([line])
        elif kind == QtMsgType.QtFatalMsg:
            _tell_terminal([*recent_warnings, line])

    qInstallMessageHandler(handler)


def _as_qt_prints(context: QMessageLogContext, message: str) -> str:
    """A message as Qt's own handler prints it: after its category, if it has one."""
    category = getattr(context, "category", None)
    return f"{category}: {message}" if category and category != "default" else message


def _tell_terminal(lines: list[str]) -> None:
    # Started from a desktop launcher, the app may have no stderr at all.
    if sys.stderr is None:
        return
    for line in lines:
        sys.stderr.write(f"{line}\n")
    sys.stderr.flush()


def _log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    logging.getLogger("kesher_desktop").critical("uncaught error", exc_info=(kind, error, trace))
    sys.__excepthook__(kind, error, trace)
