"""Kesher's own pictures for buttons, kept as SVG files in resources/icons.

Drawn for Kesher, like the app's icon, and loaded as vector images so they stay sharp at
any scale.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QIcon

from kesher_desktop.paths import resources_dir

log = logging.getLogger(__name__)

_cache: dict[str, QIcon] = {}


def paperclip_icon() -> QIcon:
    """The paperclip beside "Attach files"."""
    return _icon("paperclip.svg")


def _icon(name: str) -> QIcon:
    """The icon in resources/icons/`name`, read once per run."""
    if name not in _cache:
        icon = QIcon(str(resources_dir() / "icons" / name))
        if icon.isNull():
            # The button still reads well by its text; the install lacks the file.
            log.warning("icon not found name=%s", name)
        _cache[name] = icon
    return _cache[name]
