"""The reminder e-mail: what, when (in the user's zone), where, with whom, in the UI language."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication

from kesher_desktop.models import ActivityKind
from kesher_desktop.services.activity_views import PersonRef, PersonView
from kesher_desktop.ui.durations import duration_text
from kesher_desktop.ui.i18n import install_language
from kesher_desktop.ui.reminder_list_model import late_text
from kesher_desktop.ui.reminder_mail import reminder_mail
from tests.services.reminder_scene import sample_fired

JERUSALEM = ZoneInfo("Asia/Jerusalem")
# Unicode's invisible direction marks, which the mail puts around names and times.
MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    """Switch the UI language inside a test; English again afterwards."""

    def switch(code: str) -> None:
        install_language(qapp, code)

    yield switch
    install_language(qapp, "en")


def _visible(text: str) -> str:
    return MARKS.sub("", text)


@pytest.mark.usefixtures("qapp")
def test_the_english_mail_says_what_when_where_and_with_whom() -> None:
    mail = reminder_mail(sample_fired(), JERUSALEM, ["me@example.com"])

    assert mail.to == ["me@example.com"]
    assert mail.alert_id == 41
    assert mail.subject == "Reminder: Quarterly review (10/03/2026 10:00)"
    text = _visible(mail.text)
    assert "Meeting with דנה לוי" in text
    assert "What: Quarterly review" in text
    assert "When: Tuesday, 10 March 2026, 10:00–11:00 (Asia/Jerusalem)" in text
    assert "Where: Herzl 12, Tel Aviv" in text
    # The contact once, first, though also listed among the participants.
    assert "With: דנה לוי, Noa Barak" in text
    assert "late" not in text


@pytest.mark.usefixtures("qapp")
def test_the_time_is_written_in_the_users_zone_in_summer_too() -> None:
    july = datetime(2026, 7, 14, 7, 0, tzinfo=UTC)
    mail = reminder_mail(sample_fired(starts_at=july, ends_at=None), JERUSALEM, ["me@example.com"])

    assert "When: Tuesday, 14 July 2026, 10:00 (Asia/Jerusalem)" in _visible(mail.text)
    assert mail.subject.endswith("(14/07/2026 10:00)")

    in_london = reminder_mail(
        sample_fired(starts_at=july, ends_at=None), ZoneInfo("Europe/London"), ["me@example.com"]
    )
    assert "08:00 (Europe/London)" in _visible(in_london.text)


@pytest.mark.usefixtures("qapp")
def test_the_plain_text_has_no_links_or_markup_and_the_html_escapes_everything() -> None:
    mail = reminder_mail(
        sample_fired(title="<b>Offer</b> & http://evil.example", location="A&B <Ltd>"),
        JERUSALEM,
        ["me@example.com"],
    )

    assert "<b>Offer</b> & http://evil.example" in mail.text  # the user's own words, as typed
    assert "<p" not in mail.text and "href" not in mail.text
    assert "&lt;b&gt;Offer&lt;/b&gt; &amp; http://evil.example" in mail.html
    assert "A&amp;B &lt;Ltd&gt;" in mail.html
    assert "<b>" not in mail.html and "href" not in mail.html
    assert mail.html.startswith("<!DOCTYPE html>")
    assert '<html lang="en" dir="ltr">' in mail.html


@pytest.mark.usefixtures("qapp")
def test_a_late_reminder_says_how_late() -> None:
    for late_by, words in [
        (timedelta(minutes=15), "15 minutes late"),
        (timedelta(seconds=70), "one minute late"),
        (timedelta(minutes=2, seconds=34), "2 minutes late"),
        (timedelta(hours=3, minutes=10), "3 hours and 10 minutes late"),
        (timedelta(days=2, hours=1), "two days late"),
    ]:
        mail = reminder_mail(sample_fired(late_by=late_by), JERUSALEM, ["me@example.com"])
        assert f"This reminder is {words}" in mail.text
        assert words in mail.html


@pytest.mark.usefixtures("qapp")
def test_the_mail_and_the_panel_say_the_same_lateness() -> None:
    # 2 min 34 s once read "3 minutes" in the mail and "2 minutes" in the panel.
    late_by = timedelta(minutes=2, seconds=34)
    mail = reminder_mail(sample_fired(late_by=late_by), JERUSALEM, ["me@example.com"])
    assert f"This reminder is {duration_text(late_by)} late" in mail.text
    assert late_text(late_by) == f"{duration_text(late_by)} late"
    # Under a minute is not late enough to say.
    quick = reminder_mail(sample_fired(late_by=timedelta(seconds=40)), JERUSALEM, ["a@b.example"])
    assert "late" not in quick.text


@pytest.mark.usefixtures("qapp")
def test_a_date_only_task_names_its_day_its_contact_and_who_is_responsible() -> None:
    task = sample_fired(
        kind=ActivityKind.TASK,
        title="",
        starts_at=None,
        ends_at=None,
        due_date=date(2026, 3, 12),
        location="",
        participants=[PersonView(PersonRef("user", 1), "Noa Barak", "noa@example.com")],
    )

    mail = reminder_mail(task, JERUSALEM, ["me@example.com"])

    assert mail.subject == "Reminder: Task for דנה לוי (12/03/2026)"
    text = _visible(mail.text)
    assert "When: Thursday, 12 March 2026\n" in text
    assert "Contact: דנה לוי" in text
    assert "Responsible: Noa Barak" in text
    assert "What:" not in text and "Where:" not in text


@pytest.mark.usefixtures("qapp")
def test_a_meeting_past_midnight_names_both_days() -> None:
    starts_at = datetime(2026, 3, 10, 21, 0, tzinfo=UTC)  # 23:00 in Jerusalem
    mail = reminder_mail(
        sample_fired(starts_at=starts_at, ends_at=starts_at + timedelta(hours=2)),
        JERUSALEM,
        ["me@example.com"],
    )

    assert (
        "When: Tuesday, 10 March 2026, 23:00 (Asia/Jerusalem) until Wednesday, 11 March 2026, "
        "01:00" in _visible(mail.text)
    )


def test_the_hebrew_mail_is_in_hebrew_and_right_to_left(
    language: Callable[[str], None],
) -> None:
    language("he")

    mail = reminder_mail(
        sample_fired(late_by=timedelta(minutes=15), is_snooze=True), JERUSALEM, ["me@example.com"]
    )

    assert mail.subject == "תזכורת: Quarterly review (10/03/2026 10:00)"
    text = _visible(mail.text)
    assert "פגישה עם דנה לוי" in text
    assert "מתי: יום שלישי, 10 במרץ 2026, 10:00–11:00 (Asia/Jerusalem)" in text
    assert "באיחור של 15 דקות" in text
    assert "עם מי: דנה לוי, Noa Barak" in text
    assert '<html lang="he" dir="rtl">' in mail.html
    assert mail.html.count('dir="rtl"') >= 5
    # Times and the zone stay left-to-right inside the Hebrew sentence.
    assert "\u206610:00–11:00\u2069" in mail.text
    assert "\u2066Asia/Jerusalem\u2069" in mail.html
