"""Small icons for the cloud services a folder link can come from, drawn, not shipped.

Drawn with QPainter in the services' colours, so no brand artwork is kept in the repository
and the icons stay sharp at any scale.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF

from kesher_desktop.services.folder_links import LinkService

DROPBOX_BLUE = "#0061fe"
DRIVE_COLOURS = ("#0f9d58", "#f4b400", "#4285f4")
_SIZE = 64

_cache: dict[LinkService, QIcon] = {}


def service_icon(service: LinkService) -> QIcon:
    """The service's icon, drawn once per run."""
    if service not in _cache:
        pixmap = QPixmap(_SIZE, _SIZE)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if service is LinkService.DROPBOX:
            _draw_dropbox(painter)
        else:
            _draw_drive(painter)
        painter.end()
        _cache[service] = QIcon(pixmap)
    return _cache[service]


def _diamond(x: float, y: float, half: float) -> QPolygonF:
    """A rhombus centred on (x, y), flatter than it is wide, like an open box's flap."""
    tall = half * 0.62
    return QPolygonF(
        [QPointF(x, y - tall), QPointF(x + half, y), QPointF(x, y + tall), QPointF(x - half, y)]
    )


def _draw_dropbox(painter: QPainter) -> None:
    # Four flaps in two rows and a smaller one under them: the open box.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(DROPBOX_BLUE))
    half = 14.0
    for x, y in ((18, 14), (46, 14), (18, 32), (46, 32)):
        painter.drawPolygon(_diamond(x, y, half))
    painter.drawPolygon(_diamond(32, 50, half * 0.85))


def _draw_drive(painter: QPainter) -> None:
    # A triangle whose three sides are the three colours.
    top, left, right = QPointF(32, 8), QPointF(6, 54), QPointF(58, 54)
    for colour, (start, end) in zip(
        DRIVE_COLOURS, ((left, top), (top, right), (right, left)), strict=True
    ):
        pen = QPen(QColor(colour), 11)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(start, end)
