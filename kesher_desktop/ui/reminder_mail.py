"""The e-mail a fired reminder sends, written in the UI's language at the moment it fires.

Plain text with no links, and an HTML alternative laid out right-to-left in Hebrew. Times are
written in the user's zone and kept left-to-right inside Hebrew sentences, as on screen.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.mail_outbox import MailDraft
from kesher_desktop.services.reminders import FiredReminder
from kesher_desktop.ui.durations import duration_text
from kesher_desktop.ui.widgets.bidi import isolate, isolate_ltr
from kesher_desktop.ui.widgets.zoned_time import TIME_FORMAT, format_day, to_qdate

LRM = "\u200e"
RLM = "\u200f"


def reminder_mail(
    fired: FiredReminder, zone: ZoneInfo, recipients: list[str], organizer: str = ""
) -> MailDraft:
    """The mail for one fired reminder, to `recipients`, in the current UI language.

    Mine names the activity from my side ("Meeting with Dana"). A participant's copy is
    given the `organizer` (me) and is worded from no side: sent to Dana, "Meeting with
    Dana" would read as if she were meeting herself.
    """
    if organizer:
        return _participant_mail(fired, zone, recipients, organizer)
    heading = _heading(fired)
    rows = _rows(fired, zone)
    notes = _notes(fired)
    # No invisible direction marks in a header: some mail programs show them as boxes.
    subject = QCoreApplication.translate("ReminderMail", "Reminder: {what} ({when})").format(
        what=fired.title.strip() or _heading(fired, wrap=str), when=_short_when(fired, zone)
    )
    return MailDraft(
        to=recipients,
        subject=subject,
        text=_plain_text(heading, notes, rows),
        html=_html(subject, heading, notes, rows),
        alert_id=fired.alert_id,
    )


def _participant_mail(
    fired: FiredReminder, zone: ZoneInfo, recipients: list[str], organizer: str
) -> MailDraft:
    heading = _neutral_heading(fired, organizer, isolate)
    rows = _rows(fired, zone)
    notes = _notes(fired)
    subject = QCoreApplication.translate("ReminderMail", "Reminder: {what} ({when})").format(
        what=fired.title.strip() or _neutral_heading(fired, organizer, str),
        when=_short_when(fired, zone),
    )
    return MailDraft(
        to=recipients,
        subject=subject,
        text=_plain_text(heading, notes, rows),
        html=_html(subject, heading, notes, rows),
        alert_id=fired.alert_id,
    )


def _neutral_heading(fired: FiredReminder, organizer: str, wrap: Callable[[str], str]) -> str:
    """The activity named by its title or kind and who organises it, from no one's side."""
    title = fired.title.strip()
    if fired.kind is ActivityKind.MEETING:
        text = QCoreApplication.translate("ReminderMail", "Meeting organised by {organizer}")
    elif fired.kind is ActivityKind.CALL:
        text = QCoreApplication.translate("ReminderMail", "Call organised by {organizer}")
    else:
        text = QCoreApplication.translate("ReminderMail", "Task set by {organizer}")
    heading = text.format(organizer=wrap(organizer))
    if not title:
        return heading
    return QCoreApplication.translate("ReminderMail", "{title} \u2014 {organised}").format(
        title=wrap(title), organised=heading
    )


def _heading(fired: FiredReminder, wrap: Callable[[str], str] | None = None) -> str:
    contact = (wrap or isolate)(fired.contact_name)
    if fired.kind is ActivityKind.MEETING:
        return QCoreApplication.translate("ReminderMail", "Meeting with {contact}").format(
            contact=contact
        )
    if fired.kind is ActivityKind.CALL:
        return QCoreApplication.translate("ReminderMail", "Call with {contact}").format(
            contact=contact
        )
    return QCoreApplication.translate("ReminderMail", "Task for {contact}").format(contact=contact)


# Marked here and translated when a mail is written, so it follows the language of the moment.
LABELS = {
    "what": QT_TRANSLATE_NOOP("ReminderMail", "What"),
    "when": QT_TRANSLATE_NOOP("ReminderMail", "When"),
    "where": QT_TRANSLATE_NOOP("ReminderMail", "Where"),
    "with": QT_TRANSLATE_NOOP("ReminderMail", "With"),
    "contact": QT_TRANSLATE_NOOP("ReminderMail", "Contact"),
    "responsible": QT_TRANSLATE_NOOP("ReminderMail", "Responsible"),
}


def _rows(fired: FiredReminder, zone: ZoneInfo) -> list[tuple[str, str]]:
    """(label, value) pairs, leaving out what the activity does not have."""
    contact = isolate(fired.contact_name)
    names = [isolate(person.name) for person in fired.participants if person.name]
    if fired.kind is ActivityKind.TASK:
        people = [("contact", contact), ("responsible", _listed(names))]
    else:
        # The contact first, and once, whether or not it is listed among the participants.
        people = [("with", _listed(list(dict.fromkeys([contact, *names]))))]

    rows = [
        ("what", isolate(fired.title.strip())),
        ("when", _when(fired, zone)),
        ("where", isolate(fired.location.strip())),
        *people,
    ]
    return [
        (QCoreApplication.translate("ReminderMail", LABELS[key]), value)
        for key, value in rows
        if value
    ]


def _notes(fired: FiredReminder) -> list[str]:
    notes = []
    # Empty under a minute: the engine's own delay is not worth a sentence.
    duration = duration_text(fired.late_by)
    if duration:
        late = QCoreApplication.translate(
            "ReminderMail",
            "This reminder is {duration} late: the app was closed or the computer asleep "
            "when it was due.",
        )
        notes.append(late.format(duration=duration))
    if fired.is_snooze:
        notes.append(
            QCoreApplication.translate("ReminderMail", "You snoozed this reminder earlier.")
        )
    return notes


def _when(fired: FiredReminder, zone: ZoneInfo) -> str:
    """The long form: "Tuesday, 10 March 2026, 10:00–11:00 (Asia/Jerusalem)"."""
    if fired.starts_at is None:
        return _long_day(fired.due_date) if fired.due_date else ""
    start = fired.starts_at.astimezone(zone)
    times = start.strftime(TIME_FORMAT)
    end = fired.ends_at.astimezone(zone) if fired.ends_at else None
    if end is not None and end.date() == start.date():
        times = f"{times}\u2013{end.strftime(TIME_FORMAT)}"
    when = QCoreApplication.translate("ReminderMail", "{day}, {time} ({zone})").format(
        day=_long_day(start.date()), time=isolate_ltr(times), zone=isolate_ltr(zone.key)
    )
    if end is not None and end.date() != start.date():
        # A meeting that runs past midnight names the day it ends on too.
        ending = QCoreApplication.translate("ReminderMail", "{day}, {time}").format(
            day=_long_day(end.date()), time=isolate_ltr(end.strftime(TIME_FORMAT))
        )
        when = QCoreApplication.translate("ReminderMail", "{start} until {end}").format(
            start=when, end=ending
        )
    return when


def _short_when(fired: FiredReminder, zone: ZoneInfo) -> str:
    """Day and time as digits, for the subject line."""
    if fired.starts_at is None:
        return format_day(fired.due_date) if fired.due_date else ""
    local = fired.starts_at.astimezone(zone)
    return f"{format_day(local.date())} {local.strftime(TIME_FORMAT)}"


def _long_day(day: date) -> str:
    """Weekday, day, month and year in the UI's language: "יום שלישי, 10 במרץ 2026"."""
    return QLocale().toString(to_qdate(day), QLocale.FormatType.LongFormat)


def _footer() -> str:
    return QCoreApplication.translate("ReminderMail", "Sent by Kesher Desktop.")


def _plain_text(heading: str, notes: list[str], rows: list[tuple[str, str]]) -> str:
    lines = [heading, *notes, ""]
    lines += [f"{label}: {value}" for label, value in rows]
    lines += ["", _footer()]
    return "\n".join(lines) + "\n"


def _html(subject: str, heading: str, notes: list[str], rows: list[tuple[str, str]]) -> str:
    """A small HTML page; one paragraph a line, as tables do not mirror in every program."""
    locale = QLocale()
    rtl = locale.textDirection() == Qt.LayoutDirection.RightToLeft
    direction = "rtl" if rtl else "ltr"
    language = locale.bcp47Name().split("-")[0]
    e = html.escape

    notes_html = "".join(
        f'<p dir="{direction}" style="color:#b45309; font-weight:bold; margin:0 0 12px 0">'
        f"{e(note)}</p>\n"
        for note in notes
    )
    rows_html = "".join(
        f'<p dir="{direction}" style="margin:0 0 8px 0">'
        f'<span style="color:#6b7280">{e(label)}:</span> {e(value)}</p>\n'
        for label, value in rows
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{e(language)}" dir="{direction}">\n'
        f'<head><meta charset="utf-8"><title>{e(subject)}</title></head>\n'
        f'<body dir="{direction}" style="font-family:Arial, Helvetica, sans-serif;'
        f' color:#1f2937; font-size:15px">\n'
        f'<h2 dir="{direction}" style="margin:0 0 12px 0">{e(heading)}</h2>\n'
        f"{notes_html}{rows_html}"
        f'<p dir="{direction}" style="color:#9ca3af; font-size:12px; margin-top:24px">'
        f"{e(_footer())}</p>\n"
        "</body>\n</html>\n"
    )


def _listed(values: list[str]) -> str:
    """Values joined by commas that stay in the page's direction between them.

    A mark of the page's own direction after each value keeps two Hebrew names in an
    English line (or two English names in a Hebrew one) in the order they are listed, also
    in mail programs that ignore the isolating marks around each name.
    """
    rtl = QLocale().textDirection() == Qt.LayoutDirection.RightToLeft
    return f"{RLM if rtl else LRM}, ".join(values)
