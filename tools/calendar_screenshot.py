"""Render the activity list's Google Calendar marks and the sync log, in Hebrew and English.

    QT_QPA_PLATFORM=offscreen python tools/calendar_screenshot.py [output folder]

Saves calendar-sync-state-{he,en}.png (rows in Google, waiting, failed and removed in
Google) and sync-log-{he,en}.png in docs/screenshots/ unless told another folder. The sync
runs for real, on its own thread, against the test suite's fake Google on 127.0.0.1, with
a throw-away store and keyring file; nothing leaves the machine.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keyring  # noqa: E402
from keyrings.alt.file import PlaintextKeyring  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kesher_desktop.clock import FrozenClock  # noqa: E402
from kesher_desktop.db.store import open_sqlite  # noqa: E402
from kesher_desktop.models import ActivityKind  # noqa: E402
from kesher_desktop.services.activities import ActivityDraft  # noqa: E402
from kesher_desktop.services.activity_views import PersonRef  # noqa: E402
from kesher_desktop.services.bundle import Services  # noqa: E402
from kesher_desktop.services.calendar_event import event_id  # noqa: E402
from kesher_desktop.services.contacts import ContactDraft, EmailEntry  # noqa: E402
from kesher_desktop.services.google_account import REFRESH_TOKEN_KEY  # noqa: E402
from kesher_desktop.services.secrets import SecretStore  # noqa: E402
from kesher_desktop.settings import Settings  # noqa: E402
from kesher_desktop.ui.calendar_wiring import CalendarSync, start_calendar  # noqa: E402
from kesher_desktop.ui.i18n import install_language  # noqa: E402
from kesher_desktop.ui.main_window import MainWindow  # noqa: E402
from kesher_desktop.ui.style import apply_style  # noqa: E402
from tests.google_fake.calendar_server import FakeGoogle, calendar_server  # noqa: E402
from tests.ui.calendar_window import write_client_file  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
ME = {"he": ("נועה ברק", "noa.barak@gmail.com"), "en": ("Noa Barak", "noa.barak@gmail.com")}
TITLES = {
    "he": ("סקירה רבעונית", "שיחת היכרות", "חתימה על החוזה", "הכנת הצעת מחיר"),
    "en": ("Quarterly review", "Introductory call", "Contract signing", "Prepare the quote"),
}
CONTACT = {"he": ("דנה", "לוי"), "en": ("Dana", "Levi")}
REFUSAL = "The specified time range is empty."


def _settle(app: QApplication, until: Callable[[], bool], seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not until() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()


def _draft(
    services: Services, kind: ActivityKind, title: str, days: int, contact_id: int
) -> ActivityDraft:
    start = NOW + timedelta(days=days, hours=2)
    draft = ActivityDraft(kind=kind, title=title, add_to_calendar=True)
    if kind is ActivityKind.TASK:
        draft.due_date = start.date()
        draft.responsible = [services.users.me().id]
    else:
        draft.starts_at = start
        draft.ends_at = start + timedelta(hours=1) if kind is ActivityKind.MEETING else None
        draft.participants = [PersonRef("contact", contact_id)]
    return draft


def _sync_of(calendar: CalendarSync, activity_id: int) -> str:
    return calendar.status.state(activity_id).state.value


def _fill(
    app: QApplication,
    services: Services,
    calendar: CalendarSync,
    google: FakeGoogle,
    contact_id: int,
    language: str,
) -> None:
    """One row in Google, one refused, one deleted in Google, and one still waiting."""
    synced_title, failed_title, removed_title, waiting_title = TITLES[language]
    activities = services.activities
    synced = activities.create(
        contact_id, _draft(services, ActivityKind.MEETING, synced_title, 2, contact_id)
    )
    _settle(app, lambda: _sync_of(calendar, synced) == "synced")

    # A refusal as Google words one (reason timeRangeEmpty), not the fake server's default.
    google.fail_next(1, 400, "timeRangeEmpty", method="POST", message=REFUSAL)
    failed = activities.create(
        contact_id, _draft(services, ActivityKind.CALL, failed_title, 3, contact_id)
    )
    _settle(app, lambda: _sync_of(calendar, failed) == "failed")

    removed = activities.create(
        contact_id, _draft(services, ActivityKind.MEETING, removed_title, 5, contact_id)
    )
    _settle(app, lambda: _sync_of(calendar, removed) == "synced")
    with services.store.session() as session:
        from kesher_desktop.models import Activity

        uid = session.get(Activity, removed).calendar_uid  # type: ignore[union-attr]
    google.delete(event_id(uid))
    calendar.sync_now()
    _settle(app, lambda: _sync_of(calendar, removed) == "removed_in_google")

    # Stopped first, so this one is still waiting when the picture is taken.
    calendar.stop()
    activities.create(
        contact_id, _draft(services, ActivityKind.TASK, waiting_title, 7, contact_id)
    )


def render(app: QApplication, language: str, folder: Path, output: Path) -> list[Path]:
    install_language(app, language)
    store = open_sqlite(folder / f"{language}.sqlite3", folder / f"backups-{language}")
    services = Services.over(store, FrozenClock(NOW, ZoneInfo("Asia/Jerusalem")))
    services.users.rename_me(*ME[language])
    given, family = CONTACT[language]
    contact_id = services.contacts.create(
        ContactDraft(
            given_name=given,
            family_name=family,
            emails=[EmailEntry("dana.levi@example.com", "work")],
        )
    )
    secrets = SecretStore(allow_plain_file=True)
    secrets.set(REFRESH_TOKEN_KEY, "refresh-1")
    paths = []
    with calendar_server() as google:
        client_file = write_client_file(folder / f"client-{language}", google.token_uri)
        settings = Settings(
            language=language,
            google_client_file=str(client_file),
            google_account="noa.barak@gmail.com",
        )
        window = MainWindow(settings)
        window.attach_services(services)
        window.resize(1300, 760)
        window.show()
        calendar = start_calendar(
            window, services, secrets, interval=3600, api_base=google.base_url
        )
        window.contact_page.show_contact(contact_id)  # type: ignore[union-attr]
        _fill(app, services, calendar, google, contact_id, language)
        pane = window.contact_page.activities  # type: ignore[union-attr]
        pane.refresh()
        _settle(app, lambda: False, 0.5)

        rows = output / f"calendar-sync-state-{language}.png"
        pane.grab().save(str(rows))
        paths.append(rows)

        window.show_sync_log()
        log_window = window.sync_log
        assert log_window is not None
        _settle(app, lambda: False, 0.5)
        log_path = output / f"sync-log-{language}.png"
        log_window.grab().save(str(log_path))
        paths.append(log_path)
        log_window.close()
        window.close()
    store.close()
    return paths


def main() -> int:
    output = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    output.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    apply_style(app)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["KESHER_HOME"] = str(Path(folder) / "home")
        backend = PlaintextKeyring()
        backend.file_path = str(Path(folder) / "keyring" / "passwords.cfg")
        keyring.set_keyring(backend)
        for language in ("he", "en"):
            for path in render(app, language, Path(folder), output):
                print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
