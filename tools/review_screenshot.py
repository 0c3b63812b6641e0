"""Render the review list of tracked mail, in Hebrew and in English.

    QT_QPA_PLATFORM=offscreen python tools/review_screenshot.py [output folder]

Builds a throw-away store with the sample contacts of tools/screenshots.py, lets three
tracking copies arrive that no contact claims (one to a stranger, one with a forged tag,
one whose contact was deleted) and saves review-list-{he,en}.png, with a contact found by
name in the picker, in docs/screenshots/ unless told another folder.
"""

from __future__ import annotations

import base64
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from kesher_desktop.services.contacts import ContactDraft, EmailEntry  # noqa: E402
from kesher_desktop.services.mail_decoding import parse_mail  # noqa: E402
from kesher_desktop.services.mail_tracking import TrackingService  # noqa: E402
from kesher_desktop.ui.i18n import install_language  # noqa: E402
from kesher_desktop.ui.review_list import ReviewList  # noqa: E402
from kesher_desktop.ui.style import apply_style  # noqa: E402
from tools.screenshots import ROOT, sample_services  # noqa: E402

MAILBOX = "track@kesher.co.il"


def _message(message_id: str, to: str, subject: str, delivered_to: str = "") -> bytes:
    encoded = base64.b64encode(subject.encode()).decode()
    head = [
        f"Delivered-To: {delivered_to}" if delivered_to else "",
        "From: =?utf-8?B?"
        + base64.b64encode("נועה ברק".encode()).decode()
        + "?= <noa@kesher.co.il>",
        f"To: {to}",
        f"Subject: =?utf-8?B?{encoded}?=",
        "Date: Mon, 09 Mar 2026 10:15:00 +0200",
        f"Message-ID: {message_id}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
    ]
    lines = [line for line in head if line]
    return ("\r\n".join(lines) + "\r\n\r\nשלום,\r\n").encode()


def arrive_samples(tracking: TrackingService, services_contacts: object, dana: int) -> None:
    """Three copies no contact claims: a stranger, a forged tag, a deleted contact."""
    stranger = _message("<r1@kesher.co.il>", "moshe@example.org", "הצעת מחיר לשיפוץ המשרד")
    forged = _message(
        "<r2@kesher.co.il>",
        "dana.levi@example.co.il",
        "אישור העברה בנקאית",
        f"track+c{dana}-k0000000000@kesher.co.il",
    )
    for raw in (stranger, forged):
        tracking.record(parse_mail(raw), raw, MAILBOX)


def render_review(app: QApplication, language: str, folder: Path, output: Path) -> Path:
    install_language(app, language)
    services, dana, _meeting = sample_services(folder / f"review-{language}")
    tracking = TrackingService(services.store, services.clock, services.activities)
    arrive_samples(tracking, services.contacts, dana)
    gone = services.contacts.create(
        ContactDraft(given_name="רון", emails=[EmailEntry("ron@example.com", "work")])
    )
    tagged = tracking.tracking_address(MAILBOX, gone)
    services.contacts.delete(gone)
    raw = _message("<r3@kesher.co.il>", "ron@example.com", "Meeting summary", tagged)
    tracking.record(parse_mail(raw), raw, MAILBOX)

    review = ReviewList(tracking, services.contacts, services.clock.zone)
    review.resize(900, 520)
    review.show()
    review.search.setText("לוי")
    for _ in range(5):
        app.processEvents()

    path = output / f"review-list-{language}.png"
    review.grab().save(str(path))
    review.close()
    services.store.close()
    return path


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    apply_style(app)
    with tempfile.TemporaryDirectory() as folder:
        # The sample documents' copies go to a throw-away data folder, not the user's.
        os.environ["KESHER_HOME"] = str(Path(folder) / "home")
        for language in ("he", "en"):
            print(render_review(app, language, Path(folder), output))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
