"""Render the "connect your Google account" dialog, in Hebrew and in English.

    QT_QPA_PLATFORM=offscreen python tools/google_screenshot.py [output folder]

Saves google-connect-{he,en}.png (what the user reads before connecting) and
google-connect-waiting-{he,en}.png (waiting for the browser, with Cancel and the link to
Google's page) in docs/screenshots/ unless told another folder. The client file it writes
names Google's real endpoints, but no request leaves the machine: the browser is never
opened, and the wait is cancelled before any code could come back.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from kesher_desktop.services.google_account import GoogleAccount  # noqa: E402
from kesher_desktop.services.secrets import SecretStore  # noqa: E402
from kesher_desktop.settings import Settings  # noqa: E402
from kesher_desktop.ui.google_connect_dialog import GoogleConnectDialog  # noqa: E402
from kesher_desktop.ui.i18n import install_language  # noqa: E402
from kesher_desktop.ui.style import apply_style  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def write_client_file(folder: Path) -> Path:
    """A desktop client as Google Cloud hands it out, with invented id and secret."""
    path = folder / "client_secret.json"
    client = {
        "installed": {
            "client_id": "123456789012-kesher.apps.googleusercontent.com",
            "project_id": "kesher-desktop",
            "auth_uri": "https://accounts.google.com/o/oauth2/auth",
            "token_uri": "https://oauth2.googleapis.com/token",
            "client_secret": "GOCSPX-screenshot",
            "redirect_uris": ["http://localhost"],
        }
    }
    path.write_text(json.dumps(client), encoding="utf-8")
    return path


def _settle(app: QApplication, seconds: float = 0.3) -> None:
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        app.processEvents()
        time.sleep(0.01)


def render(app: QApplication, language: str, client_file: Path, output: Path) -> list[Path]:
    install_language(app, language)
    settings = Settings(language=language, google_client_file=str(client_file))
    account = GoogleAccount(SecretStore(), lambda: settings)
    dialog = GoogleConnectDialog(account)
    dialog.open_browser = lambda url: True  # type: ignore[method-assign]
    dialog.show()
    dialog.resize(dialog.sizeHint())
    _settle(app)

    before = output / f"google-connect-{language}.png"
    dialog.grab().save(str(before))

    dialog.start()
    _settle(app, 1.0)
    waiting = output / f"google-connect-waiting-{language}.png"
    dialog.grab().save(str(waiting))

    dialog.cancel()
    deadline = time.monotonic() + 10
    while dialog.is_busy() and time.monotonic() < deadline:
        _settle(app, 0.05)
    dialog.close()
    return [before, waiting]


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    apply_style(app)
    with tempfile.TemporaryDirectory() as folder:
        client_file = write_client_file(Path(folder))
        for language in ("he", "en"):
            for path in render(app, language, client_file, output):
                print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
