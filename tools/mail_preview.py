"""Render the HTML part of a reminder e-mail, in Hebrew and in English, as pictures.

    QT_QPA_PLATFORM=offscreen python tools/mail_preview.py [output folder]

Saves reminder-mail-he.png and reminder-mail-en.png in docs/screenshots/ unless told another
folder. The mail is a late meeting reminder with Hebrew and English names in it, so the
pictures show how times, the zone and names sit inside right-to-left text.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kesher_desktop.models import ActivityKind  # noqa: E402
from kesher_desktop.services.activity_views import PersonRef, PersonView  # noqa: E402
from kesher_desktop.services.reminders import FiredReminder  # noqa: E402
from kesher_desktop.ui.i18n import install_language  # noqa: E402
from kesher_desktop.ui.reminder_mail import reminder_mail  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ZONE = ZoneInfo("Asia/Jerusalem")
WIDTH = 640
MARGIN = 24


def sample_reminder() -> FiredReminder:
    """A 10:00–11:00 meeting in Jerusalem whose 15-minute reminder came 15 minutes late."""
    starts_at = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
    due_at = starts_at - timedelta(minutes=15)
    return FiredReminder(
        alert_id=1,
        activity_id=1,
        contact_id=1,
        contact_name="דנה לוי",
        kind=ActivityKind.MEETING,
        title="סקירה רבעונית",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=1),
        due_date=None,
        location="רחוב הרצל 12, תל אביב",
        participants=[
            PersonView(PersonRef("contact", 1), "דנה לוי", "dana.levi@example.co.il"),
            PersonView(PersonRef("user", 1), "נועה ברק", "noa@kesher.co.il"),
            PersonView(PersonRef("contact", 2), "Jonathan Green", "jon@example.com"),
        ],
        due_at=due_at,
        shown_at=due_at + timedelta(minutes=15),
        late_by=timedelta(minutes=15),
        offset_minutes=15,
        notify_others=False,
        is_snooze=False,
    )


def render(html: str, path: Path) -> None:
    """Lay the HTML out as a mail program would at WIDTH pixels and save it as a PNG."""
    document = QTextDocument()
    document.setDocumentMargin(MARGIN)
    document.setHtml(html)
    document.setTextWidth(WIDTH)
    size = document.size().toSize()

    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    document.drawContents(painter)
    painter.end()
    image.save(str(path))


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    for language in ("he", "en"):
        install_language(app, language)
        mail = reminder_mail(sample_reminder(), ZONE, ["noa@kesher.co.il"])
        render(mail.html, folder / f"reminder-mail-{language}.png")
    install_language(app, "en")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
