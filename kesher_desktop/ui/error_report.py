"""Telling the user about an unexpected error, after it has been written to the log."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from kesher_desktop import paths
from kesher_desktop.ui.widgets.bidi import isolate

log = logging.getLogger(__name__)


def install_error_report() -> None:
    """Log every uncaught error and say so in a box; the app keeps running."""
    sys.excepthook = report_error


def report_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    log.critical("uncaught error", exc_info=(kind, error, trace))
    # On the terminal too, as Python would: an error while starting may leave no window.
    sys.__excepthook__(kind, error, trace)
    if QApplication.instance() is None:
        return
    # Each change is committed as it is made, so nothing saved is lost with this error.
    QMessageBox.critical(
        QApplication.activeWindow(),
        QCoreApplication.translate("ErrorReport", "Kesher"),
        QCoreApplication.translate(
            "ErrorReport",
            "Something went wrong and the last action may not have finished. Everything "
            "saved before it is safe. Details are in the log: {path}",
        ).format(path=isolate(str(paths.log_dir() / "kesher.log"))),
    )
