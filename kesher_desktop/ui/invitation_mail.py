"""The readable part of an invitation e-mail, written in the UI's language when it is queued.

The calendar part beside it is made by `services.calendar_file`; this module writes what a
person reads: who invites them to what, when (in the user's zone) and where, as plain text
and as HTML laid out right-to-left in Hebrew.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt

from kesher_desktop.models import ActivityKind, CalendarMethod
from kesher_desktop.services.invitation_views import Composer, InvitationMessage, InvitationText
from kesher_desktop.ui.widgets.bidi import isolate, isolate_ltr
from kesher_desktop.ui.widgets.zoned_time import TIME_FORMAT, format_day, to_qdate

LRM = "\u200e"
RLM = "\u200f"


def invitation_composer(zone: Callable[[], ZoneInfo]) -> Composer:
    """The composer `InvitationService` takes, writing times in the zone of the moment."""

    def compose(message: InvitationMessage) -> InvitationText:
        return invitation_mail(message, zone())

    return compose


def invitation_mail(message: InvitationMessage, zone: ZoneInfo) -> InvitationText:
    """Subject, plain text and HTML of one invitation, update or cancel, and its SUMMARY."""
    summary = message.title or _default_summary(message)
    heading = _heading(message)
    rows = _rows(message, summary, zone)
    footer = _footer(message)
    # No invisible direction marks in a header: some mail programs show them as boxes.
    subject = _subject(message).format(what=summary, when=_short_when(message, zone))
    return InvitationText(
        subject=subject,
        text=_plain_text(heading, rows, message.topics, footer),
        html=_html(subject, heading, rows, message.topics, footer),
        summary=summary,
    )


def _tr(text: str) -> str:
    return QCoreApplication.translate("InvitationMail", text)


def _default_summary(message: InvitationMessage) -> str:
    if message.kind is ActivityKind.CALL:
        return QCoreApplication.translate("InvitationMail", "Call with {organizer}").format(
            organizer=message.organizer
        )
    return QCoreApplication.translate("InvitationMail", "Meeting with {organizer}").format(
        organizer=message.organizer
    )


def _subject(message: InvitationMessage) -> str:
    if message.method is CalendarMethod.CANCEL:
        return QCoreApplication.translate("InvitationMail", "Cancelled: {what} ({when})")
    if message.is_update:
        return QCoreApplication.translate("InvitationMail", "Updated invitation: {what} ({when})")
    return QCoreApplication.translate("InvitationMail", "Invitation: {what} ({when})")


# One sentence per kind and case, so each language can word them its own way.
HEADINGS = {
    (ActivityKind.MEETING, "new"): QT_TRANSLATE_NOOP(
        "InvitationMail", "{organizer} invites you to a meeting."
    ),
    (ActivityKind.CALL, "new"): QT_TRANSLATE_NOOP(
        "InvitationMail", "{organizer} invites you to a call."
    ),
    (ActivityKind.MEETING, "update"): QT_TRANSLATE_NOOP(
        "InvitationMail", "{organizer} has changed the meeting you are invited to."
    ),
    (ActivityKind.CALL, "update"): QT_TRANSLATE_NOOP(
        "InvitationMail", "{organizer} has changed the call you are invited to."
    ),
    (ActivityKind.MEETING, "cancel"): QT_TRANSLATE_NOOP(
        "InvitationMail", "{organizer} has cancelled the meeting."
    ),
    (ActivityKind.CALL, "cancel"): QT_TRANSLATE_NOOP(
        "InvitationMail", "{organizer} has cancelled the call."
    ),
    (ActivityKind.MEETING, "removed"): QT_TRANSLATE_NOOP(
        "InvitationMail", "{organizer} has taken you off this meeting's invitees."
    ),
    (ActivityKind.CALL, "removed"): QT_TRANSLATE_NOOP(
        "InvitationMail", "{organizer} has taken you off this call's invitees."
    ),
}

LABELS = {
    "what": QT_TRANSLATE_NOOP("InvitationMail", "What"),
    "when": QT_TRANSLATE_NOOP("InvitationMail", "When"),
    "where": QT_TRANSLATE_NOOP("InvitationMail", "Where"),
    "with": QT_TRANSLATE_NOOP("InvitationMail", "Invited"),
    "organizer": QT_TRANSLATE_NOOP("InvitationMail", "Organizer"),
}


def _heading(message: InvitationMessage) -> str:
    if message.method is CalendarMethod.CANCEL:
        case = "removed" if message.removed else "cancel"
    else:
        case = "update" if message.is_update else "new"
    kind = ActivityKind.CALL if message.kind is ActivityKind.CALL else ActivityKind.MEETING
    return _tr(HEADINGS[(kind, case)]).format(organizer=isolate(message.organizer))


def _rows(message: InvitationMessage, summary: str, zone: ZoneInfo) -> list[tuple[str, str]]:
    """(label, value) pairs, leaving out what the activity does not have."""
    rows = [
        ("what", isolate(summary)),
        ("when", _when(message, zone)),
        ("where", isolate(message.location.strip())),
        ("organizer", isolate(message.organizer)),
        ("with", _listed([isolate(name) for name in message.attendees])),
    ]
    return [(_tr(LABELS[key]), value) for key, value in rows if value]


def _when(message: InvitationMessage, zone: ZoneInfo) -> str:
    """ "Tuesday, 10 March 2026, 10:00–11:00 (Asia/Jerusalem)", the end day too if another."""
    start = message.starts_at.astimezone(zone)
    end = message.ends_at.astimezone(zone)
    day = QLocale().toString(to_qdate(start.date()), QLocale.FormatType.LongFormat)
    if end.date() == start.date():
        times = f"{start.strftime(TIME_FORMAT)}\u2013{end.strftime(TIME_FORMAT)}"
    else:
        times = f"{start.strftime(TIME_FORMAT)}\u2013{format_day(end.date())} "
        times += end.strftime(TIME_FORMAT)
    return QCoreApplication.translate("InvitationMail", "{day}, {time} ({zone})").format(
        day=day, time=isolate_ltr(times), zone=isolate_ltr(zone.key)
    )


def _short_when(message: InvitationMessage, zone: ZoneInfo) -> str:
    local = message.starts_at.astimezone(zone)
    return f"{format_day(local.date())} {local.strftime(TIME_FORMAT)}"


def _footer(message: InvitationMessage) -> str:
    if message.method is CalendarMethod.CANCEL:
        return QCoreApplication.translate(
            "InvitationMail", "Your calendar program can remove it from your calendar."
        )
    return QCoreApplication.translate(
        "InvitationMail", "Your calendar program can add it to your calendar and send your answer."
    )


def _plain_text(heading: str, rows: list[tuple[str, str]], topics: str, footer: str) -> str:
    lines = [heading, ""]
    lines += [f"{label}: {value}" for label, value in rows]
    if topics.strip():
        lines += ["", topics.strip()]
    lines += ["", footer]
    return "\n".join(lines) + "\n"


def _html(
    subject: str, heading: str, rows: list[tuple[str, str]], topics: str, footer: str
) -> str:
    """A small HTML page; one paragraph a line, as tables do not mirror in every program."""
    locale = QLocale()
    direction = "rtl" if locale.textDirection() == Qt.LayoutDirection.RightToLeft else "ltr"
    language = locale.bcp47Name().split("-")[0]
    e = html.escape

    rows_html = "".join(
        f'<p dir="{direction}" style="margin:0 0 8px 0">'
        f'<span style="color:#6b7280">{e(label)}:</span> {e(value)}</p>\n'
        for label, value in rows
    )
    topics_html = ""
    if topics.strip():
        lines = "<br>".join(e(line) for line in topics.strip().split("\n"))
        topics_html = f'<p dir="auto" style="margin:16px 0 0 0">{lines}</p>\n'
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{e(language)}" dir="{direction}">\n'
        f'<head><meta charset="utf-8"><title>{e(subject)}</title></head>\n'
        f'<body dir="{direction}" style="font-family:Arial, Helvetica, sans-serif;'
        f' color:#1f2937; font-size:15px">\n'
        f'<h2 dir="{direction}" style="margin:0 0 12px 0">{e(heading)}</h2>\n'
        f"{rows_html}{topics_html}"
        f'<p dir="{direction}" style="color:#9ca3af; font-size:12px; margin-top:24px">'
        f"{e(footer)}</p>\n"
        "</body>\n</html>\n"
    )


def _listed(values: list[str]) -> str:
    """Names joined by commas that stay in the page's direction between them."""
    rtl = QLocale().textDirection() == Qt.LayoutDirection.RightToLeft
    return f"{RLM if rtl else LRM}, ".join(values)
