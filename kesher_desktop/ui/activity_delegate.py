"""Paints one activity as a two-line card: kind, title, when and who, state, invitation,
calendar sync, menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.activity_state import ActivityState
from kesher_desktop.services.calendar_status import SyncState
from kesher_desktop.services.invitation_views import InvitationStatus
from kesher_desktop.ui.activity_list_model import (
    CANCELLED_COLOR,
    KIND_COLORS,
    OVERDUE_COLOR,
    ActivityRole,
    state_name,
)
from kesher_desktop.ui.widgets.bidi import isolate_ltr
from kesher_desktop.ui.widgets.list_rows import AnyIndex

ROW_HEIGHT = 58
PADDING = 10
BADGE_WIDTH = 74
MENU_WIDTH = 30
MENU_GLYPH = "\u22ee"
MAIL_GLYPH = "\u2709"
# The invitation mark's colour: red when it failed, amber while it waits, green once sent.
INVITATION_COLORS = {
    InvitationStatus.FAILED: OVERDUE_COLOR,
    InvitationStatus.NOT_SENT: QColor("#b45309"),
    InvitationStatus.PENDING: QColor("#b45309"),
    InvitationStatus.SENT: QColor("#0f7b5f"),
    InvitationStatus.MAIL_NOT_SET_UP: CANCELLED_COLOR,
}
# The calendar mark's colour: green when in Google, slate while it waits, red when it
# failed, amber when the user has something to decide.
SYNC_COLORS = {
    SyncState.SYNCED: QColor("#0f7b5f"),
    SyncState.WAITING: QColor("#64748b"),
    SyncState.FAILED: OVERDUE_COLOR,
    SyncState.REMOVED_IN_GOOGLE: QColor("#b45309"),
    SyncState.CONFLICT: QColor("#7c3aed"),
}


class ActivityDelegate(QStyledItemDelegate):
    """Draws rows from the model's roles; mirrors itself with the row's layout direction.

    Signals:
        menu_requested(QModelIndex, QPoint): the ⋮ of a row was clicked; the point is global.
    """

    menu_requested = Signal(QModelIndex, QPoint)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(320, ROW_HEIGHT)

    def _fonts(self, base: QFont) -> _Fonts:
        """Fonts and metrics derived from the view's font, made once, not once per row."""
        cache: dict[str, _Fonts] = self.__dict__.setdefault("_font_cache", {})
        key = base.key()
        if key not in cache:
            cache[key] = _Fonts(base)
        return cache[key]

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        widget = option.widget
        style = widget.style() if widget else None
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setLayoutDirection(option.direction)
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )

        rect = option.rect.adjusted(PADDING, 6, -PADDING, -6)
        state = ActivityState(index.data(ActivityRole.STATE))
        badge = self._visual(option, QRect(rect.left(), rect.top() + 2, BADGE_WIDTH, 20))
        self._paint_badge(painter, option, badge, index, state)

        menu = self._visual(option, self._menu_rect(option.rect))
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(menu, Qt.AlignmentFlag.AlignCenter, MENU_GLYPH)

        mark_width = self._paint_state_mark(painter, option, rect, state)
        text_left = rect.left() + BADGE_WIDTH + PADDING
        text_right = rect.right() - MENU_WIDTH
        # The marks on the second line take only the room the time leaves them.
        when = isolate_ltr(index.data(ActivityRole.WHEN) or "")
        when_width = self._fonts(option.font).base_metrics.horizontalAdvance(when)
        room = text_right - text_left - when_width - PADDING
        marks_width = self._paint_invitation_mark(painter, option, rect, index, room)
        marks_width += self._paint_sync_mark(
            painter, option, rect, index, marks_width, room - marks_width
        )
        self._paint_texts(
            painter,
            option,
            index,
            state,
            QRect(QPoint(text_left, rect.top()), QPoint(text_right - mark_width, rect.bottom())),
            QRect(QPoint(text_left, rect.top()), QPoint(text_right - marks_width, rect.bottom())),
        )
        painter.restore()

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: AnyIndex,
    ) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            menu = self._visual(option, self._menu_rect(option.rect))
            if menu.contains(event.position().toPoint()) and option.widget is not None:
                self.menu_requested.emit(
                    QModelIndex(index), option.widget.mapToGlobal(menu.bottomLeft())
                )
                return True
        return super().editorEvent(event, model, option, index)

    # -- helpers ---------------------------------------------------------------------------

    @staticmethod
    def _visual(option: QStyleOptionViewItem, rect: QRect) -> QRect:
        return QStyle.visualRect(option.direction, option.rect, rect)

    @staticmethod
    def _menu_rect(row: QRect) -> QRect:
        return QRect(row.right() - MENU_WIDTH - 4, row.top(), MENU_WIDTH, row.height())

    def _paint_badge(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        badge: QRect,
        index: AnyIndex,
        state: ActivityState,
    ) -> None:
        kind = ActivityKind(index.data(ActivityRole.KIND))
        fill = QColor(KIND_COLORS[kind])
        if state is ActivityState.CANCELLED:
            fill = CANCELLED_COLOR
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_tint(fill))
        painter.drawRoundedRect(badge, 10, 10)

        painter.setFont(self._fonts(option.font).small_bold)
        painter.setPen(fill)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, index.data(ActivityRole.KIND_NAME))

    def _paint_state_mark(
        self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect, state: ActivityState
    ) -> int:
        """A red "Overdue" or grey "Cancelled" pill at the trailing end; returns its width."""
        if state not in (ActivityState.OVERDUE, ActivityState.CANCELLED):
            return 0
        color = OVERDUE_COLOR if state is ActivityState.OVERDUE else CANCELLED_COLOR
        text = state_name(state)

        fonts = self._fonts(option.font)
        font = fonts.small_bold
        width = fonts.small_bold_metrics.horizontalAdvance(text) + 16
        pill = QRect(rect.right() - MENU_WIDTH - width, rect.top() + 2, width, 20)
        pill = self._visual(option, pill)

        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_tint(color))
        painter.drawRoundedRect(pill, 10, 10)
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        return width + PADDING

    def _paint_invitation_mark(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        rect: QRect,
        index: AnyIndex,
        room: int,
    ) -> int:
        """The invitation's state as a small pill on the second line's trailing end, at most
        `room` wide; returns the width it took."""
        status = index.data(ActivityRole.INVITATION)
        text = index.data(ActivityRole.INVITATION_TEXT)
        if not status or not text:
            return 0
        color = INVITATION_COLORS.get(InvitationStatus(status), CANCELLED_COLOR)
        metrics = self._fonts(option.font).small_bold_metrics
        glyph = metrics.horizontalAdvance(MAIL_GLYPH) + 4

        def envelope(area: QRect) -> None:
            painter.drawText(self._visual(option, area), Qt.AlignmentFlag.AlignCenter, MAIL_GLYPH)

        right = rect.right() - MENU_WIDTH
        return self._paint_pill(painter, option, right, room, color, glyph, envelope, text)

    def _paint_sync_mark(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        rect: QRect,
        index: AnyIndex,
        taken: int,
        room: int,
    ) -> int:
        """The Google Calendar sync state as a pill before the invitation's (`taken` wide),
        at most `room` wide; returns the width it took."""
        state = index.data(ActivityRole.SYNC)
        text = index.data(ActivityRole.SYNC_TEXT)
        if not state or not text:
            return 0
        color = SYNC_COLORS.get(SyncState(state), CANCELLED_COLOR)

        def calendar(area: QRect) -> None:
            _paint_calendar_glyph(painter, self._visual(option, area), color)

        right = rect.right() - MENU_WIDTH - taken
        return self._paint_pill(painter, option, right, room, color, 14, calendar, text)

    def _paint_pill(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        right: int,
        room: int,
        color: QColor,
        glyph_width: int,
        paint_glyph: Callable[[QRect], None],
        text: str,
    ) -> int:
        """A pill ending at `right` with a glyph at its leading end and words after it,
        the words shortened to fit `room`; only the glyph when even they do not fit.
        Returns the width taken, with the gap after it; 0 when not even the glyph fits."""
        fonts = self._fonts(option.font)
        metrics = fonts.small_bold_metrics
        smallest = glyph_width + 16
        if room < smallest + PADDING:
            return 0
        width = min(glyph_width + metrics.horizontalAdvance(text) + 20, room - PADDING)
        pill = QRect(right - width, option.rect.top() + 6 + 26, width, 18)
        # The glyph is drawn apart, at the pill's leading end: inside one string the bidi
        # algorithm would put it after a Hebrew word.
        glyph = QRect(pill.left() + 8, pill.top(), glyph_width, pill.height())
        words = QRect(glyph.right() + 1, pill.top(), pill.right() - 8 - glyph.right(), 18)

        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_tint(color))
        painter.drawRoundedRect(self._visual(option, pill), 9, 9)
        painter.setFont(fonts.small_bold)
        painter.setPen(color)
        paint_glyph(glyph)
        if words.width() > metrics.horizontalAdvance("\u2026") + 4:
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, words.width())
            painter.drawText(self._visual(option, words), Qt.AlignmentFlag.AlignCenter, shown)
        return width + PADDING

    def _paint_texts(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: AnyIndex,
        state: ActivityState,
        area: QRect,
        detail_area: QRect,
    ) -> None:
        leading = QStyle.visualAlignment(
            option.direction, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        ink = (
            foreground
            if isinstance(foreground, QColor)
            else option.palette.color(QPalette.ColorRole.Text)
        )

        fonts = self._fonts(option.font)
        struck = state is ActivityState.CANCELLED
        title_font = fonts.title_struck if struck else fonts.title
        title_rect = self._visual(option, QRect(area.left(), area.top(), area.width(), 24))
        painter.setFont(title_font)
        painter.setPen(ink)
        title = fonts.title_metrics.elidedText(
            index.data(Qt.ItemDataRole.DisplayRole), Qt.TextElideMode.ElideRight, area.width()
        )
        painter.drawText(title_rect, leading, title)

        # Dates and time spans read left-to-right even inside a Hebrew line.
        when = isolate_ltr(index.data(ActivityRole.WHEN) or "")
        people = index.data(ActivityRole.PEOPLE) or ""
        details = fit_details(fonts.base_metrics, when, people, detail_area.width())
        detail_rect = self._visual(
            option, QRect(detail_area.left(), detail_area.top() + 24, detail_area.width(), 20)
        )
        painter.setFont(option.font)
        secondary = option.palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(OVERDUE_COLOR if state is ActivityState.OVERDUE else secondary)
        painter.drawText(detail_rect, leading, details)


class _Fonts:
    """The fonts a row is painted with, derived from the view's font."""

    def __init__(self, base: QFont) -> None:
        self.small_bold = QFont(base)
        self.small_bold.setPointSizeF(base.pointSizeF() * 0.85)
        self.small_bold.setBold(True)
        self.small_bold_metrics = QFontMetrics(self.small_bold)
        self.title = QFont(base)
        self.title.setBold(True)
        self.title_struck = QFont(self.title)
        self.title_struck.setStrikeOut(True)
        # Striking through does not change widths, so one set of metrics serves both.
        self.title_metrics = QFontMetrics(self.title)
        self.base_metrics = QFontMetrics(base)


def fit_details(metrics: QFontMetrics, when: str, people: str, width: int) -> str:
    """The second line, "when · people", in `width`: the people are cut first, since the
    time must survive a narrow page; they are left out when barely a name would show."""
    separator = " \u00b7 "
    room = width - metrics.horizontalAdvance(when + separator)
    if not when:
        return metrics.elidedText(people, Qt.TextElideMode.ElideRight, width)
    if not people or room < metrics.horizontalAdvance("\u2026") * 3:
        return when
    return when + separator + metrics.elidedText(people, Qt.TextElideMode.ElideRight, room)


def _paint_calendar_glyph(painter: QPainter, area: QRect, color: QColor) -> None:
    """A small calendar page, drawn rather than taken from a font that may lack one."""
    side = min(area.width(), 11)
    page = QRect(0, 0, side, side)
    page.moveCenter(area.center())
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(color, 1.2))
    painter.drawRoundedRect(page, 2, 2)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRect(QRect(page.left(), page.top(), page.width(), 3))
    painter.restore()


def _tint(color: QColor) -> QColor:
    """A pale wash of a colour, for the background behind text in that colour."""
    wash = QColor(color)
    wash.setAlpha(36)
    return wash
