"""The import dialog: imports files off the UI thread with a progress bar and a Cancel.

File > Import opens it; the report it shows is worded by `kesher_desktop.cli_import`, so
the command line and the dialog say the same thing.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from kesher_desktop.cli_import import no_file_read_text, report_text
from kesher_desktop.clock import Clock
from kesher_desktop.db.store import Store
from kesher_desktop.services.importing import ContactImporter, ImportReport
from kesher_desktop.services.importing.records import UnreadableFileError
from kesher_desktop.ui.widgets.bidi import align_text_leading
from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)


class ImportWorker(QObject):
    """Runs one import on the thread it is moved to; speaks to the UI only by signals.

    Signals:
        progressed(done, total): after each committed batch.
        finished(ImportReport): the import ended, completely or cancelled.
        failed(Exception): no file could be read (UnreadableFileError), or the import
            stopped on an error (batches committed before the error are kept). A file that
            cannot be read among others that can is named in the report instead.
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self, importer: ContactImporter, paths: list[Path], stop: threading.Event
    ) -> None:
        super().__init__()
        self._importer = importer
        self._paths = paths
        self._stop = stop

    @Slot()
    def run(self) -> None:
        try:
            report = self._importer.import_paths(
                self._paths, progress=self.progressed.emit, cancelled=self._stop.is_set
            )
        except UnreadableFileError as error:
            self.failed.emit(error)
        except Exception as error:  # noqa: BLE001 - the dialog must hear of any failure
            log.exception("import failed paths=%s", self._paths)
            self.failed.emit(error)
        else:
            self.finished.emit(report)


class ImportDialog(Retranslating, QDialog):
    """Imports `paths` when first shown (or on `start()`) and shows what happened.

    Signals:
        import_finished(ImportReport): the import ended and its batches are committed;
            the contact list should refresh.
    """

    import_finished = Signal(object)

    def __init__(
        self, store: Store, clock: Clock, paths: list[Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._importer = ContactImporter(store, clock)
        self._paths = list(paths)
        self._stop = threading.Event()
        self._thread: QThread | None = None
        self._worker: ImportWorker | None = None
        self._state = "waiting"
        self.report: ImportReport | None = None

        self.status = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)
        # Wide enough for a report line with a file name, a person and a reason.
        self.resize(640, 420)
        self.retranslate()

    # -- own API ------------------------------------------------------------------------

    def start(self) -> None:
        """Begin importing on a worker thread; does nothing if already begun."""
        if self._state != "waiting":
            return
        self._state = "running"
        self._thread = QThread(self)
        self._worker = ImportWorker(self._importer, self._paths, self._stop)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._show_progress)
        self._worker.finished.connect(self._show_report)
        self._worker.failed.connect(self._show_failure)
        self._thread.start()
        log.info("import started files=%d", len(self._paths))

    def cancel(self) -> None:
        """Ask the import to stop after the batch under way; what was committed stays."""
        self._stop.set()
        if self._state == "running":
            self._state = "cancelling"
            self.buttons.setEnabled(False)
        self.retranslate()

    def is_running(self) -> bool:
        return self._state in ("running", "cancelling")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import contacts"))
        if self._state == "cancelling":
            self.status.setText(self.tr("Cancelling after the current batch…"))
        elif self._state in ("waiting", "running"):
            self.status.setText(self.tr("Importing %n file(s)…", "", len(self._paths)))
        # Before the text goes in: the lines are laid out as they are set.
        align_text_leading(self.details)
        if self.report is not None:
            self.status.setText(self._summary(self.report))
            self.details.setPlainText(report_text(self.report))

    # -- Qt overrides -------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.start()

    def reject(self) -> None:
        # Cancel while importing: the report that follows says what was kept.
        if self.is_running():
            self.cancel()
            return
        if self._state == "waiting":
            self._stop.set()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_running():
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    # -- worker results -----------------------------------------------------------------

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    @Slot(object)
    def _show_report(self, report: ImportReport) -> None:
        self._finish()
        self.report = report
        self.progress.setRange(0, max(report.total, 1))
        self.progress.setValue(report.total - report.not_processed)
        self.details.show()
        self.retranslate()
        self.import_finished.emit(report)

    @Slot(object)
    def _show_failure(self, error: Exception) -> None:
        self._finish()
        self.progress.hide()
        if isinstance(error, UnreadableFileError):
            # No file could be read: each is named, and there is no report to show.
            self.status.setText(no_file_read_text(error))
        else:
            self.status.setText(
                self.tr("The import stopped on an error; what was imported before it stays.")
            )
            self.details.setPlainText(str(error))
            self.details.show()

    def _finish(self) -> None:
        self._state = "done"
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.setEnabled(True)

    def _summary(self, report: ImportReport) -> str:
        if report.cancelled:
            return self.tr("Import cancelled.")
        return self.tr("Import finished.")
