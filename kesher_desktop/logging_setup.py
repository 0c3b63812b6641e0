"""Logging to a rotating file in the user's log folder, with Qt's own messages routed in."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from types import TracebackType

from kesher_desktop import paths

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# APScheduler notes every run of every job at INFO: the reminder heartbeat alone would fill
# the rotating log in a day and push real warnings out.
QUIET_LIBRARIES = ("apscheduler",)


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
    """Send qDebug/qWarning output into our log instead of the console."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        qt_log.log(levels.get(kind, logging.WARNING), message)

    qInstallMessageHandler(handler)


def _log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    logging.getLogger("kesher_desktop").critical("uncaught error", exc_info=(kind, error, trace))
    sys.__excepthook__(kind, error, trace)
