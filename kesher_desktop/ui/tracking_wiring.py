"""Connects the tracking mailbox's poller to the main window: reading it in the background,
on demand, after new settings, the review list's count, and why it could not be read."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.imap_poller import POLL_SECONDS, PollingThread, PollReport, poller_for
from kesher_desktop.services.mail_tracking import TrackingService
from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.ui.mail_problems import error_problem, mailbox_problem
from kesher_desktop.ui.main_window import MainWindow
from kesher_desktop.ui.widgets.bidi import isolate, shorten
from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)

STATUS_MS = 10_000


class TrackingBridge(QObject):
    """Lives in the UI thread; the polling thread only emits its signals (queued calls).

    Signals:
        reported(object): a PollReport of one pass over the mailbox.
        failed(object): a pass could not read the mailbox; the exception it raised.
    """

    reported = Signal(object)
    failed = Signal(object)

    def report(self, report: PollReport) -> None:
        self.reported.emit(report)

    def fail(self, error: Exception) -> None:
        self.failed.emit(error)


class MailboxProblem(Retranslating, QLabel):
    """The status bar's lasting word that the tracking mailbox could not be read, until a
    pass succeeds; in the language of the moment, the raw detail in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailboxProblem")
        self.setStyleSheet("color: #b3261e;")
        self.error: Exception | None = None
        self.retranslate()

    def show_error(self, error: Exception | None) -> None:
        self.error = error
        self.retranslate()

    def retranslate(self) -> None:
        error = self.error
        self.setVisible(error is not None)
        if error is None:
            self.clear()
            self.setToolTip("")
            return
        # Isolated: the reason may start with a Latin word (SSL) in a Hebrew sentence.
        self.setText(
            "\u26a0 "
            + QCoreApplication.translate("Tracking", "Sent mail not checked: {reason}").format(
                reason=isolate(mailbox_problem(error))
            )
        )
        self.setToolTip(shorten(_detail(error), 300))


class TrackingRunner(QObject):
    """Owns the polling thread while tracking is set up; `restart` follows new settings."""

    def __init__(
        self,
        window: MainWindow,
        services: Services,
        secrets: SecretStore | None = None,
        interval: float = POLL_SECONDS,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._secrets = secrets
        self._interval = interval
        self.thread: PollingThread | None = None
        # Set by "Check sent mail now": the user waits for this pass's outcome.
        self._asked = False
        self.problem = MailboxProblem()
        window.statusBar().addPermanentWidget(self.problem)
        self.bridge = TrackingBridge(self)
        queued = Qt.ConnectionType.QueuedConnection
        self.bridge.reported.connect(self._show_report, queued)
        self.bridge.failed.connect(self._show_failure, queued)
        if services.tracking is None:
            services.tracking = TrackingService(
                services.store, services.clock, services.activities
            )
        self.tracking: TrackingService = services.tracking

    def restart(self) -> None:
        """Stop reading under the old settings and start under the current ones, if any."""
        self.stop()
        settings = self._window.settings.imap()
        if settings is not None:
            invitations = self._services.invitations
            poller = poller_for(
                settings,
                self.tracking,
                invitations.record_reply if invitations is not None else None,
                self._secrets,
            )
            self.thread = PollingThread(
                poller.poll_once, self._interval, self.bridge.report, self.bridge.fail
            )
            self.thread.start()
            log.info(
                "tracking mailbox polled every %ss key=%s", self._interval, poller.mailbox_key
            )
        self._window.show_tracking(settings is not None, len(self.tracking.review_items()))

    def poll_now(self) -> None:
        if self.thread is None:
            return
        self._asked = True
        self.thread.poll_now()
        self._window.statusBar().showMessage(
            QCoreApplication.translate("Tracking", "Checking sent mail…"), STATUS_MS
        )

    def stop(self) -> None:
        if self.thread is not None:
            self.thread.stop()
            self.thread = None
        self._asked = False
        self.problem.show_error(None)

    def tell(self, text: str, detail: str) -> None:
        """Say why the check the user asked for failed; the one call tests replace."""
        box = QMessageBox(QMessageBox.Icon.Warning, self._window.windowTitle(), text)
        box.setDetailedText(detail)
        box.setParent(self._window, box.windowFlags())
        box.exec()

    def _show_report(self, report: PollReport) -> None:
        window = self._window
        self._asked = False
        self.problem.show_error(None)
        if report.logged and window.contact_page is not None:
            window.contact_page.refresh_activities()  # type: ignore[attr-defined]
        window.show_tracking(self.thread is not None, len(self.tracking.review_items()))
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "Tracking", "Sent mail checked: {logged} logged, {review} to review."
            ).format(logged=report.logged, review=report.review),
            STATUS_MS,
        )

    def _show_failure(self, error: Exception) -> None:
        if self.thread is None:
            return  # from a pass under settings that were changed meanwhile
        log.warning(
            "tracking mailbox problem=%s detail=%s", error_problem(error).value, _detail(error)
        )
        self.problem.show_error(error)
        self._window.statusBar().clearMessage()
        if self._asked:
            self._asked = False
            text = QCoreApplication.translate(
                "Tracking", "Sent mail could not be checked. {reason}"
            ).format(reason=isolate(mailbox_problem(error)))
            self.tell(text, _detail(error))


def _detail(error: Exception) -> str:
    """The reason as the server or the network gave it, for the log and the curious."""
    return str(error) or type(error).__name__


def start_tracking(
    window: MainWindow,
    services: Services,
    secrets: SecretStore | None = None,
    interval: float = POLL_SECONDS,
) -> TrackingRunner:
    """Read the tracking mailbox while it is set up; stops itself when the app quits."""
    runner = TrackingRunner(window, services, secrets, interval)
    window.tracking = runner
    window.settings_saved.connect(runner.restart)
    window.check_mail_requested.connect(runner.poll_now)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(runner.stop)
    runner.restart()
    return runner
