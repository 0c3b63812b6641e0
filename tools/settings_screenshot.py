"""Render the settings dialog with its Dropbox section, in Hebrew and in English.

    QT_QPA_PLATFORM=offscreen python tools/settings_screenshot.py [output folder]

Saves, in docs/screenshots/ unless told another folder, settings-dropbox-{he,en}.png (a
Dropbox account connected with a typed app key) and settings-dropbox-empty-{he,en}.png (no
key yet, so the section says where one comes from). The token sits in a throw-away file
keyring and settings are kept in a temporary folder; nothing is asked of Dropbox or Google.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import keyring  # noqa: E402
from google_screenshot import write_client_file  # noqa: E402
from keyrings.alt.file import PlaintextKeyring  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kesher_desktop.autostart import Autostart  # noqa: E402
from kesher_desktop.services.dropbox_account import REFRESH_TOKEN_KEY  # noqa: E402
from kesher_desktop.services.secrets import SecretStore  # noqa: E402
from kesher_desktop.settings import (  # noqa: E402
    DROPBOX_APP_KEY_VARIABLE,
    GOOGLE_CLIENT_FILE_VARIABLE,
    Settings,
)
from kesher_desktop.ui.i18n import install_language  # noqa: E402
from kesher_desktop.ui.settings_dialog import SettingsDialog  # noqa: E402
from kesher_desktop.ui.style import apply_style  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_APP_KEY = "k3sh3rs4mpl3k3y"
SAMPLE_ACCOUNT = "noa.barak@example.com"


def _settle(app: QApplication, seconds: float = 0.3) -> None:
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        app.processEvents()
        time.sleep(0.01)


def render(
    app: QApplication, language: str, client_file: Path, folder: Path, output: Path
) -> list[Path]:
    install_language(app, language)
    secrets = SecretStore(allow_plain_file=True)
    shots = []
    for name, connected in (("settings-dropbox", True), ("settings-dropbox-empty", False)):
        settings = Settings(language=language, google_client_file=str(client_file))
        if connected:
            settings.dropbox_app_key, settings.dropbox_account = SAMPLE_APP_KEY, SAMPLE_ACCOUNT
            secrets.set(REFRESH_TOKEN_KEY, "sample-refresh-token")
        else:
            secrets.delete(REFRESH_TOKEN_KEY)
        dialog = SettingsDialog(
            settings, secrets=secrets, autostart=Autostart("linux", base=folder / "autostart")
        )
        dialog.show()
        dialog.resize(dialog.sizeHint())
        _settle(app)

        path = output / f"{name}-{language}.png"
        dialog.grab().save(str(path))
        shots.append(path)
        dialog.close()
        dialog.deleteLater()
    return shots


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    for variable in (DROPBOX_APP_KEY_VARIABLE, GOOGLE_CLIENT_FILE_VARIABLE):
        os.environ.pop(variable, None)
    app = QApplication(sys.argv[:1])
    apply_style(app)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ["KESHER_HOME"] = str(folder / "home")
        # The system keyring is left alone: the sample token goes to a file thrown away after.
        backend = PlaintextKeyring()
        backend.file_path = str(folder / "keyring" / "passwords.cfg")
        keyring.set_keyring(backend)
        client_file = write_client_file(folder)
        for language in ("he", "en"):
            for path in render(app, language, client_file, folder, output):
                print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
