"""Render attached files and linked folders, in Hebrew and in English.

    QT_QPA_PLATFORM=offscreen python tools/documents_screenshot.py [output folder]

Builds a throw-away store with the sample contacts of tools/screenshots.py and saves, in
docs/screenshots/ unless told another folder, attachments-{he,en}.png (the drawer on a
meeting with two files attached and two folders linked, one in Dropbox and one in Google
Drive), refused-file-{he,en}.png (the contact's documents card after a drop of three files,
one of them over the 12 MB limit) and folder-browser-{he,en}.png (choosing a Dropbox
folder to link). Both services count as set up (a sample app key and client file), so
their buttons show; nothing is asked of Dropbox or Google.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget  # noqa: E402

from kesher_desktop.services.attachment_intake import MAX_ATTACHMENT_BYTES  # noqa: E402
from kesher_desktop.services.bundle import Services  # noqa: E402
from kesher_desktop.services.folder_links import (  # noqa: E402
    FolderLink,
    LinkService,
    RemoteFolder,
)
from kesher_desktop.settings import (  # noqa: E402
    DROPBOX_APP_KEY_VARIABLE,
    GOOGLE_CLIENT_FILE_VARIABLE,
)
from kesher_desktop.ui.activity_drawer import ActivityDrawer  # noqa: E402
from kesher_desktop.ui.contact_page import dock_area_for  # noqa: E402
from kesher_desktop.ui.documents_card import DocumentsCard  # noqa: E402
from kesher_desktop.ui.folder_browser import FolderBrowser  # noqa: E402
from kesher_desktop.ui.i18n import install_language  # noqa: E402
from kesher_desktop.ui.style import apply_style  # noqa: E402
from tools.screenshots import ROOT, sample_file, sample_services  # noqa: E402

SAMPLE_LINKS = [
    FolderLink(
        LinkService.DROPBOX,
        "https://www.dropbox.com/scl/fo/sample/levi?rlkey=sample&dl=0",
        "לוי ייעוץ - חוזים",
        "/לקוחות/לוי ייעוץ - חוזים",
        "id:sample-1",
    ),
    FolderLink(
        LinkService.DRIVE,
        "https://drive.google.com/drive/folders/1sample",
        "Site photos 2026",
        "",
        "1sample",
    ),
]


class SampleFolders:
    """A Dropbox of sample folders, answered at once, for the browser's picture."""

    service = LinkService.DROPBOX

    def root(self) -> RemoteFolder:
        return RemoteFolder("", "Dropbox", "/")

    def list_folders(self, folder: RemoteFolder) -> list[RemoteFolder]:
        names = ["Archive 2025", "Budget", "כהן ושות׳", "לוי ייעוץ - חוזים", "תוכניות בנייה"]
        return [
            RemoteFolder(f"{folder.key}/{name}", name, f"{folder.path}/{name}") for name in names
        ]

    def share(self, folder: RemoteFolder) -> FolderLink:
        raise NotImplementedError

    def is_alive(self, url: str, target: str) -> bool:
        return True


def _set_up_services(folder: Path) -> None:
    """A sample Dropbox app key and Google client file, so both link buttons show."""
    client = folder / "client_secret.json"
    installed = {
        "client_id": "sample.apps.googleusercontent.com",
        "client_secret": "sample",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": "https://oauth2.googleapis.com/token",
        "redirect_uris": ["http://localhost"],
    }
    client.write_text(json.dumps({"installed": installed}), encoding="utf-8")
    os.environ[GOOGLE_CLIENT_FILE_VARIABLE] = str(client)
    os.environ[DROPBOX_APP_KEY_VARIABLE] = "sample-app-key"


def _settle(app: QApplication) -> None:
    # Children added to shown widgets are shown, and laid out, over a few event-loop turns.
    for _ in range(5):
        app.processEvents()


def render_attachments(
    app: QApplication, services: Services, meeting: int, desk: Path, output: Path, language: str
) -> Path:
    """The drawer on a meeting with two files and two folder links, scrolled so its
    attachments show."""
    services.documents.add_files(
        None,
        meeting,
        [
            sample_file(desk, "סיכום פגישה - לוי ייעוץ.docx", 48_300),
            sample_file(desk, "Floor plan #2 (rev B).pdf", 2_400_000),
        ],
    )
    for link in SAMPLE_LINKS:
        services.documents.add_link(None, meeting, link)
    window = QMainWindow()
    window.setCentralWidget(QWidget())
    drawer = ActivityDrawer(services, window)
    window.addDockWidget(dock_area_for(window.layoutDirection()), drawer)
    drawer.open_existing(meeting)
    window.resize(460, 900)
    window.show()
    _settle(app)
    assert drawer.form is not None
    drawer._form_page.ensureWidgetVisible(drawer.form.attachments)
    _settle(app)

    path = output / f"attachments-{language}.png"
    drawer.grab().save(str(path))
    window.close()
    return path


def render_refused(
    app: QApplication, services: Services, contact: int, desk: Path, output: Path, language: str
) -> Path:
    """The documents card right after a drop in which one file was too large."""
    host = QWidget()
    host.setObjectName("detailsPane")
    host.setStyleSheet("#detailsPane { background: #f5f7fa; }")
    card = DocumentsCard(services)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(16, 16, 16, 16)
    layout.addWidget(card)
    layout.addStretch(1)
    card.show_contact(contact)
    card.take(
        [
            sample_file(desk, "הדרכת מערכת - הקלטה מלאה.mp4", 3 * MAX_ATTACHMENT_BYTES),
            sample_file(desk, "Budget 2026 #final.xlsx", 61_000),
            sample_file(desk, "הצעת מחיר #3 (סופי).pdf", 183_000),
        ]
    )
    host.resize(440, 700)
    host.show()
    _settle(app)
    host.resize(440, layout.sizeHint().height())
    _settle(app)

    path = output / f"refused-file-{language}.png"
    host.grab().save(str(path))
    host.close()
    return path


def render_folder_browser(app: QApplication, output: Path, language: str) -> Path:
    """The folder browser inside a Dropbox folder, one folder selected."""
    browser = FolderBrowser(SampleFolders())  # type: ignore[arg-type]
    browser.resize(460, 420)
    browser.show()
    _wait_idle(app, browser)
    browser.open_folder(RemoteFolder("/לקוחות", "לקוחות", "/לקוחות"))
    _wait_idle(app, browser)
    browser.select("לוי ייעוץ - חוזים")
    _settle(app)

    path = output / f"folder-browser-{language}.png"
    browser.grab().save(str(path))
    browser.close()
    return path


def _wait_idle(app: QApplication, browser: FolderBrowser) -> None:
    # The listing runs on a thread of its own even here; its answer comes back as an event.
    while browser.is_busy():
        app.processEvents()
    _settle(app)


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    apply_style(app)
    with tempfile.TemporaryDirectory() as folder:
        # The file store lives under the data folder; keep the samples' files in the temp one.
        os.environ["KESHER_HOME"] = str(Path(folder) / "home")
        _set_up_services(Path(folder))
        for language in ("he", "en"):
            install_language(app, language)
            services, dana, meeting = sample_services(Path(folder) / language)
            desk = Path(folder) / "desk" / language
            print(render_attachments(app, services, meeting, desk, output, language))
            print(render_refused(app, services, dana, desk, output, language))
            print(render_folder_browser(app, output, language))
            services.store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
