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


def data_dir() -> Path:
    override = os.environ.get(HOME_OVERRIDE)
    return Path(override) / "data" if override else Path(_dirs().user_data_dir)


def config_dir() -> Path:
    override = os.environ.get(HOME_OVERRIDE)
    return Path(override) / "config" if override else Path(_dirs().user_config_dir)


def log_dir() -> Path:
    override = os.environ.get(HOME_OVERRIDE)
    return Path(override) / "logs" if override else Path(_dirs().user_log_dir)


def database_path() -> Path:
    return data_dir() / "kesher.sqlite3"


def backup_dir() -> Path:
    return data_dir() / "backups"


def resources_dir() -> Path:
    """The shipped resources: translations and icons."""
    return Path(__file__).resolve().parent.parent / "resources"
