"""How long, worded once for the panel and the mail: rounded down, in Hebrew and English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from kesher_desktop.ui.durations import duration_text, whole_minutes
from kesher_desktop.ui.i18n import install_language


@pytest.fixture
def hebrew(qapp: QApplication) -> Iterator[None]:
    install_language(qapp, "he")
    yield
    install_language(qapp, "en")


def test_whole_minutes_round_down() -> None:
    assert whole_minutes(timedelta(seconds=59)) == 0
    assert whole_minutes(timedelta(minutes=2, seconds=59)) == 2
    assert whole_minutes(timedelta(seconds=-5)) == 0


@pytest.mark.usefixtures("qapp")
def test_minutes_then_hours_and_minutes_then_days() -> None:
    assert duration_text(timedelta(seconds=30)) == ""
    assert duration_text(timedelta(minutes=1, seconds=59)) == "one minute"
    assert duration_text(timedelta(minutes=59, seconds=59)) == "59 minutes"
    assert duration_text(timedelta(hours=1)) == "one hour"
    assert duration_text(timedelta(hours=2, minutes=1)) == "two hours and one minute"
    assert duration_text(timedelta(hours=47, minutes=59)) == "47 hours and 59 minutes"
    assert duration_text(timedelta(days=2, hours=23)) == "two days"
    assert duration_text(timedelta(days=9)) == "9 days"


@pytest.mark.usefixtures("hebrew")
def test_hebrew_says_two_hours_and_two_days_in_one_word() -> None:
    assert duration_text(timedelta(minutes=2, seconds=34)) == "2 דקות"
    assert duration_text(timedelta(hours=2)) == "שעתיים"
    assert duration_text(timedelta(hours=3, minutes=10)) == "3 שעות ו-10 דקות"
    assert duration_text(timedelta(days=2)) == "יומיים"
