"""Kesher's own pictures for buttons, kept as SVG files in resources/icons.

Drawn for Kesher, like the app's icon, and loaded as vector images so they stay sharp at
any scale.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QIcon

from kesher_desktop.paths import resources_dir

log = logging.getLogger(__name__)

_cache: dict[str, QIcon] = {}


def icons_dir() -> Path:
    """Where the SVG files lie, which depends on how Kesher was installed."""
    return resources_dir() / "icons"


def app_icon() -> QIcon:
    """Kesher's own icon, for the tray and the windows."""
    return _icon("kesher.svg")


def paperclip_icon() -> QIcon:
    """The paperclip beside "Attach files"."""
    return _icon("paperclip.svg")


def _icon(name: str) -> QIcon:
    """The icon in resources/icons/`name`, read once per run."""
    if name not in _cache:
        icon = QIcon(str(icons_dir() / name))
        if icon.isNull():
            # The button still reads well by its text; the install lacks the file.
            log.warning("icon not found name=%s", name)
        _cache[name] = icon
    return _cache[name]
