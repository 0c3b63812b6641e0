"""Paints one activity as a two-line card: kind, title, when and who, state, invitation, menu."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.activity_state import ActivityState
from kesher_desktop.services.invitation_views import InvitationStatus
from kesher_desktop.ui.activity_list_model import (
    CANCELLED_COLOR,
    KIND_COLORS,
    OVERDUE_COLOR,
    ActivityRole,
    state_name,
)
from kesher_desktop.ui.widgets.bidi import isolate_ltr

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

AnyIndex = QModelIndex | QPersistentModelIndex


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
        invitation_width = self._paint_invitation_mark(painter, option, rect, index)
        text_left = rect.left() + BADGE_WIDTH + PADDING
        text_right = rect.right() - MENU_WIDTH
        self._paint_texts(
            painter,
            option,
            index,
            state,
            QRect(QPoint(text_left, rect.top()), QPoint(text_right - mark_width, rect.bottom())),
            QRect(
                QPoint(text_left, rect.top()), QPoint(text_right - invitation_width, rect.bottom())
            ),
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
        self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect, index: AnyIndex
    ) -> int:
        """The invitation's state as a small pill on the second line's trailing end;
        returns its width."""
        status = index.data(ActivityRole.INVITATION)
        text = index.data(ActivityRole.INVITATION_TEXT)
        if not status or not text:
            return 0
        color = INVITATION_COLORS.get(InvitationStatus(status), CANCELLED_COLOR)
        fonts = self._fonts(option.font)
        metrics = fonts.small_bold_metrics
        glyph = metrics.horizontalAdvance(MAIL_GLYPH) + 4
        width = glyph + metrics.horizontalAdvance(text) + 20
        # Never wider than half the row, so the time and the people keep their room.
        width = min(width, max(rect.width() // 2, 60))
        pill = QRect(rect.right() - MENU_WIDTH - width, rect.top() + 26, width, 18)
        # The envelope is drawn apart, at the pill's leading end: inside one string the bidi
        # algorithm would put it after a Hebrew word.
        envelope = QRect(pill.left() + 8, pill.top(), glyph, pill.height())
        words = QRect(envelope.right(), pill.top(), pill.right() - 8 - envelope.right(), 18)

        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_tint(color))
        painter.drawRoundedRect(self._visual(option, pill), 9, 9)
        painter.setFont(fonts.small_bold)
        painter.setPen(color)
        center = Qt.AlignmentFlag.AlignCenter
        painter.drawText(self._visual(option, envelope), center, MAIL_GLYPH)
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, words.width())
        painter.drawText(self._visual(option, words), center, text)
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
        when = isolate_ltr(index.data(ActivityRole.WHEN))
        details = " \u00b7 ".join(part for part in (when, index.data(ActivityRole.PEOPLE)) if part)
        detail_rect = self._visual(
            option, QRect(detail_area.left(), detail_area.top() + 24, detail_area.width(), 20)
        )
        painter.setFont(option.font)
        secondary = option.palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(OVERDUE_COLOR if state is ActivityState.OVERDUE else secondary)
        details = fonts.base_metrics.elidedText(
            details, Qt.TextElideMode.ElideRight, detail_area.width()
        )
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


def _tint(color: QColor) -> QColor:
    """A pale wash of a colour, for the background behind text in that colour."""
    wash = QColor(color)
    wash.setAlpha(36)
    return wash
