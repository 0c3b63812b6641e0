"""Connects the tracking mailbox's poller to the main window: reading it in the background,
on demand, after new settings, and the review list's count."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.imap_poller import POLL_SECONDS, PollingThread, PollReport, poller_for
from kesher_desktop.services.mail_tracking import TrackingService
from kesher_desktop.services.secrets import SecretStore
from kesher_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

STATUS_MS = 10_000


class TrackingBridge(QObject):
    """Lives in the UI thread; the polling thread only emits its signals (queued calls).

    Signals:
        reported(object): a PollReport of one pass over the mailbox.
        failed(str): a pass could not read the mailbox; the reason.
    """

    reported = Signal(object)
    failed = Signal(str)

    def report(self, report: PollReport) -> None:
        self.reported.emit(report)

    def fail(self, error: Exception) -> None:
        self.failed.emit(str(error) or type(error).__name__)


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
        self.thread.poll_now()
        self._window.statusBar().showMessage(
            QCoreApplication.translate("Tracking", "Checking sent mail…"), STATUS_MS
        )

    def stop(self) -> None:
        if self.thread is not None:
            self.thread.stop()
            self.thread = None

    def _show_report(self, report: PollReport) -> None:
        window = self._window
        if report.logged and window.contact_page is not None:
            window.contact_page.refresh_activities()  # type: ignore[attr-defined]
        window.show_tracking(self.thread is not None, len(self.tracking.review_items()))
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "Tracking", "Sent mail checked: {logged} logged, {review} to review."
            ).format(logged=report.logged, review=report.review),
            STATUS_MS,
        )

    def _show_failure(self, reason: str) -> None:
        self._window.statusBar().showMessage(
            QCoreApplication.translate(
                "Tracking", "The tracking mailbox could not be read: {reason}"
            ).format(reason=reason),
            STATUS_MS,
        )


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
