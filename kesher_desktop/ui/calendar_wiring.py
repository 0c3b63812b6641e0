"""Connects Google Calendar sync to the app: the account, the outbox's hook on every save,
the worker on a thread of its own, and the news of each run back on the UI thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.calendar_client import GOOGLE_API_BASE
from kesher_desktop.services.calendar_outbox import CalendarOutbox
from kesher_desktop.services.calendar_status import CalendarSyncStatus
from kesher_desktop.services.calendar_worker import CalendarSyncWorker
from kesher_desktop.services.google_account import GoogleAccount
from kesher_desktop.services.google_errors import GoogleAccountError
from kesher_desktop.services.secrets import SecretStore, SecretsUnavailableError
from kesher_desktop.settings import Settings
from kesher_desktop.ui.google_connect_dialog import GoogleConnectDialog
from kesher_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# Often enough that a change made in Google shows within minutes; each run costs one call
# when nothing changed.
SYNC_SECONDS = 3 * 60
RECONNECT_HALT = "reconnect_needed"


class SyncLoop:
    """Calls `work` on a daemon thread at once, every `interval` seconds after, and soon
    after each `wake`. No Qt here: `work` sends what it found to the UI by queued signal."""

    def __init__(self, work: Callable[[], None], interval: float) -> None:
        self._work = work
        self._interval = interval
        self._woken = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="calendar-sync", daemon=True)
            self._thread.start()

    def wake(self) -> None:
        """Run again as soon as the run under way, if any, is over."""
        self._woken.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Let the run under way finish, then end the thread; waits at most `timeout`."""
        self._stopping.set()
        self._woken.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("calendar sync still running at quit; left to end with the app")
            self._thread = None

    def _loop(self) -> None:
        while not self._stopping.is_set():
            self._woken.clear()
            try:
                self._work()
            except Exception:
                # The next run tries again; one bad run must not end the thread.
                log.exception("calendar sync run failed")
            self._woken.wait(self._interval)


class CalendarSync(QObject):
    """Everything the UI needs of Google Calendar: the account, each activity's sync state,
    the worker, and a way to sync now.

    Runs happen on the loop's thread only while a client file is set and an account is
    connected; a run after the account was connected again first lifts the halt that the
    refused grant had put. `run_connect_dialog` is the one function tests replace.

    Signals:
        run_finished(object): a RunReport; emitted on the loop's thread, so connect queued.
        reconnect_needed(str): Google refused the grant (the reason); connect queued too.
    """

    run_finished = Signal(object)
    reconnect_needed = Signal(str)

    def __init__(
        self,
        services: Services,
        settings: Callable[[], Settings],
        secrets: SecretStore,
        interval: float = SYNC_SECONDS,
        api_base: str = GOOGLE_API_BASE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        # Where the sync calls Google; the settings' calendar list asks Google there too.
        self.api_base = api_base
        self.account = GoogleAccount(secrets, settings)
        # Attached whatever the account's state: a change made offline or before connecting
        # is queued all the same, and goes once the account is there.
        self.outbox = CalendarOutbox(services.store, services.clock)
        self.outbox.attach(services.activities)
        self.worker = CalendarSyncWorker(
            services.store,
            services.clock,
            services.activities,
            self.outbox,
            credentials=self.account.credentials,
            on_reconnect_needed=self._grant_refused,
            calendar_id=lambda: settings().google_calendar_id,
            google_sends=lambda: settings().google_sends_invitations,
            api_base=api_base,
        )
        self.status = CalendarSyncStatus(
            services.store,
            services.clock,
            self.outbox,
            services.activities,
            calendar_id=lambda: settings().google_calendar_id,
        )
        self.sync_log = self.worker.sync_log
        self._loop = SyncLoop(self._run, interval)
        self._activities = services.activities
        self._activities.changes.subscribe(self._note_change)

    # -- API -------------------------------------------------------------------------------

    def offered(self) -> bool:
        """Whether a usable Google client file is set: without one nothing can sync."""
        return self.account.client_file() is not None

    def client_problem(self) -> GoogleAccountError | None:
        """What is wrong with the client file, for a message; None when it can be used."""
        return self.account.client_problem()

    def is_connected(self) -> bool:
        return self.account.is_connected()

    def account_name(self) -> str:
        return self._settings().google_account

    def start(self) -> None:
        self._loop.start()

    def stop(self) -> None:
        self._activities.changes.unsubscribe(self._note_change)
        self._loop.stop()

    def sync_now(self) -> None:
        self._loop.wake()

    def ask_to_connect(self, parent: QWidget | None) -> bool:
        """Open the connect dialog; True once an account is connected, whatever the way."""
        # Connecting again keeps the account whose calendar holds our events and whose
        # changes wait in the outbox; switching accounts is a disconnect first.
        known = self._settings().google_account if self.account.needs_reconnect() else ""
        dialog = GoogleConnectDialog(self.account, parent, expected_account=known)
        dialog.account_connected.connect(self._account_connected)
        self.run_connect_dialog(dialog)
        dialog.deleteLater()
        return self.account.is_connected()

    def run_connect_dialog(self, dialog: GoogleConnectDialog) -> None:
        """Run the connect dialog modally; tests replace this one method."""
        dialog.exec()

    # -- helpers ---------------------------------------------------------------------------

    def _account_connected(self, email: str) -> None:
        settings = self._settings()
        settings.google_account = email
        settings.save()
        log.info("google account connected from the calendar; syncing now")
        self.sync_now()

    def _run(self) -> None:
        """One pass, on the loop's thread."""
        if not self.offered() or not self.is_connected():
            return
        halt = self.worker.halt()
        if halt is not None and halt.code == RECONNECT_HALT:
            # The grant had been refused and the account is connected again since.
            self.worker.resume()
        report = self.worker.run_once()
        if report.pushed or report.failed or report.pulled:
            log.info(
                "calendar sync pushed=%s failed=%s pulled=%s",
                report.pushed,
                report.failed,
                report.pulled,
            )
        self._tell(self.run_finished, report)

    def _grant_refused(self, reason: str) -> None:
        try:
            self.account.mark_reconnect_needed(reason)
        except SecretsUnavailableError as error:
            log.warning("reconnect mark not kept: %s", error)
        self._tell(self.reconnect_needed, reason)

    def _note_change(self, activity_id: int) -> None:
        """A saved activity with a change queued for Google goes at once, not in minutes."""
        if self.outbox.pending(activity_id):
            self.sync_now()

    def _tell(self, signal: Signal, value: object) -> None:
        try:
            signal.emit(value)  # type: ignore[attr-defined]
        except RuntimeError:
            # The window, and this with it, was deleted while the thread finished a run.
            log.debug("calendar sync news dropped: its receiver is gone")


def start_calendar(
    window: MainWindow,
    services: Services,
    secrets: SecretStore | None = None,
    interval: float = SYNC_SECONDS,
    api_base: str = GOOGLE_API_BASE,
) -> CalendarSync:
    """Sync with Google Calendar from now on; the thread stops when the app quits."""
    calendar = CalendarSync(
        services, lambda: window.settings, secrets or SecretStore(), interval, api_base, window
    )
    queued = Qt.ConnectionType.QueuedConnection
    calendar.run_finished.connect(window.show_calendar_run, queued)
    calendar.reconnect_needed.connect(window.tell_calendar_reconnect, queued)
    window.attach_calendar(calendar)
    app = QApplication.instance()
    if app is not None:
        # Before the store closes: connected ahead of it by the app.
        app.aboutToQuit.connect(calendar.stop)
    calendar.start()
    return calendar
