"""Where the app keeps its files, per the operating system's conventions."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "KesherDesktop"
APP_AUTHOR = "Kesher"

# Tests and portable installs point the app elsewhere with this variable.
HOME_OVERRIDE = "KESHER_HOME"


def _dirs() -> platformdirs.PlatformDirs:
    return platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)


def _home_override() -> Path | None:
    """The folder KESHER_HOME names, made absolute (a file URI and a socket name need that)."""
    override = os.environ.get(HOME_OVERRIDE)
    return Path(override).expanduser().absolute() if override else None


def data_dir() -> Path:
    home = _home_override()
    return home / "data" if home else Path(_dirs().user_data_dir)


def config_dir() -> Path:
    home = _home_override()
    return home / "config" if home else Path(_dirs().user_config_dir)


def log_dir() -> Path:
    home = _home_override()
    return home / "logs" if home else Path(_dirs().user_log_dir)


def window_state_path() -> Path:
    """Where the window keeps its docks' and toolbars' places between runs."""
    return config_dir() / "window.ini"


def database_path() -> Path:
    return data_dir() / "kesher.sqlite3"


def backup_dir() -> Path:
    return data_dir() / "backups"


def resources_dir() -> Path:
    """The shipped resources: translations and icons."""
    return Path(__file__).resolve().parent.parent / "resources"
