"""The VCALENDAR text itself: quoted names, UTC times, folding between letters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kesher_desktop.models import CalendarMethod
from kesher_desktop.services.calendar_file import (
    CalendarEvent,
    CalendarPerson,
    calendar_text,
    unfold,
)

START = datetime(2026, 3, 12, 8, 0, 30, 123456, tzinfo=UTC)


def _event(**changes: object) -> CalendarEvent:
    values: dict[str, object] = {
        "uid": "0b7a9e52-3f0c-4c55-9f57-1f0e2a6b8d11",
        "method": CalendarMethod.REQUEST,
        "sequence": 3,
        "stamp": START,
        "starts_at": START,
        "ends_at": START + timedelta(hours=1),
        "summary": "פגישה",
        "description": "",
        "location": "",
        "organizer": CalendarPerson("noa@kesher.example", "נועה"),
        "attendees": (CalendarPerson("dana@example.com", "דנה"), CalendarPerson("x@y.com", "")),
    }
    values.update(changes)
    return CalendarEvent(**values)  # type: ignore[arg-type]


def _unfolded(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_every_name_is_quoted_even_one_word_and_a_missing_name_is_the_address() -> None:
    lines = _unfolded(calendar_text(_event()))

    assert 'ORGANIZER;CN="נועה":mailto:noa@kesher.example' in lines
    attendees = [line for line in lines if line.startswith("ATTENDEE")]
    assert len(attendees) == 2
    assert attendees[0].startswith('ATTENDEE;CN="דנה";')
    assert attendees[1].startswith('ATTENDEE;CN="x@y.com";')


def test_times_are_utc_to_the_second_and_empty_fields_are_left_out() -> None:
    lines = _unfolded(calendar_text(_event()))

    assert "DTSTART:20260312T080030Z" in lines
    assert "DTEND:20260312T090030Z" in lines
    assert "DTSTAMP:20260312T080030Z" in lines
    assert "SEQUENCE:3" in lines
    assert not any(line.startswith(("LOCATION", "DESCRIPTION")) for line in lines)


def test_a_cancel_says_cancelled() -> None:
    lines = _unfolded(calendar_text(_event(method=CalendarMethod.CANCEL)))
    assert "METHOD:CANCEL" in lines and "STATUS:CANCELLED" in lines


def test_long_hebrew_lines_fold_at_75_octets_with_no_letter_split() -> None:
    # Odd lengths of ASCII before the Hebrew move the two-byte letters across every boundary.
    for prefix in ("", "a", "ab", "abc"):
        text = calendar_text(
            _event(summary=prefix + "שלום עולם " * 30, description=prefix + "א" * 200)
        )
        raw = text.encode("utf-8")
        for line in raw.split(b"\r\n"):
            assert len(line) <= 75
            line.decode("utf-8")
        assert "SUMMARY:" + prefix + "שלום עולם " * 30 in _unfolded(text)


def test_unfolding_joins_bytes_after_crlf_or_a_bare_lf_then_a_space_or_tab() -> None:
    letter = "ש".encode()
    folded = b"SUMMARY:" + letter[:1] + b"\r\n " + letter[1:] + b"x\n\ty\r\nEND"
    assert unfold(folded) == b"SUMMARY:" + letter + b"xy\r\nEND"
