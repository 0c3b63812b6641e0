"""Render attached files, in Hebrew and in English.

    QT_QPA_PLATFORM=offscreen python tools/documents_screenshot.py [output folder]

Builds a throw-away store with the sample contacts of tools/screenshots.py and saves, in
docs/screenshots/ unless told another folder, attachments-{he,en}.png (the drawer on a
meeting with two files attached) and refused-file-{he,en}.png (the contact's documents
card after a drop of three files, one of them over the 12 MB limit).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget  # noqa: E402

from kesher_desktop.services.attachment_intake import MAX_ATTACHMENT_BYTES  # noqa: E402
from kesher_desktop.services.bundle import Services  # noqa: E402
from kesher_desktop.ui.activity_drawer import ActivityDrawer  # noqa: E402
from kesher_desktop.ui.contact_page import dock_area_for  # noqa: E402
from kesher_desktop.ui.documents_card import DocumentsCard  # noqa: E402
from kesher_desktop.ui.i18n import install_language  # noqa: E402
from kesher_desktop.ui.style import apply_style  # noqa: E402
from tools.screenshots import ROOT, sample_services  # noqa: E402


def _file(folder: Path, name: str, size: int) -> Path:
    """A sample file of `size` bytes; sparse, so a large one costs no disk space."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with path.open("wb") as handle:
        handle.write(name.encode())
        handle.truncate(size)
    return path


def _settle(app: QApplication) -> None:
    # Children added to shown widgets are shown, and laid out, over a few event-loop turns.
    for _ in range(5):
        app.processEvents()


def render_attachments(
    app: QApplication, services: Services, meeting: int, desk: Path, output: Path, language: str
) -> Path:
    """The drawer on a meeting with two files, scrolled so its attachments show."""
    services.documents.add_files(
        None,
        meeting,
        [
            _file(desk, "סיכום פגישה - לוי ייעוץ.docx", 48_300),
            _file(desk, "Floor plan #2 (rev B).pdf", 2_400_000),
        ],
    )
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
            _file(desk, "הדרכת מערכת - הקלטה מלאה.mp4", 3 * MAX_ATTACHMENT_BYTES),
            _file(desk, "Budget 2026 #final.xlsx", 61_000),
            _file(desk, "הצעת מחיר #3 (סופי).pdf", 183_000),
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


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    apply_style(app)
    with tempfile.TemporaryDirectory() as folder:
        # The file store lives under the data folder; keep the samples' files in the temp one.
        os.environ["KESHER_HOME"] = str(Path(folder) / "home")
        for language in ("he", "en"):
            install_language(app, language)
            services, dana, meeting = sample_services(Path(folder) / language)
            desk = Path(folder) / "desk" / language
            print(render_attachments(app, services, meeting, desk, output, language))
            print(render_refused(app, services, dana, desk, output, language))
            services.store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
