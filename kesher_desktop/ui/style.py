"""Loading the app's style sheet, the one place the look is set."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication

from kesher_desktop.paths import resources_dir
from kesher_desktop.ui.app_icons import icons_dir

log = logging.getLogger(__name__)


def apply_style(app: QApplication) -> None:
    """Apply resources/style/kesher.qss; a missing file leaves Qt's own look."""
    path = resources_dir() / "style" / "kesher.qss"
    try:
        sheet = path.read_text(encoding="utf-8")
    except OSError:
        log.warning("style sheet not loaded path=%s", path, exc_info=True)
        return

    # Style sheets take file paths, and where resources/ lies depends on the install.
    icons = icons_dir().as_posix()
    app.setStyleSheet(sheet.replace("@icons@", icons))
