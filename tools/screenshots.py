"""Render the contact page and the reminders panel, in Hebrew and in English.

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [output folder]

Builds a throw-away store of invented Israeli contacts and saves contact-page-{he,en}.png
(the main window with a meeting open in the drawer), reminders-panel-{he,en}.png (fired
reminders, one late, one back from a snooze and one with a long title, and three reminder
mails that failed) and invitation-{he,en}.png (a meeting whose invitation was sent, one
participant accepting and one declining, beside a call whose invitation failed) in
docs/screenshots/ unless told another folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from kesher_desktop.clock import FrozenClock  # noqa: E402
from kesher_desktop.db.store import open_sqlite  # noqa: E402
from kesher_desktop.models import ActivityKind  # noqa: E402
from kesher_desktop.services.activities import PersonRef, ReminderEntry  # noqa: E402
from kesher_desktop.services.bundle import Services  # noqa: E402
from kesher_desktop.services.contacts import ContactDraft, EmailEntry, PhoneEntry  # noqa: E402
from kesher_desktop.services.invitations import InvitationService  # noqa: E402
from kesher_desktop.services.mail_outbox import MailDraft, MailOutbox  # noqa: E402
from kesher_desktop.services.reminder_times import SnoozeChoice  # noqa: E402
from kesher_desktop.settings import Settings, SmtpSecurity, SmtpSettings  # noqa: E402
from kesher_desktop.ui.i18n import install_language  # noqa: E402
from kesher_desktop.ui.invitation_mail import invitation_composer  # noqa: E402
from kesher_desktop.ui.main_window import MainWindow  # noqa: E402
from kesher_desktop.ui.reminders_panel import RemindersPanel  # noqa: E402
from kesher_desktop.ui.style import apply_style  # noqa: E402

NOW = datetime(2026, 3, 10, 8, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
ROOT = Path(__file__).resolve().parent.parent


def sample_services(folder: Path) -> tuple[Services, int, int]:
    """A store with one rich contact; returns the services, the contact and a meeting id."""
    services = Services.over(
        open_sqlite(folder / "sample.sqlite3"), FrozenClock(NOW, ZoneInfo("Asia/Jerusalem"))
    )
    services.users.rename_me("נועה ברק", "noa@kesher.co.il")
    avi = services.users.add("אבי מזרחי", "avi@kesher.co.il")
    services.contacts.create(ContactDraft(given_name="יוסי", family_name="אברהם"))
    dana = services.contacts.create(
        ContactDraft(
            given_name="דנה",
            family_name="לוי",
            organisation="לוי ייעוץ בע״מ",
            role="מנכ״לית",
            phones=[PhoneEntry("052-123-4567", "mobile"), PhoneEntry("03-555-1234", "work")],
            emails=[EmailEntry("dana.levi@example.co.il", "work")],
            address="רחוב הרצל 12, תל אביב",
            birthday=date(1984, 6, 21),
            notes="מעדיפה פגישות בבוקר.",
            tags=["לקוחות", "VIP", "תל אביב"],
            fields=[("ח.פ.", "514567890"), ("מקור", "כנס יזמות 2025"), ("ענף", "ייעוץ עסקי")],
        )
    )
    services.contacts.set_tag_color("VIP", "#f59e0b")
    services.contacts.set_tag_color("לקוחות", "#2563eb")
    services.contacts.set_tag_color("תל אביב", "#d1fae5")
    _sample_activities(services, dana, avi)
    # Real files, stored as a drop stores them: a document row without its copy reads as
    # missing. The clock is set back for the older one, then returned.
    clock = services.clock
    assert isinstance(clock, FrozenClock)
    for name, size, added_at in (
        ("הסכם שירות.docx", 48_000, NOW - 9 * DAY),
        ("הצעת מחיר 2026.pdf", 183_000, NOW),
    ):
        clock.set(added_at)
        services.documents.add_files(dana, None, [sample_file(folder / "desk", name, size)])
    clock.set(NOW)

    meeting = services.activities.rows_for_contact(dana)[1].id
    return services, dana, meeting


def sample_file(folder: Path, name: str, size: int) -> Path:
    """A file of `size` bytes named `name`; its content differs by name."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    with path.open("wb") as handle:
        handle.write(name.encode())
        handle.truncate(size)
    return path


def _sample_activities(services: Services, dana: int, avi: int) -> None:
    activities = services.activities
    me = services.users.me().id

    meeting = activities.new_draft(dana, ActivityKind.MEETING)
    meeting.title = "פגישת היכרות ותיאום ציפיות"
    meeting.starts_at, meeting.ends_at = NOW + DAY + 3 * HOUR, NOW + DAY + 4 * HOUR
    meeting.location = "משרדי לוי ייעוץ, קומה 4"
    meeting.topics = "הצגת השירות\nלוחות זמנים\nתמחור"
    meeting.participants.append(PersonRef("user", avi))
    meeting.reminders = [ReminderEntry(15), ReminderEntry(24 * 60, notify_others=True)]
    meeting.add_to_calendar = True
    activities.create(dana, meeting)

    call = activities.new_draft(dana, ActivityKind.CALL)
    call.title = "שיחת מעקב על ההצעה"
    call.starts_at, call.duration_minutes = NOW - DAY, 15
    activities.create(dana, call)

    task = activities.new_draft(dana, ActivityKind.TASK)
    task.title = "לשלוח הצעת מחיר מעודכנת"
    task.due_date = (NOW + 3 * DAY).date()
    task.responsible = [me, avi]
    activities.create(dana, task)

    done = activities.new_draft(dana, ActivityKind.MEETING)
    done.title = "פגישה ראשונה"
    done.starts_at, done.ends_at = NOW - 8 * DAY, NOW - 8 * DAY + HOUR
    done.done = True
    activities.create(dana, done)

    cancelled = activities.new_draft(dana, ActivityKind.CALL)
    cancelled.title = "שיחה עם רואה החשבון"
    cancelled.starts_at = NOW - 2 * DAY
    activities.set_cancelled(activities.create(dana, cancelled), True)

    activities.log_email(
        dana,
        "סיכום פגישה והצעת מחיר",
        NOW - 7 * DAY,
        "noa@kesher.co.il",
        "dana.levi@example.co.il",
        "",
        "שלום דנה,\nמצורפת הצעת המחיר כפי שסיכמנו.\nנועה",
    )


def render(app: QApplication, language: str, folder: Path, output: Path) -> Path:
    """The whole main window on Dana's page, with a meeting open in the drawer."""
    install_language(app, language)
    services, dana, meeting = sample_services(folder / language)
    window = MainWindow(Settings(language=language))
    window.attach_services(services)
    assert window.contact_list is not None and window.contact_page is not None
    window.contact_list.select_contact(dana)
    window.contact_page.show_contact(dana)
    window.drawer.open_existing(meeting)  # type: ignore[union-attr]
    window.resize(1600, 940)
    window.show()
    # Children added to shown widgets are shown, and laid out, over a few event-loop turns.
    for _ in range(5):
        app.processEvents()

    path = output / f"contact-page-{language}.png"
    window.grab().save(str(path))
    window.close()
    services.store.close()
    return path


def fire_sample_reminders(services: Services, dana: int) -> MailOutbox:
    """Reminders fired on time, late and after a snooze, one with a long title, and three
    mails that failed."""
    clock = services.clock
    assert isinstance(clock, FrozenClock)
    yossi = services.contacts.list_page("יוסי", 0, 1)[0].id
    activities = services.activities

    def planned(
        contact: int, kind: ActivityKind, title: str, starts: timedelta, before: int
    ) -> int:
        draft = activities.new_draft(contact, kind)
        draft.title = title
        draft.starts_at = NOW + starts
        if kind is ActivityKind.MEETING:
            draft.ends_at = draft.starts_at + HOUR
        draft.reminders = [ReminderEntry(before)]
        return activities.create(contact, draft)

    planned(
        dana,
        ActivityKind.TASK,
        "לחדש את חוזה השירות השנתי ולתאם עם הנהלת החשבונות של הלקוח את תנאי התשלום "
        "החדשים לפני סוף הרבעון",
        20 * MINUTE,
        10,
    )
    yossi_call = planned(yossi, ActivityKind.CALL, "שיחה על שיתוף פעולה", 40 * MINUTE, 30)
    planned(dana, ActivityKind.MEETING, "פגישת היכרות ותיאום ציפיות", 30 * MINUTE, 15)
    # Its reminder fell due while the app was closed: it comes 15 minutes late.
    planned(dana, ActivityKind.CALL, "שיחת מעקב על ההצעה", 45 * MINUTE, 45)

    clock.set(NOW + 10 * MINUTE + timedelta(seconds=30))
    for fired in services.reminders.claim_due():
        if fired.activity_id == yossi_call:
            services.reminders.snooze(fired.alert_id, SnoozeChoice.FIVE_MINUTES)
    clock.set(NOW + 15 * MINUTE + timedelta(seconds=40))
    services.reminders.claim_due()

    outbox = MailOutbox(services.store, clock)
    for subject, reason in FAILED_MAILS:
        with services.store.session() as session:
            mail = outbox.enqueue(session, MailDraft(["dana.levi@example.co.il"], subject, "", ""))
        outbox.mark_failed(mail, reason)
    return outbox


# Three reminder mails that failed, one for each kind of reason the panel explains.
FAILED_MAILS = (
    ("תזכורת: פגישת היכרות ותיאום ציפיות (11/03/2026 13:00)", "535 5.7.8 Authentication failed"),
    ("תזכורת: שיחת מעקב על ההצעה (10/03/2026 10:45)", "[Errno 111] Connection refused"),
    ("Reminder: Quarterly review (12/03/2026 09:30)", "552 5.3.4 Message size exceeds limit"),
)


def render_reminders(app: QApplication, language: str, folder: Path, output: Path) -> Path:
    """The reminders panel on its own, as it docks beside the contact page."""
    install_language(app, language)
    services, dana, _meeting = sample_services(folder / f"reminders-{language}")
    outbox = fire_sample_reminders(services, dana)
    panel = RemindersPanel(services.reminders, outbox, services.clock.zone)
    panel.refresh()
    panel.resize(520, 440)
    panel.show()
    for _ in range(5):
        app.processEvents()

    path = output / f"reminders-panel-{language}.png"
    panel.grab().save(str(path))
    panel.close()
    services.store.close()
    return path


def _reply(uid: str, address: str, answer: str) -> bytes:
    """An iMIP reply as the invitee's calendar program sends it back."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "METHOD:REPLY",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "SEQUENCE:0",
        "DTSTAMP:20260310T090000Z",
        f"ATTENDEE;PARTSTAT={answer}:mailto:{address}",
        "ORGANIZER:mailto:noa@kesher.co.il",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def sample_invitations(services: Services, dana: int, meeting: int) -> None:
    """The meeting's invitation sent, Dana accepting and Avi declining; a call's failed."""
    from kesher_desktop.models import Activity

    smtp = SmtpSettings("smtp.kesher.co.il", 587, SmtpSecurity.STARTTLS, "noa", "noa@kesher.co.il")
    outbox = MailOutbox(services.store, services.clock)
    invitations = InvitationService(
        services.store,
        services.clock,
        outbox,
        lambda: smtp,
        invitation_composer(lambda: services.clock.zone),
    )
    invitations.attach(services.activities)
    services.invitations = invitations

    draft = services.activities.draft_of(meeting)
    draft.send_invitation = True
    services.activities.update(meeting, draft)
    for mail in outbox.claim(100):
        outbox.mark_sent(mail.id)
    with services.store.session() as session:
        activity = session.get(Activity, meeting)
        assert activity is not None
        uid = activity.calendar_uid
    invitations.record_reply(_reply(uid, "dana.levi@example.co.il", "ACCEPTED"))
    invitations.record_reply(_reply(uid, "avi@kesher.co.il", "DECLINED"))

    call = services.activities.new_draft(dana, ActivityKind.CALL)
    call.title = "שיחת תיאום לפני הפגישה"
    call.starts_at, call.duration_minutes = NOW + 5 * HOUR, 20
    call.send_invitation = True
    services.activities.create(dana, call)
    for mail in outbox.claim(100):
        outbox.mark_failed(mail.id, "550 5.1.1 <dana.levi@example.co.il>: Recipient rejected")


def render_invitation(app: QApplication, language: str, folder: Path, output: Path) -> Path:
    """The main window on Dana's page, the invited meeting open in the drawer."""
    install_language(app, language)
    services, dana, meeting = sample_services(folder / f"invitation-{language}")
    sample_invitations(services, dana, meeting)
    window = MainWindow(Settings(language=language))
    window.attach_services(services)
    assert window.contact_list is not None and window.contact_page is not None
    window.contact_list.select_contact(dana)
    window.contact_page.show_contact(dana)
    window.drawer.open_existing(meeting)  # type: ignore[union-attr]
    window.resize(1600, 940)
    window.show()
    for _ in range(5):
        app.processEvents()

    path = output / f"invitation-{language}.png"
    window.grab().save(str(path))
    window.close()
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
            print(render(app, language, Path(folder), output))
            print(render_reminders(app, language, Path(folder), output))
            print(render_invitation(app, language, Path(folder), output))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
