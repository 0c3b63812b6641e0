"""The words for Google Calendar sync: each row's state, the reasons, the log's entries."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from kesher_desktop.models import SyncLogKind
from kesher_desktop.services.calendar_status import ActivitySync, SyncState
from kesher_desktop.ui.widgets.bidi import isolate, isolate_ltr, shorten
from kesher_desktop.ui.widgets.zoned_time import format_instant

translate = QCoreApplication.translate


def sync_text(state: SyncState) -> str:
    """The few words of the row's calendar mark; "" when there is nothing to show."""
    words = {
        SyncState.WAITING: translate("CalendarSync", "Waiting to sync"),
        SyncState.SYNCED: translate("CalendarSync", "In Google Calendar"),
        SyncState.FAILED: translate("CalendarSync", "Sync failed"),
        SyncState.REMOVED_IN_GOOGLE: translate("CalendarSync", "Removed in Google"),
        SyncState.CONFLICT: translate("CalendarSync", "Changed in both"),
    }
    return words.get(state, "")


def reason_text(code: str) -> str:
    """A sentence for a reason code of the sync, its outbox or its log."""
    reasons = {
        "network": translate("CalendarSync", "Google could not be reached (no network?)."),
        "server_error": translate("CalendarSync", "Google had a problem of its own."),
        "rate_limited": translate("CalendarSync", "Google asked Kesher to slow down."),
        "quota_exceeded": translate(
            "CalendarSync", "Google's daily allowance of calls is used up."
        ),
        "reconnect_needed": translate(
            "CalendarSync", "Google no longer accepts Kesher's access: connect again."
        ),
        "sign_in_failed": translate("CalendarSync", "Signing in to Google failed."),
        "rejected": translate("CalendarSync", "Google refused this change."),
        "unexpected": translate("CalendarSync", "Something unexpected went wrong."),
        "all_day_not_allowed": translate(
            "CalendarSync", "This kind of activity cannot be a whole day."
        ),
        "deleted_in_google": translate(
            "CalendarSync", "The event was deleted in Google Calendar."
        ),
        "changed_on_both_sides": translate(
            "CalendarSync", "It was changed both here and in Google Calendar."
        ),
        "created": translate("CalendarSync", "Added to Google Calendar."),
        "updated": translate("CalendarSync", "Updated."),
        "removed": translate("CalendarSync", "Removed from Google Calendar."),
        "restored": translate("CalendarSync", "Put back in Google Calendar."),
        "moved": translate("CalendarSync", "Moved to the calendar chosen in Settings."),
        "kept_google_changes": translate(
            "CalendarSync", "Google's own changes were kept beside ours."
        ),
        "end_before_start": translate("CalendarSync", "Google's times end before they start."),
    }
    return reasons.get(code) or translate("CalendarSync", "Reason: {code}").format(
        code=isolate_ltr(code)
    )


def kind_text(kind: SyncLogKind) -> str:
    words = {
        SyncLogKind.PUSHED: translate("CalendarSync", "Sent to Google"),
        SyncLogKind.PULLED: translate("CalendarSync", "Taken from Google"),
        SyncLogKind.MERGED: translate("CalendarSync", "Merged"),
        SyncLogKind.REFUSED: translate("CalendarSync", "Refused"),
        SyncLogKind.CONFLICT: translate("CalendarSync", "Conflict"),
        SyncLogKind.FAILED: translate("CalendarSync", "Failed"),
    }
    return words[kind]


def sync_tip(sync: ActivitySync, zone: ZoneInfo) -> str:
    """Where the activity stands with Google, why, and what the user can do about it."""
    state = sync.state
    lines = [sync_text(state)]
    if state is SyncState.SYNCED and sync.synced_at is not None:
        lines.append(
            translate("CalendarSync", "Last synced {time}.").format(
                time=_when(sync.synced_at, zone)
            )
        )
    elif state is SyncState.WAITING:
        lines.append(translate("CalendarSync", "It goes to Google Calendar at the next sync."))
    elif state is SyncState.FAILED:
        lines.append(reason_text(sync.reason))
        if sync.detail:
            lines.append(isolate_ltr(shorten(sync.detail, 120)))
        if sync.next_attempt_at is not None:
            lines.append(
                translate("CalendarSync", "Attempts so far: {count}; next try {time}.").format(
                    count=sync.attempts, time=_when(sync.next_attempt_at, zone)
                )
            )
    elif state is SyncState.REMOVED_IN_GOOGLE:
        lines.append(
            translate(
                "CalendarSync",
                "Deleted in Google Calendar. The ⋮ menu puts it back or deletes it here too.",
            )
        )
    elif state is SyncState.CONFLICT:
        lines.append(
            translate(
                "CalendarSync",
                "Changed both here and in Google Calendar; Kesher's version was kept. "
                "Google's copy is in the sync log (File menu).",
            )
        )
    return "\n".join(lines)


def google_copy_text(copy: dict[str, Any] | None, zone: ZoneInfo) -> str:
    """Google's version of an event in one line: its title, when, where; or its deletion."""
    if not copy:
        return ""
    if copy.get("status") == "cancelled":
        return translate("CalendarSync", "Google's copy: deleted")
    parts = [isolate(shorten(str(copy.get("summary") or ""), 60))]
    start = copy.get("start") or {}
    if start.get("dateTime"):
        parts.append(_when(datetime.fromisoformat(start["dateTime"]), zone))
    elif start.get("date"):
        parts.append(isolate_ltr(str(start["date"])))
    if copy.get("location"):
        parts.append(isolate(shorten(str(copy["location"]), 60)))
    summary = ", ".join(part for part in parts if part)
    return translate("CalendarSync", "Google's copy: {summary}").format(summary=summary)


def _when(instant: datetime, zone: ZoneInfo) -> str:
    return isolate_ltr(format_instant(instant, zone))
