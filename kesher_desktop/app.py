"""Start-up: paint the window first, then open the store and fill it.

Nothing slow is imported here: Google, Dropbox and iCalendar code loads when first used.
"""

from __future__ import annotations

import logging
import sys
import time

_STARTED = time.perf_counter()

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "import":
        from kesher_desktop.cli_import import run_import

        return run_import(argv[2:])
    return run_gui(argv)


def run_gui(argv: list[str]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kesher_desktop.logging_setup import configure_logging, route_qt_messages
    from kesher_desktop.settings import Settings
    from kesher_desktop.ui.error_report import install_error_report
    from kesher_desktop.ui.i18n import install_language
    from kesher_desktop.ui.main_window import MainWindow
    from kesher_desktop.ui.single_instance import SingleInstance
    from kesher_desktop.ui.style import apply_style
    from kesher_desktop.ui.tray import Tray

    configure_logging()
    route_qt_messages()
    app = QApplication(argv)
    install_error_report()
    app.setOrganizationName("Kesher")
    app.setApplicationName("KesherDesktop")
    settings = Settings.load()
    install_language(app, settings.language)

    # One copy runs the reminders: a second launch hands its command line over and leaves.
    instance = SingleInstance()
    if instance.hand_over(argv):
        log.info("another copy is running; handed over and leaving")
        return 0
    if not instance.listen():
        if instance.held_by_live_copy:
            log.warning("a running copy holds the name but does not answer; leaving")
            _tell_already_running()
            return 1
        log.warning("could not listen for later launches; going on alone")

    apply_style(app)
    window = MainWindow(settings)
    instance.commandLineReceived.connect(lambda later: _later_launch(window, later))
    tray = Tray(app)
    window.attach_tray(tray)
    in_tray = tray.show()
    if in_tray:
        # Closing the window leaves the app in the tray, where reminders keep coming.
        app.setQuitOnLastWindowClosed(False)
    app.aboutToQuit.connect(tray.dispose)
    app.aboutToQuit.connect(instance.close)
    if wants_window(argv) or not in_tray:
        window.show()
    measuring = "--measure-startup" in argv
    painted = _show_first_page(window)
    if painted and measuring:
        _report("painted-contact-list-seconds")

    QTimer.singleShot(0, lambda: _open_store(window, measuring, painted))
    return app.exec()


def wants_window(argv: list[str]) -> bool:
    """Whether a launch with `argv` shows the window: all do but the one at login, which
    starts in the tray; a later launch by the user brings the running window forward."""
    from kesher_desktop.autostart import IN_TRAY_ARGUMENT

    return IN_TRAY_ARGUMENT not in argv


def _later_launch(window: object, argv: list[str]) -> None:
    log.info("a later launch handed over arguments=%s", argv[1:])
    if wants_window(argv):
        window.show_from_tray()  # type: ignore[attr-defined]


def _open_store(window: object, measuring: bool, painted: bool) -> None:
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kesher_desktop import paths
    from kesher_desktop.clock import Clock
    from kesher_desktop.db.migrate import DatabaseTooNewError
    from kesher_desktop.db.store import StoreUnavailableError, open_sqlite
    from kesher_desktop.services.bundle import Services
    from kesher_desktop.ui.calendar_wiring import start_calendar
    from kesher_desktop.ui.invitation_wiring import start_invitations
    from kesher_desktop.ui.main_window import MainWindow
    from kesher_desktop.ui.messages import store_problem_text
    from kesher_desktop.ui.reminder_wiring import start_reminders
    from kesher_desktop.ui.tracking_wiring import start_tracking

    assert isinstance(window, MainWindow)
    try:
        store = open_sqlite(paths.database_path(), paths.backup_dir())
    except (DatabaseTooNewError, StoreUnavailableError) as error:
        log.error("store not opened path=%s error=%s", paths.database_path(), error)
        QMessageBox.critical(
            window, QCoreApplication.translate("MainWindow", "Kesher"), store_problem_text(error)
        )
        QApplication.instance().exit(3)
        return

    clock = Clock(_zone(window.settings.time_zone))
    services = Services.over(store, clock)
    window.attach_services(services, page_later=True)
    engine = start_reminders(window, services)
    services.invitations = start_invitations(
        services,
        window.outbox,
        window.settings.smtp,
        engine.send_mail_now,
        # Google mails the invitations of activities in the calendar, when told to.
        google_sends=lambda: window.settings.google_sends_invitations,
        # Answers go to the tracking mailbox, whose poller hands them back.
        reply_mailbox=lambda: _tracking_mailbox(window.settings),
    )
    # After the invitations, whose replies it hands over; it stops before the store closes.
    start_tracking(window, services)
    # Its thread stops before the store closes, like the tracking's.
    start_calendar(window, services)
    # The engine stops before the store closes, so no job runs on a closed store.
    QApplication.instance().aboutToQuit.connect(engine.shutdown)
    QApplication.instance().aboutToQuit.connect(store.close)
    if measuring:
        # Without an early first page, attach_services has just painted the list.
        if not painted:
            _report("painted-contact-list-seconds")
        # Queued after the contact page is built, so this reports the page ready too.
        QTimer.singleShot(0, _report_ready_and_quit)


def _tracking_mailbox(settings: object) -> str:
    mailbox = settings.imap()  # type: ignore[attr-defined]
    return mailbox.address if mailbox is not None else ""


def _tell_already_running() -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(
        None,
        QCoreApplication.translate("App", "Kesher"),
        QCoreApplication.translate(
            "App",
            "Kesher is already running but does not answer. Wait a moment and try again, "
            "or close the running copy.",
        ),
    )


def _show_first_page(window: object) -> bool:
    """Paint the first contacts from the file before the store's libraries have loaded."""
    from kesher_desktop import paths
    from kesher_desktop.db.first_page import read_first_page
    from kesher_desktop.ui.contact_list_model import PAGE_SIZE

    rows = read_first_page(paths.database_path(), PAGE_SIZE)
    if rows is None:
        return False
    window.show_first_page(rows)  # type: ignore[attr-defined]
    return True


def _zone(name: str) -> object:
    from zoneinfo import ZoneInfo

    return ZoneInfo(name) if name else None


def _report(milestone: str) -> None:
    """For the start-up benchmark: seconds from the start of the process to a milestone."""
    sys.stdout.write(f"{milestone} {time.perf_counter() - _STARTED:.3f}\n")
    sys.stdout.flush()


def _report_ready_and_quit() -> None:
    from PySide6.QtWidgets import QApplication

    _report("contact-page-ready-seconds")
    QApplication.instance().quit()
