"""Lint and layering rules that keep the code base readable, checked with every test run."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kesher_desktop"


def test_ruff_finds_nothing() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "kesher_desktop", "tests", "benchmarks", "tools"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_models_services_and_store_do_not_import_qt() -> None:
    offenders = []
    for folder in ("models", "services", "db"):
        for path in (PACKAGE / folder).rglob("*.py"):
            if any(name.startswith("PySide6") for name in _imports(path)):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_lower_layers_never_import_the_ui() -> None:
    offenders = []
    for folder in ("models", "services", "db"):
        for path in (PACKAGE / folder).rglob("*.py"):
            if any(name.startswith("kesher_desktop.ui") for name in _imports(path)):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_start_up_path_does_not_import_heavy_libraries() -> None:
    probe = (
        "import sys, kesher_desktop.app, kesher_desktop.ui.main_window;"
        "heavy = [m for m in ('googleapiclient', 'dropbox', 'icalendar', 'google_auth_oauthlib')"
        " if m in sys.modules]; print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_window_is_built_before_the_store_libraries_load() -> None:
    # The first page is painted from a plain sqlite3 query; SQLAlchemy and APScheduler load
    # after it, so nothing up to a shown window may import them.
    probe = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
        "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from kesher_desktop.settings import Settings;"
        "from kesher_desktop.ui.main_window import MainWindow;"
        "from kesher_desktop.ui.single_instance import SingleInstance;"
        "from kesher_desktop.ui.tray import Tray;"
        "window = MainWindow(Settings()); window.attach_tray(Tray(app)); window.show();"
        "print([m for m in ('sqlalchemy', 'apscheduler', 'alembic') if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
