"""The main window: the contact list on the leading side, the contact page beside it.

The activity drawer and the reminders panel share one dock on the leading side, as tabs, so
together they take no more width than the drawer alone and the window fits a laptop screen.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from kesher_desktop import paths
from kesher_desktop.settings import Settings
from kesher_desktop.ui.widgets.retranslate import Retranslating

if TYPE_CHECKING:
    # Only for types: the services pull in SQLAlchemy, which start-up loads after the
    # window is painted; the widgets over them are imported where they are built.
    from kesher_desktop.services.bundle import Services
    from kesher_desktop.services.calendar_worker import RunReport
    from kesher_desktop.services.change_feed import ChangeFeed
    from kesher_desktop.services.contact_values import ContactRow
    from kesher_desktop.services.mail_outbox import MailOutbox
    from kesher_desktop.services.reminders import FiredReminder
    from kesher_desktop.ui.calendar_wiring import CalendarSync
    from kesher_desktop.ui.contact_list_model import RowSource
    from kesher_desktop.ui.contact_list_view import ContactListPanel
    from kesher_desktop.ui.reminders_panel import RemindersPanel
    from kesher_desktop.ui.review_list import ReviewList
    from kesher_desktop.ui.sync_log_window import SyncLogWindow
    from kesher_desktop.ui.tracking_wiring import TrackingRunner
    from kesher_desktop.ui.tray import Tray

log = logging.getLogger(__name__)

# The first size, shrunk to the screen where it is smaller.
FIRST_SIZE = (1400, 900)
STATUS_MS = 10_000
# Long enough to be read by someone who looked away: the sync is stopped until they act.
RECONNECT_STATUS_MS = 60_000
SIDES = Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea


class ActivityChanges(QObject):
    """Brings the news of changed activities from the services' feeds to the UI thread.

    The feeds call `tell` on whichever thread wrote, the reminder engine's too; it only
    emits, and the window connects `changed` queued, so widgets are touched in the UI
    thread alone and after the writing call has returned.

    Signals:
        changed(int): an activity was written (saved, done, deleted, its alert put away).
    """

    changed = Signal(int)

    def __init__(self, feeds: list[ChangeFeed], parent: QObject) -> None:
        super().__init__(parent)
        self._feeds = feeds
        for feed in feeds:
            feed.subscribe(self.tell)

    def tell(self, activity_id: int) -> None:
        try:
            self.changed.emit(activity_id)
        except RuntimeError:
            # The window, and this with it, was deleted while the store lives on.
            self.stop()

    def stop(self) -> None:
        for feed in self._feeds:
            feed.unsubscribe(self.tell)


class MainWindow(Retranslating, QMainWindow):
    """Shows a placeholder until `attach_services` hands it an open store.

    The window is painted first and the store opened after, so start-up feels immediate.
    With a tray icon shown (`attach_tray`), closing the window hides it in the tray; only
    Quit (in the File menu or the tray's menu) ends the app.

    Signals:
        mail_retry_requested(): the user made a failed reminder mail due; drain the outbox.
        settings_saved(): the settings dialog was accepted; mail settings may be new.
        check_mail_requested(): the user asked to read the tracking mailbox now.
    """

    mail_retry_requested = Signal()
    settings_saved = Signal()
    check_mail_requested = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings
        self.services: Services | None = None
        self.contact_list: ContactListPanel | None = None
        self.contact_page: QWidget | None = None
        # Takes the contact page's place while there are no contacts at all.
        self.no_contacts_page: QWidget | None = None
        self.drawer: QWidget | None = None
        self.reminders_panel: RemindersPanel | None = None
        # The lead's engine may hand its own outbox; otherwise the panel makes one.
        self.outbox: MailOutbox | None = None
        self.tray: Tray | None = None
        # Set by tracking_wiring.start_tracking; the review list is built on first use.
        self.tracking: TrackingRunner | None = None
        self.review_list: ReviewList | None = None
        # Set by calendar_wiring.start_calendar; the sync log window is built on first use.
        self.calendar: CalendarSync | None = None
        self.sync_log: SyncLogWindow | None = None
        self._tracking_on = False
        self._review_count = 0
        self._quitting = False
        self._changes: ActivityChanges | None = None
        self._open_reminders = 0
        # Activities changed since the views last caught up; a zero timer folds a burst.
        self._changed_ids: set[int] = set()
        self._catch_up_timer = QTimer(self)
        self._catch_up_timer.setSingleShot(True)
        self._catch_up_timer.setInterval(0)
        self._catch_up_timer.timeout.connect(self._catch_up)

        self._loading = QLabel()
        self._loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget()
        self._stack.addWidget(self._loading)
        self.setCentralWidget(self._stack)

        self.setTabPosition(SIDES, QTabWidget.TabPosition.North)
        self._create_actions()
        self.retranslate()
        self._fit_screen()

    # -- set-up ----------------------------------------------------------------------------

    def show_first_page(self, rows: list[ContactRow]) -> None:
        """Paint the list from rows read before the store is open; search waits for it."""
        from kesher_desktop.ui.contact_list_model import FixedRows

        self._build_contact_list(FixedRows(rows))
        assert self.contact_list is not None
        self.contact_list.set_searchable(False)
        self._stack.repaint()

    def attach_services(self, services: Services, page_later: bool = False) -> None:
        """Build the working area over an open store.

        With `page_later` the contact list is filled and painted first and the contact page
        is built on the next turn of the event loop, which is what start-up wants.
        """
        self.services = services
        if self.contact_list is None:
            self._build_contact_list(services.contacts)
        else:
            self.contact_list.model.set_source(services.contacts)
        assert self.contact_list is not None
        self.contact_list.set_searchable(True)
        # The first search would otherwise also pay for compiling its statement and reading
        # the index from disk; do that now, while the user is still looking at the list.
        QTimer.singleShot(0, lambda: services.contacts.list_page("a", 0, 1))
        for action in (self.new_contact_action, self.import_action, self.reminders_action):
            action.setEnabled(True)
        if self._changes is None:
            self._changes = ActivityChanges(
                [services.activities.changes, services.reminders.changes], self
            )
            self._changes.changed.connect(self._note_change, Qt.ConnectionType.QueuedConnection)

        if page_later:
            # Paint the filled list now; queued paints would wait for the page to be built.
            self._stack.repaint()
            QTimer.singleShot(0, self._attach_contact_page)
        else:
            self._attach_contact_page()

    def _build_contact_list(self, source: RowSource) -> None:
        from kesher_desktop.ui.contact_list_view import ContactListPanel

        self.contact_list = ContactListPanel(source)
        self._splitter = QSplitter()
        self._splitter.addWidget(self.contact_list)
        self._stack.addWidget(self._splitter)
        self._stack.setCurrentWidget(self._splitter)
        self.contact_list.load()

    def _attach_contact_page(self) -> None:
        from kesher_desktop.ui.activity_drawer import ActivityDrawer
        from kesher_desktop.ui.contact_page import (
            ContactPage,
            connect_page_and_drawer,
            dock_area_for,
        )
        from kesher_desktop.ui.no_contacts_page import NoContactsPage

        assert self.services is not None and self.contact_list is not None
        self.contact_page = ContactPage(self.services)
        self.no_contacts_page = NoContactsPage(
            self.file_menu.menuAction(), self.import_action, self.new_contact_action
        )
        self.drawer = ActivityDrawer(self.services, self)
        self.addDockWidget(dock_area_for(self.layoutDirection()), self.drawer)
        self.drawer.hide()
        connect_page_and_drawer(self.contact_page, self.drawer)
        self.contact_list.contact_selected.connect(self._pick_contact)
        self.contact_page.contact_changed.connect(self.contact_list.select_contact)

        self._pages = QStackedWidget()
        self._pages.addWidget(self.contact_page)
        self._pages.addWidget(self.no_contacts_page)
        self._splitter.addWidget(self._pages)
        self._splitter.setStretchFactor(1, 1)
        self._splitter.setSizes([300, 1100])
        self._open_first_contact()
        self._offer_first_contacts()
        self._hand_calendar()
        self._restore_state()
        self._show_waiting_reminders()

    def _offer_first_contacts(self) -> None:
        """With no contacts at all, say how to get some rather than "choose one"."""
        assert self.services is not None
        if self.contact_page is None or self.no_contacts_page is None:
            return
        empty = self.services.contacts.count() == 0
        self._pages.setCurrentWidget(self.no_contacts_page if empty else self.contact_page)

    def _open_first_contact(self) -> None:
        """Open the list's first contact when none is open: at start, and when contacts
        come into an empty list, so the page never says "choose" with nothing chosen."""
        if self.contact_page is None or self.contact_list is None:
            return
        if self.contact_page.contact_id is not None or not self.contact_list.model.rowCount():
            return
        first = self.contact_list.model.contact_id(0)
        self.contact_list.select_contact(first)
        self.contact_page.show_contact(first)

    def _pick_contact(self, contact_id: int) -> None:
        assert self.contact_page is not None and self.contact_list is not None
        if not self.contact_page.request_contact(contact_id):
            # Keep the list on the contact still being edited.
            current = self.contact_page.contact_id
            if current is not None:
                self.contact_list.select_contact(current)

    def has_unsaved_work(self) -> bool:
        page_edits = self.contact_page is not None and self.contact_page.has_unsaved_edits()
        drawer_edits = self.drawer is not None and self.drawer.is_modified()
        return page_edits or drawer_edits

    def confirm_quit(self) -> bool:
        """Ask before closing over unsaved edits; tests replace this one method."""
        answer = QMessageBox.question(
            self,
            self.tr("Quit without saving?"),
            self.tr("Some changes have not been saved. Close Kesher and lose them?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _create_actions(self) -> None:
        self.new_contact_action = QAction(self)
        self.new_contact_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_contact_action.triggered.connect(self.new_contact)
        self.import_action = QAction(self)
        self.import_action.triggered.connect(self.choose_import_files)
        self.settings_action = QAction(self)
        self.settings_action.triggered.connect(self.open_settings)
        self.reminders_action = QAction(self)
        self.reminders_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.reminders_action.triggered.connect(self.show_reminders)
        # Shown only once tracking is set up: a control that cannot work is not offered.
        self.check_mail_action = QAction(self)
        self.check_mail_action.triggered.connect(self.check_mail_requested)
        self.review_action = QAction(self)
        self.review_action.triggered.connect(self.show_review_list)
        self.sync_log_action = QAction(self)
        self.sync_log_action.setObjectName("syncLogAction")
        self.sync_log_action.triggered.connect(self.show_sync_log)
        for action in (self.check_mail_action, self.review_action, self.sync_log_action):
            action.setVisible(False)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.quit_application)
        for action in (self.new_contact_action, self.import_action, self.reminders_action):
            action.setEnabled(False)

        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.new_contact_action)
        self.file_menu.addAction(self.import_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.reminders_action)
        self.file_menu.addAction(self.check_mail_action)
        self.file_menu.addAction(self.review_action)
        self.file_menu.addAction(self.sync_log_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.new_contact_action)
        self.toolbar.addAction(self.import_action)
        self.toolbar.addAction(self.reminders_action)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Kesher"))
        self._loading.setText(self.tr("Opening your contacts…"))
        self.file_menu.setTitle(self.tr("&File"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.new_contact_action.setText(self.tr("New contact"))
        self.import_action.setText(self.tr("Import contacts…"))
        self.settings_action.setText(self.tr("Settings…"))
        self._name_reminders_action()
        self.check_mail_action.setText(self.tr("Check sent mail now"))
        self._name_review_action()
        self.sync_log_action.setText(self.tr("Google Calendar sync log…"))
        self.quit_action.setText(self.tr("Quit"))
        if self.tray is not None:
            self.tray.retranslate()
        self._dock_on_leading_side()

    def _dock_on_leading_side(self) -> None:
        """Keep the drawer and the reminders tabbed together on the leading side.

        After a language switch they follow the new reading direction.
        """
        if self.drawer is None and self.reminders_panel is None:
            # Before the store opens: nothing docked, and the page's module (which loads
            # SQLAlchemy) must not slow the first paint.
            return
        from kesher_desktop.ui.contact_page import dock_area_for

        area = dock_area_for(self.layoutDirection())
        docks = [dock for dock in (self.drawer, self.reminders_panel) if dock is not None]
        for dock in docks:
            if self.dockWidgetArea(dock) != area:
                self.addDockWidget(area, dock)
        if len(docks) == 2 and docks[1] not in self.tabifiedDockWidgets(docks[0]):
            self.tabifyDockWidget(docks[0], docks[1])

    # -- actions ---------------------------------------------------------------------------

    def new_contact(self) -> None:
        from kesher_desktop.ui.new_contact_dialog import NewContactDialog

        assert self.services is not None and self.contact_list is not None
        dialog = NewContactDialog(self.services.contacts, self)
        if not self.run_dialog(dialog):
            return
        if dialog.created_id is not None:
            self._offer_first_contacts()
            self.contact_list.select_contact(dialog.created_id)
            self.contact_page.show_contact(dialog.created_id)  # type: ignore[union-attr]
        elif dialog.existing_id is not None:
            # The new contact was someone already stored: open them, asking first about
            # unsaved edits on the page as a click in the list does.
            if self.contact_page.request_contact(dialog.existing_id):  # type: ignore[union-attr]
                self.contact_list.select_contact(dialog.existing_id)

    def choose_import_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import contacts"),
            str(Path.home()),
            self.tr("Contacts (*.vcf *.vcard *.csv);;All files (*)"),
        )
        if names:
            self.import_files([Path(name) for name in names])

    def import_files(self, files: list[Path]) -> None:
        from kesher_desktop.ui.import_dialog import ImportDialog

        assert self.services is not None and self.contact_list is not None
        dialog = ImportDialog(self.services.store, self.services.clock, files, self)
        dialog.import_finished.connect(self._imported)
        dialog.show()

    def _imported(self, _report: object) -> None:
        assert self.contact_list is not None
        self.contact_list.load()
        self._open_first_contact()
        self._offer_first_contacts()

    def open_settings(self) -> None:
        from kesher_desktop.services.calendar_client import GOOGLE_API_BASE
        from kesher_desktop.ui.settings_dialog import SettingsDialog

        users = self.services.users if self.services is not None else None
        # The calendars to choose from are asked where the sync asks Google.
        api_base = self.calendar.api_base if self.calendar is not None else GOOGLE_API_BASE
        dialog = SettingsDialog(self.settings, users, self, api_base=api_base)
        if self.run_dialog(dialog):
            self.settings_saved.emit()

    def show_reminders(self) -> None:
        """Bring the window forward with the reminders panel open and up to date."""
        panel = self._reminders_panel()
        if panel is None:
            return
        self.show_from_tray()
        panel.refresh()
        panel.show()
        panel.raise_()

    def _show_waiting_reminders(self) -> None:
        """At start-up, open the panel on reminders that fired before and are still open."""
        assert self.services is not None
        if self.services.reminders.open_alerts():
            panel = self._reminders_panel()
            assert panel is not None
            panel.refresh()
            panel.show()

    def deliver_reminders(self, fired: list[FiredReminder]) -> None:
        """Show reminders that just fired: always in the panel, and from the tray if any.

        Called on the GUI thread (the engine's signal is queued here).
        """
        from kesher_desktop.ui.reminder_list_model import notification_text

        panel = self._reminders_panel()
        if panel is None or not fired:
            return
        panel.refresh()
        panel.show()
        if self.drawer is None or not self.drawer.is_modified():
            # In front, unless the user is editing an activity in the tab beside it.
            panel.raise_()
        if self.tray is not None and self.tray.is_shown():
            title, text = notification_text(fired, self.services.clock.zone)  # type: ignore[union-attr]
            self.tray.notify(title, text)
        if self.isVisible():
            # The taskbar entry asks for attention where the desktop allows it.
            QApplication.alert(self)

    def refresh_reminders(self) -> None:
        """Read the open alerts, failed mail and invitation states again after a send."""
        if self.reminders_panel is not None:
            self.reminders_panel.refresh()
        if self.contact_page is not None:
            self.contact_page.activities.refresh_invitations()  # type: ignore[attr-defined]

    def open_activity(self, contact_id: int, activity_id: int) -> None:
        """Show a contact's page with one of its activities open in the drawer."""
        if self.contact_page is None or self.contact_list is None or self.drawer is None:
            return
        self.show_from_tray()
        if self.contact_page.contact_id != contact_id:
            if not self.contact_page.request_contact(contact_id):
                return
            self.contact_list.select_contact(contact_id)
        self.drawer.open_existing(activity_id)  # type: ignore[attr-defined]

    def new_task(self) -> None:
        """Plan a task with the contact on the page (the tray's "New task")."""
        from kesher_desktop.models import ActivityKind

        self.show_from_tray()
        if self.contact_page is None or self.drawer is None:
            return
        contact_id = self.contact_page.contact_id
        if contact_id is None:
            # A task belongs to a contact; with none on the page, say so rather than nothing.
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("New task"),
                self.tr("Add or choose a contact first: a task is planned on a contact's page."),
                QMessageBox.StandardButton.Ok,
                self,
            )
            self.run_dialog(box)
            return
        self.drawer.open_new(contact_id, ActivityKind.TASK)  # type: ignore[attr-defined]

    def attach_tray(self, tray: Tray) -> None:
        """Connect the tray's menu; while its icon is shown, closing hides to the tray."""
        self.tray = tray
        tray.open_requested.connect(self.show_from_tray)
        tray.new_task_requested.connect(self.new_task)
        tray.reminders_requested.connect(self.show_reminders)
        tray.quit_requested.connect(self.quit_application)

    def show_from_tray(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def quit_application(self) -> None:
        """Really quit (not hide to the tray), asking first about unsaved work."""
        self._quitting = True
        if self.close():
            QApplication.quit()
        else:
            self._quitting = False

    def run_dialog(self, dialog: QWidget) -> bool:
        """Run a modal dialog; the one place tests replace to answer dialogs themselves."""
        return bool(dialog.exec())  # type: ignore[attr-defined]

    def _reminders_panel(self) -> RemindersPanel | None:
        """The panel, built on first use (it needs the open store)."""
        if self.reminders_panel is not None or self.services is None:
            return self.reminders_panel
        from kesher_desktop.services.mail_outbox import MailOutbox
        from kesher_desktop.ui.reminders_panel import RemindersPanel

        services = self.services
        if self.outbox is None:
            self.outbox = MailOutbox(services.store, services.clock)
        panel = RemindersPanel(services.reminders, self.outbox, services.clock.zone, self)
        panel.open_requested.connect(self.open_activity)
        panel.mail_retry_requested.connect(self.mail_retry_requested)
        panel.count_changed.connect(self._count_reminders)
        self.reminders_panel = panel
        self._dock_on_leading_side()
        return panel

    def show_tracking(self, on: bool, review_count: int) -> None:
        """Offer checking the mailbox while tracking is set up, and the review list while
        it is or while messages still wait there."""
        self._tracking_on = on
        self.check_mail_action.setVisible(on)
        self._count_review(review_count)
        if self.review_list is not None and self.review_list.isVisible():
            self.review_list.reload()

    def show_review_list(self) -> None:
        """Open the review list (a window of its own), built on first use."""
        if self.services is None:
            return
        if self.review_list is None:
            from kesher_desktop.ui.mail_links import tracking_for
            from kesher_desktop.ui.review_list import ReviewList

            services = self.services
            self.review_list = ReviewList(
                tracking_for(services), services.contacts, services.clock.zone, self
            )
            self.review_list.count_changed.connect(self._count_review)
            self.review_list.assigned.connect(self._review_assigned)
        self.review_list.reload()
        self.review_list.show()
        self.review_list.raise_()
        self.review_list.activateWindow()

    def attach_calendar(self, calendar: CalendarSync) -> None:
        """Show sync states on the page, the drawer's calendar box and the sync log."""
        self.calendar = calendar
        self.settings_saved.connect(self._follow_calendar_settings)
        self._hand_calendar()

    def show_calendar_run(self, report: RunReport) -> None:
        """A sync ran (the signal is queued here): show each row's new state."""
        if self.contact_page is not None:
            self.contact_page.activities.refresh_calendar()  # type: ignore[attr-defined]
        if self.sync_log is not None and self.sync_log.isVisible():
            self.sync_log.reload()

    def tell_calendar_reconnect(self, _reason: str) -> None:
        """Google refused Kesher's access: say so, and where to connect again."""
        self.statusBar().showMessage(
            self.tr(
                "Google Calendar sync stopped: Google no longer accepts Kesher's access. "
                "Connect again in File > Google Calendar sync log…"
            ),
            RECONNECT_STATUS_MS,
        )
        if self.sync_log is not None and self.sync_log.isVisible():
            self.sync_log.reload()

    def show_sync_log(self) -> None:
        """Open the Google Calendar sync log (a window of its own), built on first use."""
        if self.calendar is None or self.services is None:
            return
        if self.sync_log is None:
            from kesher_desktop.ui.sync_log_window import SyncLogWindow

            self.sync_log = SyncLogWindow(self.calendar, self.services, self)
        self.sync_log.reload()
        self.sync_log.show()
        self.sync_log.raise_()
        self.sync_log.activateWindow()

    def _hand_calendar(self) -> None:
        """Give the calendar to what is built by now; what is built later takes it then."""
        calendar = self.calendar
        if calendar is None:
            return
        if self.drawer is not None:
            self.drawer.set_calendar(calendar)  # type: ignore[attr-defined]
        if self.contact_page is not None:
            self.contact_page.activities.set_calendar(calendar)  # type: ignore[attr-defined]
        self._offer_calendar()

    def _offer_calendar(self) -> None:
        """Offer the sync log only while a client file is set (Settings may change it)."""
        self.sync_log_action.setVisible(self.calendar is not None and self.calendar.offered())

    def _follow_calendar_settings(self) -> None:
        self._offer_calendar()
        if self.calendar is not None:
            # New settings may have connected the account or named another calendar.
            self.calendar.sync_now()

    def _review_assigned(self, contact_id: int, _activity_id: int) -> None:
        if self.contact_page is not None and self.contact_page.contact_id == contact_id:
            self.contact_page.refresh_activities()  # type: ignore[attr-defined]

    def _count_review(self, count: int) -> None:
        self._review_count = count
        self.review_action.setVisible(self._tracking_on or count > 0)
        self._name_review_action()

    def _name_review_action(self) -> None:
        count = self._review_count
        self.review_action.setText(
            self.tr("Mail to review ({count})…").format(count=count)
            if count
            else self.tr("Mail to review…")
        )

    def _count_reminders(self, count: int) -> None:
        self._open_reminders = count
        self._name_reminders_action()

    def _name_reminders_action(self) -> None:
        count = self._open_reminders
        self.reminders_action.setText(
            self.tr("Reminders ({count})").format(count=count) if count else self.tr("Reminders")
        )

    def _note_change(self, activity_id: int) -> None:
        self._changed_ids.add(activity_id)
        self._catch_up_timer.start()

    def _catch_up(self) -> None:
        """Show what changed: on the page, in the drawer if it is open, in the panel."""
        changed, self._changed_ids = sorted(self._changed_ids), set()
        for activity_id in changed:
            if self.contact_page is not None:
                self.contact_page.refresh_activities(activity_id)  # type: ignore[attr-defined]
            if self.drawer is not None:
                self.drawer.take_outside_change(activity_id)  # type: ignore[attr-defined]
        self.refresh_reminders()

    def _fit_screen(self) -> None:
        """Open at the first size, or smaller where the screen is smaller."""
        width, height = FIRST_SIZE
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width()), min(height, room.height())
        self.resize(width, height)

    # -- state -------------------------------------------------------------------------------

    def _state_key(self) -> str:
        # Dock positions saved in right-to-left do not fit left-to-right, so keep both.
        direction = "rtl" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "ltr"
        return f"window/{direction}/state"

    def _keep_state(self) -> None:
        _window_state().setValue(self._state_key(), self.saveState())

    def _restore_state(self) -> None:
        stored = _window_state().value(self._state_key())
        if stored is not None:
            self.restoreState(stored)
        if self.drawer is not None:
            self.drawer.hide()
        self._dock_on_leading_side()

    # -- Qt overrides ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting and self.tray is not None and self.tray.is_shown():
            # Kept running in the tray, so reminders still fire; edits stay as they are.
            self._keep_state()
            self.hide()
            event.ignore()
            return
        if self.has_unsaved_work() and not self.confirm_quit():
            event.ignore()
            return
        self._keep_state()
        super().closeEvent(event)


def _window_state() -> QSettings:
    """The file of the window's state, beside settings.json, so KESHER_HOME holds it too."""
    return QSettings(str(paths.window_state_path()), QSettings.Format.IniFormat)
