"""The contact page: details, activities and more details side by side, each editable.

On a narrow page (a laptop screen with the activity drawer open) the third pane moves under
the first, so the page never asks the window to be wider than the screen.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from kesher_desktop.services.bundle import Services
from kesher_desktop.services.errors import NotFoundError
from kesher_desktop.ui.activities_pane import ActivitiesPane
from kesher_desktop.ui.activity_drawer import ActivityDrawer
from kesher_desktop.ui.details_pane import DetailsPane
from kesher_desktop.ui.general_pane import GeneralPane
from kesher_desktop.ui.widgets.column_scroll import ColumnScroll
from kesher_desktop.ui.widgets.confirm import ask_to_discard
from kesher_desktop.ui.widgets.retranslate import Retranslating

log = logging.getLogger(__name__)

# Narrowest width and share of the spare width of the three panes, in reading order. The
# first and third are wider still when their contents need it (a language's longer words).
PANE_WIDTHS = ((280, 3), (380, 5), (300, 2))
# Narrower than this, or than the three panes' least widths, the page shows two columns:
# the third pane goes under the first.
TWO_COLUMNS_BELOW = 1000


def dock_area_for(direction: Qt.LayoutDirection) -> Qt.DockWidgetArea:
    """The leading side, where the activity drawer opens: right in Hebrew, left in English."""
    if direction == Qt.LayoutDirection.RightToLeft:
        return Qt.DockWidgetArea.RightDockWidgetArea
    return Qt.DockWidgetArea.LeftDockWidgetArea


def connect_page_and_drawer(page: ContactPage, drawer: ActivityDrawer) -> None:
    """Let the page open the drawer, and the drawer's saves refresh the page."""
    page.activity_create_requested.connect(drawer.open_new)
    page.activity_edit_requested.connect(drawer.open_existing)
    page.activity_draft_requested.connect(drawer.open_draft)
    drawer.activity_saved.connect(page.refresh_activities)
    # Files attached in the drawer show in the page's documents card too.
    drawer.activity_saved.connect(page.details.refresh_documents)
    drawer.documents_changed.connect(page.details.refresh_documents)


class ContactPage(Retranslating, QWidget):
    """One contact in three panes that share a splitter (mirrored in right-to-left).

    Below TWO_COLUMNS_BELOW pixels (or the three panes' least widths) the "more details"
    pane joins the first column and scrolls with it; the page's minimum width is that of the
    two columns. Each scrolling column is at least as wide as its contents need.

    Signals:
        contact_changed(int): the contact was edited and saved here.
        activity_create_requested(int, str): open the drawer on a new activity of a kind.
        activity_edit_requested(int): open the drawer on an existing activity.
        activity_draft_requested(int, object): open the drawer on an unsaved ActivityDraft.
    """

    contact_changed = Signal(int)
    activity_create_requested = Signal(int, str)
    activity_edit_requested = Signal(int)
    activity_draft_requested = Signal(int, object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactPage")
        self._services = services
        self._contact_id: int | None = None

        self.general = GeneralPane(services)
        self.activities = ActivitiesPane(services)
        self.details = DetailsPane(services)
        self.general.contact_saved.connect(self._on_saved)
        self.details.contact_saved.connect(self._on_saved)
        self.activities.create_requested.connect(self.activity_create_requested)
        self.activities.edit_requested.connect(self.activity_edit_requested)
        self.activities.draft_requested.connect(self.activity_draft_requested)
        # A deleted or restored activity takes its files out of the documents card, or back.
        self.activities.activities_changed.connect(lambda _id: self.details.refresh_documents())

        # The first column holds the general pane, and the details too when narrow.
        self._first_column = QWidget()
        self._first_column_layout = QVBoxLayout(self._first_column)
        self._first_column_layout.setContentsMargins(0, 0, 0, 0)
        self._first_column_layout.setSpacing(0)
        self._first_column_layout.addWidget(self.general)
        self._first_column_layout.addStretch(1)
        self._first_scroll = ColumnScroll(self._first_column, "generalPane", PANE_WIDTHS[0][0])
        self._details_scroll = ColumnScroll(self.details, "detailsPane", PANE_WIDTHS[2][0])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self._first_scroll)
        self.splitter.addWidget(self.activities)
        self.splitter.addWidget(self._details_scroll)
        # The scrolling columns ask for their own least widths; see ColumnScroll.
        self.activities.setMinimumWidth(PANE_WIDTHS[1][0])
        for index, (_minimum, stretch) in enumerate(PANE_WIDTHS):
            self.splitter.setStretchFactor(index, stretch)
        # The splitter alone would leave the third pane its least width; it gets its share
        # once it shows, after which the user's dragging decides.
        self._spread_pending = True
        self.splitter.installEventFilter(self)

        self.placeholder = QLabel()
        self.placeholder.setObjectName("emptyHint")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self.retranslate()

    # -- API -------------------------------------------------------------------------------

    @property
    def contact_id(self) -> int | None:
        return self._contact_id

    def is_two_columns(self) -> bool:
        """Whether the details pane sits under the general pane (the page is narrow)."""
        return self._details_scroll.isHidden()

    def has_unsaved_edits(self) -> bool:
        """Whether a pane of the page is open for editing."""
        return self.general.section.is_editing() or self.details.section.is_editing()

    def confirm_discard(self) -> bool:
        """Ask whether to throw away the edits on the page; tests replace this one method."""
        return ask_to_discard(
            self, self.tr("You are editing this contact and have not saved. Discard the changes?")
        )

    def request_contact(self, contact_id: int) -> bool:
        """Show another contact unless the user wants to keep editing this one."""
        if contact_id == self._contact_id:
            return True
        if self.has_unsaved_edits() and not self.confirm_discard():
            return False
        self.general.section.finish_editing()
        self.details.section.finish_editing()
        self.show_contact(contact_id)
        return True

    def show_contact(self, contact_id: int) -> None:
        try:
            draft = self._services.contacts.get(contact_id)
        except NotFoundError:
            log.info("contact gone id=%s", contact_id)
            self._contact_id = None
            self._stack.setCurrentWidget(self.placeholder)
            return
        self._contact_id = contact_id
        self.general.set_contact(contact_id, draft)
        self.details.set_contact(contact_id, draft)
        first_email = draft.emails[0].address if draft.emails else ""
        self.activities.show_contact(contact_id, first_email)
        self._stack.setCurrentWidget(self.splitter)

    def refresh(self) -> None:
        """Read the contact and its activities again (the clock may have moved)."""
        if self._contact_id is not None:
            self.show_contact(self._contact_id)

    def refresh_activities(self, activity_id: int | None = None) -> None:
        """Re-read the activities; only the one given when a single activity changed."""
        if activity_id is None:
            self.activities.refresh()
        else:
            self.activities.refresh_one(activity_id)

    def retranslate(self) -> None:
        self.placeholder.setText(self.tr("Choose a contact from the list."))

    # -- Qt overrides ----------------------------------------------------------------------

    def minimumSizeHint(self) -> QSize:
        # Always the two columns' width: the page folds into them rather than grow the window.
        first = max(
            self._first_scroll.width_for(self.general),
            self._first_scroll.width_for(self.details),
        )
        two_columns = first + PANE_WIDTHS[1][0] + self.splitter.handleWidth()
        return QSize(two_columns, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_columns(event.size().width())
        super().resizeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() == QEvent.Type.Resize:
            self._spread_panes()
        return super().eventFilter(watched, event)

    # -- helpers ---------------------------------------------------------------------------

    def _fit_columns(self, width: int) -> None:
        two_columns = width < max(TWO_COLUMNS_BELOW, self._three_column_width())
        if two_columns == self.is_two_columns():
            return
        if two_columns:
            self._details_scroll.takeWidget()
            # A scroll area makes its widget paint its own background; the column paints it.
            self.details.setAutoFillBackground(False)
            self._first_column_layout.insertWidget(1, self.details)
            self._details_scroll.hide()
        else:
            self._first_column_layout.removeWidget(self.details)
            self._details_scroll.setWidget(self.details)
            self._details_scroll.show()
            self._spread_pending = True
        log.debug("contact page columns=%s width=%s", 2 if two_columns else 3, width)

    def _three_column_minimums(self) -> list[int]:
        """The panes' least widths were they side by side."""
        return [
            self._first_scroll.width_for(self.general),
            PANE_WIDTHS[1][0],
            self._details_scroll.width_for(self.details),
        ]

    def _three_column_width(self) -> int:
        return sum(self._three_column_minimums()) + 2 * self.splitter.handleWidth()

    def _spread_panes(self) -> None:
        """Give each of the three panes its least width and its share of the rest."""
        if not self._spread_pending or self.is_two_columns():
            return
        if self.splitter.width() < self._three_column_width():
            # Not laid out at the page's width yet (a hidden page keeps its first size).
            return
        self._spread_pending = False
        minimums = self._three_column_minimums()
        spare = max(0, self.splitter.width() - self._three_column_width())
        shares = sum(stretch for _minimum, stretch in PANE_WIDTHS)
        self.splitter.setSizes(
            [
                minimum + spare * stretch // shares
                for minimum, (_floor, stretch) in zip(minimums, PANE_WIDTHS, strict=True)
            ]
        )

    def _on_saved(self, contact_id: int) -> None:
        self.refresh()
        self.contact_changed.emit(contact_id)
